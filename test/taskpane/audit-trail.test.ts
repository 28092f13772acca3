/**
 * The audit trail (docs/spec/audit.md) end to end through the task pane's controller and the real Office
 * adapter on the fake Excel host: the stamp and its status against the workbook's current content,
 * decisions made in the pane and typed into `Temuan`, decisions that drop when their finding goes,
 * the append-only `Riwayat`, and the audit CSV (the same as the CLI's `audit`).
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createExcelAdapter } from '../../src/addin/excelAdapter';
import { RIWAYAT_COLUMNS, TEMUAN_COLUMNS } from '../../src/addin/flags';
import type { ExcelHost, OfficeHost } from '../../src/addin/port';
import { run as cli, type Io } from '../../src/cli/main';
import type { CellValue } from '../../src/engine/grid';
import { RULES_VERSION } from '../../src/engine/rules/registry';
import { STEMPEL_HEADER } from '../../src/engine/signoff';
import { countFindings } from '../../src/engine/validate';
import { TOOL_NAME, TOOL_VERSION } from '../../src/engine/version';
import { CHANGED_STAMP_SETTING, OPEN_WORKBOOK, PaneController } from '../../src/taskpane/controller';
import { translator } from '../../src/taskpane/i18n';
import * as xlsxModule from '../../src/xlsx/readXlsx';
import { type FakeExcel, type SeedValue, createFakeExcel } from '../fake-excel';
import { benchmarkSheets } from '../fake-excel/budget';
import { LABELS, TODAY, colOf, inisiatifRow, validRow } from '../helpers/workbook';

type Row = Record<string, CellValue>;

/**
 * Row 2 ready; row 3 two errors (FMT-02 at C3, FMT-07 at Y3); row 4 a vague dasar hukum (SOP-02
 * warning at M4) and a negative budget (FMT-05 error at T4); Identitas!B5 not an e-mail (FMT-08).
 */
const MISTAKES: Row[] = [
  validRow(),
  validRow({
    'Nama Inovasi': 'Layanan Antar Obat',
    'Tahapan Inovasi': 'Penerapn',
    'Tautan Data Dukung': 'javascript:alert(1)',
  }),
  inisiatifRow({ 'Dasar Hukum': 'Perwali', 'Anggaran (Rp)': -5 }),
];
/** Only warnings (SOP-02 at M3): ready to stamp. */
const WARNINGS_ONLY: Row[] = [validRow(), inisiatifRow({ 'Dasar Hukum': 'Perwali' })];

const at = (label: string, row: number) => `${colOf(label)}${row}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Session {
  readonly fake: FakeExcel;
  readonly controller: PaneController;
  readonly download: jest.Mock;
}

function fakeWorkbook(rows: Row[], identitas: [string, SeedValue][] = [], header?: string[]): FakeExcel {
  const sheets = benchmarkSheets(rows.length, (i) => rows[i - 1]);
  const id = sheets.Identitas as SeedValue[][];
  for (const [label, value] of identitas) {
    const r = id.findIndex((row) => row[0] === label);
    id[r] = [label, value];
  }
  if (header) (sheets.Inovasi as SeedValue[][])[0] = header;
  return createFakeExcel({ sheets });
}

/** A task-pane session on a fake workbook: the controller, the real adapter, a ticking clock. */
async function session(fake: FakeExcel): Promise<Session> {
  const port = createExcelAdapter(fake.Excel as unknown as ExcelHost, fake.Office as unknown as OfficeHost, {
    debounceMs: 1,
  });
  let clock = Date.parse('2026-11-28T09:30:00Z');
  const download = jest.fn();
  const controller = new PaneController({
    port,
    today: () => TODAY,
    now: () => new Date((clock += 1000)),
    loadXlsx: async () => xlsxModule,
    download,
  });
  await controller.init();
  return { fake, controller, download };
}

/** Waits for the edit events (debounced) and the stamp checks they start. */
async function settle(controller: PaneController): Promise<void> {
  await sleep(15);
  // The check's promise is private; waiting for it keeps these tests free of timing guesses.
  const pending = () => (controller as unknown as { refreshing: Promise<unknown> | null }).refreshing;
  while (pending() || controller.getState().busy) await (pending() ?? sleep(5));
}

/** What a user does in Excel: types a value; Excel reports the change. */
async function edit(s: Session, sheet: string, a1: string, value: SeedValue): Promise<void> {
  s.fake.workbook.sheet(sheet).setValues(a1, [[value]], { fireChange: true });
  await settle(s.controller);
}

/** Rows of a sheet as label → value objects (header in row 1). */
function table(fake: FakeExcel, sheet: string): Record<string, unknown>[] {
  const [header, ...rows] = fake.workbook.sheet(sheet).values();
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

const temuan = (fake: FakeExcel) => table(fake, 'Temuan');
const riwayat = (fake: FakeExcel) => table(fake, 'Riwayat');

/** Each `Riwayat` row, every cell with its value and formats, as one string. */
function riwayatRows(fake: FakeExcel): string[] {
  const sheet = fake.workbook.findSheet('Riwayat');
  if (!sheet) return [];
  const rect = sheet.usedRect(false);
  if (!rect) return [];
  const out: string[] = [];
  for (let r = 0; r <= rect.r1; r++) {
    const cells: unknown[] = [];
    for (let c = 0; c <= Math.max(rect.c1, RIWAYAT_COLUMNS.length - 1); c++) {
      const cell = sheet.peek(r, c);
      cells.push(
        cell
          ? [
              cell.value,
              cell.error,
              cell.formula,
              cell.numberFormat,
              cell.fill,
              cell.bold,
              cell.fontColor,
              cell.wrap,
            ]
          : null,
      );
    }
    out.push(JSON.stringify(cells));
  }
  return out;
}

function findingOf(s: Session, rule: string) {
  const f = s.controller.getState().validation?.findings.find((x) => x.rule === rule);
  if (!f) throw new Error(`no ${rule} finding`);
  return f;
}

/** The last row of the `_stempel` sheet (version 2) as header → value. */
function stempel(fake: FakeExcel): Record<string, unknown> {
  const [header, ...rows] = fake.workbook.sheet('_stempel').values();
  const last = rows.at(-1) ?? [];
  return Object.fromEntries(header.map((h, i) => [String(h), last[i]]));
}

/** Copies cells (values, formats, fill) of whole rows or columns, as a user moving them would. */
function cellSeed(fake: FakeExcel, sheet: string, a1: string): SeedValue {
  const c = fake.workbook.sheet(sheet).cell(a1);
  return {
    ...(c.error ? { error: c.error } : { value: c.value }),
    numberFormat: c.numberFormat,
    ...(c.fill ? { fill: c.fill.color } : {}),
  };
}

function swapRows(fake: FakeExcel, a: number, b: number): void {
  const width = LABELS.length; // Status Validasi included
  const letters = Array.from({ length: width }, (_, i) => columnLetters(i));
  const rowA = letters.map((l) => cellSeed(fake, 'Inovasi', `${l}${a}`));
  const rowB = letters.map((l) => cellSeed(fake, 'Inovasi', `${l}${b}`));
  const sheet = fake.workbook.sheet('Inovasi');
  sheet.setValues(`A${a}`, [rowB]);
  sheet.setValues(`A${b}`, [rowA]);
  fake.fireChange('Inovasi', `A${Math.min(a, b)}:${columnLetters(width - 1)}${Math.max(a, b)}`);
}

function swapColumns(fake: FakeExcel, a: string, b: string): void {
  const sheet = fake.workbook.sheet('Inovasi');
  const height = sheet.usedRect(true)!.r1 + 1;
  const colA = Array.from({ length: height }, (_, r) => [cellSeed(fake, 'Inovasi', `${a}${r + 1}`)]);
  const colB = Array.from({ length: height }, (_, r) => [cellSeed(fake, 'Inovasi', `${b}${r + 1}`)]);
  sheet.setValues(`${a}1`, colB);
  sheet.setValues(`${b}1`, colA);
  fake.fireChange('Inovasi', `${a}1:${b}${height}`);
}

function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Accepts every open finding of these rules through the pane. */
async function acceptAll(
  s: Session,
  rules: string[],
  reason = 'Diterima untuk uji',
  reviewer = 'Inspektur Rina',
): Promise<void> {
  for (const rule of rules) {
    const f = findingOf(s, rule);
    expect(await s.controller.accept(f.id, reason, reviewer)).toEqual({ ok: true });
  }
}

describe('the stamp', () => {
  test('written very hidden with every field; an edit of a value after stamping shows Berubah, logged once', async () => {
    const s = await session(fakeWorkbook(WARNINGS_ONLY));
    expect(s.controller.getState().stamp).toMatchObject({ status: 'none', info: null });
    expect(s.controller.stampAllowance().reason).toBe('stamp.notValidated');
    await s.controller.validate();
    expect(s.controller.stampAllowance()).toMatchObject({ allowed: true });
    expect(await s.controller.stamp('Auditor Kota')).toBe(true);

    const sheet = s.fake.workbook.sheet('_stempel');
    expect(sheet.visibility).toBe('VeryHidden');
    const fields = stempel(s.fake);
    const v = s.controller.getState().validation!;
    expect(Object.keys(fields)).toEqual([...STEMPEL_HEADER]);
    expect(fields).toMatchObject({
      Tingkat: 'penyusun',
      Versi: 2,
      'Hash Isi': v.contentHash,
      'Versi Aturan': RULES_VERSION,
      Referensi: s.controller.getState().reference.id,
      Alat: `${TOOL_NAME} ${TOOL_VERSION}`,
      Galat: 0,
      Peringatan: 1,
      Diterima: 0,
      Oleh: 'Auditor Kota',
    });
    expect(fields.Waktu).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    expect(riwayat(s.fake).at(-1)).toMatchObject({ Peristiwa: 'stempel penyusun', Oleh: 'Auditor Kota' });

    expect((await s.controller.refreshStampStatus())?.status).toBe('valid');
    await edit(s, 'Inovasi', at('Nama Inovasi', 2), 'Posyandu Digital Bitung Sehat Sekali');
    expect(s.controller.getState().stamp?.status).toBe('changed');
    expect(s.controller.stampAllowance()).toMatchObject({ allowed: false, reason: 'stamp.edited' });
    const changed = () => riwayat(s.fake).filter((e) => e.Peristiwa === 'stempel berubah');
    expect(changed()).toHaveLength(1);
    expect(changed()[0].Rincian).toContain(String(fields['Hash Isi']));

    // Found again (another edit, a validation, the Audit tab, a new session): still one event.
    await edit(s, 'Inovasi', at('Nama Inovasi', 3), 'Rencana Aplikasi Rujukan');
    await s.controller.validate();
    expect(s.controller.getState().validation!.stamp).toBe('changed');
    await s.controller.refreshStampStatus();
    const again = await session(s.fake);
    expect(again.controller.getState().stamp?.status).toBe('changed');
    expect(changed()).toHaveLength(1);
    expect(s.fake.workbook.settings.get(CHANGED_STAMP_SETTING)).toBe(
      `${String(fields['Hash Isi'])}|${String(fields.Waktu)}`,
    );

    // Back to the stamped content: Sah again.
    await edit(s, 'Inovasi', at('Nama Inovasi', 2), 'Posyandu Digital Bitung Sehat');
    await edit(s, 'Inovasi', at('Nama Inovasi', 3), 'Rencana Aplikasi Rujukan Puskesmas');
    expect(s.controller.getState().stamp?.status).toBe('valid');
  });

  test('a fill or a new column order after stamping leaves the stamp Sah', async () => {
    const s = await session(fakeWorkbook(WARNINGS_ONLY));
    await s.controller.validate();
    expect(await s.controller.stamp('Auditor Kota')).toBe(true);

    s.fake.workbook.sheet('Inovasi').setFill(at('Nama Inovasi', 2), '#00B0F0');
    s.fake.workbook.sheet('Identitas').setFill('B1', '#FFFF00');
    s.fake.fireChange('Inovasi', at('Nama Inovasi', 2));
    await settle(s.controller);
    expect(s.controller.getState().stamp?.status).toBe('valid');

    swapColumns(s.fake, colOf('Nama Inovasi'), colOf('Tahapan Inovasi'));
    await settle(s.controller);
    expect(s.fake.workbook.sheet('Inovasi').value('B1')).toBe('Tahapan Inovasi');
    expect(s.controller.getState().stamp?.status).toBe('valid');
    expect((await s.controller.refreshStampStatus())?.status).toBe('valid');

    await s.controller.validate();
    expect(s.controller.getState().validation!.stamp).toBe('valid');
    expect(riwayat(s.fake).some((e) => e.Peristiwa === 'stempel berubah')).toBe(false);
  });

  test('the stamp re-reads the workbook: an edit the events missed blocks it', async () => {
    const s = await session(fakeWorkbook(WARNINGS_ONLY));
    await s.controller.validate();
    s.fake.workbook.sheet('Inovasi').setValues(at('Nama Inovasi', 2), [['Diam-diam diubah']]); // no change event
    expect(await s.controller.stamp('Auditor Kota')).toBe(false);
    expect(s.fake.workbook.findSheet('_stempel')).toBeUndefined();
    expect(s.controller.getState().notices.map((n) => n.key)).toContain('stamp.edited');
    expect(s.controller.stampAllowance().reason).toBe('stamp.edited');
  });

  test('a submission whose only errors are accepted is ready (Siap) and may be stamped', async () => {
    const s = await session(fakeWorkbook(MISTAKES));
    await s.controller.validate();
    expect(s.controller.stampAllowance()).toMatchObject({
      allowed: false,
      reason: 'stamp.openErrors',
      params: { n: 3 },
    });
    await acceptAll(s, ['FMT-02', 'FMT-07', 'FMT-05', 'SOP-02']);

    const counts = countFindings(s.controller.getState().validation!.findings);
    expect(counts).toEqual({ errors: 0, warnings: 0, infos: 0, accepted: 4 });
    const status = colOf('Status Validasi');
    const inovasi = s.fake.workbook.sheet('Inovasi');
    expect([2, 3, 4].map((r) => inovasi.value(`${status}${r}`))).toEqual(['Siap', 'Siap', 'Siap']);
    // Accepted cells are no longer coloured.
    expect(inovasi.fill(at('Tahapan Inovasi', 3))).toBeNull();
    expect(
      temuan(s.fake)
        .filter((r) => r.Status === 'Diterima')
        .map((r) => r.Aturan)
        .sort(),
    ).toEqual(['FMT-02', 'FMT-05', 'FMT-07', 'SOP-02']);

    // Carried over by id to the next validation.
    await s.controller.validate();
    expect(countFindings(s.controller.getState().validation!.findings).accepted).toBe(4);
    expect(s.controller.stampAllowance()).toMatchObject({ allowed: true });
    expect(await s.controller.stamp('')).toBe(true);
    expect(stempel(s.fake)).toMatchObject({
      Galat: 0,
      Peringatan: 0,
      Diterima: 4,
      Oleh: 'dr. Joice Rumondor',
    });
  });
});

describe('decisions', () => {
  test('accept and withdraw need a reason and a reviewer; a refusal writes nothing', async () => {
    const s = await session(fakeWorkbook(MISTAKES));
    await s.controller.validate();
    const f = findingOf(s, 'SOP-02');
    const before = {
      temuan: JSON.stringify(temuan(s.fake)),
      riwayat: riwayatRows(s.fake),
      syncs: s.fake.stats.syncCount,
    };
    expect(await s.controller.accept(f.id, '  ', 'Inspektur Rina')).toEqual({
      ok: false,
      problems: ['audit.needReason'],
    });
    expect(await s.controller.accept(f.id, 'Perwali sedang disusun', '')).toEqual({
      ok: false,
      problems: ['audit.needReviewer'],
    });
    expect(s.fake.stats.syncCount).toBe(before.syncs);
    expect(JSON.stringify(temuan(s.fake))).toBe(before.temuan);
    expect(riwayatRows(s.fake)).toEqual(before.riwayat);

    expect(await s.controller.accept(f.id, 'Perwali sedang disusun', 'Inspektur Rina')).toEqual({ ok: true });
    expect(temuan(s.fake).find((r) => r.ID === f.id)).toMatchObject({
      Status: 'Diterima',
      Alasan: 'Perwali sedang disusun',
      Pemeriksa: 'Inspektur Rina',
      'Tanggal Keputusan': TODAY,
    });
    expect(await s.controller.withdraw(f.id, '', 'Inspektur Rina')).toEqual({
      ok: false,
      problems: ['audit.needReason'],
    });
    expect(await s.controller.withdraw(f.id, 'Perwali batal', 'Inspektur Rina')).toEqual({ ok: true });
    expect(temuan(s.fake).find((r) => r.ID === f.id)).toMatchObject({
      Status: 'Terbuka',
      Alasan: null,
      Pemeriksa: null,
    });
    expect(riwayat(s.fake).slice(-2)).toMatchObject([
      {
        Peristiwa: 'diterima',
        Oleh: 'Inspektur Rina',
        ID: f.id,
        Aturan: 'SOP-02',
        Sel: `Inovasi!${at('Dasar Hukum', 4)}`,
        Alasan: 'Perwali sedang disusun',
      },
      { Peristiwa: 'dicabut', Oleh: 'Inspektur Rina', ID: f.id, Aturan: 'SOP-02', Alasan: 'Perwali batal' },
    ]);
  });

  test('decisions typed into Temuan count on the next validation; one without a reason is ignored and reported by row', async () => {
    const s = await session(fakeWorkbook(MISTAKES, [['Email', 'bukan-email']]));
    await s.controller.validate();
    const rows = temuan(s.fake);
    const rowOf = (rule: string) => rows.findIndex((r) => r.Aturan === rule) + 2;
    const L = (c: string) => columnLetters(TEMUAN_COLUMNS.indexOf(c as (typeof TEMUAN_COLUMNS)[number]));
    const sheet = s.fake.workbook.sheet('Temuan');
    // Complete: accepted. Without Alasan: ignored.
    sheet.setValues(`${L('Status')}${rowOf('SOP-02')}`, [
      ['Diterima', 'Perwali sedang disusun', 'Inspektur Rina'],
    ]);
    sheet.setValues(`${L('Status')}${rowOf('FMT-02')}`, [['Diterima', null, 'Inspektur Rina']]);
    const fmt02 = findingOf(s, 'FMT-02');

    await s.controller.validate();
    const v = s.controller.getState().validation!;
    expect(v.findings.find((f) => f.rule === 'SOP-02')).toMatchObject({
      status: 'accepted',
      decision: { reason: 'Perwali sedang disusun', reviewer: 'Inspektur Rina' },
    });
    expect(v.findings.find((f) => f.rule === 'FMT-02')).toMatchObject({ status: 'open', decision: null });
    expect(countFindings(v.findings)).toMatchObject({ errors: 3, accepted: 1 });

    const notice = s.controller.getState().notices.find((n) => n.key === 'validasi.ignored')!;
    expect(notice).toMatchObject({ intent: 'warning', params: { n: 1 } });
    const row = temuan(s.fake).findIndex((r) => r.ID === fmt02.id) + 2;
    expect(notice.details).toEqual([
      `Temuan baris ${row} (ID ${fmt02.id}, FMT-02): Status Diterima tanpa Alasan.`,
    ]);
    expect(translator('id')(notice.key, notice.params)).toMatch(/^1 keputusan di lembar Temuan diabaikan/);
    // Written back as typed, so it can be completed rather than lost.
    expect(temuan(s.fake)[row - 2]).toMatchObject({
      ID: fmt02.id,
      Status: 'Diterima',
      Alasan: null,
      Pemeriksa: 'Inspektur Rina',
    });
    expect(s.fake.workbook.sheet('Inovasi').fill(at('Tahapan Inovasi', 3))).toBe('#FFC7CE');

    // Completed in the sheet: accepted, and the notice goes.
    sheet.setValues(`${L('Alasan')}${row}`, [['Salah ketik, diperbaiki bulan depan']]);
    await s.controller.validate();
    expect(s.controller.getState().validation!.findings.find((f) => f.id === fmt02.id)?.status).toBe(
      'accepted',
    );
    expect(s.controller.getState().notices.map((n) => n.key)).not.toContain('validasi.ignored');
  });

  test('a decision typed for a rule that cannot be accepted is ignored and reported', async () => {
    const s = await session(fakeWorkbook([validRow()], [], [...LABELS, 'Nama Inovasi']));
    await s.controller.validate();
    const str04 = findingOf(s, 'STR-04');
    const row = temuan(s.fake).findIndex((r) => r.ID === str04.id) + 2;
    const status = columnLetters(TEMUAN_COLUMNS.indexOf('Status'));
    s.fake.workbook
      .sheet('Temuan')
      .setValues(`${status}${row}`, [['Diterima', 'Kolom ganda disengaja', 'Inspektur Rina']]);
    await s.controller.validate();
    expect(findingOf(s, 'STR-04').status).toBe('open');
    const notice = s.controller.getState().notices.find((n) => n.key === 'validasi.ignored')!;
    expect(notice.details).toEqual([
      `Temuan baris ${row} (ID ${str04.id}, STR-04): temuan aturan ini tidak dapat diterima.`,
    ]);
    expect(await s.controller.accept(str04.id, 'Kolom ganda disengaja', 'Inspektur Rina')).toEqual({
      ok: false,
      problems: ['audit.notAcceptable'],
    });
  });

  test('re-ordered rows keep their decisions', async () => {
    const s = await session(fakeWorkbook(MISTAKES));
    await s.controller.validate();
    const sop02 = findingOf(s, 'SOP-02');
    const fmt05 = findingOf(s, 'FMT-05');
    await acceptAll(s, ['SOP-02', 'FMT-05'], 'Disetujui rapat', 'Inspektur Rina');
    const events = riwayat(s.fake).length;

    swapRows(s.fake, 3, 4);
    await settle(s.controller);
    expect(s.fake.workbook.sheet('Inovasi').value(at('Nama Inovasi', 3))).toBe(
      'Rencana Aplikasi Rujukan Puskesmas',
    );
    await s.controller.validate();

    const v = s.controller.getState().validation!;
    expect(v.findings.find((f) => f.id === sop02.id)).toMatchObject({
      status: 'accepted',
      cell: at('Dasar Hukum', 3),
    });
    expect(v.findings.find((f) => f.id === fmt05.id)).toMatchObject({
      status: 'accepted',
      cell: at('Anggaran (Rp)', 3),
    });
    expect(temuan(s.fake).find((r) => r.ID === sop02.id)).toMatchObject({
      Sel: at('Dasar Hukum', 3),
      Status: 'Diterima',
      Alasan: 'Disetujui rapat',
    });
    expect(
      riwayat(s.fake)
        .slice(events)
        .map((e) => e.Peristiwa),
    ).toEqual(['validasi']);
  });

  test('a changed value drops its decision: it leaves Temuan and Riwayat keeps its trace', async () => {
    const s = await session(fakeWorkbook(MISTAKES));
    await s.controller.validate();
    const sop02 = findingOf(s, 'SOP-02');
    const fmt05 = findingOf(s, 'FMT-05');
    await acceptAll(s, ['SOP-02'], 'Perwali sedang disusun', 'Inspektur Rina');
    await acceptAll(s, ['FMT-05'], 'Koreksi anggaran menyusul', 'Auditor Dua');

    await edit(s, 'Inovasi', at('Dasar Hukum', 4), 'Peraturan Wali Kota Bitung Nomor 3 Tahun 2025'); // fixed
    await edit(s, 'Inovasi', at('Anggaran (Rp)', 4), -7); // still wrong, another value: another finding
    await s.controller.validate();

    const v = s.controller.getState().validation!;
    expect(v.findings.some((f) => f.id === sop02.id || f.id === fmt05.id)).toBe(false);
    const fmt05now = v.findings.find((f) => f.rule === 'FMT-05')!;
    expect(fmt05now).toMatchObject({ status: 'open', cell: at('Anggaran (Rp)', 4), value: -7 });
    const rows = temuan(s.fake);
    expect(rows.some((r) => r.ID === sop02.id || r.ID === fmt05.id)).toBe(false);
    expect(rows.filter((r) => r.Status === 'Diterima')).toEqual([]);

    const dropped = riwayat(s.fake).filter((e) => e.Peristiwa === 'keputusan gugur');
    expect(dropped).toHaveLength(2);
    expect(dropped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          ID: sop02.id,
          Aturan: 'SOP-02',
          Sel: `Inovasi!${at('Dasar Hukum', 4)}`,
          Alasan: 'Perwali sedang disusun',
          Oleh: 'Inspektur Rina',
        }),
        expect.objectContaining({
          ID: fmt05.id,
          Aturan: 'FMT-05',
          Sel: `Inovasi!${at('Anggaran (Rp)', 4)}`,
          Alasan: 'Koreksi anggaran menyusul',
          Oleh: 'Auditor Dua',
        }),
      ]),
    );
    expect(String(dropped[0].Rincian)).toMatch(/gugur/);
    // Logged once: the next validation finds nothing more to drop.
    await s.controller.validate();
    expect(riwayat(s.fake).filter((e) => e.Peristiwa === 'keputusan gugur')).toHaveLength(2);
  });
});

describe('Riwayat', () => {
  test('25 mixed operations only ever append: every earlier row stays byte-identical', async () => {
    const s = await session(fakeWorkbook(MISTAKES, [['Email', 'bukan-email']]));
    const c = s.controller;
    const id = (rule: string) => findingOf(s, rule).id;
    const ops: [string, () => Promise<unknown>, boolean][] = [
      ['validate', () => c.validate(), true],
      ['accept SOP-02', () => c.accept(id('SOP-02'), 'Perwali sedang disusun', 'Inspektur Rina'), true],
      ['accept FMT-08', () => c.accept(id('FMT-08'), 'Surel menyusul', 'Inspektur Rina'), true],
      ['withdraw FMT-08', () => c.withdraw(id('FMT-08'), 'Surel tetap wajib', 'Inspektur Rina'), true],
      ['accept without reason (refused)', () => c.accept(id('FMT-08'), '', 'Inspektur Rina'), false],
      ['validate', () => c.validate(), true],
      ['edit C3', () => edit(s, 'Inovasi', 'C3', 'Penerapan'), false],
      [
        'edit Y3',
        () => edit(s, 'Inovasi', at('Tautan Data Dukung', 3), 'https://bitungkota.go.id/obat'),
        false,
      ],
      ['edit T4', () => edit(s, 'Inovasi', at('Anggaran (Rp)', 4), 0), false],
      ['edit U4', () => edit(s, 'Inovasi', at('Sumber Anggaran', 4), 'Tanpa Anggaran'), false],
      ['validate', () => c.validate(), true],
      ['stamp', () => c.stamp('Auditor Kota'), true],
      ['accept FMT-08', () => c.accept(id('FMT-08'), 'Surel resmi sedang dibuat', 'Auditor Dua'), true],
      [
        'edit M4 (drops SOP-02, stamp changed)',
        () => edit(s, 'Inovasi', at('Dasar Hukum', 4), 'Perda'),
        true,
      ],
      ['validate', () => c.validate(), true],
      ['export', () => c.exportAudit(), false],
      ['stamp', () => c.stamp('Auditor Kota'), true],
      ['withdraw FMT-08', () => c.withdraw(id('FMT-08'), 'Surel sudah ada', 'Auditor Dua'), true],
      ['edit Identitas B5', () => edit(s, 'Identitas', 'B5', 'dinkes@bitungkota.go.id'), true],
      ['validate', () => c.validate(), true],
      ['stamp', () => c.stamp(''), true],
      [
        'fill only',
        async () => {
          s.fake.workbook.sheet('Inovasi').setFill('B2', '#FFFF00');
          s.fake.fireChange('Inovasi', 'B2');
          await settle(c);
        },
        false,
      ],
      ['audit tab opened', () => c.refreshStampStatus(), false],
      ['edit B2 (stamp changed)', () => edit(s, 'Inovasi', 'B2', 'Posyandu Digital'), true],
      ['validate', () => c.validate(), true],
    ];
    expect(ops).toHaveLength(25);

    let before: string[] = [];
    for (const [name, op, logs] of ops) {
      await op();
      await settle(c);
      const after = riwayatRows(s.fake);
      expect({ name, prefix: after.slice(0, before.length) }).toEqual({ name, prefix: before });
      expect({ name, appended: after.length > before.length }).toEqual({ name, appended: logs });
      before = after;
    }
    expect(c.getState().notices.filter((n) => n.intent === 'error')).toEqual([]);

    const events = riwayat(s.fake);
    expect(Object.keys(events[0])).toEqual([...RIWAYAT_COLUMNS]);
    const kinds = events.map((e) => e.Peristiwa);
    for (const kind of [
      'validasi',
      'diterima',
      'dicabut',
      'stempel penyusun',
      'stempel berubah',
      'keputusan gugur',
    ])
      expect(kinds).toContain(kind);
    expect(kinds.filter((k) => k === 'validasi')).toHaveLength(6);
    const run = events.find((e) => e.Peristiwa === 'validasi')!;
    expect(run.Waktu).toMatch(/^2026-11-28T\d{2}:\d{2}:\d{2}/);
    expect(run.Rincian).toMatch(/^galat 3, peringatan 2, info 0, diterima 0; sha256:[0-9a-f]{64}$/);
    expect(events.find((e) => e.Peristiwa === 'keputusan gugur')).toMatchObject({
      Aturan: 'SOP-02',
      Alasan: 'Perwali sedang disusun',
      Oleh: 'Inspektur Rina',
    });
  });
});

describe('Ekspor Laporan Audit', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'inovasi-audit-'));

  /** The fake workbook saved as .xlsx (values, number formats, visibility), as Excel would save it. */
  async function saveAs(fake: FakeExcel, file: string): Promise<void> {
    const wb = new ExcelJS.Workbook();
    for (const sheet of fake.workbook.sheets) {
      const state =
        sheet.visibility === 'VeryHidden'
          ? 'veryHidden'
          : sheet.visibility === 'Hidden'
            ? 'hidden'
            : 'visible';
      const ws = wb.addWorksheet(sheet.name, { state });
      const rect = sheet.usedRect(true);
      if (!rect) continue;
      for (let r = 0; r <= rect.r1; r++) {
        for (let col = 0; col <= rect.c1; col++) {
          const cell = sheet.peek(r, col);
          if (!cell || (cell.value === null && cell.error === null)) continue;
          const x = ws.getCell(r + 1, col + 1);
          x.value = cell.error ? ({ error: cell.error } as ExcelJS.CellErrorValue) : cell.value;
          if (cell.numberFormat !== 'General') x.numFmt = cell.numberFormat;
        }
      }
    }
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  }

  async function cliAudit(fake: FakeExcel, name: string): Promise<string> {
    const file = path.join(dir, `${name}.xlsx`);
    const out = path.join(dir, `${name}.csv`);
    await saveAs(fake, file);
    const io: Io = { stdout: () => undefined, stderr: () => undefined, progress: false, today: () => TODAY };
    await cli(['audit', file, '--out', out], io);
    // The same rows; only the file is named differently (the pane calls it «Buku kerja ini»).
    return readFileSync(out, 'utf8').split(`\r\n${name}.xlsx,`).join(`\r\n${OPEN_WORKBOOK},`);
  }

  async function exported(s: Session): Promise<string> {
    const blob = await s.controller.exportAudit();
    expect(blob).not.toBeNull();
    expect(s.download).toHaveBeenLastCalledWith('laporan-audit.csv', blob);
    return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob!.arrayBuffer());
  }

  test('the same CSV as the CLI audit: not stamped, stamped with decisions, changed after stamping', async () => {
    const s = await session(fakeWorkbook(MISTAKES, [['Email', 'bukan-email']]));
    await s.controller.validate();
    const none = await exported(s);
    expect(
      none.startsWith(
        '\uFEFFBerkas,Perangkat Daerah,Tingkat Persetujuan,Waktu Disusun,Waktu Disetujui Kepala OPD,Waktu Diverifikasi,Hash Isi,ID,Aturan,Jenis,Sel,Nama Inovasi,Pesan,Status,Alasan,Pemeriksa\r\n',
      ),
    ).toBe(true);
    expect(none).toContain(',KON-04,');
    expect(none).toBe(await cliAudit(s.fake, 'belum-stempel'));

    await acceptAll(
      s,
      ['FMT-02', 'FMT-07', 'FMT-05'],
      'Disetujui, "diperbaiki" tahun depan',
      'Inspektur Rina',
    );
    expect(await s.controller.stamp('Auditor Kota')).toBe(true);
    const stamped = await exported(s);
    // The add-in's single stamp is the chain's first level (docs/spec/signoff.md): still below the required kepalaOpd.
    expect(stamped).toContain('Berkas belum distempel berjenjang sampai «Disetujui Kepala OPD».');
    expect(stamped).toContain(',Disusun,');
    expect(stamped).toContain(',Diterima,"Disetujui, ""diperbaiki"" tahun depan",Inspektur Rina');
    expect(stamped).toBe(await cliAudit(s.fake, 'sudah-stempel'));

    // Edited after stamping, not validated again: the export still reads the workbook as it is now.
    await edit(s, 'Inovasi', at('Nama Inovasi', 2), 'Posyandu Digital');
    const changed = await exported(s);
    expect(changed).toContain(',Berubah,');
    expect(changed).toContain(',KON-04,');
    expect(changed).toBe(await cliAudit(s.fake, 'berubah'));
  });

  test('a =HYPERLINK(…) value comes out inert: a leading apostrophe inside the field', async () => {
    const link = '=HYPERLINK("http://x","y")';
    const s = await session(fakeWorkbook(MISTAKES, [['Perangkat Daerah', link]]));
    await s.controller.validate();
    await acceptAll(s, ['SOP-02'], link, '@Inspektur');
    const csv = await exported(s);
    expect(csv).toContain(`,"'=HYPERLINK(""http://x"",""y"")",`);
    expect(csv).toContain(`,"'=HYPERLINK(""http://x"",""y"")",'@Inspektur\r\n`);
    // No field of any row starts with a character a spreadsheet would run.
    for (const line of csv.slice(1).split('\r\n')) expect(line).not.toMatch(/(^|,)"?[=+\-@\t\r]/);
    expect(csv).toBe(await cliAudit(s.fake, 'tautan'));
  });
});
