/**
 * The XML scanner's work is linear in the part's size for every unterminated construct (issue 15:
 * 40,000 unterminated `<rPh>` in a 7 KB file took 30 s, each item searching the rest of the part
 * for its closing tag). Work is counted, not timed: every character `String.prototype.indexOf`
 * examines while one part is parsed (the scanner's only searching primitive), so the assertions
 * are deterministic whatever the machine's load.
 */
import { dateCell, type CellValue } from '../../src/engine/grid';
import { parseSharedStrings } from '../../src/xlsx/parts';
import { parseDateStyles } from '../../src/xlsx/styles';
import { CellBudget, parseWorksheet, type SheetContext } from '../../src/xlsx/worksheet';
import { readStringItem, readText } from '../../src/xlsx/xml';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** Characters examined by `indexOf` while `run` runs. */
function indexOfWork(run: () => void): number {
  const original = String.prototype.indexOf;
  let examined = 0;
  String.prototype.indexOf = function (this: string, search: string, position?: number): number {
    const from = Math.max(0, Math.min(position ?? 0, this.length));
    const at = original.call(this, search, position);
    examined += (at < 0 ? this.length : at + search.length) - from;
    return at;
  };
  try {
    run();
  } finally {
    String.prototype.indexOf = original;
  }
  return examined;
}

const sst = (items: string) => `<?xml version="1.0"?><sst xmlns="${MAIN_NS}">${items}</sst>`;
const sheet = (cells: string) =>
  `<?xml version="1.0"?><worksheet xmlns="${MAIN_NS}"><sheetData><row r="1">${cells}</row></sheetData></worksheet>`;

function context(): SheetContext {
  return {
    sharedStrings: ['a'],
    dateStyles: [],
    date1904: false,
    maxRows: 1_048_576,
    maxColumns: 1_000_000,
    cells: new CellBudget(5_000_000),
  };
}

const readStrings = (xml: string) => () => void parseSharedStrings(xml, new CellBudget(5_000_000));
const readSheet = (xml: string) => () => void parseWorksheet(xml, context());

/** Each hostile construct, repeated n times, as a part and the parse that reads it. */
const CASES: [name: string, build: (n: number) => [xml: string, run: () => void]][] = [
  [
    'unterminated <rPh> in string items',
    (n) => {
      const xml = sst('<si><t>a</t><rPh sb="0" eb="1"><t>b</t></si>'.repeat(n));
      return [xml, readStrings(xml)];
    },
  ],
  [
    'unterminated comment in string items',
    (n) => {
      const xml = sst('<si><!-- <t>a</t></si>'.repeat(n));
      return [xml, readStrings(xml)];
    },
  ],
  [
    'unterminated CDATA in string items',
    (n) => {
      const xml = sst('<si><t><![CDATA[a</t></si>'.repeat(n));
      return [xml, readStrings(xml)];
    },
  ],
  [
    'unterminated <is> in inline-string cells',
    (n) => {
      const xml = sheet('<c t="inlineStr"><is><t>a</t></c>'.repeat(n));
      return [xml, readSheet(xml)];
    },
  ],
  [
    'unterminated <rPh> in inline strings',
    (n) => {
      const xml = sheet('<c t="inlineStr"><is><t>a</t><rPh><t>b</t></is></c>'.repeat(n));
      return [xml, readSheet(xml)];
    },
  ],
  [
    'unterminated CDATA in values',
    (n) => {
      const xml = sheet('<c t="str"><v><![CDATA[a</v></c>'.repeat(n));
      return [xml, readSheet(xml)];
    },
  ],
  [
    'unterminated comment in cells',
    (n) => {
      const xml = sheet('<c><!-- <v>1</v></c>'.repeat(n));
      return [xml, readSheet(xml)];
    },
  ],
  [
    'unterminated <f> without a value',
    (n) => {
      const xml = sheet('<c><f>1+1</c>'.repeat(n));
      return [xml, readSheet(xml)];
    },
  ],
];

describe('the XML scanner on unterminated constructs', () => {
  it.each(CASES)('%s: work proportional to the part, not to its square', (_name, build) => {
    const [small, runSmall] = build(2_000);
    const [large, runLarge] = build(8_000);
    const workSmall = indexOfWork(runSmall);
    const workLarge = indexOfWork(runLarge);
    // Quadratic work would be ~16× for 4× the items (and thousands of times the part's length).
    expect(workLarge / workSmall).toBeLessThan(5);
    expect(workLarge).toBeLessThan(8 * large.length);
    expect(workSmall).toBeLessThan(8 * small.length);
  });
});

describe('cell styles sharing one long custom format', () => {
  it('judge the format once, not once per style', () => {
    // Quotes and brackets make isDateFormatCode search (indexOf) through the whole code.
    const code = '"a"[red]'.repeat(20_000) + 'd';
    const styles = (n: number) =>
      `<styleSheet xmlns="${MAIN_NS}"><numFmts><numFmt numFmtId="200" formatCode='${code}'/></numFmts><cellXfs>${'<xf numFmtId="200"/>'.repeat(n)}</cellXfs></styleSheet>`;
    const small = styles(1_000);
    const large = styles(4_000);
    let result: boolean[] = [];
    const workSmall = indexOfWork(() => void parseDateStyles(small));
    const workLarge = indexOfWork(() => void (result = parseDateStyles(large)));
    expect(result).toHaveLength(4_000);
    expect(result.every((d) => d)).toBe(true);
    expect(workLarge).toBeLessThan(4 * large.length);
    expect(workLarge / workSmall).toBeLessThan(2);
  });
});

describe('bounded searches keep well-formed content as it was read', () => {
  it('skips a closed phonetic run and reads the text around it', () => {
    const xml = '<si><t>漢</t><rPh sb="0" eb="1"><t>かん</t></rPh><t>字</t></si>';
    expect(readStringItem(xml, 4, xml.length - 5, '')).toBe('漢字');
  });

  it('reads CDATA sections, closed or cut short at the element end', () => {
    const xml = '<v>a<![CDATA[<b>&amp;]]>c</v>';
    expect(readText(xml, 3, xml.length - 4)).toBe('a<b>&amp;c');
    const open = '<v>a<![CDATA[b</v><v>]]></v>';
    expect(readText(open, 3, open.indexOf('</v>'))).toBe('ab');
  });

  it('reads an unterminated <is> up to its cell end, and the next cell normally', () => {
    const rows = parseWorksheet(
      sheet(
        '<c r="A1" t="inlineStr"><is><t>a</t></c><c r="B1" t="inlineStr"><is><t>b</t></is></c><c r="C1" s="1"><v>45000</v></c>',
      ),
      { ...context(), dateStyles: [false, true] },
    );
    expect(rows[0]).toEqual<CellValue[]>(['a', 'b', dateCell(45000)]);
  });
});
