/**
 * The reader's fast paths (issue 23: a `Data Dukung` sheet of 66,000 cells per workbook) read the
 * common forms in place — `<c …><v>digits</v></c>`, a `<row>` tag's `r`, `<si><t>text</t></si>` —
 * and hand everything else to the general path. Each case here is read twice: as written, and in a
 * form the fast path declines (a blank or a comment where XML allows one), so both paths must agree.
 */
import { dateCell, type CellValue } from '../../src/engine/grid';
import { parseSharedStrings } from '../../src/xlsx/parts';
import { CellBudget, parseWorksheet, type SheetContext, type SheetRows } from '../../src/xlsx/worksheet';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

const worksheet = (data: string, prefix = '') =>
  `<?xml version="1.0"?><${prefix}worksheet xmlns${prefix ? ':' + prefix.slice(0, -1) : ''}="${MAIN_NS}">` +
  `<${prefix}sheetData>${data}</${prefix}sheetData></${prefix}worksheet>`;

function context(overrides: Partial<SheetContext> = {}): SheetContext {
  return {
    sharedStrings: ['nol', 'satu'],
    dateStyles: [false, true],
    date1904: false,
    maxRows: 1_048_576,
    maxColumns: 16_384,
    cells: new CellBudget(5_000_000),
    ...overrides,
  };
}

const read = (data: string, overrides: Partial<SheetContext> = {}, prefix = ''): SheetRows =>
  parseWorksheet(worksheet(data, prefix), context(overrides));

/** The same cell with a blank before `</c>`: valid XML the fast path does not take. */
const slow = (cell: string) => cell.replace(/<\/((?:x:)?)c>$/, ' </$1c>');

describe('cells read in place agree with the general path', () => {
  const cells: [cell: string, value: CellValue][] = [
    ['<c r="A1"><v>0</v></c>', 0],
    ['<c r="A1"><v>2024</v></c>', 2024],
    ['<c r="A1"><v>000123</v></c>', 123],
    ['<c r="A1"><v>999999999999999</v></c>', 999_999_999_999_999], // 15 digits: exact
    ['<c r="A1"><v>12345678901234567890</v></c>', Number('12345678901234567890')], // longer: as Number reads it
    ['<c r="A1" s="1"><v>45658</v></c>', dateCell(45658)],
    ['<c r="A1" s="0"><v>45658</v></c>', 45658],
    ['<c r="A1" s="7"><v>45658</v></c>', 45658], // a style the table does not have
    ['<c r="A1" t="s"><v>1</v></c>', 'satu'],
    ['<c r="A1" t="s"><v>2</v></c>', null], // past the table
    ['<c r="A1" t="n"><v>15</v></c>', 15],
    ['<c r="A1" t="b"><v>1</v></c>', true],
    ['<c r="A1" t="b"><v>0</v></c>', false],
    ['<c r="A1" t="str"><v>42</v></c>', '42'],
    ['<c r="A1" t="inlineStr"><v>7</v></c>', '7'],
    ['<c r="A1" t="d"><v>2024</v></c>', '2024'],
    ['<c r="A1" t="e"><v>7</v></c>', { kind: 'error', code: '7' }],
    ['<c r="A1" t="x"><v>3</v></c>', 3], // an unknown type reads as a number, as before
    ['<c r="A1"><v>1.5</v></c>', 1.5],
    ['<c r="A1"><v>-3</v></c>', -3],
    ['<c r="A1"><v></v></c>', null],
    ['<c r="A1"><f>1+1</f><v>2</v></c>', 2],
  ];
  test.each(cells)('%s', (cell, value) => {
    const fast = read(`<row r="1">${cell}</row>`);
    const general = read(`<row r="1">${slow(cell)}</row>`);
    expect(fast).toEqual(general);
    expect(fast[0]?.[0] ?? null).toEqual(value);
  });

  test('a prefixed namespace (`x:c`), the 1904 date system, and limits on rows and columns', () => {
    const data =
      '<x:row r="2"><x:c r="A2" s="1"><x:v>100</x:v></x:c><x:c r="C2" t="s"><x:v>0</x:v></x:c></x:row>';
    expect(read(data, { date1904: true }, 'x:')[1]).toEqual([dateCell(1562), undefined, 'nol']);
    expect(read(data, { maxColumns: 2 }, 'x:')[1]).toEqual([dateCell(100)]);
    expect(read(data, { maxRows: 1 }, 'x:')).toEqual([]);
  });

  test('cells after a fast one keep their places; a cell without `r` follows the previous one', () => {
    const rows = read('<row r="1"><c r="B1"><v>1</v></c><c><v>2</v></c><c r="E1" t="s"><v>0</v></c></row>');
    expect(rows[0]).toEqual([undefined, 1, 2, undefined, 'nol']);
  });
});

describe('row tags read in place agree with the general path', () => {
  const rowsOf = (tag: string) => read(`${tag}<c><v>5</v></c></row>`);
  test.each([
    ['<row r="3">', 2],
    ['<row r="3" spans="1:11" x14ac:dyDescent="0.25">', 2],
    ["<row r='4'>", 3],
    ['<row spans="1:2" r="5">', 4],
    ['<row r=" 6 ">', 5], // blanks around the number: Number reads them
    ['<row r="&#55;">', 6], // an entity: decoded as before
    ['<row hidden r="8">', 7], // a valueless attribute: tolerated as before
    ['<row r="9" r="10">', 9], // the last of two wins, as before
    ['<row>', 0], // no number: the next row
    ['<row r="0">', 0],
    ['<row r="x">', 0],
  ])('%s → row index %d', (tag, index) => {
    const rows = rowsOf(tag);
    expect(rows.findIndex((r) => r !== undefined)).toBe(index);
    expect(rows[index]).toEqual([5]);
  });

  test('a broken row tag fails exactly as before', () => {
    expect(() => rowsOf('<row r=3>')).toThrow('malformed XML: unquoted attribute in <row>');
    expect(() => rowsOf('<row r="3"/ >')).toThrow('malformed XML: stray / in <row>');
    expect(() => read('<row r="3')).toThrow(/unterminated/);
  });

  test('a self-closing row is an empty row', () => {
    expect(read('<row r="2"/><row r="4"><c><v>1</v></c></row>')[3]).toEqual([1]);
  });
});

describe('shared strings read in place agree with the general path', () => {
  const table = (items: string, prefix = '') =>
    `<?xml version="1.0"?><${prefix}sst xmlns${prefix ? ':' + prefix.slice(0, -1) : ''}="${MAIN_NS}">${items}</${prefix}sst>`;
  const strings = (items: string, prefix = '') =>
    parseSharedStrings(table(items, prefix), new CellBudget(1000));
  /** The same item with a comment inside `<si>`: valid XML the fast path does not take. */
  const general = (item: string) => item.replace(/^<si>/, '<si><!---->');

  test.each([
    ['<si><t>Dinas Kesehatan</t></si>', 'Dinas Kesehatan'],
    ['<si><t>  dirapikan  </t></si>', 'dirapikan'],
    ['<si><t xml:space="preserve">  tetap  </t></si>', '  tetap  '],
    ['<si><t>A &amp; B</t></si>', 'A & B'],
    ['<si><t>baris_x000D_baru</t></si>', 'baris\rbaru'],
    ['<si><t>garis\r\nbaru</t></si>', 'garis\nbaru'],
    ['<si><t>_x</t></si>', '_x'],
    ['<si><r><t>kaya</t></r><r><t xml:space="preserve"> teks</t></r></si>', 'kaya teks'],
    ['<si><t>漢字</t><rPh sb="0" eb="1"><t>かんじ</t></rPh></si>', '漢字'],
    ['<si><t></t></si>', ''],
    ['<si><t/></si>', ''],
    ['<si/>', ''],
    ['<si><tx>bukan</tx><t>teks</t></si>', 'teks'],
  ])('%s', (item, text) => {
    expect(strings(item + '<si><t>berikutnya</t></si>')).toEqual([text, 'berikutnya']);
    expect(strings(general(item))).toEqual([text]);
  });

  test('a prefixed namespace, and the budget on items', () => {
    expect(
      strings('<x:si><x:t>satu</x:t></x:si><x:si><x:t xml:space="preserve"> dua</x:t></x:si>', 'x:'),
    ).toEqual(['satu', ' dua']);
    expect(() => parseSharedStrings(table('<si><t>a</t></si>'.repeat(3)), new CellBudget(2))).toThrow();
  });
});
