/**
 * The sign-off chain's writes on the fake Excel host (docs/spec/signoff.md): `writeStempel` appends a
 * version-2 row (or converts a version-1 sheet, keeping its stamp as the first row) together with
 * its Riwayat event in at most two syncs; a plain validation costs no extra sync.
 */
import type { HistoryEvent } from '../../src/addin/port';
import type { CellValue, WorkbookGrid } from '../../src/engine/grid';
import { defaultReference } from '../../src/engine/reference/load';
import {
  type NewStempel,
  STEMPEL_HEADER,
  chainStatus,
  readStempel,
  stempelWrite,
} from '../../src/engine/signoff';
import { checkSignoff, validateWorkbook } from '../../src/engine/validate';
import { createFakeExcel, FakeExcel } from '../fake-excel';
import { adapterFor, benchmarkSheets } from '../fake-excel/budget';
import { TODAY, validRow } from '../helpers/workbook';

const reference = defaultReference();
const levels = reference.tingkatPersetujuan;

function fake(extra: Record<string, CellValue[][]> = {}): FakeExcel {
  return createFakeExcel({ sheets: { ...benchmarkSheets(3, () => validRow()), ...extra } });
}

const row = (over: Partial<NewStempel> & Pick<NewStempel, 'tingkat' | 'hashIsi' | 'waktu'>): NewStempel => ({
  versiAturan: '1',
  referensi: 'bitung-contoh',
  alat: 'inovasi-daerah test',
  galat: 0,
  peringatan: 1,
  diterima: 0,
  oleh: 'Penguji',
  ...over,
});

const event = (peristiwa: string, waktu: string): HistoryEvent => ({
  waktu,
  peristiwa,
  oleh: 'Penguji',
  rincian: 'uji',
});

/** One stamp as the pane writes it: read, compute, write; returns the syncs of the write alone. */
async function stampOnce(
  f: FakeExcel,
  port: ReturnType<typeof adapterFor>,
  add: (hash: string) => NewStempel,
  peristiwa: string,
) {
  const { grid } = await port.readSubmission();
  const check = checkSignoff(grid, reference, TODAY);
  const before = f.stats.syncCount;
  const n = add(check.contentHash!);
  await port.writeStempel(stempelWrite(check.stempel, n), [event(peristiwa, n.waktu)]);
  return { syncs: f.stats.syncCount - before, hash: check.contentHash! };
}

const grid = (f: FakeExcel): WorkbookGrid => ({
  sheets: f.workbook.sheets.map((s) => ({
    name: s.name,
    visibility: 'visible',
    rows: s.values() as CellValue[][],
  })),
});

describe('writeStempel on the fake host', () => {
  it('first stamp on a workbook without _stempel: the sheet is created very hidden with the header, one row, and the Riwayat event, in 2 syncs', async () => {
    const f = fake();
    const port = adapterFor(f);
    const { syncs, hash } = await stampOnce(
      f,
      port,
      (h) => row({ tingkat: 'penyusun', hashIsi: h, waktu: '2026-11-28T01:30:00Z', jabatan: 'Analis' }),
      'stempel penyusun',
    );
    expect(syncs).toBe(2);
    const sheet = f.workbook.sheet('_stempel');
    expect(sheet.visibility).toBe('VeryHidden');
    const values = sheet.values();
    expect(values[0]).toEqual([...STEMPEL_HEADER]);
    expect(values[1].slice(0, 4)).toEqual(['penyusun', 2, hash, '2026-11-28T01:30:00Z']);
    expect(values[1][STEMPEL_HEADER.indexOf('Jabatan')]).toBe('Analis');
    const riwayat = f.workbook.sheet('Riwayat').values();
    expect(riwayat.at(-1)?.slice(0, 3)).toEqual(['2026-11-28T01:30:00Z', 'stempel penyusun', 'Penguji']);
  });

  it('the whole chain appends one row per action (prepare, return with a note, prepare, approve, verify), each write at most 2 syncs; earlier rows unchanged', async () => {
    const f = fake();
    const port = adapterFor(f);
    const steps: [string, (h: string) => NewStempel][] = [
      ['stempel penyusun', (h) => row({ tingkat: 'penyusun', hashIsi: h, waktu: '2026-11-28T01:00:00Z' })],
      [
        'dikembalikan',
        (h) =>
          row({
            tingkat: 'kepalaOpd',
            kembali: true,
            catatan: 'Lengkapi SOP',
            hashIsi: h,
            waktu: '2026-11-28T02:00:00Z',
            oleh: 'Kepala',
          }),
      ],
      ['stempel penyusun', (h) => row({ tingkat: 'penyusun', hashIsi: h, waktu: '2026-11-28T03:00:00Z' })],
      [
        'stempel kepalaOpd',
        (h) => row({ tingkat: 'kepalaOpd', hashIsi: h, waktu: '2026-11-28T04:00:00Z', oleh: 'Kepala' }),
      ],
      [
        'stempel verifikator',
        (h) => row({ tingkat: 'verifikator', hashIsi: h, waktu: '2026-11-28T05:00:00Z', oleh: 'Bappeda' }),
      ],
    ];
    const syncs: number[] = [];
    let before: CellValue[][] = [];
    for (const [peristiwa, add] of steps) {
      syncs.push((await stampOnce(f, port, add, peristiwa)).syncs);
      const now = f.workbook.sheet('_stempel').values() as CellValue[][];
      expect(now.slice(0, before.length)).toEqual(before);
      before = now;
    }
    expect(syncs).toEqual([2, 2, 2, 2, 2]);
    const values = f.workbook.sheet('_stempel').values();
    expect(values.map((r) => r[0])).toEqual([
      'Tingkat',
      'penyusun',
      'kepalaOpd:kembali',
      'penyusun',
      'kepalaOpd',
      'verifikator',
    ]);
    expect(values[2][STEMPEL_HEADER.indexOf('Catatan')]).toBe('Lengkapi SOP');
    const riwayat = f.workbook
      .sheet('Riwayat')
      .values()
      .map((r) => r[1]);
    expect(riwayat.filter((p) => p !== 'Peristiwa')).toEqual(steps.map(([p]) => p));
    // Read back by the engine: every level valid, not returned.
    const { grid: g } = await port.readSubmission();
    const chain = checkSignoff(g, reference, TODAY).persetujuan;
    expect(chain.tingkat).toBe('verifikator');
    expect(chain.dikembalikan).toBe(false);
  });

  it('a version-1 _stempel is converted by the first stamp: its stamp kept as the first row, the new one after it, in 2 syncs', async () => {
    const f0 = fake();
    const port0 = adapterFor(f0);
    const { grid: g0 } = await port0.readSubmission();
    const hash = checkSignoff(g0, reference, TODAY).contentHash!;
    const v1: CellValue[][] = [
      ['versi', 1],
      ['contentHash', hash],
      ['waktu', '2026-11-20T08:00:00Z'],
      ['versiAturan', '1'],
      ['referensi', 'bitung'],
      ['alat', 'inovasi-daerah 0.9'],
      ['galat', 0],
      ['peringatan', 2],
      ['diterima', 0],
      ['oleh', 'Staf Lama'],
    ];
    const f = fake({ _stempel: v1 });
    const port = adapterFor(f);
    const { grid: before } = await port.readSubmission();
    expect(readStempel(before).versi).toBe(1);
    const { syncs } = await stampOnce(
      f,
      port,
      (h) => row({ tingkat: 'kepalaOpd', hashIsi: h, waktu: '2026-11-28T04:00:00Z', oleh: 'Kepala' }),
      'stempel kepalaOpd',
    );
    expect(syncs).toBeLessThanOrEqual(2);
    const values = f.workbook.sheet('_stempel').values();
    expect(values[0]).toEqual([...STEMPEL_HEADER]);
    expect(values[1].slice(0, 4)).toEqual(['penyusun', 2, hash, '2026-11-20T08:00:00Z']);
    expect(values[1][STEMPEL_HEADER.indexOf('Oleh')]).toBe('Staf Lama');
    expect(values[2].slice(0, 2)).toEqual(['kepalaOpd', 2]);
    expect(values).toHaveLength(3); // no label/value leftovers
    const chain = chainStatus(readStempel(grid(f)), levels, hash);
    expect(chain.versi).toBe(2);
    expect(chain.tingkat).toBe('kepalaOpd');
  });

  it('a _stempel or Riwayat created after the last read: one more read, still right', async () => {
    const f = fake();
    const port = adapterFor(f);
    const { grid: g } = await port.readSubmission();
    const check = checkSignoff(g, reference, TODAY);
    // Another session stamps and logs meanwhile (a version-2 sheet and Riwayat appear).
    f.workbook.addSheet('_stempel');
    f.workbook
      .sheet('_stempel')
      .setValues('A1', [
        [...STEMPEL_HEADER],
        ['penyusun', 2, check.contentHash!, '2026-11-28T01:00:00Z', '1', 'r', 'a', 0, 0, 0, 'Lain', '', ''],
      ]);
    f.workbook.addSheet('Riwayat');
    f.workbook.sheet('Riwayat').setValues('A1', [
      ['Waktu', 'Peristiwa'],
      ['x', 'validasi'],
    ]);
    const sheet = readStempel({
      sheets: [
        {
          name: '_stempel',
          visibility: 'veryHidden',
          rows: f.workbook.sheet('_stempel').values() as CellValue[][],
        },
      ],
    });
    const before = f.stats.syncCount;
    await port.writeStempel(
      stempelWrite(
        sheet,
        row({ tingkat: 'kepalaOpd', hashIsi: check.contentHash!, waktu: '2026-11-28T02:00:00Z' }),
      ),
      [event('stempel kepalaOpd', '2026-11-28T02:00:00Z')],
    );
    expect(f.stats.syncCount - before).toBeLessThanOrEqual(3);
    expect(
      f.workbook
        .sheet('_stempel')
        .values()
        .map((r) => r[0]),
    ).toEqual(['Tingkat', 'penyusun', 'kepalaOpd']);
    expect(
      f.workbook
        .sheet('Riwayat')
        .values()
        .map((r) => r[1]),
    ).toEqual(['Peristiwa', 'validasi', 'stempel kepalaOpd']);
  });

  it('a _stempel deleted after the last read: written whole again (the read retried without it)', async () => {
    const f = fake();
    const port = adapterFor(f);
    await stampOnce(
      f,
      port,
      (h) => row({ tingkat: 'penyusun', hashIsi: h, waktu: '2026-11-28T01:00:00Z' }),
      'stempel penyusun',
    );
    const { grid: g } = await port.readSubmission();
    const check = checkSignoff(g, reference, TODAY);
    (f.workbook.sheets as unknown[]).splice(f.workbook.sheets.indexOf(f.workbook.sheet('_stempel')), 1);
    await port.writeStempel(
      stempelWrite(
        check.stempel,
        row({ tingkat: 'kepalaOpd', hashIsi: check.contentHash!, waktu: '2026-11-28T02:00:00Z' }),
      ),
      [event('stempel kepalaOpd', '2026-11-28T02:00:00Z')],
    );
    expect(
      f.workbook
        .sheet('_stempel')
        .values()
        .map((r) => r[0]),
    ).toEqual(['Tingkat', 'penyusun', 'kepalaOpd']);
  });

  it('a plain validation costs no extra sync for the chain: read (2) + flags (2), the chain computed from what was read', async () => {
    const f = fake();
    const port = adapterFor(f);
    const { grid: g } = await port.readSubmission();
    const v = validateWorkbook(g, 'uji.xlsx', { reference, today: TODAY });
    await port.writeFlags(v, 'id', { after: [event('validasi', '2026-11-28T01:00:00Z')] });
    expect(f.stats.syncCount).toBeLessThanOrEqual(4);
    expect(v.persetujuan.levels.map((l) => l.status)).toEqual(['none', 'none', 'none']);
  });

  it('a return without a note is refused before anything is written', () => {
    expect(() =>
      stempelWrite(
        readStempel({ sheets: [] }),
        row({
          tingkat: 'kepalaOpd',
          kembali: true,
          catatan: '  ',
          hashIsi: 'x',
          waktu: '2026-11-28T01:00:00Z',
        }),
      ),
    ).toThrow(/note/);
  });
});
