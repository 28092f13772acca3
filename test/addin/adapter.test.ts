/**
 * The Office adapter against the fake Excel host: read → validate with the engine → write flags →
 * clear them, the template, the stamp, the history, events, errors and the sync budgets.
 */
import { SyncBatcher, addressLists, cellRuns, writeRowBlocks } from '../../src/addin/chunks';
import { changedRows } from '../../src/addin/excelAdapter';
import { decodeMarks, encodeMarks, gridOf, noteHash, statusText } from '../../src/addin/flags';
import { GridBuilder, addressOrigin, toCellValue } from '../../src/addin/grid';
import { AdapterError } from '../../src/addin/port';
import { FLAG_FILL, RIWAYAT_COLUMNS, SHEET_TANDA, TEMUAN_COLUMNS } from '../../src/addin/flags';
import { CellValue, WorkbookGrid } from '../../src/engine/grid';
import { defaultReference } from '../../src/engine/reference/load';
import { COLUMNS } from '../../src/engine/schema';
import { FileValidation, validateWorkbook } from '../../src/engine/validate';
import { createFakeExcel, FakeExcel, FakeExcelOptions, HostCell } from '../fake-excel';
import { adapterFor, benchmarkSheets, measureAdapterBudget, seedCell } from '../fake-excel/budget';
import { LABELS, TODAY, buildGrid, colOf, inisiatifRow, validRow, words } from '../helpers/workbook';

const FOUR_MB = 4 * 1024 * 1024;
const reference = defaultReference();
const validate = (grid: WorkbookGrid): FileValidation =>
  validateWorkbook(grid, 'uji.xlsx', { reference, today: TODAY });

/** Rows 2…6 of the sample: ready; two errors; a warning; blank; an error and a warning. */
const SAMPLE_ROWS: (Record<string, CellValue> | null)[] = [
  validRow(),
  validRow({ 'Nama Inovasi': 'Aplikasi Antrian Puskesmas', 'Tahapan Inovasi': 'Uji', 'Anggaran (Rp)': -5 }),
  inisiatifRow({ 'Nama Inovasi': 'Rencana Sistem Rujukan Terpadu', 'Rancang Bangun': words(50) }),
  null,
  validRow({
    'Nama Inovasi': 'Layanan Kesehatan Keliling',
    'Tautan Data Dukung': 'ftp://data',
    'Dasar Hukum': 'Peraturan saja',
  }),
];

const cell = (label: string, row: number) => `${colOf(label)}${row}`;

function sampleFake(options: Omit<FakeExcelOptions, 'sheets'> = {}): FakeExcel {
  const sheets = benchmarkSheets(SAMPLE_ROWS.length, (i) => SAMPLE_ROWS[i - 1] ?? {});
  (sheets.Identitas as CellValue[][])[4] = ['Email', 'bukan-surel'];
  const fake = createFakeExcel({ sheets: { ...sheets, Catatan: [['bebas', 1]] }, ...options });
  const inovasi = fake.workbook.sheet('Inovasi');
  inovasi.setFill(cell('Tahapan Inovasi', 3), '#00B050'); // own fill, will be flagged
  inovasi.setFill(cell('Anggaran (Rp)', 3), '#FFFFFF'); // white (not "no fill"), will be flagged
  inovasi.setFill(cell('Tautan Data Dukung', 6), '#FFFF00');
  inovasi.setFill('A2', '#DDEBF7'); // never flagged
  inovasi.addNote(cell('Dasar Hukum', 6), 'Catatan pengguna: cek ke bagian hukum'); // on a flagged cell
  inovasi.addNote('B2', 'Catatan pengguna lain');
  return fake;
}

/** Every cell's fill, by sheet and address. */
function fills(fake: FakeExcel): Record<string, HostCell['fill']> {
  const out: Record<string, HostCell['fill']> = {};
  for (const s of fake.workbook.sheets) {
    for (const [k, c] of s.cells) out[`${s.name}!${k}`] = c.fill ? { ...c.fill } : null;
  }
  return out;
}

async function readAndValidate(port: ReturnType<typeof adapterFor>): Promise<FileValidation> {
  const { grid } = await port.readSubmission();
  return validate(grid);
}

describe('readSubmission', () => {
  it('reads every sheet in two syncs; dates become date cells, errors error cells; same hash and findings as the file reader', async () => {
    const fake = sampleFake();
    fake.workbook.sheet('Inovasi').setValues(cell('Tanggal Penerapan', 2), [[{ error: '#REF!' }]]);
    const port = adapterFor(fake);
    const { grid } = await port.readSubmission();
    expect(fake.stats.syncCount).toBe(2);
    expect(grid.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['Identitas', 'visible'],
      ['Inovasi', 'visible'],
      ['Catatan', 'visible'],
    ]);
    const inovasi = grid.sheets[1];
    expect(inovasi.rows[1]?.[LABELS.indexOf('Tanggal Uji Coba')]).toEqual({ kind: 'date', serial: 45352 });
    expect(inovasi.rows[1]?.[LABELS.indexOf('Tanggal Penerapan')]).toEqual({ kind: 'error', code: '#REF!' });

    // The same workbook as the xlsx reader sees it (ISO date texts, same error cell).
    const rows = SAMPLE_ROWS.map((r) => r ?? {});
    const fileGrid = buildGrid({
      rows,
      identitas: [
        ['Perangkat Daerah', 'Dinas Kesehatan'],
        ['Tahun Pelaporan', 2026],
        ['Nama Penanggung Jawab', 'dr. Joice Rumondor'],
        ['Jabatan', 'Kepala Dinas'],
        ['Email', 'bukan-surel'],
        ['Telepon', '(0438) 21045'],
        ['Tanggal Pengisian', '2026-10-01'],
        ['Versi Templat', '1'],
      ],
    });
    (fileGrid.sheets[1].rows[1] as CellValue[])[LABELS.indexOf('Tanggal Penerapan')] = {
      kind: 'error',
      code: '#REF!',
    };
    const fromAddin = validate(grid);
    const fromFile = validate(fileGrid);
    expect(fromAddin.contentHash).toBe(fromFile.contentHash);
    expect(fromAddin.findings.map((f) => f.id)).toEqual(fromFile.findings.map((f) => f.id));
  });

  it('falls back to reading in row blocks when Excel refuses a large response', async () => {
    const sheets = benchmarkSheets(300);
    const plain = createFakeExcel({ sheets });
    const limited = createFakeExcel({ sheets, responseLimitBytes: 60_000 });
    const a = validate((await adapterFor(plain).readSubmission()).grid);
    const b = validate((await adapterFor(limited).readSubmission()).grid);
    expect(b.contentHash).toBe(a.contentHash);
    expect(b.findings.map((f) => f.id)).toEqual(a.findings.map((f) => f.id));
    expect(limited.stats.log.filter((r) => r.refused).length).toBeGreaterThan(0);
    expect(limited.stats.maxResponseBytes).toBeLessThanOrEqual(60_000);
  });
});

describe('writeFlags and clearFlags', () => {
  it('colours flagged cells, writes Status Validasi, notes (1.18) and the Temuan sheet', async () => {
    const fake = sampleFake();
    const port = adapterFor(fake);
    const v = await readAndValidate(port);
    const summary = await port.writeFlags(v, 'id');
    expect(fake.stats.syncCount).toBe(4);

    const open = v.findings.filter((f) => f.status === 'open' && f.cell && f.severity !== 'info');
    expect(summary.cells).toBe(new Set(open.map((f) => `${f.sheet}!${f.cell}`)).size);
    const inovasi = fake.workbook.sheet('Inovasi');
    expect(inovasi.fill(cell('Tahapan Inovasi', 3))).toBe(FLAG_FILL.error);
    expect(inovasi.fill(cell('Anggaran (Rp)', 3))).toBe(FLAG_FILL.error);
    expect(inovasi.fill(cell('Rancang Bangun', 4))).toBe(FLAG_FILL.warning);
    expect(inovasi.fill(cell('Tautan Data Dukung', 6))).toBe(FLAG_FILL.error);
    expect(inovasi.fill(cell('Dasar Hukum', 6))).toBe(FLAG_FILL.warning);
    expect(fake.workbook.sheet('Identitas').fill('B5')).toBe(FLAG_FILL.warning);
    expect(inovasi.fill('A2')).toBe('#DDEBF7');
    for (const f of open) {
      const color = fake.workbook.sheet(f.sheet!).fill(f.cell!);
      expect([FLAG_FILL.error, FLAG_FILL.warning]).toContain(color);
    }

    // Status Validasi: the template's column, one text per data row, nothing on the blank row.
    expect(
      inovasi.values(`${colOf('Status Validasi')}1:${colOf('Status Validasi')}6`).map((r) => r[0]),
    ).toEqual(['Status Validasi', 'Siap', '2 galat', '1 peringatan', null, '1 galat, 1 peringatan']);

    // Notes: the messages, except where the user has a note of their own.
    const tahapan = inovasi.note(cell('Tahapan Inovasi', 3))!;
    expect(tahapan).toContain('Galat FMT-02');
    expect(tahapan).toContain('bukan pilihan yang sah');
    expect(inovasi.note(cell('Rancang Bangun', 4))).toMatch(
      /^Peringatan SOP-06: Rancang bangun baru 50 kata; minimal 300 kata\.\nSaran: /,
    );
    expect(inovasi.note(cell('Dasar Hukum', 6))).toBe('Catatan pengguna: cek ke bagian hukum');
    expect(summary.notes).toBe(summary.cells - 1);

    // Temuan: exactly the spec's columns, one row per finding, bold frozen header, Status drop-down.
    const temuan = fake.workbook.sheet('Temuan');
    const values = temuan.values();
    expect(values[0]).toEqual([...TEMUAN_COLUMNS]);
    expect(values).toHaveLength(v.findings.length + 1);
    expect(values.slice(1).map((r) => r[0])).toEqual(v.findings.map((f) => f.id));
    const fmt02 = values.find((r) => r[1] === 'FMT-02')!;
    expect(fmt02.slice(1, 9)).toEqual([
      'FMT-02',
      'Galat',
      'Inovasi',
      cell('Tahapan Inovasi', 3),
      3,
      'Aplikasi Antrian Puskesmas',
      'Tahapan Inovasi',
      'Uji',
    ]);
    expect(fmt02[12]).toBe('Terbuka');
    expect(temuan.cell('A1').bold).toBe(true);
    expect(temuan.frozenRows).toBe(1);
    expect(temuan.validation('M2')?.rule?.list?.source).toBe('Terbuka,Diterima');
    expect(temuan.visibility).toBe('Visible');
    expect(fake.workbook.sheet(SHEET_TANDA).visibility).toBe('VeryHidden');
    expect(fake.workbook.sheetNames.filter((n) => n.startsWith('_temuan_'))).toEqual([]);
  });

  it('writes no notes where the host has no notes API (ExcelApi 1.17)', async () => {
    const fake = sampleFake({ apiVersion: '1.17' });
    const port = adapterFor(fake);
    const summary = await port.writeFlags(await readAndValidate(port), 'id');
    const inovasi = fake.workbook.sheet('Inovasi');
    expect(summary.notes).toBe(0);
    expect(inovasi.fill(cell('Tahapan Inovasi', 3))).toBe(FLAG_FILL.error);
    expect(inovasi.noteMap()).toEqual({
      B2: 'Catatan pengguna lain',
      [cell('Dasar Hukum', 6)]: 'Catatan pengguna: cek ke bagian hukum',
    });
  });

  it('clearFlags restores every cell exactly (own fill, white fill, no fill), removes the tool notes, keeps the rest', async () => {
    const fake = sampleFake();
    const before = fills(fake);
    const notesBefore = fake.workbook.sheet('Inovasi').noteMap();
    const port = adapterFor(fake);
    await port.writeFlags(await readAndValidate(port), 'id');
    expect(fills(fake)).not.toEqual(before);
    await port.clearFlags();

    // Every cell of the sheets that were there before is as it was (Temuan is new and stays).
    const after = fills(fake);
    const old = (k: string) => !k.startsWith('Temuan!');
    for (const [k, f] of Object.entries(after)) if (old(k)) expect([k, f]).toEqual([k, before[k] ?? null]);
    for (const [k, f] of Object.entries(before)) expect([k, after[k] ?? null]).toEqual([k, f]);
    expect(fake.workbook.sheet('Inovasi').cell(cell('Anggaran (Rp)', 3)).fill).toEqual({
      color: '#FFFFFF',
      pattern: 'Solid',
      patternColor: '#000000',
    });
    expect(fake.workbook.sheet('Inovasi').cell(cell('Rancang Bangun', 4)).fill).toBeNull();
    expect(fake.workbook.sheet('Inovasi').noteMap()).toEqual(notesBefore);
    // The column stays, its texts go; Temuan (with the auditors' decisions) stays.
    const status = colOf('Status Validasi');
    expect(
      fake.workbook
        .sheet('Inovasi')
        .values(`${status}1:${status}6`)
        .map((r) => r[0]),
    ).toEqual(['Status Validasi', null, null, null, null, null]);
    expect(fake.workbook.findSheet(SHEET_TANDA)).toBeUndefined();
    expect(fake.workbook.findSheet('Temuan')).toBeDefined();
  });

  it('clears flags in a fresh session too (marks read back from _tanda), and leaves a fill the user changed alone', async () => {
    const fake = sampleFake();
    const before = fills(fake);
    const first = adapterFor(fake);
    await first.writeFlags(await readAndValidate(first), 'id');
    fake.workbook.sheet('Inovasi').setFill(cell('Rancang Bangun', 4), '#0070C0'); // the user recolours a flagged cell
    // Someone typed their own text into a Status Validasi cell: clearing leaves it.
    fake.workbook.sheet('Inovasi').setValues(cell('Status Validasi', 6), [['tanya Bu Maria']]);
    const second = adapterFor(fake);
    await second.clearFlags();
    expect(fake.workbook.sheet('Inovasi').value(cell('Status Validasi', 6))).toBe('tanya Bu Maria');
    expect(fake.workbook.sheet('Inovasi').value(cell('Status Validasi', 3))).toBeNull();
    const inovasi = fake.workbook.sheet('Inovasi');
    expect(inovasi.fill(cell('Rancang Bangun', 4))).toBe('#0070C0');
    expect(inovasi.fill(cell('Tahapan Inovasi', 3))).toBe('#00B050');
    expect(fake.workbook.sheet('Identitas').fill('B5')).toBeNull();
    const after = fills(fake);
    for (const [k, f] of Object.entries(before))
      if (!k.startsWith('Inovasi!') || f) expect([k, after[k] ?? null]).toEqual([k, f]);
  });

  it('re-validation restores fixed cells, keeps unchanged flags and notes untouched, in four syncs', async () => {
    const fake = sampleFake();
    const port = adapterFor(fake);
    await port.writeFlags(await readAndValidate(port), 'id');
    const inovasi = fake.workbook.sheet('Inovasi');
    const noteBefore = inovasi.noteAt(3, LABELS.indexOf('Rancang Bangun'));
    inovasi.setValues(cell('Tahapan Inovasi', 3), [['Penerapan']], { fireChange: true }); // fixes FMT-02
    fake.stats.reset();
    const v = await readAndValidate(port);
    await port.writeFlags(v, 'id');
    expect(fake.stats.syncCount).toBe(4);
    expect(inovasi.fill(cell('Tahapan Inovasi', 3))).toBe('#00B050');
    expect(inovasi.note(cell('Tahapan Inovasi', 3))).toBeNull();
    expect(inovasi.fill(cell('Anggaran (Rp)', 3))).toBe(FLAG_FILL.error);
    // The unchanged note object is the same one (not deleted and re-added).
    expect(inovasi.noteAt(3, LABELS.indexOf('Rancang Bangun'))).toBe(noteBefore);
    await port.clearFlags();
    expect(inovasi.cell(cell('Anggaran (Rp)', 3)).fill).toEqual({
      color: '#FFFFFF',
      pattern: 'Solid',
      patternColor: '#000000',
    });
    expect(inovasi.fill(cell('Tahapan Inovasi', 3))).toBe('#00B050');
  });

  it("carries an auditor's decision over by finding id: accepted findings are not flagged and stay in Temuan", async () => {
    const fake = sampleFake();
    const port = adapterFor(fake);
    const v1 = await readAndValidate(port);
    await port.writeFlags(v1, 'id');
    const sop06 = v1.findings.find((f) => f.rule === 'SOP-06')!;
    const temuan = fake.workbook.sheet('Temuan');
    const row = temuan.values().findIndex((r) => r[0] === sop06.id) + 1;
    temuan.setValues(`M${row}`, [
      ['Diterima', 'Dilengkapi pada revisi berikut', 'Inspektur Rina', '2026-11-29'],
    ]);
    const v2 = await readAndValidate(port);
    expect(v2.findings.find((f) => f.id === sop06.id)?.status).toBe('accepted');
    await port.writeFlags(v2, 'id');
    const after = fake.workbook.sheet('Temuan').values();
    expect(after.find((r) => r[0] === sop06.id)?.slice(12)).toEqual([
      'Diterima',
      'Dilengkapi pada revisi berikut',
      'Inspektur Rina',
      '2026-11-29',
    ]);
    expect(fake.workbook.sheet('Inovasi').fill(cell('Rancang Bangun', 4))).toBeNull();
    expect(fake.workbook.sheet('Inovasi').value(cell('Status Validasi', 4))).toBe('Siap');
    // Read again: the decision is still there and still valid.
    expect((await readAndValidate(port)).findings.find((f) => f.id === sop06.id)?.decision?.reviewer).toBe(
      'Inspektur Rina',
    );
  });

  it('keeps Temuan where it was, replaces it whole, and removes a staging sheet left by a failed run', async () => {
    const fake = sampleFake();
    const old = fake.workbook.addSheet('Temuan');
    old.setValues('A1', [
      ['ID', 'Status'],
      ['lama', 'Terbuka'],
    ]);
    const list = fake.workbook.sheets;
    list.splice(list.indexOf(old), 1);
    list.splice(1, 0, old);
    fake.workbook.addSheet('_temuan_sisa', 'VeryHidden');
    const port = adapterFor(fake);
    const v = await readAndValidate(port);
    await port.writeFlags(v, 'en');
    expect(fake.workbook.sheetNames).toEqual(['Identitas', 'Temuan', 'Inovasi', 'Catatan', SHEET_TANDA]);
    const temuan = fake.workbook.sheet('Temuan').values();
    expect(temuan.map((r) => r[0])).not.toContain('lama');
    expect(temuan[1][9]).toMatch(/\.$/); // English messages
    expect(fake.workbook.sheet('Inovasi').value(cell('Status Validasi', 3))).toBe('2 errors');
  });

  it('adds a Status Validasi column after the last header when the sheet has none', async () => {
    const header = LABELS.filter((l) => l !== 'Status Validasi');
    const fake = createFakeExcel({
      sheets: {
        Identitas: benchmarkSheets(1).Identitas,
        Data: [['Judul banner'], [...header, 'Keterangan'], header.map((l) => seedCell(l, validRow()[l]))],
      },
    });
    const port = adapterFor(fake);
    const v = await readAndValidate(port);
    expect(v.submission?.table?.sheet).toBe('Data');
    await port.writeFlags(v, 'id');
    const col = header.length + 1; // right of «Keterangan», the unknown column
    const data = fake.workbook.sheet('Data').values();
    expect(data[1][col - 1]).toBe('Keterangan');
    expect(data[1][col]).toBe('Status Validasi');
    expect(data[2][col]).toBe('Siap'); // STR-03 is on the header row, not this one
    expect(fake.workbook.sheet('Data').fill(`${colOf('Keterangan', [...header, 'Keterangan'])}2`)).toBe(
      FLAG_FILL.warning,
    );
  });
});

describe('selectCell, template, stamp, history, settings', () => {
  it('selectCell activates the sheet and selects the cell', async () => {
    const fake = sampleFake();
    await adapterFor(fake).selectCell('Identitas', 'B5');
    expect(fake.workbook.selection).toEqual({ sheet: 'Identitas', address: 'B5' });
    expect(fake.workbook.activeSheet?.name).toBe('Identitas');
    // A sheet the user hid is shown to reach the cell.
    fake.workbook.sheet('Catatan').visibility = 'Hidden';
    await adapterFor(fake).selectCell('Catatan', 'Catatan!B1');
    expect(fake.workbook.selection).toEqual({ sheet: 'Catatan', address: 'B1' });
    expect(fake.workbook.sheet('Catatan').visibility).toBe('Visible');
  });

  it('createTemplate (1.8): Identitas, Inovasi table with headers, widths, frozen header, drop-downs and input messages', async () => {
    const fake = createFakeExcel({ sheets: { Sheet1: [] }, apiVersion: '1.8' });
    const port = adapterFor(fake);
    await port.createTemplate(reference, null);
    // Data Dukung and Petunjuk IID too: the sample reference has `iid` (test/addin/template.test.ts).
    expect(fake.workbook.sheetNames).toEqual([
      'Sheet1',
      '_daftar',
      'Identitas',
      'Inovasi',
      'Data Dukung',
      'Petunjuk IID',
    ]);
    expect(fake.workbook.sheet('_daftar').visibility).toBe('Hidden');
    const inovasi = fake.workbook.sheet('Inovasi');
    expect(inovasi.values('A1:AF1')[0]).toEqual(COLUMNS.map((c) => c.label));
    expect(inovasi.tables.map((t) => [t.name, t.rect.r1])).toEqual([['TabelInovasi', 200]]);
    expect(inovasi.frozenRows).toBe(1);
    expect(inovasi.columnWidths.get(LABELS.indexOf('Rancang Bangun'))).toBeGreaterThan(
      inovasi.columnWidths.get(0)!,
    );
    expect(inovasi.validation(cell('Tahapan Inovasi', 2))?.rule?.list?.source).toBe(
      'Inisiatif,Uji Coba,Penerapan',
    );
    expect(inovasi.validation(cell('Sumber Anggaran', 150))?.rule?.list?.source).toBe(
      'APBD,APBN,Hibah,CSR,Lainnya,Tanpa Anggaran',
    );
    expect(inovasi.validation(cell('Urusan Pemerintahan', 2))?.rule?.list?.source).toMatch(
      /^=_daftar!\$B\$2:\$B\$\d+$/,
    );
    expect(inovasi.validation(cell('Kode Program RPJMD', 2))?.rule?.list?.source).toMatch(
      /^=_daftar!\$C\$2:\$C\$\d+$/,
    );
    expect(inovasi.validation(cell('Tanggal Uji Coba', 2))?.rule?.date).toMatchObject({
      operator: 'Between',
    });
    expect(inovasi.validation(cell('Anggaran (Rp)', 2))?.rule?.decimal).toMatchObject({
      operator: 'GreaterThanOrEqualTo',
    });
    expect(inovasi.validation(cell('Target Tahun Penerapan', 2))?.rule?.wholeNumber).toMatchObject({
      formula1: 2000,
      formula2: 2100,
    });
    expect(inovasi.validation(cell('Permasalahan', 2))?.prompt).toEqual({
      showPrompt: true,
      title: 'Permasalahan',
      message: 'Masalah yang dijawab inovasi.',
    });
    expect(inovasi.cell(cell('Kode Program RPJMD', 5)).numberFormat).toBe('@');
    const identitas = fake.workbook.sheet('Identitas');
    expect(identitas.values('A1:A8').map((r) => r[0])).toEqual([
      'Perangkat Daerah',
      'Tahun Pelaporan',
      'Nama Penanggung Jawab',
      'Jabatan',
      'Email',
      'Telepon',
      'Tanggal Pengisian',
      'Versi Templat',
    ]);
    expect(identitas.validation('B1')?.rule?.list?.source).toBe(
      `=_daftar!$A$2:$A$${reference.opd.length + 1}`,
    );
    expect(
      fake.workbook
        .sheet('_daftar')
        .values('A2:A3')
        .map((r) => r[0]),
    ).toEqual(reference.opd.slice(0, 2).map((o) => o.nama));
    expect(fake.workbook.selection).toEqual({ sheet: 'Inovasi', address: 'A2' });

    // The new form reads back as a submission with no rows yet.
    const v = await readAndValidate(port);
    expect(v.submission?.table?.sheet).toBe('Inovasi');
    expect(v.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['STR-05', 'STR-08']));
    expect(v.findings.map((f) => f.rule)).not.toContain('STR-02');
  });

  it('createTemplate (1.7): no data validation; refuses when Inovasi exists; keeps an existing Identitas', async () => {
    const fake = createFakeExcel({
      sheets: { Identitas: [['Perangkat Daerah', 'Dinas Kesehatan']] },
      apiVersion: '1.7',
    });
    const port = adapterFor(fake);
    await port.createTemplate(reference, reference.opd[0]);
    expect(fake.workbook.sheet('Inovasi').validations).toEqual([]);
    expect(fake.workbook.sheet('Identitas').values()).toEqual([['Perangkat Daerah', 'Dinas Kesehatan']]);
    expect(fake.workbook.sheet('Inovasi').tables).toHaveLength(1);
    await expect(port.createTemplate(reference)).rejects.toMatchObject({
      code: 'templateExists',
      message: expect.stringContaining('Inovasi'),
    });
  });

  it('Riwayat is append-only: 20 runs, earlier rows byte-identical', async () => {
    const fake = sampleFake();
    const port = adapterFor(fake);
    let previous: unknown[][] = [];
    for (let run = 1; run <= 20; run++) {
      const events = Array.from({ length: (run % 3) + 1 }, (_, i) => ({
        waktu: `2026-11-${String(run).padStart(2, '0')}T08:00:0${i}+08:00`,
        peristiwa: i === 0 ? 'validasi' : 'diterima',
        oleh: 'Inspektur Rina',
        id: '00012345e678',
        aturan: 'SOP-06',
        sel: 'P4',
        alasan: '=1+1',
        rincian: `galat ${run}`,
      }));
      await port.appendHistory(events);
      const riwayat = fake.workbook.sheet('Riwayat');
      const now = riwayat.values();
      expect(JSON.stringify(now.slice(0, previous.length))).toBe(JSON.stringify(previous));
      expect(now).toHaveLength(previous.length + events.length + (run === 1 ? 1 : 0));
      previous = now;
    }
    const riwayat = fake.workbook.sheet('Riwayat');
    expect(previous[0]).toEqual(['Waktu', 'Peristiwa', 'Oleh', 'ID', 'Aturan', 'Sel', 'Alasan', 'Rincian']);
    expect(previous[1]).toEqual([
      '2026-11-01T08:00:00+08:00',
      'validasi',
      'Inspektur Rina',
      '00012345e678',
      'SOP-06',
      'P4',
      '=1+1',
      'galat 1',
    ]);
    expect(riwayat.cell('A1').bold).toBe(true);
    expect(riwayat.frozenRows).toBe(1);
    // Riwayat is the tool's: never part of the grid the engine sees.
    expect((await port.readSubmission()).grid.sheets.map((s) => s.name)).not.toContain('Riwayat');
  });

  it('document settings, display language and requirement sets', async () => {
    const fake = sampleFake({ displayLanguage: 'en-GB', apiVersion: '1.12' });
    const port = adapterFor(fake);
    expect(port.displayLanguage()).toBe('en');
    fake.setDisplayLanguage('id-ID');
    expect(port.displayLanguage()).toBe('id');
    expect([port.isSupported('1.8'), port.isSupported('1.12'), port.isSupported('1.18')]).toEqual([
      true,
      true,
      false,
    ]);
    expect(await port.getSetting('referensi')).toBeNull();
    await port.setSetting('referensi', { id: 'bitung-contoh@abc' });
    expect(await port.getSetting('referensi')).toEqual({ id: 'bitung-contoh@abc' });
    expect(fake.officeState.settingsSaves).toBe(1);
    fake.failSettingsSave('disk full');
    await expect(port.setSetting('x', 1)).rejects.toMatchObject({
      code: 'settings',
      message: 'Pengaturan tidak dapat disimpan ke dalam berkas. Coba lagi.',
    });
  });
});

describe('onRowsChanged', () => {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('reports edited rows once, debounced; ignores its own Status Validasi writes; unsubscribes', async () => {
    const fake = sampleFake();
    const port = adapterFor(fake, 30);
    const v = await readAndValidate(port);
    const seen: number[][] = [];
    const off = await port.onRowsChanged((rows) => seen.push(rows), 'Inovasi');
    fake.fireChange('Inovasi', 'C5');
    fake.fireChange('Inovasi', 'D7:E8');
    fake.workbook
      .sheet('Inovasi')
      .setValues('B3', [['Aplikasi Antrian Puskesmas Baru']], { fireChange: true });
    await sleep(80);
    expect(seen).toEqual([[3, 5, 7, 8]]);
    await port.writeFlags(v, 'id'); // writes Status Validasi on the same sheet
    await sleep(80);
    expect(seen).toHaveLength(1);
    fake.fireChange('Inovasi', 'C:C');
    await sleep(80);
    expect(seen[1]).toEqual([]);
    await off();
    fake.fireChange('Inovasi', 'C9');
    await sleep(80);
    expect(seen).toHaveLength(2);
    expect(fake.workbook.sheet('Inovasi').changeHandlers.size).toBe(0);
  });

  it('rows inserted or deleted report "re-read everything"; a batch only of coauthors\' edits says remote', async () => {
    const fake = sampleFake();
    const port = adapterFor(fake, 30);
    await readAndValidate(port);
    const seen: { rows: number[]; remote: boolean }[] = [];
    const off = await port.onRowsChanged(
      (rows, origin) => seen.push({ rows, remote: origin.remote }),
      'Inovasi',
    );
    fake.fireChange('Inovasi', '5:5', 'RowInserted');
    await sleep(80);
    fake.fireChange('Inovasi', 'C7', 'CellDeleted');
    await sleep(80);
    fake.fireChange('Inovasi', 'C5', 'RangeEdited', 'Remote');
    await sleep(80);
    fake.fireChange('Inovasi', 'C5', 'RangeEdited', 'Remote');
    fake.fireChange('Inovasi', 'C6');
    await sleep(80);
    expect(seen).toEqual([
      { rows: [], remote: false },
      { rows: [], remote: false },
      { rows: [5], remote: true },
      { rows: [5, 6], remote: false },
    ]);
    await off();
  });

  it('parses change addresses into rows', () => {
    expect(changedRows('Inovasi!C7')).toEqual([7]);
    expect(changedRows('B3:D5')).toEqual([3, 4, 5]);
    expect(changedRows('5:6')).toEqual([5, 6]);
    expect(changedRows('C:D')).toBeNull();
  });

  it('an edit reported together with a Status Validasi change is still reported (multi-area addresses)', async () => {
    const fake = sampleFake();
    const port = adapterFor(fake, 30);
    const v = await readAndValidate(port);
    await port.writeFlags(v, 'id'); // the adapter now knows the Status Validasi column
    const status = colOf('Status Validasi');
    const seen: number[][] = [];
    const off = await port.onRowsChanged((rows) => seen.push(rows), 'Inovasi');
    // Only Status Validasi cells, in one area or several: the tool's own write, not reported.
    fake.fireChange('Inovasi', `${status}3`);
    fake.fireChange('Inovasi', `${status}4,${status}6:${status}7`);
    await sleep(200); // well past the 30 ms debounce, on a busy machine too
    expect(seen).toEqual([]);
    // The Status Validasi area first, then the user's edit; the sheet named in every area.
    fake.fireChange('Inovasi', `${status}3,B3`);
    fake.fireChange('Inovasi', `Inovasi!B5,Inovasi!${status}5`);
    fake.fireChange('Inovasi', `Inovasi!$${status}$6,Inovasi!$C$8:$D$9`);
    await sleep(200); // well past the 30 ms debounce, on a busy machine too
    expect(seen).toEqual([[3, 5, 6, 8, 9]]);
    await off();
  });

  it('parses multi-area change addresses into rows, area by area', () => {
    expect(changedRows('B7,G9:H10')).toEqual([7, 9, 10]);
    expect(changedRows('Inovasi!B7,Inovasi!G9')).toEqual([7, 9]);
    expect(changedRows("'Data, 2026'!B7,'Data, 2026'!C8")).toEqual([7, 8]);
    expect(changedRows('B7,C:C')).toBeNull();
  });
});

describe('errors in plain words', () => {
  it('editing a cell, on a host that ignores delayForCellEdit: finish the edit and try again (Indonesian or English), no stack text', async () => {
    const fake = sampleFake({ honoursDelayForCellEdit: false });
    const port = adapterFor(fake);
    fake.setEditing(true);
    const e = await port.readSubmission().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AdapterError);
    expect(e).toMatchObject({ code: 'editing', officeCode: 'InvalidOperationInCellEditMode' });
    expect((e as AdapterError).message).toBe(
      'Excel sedang menyunting sebuah sel. Selesaikan penyuntingan sel itu (tekan Enter atau Esc), lalu coba lagi.',
    );
    fake.setDisplayLanguage('en-US');
    await expect(port.selectCell('Inovasi', 'A1')).rejects.toMatchObject({
      code: 'editing',
      message: expect.stringMatching(/^Excel is busy editing a cell\. Finish editing/),
    });
    expect(JSON.stringify(e)).not.toMatch(/at |\.ts:/);
  });

  it('editing a cell: the request waits until the cell is left (delayForCellEdit) instead of failing', async () => {
    const fake = sampleFake();
    const port = adapterFor(fake);
    fake.setEditing(true);
    let done = false;
    const read = port.readSubmission().then((r) => ((done = true), r));
    await new Promise((r) => setTimeout(r, 30));
    expect(done).toBe(false);
    fake.setEditing(false);
    expect((await read).grid.sheets.length).toBeGreaterThan(0);
  });

  it('InvalidOperation is not taken for cell-edit mode: its own plain words', async () => {
    const fake = sampleFake();
    const port = adapterFor(fake);
    fake.failSync(1, 'InvalidOperation');
    const e = await port.readSubmission().catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'refused', officeCode: 'InvalidOperation' });
    expect((e as AdapterError).message).not.toMatch(/menyunting/);
    fake.failSync(1, 'InvalidOperationInCellEditMode');
    await expect(port.readSubmission()).rejects.toMatchObject({ code: 'editing' });
  });

  it('with ExcelApi 1.20 one write is one undo step (mergeUndoGroup); before, one per sync', async () => {
    for (const [apiVersion, steps] of [
      ['1.20', 1],
      ['1.18', 2],
    ] as const) {
      const fake = sampleFake({ apiVersion });
      const port = adapterFor(fake);
      const v = await readAndValidate(port);
      fake.stats.reset();
      await port.writeFlags(v, 'id');
      expect(fake.stats.syncCount).toBe(2);
      expect(fake.stats.undoSteps).toBe(steps);
    }
  });

  it('a missing sheet and a request over the limit', async () => {
    const fake = sampleFake();
    const port = adapterFor(fake);
    await expect(port.selectCell('Tidak Ada', 'A1')).rejects.toMatchObject({ code: 'notFound' });
    const v = await readAndValidate(port);
    fake.options.requestLimitBytes = 3000;
    await expect(port.writeFlags(v, 'id')).rejects.toMatchObject({
      code: 'tooLarge',
      officeCode: 'RequestPayloadSizeLimitExceeded',
    });
  });

  it('outside Excel: a plain error, not a ReferenceError', async () => {
    const port = adapterFor({ ...createFakeExcel(), Excel: undefined } as unknown as FakeExcel);
    await expect(port.readSubmission()).rejects.toMatchObject({ code: 'noHost' });
  });
});

describe('round trips and payload', () => {
  // Desktop Excel (no response cap). The fake's default is Excel on the web, below.
  it('5,000 rows: readSubmission + writeFlags in at most 4 syncs, each at most 4 MB', async () => {
    const r = await measureAdapterBudget(5000, { responseLimitBytes: Infinity });
    expect(r.findings).toBeGreaterThan(7000);
    expect(r.readSyncs).toBe(2);
    expect(r.syncs).toBeLessThanOrEqual(4);
    expect(r.maxPayloadBytes).toBeLessThanOrEqual(FOUR_MB);
  });

  // Excel on the web (the fake's default) returns at most 5 MB a response, and the values, number
  // formats and value types of these 5,000 rows are 7.0 MB: two responses at least, so the
  // desktop's 4 syncs cannot be had (list + 2 reads + 2 writes = 5 at the very least). The adapter
  // reads the sizes and the first 1,200 rows of each sheet with the first read, then the rest in
  // blocks of at most 3.5 MB: 4 reads, 6 syncs, and no response refused (docs/performance.md).
  it('5,000 rows on Excel on the web: 6 syncs (4 reads, 2 writes), every response under 4 MB, none refused', async () => {
    const r = await measureAdapterBudget(5000);
    expect(r.readSyncs).toBe(4);
    expect(r.syncs).toBe(6);
    expect(r.refusedResponses).toBe(0);
    expect(r.maxResponseBytes).toBeLessThanOrEqual(FOUR_MB);
    expect(r.maxPayloadBytes).toBeLessThanOrEqual(FOUR_MB);
    // The data alone are more than one response may carry: 4 syncs are impossible on the web.
    const read = r.perSync.slice(1, r.readSyncs).reduce((n, s) => n + s.responseBytes, 0);
    expect(read).toBeGreaterThan(5 * 1024 * 1024);
  });

  it('up to 1,000 rows on Excel on the web: the desktop budget, 2 reads and 4 syncs in all', async () => {
    const r = await measureAdapterBudget(1000);
    expect([r.readSyncs, r.syncs, r.refusedResponses]).toEqual([2, 4, 0]);
  });

  it('Excel on the web, a first read refused all the same (cells far larger than usual): the same grid, read in smaller blocks', async () => {
    const fake = createFakeExcel({ sheets: benchmarkSheets(1500), responseLimitBytes: 600_000 });
    const port = adapterFor(fake);
    const { grid } = await port.readSubmission();
    const desktop = await adapterFor(
      createFakeExcel({ sheets: benchmarkSheets(1500), responseLimitBytes: Infinity }),
    ).readSubmission();
    expect(grid).toEqual(desktop.grid);
    expect(fake.stats.log.filter((r) => r.refused).length).toBeGreaterThan(0);
    expect(fake.stats.maxResponseBytes).toBeLessThanOrEqual(600_000);
  });

  // Desktop: on the web 20,000 rows are over 25 MB of response, read in row blocks by design
  // (readSubmission's fallback, tested above), so the sync count there grows with the response.
  it('20,000 rows: every sync at most 4 MB; syncs grow only with the payload', async () => {
    const r = await measureAdapterBudget(20_000, { responseLimitBytes: Infinity });
    expect(r.maxPayloadBytes).toBeLessThanOrEqual(FOUR_MB);
    // About 24 MB of writes (30,000 findings, notes, Temuan) need at least 7 syncs of 4 MB, plus 2 reads.
    expect(r.syncs).toBeLessThanOrEqual(10);
    const written = r.perSync.slice(2).reduce((n, s) => n + s.requestBytes, 0);
    expect(r.syncs - 2).toBeLessThanOrEqual(Math.ceil(written / (3.5 * 1024 * 1024)));
  });

  it('hosts before ExcelApi 1.9 (no multi-area ranges): same flags, per-run ranges, still within 4 MB a sync', async () => {
    const r = await measureAdapterBudget(1000, { apiVersion: '1.8' });
    expect(r.maxPayloadBytes).toBeLessThanOrEqual(FOUR_MB);
    expect(r.flaggedCells).toBeGreaterThan(1400);
  });
});

describe('helpers', () => {
  it('converts Office cells: valueTypes decide errors and empties, a date format makes a date', () => {
    expect(toCellValue('#N/A', 'General', 'Error')).toEqual({ kind: 'error', code: '#N/A' });
    expect(toCellValue('#N/A', 'General', 'String')).toBe('#N/A'); // typed as text
    expect(toCellValue(45352, 'dd/mm/yyyy', 'Double')).toEqual({ kind: 'date', serial: 45352 });
    expect(toCellValue(45352, '[$-421]d mmmm yyyy', 'Double')).toEqual({ kind: 'date', serial: 45352 });
    expect(toCellValue(1.5, '0.00', 'Double')).toBe(1.5);
    expect(toCellValue(1.5, '0.00E+00', 'Double')).toBe(1.5);
    expect(toCellValue('', 'General', 'Empty')).toBeNull();
    expect(toCellValue(true, 'General', 'Boolean')).toBe(true);
    expect(addressOrigin("'Lembar 1'!$C$3:F9")).toEqual({ row: 2, col: 2 });
    const grid = new GridBuilder()
      .add({
        address: 'S!C3:D4',
        values: [
          ['a', ''],
          ['', 2],
        ],
        numberFormat: [
          ['General', 'General'],
          ['General', 'General'],
        ],
        valueTypes: [
          ['String', 'Empty'],
          ['Empty', 'Double'],
        ],
      })
      .build('S', 'Hidden');
    expect(grid.visibility).toBe('hidden');
    expect(grid.rows[2]).toEqual([null, null, 'a']);
    expect(grid.rows[3]).toEqual([null, null, null, 2]);
    expect(grid.rows[0]).toBeUndefined();
  });

  it('packs row blocks into what a sync has left, and splits only when needed', async () => {
    const syncs: number[] = [];
    const batcher = new SyncBatcher({ sync: async () => void syncs.push(batcher.pending) }, 10_000);
    await batcher.reserve(6000);
    const rows = Array.from({ length: 100 }, (_, i) => [`baris ${i}`, 'x'.repeat(80)]);
    const blocks: [number, number][] = [];
    const n = await writeRowBlocks(batcher, rows, (start, block) => void blocks.push([start, block.length]));
    await batcher.flush();
    expect(n).toBe(100);
    expect(blocks.reduce((m, [, len]) => m + len, 0)).toBe(100);
    expect(blocks[0][0]).toBe(0);
    blocks.forEach(([start], i) => i && expect(start).toBe(blocks[i - 1][0] + blocks[i - 1][1]));
    expect(syncs.every((bytes) => bytes <= 10_000)).toBe(true);
    expect(syncs.length).toBe(Math.ceil((6000 + rows.length * 95) / 10_000));
    const fit = new SyncBatcher({ sync: async () => undefined }, 1000);
    expect(await writeRowBlocks(fit, rows, () => undefined, { fitOnly: true })).toBeLessThan(10);
    expect(fit.syncs).toBe(0);
  });

  it('merges cells into runs and keeps multi-area addresses short', () => {
    expect(
      cellRuns([
        { row: 6, col: 3 },
        { row: 6, col: 2 },
        { row: 6, col: 4 },
        { row: 8, col: 2 },
        { row: 6, col: 27 },
      ]),
    ).toEqual(['C7:E7', 'AB7', 'C9']);
    const lists = addressLists(
      Array.from({ length: 1000 }, (_, i) => `AB${i + 1}`),
      2000,
    );
    expect(lists.every((l) => l.length <= 2000)).toBe(true);
    expect(lists.join(',').split(',')).toHaveLength(1000);
  });

  it('_tanda records survive the round trip through a sheet; hashes stay text', () => {
    const marks = {
      cells: [
        {
          sheet: 'Inovasi',
          cell: 'C3',
          original: { color: '#00B050', pattern: 'Solid', patternColor: '' },
          flag: '#FFC7CE',
          note: noteHash('a'),
        },
        {
          sheet: '2024',
          cell: 'AA10',
          original: { color: '', pattern: 'None', patternColor: '' },
          flag: '#FFEB9C',
          note: '',
        },
        {
          sheet: 'Inovasi',
          cell: 'D4',
          original: { color: '#FFFFFF', pattern: 'Gray25', patternColor: '#000000' },
          flag: '#FFEB9C',
          note: '',
        },
      ],
      status: [{ sheet: 'Inovasi', range: 'AF2:AF9' }],
    };
    const grid = gridOf(
      '_tanda',
      encodeMarks(marks).map((r) => r.map((v) => (v === '2024' ? 2024 : v))),
    );
    expect(decodeMarks(grid)).toEqual(marks);
    expect(noteHash('x')).toMatch(/^h[0-9a-f]+x[0-9a-f]{8}$/);
    expect(noteHash('Galat A')).not.toBe(noteHash('Galat B'));
    expect([
      statusText(0, 0, 'id'),
      statusText(2, 1, 'id'),
      statusText(1, 0, 'en'),
      statusText(0, 3, 'en'),
    ]).toEqual(['Siap', '2 galat, 1 peringatan', '1 error', '3 warnings']);
  });
});

describe('Riwayat events written with the flags', () => {
  const event = (peristiwa: string, waktu = '2026-11-28T09:00:00.000Z') => ({
    waktu,
    peristiwa,
    oleh: 'Uji',
    rincian: peristiwa,
  });
  const riwayat = (fake: FakeExcel) => fake.workbook.sheet('Riwayat').values();

  it('creates Riwayat with its header: `before` events, then the flags, then `after` events, in the same four syncs', async () => {
    const fake = sampleFake();
    const port = adapterFor(fake);
    const v = await readAndValidate(port);
    await port.writeFlags(v, 'id', { before: [event('keputusan gugur')], after: [event('validasi')] });
    expect(fake.stats.syncCount).toBe(4);
    const rows = riwayat(fake);
    expect(rows[0]).toEqual([...RIWAYAT_COLUMNS]);
    expect(rows.slice(1).map((r) => r[1])).toEqual(['keputusan gugur', 'validasi']);
    expect(fake.workbook.sheet('Riwayat').frozenRows).toBe(1);
    expect(fake.workbook.sheet('Temuan').values()).toHaveLength(v.findings.length + 1);
  });

  it('appends below the events already there (the sheet was read with the rest); they stay as they are', async () => {
    const old = [
      [...RIWAYAT_COLUMNS],
      ['2026-01-02T08:00:00.000Z', 'validasi', 'Lama', null, null, null, null, 'galat 0'],
    ];
    const fake = createFakeExcel({ sheets: { ...benchmarkSheets(3), Riwayat: old } });
    const port = adapterFor(fake);
    await port.writeFlags(await readAndValidate(port), 'id', { after: [event('validasi')] });
    expect(fake.stats.syncCount).toBe(4);
    const rows = riwayat(fake);
    expect(rows.slice(0, 2)).toEqual(old);
    expect(rows.slice(2).map((r) => [r[0], r[1]])).toEqual([['2026-11-28T09:00:00.000Z', 'validasi']]);
  });

  it('finds a Riwayat added since the read (one more read) and appends below its rows', async () => {
    const fake = sampleFake();
    const port = adapterFor(fake);
    const v = await readAndValidate(port);
    fake.workbook
      .addSheet('Riwayat')
      .setValues('A1', [[...RIWAYAT_COLUMNS], ['2026-11-27T10:00:00.000Z', 'stempel']]);
    await port.writeFlags(v, 'id', { after: [event('validasi')] });
    expect(fake.stats.syncCount).toBe(5);
    expect(riwayat(fake).map((r) => r[1])).toEqual(['Peristiwa', 'stempel', 'validasi']);
  });

  it('a write that fails part-way leaves the `before` trace written and no `after` event', async () => {
    // Large enough for the writes to take more than one sync; the last of them fails.
    const rows = 8000;
    const dry = createFakeExcel({ sheets: benchmarkSheets(rows) });
    const dryPort = adapterFor(dry);
    const dryValidation = await readAndValidate(dryPort);
    const readSyncs = dry.stats.syncCount; // on the web, 8,000 rows are read in row blocks
    await dryPort.writeFlags(dryValidation, 'id', {
      before: [event('keputusan gugur')],
      after: [event('validasi')],
    });
    const writeSyncs = dry.stats.syncCount - readSyncs;
    expect(writeSyncs).toBeGreaterThan(2);

    const fake = createFakeExcel({ sheets: benchmarkSheets(rows) });
    const port = adapterFor(fake);
    const v = await readAndValidate(port);
    fake.failSync(writeSyncs, 'GeneralException');
    await expect(
      port.writeFlags(v, 'id', { before: [event('keputusan gugur')], after: [event('validasi')] }),
    ).rejects.toBeTruthy();
    expect(riwayat(fake).map((r) => r[1])).toEqual(['Peristiwa', 'keputusan gugur']);
    expect(fake.workbook.sheetNames).not.toContain('Temuan'); // the swap is among the last writes
  }, 60_000);
});
