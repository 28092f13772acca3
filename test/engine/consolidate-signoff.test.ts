/** Consolidation with a schedule (docs/spec/signoff.md, "Where it shows"): Rekap OPD's Tingkat Persetujuan and Tepat Waktu columns, totals, the per-level tally. */
import { CellValue, SheetGrid } from '../../src/engine/grid';
import { REKAP_COLUMNS, consolidate, rekapColumns, summarySheets, tableRecords } from '../../src/engine/consolidate';
import { EMBEDDED_REFERENCE_JSON } from '../../src/engine/reference/data/embedded';
import { defaultReference, parseReferenceJson } from '../../src/engine/reference/load';
import { Reference } from '../../src/engine/reference/model';
import { STEMPEL_HEADER } from '../../src/engine/signoff';
import { unreadableFile, validateWorkbook } from '../../src/engine/validate';
import { TODAY, VALID_IDENTITAS, buildGrid, validRow } from '../helpers/workbook';

function withJadwal(): Reference {
  const json = JSON.parse(JSON.stringify(EMBEDDED_REFERENCE_JSON));
  json.jadwal = { tahun: 2026, batas: { kepalaOpd: '2026-03-31', verifikator: '2026-12-15' } };
  const r = parseReferenceJson(json);
  if (!r.ok) throw new Error('bad');
  return r.reference;
}
const REF = withJadwal();

type Row = [string, string, string];
const stempel = (rows: Row[]): SheetGrid => ({
  name: '_stempel',
  rows: [[...STEMPEL_HEADER], ...rows.map(([t, h, w]): CellValue[] => [t, 2, h, w, '1', 'r', 'a', 0, 0, 0, 'Nama', 'Jabatan', t.endsWith(':kembali') ? 'Perbaiki' : ''])],
});

function file(name: string, opd: string, chain: (hash: string) => Row[], tahun = 2026, reference = REF) {
  const identitas = VALID_IDENTITAS.map(([l, v]): [string, CellValue] => [l, l === 'Perangkat Daerah' ? opd : l === 'Tahun Pelaporan' ? tahun : v]);
  const rows = [validRow({ 'Nama Inovasi': `Inovasi ${opd} untuk layanan` })];
  const hash = validateWorkbook(buildGrid({ identitas, rows }), name, { reference, today: TODAY }).contentHash!;
  const v = validateWorkbook(buildGrid({ identitas, rows, extraSheets: [stempel(chain(hash))] }), name, { reference, today: TODAY });
  return { file: name, size: 1, sha256: null, validation: v };
}

const inputs = [
  // On time for kepalaOpd, verified early.
  file('dinkes.xlsx', 'Dinas Kesehatan', (h) => [
    ['penyusun', h, '2026-03-20T01:00:00Z'],
    ['kepalaOpd', h, '2026-03-31T15:00:00Z'],
    ['verifikator', h, '2026-04-02T01:00:00Z'],
  ]),
  // Approved 3 days late (WITA: 17:00Z on 2 April is 3 April).
  file('dinsos.xlsx', 'Dinas Sosial', (h) => [
    ['penyusun', h, '2026-03-20T01:00:00Z'],
    ['kepalaOpd', h, '2026-04-02T17:00:00Z'],
  ]),
  // Prepared only: kepalaOpd past by 242 days on 28 November.
  file('dlh.xlsx', 'Dinas Lingkungan Hidup', (h) => [['penyusun', h, '2026-03-20T01:00:00Z']]),
  // Returned by the head of agency.
  file('dishub.xlsx', 'Dinas Perhubungan', (h) => [
    ['penyusun', h, '2026-03-20T01:00:00Z'],
    ['kepalaOpd:kembali', h, '2026-03-21T01:00:00Z'],
  ]),
  // Edited after approval.
  file('kominfo.xlsx', 'Dinas Komunikasi dan Informatika', () => [
    ['penyusun', 'sha256:' + '0'.repeat(64), '2026-03-20T01:00:00Z'],
    ['kepalaOpd', 'sha256:' + '0'.repeat(64), '2026-03-21T01:00:00Z'],
  ]),
  // Another reporting year: the schedule does not apply.
  file('diskan-2025.xlsx', 'Dinas Perikanan', () => [], 2025),
  { file: 'rusak.xlsx', size: 1, sha256: null, validation: unreadableFile('rusak.xlsx', 'notXlsx', { id: 'bukan xlsx', en: 'not xlsx' }, REF) },
];

describe('Rekap OPD with a schedule', () => {
  const summary = consolidate(inputs, { reference: REF, today: TODAY });
  const records = tableRecords(summary.rekapOpd);
  const byCode = (code: string) => records.find((r) => r['Kode OPD'] === code)!;

  it('Tingkat Persetujuan replaces Stempel; one Tepat Waktu <label> per level with a deadline', () => {
    expect(summary.rekapOpd.columns).toEqual([...REKAP_COLUMNS, 'Tepat Waktu Disetujui Kepala OPD', 'Tepat Waktu Diverifikasi']);
    expect(rekapColumns(REF)).toEqual(summary.rekapOpd.columns);
    expect(REKAP_COLUMNS).not.toContain('Stempel');
    expect(rekapColumns(defaultReference())).toEqual([...REKAP_COLUMNS]);
  });

  it('each OPD: the reached level (or Dikembalikan, Berubah, Belum Distempel) and its schedule words', () => {
    const pick = (code: string) => {
      const r = byCode(code);
      return [r.Status, r['Tingkat Persetujuan'], r['Tepat Waktu Disetujui Kepala OPD'], r['Tepat Waktu Diverifikasi']];
    };
    expect(pick('DINKES')).toEqual(['Siap', 'Diverifikasi', 'Tepat waktu', 'Tepat waktu']);
    expect(pick('DINSOS')).toEqual(['Siap', 'Disetujui Kepala OPD', 'Terlambat 3 hari', 'Belum jatuh tempo']);
    expect(pick('DLH')).toEqual(['Siap', 'Disusun', 'Lewat 242 hari', 'Belum jatuh tempo']);
    expect(pick('DISHUB')).toEqual(['Siap', 'Dikembalikan', 'Lewat 242 hari', 'Belum jatuh tempo']);
    expect(pick('KOMINFO')).toEqual(['Siap', 'Berubah', 'Lewat 242 hari', 'Belum jatuh tempo']);
    expect(pick('DISKAN')).toEqual(['Siap', 'Belum Distempel', null, null]);
  });

  it('Belum Mengirim OPDs show their Lewat days; unreadable files no words', () => {
    const silent = byCode('DPMPTSP');
    expect([silent.Status, silent['Tingkat Persetujuan'], silent['Tepat Waktu Disetujui Kepala OPD'], silent['Tepat Waktu Diverifikasi']]).toEqual([
      'Belum Mengirim',
      null,
      'Lewat 242 hari',
      'Belum jatuh tempo',
    ]);
    const rusak = records.find((r) => r.Berkas === 'rusak.xlsx')!;
    expect([rusak['Tingkat Persetujuan'], rusak['Tepat Waktu Disetujui Kepala OPD']]).toEqual([null, null]);
  });

  it('Total Kota counts the late OPDs per level', () => {
    const total = records[records.length - 1];
    expect(total['Perangkat Daerah']).toBe('Total Kota');
    const silent = records.filter((r) => r.Status === 'Belum Mengirim').length;
    // kepalaOpd: DINSOS late, DLH, DISHUB and KOMINFO past, and every OPD that sent nothing.
    expect(total['Tepat Waktu Disetujui Kepala OPD']).toBe(4 + silent);
    expect(total['Tepat Waktu Diverifikasi']).toBe(0);
  });

  it('below Rekap OPD: OPDs per reached level and per level with a deadline', () => {
    const silent = records.filter((r) => r.Status === 'Belum Mengirim').length;
    expect(summary.rekapPersetujuan.columns).toEqual(['Tingkat Persetujuan', 'Jumlah OPD', 'Batas', 'Tepat Waktu', 'Terlambat', 'Lewat', 'Belum Jatuh Tempo']);
    expect(summary.rekapPersetujuan.rows.map((r) => r.cells)).toEqual([
      ['Disusun', 1, null, null, null, null, null],
      ['Disetujui Kepala OPD', 1, { date: '2026-03-31' }, 1, 1, 3 + silent, 0],
      ['Diverifikasi', 1, { date: '2026-12-15' }, 1, 0, 0, 4 + silent],
      ['Dikembalikan', 1, null, null, null, null, null],
      ['Berubah', 1, null, null, null, null, null],
      ['Belum Distempel', 1, null, null, null, null, null],
      ['Belum Mengirim', silent, null, null, null, null, null],
    ]);
    expect(summarySheets(summary)[0].tables).toEqual([summary.rekapOpd, summary.rekapPersetujuan]);
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
