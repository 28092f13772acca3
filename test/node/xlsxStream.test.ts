/** The streaming SpreadsheetML writer: escaping, values, styles, streaming, reproducible bytes; read back by exceljs and by our reader. */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import type { CellValue, WorkbookGrid } from '../../src/engine/grid';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileSink, nodeCompressor, nodeCompressorOffThread } from '../../src/node/summaryWriter';
import {
  ByteSink,
  FILL_ARGB,
  MAX_CELL_TEXT,
  STYLE_HEADER,
  XlsxStreamOptions,
  XlsxStreamWriter,
  XlsxValue,
  columnName,
  escapeXml,
  excelSerial,
  memorySink,
  styleId,
} from '../../src/xlsx/xlsxStream';
import { readXlsx } from '../../src/xlsx/readXlsx';

const DATE = new Date(Date.UTC(2026, 10, 28));
const utc = (y: number, m: number, d: number, h = 0, mi = 0) => new Date(Date.UTC(y, m - 1, d, h, mi));

interface SheetInput {
  name: string;
  rows: XlsxValue[][];
  styles?: (number | number[] | undefined)[];
  widths?: number[];
  frozenRows?: number;
  filter?: { firstRow: number; lastRow: number; firstColumn: number; lastColumn: number };
}

async function write(sheets: SheetInput[], options: XlsxStreamOptions = {}): Promise<Uint8Array> {
  const sink = memorySink();
  const book = new XlsxStreamWriter(sink, { date: DATE, ...options });
  for (const s of sheets) {
    const ws = book.addSheet(s.name, { widths: s.widths, frozenRows: s.frozenRows });
    s.rows.forEach((row, i) => ws.addRow(row, s.styles?.[i]));
    if (s.filter) ws.setAutoFilter(s.filter);
  }
  await book.finish();
  return sink.bytes();
}

async function exceljs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

function ours(bytes: Uint8Array): WorkbookGrid {
  const read = readXlsx(bytes);
  if (!read.ok) throw new Error(`unreadable: ${read.cause} ${read.detail ?? ''}`);
  return read.workbook;
}

const part = (bytes: Uint8Array, name: string): string =>
  strFromU8(unzipSync(bytes, { filter: (f) => f.name === name })[name]);

describe('escaping', () => {
  const texts = [
    'a<b & c>"d"',
    '  padded both  ',
    'tab\tinside',
    'bell\u0007x\u0000y\u001fz\uffff',
    'kalimat pertama\r\nkalimat kedua\nketiga',
    'lone \ud800 surrogate, emoji 😀 kept',
    'literal _x0041_ stays',
    'Perlu Perbaikan «Dinas Kesehatan»',
  ];
  const expected = [
    'a<b & c>"d"',
    '  padded both  ',
    'tab\tinside',
    'bellxyz',
    'kalimat pertama\r\nkalimat kedua\nketiga',
    'lone  surrogate, emoji 😀 kept',
    'literal _x0041_ stays',
    'Perlu Perbaikan «Dinas Kesehatan»',
  ];
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await write([{ name: 'Teks & <Angka>', rows: texts.map((t) => [t]) }]);
  });

  test('escapeXml: markup escaped, characters XML 1.0 cannot carry dropped', () => {
    expect(escapeXml('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
    expect(escapeXml('a\u0000b\u0008c\u000bd\u000ce\u001ff\ufffeg\uffffh')).toBe('abcdefgh');
    expect(escapeXml('tab\tlf\n')).toBe('tab\tlf\n');
    expect(escapeXml('cr\r')).toBe('cr&#13;');
    expect(escapeXml('😀\ud800\udc00')).toBe('😀\ud800\udc00'); // pairs kept
    expect(escapeXml('x\udc00y\ud800')).toBe('xy'); // lone halves dropped
  });

  test('the sheet XML: inline strings, entities, xml:space only where blanks lead or trail', () => {
    const xml = part(bytes, 'xl/worksheets/sheet1.xml');
    expect(xml).toContain('<c r="A1" t="inlineStr"><is><t>a&lt;b &amp; c&gt;&quot;d&quot;</t></is></c>');
    expect(xml).toContain('<t xml:space="preserve">  padded both  </t>');
    expect(xml).toContain('<t>tab\tinside</t>');
    expect(xml).toContain('<t>kalimat pertama&#13;\nkalimat kedua\nketiga</t>');
    expect(xml).toContain('<t>literal _x005F_x0041_ stays</t>');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/); // eslint-disable-line no-control-regex
    expect(part(bytes, 'xl/workbook.xml')).toContain(
      '<sheet name="Teks &amp; &lt;Angka&gt;" sheetId="1" r:id="rId1"/>',
    );
  });

  test('our reader reads the texts back exactly', () => {
    const grid = ours(bytes);
    expect(grid.sheets[0].name).toBe('Teks & <Angka>');
    expect(grid.sheets[0].rows.map((r) => r?.[0])).toEqual(expected);
  });

  test('exceljs reads them back (it does not undo Excel’s _xHHHH_ escapes, so that one is left out)', async () => {
    const ws = (await exceljs(bytes)).getWorksheet('Teks & <Angka>')!;
    const read = texts.map((_, i) => ws.getRow(i + 1).getCell(1).value);
    expect(read.filter((_, i) => i !== 6)).toEqual(expected.filter((_, i) => i !== 6));
  });

  test('text longer than Excel’s 32,767 characters is cut there', async () => {
    const grid = ours(await write([{ name: 'S', rows: [['x'.repeat(MAX_CELL_TEXT + 10)]] }]));
    expect((grid.sheets[0].rows[0]?.[0] as string).length).toBe(MAX_CELL_TEXT);
  });
});

describe('values', () => {
  const rows: XlsxValue[][] = [
    ['Teks', 'Angka', 'Tanggal', 'Waktu', 'Benar'],
    ['bulat', 150000000, utc(2025, 1, 15), utc(2026, 11, 28, 12, 30), true],
    ['pecahan', -0.125, utc(1900, 3, 1), null, false],
    ['besar', 1e21, utc(1900, 1, 1), undefined, null],
    ['kosong', Number.NaN, utc(1899, 12, 30), '', 0],
  ];
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await write([{ name: 'Nilai', rows }]);
  });

  test('excelSerial: Excel’s 1900 date system, phantom 29 February included; before 1900 is no date', () => {
    expect(excelSerial(utc(2025, 1, 15))).toBe(45672);
    expect(excelSerial(utc(2026, 11, 28))).toBe(46354);
    expect(excelSerial(utc(2026, 11, 28, 12))).toBe(46354.5);
    expect(excelSerial(utc(1900, 3, 1))).toBe(61);
    expect(excelSerial(utc(1900, 2, 28))).toBe(59);
    expect(excelSerial(utc(1900, 1, 1))).toBe(1);
    expect(excelSerial(utc(1899, 12, 31))).toBeNull();
    expect(excelSerial(new Date(Number.NaN))).toBeNull();
  });

  test('the sheet XML: numbers and serials as <v>, dates with a date style, booleans as t="b"', () => {
    const xml = part(bytes, 'xl/worksheets/sheet1.xml');
    const date = styleId({ format: 'date' });
    const dateTime = styleId({ format: 'dateTime' });
    expect(xml).toContain('<c r="B2"><v>150000000</v></c>');
    expect(xml).toContain(`<c r="C2" s="${date}"><v>45672</v></c>`);
    expect(xml).toMatch(new RegExp(`<c r="D2" s="${dateTime}"><v>46354\\.52083`));
    expect(xml).toContain('<c r="E2" t="b"><v>1</v></c>');
    expect(xml).toContain('<c r="B3"><v>-0.125</v></c>');
    expect(xml).toContain('<c r="B4"><v>1e+21</v></c>');
    expect(xml).not.toContain('r="B5"'); // NaN: blank
    expect(xml).not.toContain('r="D5"'); // '': blank
    expect(xml).toContain('<c r="C5" t="inlineStr"><is><t>1899-12-30</t></is></c>'); // no Excel date: ISO text
    const styles = part(bytes, 'xl/styles.xml');
    // Indonesian month names whatever the PC's locale (docs/spec/consolidation.md, Printing and reading).
    expect(styles).toContain('<numFmt numFmtId="164" formatCode="[$-421]d mmm yyyy"/>');
    expect(styles).toContain('<numFmt numFmtId="165" formatCode="[$-421]d mmm yyyy hh:mm"/>');
  });

  test('exceljs reads real numbers, dates and booleans', async () => {
    const ws = (await exceljs(bytes)).getWorksheet('Nilai')!;
    expect(ws.getRow(2).values).toEqual([
      undefined,
      'bulat',
      150000000,
      utc(2025, 1, 15),
      utc(2026, 11, 28, 12, 30),
      true,
    ]);
    expect(ws.getCell('C2').numFmt).toBe('[$-421]d mmm yyyy');
    expect(ws.getCell('D2').numFmt).toBe('[$-421]d mmm yyyy hh:mm');
    expect(ws.getCell('B3').value).toBe(-0.125);
    expect(ws.getCell('C3').value).toEqual(utc(1900, 3, 1));
    expect(ws.getCell('E3').value).toBe(false);
    expect(ws.getCell('B4').value).toBe(1e21);
    expect(ws.getCell('B5').value).toBeNull();
  });

  test('our reader reads the same', () => {
    const rows = ours(bytes).sheets[0].rows;
    const expected: CellValue[] = ['bulat', 150000000, { kind: 'date', serial: 45672 }];
    expect(rows[1]?.slice(0, 3)).toEqual(expected);
    expect((rows[1]?.[3] as { serial: number }).serial).toBeCloseTo(46354 + 12.5 / 24, 9);
    expect(rows[1]?.[4]).toBe(true);
    expect(rows[2]?.slice(0, 3)).toEqual(['pecahan', -0.125, { kind: 'date', serial: 61 }]);
    expect(rows[2]?.[4]).toBe(false);
    expect(rows[3]?.[2]).toEqual({ kind: 'date', serial: 1 });
    expect(rows[4]?.[4]).toBe(0);
  });
});

describe('layout and styles, read back with exceljs', () => {
  const green = styleId({ fill: 'green' });
  const red = styleId({ fill: 'red' });
  const boldInteger = styleId({ bold: true, format: 'integer' });
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await write([
      {
        name: 'Rekap OPD',
        widths: [6, 40, 18, 12],
        frozenRows: 1,
        rows: [
          ['No', 'Perangkat Daerah', 'Status', 'Anggaran (Rp)'],
          [1, 'Dinas Kesehatan', 'Siap', 150000000],
          [2, "Dinas Pemuda dan Olahraga's", 'Tidak Terbaca', null],
          [null, 'Total Kota', null, 150000000],
        ],
        styles: [
          STYLE_HEADER,
          [0, 0, green, styleId({ format: 'integer' })],
          [0, 0, red],
          [boldInteger, boldInteger, boldInteger, boldInteger],
        ],
        filter: { firstRow: 1, lastRow: 4, firstColumn: 1, lastColumn: 4 },
      },
      {
        name: "Info 'Kota' Konsolidasi",
        frozenRows: 1,
        rows: [
          ['Keterangan', 'Nilai'],
          ['Waktu', utc(2026, 11, 28)],
          [],
          ['Berkas', 'Ukuran (byte)'],
          ['a.xlsx', 1234],
        ],
        styles: [STYLE_HEADER, undefined, undefined, STYLE_HEADER],
        filter: { firstRow: 4, lastRow: 5, firstColumn: 1, lastColumn: 2 },
      },
    ]);
  });

  test('sheets in order; bold filled header; frozen row 1; widths; autofilter; status fills; bold total', async () => {
    const wb = await exceljs(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Rekap OPD', "Info 'Kota' Konsolidasi"]);
    expect(wb.creator).toBe('inovasi-daerah');
    expect(wb.created).toEqual(DATE);
    const ws = wb.getWorksheet('Rekap OPD')!;
    const header = ws.getCell('A1');
    expect(header.font?.bold).toBe(true);
    expect(header.fill).toMatchObject({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: FILL_ARGB.header },
    });
    expect(header.alignment).toMatchObject({ vertical: 'middle' });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' });
    expect([1, 2, 3, 4].map((c) => ws.getColumn(c).width)).toEqual([6, 40, 18, 12]);
    expect(ws.autoFilter).toBe('A1:D4');
    expect(ws.getCell('C2').fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFC6EFCE' } });
    expect(ws.getCell('C3').fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    expect(ws.getCell('D2').numFmt).toBe('#,##0');
    expect(ws.getCell('B2').font?.bold).toBeFalsy();
    expect(ws.getCell('B4').font?.bold).toBe(true);
    expect(ws.getCell('D4').font?.bold).toBe(true);
    expect(ws.getCell('D4').numFmt).toBe('#,##0');
    expect(ws.getCell('A4').value).toBeNull();

    const info = wb.getWorksheet("Info 'Kota' Konsolidasi")!;
    expect(info.getRow(2).values).toEqual([undefined, 'Waktu', utc(2026, 11, 28)]);
    expect(info.getRow(3).cellCount).toBe(0);
    expect(info.getCell('A4').font?.bold).toBe(true);
    expect(info.autoFilter).toBe('A4:B5');
  });

  test('the workbook names each filter range (_xlnm._FilterDatabase), quoting sheet names', () => {
    const xml = part(bytes, 'xl/workbook.xml');
    expect(xml).toContain(
      `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Rekap OPD'!$A$1:$D$4</definedName>`,
    );
    expect(xml).toContain(
      `<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">'Info ''Kota'' Konsolidasi'!$A$4:$B$5</definedName>`,
    );
    const sheet = part(bytes, 'xl/worksheets/sheet1.xml');
    expect(sheet).toContain(
      '<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>',
    );
    expect(sheet).toMatch(/<\/sheetData><autoFilter ref="A1:D4"\/>/);
  });

  test('the package parts', () => {
    const names = Object.keys(unzipSync(bytes));
    expect(names.sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'docProps/app.xml',
      'docProps/core.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
    expect(part(bytes, 'docProps/core.xml')).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-28T00:00:00Z</dcterms:created>',
    );
  });

  test('styleId covers the table; bad names and styles are refused', async () => {
    expect(styleId({})).toBe(0);
    expect(new Set([STYLE_HEADER, green, red, boldInteger, styleId({ bold: true })]).size).toBe(5);
    expect(() => styleId({ fill: 'blue' as never })).toThrow(RangeError);
    const book = new XlsxStreamWriter(memorySink());
    expect(() => book.addSheet('a/b')).toThrow(RangeError);
    expect(() => book.addSheet('x'.repeat(32))).toThrow(RangeError);
    const ws = book.addSheet('Data');
    expect(() => book.addSheet('DATA')).toThrow(RangeError);
    expect(() => ws.addRow([1], 999)).toThrow(RangeError);
    expect(() => ws.addRow(new Array(16_385).fill(1))).toThrow(RangeError);
    expect(columnName(0) + columnName(25) + columnName(26) + columnName(16383)).toBe('AZAAXFD');
  });
});

/** Entry time (MS-DOS, as written) and CRC-32 of every entry, from the central directory. */
function zipEntries(zip: Uint8Array): { time: number; crc: number }[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const entries: { time: number; crc: number }[] = [];
  let p = view.getUint32(eocd + 16, true);
  for (let n = view.getUint16(eocd + 10, true); n > 0; n--) {
    entries.push({ time: view.getUint32(p + 12, true), crc: view.getUint32(p + 16, true) });
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return entries;
}

describe('reproducible', () => {
  const sheets = (): SheetInput[] => [
    {
      name: 'A',
      frozenRows: 1,
      rows: [['x', 'y'], ...Array.from({ length: 3000 }, (_, i) => [`baris ${i}`, i * 1.5])],
      styles: [STYLE_HEADER],
    },
    { name: 'B', rows: [[utc(2025, 1, 15)]] },
  ];

  test.each([
    ['fflate', {}],
    ['Node zlib', { compressor: nodeCompressor }],
    ['Node zlib off the main thread', { compressor: nodeCompressorOffThread }],
  ])('the same input gives the same bytes, in any time zone (%s)', async (_, options) => {
    const tz = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Jayapura';
      const first = await write(sheets(), { ...options, batchRows: 100 });
      process.env.TZ = 'America/Los_Angeles';
      const second = await write(sheets(), { ...options, batchRows: 100 });
      expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
      // Every entry stamped 2026-11-28 00:00 (the UTC fields of the workbook date).
      const dos = (((2026 - 1980) << 9) | (11 << 5) | 28) << 16;
      expect(new Set(zipEntries(first).map((e) => e.time))).toEqual(new Set([dos]));
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  test('fflate, zlib and fflate with a native CRC give the same content and CRCs', async () => {
    const withFflate = await write(sheets());
    const a = unzipSync(withFflate);
    for (const compressor of [nodeCompressor, nodeCompressorOffThread, { crc32: nodeCompressor.crc32 }]) {
      const other = await write(sheets(), { compressor, level: 6 });
      const b = unzipSync(other);
      expect(Object.keys(b)).toEqual(Object.keys(a));
      for (const name of Object.keys(a)) expect(Buffer.from(b[name]).equals(Buffer.from(a[name]))).toBe(true);
      expect(zipEntries(other).map((e) => e.crc)).toEqual(zipEntries(withFflate).map((e) => e.crc));
    }
  });
});

describe('streaming', () => {
  const ROWS = 20_000;
  const WORDS =
    'layanan masyarakat digital cepat tepat sasaran data terpadu kota bitung inovasi pelayanan publik warga'.split(
      ' ',
    );
  const row = (i: number): XlsxValue[] => [
    i + 1,
    `Inovasi Layanan ${i + 1}`,
    WORDS.map((w, k) => WORDS[(i + k) % WORDS.length] + (k === 0 ? ` ${i}` : ''))
      .join(' ')
      .repeat(16),
    utc(2024, 1 + (i % 12), 1 + (i % 27)),
    1_000_000 * (1 + (i % 50)),
    i % 3 ? 'Siap' : 'Perlu Perbaikan',
    `SOP/${i}/2024 < & >`,
  ];

  /** A sink that keeps only a count and the first few bytes, and asks for a drain now and then. */
  function countingSink() {
    let bytes = 0;
    let chunks = 0;
    let drains = 0;
    let head: Uint8Array | null = null;
    const sink: ByteSink = {
      write(chunk) {
        head ??= chunk.slice(0, 4);
        bytes += chunk.length;
        return ++chunks % 3 !== 0;
      },
      drain: () => new Promise<void>((resolve) => setImmediate(() => (drains++, resolve()))),
      close: async () => undefined,
    };
    return { sink, stats: () => ({ bytes, chunks, drains, head }) };
  }

  test(`${ROWS.toLocaleString('en')} rows go out while they are written; the heap stays bounded`, async () => {
    const { sink, stats } = countingSink();
    const book = new XlsxStreamWriter(sink, {
      date: DATE,
      compressor: nodeCompressor,
      chunkBytes: 64 * 1024,
    });
    const ws = book.addSheet('Daftar', { widths: [6, 30, 60, 12, 14, 16, 20], frozenRows: 1 });
    ws.addRow(['No', 'Nama', 'Rancang Bangun', 'Tanggal', 'Anggaran (Rp)', 'Status', 'SOP'], STYLE_HEADER);
    const styles = [0, 0, 0, styleId({ format: 'date' }), styleId({ format: 'integer' }), 0, 0];
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    let xmlChars = 0;
    let halfway = 0;
    for (let i = 0; i < ROWS; i++) {
      const values = row(i);
      xmlChars += (values[2] as string).length + 200;
      if (!ws.addRow(values, styles)) await ws.drain();
      if (i % 1000 === 0) heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
      if (i === ROWS / 2) halfway = stats().bytes;
    }
    ws.setAutoFilter({ firstRow: 1, lastRow: ROWS + 1, firstColumn: 1, lastColumn: 7 });
    const beforeFinish = stats().bytes;
    await book.finish();
    const done = stats();

    // Streamed: half the rows in, a good part of the file is already out; at the end only the tail is left.
    expect(halfway).toBeGreaterThan(done.bytes * 0.3);
    expect(beforeFinish).toBeGreaterThan(done.bytes * 0.9);
    expect(done.drains).toBeGreaterThan(0);
    expect(Array.from(done.head!)).toEqual([0x50, 0x4b, 0x03, 0x04]);
    // The sheet's text (> 35 MB of XML) is never held at once.
    expect(xmlChars).toBeGreaterThan(35e6);
    expect(heapPeak - heapBefore).toBeLessThan(xmlChars * 0.6); // garbage of the batches included
  }, 60_000);

  const dir = mkdtempSync(path.join(tmpdir(), 'xlsx-stream-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each([
    ['in one piece', nodeCompressor],
    ['off the main thread', nodeCompressorOffThread],
  ])(
    'a big sheet written to a file (its stream’s backpressure respected, deflated %s) reads back in full, with exceljs and our reader',
    async (_, compressor) => {
      const file = path.join(dir, 'besar.xlsx');
      const book = new XlsxStreamWriter(fileSink(file, { highWaterMark: 16 * 1024 }), {
        date: DATE,
        compressor,
        chunkBytes: 16 * 1024,
      });
      const ws = book.addSheet('Daftar', { frozenRows: 1 });
      let waits = 0;
      for (let i = 0; i < ROWS; i++) {
        if (!ws.addRow(row(i))) {
          waits++;
          await ws.drain();
        }
      }
      await book.finish();
      expect(waits).toBeGreaterThan(0);
      const bytes = new Uint8Array(readFileSync(file));
      const grid = ours(bytes);
      expect(grid.sheets[0].rows.length).toBe(ROWS);
      expect(grid.sheets[0].rows[ROWS - 1]?.[6]).toBe(`SOP/${ROWS - 1}/2024 < & >`);
      const sheet = (await exceljs(bytes)).getWorksheet('Daftar')!;
      expect(sheet.rowCount).toBe(ROWS);
      expect(sheet.getRow(ROWS).getCell(4).value).toEqual(row(ROWS - 1)[3]);
    },
    60_000,
  );

  test('an aborted file write leaves no partial file', async () => {
    const file = path.join(dir, 'batal.xlsx');
    const book = new XlsxStreamWriter(fileSink(file), { chunkBytes: 1024 });
    const ws = book.addSheet('S');
    for (let i = 0; i < 2000; i++) ws.addRow([`baris ${i}`, i]);
    book.abort(new Error('batal'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(existsSync(file)).toBe(false);
    expect(() => book.addSheet('T')).toThrow('batal');
  });

  test('a failing sink stops the writer with its error', async () => {
    const book = new XlsxStreamWriter(
      {
        write: () => {
          throw new Error('disk full');
        },
        drain: async () => undefined,
        close: async () => undefined,
      },
      { chunkBytes: 1024, batchRows: 10 },
    );
    const ws = book.addSheet('S');
    await expect(
      (async () => {
        for (let i = 0; i < 10_000; i++) ws.addRow([`baris ${i} ${'x'.repeat(50)}`]);
        await book.finish();
      })(),
    ).rejects.toThrow('disk full');
  });
});
