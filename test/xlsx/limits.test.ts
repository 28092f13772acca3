/**
 * The limits of docs/limits.md: what happens, how fast and in how much memory, with a million rows,
 * 16,384 columns, a 32,767-character cell, a file over 50 MB, and the cell budget.
 * Memory is bounded here; times are only printed (LIMITS_REPORT=1) — a busy machine must not fail a
 * test, and Jest's timeout ends a hang. Linear work is proven by counting (scannerLinear.test.ts).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { validateFile } from '../../src/cli/inputs';
import { columnLetter, type CellValue } from '../../src/engine/grid';
import { findingMessage } from '../../src/engine/messages';
import { defaultReference } from '../../src/engine/reference/load';
import { buildReport } from '../../src/engine/report';
import { validateWorkbook } from '../../src/engine/validate';
import { nodeRawInflate } from '../../src/cli/nativeInflate';
import { useRawInflate } from '../../src/xlsx/zip';
import {
  DEFAULT_LIMITS,
  describeCause,
  readXlsx,
  type ReadFailure,
  type ReadSuccess,
} from '../../src/xlsx/readXlsx';
import { MAX_STYLE_ENTRIES } from '../../src/xlsx/styles';
import { LABELS, VALID_IDENTITAS, validRow } from '../helpers/workbook';
import { escapeXml, gridXlsx, MAIN_NS, type SheetSource } from './gridXlsx';
import { MB, measure } from './memory';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { largeSheetXlsx } = require('../../scripts/generate-bad-files.js') as {
  largeSheetXlsx(pieces: Iterable<string>, options?: { level?: number }): Uint8Array;
};

const EXCEL_ROWS = 1_048_576;
const EXCEL_COLUMNS = 16_384;
const options = { reference: defaultReference(), today: '2026-11-28' };
/** Printed with LIMITS_REPORT=1, for docs/limits.md. */
const measured: string[] = [];
afterAll(() => {
  if (process.env.LIMITS_REPORT) console.log(measured.join('\n'));
});

function record(what: string, ms: number, rssGrowth: number): void {
  measured.push(`${what}\t${ms} ms\t+${Math.round(rssGrowth / MB)} MB rss`);
}

function workbookOf(result: ReadSuccess | ReadFailure) {
  if (!result.ok) throw new Error(`expected a workbook, got ${result.cause} (${result.detail ?? ''})`);
  return result.workbook;
}

function causeOf(result: ReadSuccess | ReadFailure): string {
  return result.ok ? 'read' : `${result.cause}: ${result.detail ?? ''}`;
}

/** `rows` rows of `cellsPerRow` numeric cells, with their `r` references, 1,024 rows per piece. */
function* numberedRows(rows: number, cellsPerRow: number): Generator<string> {
  const letters = Array.from({ length: cellsPerRow }, (_, c) => columnLetter(c));
  for (let from = 1; from <= rows; from += 1024) {
    let piece = '';
    for (let r = from; r < from + 1024 && r <= rows; r++) {
      piece += `<row r="${r}">`;
      for (const letter of letters) piece += `<c r="${letter}${r}"><v>${r}</v></c>`;
      piece += '</row>';
    }
    yield piece;
  }
}

/** The identity sheet and an Inovasi sheet with the standard header and the given rows. */
function submission(header: readonly string[], rows: readonly CellValue[][]): SheetSource[] {
  return [
    { name: 'Identitas', rows: VALID_IDENTITAS.map(([label, value]) => [label, value]) },
    { name: 'Inovasi', rows: [header, ...rows] },
  ];
}

const rowOf = (values: Record<string, CellValue>): CellValue[] =>
  LABELS.map((label) => values[label] ?? null);

describe('a sheet with a million rows', () => {
  it('of 5 cells each (5.2 million cells) is refused by the cell budget, having built nothing', () => {
    const bytes = largeSheetXlsx(numberedRows(EXCEL_ROWS, 5));
    const { result, ms, rssGrowth } = measure(() => readXlsx(bytes));
    record('1,048,576 rows × 5 cells: tooManyCells', ms, rssGrowth);
    expect(causeOf(result)).toBe('tooManyCells: 5000000');
    expect(rssGrowth).toBeLessThan(600 * MB); // the 190 MB sheet, inflated once and decoded once
  });

  it('is refused the same way, in bounded time and memory, with the native inflater the command line installs', () => {
    const bytes = largeSheetXlsx(numberedRows(EXCEL_ROWS, 5));
    useRawInflate(nodeRawInflate);
    try {
      const { result, ms, rssGrowth } = measure(() => readXlsx(bytes));
      record('1,048,576 rows × 5 cells, native inflate: tooManyCells', ms, rssGrowth);
      expect(causeOf(result)).toBe('tooManyCells: 5000000');
      expect(rssGrowth).toBeLessThan(600 * MB);
    } finally {
      useRawInflate(null);
    }
  });

  it('of 1 cell each (1 million cells) is read whole, and validated quickly: no header, STR findings', () => {
    const bytes = largeSheetXlsx(numberedRows(EXCEL_ROWS, 1));
    const read = measure(() => readXlsx(bytes));
    const sheet = workbookOf(read.result).sheets[0];
    expect(sheet.rows.length).toBe(EXCEL_ROWS);
    expect(sheet.rows[EXCEL_ROWS - 1]).toEqual([EXCEL_ROWS]);
    expect(read.rssGrowth).toBeLessThan(600 * MB);
    record('1,048,576 rows × 1 cell: read', read.ms, read.rssGrowth);

    const validated = measure(() =>
      validateWorkbook(read.result.ok ? read.result.workbook : { sheets: [] }, 'x.xlsx', options),
    );
    record('1,048,576 rows × 1 cell: validateWorkbook', validated.ms, validated.rssGrowth);
    // No identity sheet, no header in the first 20 rows: the sheet is not taken for a submission.
    expect(validated.result.findings.map((f) => f.rule)).toEqual(['STR-05', 'STR-01']);
  });

  it('ignores cells past row 1,048,576 or column XFD, wherever they come from', () => {
    const data =
      '<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c><c r="XFE1"><v>3</v></c><c r="ZZZZZZZZZZZZ1"><v>4</v></c></row>' +
      // A cell without `r` after XFD is the 16,385th column.
      '<row r="2"><c r="XFD2"><v>5</v></c><c><v>6</v></c></row>' +
      '<row r="1048576"><c r="A1048576"><v>7</v></c></row>' +
      '<row r="1048577"><c r="A1048577"><v>8</v></c><c><v>9</v></c></row>' +
      // A row without `r` after the last row; references too long for any number: a `<row r>`
      // decides the row of its cells (their own `r` only gives the column), else the cell's `r` does.
      `<row><c><v>10</v></c></row><row r="3"><c r="A${'9'.repeat(400)}"><v>11</v></c><c r="${'Z'.repeat(400)}3"><v>12</v></c></row>` +
      `<row><c r="B${'9'.repeat(400)}"><v>13</v></c></row>`;
    const sheet = workbookOf(readXlsx(gridXlsx([{ name: 'S', rows: data }]))).sheets[0];
    expect(sheet.rows.length).toBe(EXCEL_ROWS);
    expect(sheet.rows[0]?.length).toBe(EXCEL_COLUMNS);
    expect(sheet.rows[0]?.[0]).toBe(1);
    expect(sheet.rows[0]?.[EXCEL_COLUMNS - 1]).toBe(2);
    expect(sheet.rows[1]?.[EXCEL_COLUMNS - 1]).toBe(5);
    expect(sheet.rows[1]?.length).toBe(EXCEL_COLUMNS);
    expect(sheet.rows[2]).toEqual([11]);
    expect(sheet.rows[EXCEL_ROWS - 1]).toEqual([7]);
    const kept = sheet.rows.flatMap((r) => (r ? r.filter((v) => v !== undefined) : []));
    expect(kept).toEqual([1, 2, 5, 11, 7]);
  });
});

describe('16,384 columns', () => {
  it('a header spanning every column is read and validated quickly: one STR-03 per unknown column', () => {
    const header: string[] = [...LABELS];
    for (let c = LABELS.length; c < EXCEL_COLUMNS; c++) header.push(`Kolom ${columnLetter(c)}`);
    const bytes = gridXlsx(submission(header, [rowOf(validRow())]));
    const read = measure(() => readXlsx(bytes));
    const grid = workbookOf(read.result);
    expect(grid.sheets[1].rows[0]?.length).toBe(EXCEL_COLUMNS);
    const validated = measure(() => {
      const v = validateWorkbook(grid, 'x.xlsx', options);
      return { v, json: JSON.stringify(buildReport([v], { ...options, lang: 'en' })) };
    });
    record('16,384-column header: read', read.ms, read.rssGrowth);
    record('16,384-column header: validate + JSON report', validated.ms, validated.rssGrowth);
    const rules = validated.result.v.findings.map((f) => f.rule);
    expect(rules.filter((r) => r === 'STR-03')).toHaveLength(EXCEL_COLUMNS - LABELS.length);
    expect(rules.filter((r) => r !== 'STR-03')).toEqual([]);
    expect(validated.result.v.findings.at(-1)?.cell).toBe('XFD1');
    expect(read.rssGrowth + validated.rssGrowth).toBeLessThan(300 * MB);
  });

  it('sparse rows: 100,000 rows holding one cell in column XFD cost one entry each', () => {
    const rows = Array.from(
      { length: 100_000 },
      (_, i) => `<row r="${i + 2}"><c r="XFD${i + 2}"><v>1</v></c></row>`,
    );
    const headerRow = `<row r="1">${LABELS.map((l, c) => `<c r="${columnLetter(c)}1" t="inlineStr"><is><t>${escapeXml(l)}</t></is></c>`).join('')}</row>`;
    const sheets = submission(LABELS, []);
    sheets[1] = { name: 'Inovasi', rows: headerRow + rows.join('') };
    const bytes = gridXlsx(sheets);
    const { result, ms, rssGrowth } = measure(() => {
      const grid = workbookOf(readXlsx(bytes));
      return { grid, v: validateWorkbook(grid, 'x.xlsx', options) };
    });
    record('100,000 sparse rows (one XFD cell each): read + validate', ms, rssGrowth);
    expect(result.grid.sheets[1].rows[100_000]?.length).toBe(EXCEL_COLUMNS);
    // Rows with nothing in a known column are no innovation rows.
    expect(result.v.findings.map((f) => f.rule)).toEqual(['STR-08']);
    expect(rssGrowth).toBeLessThan(300 * MB);
  });
});

describe('long cells', () => {
  const EXCEL_MAX_CHARS = 32_767;

  it('reads a 32,767-character cell intact, as a shared and as an inline string, and a longer one as is', () => {
    const longest = 'ab\u00e9\u{1F600}'.repeat(EXCEL_MAX_CHARS).substring(0, EXCEL_MAX_CHARS);
    const longer = 'x'.repeat(100_000);
    const data =
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>${longest}</t></is></c>` +
      `<c r="C1" t="inlineStr"><is><t>${longer}</t></is></c><c r="D1" t="str"><f>REPT("x",5)</f><v>${longest}</v></c></row>`;
    const sst = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN_NS}"><si><t>${longest}</t></si></sst>`;
    const row = workbookOf(readXlsx(gridXlsx([{ name: 'S', rows: data }], { 'xl/sharedStrings.xml': sst })))
      .sheets[0].rows[0];
    expect(row?.map((v) => (typeof v === 'string' ? v.length : v))).toEqual([
      EXCEL_MAX_CHARS,
      EXCEL_MAX_CHARS,
      100_000,
      EXCEL_MAX_CHARS,
    ]);
    expect(row?.[0]).toBe(longest);
    expect(row?.[1]).toBe(longest);
    expect(row?.[3]).toBe(longest);
  });

  it('a 32,767-character nama is FMT-06 through the reader and the engine, quickly', () => {
    const nama = 'Inovasi '.repeat(5000).substring(0, EXCEL_MAX_CHARS);
    const bytes = gridXlsx(
      submission(LABELS, [rowOf(validRow()), rowOf(validRow({ No: 2, 'Nama Inovasi': nama }))]),
    );
    const { result, ms } = measure(() => {
      const v = validateWorkbook(workbookOf(readXlsx(bytes)), 'x.xlsx', options);
      return { v, json: JSON.stringify(buildReport([v], { ...options, lang: 'id' })) };
    });
    record('32,767-character nama: read + validate + report', ms, 0);
    expect(result.v.findings.map((f) => `${f.rule}@${f.cell}`)).toEqual(['FMT-06@B3']);
    expect(findingMessage(result.v.findings[0], 'id')).toBe('Nama inovasi harus 5–200 karakter.');
  });
});

describe('a file over 50 MB', () => {
  let folder: string;
  beforeAll(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'inovasi-limits-'));
  });
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  /** A sparse file: its size is set, no data is written. */
  function sparseFile(name: string, size: number): string {
    const file = path.join(folder, name);
    fs.writeFileSync(file, '');
    fs.truncateSync(file, size);
    return file;
  }

  it('is refused by validateFile on its size, unread: one KON-03 tooLarge in both languages', async () => {
    const file = sparseFile('besar.xlsx', 51 * MB);
    const started = Date.now();
    const { validation, bytes } = await validateFile(file, options);
    const ms = Date.now() - started;
    record('51 MB file: validateFile', ms, 0);
    expect(bytes).toBeNull();
    expect(validation.findings.map((f) => [f.rule, f.params.kode])).toEqual([['KON-03', 'tooLarge']]);
    expect(findingMessage(validation.findings[0], 'id')).toBe(
      'Berkas tidak dapat dibaca: berkas lebih besar dari batas ukuran (51 MB > 50 MB).',
    );
    expect(findingMessage(validation.findings[0], 'en')).toBe(
      'The file cannot be read: the file is larger than the size limit (51 MB > 50 MB).',
    );
  });

  it('exactly 50 MB is not too large: it is read, and 50 MB of zero bytes is not an xlsx', async () => {
    const { validation, bytes } = await validateFile(sparseFile('pas.xlsx', 50 * MB), options);
    expect(bytes?.length).toBe(DEFAULT_LIMITS.maxFileBytes);
    expect(validation.findings.map((f) => [f.rule, f.params.kode])).toEqual([['KON-03', 'notXlsx']]);
  });
});

/** `<sheetData>` content of `n` one-cell rows. */
const cells = (n: number) =>
  Array.from({ length: n }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');

describe('the cell budget', () => {
  const twoSheets = (a: string, b: string) =>
    gridXlsx([
      { name: 'A', rows: a },
      { name: 'B', rows: b },
    ]);

  it('counts every cell of every worksheet, kept, empty or dropped', () => {
    const bytes = twoSheets(
      cells(2),
      `${cells(1)}<row r="2"><c r="B2" s="1"/><c r="XFE2"><v>1</v></c></row>`,
    );
    expect(causeOf(readXlsx(bytes, { ...DEFAULT_LIMITS, maxCells: 5 }))).toBe('read');
    expect(causeOf(readXlsx(bytes, { ...DEFAULT_LIMITS, maxCells: 4 }))).toBe('tooManyCells: 4');
  });

  it('does not count tags that only look alike (col, cfRule) or cells outside sheetData', () => {
    const sheet = `<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN_NS}"><x:cols><x:col min="1" max="2"/></x:cols><x:sheetData>${cells(3).replace(/<(\/?)(row|c|v)\b/g, '<$1x:$2')}</x:sheetData><x:conditionalFormatting><x:cfRule type="x"/></x:conditionalFormatting></x:worksheet>`;
    const bytes = gridXlsx([{ name: 'A', rows: '' }], { 'xl/worksheets/sheet1.xml': sheet });
    expect(causeOf(readXlsx(bytes, { ...DEFAULT_LIMITS, maxCells: 3 }))).toBe('read');
    expect(causeOf(readXlsx(bytes, { ...DEFAULT_LIMITS, maxCells: 2 }))).toBe('tooManyCells: 2');
  });

  it('bounds the shared-string table by the same number', () => {
    const sst = `<sst xmlns="${MAIN_NS}">${'<si><t>x</t></si>'.repeat(4)}<si/></sst>`;
    const bytes = gridXlsx([{ name: 'A', rows: cells(1) }], { 'xl/sharedStrings.xml': sst });
    expect(causeOf(readXlsx(bytes, { ...DEFAULT_LIMITS, maxCells: 5 }))).toBe('read');
    expect(causeOf(readXlsx(bytes, { ...DEFAULT_LIMITS, maxCells: 4 }))).toBe('tooManyCells: 4');
  });

  it('is 5,000,000 by default, and worded in both languages', () => {
    expect(DEFAULT_LIMITS.maxCells).toBe(5_000_000);
    expect(describeCause('tooManyCells', 'id', '5000000')).toBe(
      'lembar kerja berisi terlalu banyak sel (lebih dari 5.000.000)',
    );
    expect(describeCause('tooManyCells', 'en', '5000000')).toBe(
      'the worksheets hold too many cells (more than 5,000,000)',
    );
    expect(describeCause('tooManyCells', 'en', '12')).toBe(
      'the worksheets hold too many cells (more than 12)',
    );
  });
});

describe('other parts padded with entries', () => {
  it('reads no more than 65,536 cell styles: a cell using a later one is a plain number', () => {
    const xfs = Array.from({ length: MAX_STYLE_ENTRIES + 100 }, () => '<xf numFmtId="14"/>').join('');
    const styles = `<styleSheet xmlns="${MAIN_NS}"><cellXfs>${xfs}</cellXfs></styleSheet>`;
    const data = `<row r="1"><c r="A1" s="0"><v>45000</v></c><c r="B1" s="${MAX_STYLE_ENTRIES - 1}"><v>45000</v></c><c r="C1" s="${MAX_STYLE_ENTRIES + 50}"><v>45000</v></c></row>`;
    const row = workbookOf(readXlsx(gridXlsx([{ name: 'S', rows: data }], { 'xl/styles.xml': styles })))
      .sheets[0].rows[0];
    expect(row).toEqual([{ kind: 'date', serial: 45000 }, { kind: 'date', serial: 45000 }, 45000]);
  });

  it('parses a worksheet part named by 200,000 sheets once', () => {
    const sheetList = Array.from(
      { length: 200_000 },
      (_, i) => `<sheet name="S${i}" sheetId="${i + 1}" r:id="rIdS1"/>`,
    ).join('');
    const workbook = `<workbook xmlns="${MAIN_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheetList}</sheets></workbook>`;
    const bytes = gridXlsx([{ name: 'S', rows: cells(1000) }], { 'xl/workbook.xml': workbook });
    const { result, ms, rssGrowth } = measure(() => readXlsx(bytes));
    record('200,000 sheets naming one part: read', ms, rssGrowth);
    const grid = workbookOf(result);
    expect(grid.sheets).toHaveLength(200_000);
    expect(grid.sheets[199_999].rows).toBe(grid.sheets[0].rows);
  });
});

describe('sizes the zip declares', () => {
  /** Sets the uncompressed size the central directory declares for one entry. */
  function declareSize(zip: Uint8Array, entryName: string, size: number): Uint8Array {
    const out = zip.slice();
    const view = new DataView(out.buffer);
    let eocd = out.length - 22;
    while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
    let at = view.getUint32(eocd + 16, true);
    for (let i = 0; i < view.getUint16(eocd + 10, true); i++) {
      const nameLength = view.getUint16(at + 28, true);
      if (Buffer.from(out.subarray(at + 46, at + 46 + nameLength)).toString('utf8') === entryName)
        view.setUint32(at + 24, size, true);
      at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    return out;
  }

  it('an overstated size is harmless: believed no further than deflate can expand (~1032×)', () => {
    const bytes = declareSize(
      gridXlsx([{ name: 'S', rows: cells(10) }]),
      'xl/worksheets/sheet1.xml',
      250 * MB,
    );
    const { result, rssGrowth } = measure(() => readXlsx(bytes));
    expect(workbookOf(result).sheets[0].rows).toHaveLength(10);
    expect(rssGrowth).toBeLessThan(50 * MB);
  });

  it('an understated size still reads the whole part, within the expansion limit', () => {
    const bytes = declareSize(gridXlsx([{ name: 'S', rows: cells(5000) }]), 'xl/worksheets/sheet1.xml', 10);
    expect(workbookOf(readXlsx(bytes)).sheets[0].rows).toHaveLength(5000);
  });
});

describe('entity expansion inside a sheet', () => {
  it('is refused at the DOCTYPE, unexpanded; an undeclared entity stays literal text', () => {
    const laughs = ['<!ENTITY lol0 "lol">'];
    for (let i = 1; i <= 9; i++) laughs.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
    const cell = '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>';
    const sheet = (doctype: string) =>
      `<?xml version="1.0"?>${doctype}<worksheet xmlns="${MAIN_NS}"><sheetData>${cell}</sheetData></worksheet>`;
    const bomb = gridXlsx([{ name: 'S', rows: '' }], {
      'xl/worksheets/sheet1.xml': sheet(`<!DOCTYPE worksheet [${laughs.join('')}]>`),
    });
    const { result, rssGrowth } = measure(() => readXlsx(bomb));
    expect(causeOf(result)).toBe('corrupt: DTD declaration in an xlsx part');
    expect(rssGrowth).toBeLessThan(20 * MB);
    const plain = gridXlsx([{ name: 'S', rows: '' }], { 'xl/worksheets/sheet1.xml': sheet('') });
    expect(workbookOf(readXlsx(plain)).sheets[0].rows).toEqual([['&lol9;']]);
  });
});
