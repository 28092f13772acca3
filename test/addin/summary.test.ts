/**
 * The city summary written into the open workbook by the Office adapter, against the fake Excel
 * host: the six sheets in order (values, dates, formats, fills, totals, widths, frozen header,
 * autofilter, charts), ownership (a re-run replaces exactly the tool's sheets; a sheet of the
 * user's is never overwritten), all-or-nothing writes, and the payload budget for 60 × 300.
 */
import { letters } from '../../src/addin/chunks';
import { SummaryCancelled } from '../../src/addin/port';
import {
  DATE_FORMAT,
  DATE_TIME_FORMAT,
  SUMMARY_SETTING,
  TEXT_FORMAT,
  chooseTargets,
  excelSerial,
  finalPositions,
  storedSheets,
} from '../../src/addin/summary';
import {
  type CitySummary,
  type ConsolidationInput,
  SUMMARY_SHEET_NAMES,
  type SummaryCell,
  type SummaryTable,
  consolidate,
  summarySheets,
} from '../../src/engine/consolidate';
import type { CellValue, WorkbookGrid } from '../../src/engine/grid';
import { defaultReference } from '../../src/engine/reference/load';
import { Reference } from '../../src/engine/reference/model';
import { unreadableFile, validateWorkbook } from '../../src/engine/validate';
import { FILL_ARGB, excelSerial as cliSerial } from '../../src/xlsx/xlsxStream';
import {
  chartSeries,
  printSetup,
  sheetLayout,
  sheetRowCount,
  summaryCharts,
  summaryYear,
} from '../../src/engine/printout';
import { toDate } from '../../src/node/summaryWriter';
import { longDate } from '../../src/engine/isoDate';
import { PALETTE, cssColour } from '../../src/engine/design/palette';
import { STATUS_FILLS } from '../../src/engine/summary/sheet';

/** The add-in's fill of a status word (the palette's colour as Office.js takes it). */
const STATUS_FILL_COLOURS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(STATUS_FILLS).map(([w, c]) => [w, cssColour(c)]),
);
const SUMMARY_FILLS = Object.fromEntries(
  Object.keys(PALETTE).map((k) => [k, cssColour(k as keyof typeof PALETTE)]),
) as Record<keyof typeof PALETTE, string>;
import { FakeExcel, FakeExcelOptions, HostSheet, createFakeExcel } from '../fake-excel';
import { adapterFor } from '../fake-excel/budget';
import { TODAY, VALID_IDENTITAS, buildGrid, inisiatifRow, validRow, words } from '../helpers/workbook';

const FOUR_MB = 4 * 1024 * 1024;
const reference = defaultReference();
const AT = '2026-11-28T09:30:00';

function identitas(opd: string, tanggal = '2026-10-01'): [string, CellValue][] {
  return VALID_IDENTITAS.map(([l, v]): [string, CellValue] => [
    l,
    l === 'Perangkat Daerah' ? opd : l === 'Tanggal Pengisian' ? tanggal : v,
  ]);
}

function input(file: string, grid: WorkbookGrid | null, ref: Reference = reference): ConsolidationInput {
  const validation = grid
    ? validateWorkbook(grid, file, { reference: ref, today: TODAY })
    : unreadableFile(file, 'notZip', { id: 'bukan berkas Excel .xlsx', en: 'not an Excel .xlsx file' });
  return { file, size: 2048 + file.length, sha256: grid ? 'ab'.repeat(32) : null, validation };
}

/** Dinas Kesehatan (one row in error), Dinas Lingkungan Hidup (ready), an unreadable file; `extra` adds Dinas Sosial. */
function smallSummary(extra = false): CitySummary {
  const inputs = [
    input(
      'dinkes.xlsx',
      buildGrid({
        identitas: identitas('Dinas Kesehatan'),
        rows: [
          validRow(),
          inisiatifRow(),
          validRow({
            'Nama Inovasi': 'Layanan Antar Obat',
            'Tahapan Inovasi': 'Uji Coba',
            'Anggaran (Rp)': -5,
          }),
        ],
      }),
    ),
    input(
      'dlh.xlsx',
      buildGrid({
        identitas: identitas('Dinas Lingkungan Hidup'),
        rows: [
          inisiatifRow({
            'Nama Inovasi': 'Bank Sampah Digital Kelurahan',
            'Urusan Pemerintahan': '1.05',
            'Kode Program RPJMD': '1.05.02',
          }),
        ],
      }),
    ),
    input('rusak.xlsx', null),
  ];
  if (extra)
    inputs.push(
      input(
        'dinsos.xlsx',
        buildGrid({
          identitas: identitas('Dinas Sosial'),
          rows: [inisiatifRow({ 'Nama Inovasi': 'Data Terpadu Kesejahteraan Sosial' })],
        }),
      ),
    );
  return consolidate(inputs, { reference, today: TODAY, consolidatedAt: AT });
}

/** 60 workbooks × 300 rows: every reference OPD, 20 OPDs not in the reference, 3 superseded files. */
function bigSummary(): CitySummary {
  // Twenty more OPDs than the sample: a file of an OPD outside the reference would not count (KON-11).
  const extra = Array.from({ length: 20 }, (_, i) => ({
    kode: `KHUSUS-${i + 1}`,
    nama: `Kantor Khusus ${i + 1}`,
    alias: [],
    bidang: ['1.02'],
  }));
  const bigReference: Reference = { ...reference, opd: [...reference.opd, ...extra] };
  const names = bigReference.opd.map((o) => o.nama);
  const workbook = (opd: string, k: number, tanggal: string): WorkbookGrid =>
    buildGrid({
      identitas: identitas(opd, tanggal),
      rows: Array.from({ length: 300 }, (_, i) => {
        const base = i % 3 === 0 ? inisiatifRow() : validRow();
        return {
          ...base,
          No: i + 1,
          'Nama Inovasi': `Inovasi ${k}-${i + 1} ${opd}`.slice(0, 100),
          'Rancang Bangun': words(320),
          ...(i % 3 === 1 ? { 'Tahapan Inovasi': 'Uji Coba' } : {}),
          ...(i % 10 === 0 ? { 'Tahapan Inovasi': 'Penerapn' } : {}),
        };
      }),
    });
  const inputs = names.map((opd, k) =>
    input(`opd-${String(k + 1).padStart(2, '0')}.xlsx`, workbook(opd, k, '2026-10-01'), bigReference),
  );
  // Earlier versions of three submissions (the same innovations): superseded, not in conflict (KON-02).
  for (let k = 0; k < 3; k++)
    inputs.push(input(`lama-${k + 1}.xlsx`, workbook(names[k], k, '2026-09-01'), bigReference));
  return consolidate(inputs, { reference: bigReference, today: TODAY, consolidatedAt: AT });
}

/** A cell of a summary table as the fake holds it once written. */
function stored(v: SummaryCell): string | number | null {
  if (v === null) return null;
  if (typeof v === 'object') return excelSerial(v.date);
  return v;
}

/** Rows of a table (header included) as they must read back from the sheet. */
function expectedRows(table: SummaryTable): (string | number | null)[][] {
  return [
    [...table.columns],
    ...table.rows.map((r) => table.columns.map((_, c) => stored(r.cells[c] ?? null))),
  ];
}

/** A table's cells read back where it was written (from its `firstColumn`). */
function tableAt(sheet: HostSheet, headerRow: number, table: SummaryTable) {
  const at = table.firstColumn ?? 0;
  return sheet.values(
    `${letters(at)}${headerRow}:${letters(at + table.columns.length - 1)}${headerRow + table.rows.length}`,
  );
}

/** Everything of a sheet a test may compare: cells, widths, notes, frozen rows, charts, filter, name, visibility. */
function sheetState(sheet: HostSheet) {
  return JSON.stringify({
    name: sheet.name,
    visibility: sheet.visibility,
    cells: [...sheet.cells.entries()],
    widths: [...sheet.columnWidths.entries()],
    notes: sheet.noteMap(),
    frozen: [sheet.frozenRows, sheet.frozenColumns],
    filter: sheet.autoFilterAddress(),
    charts: sheet.chartInfo(),
    validations: sheet.validations,
  });
}

function fakeWith(
  sheets: FakeExcelOptions['sheets'] = { Lembar1: [['catatan saya', 42]] },
  options: Omit<FakeExcelOptions, 'sheets'> = {},
): FakeExcel {
  return createFakeExcel({ sheets, ...options });
}

const visibleNames = (fake: FakeExcel) =>
  fake.workbook.sheets.filter((s) => s.visibility === 'Visible').map((s) => s.name);

describe('planning', () => {
  test('fills and formats are those of the command line writer', () => {
    // One palette: the command line's ARGB and the add-in's CSS colours are its colours with a prefix.
    for (const [k, argb] of Object.entries(FILL_ARGB))
      expect(argb).toBe(`FF${PALETTE[k as keyof typeof PALETTE]}`);
    expect(SUMMARY_FILLS.grey).toBe('#D9D9D9');
    expect(excelSerial('2026-11-28')).toBe(46354);
    expect(excelSerial('2026-11-28T12:00:00')).toBe(46354.5);
    expect(excelSerial('2026-02-30')).toBeNull();
    for (const iso of ['1900-01-01', '1900-02-28', '1900-03-01', '2024-02-29', '2026-11-28T09:30:00']) {
      expect(excelSerial(iso)).toBeCloseTo(cliSerial(toDate(iso)!)!, 9);
    }
    expect(excelSerial('1899-12-31')).toBeNull();
  });

  test('names: the spec name when free, else the sheet of ours it replaces, else the first free (n)', () => {
    const bases = ['Rekap OPD', 'Urusan'];
    expect(chooseTargets(bases, ['Lembar1'], [null, null])).toEqual({
      targets: ['Rekap OPD', 'Urusan'],
      renamed: [],
    });
    expect(chooseTargets(bases, ['Rekap OPD', 'rekap opd (2)', 'Urusan'], [null, 'Urusan'])).toEqual({
      targets: ['Rekap OPD (3)', 'Urusan'],
      renamed: [{ from: 'Rekap OPD', to: 'Rekap OPD (3)' }],
    });
    expect(chooseTargets(bases, ['Rekap OPD', 'Rekap OPD (2)'], ['Rekap OPD (2)', null]).targets).toEqual([
      'Rekap OPD (2)',
      'Urusan',
    ]);
    // The user's own sheet is gone: back to the spec's name.
    expect(chooseTargets(bases, ['Rekap OPD (2)'], ['Rekap OPD (2)', null])).toEqual({
      targets: ['Rekap OPD', 'Urusan'],
      renamed: [],
    });
    const nulls = (n: number) => new Array<null>(n).fill(null);
    expect(storedSheets(['Rekap OPD (2)', 7])).toEqual(
      SUMMARY_SHEET_NAMES.map((n) => (n === 'Rekap OPD' ? 'Rekap OPD (2)' : null)),
    );
    expect(storedSheets('not json')).toEqual(nulls(SUMMARY_SHEET_NAMES.length));
    // Matched by name, not position: a sheet added to the registry (here a cover before the others) keeps the memory of the rest.
    const withCover = ['Sampul', ...SUMMARY_SHEET_NAMES];
    const remembered: Record<string, string> = {
      'Rekap OPD': 'Rekap OPD (2)',
      'Daftar Inovasi': 'Daftar Inovasi',
      Temuan: 'Temuan (3)',
    };
    expect(storedSheets(['Rekap OPD (2)', 'Daftar Inovasi', 'Temuan (3)'], withCover)).toEqual(
      withCover.map((n) => remembered[n] ?? null),
    );
    expect(storedSheets(['Rekap OPD Lama', 'Rekap OPD (x)'])[0]).toBeNull();
  });

  test('positions: a new sheet takes the place of the one it replaces, or follows the previous one', () => {
    // Before: A, [ours 0], B, [ours 2], leftover staging; output 1 new, output 3 new.
    const before = ['A', 'Rekap OPD', 'B', 'Program RPJMD', '_ringkasan_x_0'];
    const removed = new Set(['rekap opd', 'program rpjmd', '_ringkasan_x_0']);
    expect(finalPositions(before, ['Rekap OPD', null, 'Program RPJMD', null], removed)).toEqual([1, 2, 4, 5]);
    expect(finalPositions(['A'], [null, null], new Set())).toEqual([1, 2]);
  });
});

describe('writeSummary', () => {
  test('writes the six sheets in order: headers, values, real dates and numbers, fills, totals, layout, charts', async () => {
    const fake = fakeWith();
    const port = adapterFor(fake);
    const summary = smallSummary();
    const result = await port.writeSummary(summary, 'id');

    expect(result).toEqual({ sheets: [...SUMMARY_SHEET_NAMES], renamed: [] });
    expect(fake.workbook.sheetNames).toEqual(['Lembar1', ...SUMMARY_SHEET_NAMES]);
    expect(fake.workbook.sheets.every((s) => s.visibility === 'Visible')).toBe(true);
    expect(fake.workbook.settings.get(SUMMARY_SETTING)).toEqual([...SUMMARY_SHEET_NAMES]);
    expect(fake.stats.syncCount).toBe(3);
    expect(fake.stats.implicitSyncs).toBe(0);

    for (const sheet of summarySheets(summary)) {
      const ws = fake.workbook.sheet(sheet.name);
      let row = 1;
      for (const [t, table] of sheet.tables.entries()) {
        if (t > 0) row++;
        expect(tableAt(ws, row, table)).toEqual(expectedRows(table));
        const at = table.firstColumn ?? 0;
        const [first, last] = [letters(at), letters(at + table.columns.length - 1)];
        expect(ws.cell(`${first}${row}`)).toMatchObject({
          bold: true,
          fill: { color: SUMMARY_FILLS.header },
        });
        expect(ws.cell(`${last}${row}`).bold).toBe(true);
        table.rows.forEach((r, i) => expect(ws.cell(`${first}${row + 1 + i}`).bold).toBe(r.total === true));
        row += table.rows.length + 1;
      }
      expect(ws.frozenRows).toBe(1);
      // Widths as the command line's (printout.ts sheetLayout: long-text columns capped, then wrapped).
      sheetLayout(sheet, {
        region: '',
        year: null,
        lang: 'id',
        printedOn: summary.consolidatedAt,
      }).widths.forEach((w, c) => expect(ws.columnWidths.get(c)).toBeCloseTo(w * 5.7));
    }

    // Rekap OPD: statuses coloured, the total row bold, the filter over the whole table.
    const rekap = fake.workbook.sheet('Rekap OPD');
    const col = (label: string) => letters(summary.rekapOpd.columns.indexOf(label));
    summary.rekapOpd.rows.forEach((r, i) => {
      const status = r.cells[summary.rekapOpd.columns.indexOf('Status')];
      expect(rekap.fill(`${col('Status')}${i + 2}`)).toBe(
        typeof status === 'string' ? (STATUS_FILL_COLOURS[status] ?? null) : null,
      );
    });
    expect(rekap.values(`A2:F2`)[0]).toEqual([
      1,
      'SETDA',
      'Sekretariat Daerah',
      null,
      null,
      'Belum Mengirim',
    ]);
    expect(rekap.fill(`${col('Status')}2`)).toBe(SUMMARY_FILLS.grey);
    // The sample has `iid`: Rekap OPD's two IID and two replication columns make it run to V.
    expect(rekap.autoFilterAddress()).toBe(`A1:V${summary.rekapOpd.rows.length + 1}`);
    const total = summary.rekapOpd.rows.length + 1;
    expect(rekap.value(`C${total}`)).toBe('Total Kota');
    expect(rekap.value(`G${total}`)).toBe(4);

    // Program RPJMD: coverage coloured; Urusan: codes stay text.
    const program = fake.workbook.sheet('Program RPJMD');
    expect(program.fill('K2')).toBe(STATUS_FILL_COLOURS[String(program.value('K2'))]);
    const urusan = fake.workbook.sheet('Urusan');
    expect(urusan.values('A2:B3')).toEqual([
      ['1.02', expect.any(String)],
      ['1.05', expect.any(String)],
    ]);
    expect(urusan.cell('A2').numberFormat).toBe(TEXT_FORMAT);

    // Daftar Inovasi: dates as serials with a date format, numbers as numbers.
    const daftar = fake.workbook.sheet('Daftar Inovasi');
    const dcol = (label: string) => letters(summary.daftarInovasi.columns.indexOf(label));
    expect(daftar.cell(`${dcol('Tanggal Uji Coba')}2`)).toMatchObject({
      value: excelSerial('2024-03-01'),
      numberFormat: DATE_FORMAT,
    });
    expect(daftar.value(`${dcol('Anggaran (Rp)')}2`)).toBe(150000000);
    expect(daftar.cell(`${dcol('Anggaran (Rp)')}2`).numberFormat).toBe('#,##0');
    expect(daftar.value(`${dcol('Kode Program RPJMD')}2`)).toBe('1.02.02');

    // Info Konsolidasi: the run's time with its time of day; the file list coloured and filtered.
    const info = fake.workbook.sheet('Info Konsolidasi');
    expect(info.cell('B2')).toMatchObject({ value: excelSerial(AT), numberFormat: DATE_TIME_FORMAT });
    expect(info.cell('B6')).toMatchObject({ value: excelSerial(TODAY), numberFormat: DATE_FORMAT });
    const filesHeader = 1 + summary.info.about.rows.length + 1 + 1 + summary.info.totals.rows.length + 1 + 1;
    expect(info.value(`A${filesHeader}`)).toBe('Berkas');
    expect(info.autoFilterAddress()).toBe(`A${filesHeader}:D${filesHeader + 3}`);
    expect(info.fill(`D${filesHeader + 3}`)).toBe(SUMMARY_FILLS.red); // rusak.xlsx: Tidak Terbaca

    // The charts: the engine's (printout.ts summaryCharts, as the command line draws them), over
    // small tables BELOW the sheets' own (row 1 stays the header alone); each series over the cells
    // chartSeries names. (Until issue 13 the add-in put these tables right of the sheet, from row 1.)
    const charts = summaryCharts(summarySheets(summary), 'id');
    expect(charts.map((c) => c.sheet)).toEqual(['Rekap OPD', 'Program RPJMD']);
    const unqualified = (ref: string) => ref.replace(/\$/g, '');
    for (const c of charts) {
      const ws = fake.workbook.sheet(c.sheet);
      expect(ws.chartInfo()).toEqual([
        expect.objectContaining({
          name: c.name,
          type: 'ColumnStacked',
          title: c.title,
          position: {
            start: `A${c.anchor.fromRow + 1}`,
            end: `${letters(c.anchor.toColumn - 1)}${c.anchor.toRow}`,
          },
        }),
      ]);
      expect(ws.chartSeries()).toEqual([
        chartSeries(c).map((x) => ({
          name: x.name,
          values: unqualified(x.valuesRef),
          categories: unqualified(x.categoriesRef),
        })),
      ]);
      expect(c.headerRow).toBeGreaterThan(
        sheetRowCount(summarySheets(summary).find((x) => x.name === c.sheet)!) + 1,
      );
      c.columns.forEach((col, k) => {
        const l = letters(col);
        expect(ws.values(`${l}${c.headerRow}:${l}${c.headerRow + c.rows.length}`).flat()).toEqual([
          c.header[k],
          ...c.rows.map((r) => r[k]),
        ]);
      });
    }
    const opd = charts[0];
    expect(opd.rows).toEqual([
      ['DINKES', 1, 1, 1],
      ['DLH', 1, 0, 0],
    ]);
    expect(
      rekap.values(`${col('Kode OPD')}${opd.headerRow}:${col('Kode OPD')}${opd.headerRow + 2}`).flat(),
    ).toEqual(['Kode OPD', 'DINKES', 'DLH']);
    const misi = charts[1];
    const perMisi = misi.rows.flatMap((r) => [r[2], r[3]]) as number[];
    expect(perMisi.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(4);
    void program;
    for (const name of ['Daftar Inovasi', 'Urusan', 'Katalog Replikasi', 'Temuan', 'Info Konsolidasi'])
      expect(fake.workbook.sheet(name).charts).toEqual([]);
  });

  test('print setup on every sheet (ExcelApi 1.9), as the command line: landscape A4, one page wide, row 1 repeated, header and footer; in the same three syncs', async () => {
    const fake = fakeWith();
    const summary = smallSummary();
    await adapterFor(fake).writeSummary(summary, 'id', { region: 'Kota Bitung' });
    expect(fake.stats.syncCount).toBe(3);
    const year = summaryYear(summary);
    expect(year).not.toBeNull();
    // Ringkasan: one A4 portrait page (its own margins, nothing repeated).
    const cover = fake.workbook.sheet('Ringkasan').pageLayout;
    expect(cover).toMatchObject({ orientation: 'Portrait', paperSize: 'A4' });
    expect(cover.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 1 });
    for (const name of SUMMARY_SHEET_NAMES.filter((n) => n !== 'Ringkasan')) {
      // Kesiapan IID's page header says its scores are an estimate.
      const p = printSetup(name === 'Kesiapan IID' ? 'Kesiapan IID (perkiraan)' : name, {
        region: 'Kota Bitung',
        year,
        lang: 'id',
        printedOn: summary.consolidatedAt,
      });
      // As the command line's (printout.ts sheetLayout): one page wide, or a readable scale across pages.
      const planned = sheetLayout(
        summary.sheets.find((s) => s.name === name)!,
        { region: 'Kota Bitung', year, lang: 'id', printedOn: summary.consolidatedAt },
      ).print;
      const layout = fake.workbook.sheet(name).pageLayout;
      expect(layout.zoom).toEqual(
        planned.scale !== undefined ? { scale: planned.scale } : { horizontalFitToPages: 1 },
      );
      if (planned.titleColumns)
        expect(layout.printTitleColumns).toBe(
          `${letters(planned.titleColumns.first - 1)}:${letters(planned.titleColumns.last - 1)}`,
        );
      expect(layout).toMatchObject({
        orientation: 'Landscape',
        paperSize: 'A4',
        printTitleRows: '1:1',
        printGridlines: true,
        leftMargin: 0.4 * 72,
        rightMargin: 0.4 * 72,
        topMargin: 0.75 * 72,
        bottomMargin: 0.75 * 72,
        headerMargin: 0.3 * 72,
        footerMargin: 0.3 * 72,
        leftHeader: '',
        centerHeader: p.header.center,
        rightHeader: '',
        leftFooter: `Dicetak ${longDate(summary.consolidatedAt, 'id')}`,
        centerFooter: '',
        rightFooter: 'Halaman &P dari &N',
      });
    }
    expect(fake.workbook.sheet('Rekap OPD').pageLayout.centerHeader).toBe(
      `&"-,Bold"Rekap OPD — Kota Bitung — ${year}`,
    );
    // Long texts wrap within the printed columns; columns outside the print area (Daftar Inovasi's narratives) do not.
    const daftar = fake.workbook.sheet('Daftar Inovasi');
    const dcols = summary.daftarInovasi.columns;
    expect(daftar.cell('A1').wrap).toBe(true);
    expect(daftar.cell(`${letters(dcols.indexOf('Peringatan'))}2`).wrap).toBe(true);
    expect(daftar.cell(`${letters(dcols.length - 1)}2`).wrap).toBe(false);
    expect(daftar.pageLayout.printArea).toMatch(
      new RegExp(`^A1:${letters(dcols.indexOf('Peringatan'))}\\d+$`),
    );
    const temuan = fake.workbook.sheet('Temuan');
    expect(temuan.cell(`${letters(summary.temuan.columns.indexOf('Pesan'))}2`).wrap).toBe(true);
    expect(fake.workbook.sheet('Info Konsolidasi').cell('B2').wrap).toBe(false);
    // Kesiapan IID's notes run on across their row instead of wrapping in the narrow Kode OPD column.
    const kesiapan = fake.workbook.sheet('Kesiapan IID');
    const noteRow = kesiapan.values('A1:A200').findIndex((r) => String(r[0]).startsWith('Semua skor')) + 1;
    expect(noteRow).toBeGreaterThan(2);
    expect(kesiapan.cell(`A${noteRow}`).wrap).toBe(false);
    expect(kesiapan.cell('C2').wrap).toBe(true);
  });

  test('print setup in English: the footer words follow the language', async () => {
    const fake = fakeWith();
    await adapterFor(fake).writeSummary(smallSummary(), 'en');
    const layout = fake.workbook.sheet('Temuan').pageLayout;
    expect(layout.leftFooter).toMatch(
      /^Printed \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$/,
    );
    expect(layout).toMatchObject({ rightFooter: 'Page &P of &N' });
  });

  test('the next read of the workbook leaves the output sheets out (but a Temuan, which a validation may own)', async () => {
    const fake = fakeWith({ Lembar1: [['catatan saya']] });
    const port = adapterFor(fake);
    await port.writeSummary(smallSummary(), 'id');
    const { grid } = await port.readSubmission();
    expect(grid.sheets.map((s) => s.name)).toEqual(['Lembar1', 'Temuan']);
    // Without an Inovasi sheet, Daftar Inovasi (which carries the submission's headers) is not taken for one.
    const v = validateWorkbook(grid, 'ringkasan.xlsx', { reference, today: TODAY });
    expect(v.submission?.table).toBeNull();
  });

  test('chart titles follow the language', async () => {
    const fake = fakeWith();
    await adapterFor(fake).writeSummary(smallSummary(), 'en');
    expect(fake.workbook.sheet('Rekap OPD').chartInfo()[0].title).toBe('Innovations per agency by stage');
    expect(fake.workbook.sheet('Program RPJMD').chartInfo()[0].title).toBe('Innovations per RPJMD mission');
  });

  test('a re-run replaces exactly its own sheets: same sheets, no duplicates, no leftovers, the list unchanged', async () => {
    const fake = fakeWith({ Lembar1: [['catatan saya']], Catatan: [['bebas']] });
    const port = adapterFor(fake);
    await port.writeSummary(smallSummary(), 'id');
    // The user moves Urusan to the front and works next to the output.
    const urusan = fake.workbook.sheet('Urusan');
    fake.workbook.sheets.splice(fake.workbook.sheets.indexOf(urusan), 1);
    fake.workbook.sheets.unshift(urusan);
    fake.workbook.addSheet('Analisis Saya').setValues('A1', [['milik pengguna']]);
    const names = fake.workbook.sheetNames;
    const user = ['Lembar1', 'Catatan', 'Analisis Saya'].map((n) => sheetState(fake.workbook.sheet(n)));
    const saves = fake.officeState.settingsSaves;

    const summary = smallSummary(true);
    const result = await port.writeSummary(summary, 'id');
    expect(result).toEqual({ sheets: [...SUMMARY_SHEET_NAMES], renamed: [] });
    expect(fake.workbook.sheetNames).toEqual(names);
    expect(['Lembar1', 'Catatan', 'Analisis Saya'].map((n) => sheetState(fake.workbook.sheet(n)))).toEqual(
      user,
    );
    expect(fake.workbook.settings.get(SUMMARY_SETTING)).toEqual([...SUMMARY_SHEET_NAMES]);
    expect(fake.officeState.settingsSaves).toBe(saves);
    expect(tableAt(fake.workbook.sheet('Rekap OPD'), 1, summary.rekapOpd)).toEqual(
      expectedRows(summary.rekapOpd),
    );
    expect(fake.workbook.sheet('Rekap OPD').chartInfo()).toHaveLength(1);

    // A third run with the same data changes nothing but the run itself.
    const before = SUMMARY_SHEET_NAMES.map((n) => sheetState(fake.workbook.sheet(n)));
    await port.writeSummary(summary, 'id');
    expect(fake.workbook.sheetNames).toEqual(names);
    expect(SUMMARY_SHEET_NAMES.map((n) => sheetState(fake.workbook.sheet(n)))).toEqual(before);
  });

  test("a user's own «Rekap OPD» stays intact: the output goes to «Rekap OPD (2)», and a re-run replaces that without a (3)", async () => {
    const fake = fakeWith({
      'Rekap OPD': {
        rows: [
          ['Rekap buatan saya', 'Nilai'],
          ['Dinkes', 12],
          ['Tanggal', { date: '2026-01-05' }],
        ],
      },
    });
    const mine = fake.workbook.sheet('Rekap OPD');
    mine.setFill('A1:B1', '#FFFF00');
    mine.addNote('B2', 'dihitung manual');
    mine.columnWidths.set(0, 120);
    const state = sheetState(mine);
    const port = adapterFor(fake);

    const first = await port.writeSummary(smallSummary(), 'id');
    expect(first.renamed).toEqual([{ from: 'Rekap OPD', to: 'Rekap OPD (2)' }]);
    expect(first.sheets).toEqual(SUMMARY_SHEET_NAMES.map((n) => (n === 'Rekap OPD' ? 'Rekap OPD (2)' : n)));
    expect(sheetState(fake.workbook.sheet('Rekap OPD'))).toBe(state);
    expect(fake.workbook.sheet('Rekap OPD (2)').value('B1')).toBe('Kode OPD');
    // The chart's series follow the sheet into its name (was: the chart's source at T1:W3, before issue 13 moved its table below).
    const series = fake.workbook.sheet('Rekap OPD (2)').chartSeries()[0];
    expect(series.map((x) => x.name)).toEqual(['Inisiatif', 'Uji Coba', 'Penerapan']);
    for (const x of series) expect(x.values?.startsWith("'Rekap OPD (2)'!")).toBe(true);
    expect(fake.workbook.settings.get(SUMMARY_SETTING)).toEqual(first.sheets);

    const second = await port.writeSummary(smallSummary(true), 'id');
    expect(second).toEqual(first);
    expect(sheetState(fake.workbook.sheet('Rekap OPD'))).toBe(state);
    expect(fake.workbook.sheetNames).toEqual(['Rekap OPD', ...first.sheets]);
    expect(fake.workbook.findSheet('Rekap OPD (3)')).toBeUndefined();
    expect(fake.workbook.sheet('Rekap OPD (2)').value('B3')).toBe('SETWAN');
  });

  test('a remembered sheet the user replaced with one of their own (other header) is left alone', async () => {
    const fake = fakeWith();
    const port = adapterFor(fake);
    await port.writeSummary(smallSummary(), 'id');
    // The user deletes the tool's Urusan and makes their own under that name.
    fake.workbook.sheets.splice(fake.workbook.sheets.indexOf(fake.workbook.sheet('Urusan')), 1);
    fake.workbook.addSheet('Urusan').setValues('A1', [['Urusan versi saya'], ['catatan']]);
    const state = sheetState(fake.workbook.sheet('Urusan'));

    const result = await port.writeSummary(smallSummary(), 'id');
    expect(result.renamed).toEqual([{ from: 'Urusan', to: 'Urusan (2)' }]);
    expect(sheetState(fake.workbook.sheet('Urusan'))).toBe(state);
    expect(fake.workbook.sheet('Urusan (2)').value('A1')).toBe('Kode');
  });

  test('ExcelApi 1.7 (the manifest minimum): fills one range per run, no autofilter, charts still drawn', async () => {
    const fake = fakeWith(undefined, { apiVersion: '1.7' });
    const summary = smallSummary();
    await adapterFor(fake).writeSummary(summary, 'id');
    const rekap = fake.workbook.sheet('Rekap OPD');
    expect(rekap.fill('F2')).toBe(SUMMARY_FILLS.grey);
    expect(rekap.autoFilterAddress()).toBeNull();
    // No page layout (ExcelApi 1.9) is touched: the fake would throw ApiNotFound.
    for (const name of SUMMARY_SHEET_NAMES) expect(fake.workbook.sheet(name).pageLayout).toEqual({});
    expect(rekap.chartInfo()).toHaveLength(1);
    expect(tableAt(rekap, 1, summary.rekapOpd)).toEqual(expectedRows(summary.rekapOpd));
  });

  test('a sync failing at any point of a re-run leaves the previous output intact (and nothing behind)', async () => {
    const seed = async () => {
      const fake = fakeWith({ Lembar1: [['catatan saya']], 'Rekap OPD': [['milik pengguna']] });
      const port = adapterFor(fake);
      await port.writeSummary(smallSummary(), 'id');
      return { fake, port };
    };
    // How many syncs a successful re-run takes.
    const probe = await seed();
    probe.fake.stats.reset();
    await probe.port.writeSummary(smallSummary(true), 'id');
    const syncs = probe.fake.stats.syncCount;
    expect(syncs).toBeGreaterThanOrEqual(3);

    for (let n = 1; n <= syncs; n++) {
      const { fake, port } = await seed();
      const names = fake.workbook.sheetNames;
      const states = names.map((name) => sheetState(fake.workbook.sheet(name)));
      const setting = fake.workbook.settings.get(SUMMARY_SETTING);
      fake.failSync(n, 'GeneralException');
      await expect(port.writeSummary(smallSummary(true), 'id')).rejects.toMatchObject({
        name: 'AdapterError',
        code: 'general',
      });
      expect(fake.workbook.sheetNames).toEqual(names);
      expect(names.map((name) => sheetState(fake.workbook.sheet(name)))).toEqual(states);
      expect(fake.workbook.settings.get(SUMMARY_SETTING)).toEqual(setting);
    }
  });

  test('cancelled while its sheets are staged (after any of the six): the previous output stays, nothing is left behind', async () => {
    for (let after = 1; after <= SUMMARY_SHEET_NAMES.length; after++) {
      const fake = fakeWith({ Lembar1: [['catatan saya']] });
      const port = adapterFor(fake);
      await port.writeSummary(smallSummary(), 'id');
      const names = fake.workbook.sheetNames;
      const states = names.map((name) => sheetState(fake.workbook.sheet(name)));
      const abort = new AbortController();
      const seen: string[] = [];
      const write = port.writeSummary(smallSummary(true), 'id', {
        signal: abort.signal,
        onSheet: (done, total) => {
          seen.push(`${done}/${total}`);
          if (done === after) abort.abort();
        },
      });
      await expect(write).rejects.toBeInstanceOf(SummaryCancelled);
      expect(seen).toEqual(Array.from({ length: after }, (_, i) => `${i + 1}/${SUMMARY_SHEET_NAMES.length}`));
      expect(fake.workbook.sheetNames).toEqual(names);
      expect(names.map((name) => sheetState(fake.workbook.sheet(name)))).toEqual(states);
    }
  });

  test('not cancelled: onSheet reports each of the seven sheets and the write completes', async () => {
    const fake = fakeWith();
    const seen: number[] = [];
    const result = await adapterFor(fake).writeSummary(smallSummary(), 'id', {
      signal: new AbortController().signal,
      onSheet: (done) => seen.push(done),
    });
    expect(seen).toEqual(SUMMARY_SHEET_NAMES.map((_, i) => i + 1));
    expect(result.sheets).toEqual([...SUMMARY_SHEET_NAMES]);
  });

  test('staging sheets left by a failure that could not be cleaned up go with the next write', async () => {
    const fake = fakeWith();
    const port = adapterFor(fake);
    await port.writeSummary(smallSummary(), 'id');
    const states = SUMMARY_SHEET_NAMES.map((n) => sheetState(fake.workbook.sheet(n)));
    // The swap fails, then Excel refuses the clean-up too (as while the user edits a cell).
    fake.failSync(3, 'InvalidOperationInCellEditMode', 2);
    await expect(port.writeSummary(smallSummary(true), 'id')).rejects.toMatchObject({ code: 'editing' });
    expect(visibleNames(fake)).toEqual(['Lembar1', ...SUMMARY_SHEET_NAMES]);
    expect(SUMMARY_SHEET_NAMES.map((n) => sheetState(fake.workbook.sheet(n)))).toEqual(states);
    const leftovers = fake.workbook.sheets.filter((s) => s.name.startsWith('_ringkasan_'));
    expect(leftovers.length).toBeGreaterThan(0);
    expect(leftovers.every((s) => s.visibility === 'VeryHidden')).toBe(true);

    // The next read of the submission does not read them; the next write removes them.
    const { grid } = await port.readSubmission();
    expect(grid.sheets.some((s) => s.name.startsWith('_ringkasan_'))).toBe(false);
    await port.writeSummary(smallSummary(true), 'id');
    expect(fake.workbook.sheetNames).toEqual(['Lembar1', ...SUMMARY_SHEET_NAMES]);
  });
});

describe('60 workbooks × 300 rows', () => {
  test('every sync stays under 4 MB; the sheets hold every row', async () => {
    const summary = bigSummary();
    const fake = fakeWith();
    const port = adapterFor(fake);
    const result = await port.writeSummary(summary, 'id');

    expect(result.sheets).toEqual([...SUMMARY_SHEET_NAMES]);
    expect(fake.stats.maxSyncPayloadBytes).toBeLessThanOrEqual(FOUR_MB);
    expect(fake.stats.implicitSyncs).toBe(0);
    const total = fake.stats.totalRequestBytes;
    // Syncs: one read, then one per ≈ 3.75 MB written; the swap rides with the last one.
    expect(fake.stats.syncCount).toBeLessThanOrEqual(Math.ceil(total / (3.75 * 1024 * 1024)) + 2);

    const rekap = fake.workbook.sheet('Rekap OPD');
    expect(summary.rekapOpd.rows).toHaveLength(reference.opd.length + 20 + 3 + 1);
    expect(tableAt(rekap, 1, summary.rekapOpd)).toEqual(expectedRows(summary.rekapOpd));
    const daftar = fake.workbook.sheet('Daftar Inovasi');
    expect(summary.daftarInovasi.rows).toHaveLength(57 * 300);
    expect(daftar.usedRect(true)).toEqual({
      r0: 0,
      c0: 0,
      r1: 57 * 300,
      c1: summary.daftarInovasi.columns.length - 1,
    });
    for (const i of [0, 1, 299, 8000, 17099]) {
      const r = i + 2;
      expect(daftar.values(`A${r}:${letters(summary.daftarInovasi.columns.length - 1)}${r}`)[0]).toEqual(
        summary.daftarInovasi.columns.map((_, c) => stored(summary.daftarInovasi.rows[i].cells[c] ?? null)),
      );
    }
    const temuan = fake.workbook.sheet('Temuan');
    expect(temuan.usedRect(true)?.r1).toBe(summary.temuan.rows.length);
    // One chart category per counted OPD with innovations: 57 (was: the source T1:W58, right of the table).
    const opdChart = summaryCharts(summarySheets(summary), 'id')[0];
    expect(opdChart.rows).toHaveLength(57);
    expect(rekap.chartSeries()[0].map((x) => x.values)).toEqual(
      chartSeries(opdChart).map((x) => x.valuesRef.replace(/\$/g, '')),
    );
  }, 120_000); // a hang guard only: a busy machine may take several times the quiet ~5 s
});
