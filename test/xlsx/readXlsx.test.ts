import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import {
  cellAt,
  isoToSerial,
  noResultCell,
  type CellValue,
  type SheetGrid,
  type WorkbookGrid,
} from '../../src/engine/grid';
import {
  classifyBytes,
  DEFAULT_LIMITS,
  describeCause,
  readXlsx,
  type ReadFailure,
  type ReadFailureCause,
  READ_FAILURE_CAUSES,
} from '../../src/xlsx/readXlsx';
import { isDateFormatCode } from '../../src/xlsx/styles';

const REAL_WORLD = path.join(__dirname, '..', 'fixtures', 'real-world');
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

interface SheetSpec {
  name: string;
  /** The content of `<sheetData>`. */
  data: string;
  state?: 'hidden' | 'veryHidden';
}

interface WorkbookSpec {
  sheets: SheetSpec[];
  sharedStrings?: string[];
  /** The full xl/sharedStrings.xml, when the test needs to write it by hand. */
  sharedStringsXml?: string;
  /** Custom formats by id, then the numFmtId of each cellXfs entry (style index = position). */
  numFmts?: Record<number, string>;
  cellXfs?: number[];
  date1904?: boolean;
  /** Sheet targets written as absolute paths (`/xl/worksheets/…`). */
  absoluteTargets?: boolean;
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An xlsx written by hand: only the parts the reader needs, each exactly as the test says. */
function buildXlsx(spec: WorkbookSpec): Uint8Array {
  const parts: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  };
  const sheetList = spec.sheets
    .map(
      (s, i) =>
        `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rIdS${i + 1}"/>`,
    )
    .join('');
  parts['xl/workbook.xml'] =
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<workbookPr${spec.date1904 ? ' date1904="1"' : ''}/><sheets>${sheetList}</sheets></workbook>`;
  const rels = spec.sheets.map(
    (_, i) =>
      `<Relationship Id="rIdS${i + 1}" Type="${REL_NS}/worksheet" Target="${spec.absoluteTargets ? '/xl/' : ''}worksheets/sheet${i + 1}.xml"/>`,
  );
  rels.push(`<Relationship Id="rIdSst" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`);
  rels.push(`<Relationship Id="rIdSty" Type="${REL_NS}/styles" Target="styles.xml"/>`);
  parts['xl/_rels/workbook.xml.rels'] =
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}">${rels.join('')}</Relationships>`;
  spec.sheets.forEach((s, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] =
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>${s.data}</sheetData></worksheet>`;
  });
  parts['xl/sharedStrings.xml'] =
    spec.sharedStringsXml ??
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN_NS}">${(spec.sharedStrings ?? [])
      .map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`)
      .join('')}</sst>`;
  const numFmts = Object.entries(spec.numFmts ?? {})
    .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`)
    .join('');
  const xfs = (spec.cellXfs ?? [0])
    .map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"/>`)
    .join('');
  parts['xl/styles.xml'] =
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN_NS}">` +
    `${numFmts ? `<numFmts>${numFmts}</numFmts>` : ''}` +
    `<cellStyleXfs count="1"><xf numFmtId="22"/></cellStyleXfs><cellXfs>${xfs}</cellXfs></styleSheet>`;
  return zipParts(parts);
}

function partsOf(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

function zipParts(parts: Record<string, string | Uint8Array>): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [name, content] of Object.entries(parts))
    files[name] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(files, { level: 6 });
}

/** Rewrites the uncompressed size a zip declares for one entry (central directory and local header). */
function setDeclaredSize(zip: Uint8Array, entryName: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  let eocd = out.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  let at = view.getUint32(eocd + 16, true);
  for (let i = 0; i < view.getUint16(eocd + 10, true); i++) {
    const nameLength = view.getUint16(at + 28, true);
    const name = Buffer.from(out.subarray(at + 46, at + 46 + nameLength)).toString('utf8');
    if (name === entryName) {
      view.setUint32(at + 24, size, true);
      view.setUint32(view.getUint32(at + 42, true) + 22, size, true);
    }
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

function read(bytes: Uint8Array): WorkbookGrid {
  const result = readXlsx(bytes);
  if (!result.ok) throw new Error(`expected a workbook, got ${result.cause} (${result.detail ?? ''})`);
  return result.workbook;
}

function readFixture(name: string) {
  return readXlsx(new Uint8Array(fs.readFileSync(path.join(REAL_WORLD, name))));
}

function expectFailure(bytes: Uint8Array, cause: ReadFailureCause, limits = DEFAULT_LIMITS): ReadFailure {
  const result = readXlsx(bytes, limits);
  expect(result.ok).toBe(false);
  const failure = result as ReadFailure;
  expect(failure.cause).toBe(cause);
  return failure;
}

/** Cell by A1 address. */
function at(sheet: SheetGrid, address: string): CellValue {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return cellAt(sheet, Number(m[2]) - 1, col - 1);
}

const oneSheet = (data: string, extra: Omit<WorkbookSpec, 'sheets'> = {}) =>
  read(buildXlsx({ sheets: [{ name: 'Data', data }], ...extra })).sheets[0];

describe('real-world workbooks written by Excel (excelize test files)', () => {
  it('Book1: shared strings, cached formula values, inline strings, hidden rows, an absolute sheet target', () => {
    const result = readFixture('Book1.xlsx');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [sheet1, sheet2] = result.workbook.sheets;
    expect(result.workbook.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Sheet2']);
    expect(sheet1.visibility).toBe('visible');
    expect(at(sheet1, 'A19')).toBe('Total:');
    expect(at(sheet1, 'B19')).toBe(237); // =SUM(…) read by its cached value
    expect(at(sheet1, 'D21')).toBe('Column2');
    expect(sheet1.rows[0]).toBeUndefined(); // sparse: nothing before row 19
    expect(at(sheet2, 'A1')).toBe('Monitor');
    expect(at(sheet2, 'E1')).toBe('inlineStr');
    expect(at(sheet2, 'A2')).toBe('> 23 Inch');
    expect(at(sheet2, 'B2')).toBe(19);
    expect(at(sheet2, 'C9')).toBe('Apple'); // row 9 has height 0: hidden, still read
    expect(at(sheet2, 'C11')).toBe('Other'); // t="str"
    expect(at(sheet2, 'E11')).toEqual(noResultCell('B2+B3')); // formula without a cached value (written by excelize)
  });

  it('CalcChain: formula cells, and a shared-strings part named xl/SharedStrings.xml', () => {
    const result = readFixture('CalcChain.xlsx');
    expect(result.ok && result.workbook.sheets[0].rows[0]).toEqual([0, 1]);
  });

  it('MergeCell: every stored cell, merged areas empty outside their first cell', () => {
    const result = readFixture('MergeCell.xlsx');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const sheet = result.workbook.sheets[0];
    expect(at(sheet, 'A1')).toBe('A1');
    expect(at(sheet, 'B1')).toBeNull();
    expect(at(sheet, 'A7')).toBe('A7');
    expect(at(sheet, 'D12')).toBe('D12');
    expect(sheet.rows).toHaveLength(12);
  });

  it('OverflowNumericCell: a 13-digit number stays exact', () => {
    const result = readFixture('OverflowNumericCell.xlsx');
    expect(result.ok && at(result.workbook.sheets[0], 'A1')).toBe(8595602512225);
  });

  it('SharedStrings: rich-text runs joined, phonetic data left out', () => {
    const result = readFixture('SharedStrings.xlsx');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(at(result.workbook.sheets[0], 'A1')).toBe('A');
    expect(at(result.workbook.sheets[1], 'A1')).toBe('Test Weight (Kgs)');
  });

  it('BadWorkbook: an empty sheet list is noWorksheet', () => {
    expect(readFixture('BadWorkbook.xlsx')).toEqual({ ok: false, cause: 'noWorksheet' });
  });

  it.each(['encryptAES.xlsx', 'encryptSHA1.xlsx', 'encryptSHA512.xlsx'])(
    '%s is encrypted, not a legacy .xls',
    (name) => {
      expect(readFixture(name)).toEqual({ ok: false, cause: 'encrypted' });
    },
  );
});

describe('cell values', () => {
  it('reads shared strings, inline strings, numbers and booleans', () => {
    const sheet = oneSheet(
      '<row r="1">' +
        '<c r="A1" t="s"><v>0</v></c>' +
        '<c r="B1" t="inlineStr"><is><t>Dinas Kesehatan</t></is></c>' +
        '<c r="C1"><v>2024</v></c>' +
        '<c r="D1" t="n"><v>1.5E3</v></c>' +
        '<c r="E1" t="b"><v>1</v></c>' +
        '<c r="F1" t="b"><v>0</v></c>' +
        '<c r="G1"><v>-0.25</v></c>' +
        '</row>',
      { sharedStrings: ['Inovasi Pelayanan'] },
    );
    expect(sheet.rows[0]).toEqual(['Inovasi Pelayanan', 'Dinas Kesehatan', 2024, 1500, true, false, -0.25]);
  });

  it('tells error values apart from empty cells', () => {
    const sheet = oneSheet(
      '<row r="1"><c r="A1" t="e"><v>#REF!</v></c><c r="B1" s="0"/><c r="C1" t="e"><f>VLOOKUP(1,Z:Z,2,0)</f><v>#N/A</v></c>' +
        '<c r="D1"></c><c r="E1" t="e"><v>#DIV/0!</v></c></row>',
    );
    expect(at(sheet, 'A1')).toEqual({ kind: 'error', code: '#REF!' });
    expect(at(sheet, 'B1')).toBeNull();
    expect(at(sheet, 'C1')).toEqual({ kind: 'error', code: '#N/A' });
    expect(at(sheet, 'D1')).toBeNull();
    expect(at(sheet, 'E1')).toEqual({ kind: 'error', code: '#DIV/0!' });
  });

  it('reads formula cells by their cached value; no cached value is marked as a formula with no saved result', () => {
    const sheet = oneSheet(
      '<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>' +
        '<c r="C1"><f>NOW()</f></c><c r="D1" t="b"><f>TRUE()</f><v>1</v></c>' +
        '<c r="E1" t="str"><f>""</f><v></v></c><c r="F1" t="s"><f>A1</f><v>0</v></c></row>',
      { sharedStrings: ['cached'] },
    );
    expect(sheet.rows[0]).toEqual([2, 'ab', noResultCell('NOW()'), true, '', 'cached']);
  });

  it('reads numbers in date formats as dates: built-in 14, dd/mm/yyyy, [$-421]dd mmmm yyyy', () => {
    const serial = isoToSerial(2024, 3, 15);
    const sheet = oneSheet(
      '<row r="1">' +
        `<c r="A1" s="1"><v>${serial}</v></c>` +
        `<c r="B1" s="2"><v>${serial}</v></c>` +
        `<c r="C1" s="3"><v>${serial}</v></c>` +
        `<c r="D1" s="4"><v>${serial + 0.5}</v></c>` +
        `<c r="E1"><v>${serial}</v></c>` +
        `<c r="F1" s="5"><v>1500000</v></c>` +
        `<c r="G1" s="6"><v>12.5</v></c>` +
        `<c r="H1" s="7"><v>3</v></c>` +
        `<c r="I1" s="1" t="s"><v>0</v></c>` +
        '</row>',
      {
        sharedStrings: ['15/03/2024'],
        numFmts: {
          164: 'dd/mm/yyyy',
          165: '[$-421]dd mmmm yyyy',
          166: 'dd/mm/yyyy hh:mm',
          167: '[$Rp-421]#,##0',
          168: '[Red]0.00',
          169: '0 "hari"',
        },
        cellXfs: [0, 14, 164, 165, 166, 167, 168, 169],
      },
    );
    expect(at(sheet, 'A1')).toEqual({ kind: 'date', serial });
    expect(at(sheet, 'B1')).toEqual({ kind: 'date', serial });
    expect(at(sheet, 'C1')).toEqual({ kind: 'date', serial });
    expect(at(sheet, 'D1')).toEqual({ kind: 'date', serial: serial + 0.5 });
    expect(at(sheet, 'E1')).toBe(serial); // general format: a plain number
    expect(at(sheet, 'F1')).toBe(1500000);
    expect(at(sheet, 'G1')).toBe(12.5);
    expect(at(sheet, 'H1')).toBe(3);
    expect(at(sheet, 'I1')).toBe('15/03/2024'); // text in a date style stays text
  });

  it('reads t="d" ISO dates and converts 1904-system serials', () => {
    const sheet = oneSheet(
      '<row r="1"><c r="A1" t="d"><v>2024-03-15</v></c><c r="B1" t="d"><v>2024-03-15T12:00:00Z</v></c>' +
        '<c r="C1" t="d"><v>2024-02-31</v></c><c r="D1" s="1"><v>0</v></c></row>',
      { cellXfs: [0, 14], date1904: true },
    );
    const serial = isoToSerial(2024, 3, 15);
    expect(at(sheet, 'A1')).toEqual({ kind: 'date', serial });
    expect(at(sheet, 'B1')).toEqual({ kind: 'date', serial: serial + 0.5 });
    expect(at(sheet, 'C1')).toBe('2024-02-31'); // not a real date: kept as written
    expect(at(sheet, 'D1')).toEqual({ kind: 'date', serial: isoToSerial(1904, 1, 1) });
  });

  it('places cells without r attributes, and rows without r, by position', () => {
    const sheet = oneSheet(
      '<row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c></row>' +
        '<row><c/><c><v>2</v></c><c t="b"><v>1</v></c></row>' +
        '<row r="5"><c><v>5</v></c><c r="D5"><v>4</v></c><c><v>6</v></c></row>' +
        '<row><c r="B7"><v>7</v></c></row>',
    );
    expect(sheet.rows[0]).toEqual(['a', 1]);
    expect(at(sheet, 'B2')).toBe(2);
    expect(at(sheet, 'C2')).toBe(true);
    expect(at(sheet, 'A5')).toBe(5);
    expect(at(sheet, 'D5')).toBe(4);
    expect(at(sheet, 'E5')).toBe(6);
    expect(at(sheet, 'B7')).toBe(7); // a row without r takes its number from its cell
    expect(sheet.rows[2]).toBeUndefined();
  });

  it('reads hidden rows like visible ones', () => {
    const sheet = oneSheet(
      '<row r="1" hidden="1"><c r="A1"><v>1</v></c></row><row r="2" ht="0" customHeight="1"><c r="A2"><v>2</v></c></row>',
    );
    expect(at(sheet, 'A1')).toBe(1);
    expect(at(sheet, 'A2')).toBe(2);
  });

  it('reports sheet visibility and keeps workbook order', () => {
    const workbook = read(
      buildXlsx({
        sheets: [
          { name: 'Isian', data: '' },
          { name: 'Daftar', data: '', state: 'hidden' },
          { name: 'Rahasia & Kode', data: '', state: 'veryHidden' },
        ],
        absoluteTargets: true,
      }),
    );
    expect(workbook.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['Isian', 'visible'],
      ['Daftar', 'hidden'],
      ['Rahasia & Kode', 'veryHidden'],
    ]);
  });

  it('decodes entities, character references, Excel _xHHHH_ escapes and honours xml:space', () => {
    const sst =
      `<?xml version="1.0"?><sst xmlns="${MAIN_NS}">` +
      '<si><t>A &amp; B &lt;1&gt; &quot;q&quot; &apos;s&apos; &#233;&#x20AC;</t></si>' +
      '<si><t>baris 1_x000D_\nbaris 2 _x005F_x0041_</t></si>' +
      '<si><t>  dipangkas  </t></si>' +
      '<si><t xml:space="preserve">  dijaga  </t></si>' +
      '<si><r><t xml:space="preserve">Rp </t></r><r><rPr><b/></rPr><t>1.500</t></r><rPh sb="0" eb="1"><t>ルビ</t></rPh></si>' +
      '<si><t>&unknown; &amp</t></si>' +
      '<si/>' +
      '<si><t><![CDATA[<b>as is</b> &amp;]]></t></si>' +
      '</sst>';
    const sheet = oneSheet(
      '<row r="1">' + [0, 1, 2, 3, 4, 5, 6, 7].map((i) => `<c t="s"><v>${i}</v></c>`).join('') + '</row>',
      { sharedStringsXml: sst },
    );
    expect(sheet.rows[0]).toEqual([
      'A & B <1> "q" \'s\' é€',
      'baris 1\r\nbaris 2 _x0041_',
      'dipangkas',
      '  dijaga  ',
      'Rp 1.500',
      '&unknown; &amp',
      '',
      '<b>as is</b> &amp;',
    ]);
  });

  it('reads parts whose elements carry a namespace prefix (x:c)', () => {
    const sheetXml =
      `<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN_NS}"><x:sheetData><x:row r="2">` +
      '<x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="B2" t="inlineStr"><x:is><x:t>inline</x:t></x:is></x:c><x:c r="C2"><x:v>3</x:v></x:c>' +
      '</x:row></x:sheetData></x:worksheet>';
    const bytes = zipParts({
      '_rels/.rels': `<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="r1" Type="${REL_NS}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
      'xl/workbook.xml': `<x:workbook xmlns:x="${MAIN_NS}" xmlns:rel="${REL_NS}"><x:sheets><x:sheet name="P" sheetId="1" rel:id="a"/></x:sheets></x:workbook>`,
      'xl/_rels/workbook.xml.rels': `<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="a" Type="${REL_NS}/worksheet" Target="sheets/one.xml"/><Relationship Id="b" Type="${REL_NS}/sharedStrings" Target="strings.xml"/></Relationships>`,
      'xl/sheets/one.xml': sheetXml,
      'xl/strings.xml': `<x:sst xmlns:x="${MAIN_NS}"><x:si><x:t>shared</x:t></x:si></x:sst>`,
    });
    expect(read(bytes).sheets[0].rows[1]).toEqual(['shared', 'inline', 3]);
  });

  it('keeps no cells beyond maxRows / maxColumns', () => {
    const bytes = buildXlsx({
      sheets: [
        {
          name: 'S',
          data: '<row r="1"><c r="A1"><v>1</v></c><c r="E1"><v>5</v></c></row><row r="9"><c r="A9"><v>9</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>',
        },
      ],
    });
    const bounded = readXlsx(bytes, { ...DEFAULT_LIMITS, maxRows: 5, maxColumns: 3 });
    expect(bounded.ok && bounded.workbook.sheets[0].rows).toEqual([[1]]);
    const full = read(bytes).sheets[0];
    expect(at(full, 'XFD1048576')).toBe(2);
    expect(full.rows.length).toBe(1_048_576);
  });
});

describe('a workbook written by exceljs', () => {
  it('reads dates, errors, cached formula results, rich text, hidden rows and sheet states', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Isian');
    sheet.getCell('A1').value = 'Nama Inovasi';
    sheet.getCell('B1').value = new Date(Date.UTC(2024, 2, 15));
    sheet.getCell('C1').value = { formula: 'B1+1', result: new Date(Date.UTC(2024, 2, 16)) };
    sheet.getCell('D1').value = { error: '#REF!' };
    sheet.getCell('E1').value = { formula: 'VLOOKUP(1,Z:Z,2,0)', result: { error: '#N/A' } };
    sheet.getCell('F1').value = 1500000;
    sheet.getCell('F1').numFmt = '#,##0';
    sheet.getCell('G1').value = isoToSerial(2024, 3, 15);
    sheet.getCell('G1').numFmt = '[$-421]dd mmmm yyyy';
    sheet.getCell('H1').value = { richText: [{ text: 'Rp ' }, { font: { bold: true }, text: '1.500' }] };
    sheet.getCell('I1').value = true;
    sheet.getRow(2).hidden = true;
    sheet.getCell('A2').value = 'tersembunyi';
    workbook.addWorksheet('Daftar', { state: 'hidden' }).getCell('A1').value = 'x';
    workbook.addWorksheet('Kode', { state: 'veryHidden' });

    const grid = read(new Uint8Array(await workbook.xlsx.writeBuffer()));
    const date = { kind: 'date', serial: isoToSerial(2024, 3, 15) };
    expect(grid.sheets[0].rows).toEqual([
      [
        'Nama Inovasi',
        date,
        { kind: 'date', serial: isoToSerial(2024, 3, 16) },
        { kind: 'error', code: '#REF!' },
        { kind: 'error', code: '#N/A' },
        1500000,
        date,
        'Rp 1.500',
        true,
      ],
      ['tersembunyi'],
    ]);
    expect(grid.sheets.map((s) => s.visibility)).toEqual(['visible', 'hidden', 'veryHidden']);
  });
});

describe('files that are not readable workbooks', () => {
  const valid = () =>
    buildXlsx({
      sheets: [{ name: 'S', data: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }],
      sharedStrings: ['x'],
    });

  it('refuses a DOCTYPE (billion laughs) without expanding it, and leaves undeclared entities literal', () => {
    const laughs = ['<!ENTITY lol0 "lol">'];
    for (let i = 1; i <= 9; i++) laughs.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
    const sst =
      `<?xml version="1.0"?><!DOCTYPE sst [${laughs.join('')}]>` +
      `<sst xmlns="${MAIN_NS}"><si><t>&lol9;</t></si></sst>`;
    const bytes = buildXlsx({
      sheets: [{ name: 'S', data: '<row r="1"><c t="s"><v>0</v></c></row>' }],
      sharedStringsXml: sst,
    });
    const started = Date.now();
    expect(expectFailure(bytes, 'corrupt').detail).toMatch(/DTD/);
    expect(Date.now() - started).toBeLessThan(1000);
    // Without the DOCTYPE, the reference is just text.
    const plain = sst.replace(/<!DOCTYPE[^]*\]>/, '');
    expect(oneSheet('<row r="1"><c t="s"><v>0</v></c></row>', { sharedStringsXml: plain }).rows[0]).toEqual([
      '&lol9;',
    ]);
  });

  it('refuses a zip whose declared sizes exceed the expansion limit, before inflating', () => {
    const bomb = setDeclaredSize(valid(), 'xl/worksheets/sheet1.xml', 400 * 1024 * 1024);
    // 400 MB for the sheet plus the other parts' few bytes, rounded up.
    expect(expectFailure(bomb, 'expandsTooLarge').detail).toBe('401 MB > 300 MB');
  });

  it('stops inflating when an entry expands past the limit whatever its header claims', () => {
    const filler = `<row r="1"><c r="A1"><v>1</v></c></row>${' '.repeat(2 * 1024 * 1024)}`;
    const honest = buildXlsx({ sheets: [{ name: 'S', data: filler }] });
    const lying = setDeclaredSize(honest, 'xl/worksheets/sheet1.xml', 100);
    const limits = { ...DEFAULT_LIMITS, maxExpandedBytes: 1024 * 1024 };
    expect(expectFailure(honest, 'expandsTooLarge', limits).detail).toBe('3 MB > 1 MB');
    expect(expectFailure(lying, 'expandsTooLarge', limits).detail).toBe('> 1 MB');
    expect(readXlsx(lying).ok).toBe(true); // within the default limit it is an ordinary file
  });

  it('calls a truncated file corrupt', () => {
    const bytes = valid();
    expect(expectFailure(bytes.subarray(0, Math.floor(bytes.length / 2)), 'corrupt').detail).toMatch(
      /truncated/,
    );
  });

  it('calls a zip with damaged compressed data corrupt', () => {
    const bytes = buildXlsx({
      sheets: [{ name: 'S', data: '<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(200) }],
    });
    const damaged = bytes.slice();
    const sheetHeader = Buffer.from(damaged).indexOf('xl/worksheets/sheet1.xml');
    for (let i = sheetHeader + 40; i < sheetHeader + 80; i++) damaged[i] ^= 0xa5;
    expectFailure(damaged, 'corrupt');
  });

  it.each([
    ['a renamed CSV', 'No;Nama Inovasi;Tahun\n1;Sistem Antrian Online;2024\n', 'CSV/teks'],
    ['plain text', 'Ini hanya catatan.\r\n', 'CSV/teks'],
    ['an HTML export', '<!DOCTYPE html><html><body><table><tr><td>1</td></tr></table></body></html>', 'HTML'],
    [
      'SpreadsheetML 2003',
      '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>',
      'XML',
    ],
    ['a renamed PDF', '%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n', 'PDF'],
  ])('calls %s notXlsx', (_, content, detail) => {
    expect(expectFailure(Buffer.from(content, 'latin1'), 'notXlsx').detail).toBe(detail);
  });

  it('calls a zip that is not a workbook notXlsx', () => {
    const docx = zipParts({
      '_rels/.rels': `<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="r1" Type="${REL_NS}/officeDocument" Target="word/document.xml"/></Relationships>`,
      'word/document.xml':
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
    });
    expect(expectFailure(docx, 'notXlsx').detail).toBe('DOCX');
    expect(expectFailure(zipParts({ 'photo.txt': 'hello' }), 'notXlsx').detail).toBe('ZIP');
    expectFailure(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'notXlsx'); // PNG
  });

  it('calls an OLE compound file without EncryptionInfo a legacy .xls, with it encrypted', () => {
    const header = new Uint8Array(512);
    header.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expectFailure(header, 'legacyXls');
    // A damaged container whose directory cannot be walked: the stream name alone decides.
    const withName = new Uint8Array(1024);
    withName.set(header);
    withName.set(Buffer.from('EncryptedPackage', 'utf16le'), 700);
    expectFailure(withName, 'encrypted');
  });

  it('calls a 0-byte file empty and a file over the size limit tooLarge', () => {
    expect(readXlsx(new Uint8Array(0))).toEqual({ ok: false, cause: 'empty' });
    const limits = { ...DEFAULT_LIMITS, maxFileBytes: 1024 };
    expect(expectFailure(valid(), 'tooLarge', limits).detail).toMatch(/^\d+ KB > 1 KB$/);
    // Size comes first: not even the content is looked at.
    expect(classifyBytes(new Uint8Array(2048), 1024)).toEqual({
      ok: false,
      cause: 'tooLarge',
      detail: '2 KB > 1 KB',
    });
  });

  it('never throws, whatever the bytes', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 0x100000000;
    const base = valid();
    for (let i = 0; i < 300; i++) {
      const bytes = base.slice();
      const flips = 1 + Math.floor(random() * 8);
      for (let f = 0; f < flips; f++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      const result = readXlsx(bytes);
      expect(typeof result.ok).toBe('boolean');
    }
  });
});

describe('date format detection', () => {
  it.each([
    ['dd/mm/yyyy', true],
    ['[$-421]dd mmmm yyyy', true],
    ['[$-F800]dddd, mmmm dd, yyyy', true],
    ['h:mm AM/PM', true],
    ['[h]:mm:ss', true],
    ['yyyy-mm-dd;@', true],
    ['General', false],
    ['#,##0', false],
    ['[Red]#,##0.00;[Blue]-#,##0.00', false],
    ['[$Rp-421]#,##0', false],
    ['0 "hari"', false],
    ['#,##0\\ \\d', false],
    ['0.00E+00', false],
    ['@', false],
  ])('%s → %s', (code, isDate) => {
    expect(isDateFormatCode(code)).toBe(isDate);
  });
});

describe('describeCause', () => {
  it('names every cause in Indonesian and English', () => {
    const causes: readonly ReadFailureCause[] = READ_FAILURE_CAUSES;
    for (const cause of causes) {
      const id = describeCause(cause, 'id');
      const en = describeCause(cause, 'en');
      expect(id).toMatch(/^[a-z]/);
      expect(en).toMatch(/^[a-z]/);
      expect(id).not.toBe(en);
    }
    expect(describeCause('encrypted', 'id')).toBe('berkas dilindungi kata sandi (terenkripsi)');
    expect(describeCause('encrypted', 'en')).toBe('the workbook is protected with a password (encrypted)');
    expect(describeCause('legacyXls', 'id')).toContain('.xls');
    expect(describeCause('encrypted', 'id')).not.toContain('.xls');
  });

  it('renders details', () => {
    expect(describeCause('notXlsx', 'id', 'PDF')).toBe('bukan berkas Excel .xlsx (berkas PDF)');
    expect(describeCause('notXlsx', 'en', 'CSV/teks')).toBe('not an Excel .xlsx file (CSV/text)');
    expect(describeCause('tooLarge', 'en', '71 MB > 50 MB')).toBe(
      'the file is larger than the size limit (71 MB > 50 MB)',
    );
    expect(describeCause('corrupt', 'id', 'bad zip central directory')).toBe(
      'berkas .xlsx rusak atau tidak lengkap (rincian teknis: bad zip central directory)',
    );
    expect(describeCause('encrypted', 'en', 'zip entry encrypted')).toBe(describeCause('encrypted', 'en'));
  });

  it('keeps a detail quoting the file short and printable, whatever the file holds', () => {
    const garbage = '\u0000\u0007\uFFFD\uD800' + 'x'.repeat(100_000);
    const sheet = `<${garbage} a=b/>`; // the root element
    const bytes = zipParts({
      ...partsOf(buildXlsx({ sheets: [{ name: 'S', data: '' }] })),
      'xl/worksheets/sheet1.xml': sheet,
    });
    const detail = expectFailure(bytes, 'corrupt').detail ?? '';
    expect(detail).toBe(`malformed XML: unquoted attribute in <????${'x'.repeat(35)}…>`);
    // The names of zip entries too, and any detail as a whole.
    const longName = zipParts({
      ['xl/' + 'n'.repeat(5000) + '.xml']: 'x',
      '_rels/.rels': `<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="r1" Type="${REL_NS}/officeDocument" Target="xl/${'n'.repeat(5000)}.xml"/></Relationships>`,
    });
    expect(expectFailure(longName, 'corrupt').detail?.length).toBeLessThanOrEqual(120);
  });
});
