/**
 * The sign-off chain (docs/spec/signoff.md) through the task pane's controller and the real Office adapter on
 * the fake Excel host: the next level and its buttons per condition, stamps and a return written as
 * version-2 rows with their Riwayat events, a version-1 workbook converted, and the sync budget.
 */
import { createExcelAdapter } from '../../src/addin/excelAdapter';
import type { ExcelHost, OfficeHost } from '../../src/addin/port';
import type { CellValue } from '../../src/engine/grid';
import { defaultReference } from '../../src/engine/reference/load';
import { STEMPEL_HEADER } from '../../src/engine/signoff';
import { checkSignoff } from '../../src/engine/validate';
import { PaneController } from '../../src/taskpane/controller';
import * as xlsxModule from '../../src/xlsx/readXlsx';
import { type FakeExcel, type SeedValue, createFakeExcel } from '../fake-excel';
import { benchmarkSheets } from '../fake-excel/budget';
import { TODAY, colOf, inisiatifRow, validRow } from '../helpers/workbook';

type Row = Record<string, CellValue>;
const WARNINGS_ONLY: Row[] = [validRow(), inisiatifRow({ 'Dasar Hukum': 'Perwali' })];
const WITH_ERROR: Row[] = [
  validRow(),
  validRow({ 'Nama Inovasi': 'Layanan Antar Obat', 'Tahapan Inovasi': 'Penerapn' }),
];

function fakeWorkbook(rows: Row[], extra: Record<string, SeedValue[][]> = {}): FakeExcel {
  return createFakeExcel({ sheets: { ...benchmarkSheets(rows.length, (i) => rows[i - 1]), ...extra } });
}

async function session(fake: FakeExcel) {
  const port = createExcelAdapter(fake.Excel as unknown as ExcelHost, fake.Office as unknown as OfficeHost, {
    debounceMs: 1,
  });
  let clock = Date.parse('2026-11-28T09:30:00Z');
  const controller = new PaneController({
    port,
    today: () => TODAY,
    now: () => new Date((clock += 60_000)),
    loadXlsx: async () => xlsxModule,
  });
  await controller.init();
  return controller;
}

const rows = (fake: FakeExcel, sheet: string) => {
  const [header, ...rest] = fake.workbook.sheet(sheet).values();
  return rest.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
};
/** Lets Excel's change events arrive and the pane's background check finish (no guessed delay beyond the debounce). */
async function settle(c: PaneController): Promise<void> {
  await new Promise((r) => setTimeout(r, 15));
  while (c.getState().busy || c.refreshing) await (c.refreshing ?? new Promise((r) => setTimeout(r, 5)));
}
const notices = (c: PaneController) => c.getState().notices.map((n) => n.key);
const next = (c: PaneController) => {
  const { next: n, allowance } = c.signoff();
  return {
    level: n.level?.kunci ?? null,
    mayStamp: n.mayStamp,
    mayReturn: n.mayReturn,
    reason: allowance.reason,
  };
};

describe('the sign-off chain on the fake host', () => {
  test('prepare → return with a note → prepare → approve → verify: one row and one Riwayat event per action, each write in 2 syncs', async () => {
    const fake = fakeWorkbook(WARNINGS_ONLY);
    const c = await session(fake);
    expect(next(c)).toEqual({
      level: 'penyusun',
      mayStamp: false,
      mayReturn: false,
      reason: 'stamp.notValidated',
    });
    await c.validate();
    expect(next(c)).toEqual({ level: 'penyusun', mayStamp: true, mayReturn: false, reason: 'stamp.ready' });

    // Each action: the fresh read (2 syncs) and the write with its event (2 syncs).
    const cost = async (action: () => Promise<boolean>) => {
      const before = fake.stats.syncCount;
      expect(await action()).toBe(true);
      return fake.stats.syncCount - before;
    };
    expect(await cost(() => c.stamp({ oleh: '', jabatan: '' }, 'penyusun'))).toBe(4);
    // The stamp's own writes (_stempel, Riwayat) are no edit of the submission: still ready once events have arrived.
    await settle(c);
    expect(c.getState().dirty).toBe(false);
    expect(c.getState().stamp?.persetujuan.tingkat).toBe('penyusun');
    expect(next(c)).toEqual({ level: 'kepalaOpd', mayStamp: true, mayReturn: true, reason: 'stamp.ready' });

    // A return needs a note: nothing is written without one.
    const stempelRows = () => rows(fake, '_stempel');
    expect(await c.kembalikan('kepalaOpd', '   ', { oleh: 'Kepala Dinas' })).toBe(false);
    expect(notices(c)).toContain('stamp.noNote');
    expect(stempelRows()).toHaveLength(1);
    expect(
      await cost(() =>
        c.kembalikan('kepalaOpd', 'Lengkapi SOP pengaduan', {
          oleh: 'Kepala Dinas',
          jabatan: 'Kepala Dinas Kesehatan',
        }),
      ),
    ).toBe(4);
    expect(c.getState().stamp?.persetujuan).toMatchObject({ dikembalikan: true, tingkat: 'penyusun' });
    // Returned: the first level's turn again; no return offered.
    expect(next(c)).toEqual({ level: 'penyusun', mayStamp: true, mayReturn: false, reason: 'stamp.ready' });

    expect(await cost(() => c.stamp('', 'penyusun'))).toBe(4);
    expect(await c.stamp({ oleh: '' }, 'kepalaOpd')).toBe(false); // no default name above the first level
    expect(notices(c)).toContain('stamp.noName');
    expect(
      await cost(() => c.stamp({ oleh: 'Kepala Dinas', jabatan: 'Kepala Dinas Kesehatan' }, 'kepalaOpd')),
    ).toBe(4);
    // The wrong level (a stale button) is refused.
    expect(await c.stamp({ oleh: 'X' }, 'kepalaOpd')).toBe(false);
    expect(notices(c)).toContain('stamp.levelMoved');
    expect(await cost(() => c.stamp({ oleh: 'Verifikator Bappeda' }, 'verifikator'))).toBe(4);
    expect(next(c)).toMatchObject({
      level: null,
      mayStamp: false,
      mayReturn: false,
      reason: 'stamp.allDone',
    });

    const written = stempelRows();
    expect(written.map((r) => r.Tingkat)).toEqual([
      'penyusun',
      'kepalaOpd:kembali',
      'penyusun',
      'kepalaOpd',
      'verifikator',
    ]);
    expect(written[0]).toMatchObject({ Versi: 2, Oleh: 'dr. Joice Rumondor' });
    expect(written[1]).toMatchObject({
      Oleh: 'Kepala Dinas',
      Jabatan: 'Kepala Dinas Kesehatan',
      Catatan: 'Lengkapi SOP pengaduan',
    });
    expect(fake.workbook.sheet('_stempel').visibility).toBe('VeryHidden');
    const events = rows(fake, 'Riwayat').filter((e) => e.Peristiwa !== 'validasi');
    expect(events.map((e) => e.Peristiwa)).toEqual([
      'stempel penyusun',
      'dikembalikan',
      'stempel penyusun',
      'stempel kepalaOpd',
      'stempel verifikator',
    ]);
    expect(events[1]).toMatchObject({ Oleh: 'Kepala Dinas', Alasan: 'Lengkapi SOP pengaduan' });

    // Read back afresh (a new session): the chain is whole.
    const again = await session(fake);
    expect(again.getState().stamp?.persetujuan).toMatchObject({
      tingkat: 'verifikator',
      dikembalikan: false,
      berubah: false,
    });
  });

  test('buttons per condition: open errors block the stamp but not a return; an edit blocks the stamp; a new validation re-enables it', async () => {
    const fake = fakeWorkbook(WITH_ERROR);
    const hash = checkSignoff(
      {
        sheets: fake.workbook.sheets.map((s) => ({
          name: s.name,
          visibility: 'visible',
          rows: s.values() as CellValue[][],
        })),
      },
      defaultReference(),
      TODAY,
    ).contentHash!;
    // Prepared already (by another session, before an error was found).
    fake.workbook.addSheet('_stempel', 'VeryHidden');
    fake.workbook
      .sheet('_stempel')
      .setValues('A1', [
        [...STEMPEL_HEADER],
        ['penyusun', 2, hash, '2026-11-27T01:00:00Z', '1', 'r', 'a', 0, 0, 0, 'Staf', '', ''],
      ]);
    const c = await session(fake);
    await c.validate();
    expect(next(c)).toEqual({
      level: 'kepalaOpd',
      mayStamp: false,
      mayReturn: true,
      reason: 'stamp.openErrors',
    });
    expect(await c.stamp({ oleh: 'Kepala' }, 'kepalaOpd')).toBe(false);

    // Fixed: ready. Then an edit: the stamp is blocked until the next validation.
    fake.workbook
      .sheet('Inovasi')
      .setValues(`${colOf('Tahapan Inovasi')}3`, [['Penerapan']], { fireChange: true });
    await settle(c);
    await c.validate();
    // The fix changed the content: the first level's stamp is of older content, the chain starts again.
    expect(next(c)).toEqual({ level: 'penyusun', mayStamp: true, mayReturn: false, reason: 'stamp.ready' });
    expect(c.getState().stamp?.persetujuan.berubah).toBe(true);
    fake.workbook
      .sheet('Inovasi')
      .setValues(`${colOf('Nama Inovasi')}2`, [['Nama lain']], { fireChange: true });
    await settle(c);
    expect(next(c)).toMatchObject({ level: 'penyusun', mayStamp: false, reason: 'stamp.edited' });
    await c.validate();
    expect(next(c)).toMatchObject({ level: 'penyusun', mayStamp: true, reason: 'stamp.ready' });
  });

  test('a version-1 workbook: its stamp is the first level; the next stamp converts the sheet, keeping the old stamp as its first row', async () => {
    const probe = fakeWorkbook(WARNINGS_ONLY);
    const hash = checkSignoff(
      {
        sheets: probe.workbook.sheets.map((s) => ({
          name: s.name,
          visibility: 'visible',
          rows: s.values() as CellValue[][],
        })),
      },
      defaultReference(),
      TODAY,
    ).contentHash!;
    const fake = fakeWorkbook(WARNINGS_ONLY, {
      _stempel: [
        ['versi', 1],
        ['contentHash', hash],
        ['waktu', '2026-11-20T08:00:00Z'],
        ['versiAturan', '1'],
        ['referensi', 'bitung'],
        ['alat', 'lama'],
        ['galat', 0],
        ['peringatan', 1],
        ['diterima', 0],
        ['oleh', 'Staf Lama'],
      ],
    });
    const c = await session(fake);
    expect(c.getState().stamp?.persetujuan).toMatchObject({ tingkat: 'penyusun', versi: 1 });
    await c.validate();
    expect(next(c)).toEqual({ level: 'kepalaOpd', mayStamp: true, mayReturn: true, reason: 'stamp.ready' });
    const before = fake.stats.syncCount;
    expect(await c.stamp({ oleh: 'Kepala Dinas' }, 'kepalaOpd')).toBe(true);
    expect(fake.stats.syncCount - before).toBe(4); // read 2 + convert and log 2
    const values = fake.workbook.sheet('_stempel').values();
    expect(values[0]).toEqual([...STEMPEL_HEADER]);
    expect(rows(fake, '_stempel')).toEqual([
      expect.objectContaining({
        Tingkat: 'penyusun',
        Versi: 2,
        'Hash Isi': hash,
        Waktu: '2026-11-20T08:00:00Z',
        Oleh: 'Staf Lama',
      }),
      expect.objectContaining({ Tingkat: 'kepalaOpd', Versi: 2, 'Hash Isi': hash, Oleh: 'Kepala Dinas' }),
    ]);
    expect(c.getState().stamp?.persetujuan).toMatchObject({ tingkat: 'kepalaOpd', versi: 2 });
  });

  test('a plain validation costs no extra sync (4: read 2, flags and its event 2); the chain comes from what it read', async () => {
    const fake = fakeWorkbook(WARNINGS_ONLY);
    const c = await session(fake);
    const before = fake.stats.syncCount;
    await c.validate();
    expect(fake.stats.syncCount - before).toBe(4);
    expect(c.getState().stamp?.persetujuan.levels.map((l) => l.status)).toEqual(['none', 'none', 'none']);
  });
});
