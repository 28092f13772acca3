/**
 * Live validation (docs/spec/addin.md, *Validasi otomatis*) through the controller and the real Office
 * adapter on the fake Excel host: an edit reads just the edited rows, the whole cached grid is
 * validated again, and the findings are those of a fresh full validation.
 */
import { createExcelAdapter } from '../../src/addin/excelAdapter';
import type { ExcelHost, OfficeHost, WorkbookPort } from '../../src/addin/port';
import type { CellValue } from '../../src/engine/grid';
import { defaultReference } from '../../src/engine/reference/load';
import { type FileValidation, validateWorkbook } from '../../src/engine/validate';
import { OPEN_WORKBOOK, PaneController } from '../../src/taskpane/controller';
import * as xlsxModule from '../../src/xlsx/readXlsx';
import { type FakeExcel, type SeedValue, createFakeExcel } from '../fake-excel';
import { benchmarkSheets, seedCell } from '../fake-excel/budget';
import { LABELS, TODAY, colOf, validRow } from '../helpers/workbook';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const at = (label: string, row: number) => `${colOf(label)}${row}`;

interface Session {
  readonly fake: FakeExcel;
  readonly port: WorkbookPort;
  readonly controller: PaneController;
}

async function liveSession(rows: number, options: { responseLimitBytes?: number } = {}): Promise<Session> {
  const fake = createFakeExcel({ sheets: benchmarkSheets(rows), ...options });
  const port = createExcelAdapter(fake.Excel as unknown as ExcelHost, fake.Office as unknown as OfficeHost, {
    debounceMs: 1,
  });
  const controller = new PaneController({ port, today: () => TODAY, loadXlsx: async () => xlsxModule });
  await controller.init();
  controller.setLive(true);
  await settle(controller);
  expect(controller.getState().validation).not.toBeNull();
  return { fake, port, controller };
}

/** Waits for the debounced edit events and the validation they start. */
async function settle(controller: PaneController): Promise<void> {
  await sleep(10);
  const running = () => (controller as unknown as { validating: Promise<void> | null }).validating;
  while (running() || controller.getState().busy) await (running() ?? sleep(5));
}

/** The user types into cells of one row; Excel reports the change. */
async function edit(s: Session, a1: string, values: SeedValue[]): Promise<void> {
  s.fake.workbook.sheet('Inovasi').setValues(a1, [values], { fireChange: true });
  await settle(s.controller);
}

/** Findings of a validation of the workbook as it is now, read by a fresh adapter. */
async function fresh(fake: FakeExcel): Promise<FileValidation> {
  const port = createExcelAdapter(fake.Excel as unknown as ExcelHost, fake.Office as unknown as OfficeHost);
  const { grid } = await port.readSubmission();
  return validateWorkbook(grid, OPEN_WORKBOOK, { reference: defaultReference(), today: TODAY });
}

const summary = (v: FileValidation | null) => ({
  findings: (v?.findings ?? []).map((f) => `${f.id} ${f.rule} ${f.cell} ${f.status}`).sort(),
  contentHash: v?.contentHash,
  rows: v?.submission?.table?.rows.map((r) => r.row),
});

async function expectSameAsFresh(s: Session): Promise<void> {
  expect(summary(s.controller.getState().validation)).toEqual(summary(await fresh(s.fake)));
}

const bytes = (fake: FakeExcel) => fake.stats.log.reduce((n, r) => n + r.requestBytes + r.responseBytes, 0);

describe('live validation', () => {
  // Excel on the web (the fake's default, 5 MB per response): the second full validation of 2,000
  // rows reads the sheet with its flags, Temuan and _tanda. The sizes and the first 1,200 rows of
  // each sheet come with the first read, the rest in one block: 3 reads and the flags' 2 writes,
  // 5 syncs (the desktop's 4 would need the whole workbook in one response), none refused.
  test('a full validation of 2,000 rows on Excel on the web: 5 round trips, every response under 4 MB, none refused', async () => {
    const s = await liveSession(2000);
    s.fake.stats.reset();
    await s.controller.validate();
    expect(s.fake.stats.syncCount).toBe(5);
    expect(s.fake.stats.log.filter((r) => r.refused)).toHaveLength(0);
    expect(s.fake.stats.maxResponseBytes).toBeLessThanOrEqual(4 * 1024 * 1024);
  }, 60_000);

  // Desktop Excel (no response cap); the web's budget is the test above.
  test('one edited cell of 2,000 rows: one row read, at most 3 syncs, a small fraction of a full validation', async () => {
    const s = await liveSession(2000, { responseLimitBytes: Infinity });
    const spy = { rows: jest.spyOn(s.port, 'readRows'), all: jest.spyOn(s.port, 'readSubmission') };

    s.fake.stats.reset();
    await s.controller.validate();
    const full = { syncs: s.fake.stats.syncCount, bytes: bytes(s.fake) };
    expect(spy.all).toHaveBeenCalledTimes(1);
    // Read, flags and the Riwayat event: four round trips in all.
    expect(full.syncs).toBeLessThanOrEqual(4);

    // A new budget figure: the findings (and so the flags) stay as they are.
    s.fake.stats.reset();
    await edit(s, at('Anggaran (Rp)', 1001), [175_000_000]);
    const live = { syncs: s.fake.stats.syncCount, bytes: bytes(s.fake) };
    expect(spy.rows).toHaveBeenCalledTimes(1);
    expect(spy.rows).toHaveBeenLastCalledWith('Inovasi', [1001]);
    expect(spy.all).toHaveBeenCalledTimes(1);
    expect(live.syncs).toBeLessThanOrEqual(3);
    expect(live.bytes).toBeLessThan(full.bytes * 0.1);
    expect(s.controller.getState().dirty).toBe(false);
    await expectSameAsFresh(s);

    // An edit that changes findings (the name is part of every finding id of its row): the row is
    // still read alone; the flags and the run's Riwayat event go out in writeFlags's two syncs.
    s.fake.stats.reset();
    await edit(s, at('Nama Inovasi', 1001), ['Inovasi Layanan Publik Yang Baru']);
    const changed = { syncs: s.fake.stats.syncCount, bytes: bytes(s.fake) };
    expect(spy.rows).toHaveBeenCalledTimes(2);
    expect(spy.all).toHaveBeenCalledTimes(1);
    expect(changed.syncs).toBeLessThanOrEqual(3);
    expect(s.fake.workbook.sheet('Riwayat').values().at(-1)?.[1]).toBe('validasi');
    await expectSameAsFresh(s);
    if (process.env.LIVE_BUDGET) console.log(JSON.stringify({ full, live, changed }));
  }, 60_000);

  test('fixing an error: the flags follow, the findings are those of a full validation', async () => {
    const s = await liveSession(40);
    const row = 5; // data row 4: «bulan depan» is not a date (FMT-03)
    const cell = at('Tanggal Uji Coba', row);
    expect(
      s.controller.getState().validation!.findings.some((f) => f.cell === cell && f.status === 'open'),
    ).toBe(true);
    await edit(s, cell, [{ date: '2026-01-15' }]);
    expect(s.controller.getState().validation!.findings.some((f) => f.cell === cell)).toBe(false);
    await expectSameAsFresh(s);
    // Status Validasi and the Temuan sheet are what a full validation writes.
    const before = JSON.stringify([
      s.fake.workbook.sheet('Inovasi').values(),
      s.fake.workbook.sheet('Temuan').values(),
    ]);
    await s.controller.validate();
    expect(
      JSON.stringify([s.fake.workbook.sheet('Inovasi').values(), s.fake.workbook.sheet('Temuan').values()]),
    ).toBe(before);
  }, 30_000);

  test('a duplicate name: LOG-06 on another row than the one edited', async () => {
    const s = await liveSession(40);
    const name = s.fake.workbook.sheet('Inovasi').cell(at('Nama Inovasi', 3)).value;
    await edit(s, at('Nama Inovasi', 30), [name as SeedValue]);
    const log06 = s.controller.getState().validation!.findings.filter((f) => f.rule === 'LOG-06');
    expect(log06.length).toBeGreaterThan(0);
    await expectSameAsFresh(s);
    // And undone again.
    await edit(s, at('Nama Inovasi', 30), ['Nama Yang Lain Sama Sekali']);
    expect(s.controller.getState().validation!.findings.filter((f) => f.rule === 'LOG-06')).toHaveLength(0);
    await expectSameAsFresh(s);
  }, 30_000);

  test('a row appended below the last one is validated like the rest', async () => {
    const s = await liveSession(40);
    const spy = jest.spyOn(s.port, 'readRows');
    const row: Record<string, CellValue> = validRow({
      No: 41,
      'Nama Inovasi': 'Inovasi Baru Di Bawah',
      'Anggaran (Rp)': -1,
    });
    await edit(
      s,
      `A43`,
      LABELS.map((l) => seedCell(l, l in row ? row[l] : null)),
    );
    expect(spy).toHaveBeenCalledWith('Inovasi', [43]);
    const v = s.controller.getState().validation!;
    expect(v.submission!.table!.rows.some((r) => r.row === 43)).toBe(true);
    expect(v.findings.some((f) => f.row === 43 && f.rule === 'FMT-05')).toBe(true);
    await expectSameAsFresh(s);
    // Cleared again: the grid shrinks as a fresh read would.
    await edit(
      s,
      `A43`,
      LABELS.map(() => null),
    );
    expect(s.controller.getState().validation!.submission!.table!.rows.some((r) => r.row === 43)).toBe(false);
    await expectSameAsFresh(s);
  }, 30_000);

  test('whole columns, the header row or Identitas changed: everything is read again', async () => {
    const s = await liveSession(40);
    const spy = { rows: jest.spyOn(s.port, 'readRows'), all: jest.spyOn(s.port, 'readSubmission') };
    s.fake.workbook.sheet('Inovasi').setValues(at('Nama Inovasi', 10), [['Diubah tanpa laporan baris']]);
    s.fake.fireChange('Inovasi', `${colOf('Nama Inovasi')}:${colOf('Nama Inovasi')}`);
    await settle(s.controller);
    expect(spy.all).toHaveBeenCalledTimes(1);
    expect(spy.rows).not.toHaveBeenCalled();
    await expectSameAsFresh(s);

    await edit(s, 'A1', ['No']);
    expect(spy.all).toHaveBeenCalledTimes(2);
    s.fake.workbook.sheet('Identitas').setValues('B5', [['bukan-surel']], { fireChange: true });
    await settle(s.controller);
    expect(spy.all).toHaveBeenCalledTimes(3);
    expect(spy.rows).not.toHaveBeenCalled();
    await expectSameAsFresh(s);
  }, 30_000);
});
