/**
 * The command line's summary and feedback workbooks as printed: page setup, print titles, header and
 * footer, wrapped texts, the two charts (series ranges and cached values against the cells), and each
 * feedback file's rows against the JSON report. Read back by unzipping (the XML as written) and with
 * the project's own reader (the cells).
 */
import { sheetCell } from '../../src/engine/innovation';
import { unzipSync, strFromU8 } from 'fflate';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { run, Io } from '../../src/cli/main';
import {
  DAFTAR_COLUMNS,
  REKAP_COLUMNS,
  SUMMARY_SHEET_NAMES,
  TEMUAN_COLUMNS,
} from '../../src/engine/consolidate';
import { longDate } from '../../src/engine/isoDate';
import { MIN_PRINT_SCALE, columnLetters } from '../../src/engine/printout';
import { ValidationReport } from '../../src/engine/report';
import { SheetGrid } from '../../src/engine/grid';
import { readXlsx } from '../../src/xlsx/readXlsx';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const root = mkdtempSync(path.join(tmpdir(), 'inovasi-cetak-'));
const summaryFile = path.join(root, 'rekap.xlsx');
const jsonFile = path.join(root, 'rekap.json');
const feedbackDir = path.join(root, 'umpan-balik');
const feedbackEn = path.join(root, 'feedback-en');

function io(progress = false) {
  const out: string[] = [];
  const err: string[] = [];
  const handle: Io = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    progress,
    today: () => '2026-11-28',
  };
  return { handle, out: () => out.join(''), err: () => err.join('') };
}

let stderr = '';
let stdout = '';
beforeAll(async () => {
  const a = io(true);
  await run(
    [
      'consolidate',
      EXAMPLES,
      '--today',
      '2026-11-28',
      '--out',
      summaryFile,
      '--json',
      jsonFile,
      '--umpan-balik',
      feedbackDir,
    ],
    a.handle,
  );
  stderr = a.err();
  stdout = a.out();
  await run(
    [
      'consolidate',
      EXAMPLES,
      '--today',
      '2026-11-28',
      '--out',
      path.join(root, 'en.xlsx'),
      '--umpan-balik',
      feedbackEn,
      '--lang',
      'en',
      '--quiet',
    ],
    io().handle,
  );
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

type Parts = Record<string, string>;
const parts = (file: string): Parts =>
  Object.fromEntries(Object.entries(unzipSync(readFileSync(file))).map(([k, v]) => [k, strFromU8(v)]));
const attr = (xml: string, element: string, name: string): string | null => {
  const m = new RegExp(`<${element}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml);
  return m ? m[1] : null;
};
const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** CT_Worksheet's children in the order the schema requires. */
const WORKSHEET_ORDER = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
];

/** Names of the top-level children of `<worksheet>`. */
function children(xml: string): string[] {
  const body = xml.slice(xml.indexOf('>', xml.indexOf('<worksheet')) + 1, xml.lastIndexOf('</worksheet>'));
  const names: string[] = [];
  let depth = 0;
  for (const m of body.matchAll(/<(\/?)([A-Za-z:]+)[^>]*?(\/?)>/g)) {
    const [, close, name, selfClosing] = m;
    if (close) depth--;
    else {
      if (depth === 0) names.push(name);
      if (!selfClosing) depth++;
    }
  }
  return names;
}

/** Sheet name → its part, through the workbook's relationships. */
function sheetParts(p: Parts): Record<string, string> {
  const rels = Object.fromEntries(
    [...p['xl/_rels/workbook.xml.rels'].matchAll(/Id="(rId\d+)"[^>]*Target="([^"]+)"/g)].map((m) => [
      m[1],
      `xl/${m[2]}`,
    ]),
  );
  return Object.fromEntries(
    [...p['xl/workbook.xml'].matchAll(/<sheet name="([^"]+)" sheetId="\d+" r:id="(rId\d+)"/g)].map((m) => [
      unescape(m[1]),
      rels[m[2]],
    ]),
  );
}

/** A cell's value by the project's reader (`'Rekap OPD'!$C$41`). */
function cellReader(file: string) {
  const read = readXlsx(new Uint8Array(readFileSync(file)));
  if (!read.ok) throw new Error('unreadable');
  return (ref: string): unknown => {
    const m = /^'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+)$/.exec(ref)!;
    const sheet = read.workbook.sheets.find((s) => s.name === m[1].replace(/''/g, "'"))!;
    let col = 0;
    for (const ch of m[2]) col = col * 26 + ch.charCodeAt(0) - 64;
    return sheet.rows[Number(m[3]) - 1]?.[col - 1] ?? null;
  };
}

describe('the summary prints', () => {
  let p: Parts;
  let sheets: Record<string, string>;
  beforeAll(() => {
    p = parts(summaryFile);
    sheets = sheetParts(p);
  });

  test('every sheet: landscape A4, one page wide when that stays readable, else 70 % across pages; elements in schema order', () => {
    expect(Object.keys(sheets)).toEqual([...SUMMARY_SHEET_NAMES]);
    const across: string[] = [];
    // Ringkasan: the one page a head of Bappeda reads first, A4 portrait, fitted to one page.
    const cover = p[sheets['Ringkasan']];
    expect(attr(cover, 'pageSetup', 'orientation')).toBe('portrait');
    expect([attr(cover, 'pageSetup', 'fitToWidth'), attr(cover, 'pageSetup', 'fitToHeight')]).toEqual([
      '1',
      '1',
    ]);
    for (const name of SUMMARY_SHEET_NAMES.filter((n) => n !== 'Ringkasan')) {
      const xml = p[sheets[name]];
      expect(attr(xml, 'pageSetup', 'orientation')).toBe('landscape');
      expect(attr(xml, 'pageSetup', 'paperSize')).toBe('9');
      if (attr(xml, 'pageSetup', 'scale') !== null) {
        // Too wide for one page at a readable size: a fixed scale, never below the floor, no fitting.
        expect(Number(attr(xml, 'pageSetup', 'scale'))).toBe(MIN_PRINT_SCALE);
        expect(attr(xml, 'pageSetUpPr', 'fitToPage')).toBeNull();
        expect(attr(xml, 'pageSetup', 'fitToWidth')).toBeNull();
        across.push(name);
      } else {
        expect(attr(xml, 'pageSetUpPr', 'fitToPage')).toBe('1');
        expect(attr(xml, 'pageSetup', 'fitToWidth')).toBe('1');
        expect(attr(xml, 'pageSetup', 'fitToHeight')).toBe('0');
      }
      const order = children(xml).map((c) => WORKSHEET_ORDER.indexOf(c));
      expect(order).not.toContain(-1);
      expect(order).toEqual([...order].sort((a, b) => a - b));
      // Row 1 stays the header row: frozen, filtered from there.
      expect(xml).toContain('<pane ySplit="1" topLeftCell="A2"');
    }
    // The demo's wide sheets print across pages; the narrow ones one page wide.
    expect(across).toEqual(expect.arrayContaining(['Rekap OPD', 'Daftar Inovasi', 'Kesiapan IID']));
    expect(across).not.toContain('Program RPJMD');
    expect(across).not.toContain('Katalog Replikasi');
    expect(across).not.toContain('Urusan');
  });

  test('row 1 is repeated on every page; the printed area is the sheet (and its chart)', () => {
    const wb = p['xl/workbook.xml'];
    SUMMARY_SHEET_NAMES.forEach((name, i) => {
      const q = `'${name}'`;
      // Ringkasan is one page: nothing to repeat.
      if (name !== 'Ringkasan')
        expect(wb).toMatch(
          new RegExp(
            `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">(${q}!\\$A:\\$[A-Z]+,)?${q}!\\$1:\\$1</definedName>`,
          ),
        );
      expect(wb).toMatch(
        new RegExp(
          `<definedName name="_xlnm.Print_Area" localSheetId="${i}">${q}!\\$A\\$1:\\$[A-Z]+\\$\\d+</definedName>`,
        ),
      );
    });
    // Every sheet printed across pages repeats its identifying columns: Kesiapan IID's Kode OPD … Nama Inovasi.
    expect(wb).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="${SUMMARY_SHEET_NAMES.indexOf('Kesiapan IID')}">'Kesiapan IID'!$A:$C,'Kesiapan IID'!$1:$1</definedName>`,
    );
    // Rekap OPD's No column stays narrow: the sign-off tally below sits under Perangkat Daerah.
    expect(p[sheets['Rekap OPD']]).toMatch(/<col min="1" max="1" width="5"/);
    // Kode OPD keeps its own width: the notes below it set none.
    const kesiapan = p[sheets['Kesiapan IID']];
    expect(kesiapan).toMatch(/<col min="1" max="1" width="12"/);
    // The sample has `iid`: Rekap OPD carries its two columns (docs/spec/iid.md).
    expect(wb).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="${SUMMARY_SHEET_NAMES.indexOf('Rekap OPD')}">'Rekap OPD'!$A$1:$${columnLetters(REKAP_COLUMNS.length + 1)}$`,
    );
    // Daftar Inovasi: the print area ends at Peringatan (the narratives stay in the sheet), Kode OPD … Nama Inovasi repeat across.
    const daftar = SUMMARY_SHEET_NAMES.indexOf('Daftar Inovasi');
    const cols = DAFTAR_COLUMNS;
    expect(wb).toMatch(
      new RegExp(
        `localSheetId="${daftar}">'Daftar Inovasi'!\\$A\\$1:\\$${columnLetters(cols.indexOf('Peringatan'))}\\$\\d+<`,
      ),
    );
    expect(wb).toContain(
      `localSheetId="${daftar}">'Daftar Inovasi'!$A:$${columnLetters(cols.indexOf('Nama Inovasi'))},'Daftar Inovasi'!$1:$1<`,
    );
    // Temuan: the finding ID is for programs, outside the print.
    const temuan = SUMMARY_SHEET_NAMES.indexOf('Temuan');
    expect(wb).toMatch(
      new RegExp(
        `localSheetId="${temuan}">'Temuan'!\\$A\\$1:\\$${columnLetters(TEMUAN_COLUMNS.indexOf('ID') - 1)}\\$\\d+<`,
      ),
    );
  });

  test('page header names sheet, region and year; footer has the print date and page n of m', () => {
    for (const name of SUMMARY_SHEET_NAMES) {
      const xml = p[sheets[name]];
      const header = unescape(/<oddHeader>([^<]*)<\/oddHeader>/.exec(xml)![1]);
      const footer = unescape(/<oddFooter>([^<]*)<\/oddFooter>/.exec(xml)![1]);
      // Kesiapan IID says on paper too that its scores are an estimate.
      expect(header).toBe(
        `&C&"-,Bold"${name}${name === 'Kesiapan IID' ? ' (perkiraan)' : ''} — Kota Bitung — 2026`,
      );
      // The print date as text when the file was made (never &D, which prints in the PC's locale).
      expect(footer).toMatch(
        /^&LDicetak \d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}&RHalaman &P dari &N$/,
      );
      expect(footer).not.toContain('&D');
    }
  });

  test('Daftar Inovasi and Temuan wrap their texts within bounded widths, rows sized to fit', () => {
    const styles = p['xl/styles.xml'];
    const xfs = [...styles.slice(styles.indexOf('<cellXfs')).matchAll(/<xf [^>]*?(?:\/>|>.*?<\/xf>)/g)].map(
      (m) => m[0],
    );
    const wraps = (s: number) => /wrapText="1"/.test(xfs[s]);
    for (const name of ['Daftar Inovasi', 'Temuan']) {
      const xml = p[sheets[name]];
      const widths = [...xml.matchAll(/<col [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
      expect(Math.max(...widths)).toBeLessThanOrEqual(30);
      const textStyles = [...xml.matchAll(/<c r="[A-Z]+(\d+)" s="(\d+)" t="inlineStr">/g)]
        .filter((m) => m[1] !== '1')
        .map((m) => Number(m[2]));
      expect(textStyles.length).toBeGreaterThan(0);
      // Every text of the printed columns wraps (the narratives outside the print area do not: they would make rows page-tall).
      expect(textStyles.some(wraps)).toBe(true);
      expect(xml).toMatch(/<row r="\d+" ht="\d+" customHeight="1">/);
    }
    // Rekap OPD: only its header row (labels wrapped) and long OPD names take more than one line.
    expect(p[sheets['Urusan']]).toMatch(/<row r="1" ht="\d+" customHeight="1">/);
  });

  test('two charts as DrawingML parts, series over the sheet cells with cached values equal to them', () => {
    const types = p['[Content_Types].xml'];
    expect(types).toContain(
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
    expect(types).toContain(
      '<Override PartName="/xl/drawings/drawing2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
    );
    expect(p[sheets['Rekap OPD']]).toContain('<drawing r:id="rId1"/>');
    const rekapRels = sheets['Rekap OPD'].replace('worksheets/', 'worksheets/_rels/') + '.rels';
    expect(p[rekapRels]).toContain('Target="../drawings/drawing1.xml"');
    const programRels = sheets['Program RPJMD'].replace('worksheets/', 'worksheets/_rels/') + '.rels';
    expect(p[programRels]).toContain('Target="../drawings/drawing2.xml"');
    expect(p['xl/drawings/_rels/drawing1.xml.rels']).toContain('Target="../charts/chart1.xml"');
    expect(Object.keys(p).filter((k) => k.startsWith('xl/charts/'))).toEqual([
      'xl/charts/chart1.xml',
      'xl/charts/chart2.xml',
    ]);

    const cell = cellReader(summaryFile);
    const series = (xml: string) =>
      [...xml.matchAll(/<c:ser>(.*?)<\/c:ser>/g)].map((m) => {
        const refs = [...m[1].matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((f) => unescape(f[1]));
        const caches = [...m[1].matchAll(/<c:(?:str|num)Cache>(.*?)<\/c:(?:str|num)Cache>/g)].map((c) =>
          [...c[1].matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((v) => unescape(v[1])),
        );
        return { name: refs[0], categories: refs[1], values: refs[2], caches };
      });
    /** Cells of `'Sheet'!$C$2:$C$13` one by one. */
    const cells = (range: string): unknown[] => {
      const m = /^(.*)!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(range)!;
      const out: unknown[] = [];
      for (let r = Number(m[3]); r <= Number(m[5] ?? m[3]); r++) out.push(cell(`${m[1]}!$${m[2]}$${r}`));
      return out;
    };

    const opd = series(p['xl/charts/chart1.xml']);
    expect(p['xl/charts/chart1.xml']).toContain('<c:barDir val="col"/><c:grouping val="stacked"/>');
    // Under Rekap OPD's own columns (H, I, J; C): 37 OPDs, the rows of the files set aside and Total Kota;
    // below them (after the sign-off tally, a blank row before each table) the chart's table: its header names the series.
    const [h, i, j, c] = (['Inisiatif', 'Uji Coba', 'Penerapan', 'Kode OPD'] as const).map((l) =>
      columnLetters(REKAP_COLUMNS.indexOf(l)),
    );
    const top = Array.from({ length: 100 }, (_, k) => 41 + k).find(
      (r) => cell(`'Rekap OPD'!$${h}$${r}`) === 'Inisiatif',
    )!;
    expect(cell(`'Rekap OPD'!$${h}$${top - 1}`)).toBeNull(); // a blank row above it
    const [first, last] = [top + 1, top + 10]; // the 10 OPDs with a counting file (innovations in each)
    expect(opd.map((s) => s.name)).toEqual([
      `'Rekap OPD'!$${h}$${top}`,
      `'Rekap OPD'!$${i}$${top}`,
      `'Rekap OPD'!$${j}$${top}`,
    ]);
    expect(opd.map((s) => s.values)).toEqual([
      `'Rekap OPD'!$${h}$${first}:$${h}$${last}`,
      `'Rekap OPD'!$${i}$${first}:$${i}$${last}`,
      `'Rekap OPD'!$${j}$${first}:$${j}$${last}`,
    ]);
    expect(opd.every((s) => s.categories === `'Rekap OPD'!$${c}$${first}:$${c}$${last}`)).toBe(true);
    for (const s of opd) {
      expect(cells(s.name)).toEqual([s.caches[0][0]]);
      expect(cells(s.categories)).toEqual(s.caches[1]);
      expect(cells(s.values)).toEqual(s.caches[2].map(Number));
    }
    // The chart's table repeats Rekap OPD's figures of the OPDs with innovations: they add up to Total Kota.
    // OPDs by code (short under a column), labels turned 45° when there are many.
    expect(opd[0].caches[1]).toContain('DINKES');
    const nameColumn = columnLetters(REKAP_COLUMNS.indexOf('Perangkat Daerah'));
    const totalRow = Array.from({ length: 60 }, (_, k) => 2 + k).find(
      (r) => cell(`'Rekap OPD'!$${nameColumn}$${r}`) === 'Total Kota',
    )!;
    expect(totalRow).toBe(1 + 37 + 3 + 1); // header, 37 OPDs, 3 files set aside (demo), Total Kota
    for (const s of opd) {
      const column = /\$([A-Z])\$/.exec(s.values)![1];
      expect(s.caches[2].map(Number).reduce((a, b) => a + b, 0)).toBe(
        cell(`'Rekap OPD'!$${column}$${totalRow}`),
      );
    }
    // Readable on paper: axis titles, text of 12 points (8.4 at the 70 % floor), labels turned, a legend with the same size.
    const chart1 = p['xl/charts/chart1.xml'];
    const titles = [...chart1.matchAll(/<c:title>.*?<a:t>([^<]*)<\/a:t>.*?<\/c:title>/g)].map((m) =>
      unescape(m[1]),
    );
    expect(titles).toEqual(['Inovasi per OPD menurut tahapan', 'Perangkat Daerah (kode)', 'Jumlah inovasi']);
    const sizes = [...chart1.matchAll(/<a:defRPr sz="(\d+)"/g)].map((m) => Number(m[1]) / 100);
    expect(Math.min(...sizes) * (MIN_PRINT_SCALE / 100)).toBeGreaterThanOrEqual(8);
    expect(chart1).toMatch(/<c:catAx>.*<c:txPr><a:bodyPr rot="-2700000" vert="horz"\/>/);
    expect(chart1).toMatch(/<c:legend><c:legendPos val="b"\/><c:overlay val="0"\/><c:txPr>/);

    const misi = series(p['xl/charts/chart2.xml']);
    expect(misi.map((s) => s.caches[0][0])).toEqual(['Penerapan', 'Belum Penerapan']);
    for (const s of misi) {
      expect(s.categories).toMatch(/^'Program RPJMD'!\$B\$\d+:\$B\$\d+$/);
      expect(cells(s.categories)).toEqual(s.caches[1]);
      expect(cells(s.values)).toEqual(s.caches[2].map(Number));
    }
    // Misi as `M1 – short name`, in the reference's order (M1, M2, … whatever order the data came in).
    const labels = misi[0].caches[1];
    for (const l of labels) expect(l).toMatch(/^M\d+ – \S/);
    const codes = labels.map((l) => l.split(' ')[0]);
    expect(codes).toEqual([...codes].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
    expect(codes.length).toBeGreaterThan(1);
  });

  test('writing is visible on a terminal', () => {
    const n = SUMMARY_SHEET_NAMES.length;
    expect(stderr).toContain(`Menulis ringkasan [1/${n}] Ringkasan`);
    expect(stderr).toContain(`Menulis ringkasan [${n}/${n}] Info Konsolidasi`);
    expect(stderr).toMatch(/Menulis umpan balik \[10\/10\] umpan-balik-[a-z0-9-]+\.xlsx/);
    expect(stdout).toContain(`10 umpan balik OPD ditulis ke ${feedbackDir}`);
  });
});

describe('feedback per OPD', () => {
  const report = (): ValidationReport => JSON.parse(readFileSync(jsonFile, 'utf8')) as ValidationReport;

  /** Rows of a sheet (default the findings sheet, the first) as arrays of displayed values, by the project's reader. */
  function rowsOf(
    file: string,
    index = 0,
    sheets = ['Umpan Balik', 'Replikasi'],
  ): { sheet: string; rows: unknown[][] } {
    const read = readXlsx(new Uint8Array(readFileSync(file)));
    if (!read.ok) throw new Error(`unreadable ${file}`);
    // The findings, then replication on a sheet of its own (docs/spec/feedback.md §5).
    expect(read.workbook.sheets.map((x) => x.name)).toEqual(sheets);
    return { sheet: read.workbook.sheets[index].name, rows: gridOf(read.workbook.sheets[index]) };
  }

  test('one workbook per submitted OPD, named umpan-balik-<opd>-<tahun>.xlsx', () => {
    const files = readdirSync(feedbackDir).sort();
    const r = report();
    // One per OPD with a counting file: not for another year's file nor for the two files in conflict.
    const counted = r.files.filter((f) => f.konsolidasi === 'dihitung');
    expect(counted).toHaveLength(10);
    expect(files).toEqual(
      counted.map((f) => `umpan-balik-${f.opdCode!.toLowerCase()}-${f.tahun}.xlsx`).sort(),
    );
  });

  test("each file's rows are its findings of the JSON report, in order; nothing of another OPD", () => {
    const r = report();
    for (const f of r.files.filter((x) => x.konsolidasi === 'dihitung')) {
      const file = path.join(feedbackDir, `umpan-balik-${f.opdCode!.toLowerCase()}-${f.tahun}.xlsx`);
      const { sheet, rows } = rowsOf(file);
      expect(sheet).toBe('Umpan Balik');
      expect(rows[0][0]).toBe('Umpan Balik Hasil Validasi Inovasi Daerah');
      const about = Object.fromEntries(
        rows
          .slice(1)
          .filter((row) => row.length === 2)
          .map((row) => [row[0], row[1]]),
      );
      expect(about).toMatchObject({
        'Perangkat Daerah': f.opd,
        'Kode OPD': f.opdCode,
        Berkas: f.file,
        Referensi: r.reference,
        'Tanggal Validasi': longDate(r.validatedAt, 'id'),
      });
      expect(about.Status).toBe(f.valid ? 'Siap' : 'Perlu Perbaikan');
      const header = rows.findIndex((row) => row[0] === 'Sel' && row[1] === 'Nama Inovasi');
      expect(rows[header]).toEqual([
        'Sel',
        'Nama Inovasi',
        'Aturan',
        'Jenis',
        'Pesan',
        'Saran',
        'Dasar',
        'Status',
        'ID',
      ]);
      const end = rows.findIndex((row, k) => k > header && row.length === 0);
      // A file without findings shows one note instead of rows.
      const body = f.findings.length ? rows.slice(header + 1, end) : [];
      if (!f.findings.length) expect(rows[header + 1]).toEqual(['Tidak ada temuan: berkas ini siap.']);
      const severity = { error: 'Galat', warning: 'Peringatan', info: 'Info' };
      // One line per rule and row: every finding once, in order, its id in the last column.
      const ids = (row: unknown[]) => String(row[8]).split(' ');
      expect(body.flatMap(ids)).toEqual(f.findings.map((x) => x.id));
      const byId = new Map(f.findings.map((x) => [x.id, x]));
      for (const row of body) {
        const x = byId.get(ids(row)[0])!;
        const place =
          ids(row).length > 1 ? `${x.sheet} baris ${x.row}` : x.cell ? sheetCell(x.sheet, x.cell) : null;
        expect(trim(row.slice(0, 4))).toEqual(trim([place, x.inovasi ?? null, x.rule, severity[x.severity]]));
        expect(row[7]).toBe(x.status === 'open' ? 'Terbuka' : 'Diterima');
        expect(row[5]).toBeTruthy(); // a Saran on every line
      }
      // The verifier's space closes the sheet.
      expect(rows.slice(-5).map((row) => row[0])).toEqual([
        'Diperiksa oleh',
        'Nama',
        'Jabatan',
        'Tanggal',
        'Tanda Tangan',
      ]);
      // No other OPD's file (its findings are not there: the rows are exactly this file's).
      const text = JSON.stringify(rows);
      for (const other of r.files.filter((o) => o.file !== f.file)) expect(text).not.toContain(other.file);
    }
  });

  test('the replication sheet: what others replicated of its innovations, and what it could replicate, with contacts', () => {
    // examples/README.md: Dinas Sosial replicates Dinas Kesehatan's «Posyandu Digital Bitung Sehat».
    const dinkes = rowsOf(path.join(feedbackDir, 'umpan-balik-dinkes-2026.xlsx'), 1).rows;
    expect(dinkes[0]).toEqual(['Replikasi: Dinas Kesehatan']);
    const replicated = dinkes.findIndex((row) => row[0] === 'Inovasi OPD ini yang direplikasi OPD lain');
    expect(dinkes[replicated + 1]).toEqual(['Nama Inovasi', 'Direplikasi Oleh', 'Jumlah Replikasi']);
    expect(dinkes[replicated + 2]).toEqual(['Posyandu Digital Bitung Sehat', 'Dinas Sosial', 1]);
    const dinsos = rowsOf(path.join(feedbackDir, 'umpan-balik-dinsos-2026.xlsx'), 1).rows;
    const offered = dinsos.findIndex((row) => row[0] === 'Inovasi yang dapat direplikasi');
    const header = dinsos.findIndex((row, i) => i > offered && row[0] === 'Nama Inovasi');
    expect(dinsos[header]).toEqual([
      'Nama Inovasi',
      'Perangkat Daerah',
      'Bidang Urusan',
      'Penerima Manfaat',
      'Tautan Data Dukung',
      'Penanggung Jawab',
      'Email',
      'Telepon',
    ]);
    const list = dinsos.slice(header + 1).filter((row) => row.length > 1);
    // Ten of the sixteen in the catalogue (none in Dinsos's bidang 1.06): most beneficiaries first. Other OPDs'
    // innovations only, the one it already replicated left out, each with its OPD's contact from Identitas.
    expect(list).toHaveLength(10);
    expect(list.map((row) => row[1])).not.toContain('Dinas Sosial');
    expect(list.map((row) => row[0])).not.toContain('Posyandu Digital Bitung Sehat');
    const beneficiaries = list.map((row) => row[3] as number);
    expect(beneficiaries).toEqual([...beneficiaries].sort((a, b) => b - a));
    expect(list[0].slice(0, 2)).toEqual([
      'Mal Pelayanan Publik Bitung Terintegrasi',
      'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
    ]);
    expect(list[0][5]).toBe('Stevie Mandagi, SE, MM');
  });

  test('print-ready: landscape, one page wide, the findings header repeated, page header and footer', () => {
    const p = parts(path.join(feedbackDir, 'umpan-balik-dinkes-2026.xlsx'));
    const xml = p['xl/worksheets/sheet1.xml'];
    expect(attr(xml, 'pageSetup', 'orientation')).toBe('landscape');
    expect(attr(xml, 'pageSetup', 'fitToWidth')).toBe('1');
    expect(attr(xml, 'pageSetUpPr', 'fitToPage')).toBe('1');
    // The ID column (I) is hidden and outside the printed area (A:H).
    expect(xml).toMatch(/<col min="9" max="9" width="[\d.]+" hidden="1" customWidth="1"\/>/);
    expect(p['xl/workbook.xml']).toMatch(
      /<definedName name="_xlnm.Print_Area" localSheetId="0">'Umpan Balik'!\$A\$1:\$H\$\d+<\/definedName>/,
    );
    const header =
      /<definedName name="_xlnm.Print_Titles" localSheetId="0">'Umpan Balik'!\$(\d+):\$(\d+)<\/definedName>/.exec(
        p['xl/workbook.xml'],
      )!;
    expect(header[1]).toBe(header[2]);
    expect(xml).toContain(`<row r="${header[1]}"`);
    expect(unescape(/<oddHeader>([^<]*)</.exec(xml)![1])).toBe(
      '&C&"-,Bold"Umpan Balik — Dinas Kesehatan — Kota Bitung — 2026',
    );
    expect(unescape(/<oddFooter>([^<]*)</.exec(xml)![1])).toMatch(
      /^&LDicetak \d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}&RHalaman &P dari &N$/,
    );
  });

  test('refused before any work: no folder name, an .xlsx name, a folder inside an input folder', async () => {
    for (const [value, message] of [
      [path.join(EXAMPLES, 'umpan-balik'), 'ada di dalam folder masukan'],
      [path.join(root, 'x.xlsx'), 'memerlukan folder'],
    ]) {
      const a = io();
      expect(
        await run(
          ['consolidate', EXAMPLES, '--out', path.join(root, 'y.xlsx'), '--umpan-balik', value],
          a.handle,
        ),
      ).toBe(2);
      expect(a.err()).toContain(message);
    }
    const a = io();
    expect(
      await run(['consolidate', EXAMPLES, '--out', path.join(root, 'y.xlsx'), '--umpan-balik'], a.handle),
    ).toBe(2);
    expect(readdirSync(root)).not.toContain('y.xlsx');
  });

  test('a second run replaces its own feedback files, but never a workbook of someone else under that name', async () => {
    const dir = path.join(root, 'ulang');
    const args = [
      'consolidate',
      EXAMPLES,
      '--today',
      '2026-11-28',
      '--out',
      path.join(root, 'ulang.xlsx'),
      '--umpan-balik',
      dir,
      '--quiet',
    ];
    expect(await run(args, io().handle)).toBe(1);
    expect(await run(args, io().handle)).toBe(1); // its own files: replaced
    const foreign = path.join(dir, 'umpan-balik-dinkes-2026.xlsx');
    copyFileSync(path.join(EXAMPLES, 'dinkes-2026.xlsx'), foreign);
    const before = readFileSync(foreign);
    const summaryBefore = statSync(path.join(root, 'ulang.xlsx')).ino; // a write would rename a new file over it
    const a = io();
    expect(
      await run(
        args.filter((x) => x !== '--quiet'),
        a.handle,
      ),
    ).toBe(2);
    expect(a.err()).toContain('umpan-balik-dinkes-2026.xlsx');
    expect(readFileSync(foreign).equals(before)).toBe(true);
    expect(statSync(path.join(root, 'ulang.xlsx')).ino).toBe(summaryBefore); // refused before any write
  });

  test('--lang en: English labels and messages, same file names', () => {
    expect(readdirSync(feedbackEn).sort()).toEqual(readdirSync(feedbackDir).sort());
    const { sheet, rows } = rowsOf(path.join(feedbackEn, 'umpan-balik-dinkes-2026.xlsx'), 0, [
      'Feedback',
      'Replication',
    ]);
    expect(sheet).toBe('Feedback');
    expect(rows[0][0]).toBe('Regional Innovation Validation Feedback');
    expect(rows.find((row) => row[0] === 'Cell')).toEqual([
      'Cell',
      'Innovation',
      'Rule',
      'Severity',
      'Message',
      'Hint',
      'Basis',
      'Status',
      'ID',
    ]);
    expect(rows.slice(-5).map((row) => row[0])).toEqual([
      'Verified by',
      'Name',
      'Position',
      'Date',
      'Signature',
    ]);
    expect(rows.some((row) => row[3] === 'Warning' || row[3] === 'Error')).toBe(true);
    expect(rows.some((row) => row[7] === 'Open')).toBe(true);
  });
});

/** Trailing nulls dropped, nulls inside kept as null (as the grid reads blank cells). */
function trim(row: unknown[]): unknown[] {
  const out = [...row];
  while (out.length && (out[out.length - 1] === null || out[out.length - 1] === undefined)) out.pop();
  return out;
}

/** A sheet of the project's reader as rows of values (blank: null; trailing blanks dropped). */
function gridOf(sheet: SheetGrid): unknown[][] {
  return Array.from(sheet.rows, (row) => trim(Array.from(row ?? [], (v) => v ?? null)));
}
