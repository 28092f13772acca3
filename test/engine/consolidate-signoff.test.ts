/** Consolidation with a schedule (docs/spec/signoff.md, "Where it shows"): Rekap OPD's Tingkat Persetujuan and Tepat Waktu columns, totals, the per-level tally. */
import {
  REKAP_COLUMNS,
  consolidate,
  rekapColumns,
  summarySheets,
  tableRecords,
} from '../../src/engine/consolidate';
import { defaultReference } from '../../src/engine/reference/load';
import { REF, SCHEDULE_INPUTS } from '../helpers/signoffSummary';
import { TODAY } from '../helpers/workbook';

describe('Rekap OPD with a schedule', () => {
  const summary = consolidate(SCHEDULE_INPUTS, { reference: REF, today: TODAY });
  const records = tableRecords(summary.rekapOpd);
  const byCode = (code: string) => records.find((r) => r['Kode OPD'] === code)!;

  it('Tingkat Persetujuan replaces Stempel; one Tepat Waktu <label> per level with a deadline', () => {
    // The sample has `iid`: its two columns come before Galat (docs/spec/iid.md).
    const withIid: string[] = [...REKAP_COLUMNS];
    withIid.splice(withIid.indexOf('Galat'), 0, 'Inovasi Siap IID', 'Rata-rata Kematangan');
    expect(summary.rekapOpd.columns).toEqual([
      ...withIid,
      'Tepat Waktu Disetujui Kepala OPD',
      'Tepat Waktu Diverifikasi',
    ]);
    expect(rekapColumns(REF)).toEqual(summary.rekapOpd.columns);
    expect(REKAP_COLUMNS).not.toContain('Stempel');
    expect(rekapColumns(defaultReference())).toEqual(withIid);
  });

  it('each OPD: the reached level (or Dikembalikan, Berubah, Belum Distempel) and its schedule words', () => {
    const pick = (code: string) => {
      const r = byCode(code);
      return [
        r.Status,
        r['Tingkat Persetujuan'],
        r['Tepat Waktu Disetujui Kepala OPD'],
        r['Tepat Waktu Diverifikasi'],
      ];
    };
    expect(pick('DINKES')).toEqual(['Siap', 'Diverifikasi', 'Tepat waktu', 'Tepat waktu']);
    expect(pick('DINSOS')).toEqual(['Siap', 'Disetujui Kepala OPD', 'Terlambat 3 hari', 'Belum jatuh tempo']);
    expect(pick('DLH')).toEqual(['Siap', 'Disusun', 'Lewat 242 hari', 'Belum jatuh tempo']);
    expect(pick('DISHUB')).toEqual(['Siap', 'Dikembalikan', 'Lewat 242 hari', 'Belum jatuh tempo']);
    expect(pick('KOMINFO')).toEqual(['Siap', 'Berubah', 'Lewat 242 hari', 'Belum jatuh tempo']);
    // Another year (2025, the schedule's is 2026): the file does not count, so for the schedule Dinas
    // Perikanan has sent nothing; its file row carries no schedule words.
    expect(pick('DISKAN')).toEqual(['Berkas Tidak Dihitung', null, 'Lewat 242 hari', 'Belum jatuh tempo']);
    const diskan = records.find((r) => r.Berkas === 'diskan-2025.xlsx' && r.Status === 'Tahun Lain')!;
    expect([
      diskan['Tingkat Persetujuan'],
      diskan['Tepat Waktu Disetujui Kepala OPD'],
      diskan['Tepat Waktu Diverifikasi'],
    ]).toEqual(['Belum Distempel', null, null]);
  });

  it('Belum Mengirim OPDs show their Lewat days; unreadable files no words', () => {
    const silent = byCode('DPMPTSP');
    expect([
      silent.Status,
      silent['Tingkat Persetujuan'],
      silent['Tepat Waktu Disetujui Kepala OPD'],
      silent['Tepat Waktu Diverifikasi'],
    ]).toEqual(['Belum Mengirim', null, 'Lewat 242 hari', 'Belum jatuh tempo']);
    const rusak = records.find((r) => r.Berkas === 'rusak.xlsx')!;
    expect([rusak['Tingkat Persetujuan'], rusak['Tepat Waktu Disetujui Kepala OPD']]).toEqual([null, null]);
  });

  it('Total Kota says the schedule in words over every reference OPD, never a bare number', () => {
    const total = records[records.length - 1];
    expect(total['Perangkat Daerah']).toBe('Total Kota');
    const silent = records.filter((r) => r.Status === 'Belum Mengirim').length;
    const opds = REF.opd.length;
    expect(total.Status).toBe(`5 dari ${opds} OPD mengirim`);
    // kepalaOpd: DINKES on time, DINSOS late, DLH, DISHUB and KOMINFO past, and every OPD without a counting file (DISKAN too).
    expect(total['Tepat Waktu Disetujui Kepala OPD']).toBe(
      `1 tepat waktu · 1 terlambat · ${3 + silent + 1} lewat · 0 belum jatuh tempo`,
    );
    expect(total['Tepat Waktu Diverifikasi']).toBe(
      `1 tepat waktu · 0 terlambat · 0 lewat · ${opds - 1} belum jatuh tempo`,
    );
  });

  it('below Rekap OPD: OPDs per reached level and per level with a deadline', () => {
    // OPDs without a counting file: Belum Mengirim, and DISKAN (its only file is of another year).
    const silent = records.filter((r) => r.Status === 'Belum Mengirim').length + 1;
    expect(summary.rekapPersetujuan.columns).toEqual([
      'Tingkat Persetujuan',
      'Jumlah OPD',
      'Batas',
      'Tepat Waktu',
      'Terlambat',
      'Lewat',
      'Belum Jatuh Tempo',
    ]);
    expect(summary.rekapPersetujuan.rows.map((r) => r.cells)).toEqual([
      ['Disusun', 1, null, null, null, null, null],
      ['Disetujui Kepala OPD', 1, { date: '2026-03-31' }, 1, 1, 3 + silent, 0],
      ['Diverifikasi', 1, { date: '2026-12-15' }, 1, 0, 0, 4 + silent],
      ['Dikembalikan', 1, null, null, null, null, null],
      ['Berubah', 1, null, null, null, null, null],
      ['Belum Distempel', 0, null, null, null, null, null],
      ['Belum Mengirim', silent, null, null, null, null, null],
    ]);
    expect(summarySheets(summary).find((x) => x.name === 'Rekap OPD')!.tables).toEqual([
      summary.rekapOpd,
      summary.rekapPersetujuan,
    ]);
  });

  it('KON-04, KON-06 and KON-07 land on the right files', () => {
    const rules = (name: string) =>
      summary.files
        .find((f) => f.file === name)!
        .findings.filter((f) => ['KON-04', 'KON-06', 'KON-07'].includes(f.rule))
        .map((f) => `${f.rule}:${f.value ?? ''}`);
    expect(rules('dinkes.xlsx')).toEqual([]);
    expect(rules('dinsos.xlsx')).toEqual(['KON-06:kepalaOpd']);
    expect(rules('dlh.xlsx').sort()).toEqual(['KON-04:', 'KON-06:kepalaOpd']);
    expect(rules('dishub.xlsx').sort()).toEqual(['KON-04:', 'KON-06:kepalaOpd', 'KON-07:kepalaOpd']);
    expect(rules('kominfo.xlsx').sort()).toEqual(['KON-04:', 'KON-06:kepalaOpd']);
    expect(rules('rusak.xlsx')).toEqual([]);
  });
});
