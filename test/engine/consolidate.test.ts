/**
 * Consolidation (docs/spec/consolidation.md) on a small city: every expected table below is worked out by
 * hand from the fixture, not produced by the code under test.
 */
import { createHash } from 'node:crypto';
import {
  CitySummary,
  ConsolidationInput,
  DAFTAR_COLUMNS,
  SummaryCell,
  compareFileNames,
  consolidate,
  summaryDate,
  summarySheets,
  tableRecords,
} from '../../src/engine/consolidate';
import { CellValue, SheetGrid } from '../../src/engine/grid';
import { defaultReference } from '../../src/engine/reference/load';
import { Reference } from '../../src/engine/reference/model';
import { FileValidation, findingId, unreadableFile, validateWorkbook } from '../../src/engine/validate';
import { TODAY, VALID_IDENTITAS, buildGrid, inisiatifRow, validRow } from '../helpers/workbook';

/** The sample reference cut down to five OPDs and six programs, so whole tables fit in a test. */
/** The sample cut down, without its `iid` section (IID in the summary: test/engine/iid-consolidate.test.ts). */
function smallReference(severity: Record<string, 'error' | 'warning' | 'info' | 'off'> = {}): Reference {
  const { iid: _iid, ...ref } = defaultReference();
  void _iid;
  const opd = new Set(['DIKBUD', 'DINKES', 'DINSOS', 'KOMINFO', 'DPMPTSP']);
  const programs = new Set(['1.01.02', '1.02.02', '1.02.03', '1.06.02', '2.18.04', '2.16.03']);
  return {
    ...ref,
    opd: ref.opd.filter((o) => opd.has(o.kode)),
    rpjmd: { ...ref.rpjmd, program: ref.rpjmd.program.filter((p) => programs.has(p.kode)) },
    parameter: { ...ref.parameter, severity },
  };
}

const REF = smallReference();

interface Fixture {
  opd?: string;
  tahun?: CellValue;
  tanggal?: CellValue;
  rows: Record<string, CellValue>[];
  stamp?: 'valid' | { hash: string; waktu: string };
}

function identitas(f: Fixture): [string, CellValue][] {
  return VALID_IDENTITAS.map(([label, value]): [string, CellValue] => {
    if (label === 'Perangkat Daerah' && f.opd !== undefined) return [label, f.opd];
    if (label === 'Tahun Pelaporan' && f.tahun !== undefined) return [label, f.tahun];
    if (label === 'Tanggal Pengisian' && f.tanggal !== undefined) return [label, f.tanggal];
    return [label, value];
  });
}

/** A version-2 chain signed up to the required level (kepalaOpd). */
function stampSheet(hash: string, waktu: string): SheetGrid {
  return {
    name: '_stempel',
    rows: [
      [
        'Tingkat',
        'Versi',
        'Hash Isi',
        'Waktu',
        'Versi Aturan',
        'Referensi',
        'Alat',
        'Galat',
        'Peringatan',
        'Diterima',
        'Oleh',
        'Jabatan',
        'Catatan',
      ],
      [
        'penyusun',
        2,
        hash,
        waktu,
        '1',
        'bitung-contoh',
        'inovasi-daerah',
        0,
        0,
        0,
        'Staf Inovasi',
        'Analis',
        '',
      ],
      [
        'kepalaOpd',
        2,
        hash,
        waktu,
        '1',
        'bitung-contoh',
        'inovasi-daerah',
        0,
        0,
        0,
        'dr. Joice Rumondor',
        'Kepala Dinas',
        '',
      ],
    ],
  };
}

function validation(file: string, f: Fixture, reference: Reference = REF): FileValidation {
  const spec = { identitas: identitas(f), rows: f.rows };
  const options = { reference, today: TODAY };
  if (f.stamp === undefined) return validateWorkbook(buildGrid(spec), file, options);
  const hash =
    f.stamp === 'valid' ? validateWorkbook(buildGrid(spec), file, options).contentHash! : f.stamp.hash;
  const waktu = f.stamp === 'valid' ? '2026-10-01T08:00:00' : f.stamp.waktu;
  return validateWorkbook(buildGrid({ ...spec, extraSheets: [stampSheet(hash, waktu)] }), file, options);
}

const input = (v: FileValidation, size = 1000): ConsolidationInput => ({
  file: v.file,
  size,
  sha256: createHash('sha256').update(v.file).digest('hex'),
  validation: v,
});

const dikbud = (o: Record<string, CellValue> = {}) => ({
  'Urusan Pemerintahan': '1.01',
  'Kode Program RPJMD': '1.01.02',
  ...o,
});
const dinsos = (o: Record<string, CellValue> = {}) => ({
  'Urusan Pemerintahan': '1.06',
  'Kode Program RPJMD': '1.06.02',
  ...o,
});
const KOMINFO_ROW = inisiatifRow({
  'Nama Inovasi': 'Sistem Surat Elektronik Terpadu',
  'Tahapan Inovasi': 'Uji Coba',
  'Jenis Inovasi': 'Non Digital',
  'Bentuk Inovasi': 'Inovasi Tata Kelola Pemerintahan Daerah',
  'Urusan Pemerintahan': '2.16',
  'Kode Program RPJMD': '2.16.03',
  'Tanggal Uji Coba': '2025-06-01',
});
const ANTREAN = 'Aplikasi Antrean Online Terpadu';

/**
 * The city: DIKBUD sent two revisions of one workbook (the later one counts), DINKES two (the dated
 * one wins over the undated one), DINSOS one with a stamp broken by later edits, KOMINFO one for
 * another year (not counted), a UPT that is not in the reference (not counted), one corrupt file,
 * and DPMPTSP nothing.
 */
const files = {
  dikbudA: validation('dikbud-a.xlsx', {
    opd: 'Dinas Pendidikan dan Kebudayaan',
    tanggal: '2026-10-01',
    rows: [validRow(dikbud({ 'Nama Inovasi': 'Sekolah Ramah Anak Bitung' }))],
  }),
  dikbudB: validation('dikbud-b.xlsx', {
    opd: 'Disdikbud',
    tanggal: '2026-10-05',
    rows: [
      validRow(dikbud({ 'Nama Inovasi': 'Sekolah Ramah Anak Bitung' })),
      inisiatifRow(dikbud({ 'Nama Inovasi': 'Beasiswa Digital Pelajar' })),
    ],
  }),
  dinkesRevisi: validation('dinkes-revisi.xlsx', { tanggal: null, rows: [validRow()] }),
  dinkesFinal: validation('dinkes-final.xlsx', {
    stamp: 'valid',
    rows: [
      validRow(), // row 2
      inisiatifRow({ 'Nama Inovasi': ANTREAN, 'Kode Program RPJMD': '1.02.03' }), // row 3: KON-01
      inisiatifRow({ 'Nama Inovasi': 'Kelas Ibu Hamil Keliling', 'Target Tahun Penerapan': 2025 }), // row 4: LOG-07
      validRow({ 'Nama Inovasi': 'Klinik Sanitasi Pesisir', 'Kode Program RPJMD': '9.99.99' }), // row 5: RPJ-01
    ],
  }),
  dinsos: validation('dinsos.xlsx', {
    opd: 'Dinas Sosial',
    tanggal: '2026-10-03',
    stamp: { hash: 'sha256:' + '0'.repeat(64), waktu: '2026-10-02T09:15:00' },
    rows: [
      inisiatifRow(dinsos({ 'Nama Inovasi': ANTREAN })), // row 2: KON-01
      validRow(
        dinsos({
          'Nama Inovasi': 'posyandu  digital bitung SEHAT',
          Replikasi: 'Ya',
          'Sumber Replikasi': 'Kota Manado',
        }),
      ), // row 3
    ],
  }),
  kominfo: validation('kominfo.xlsx', {
    opd: 'Dinas Komunikasi dan Informatika',
    tahun: 2025,
    rows: [KOMINFO_ROW],
  }),
  rusak: unreadableFile('rusak.xlsx', 'notZip', { id: 'bukan berkas xlsx', en: 'not an xlsx file' }),
  upt: validation('upt-labkesda.xlsx', {
    opd: 'UPT Laboratorium Kesehatan Daerah',
    rows: [validRow({ 'Nama Inovasi': ANTREAN, Replikasi: 'Ya', 'Sumber Replikasi': 'Dinas Kesehatan' })],
  }),
};

const INPUTS = [
  files.rusak,
  files.upt,
  files.dinsos,
  files.dinkesRevisi,
  files.kominfo,
  files.dikbudB,
  files.dinkesFinal,
  files.dikbudA,
].map((v) => input(v));

let summary: CitySummary;
beforeAll(() => {
  summary = consolidate(INPUTS, { reference: REF, today: TODAY });
});

const fileOf = (name: string) => summary.files.find((f) => f.file === name)!;
const rulesOf = (name: string) => fileOf(name).findings.map((f) => `${f.rule}@${f.cell ?? 'null'}`);
const rows = (t: { rows: readonly { cells: readonly SummaryCell[] }[] }) => t.rows.map((r) => r.cells);

describe('the fixture validates as designed', () => {
  test('per-file findings before consolidation', () => {
    expect(files.dikbudB.findings).toEqual([]);
    expect(files.dinkesFinal.stamp).toBe('valid');
    expect(files.dinkesFinal.findings.map((f) => `${f.rule}@${f.cell}`)).toEqual(['LOG-07@J4', 'RPJ-01@I5']);
    expect(files.dinsos.stamp).toBe('changed');
    expect(files.dinsos.findings).toEqual([]);
    expect(files.kominfo.findings).toEqual([]);
    expect(files.upt.findings.map((f) => `${f.rule}@${f.cell}`)).toEqual(['STR-06@B1']);
  });
});

describe("KON-02: revisions of one OPD's workbook", () => {
  test('the later filing date wins; an undated workbook counts as earliest; KON-02 is info', () => {
    expect(rulesOf('dinkes-revisi.xlsx')).toEqual(['KON-02@null', 'KON-04@null']);
    const kon02 = fileOf('dinkes-revisi.xlsx').findings[0];
    expect(kon02.params).toEqual({ berkas: 'dinkes-final.xlsx', opd: 'Dinas Kesehatan' });
    expect(kon02.severity).toBe('info');
    expect(kon02.id).toBe(findingId({ rule: 'KON-02', sheet: null, rowKey: '', columnKey: '', value: null }));
    expect(rulesOf('dinkes-final.xlsx')).not.toContain('KON-02@null');
  });
  test('an earlier revision sharing an innovation is superseded (OPD named by alias or name alike)', () => {
    expect(rulesOf('dikbud-a.xlsx')).toEqual(['KON-02@null', 'KON-04@null']);
    expect(fileOf('dikbud-a.xlsx').findings[0].params).toEqual({
      berkas: 'dikbud-b.xlsx',
      opd: 'Dinas Pendidikan dan Kebudayaan',
    });
    expect(rulesOf('dikbud-b.xlsx')).toEqual(['KON-04@null']);
    expect(summary.entries.map((e) => [e.file, e.standing])).toEqual([
      ['rusak.xlsx', 'tidakTerbaca'],
      ['upt-labkesda.xlsx', 'opdTidakDikenal'],
      ['dinsos.xlsx', 'dihitung'],
      ['dinkes-revisi.xlsx', 'diganti'],
      ['kominfo.xlsx', 'tahunLain'],
      ['dikbud-b.xlsx', 'dihitung'],
      ['dinkes-final.xlsx', 'dihitung'],
      ['dikbud-a.xlsx', 'diganti'],
    ]);
  });
  test('byte order: code points, not locale', () => {
    expect(compareFileNames('dinkes-z.xlsx', 'dinkes.xlsx')).toBeLessThan(0);
    expect(compareFileNames('B.xlsx', 'a.xlsx')).toBeLessThan(0);
    expect(compareFileNames('\u{1F600}.xlsx', '\uFFFD.xlsx')).toBeGreaterThan(0);
  });
  test('files of an OPD outside the reference never supersede one another: each is OPD Tidak Dikenal (KON-11)', () => {
    const a = validation('upt-1.xlsx', {
      opd: 'UPT Pasar Girian',
      tanggal: '2026-10-02',
      rows: [validRow()],
    });
    const b = validation('upt-2.xlsx', {
      opd: ' upt pasar  GIRIAN ',
      tanggal: '2026-10-01',
      rows: [validRow()],
    });
    const s = consolidate([input(a), input(b)], { reference: REF, today: TODAY });
    expect(s.files.map((f) => f.findings.map((x) => x.rule).filter((r) => r.startsWith('KON')))).toEqual([
      ['KON-04', 'KON-11'],
      ['KON-04', 'KON-11'],
    ]);
    expect(s.entries.map((e) => e.standing)).toEqual(['opdTidakDikenal', 'opdTidakDikenal']);
    expect(s.daftarInovasi.rows).toEqual([]);
  });
});

describe('KON-04: stamp missing or content changed', () => {
  test('none → the "not signed up to" wording; changed → the stamp date; valid → nothing', () => {
    const kon04 = (name: string) => fileOf(name).findings.filter((f) => f.rule === 'KON-04');
    expect(kon04('kominfo.xlsx').map((f) => f.params)).toEqual([
      { tingkat: 'Disetujui Kepala OPD', tingkatEn: 'Approved by head of agency' },
    ]);
    expect(kon04('dinsos.xlsx').map((f) => f.params)).toEqual([{ tanggal: '2026-10-02' }]);
    expect(kon04('dinkes-final.xlsx')).toEqual([]);
    expect(kon04('rusak.xlsx')).toEqual([]);
    const pesan = (berkas: string) =>
      tableRecords(summary.temuan).find((r) => r.Berkas === berkas && r.Aturan === 'KON-04')!.Pesan;
    expect(pesan('dinsos.xlsx')).toBe(
      'Isi berubah setelah distempel pada 2 Oktober 2026; stempel ulang berjenjang.',
    );
    expect(pesan('kominfo.xlsx')).toBe('Berkas belum distempel berjenjang sampai «Disetujui Kepala OPD».');
  });
});

describe('KON-05: a year other than the consolidation year', () => {
  test('points at the tahun value cell, is an error, and keeps the file out', () => {
    expect(rulesOf('kominfo.xlsx')).toEqual(['KON-04@null', 'KON-05@B2']);
    const f = fileOf('kominfo.xlsx').findings[1];
    expect(f).toMatchObject({
      sheet: 'Identitas',
      row: 2,
      column: 'Tahun Pelaporan',
      value: 2025,
      severity: 'error',
      params: { tahun: 2025, tahunKonsolidasi: 2026 },
    });
    expect(summary.tahun).toEqual({
      tahun: 2026,
      dari: 'mayoritas',
      suara: [
        { tahun: 2026, opd: 4 },
        { tahun: 2025, opd: 1 },
      ],
    });
    expect(tableRecords(summary.daftarInovasi).map((r) => r.Berkas)).not.toContain('kominfo.xlsx');
  });
  test('a tie goes to the later year', () => {
    const a = validation('a.xlsx', { opd: 'Dinas Sosial', tahun: 2025, rows: [validRow(dinsos())] });
    const b = validation('b.xlsx', { opd: 'Dinas Kesehatan', tahun: 2026, rows: [validRow()] });
    const s = consolidate([input(a), input(b)], { reference: REF, today: TODAY });
    expect(s.files[0].findings.map((f) => f.rule)).toContain('KON-05');
    expect(s.files[1].findings.map((f) => f.rule)).not.toContain('KON-05');
  });
  test('one vote per OPD: two files of one OPD do not outvote another OPD; unreadable files do not vote', () => {
    // DINKES votes 2026, DINSOS (two 2025 files) 2025 once: a tie, so 2026; both DINSOS files are another year.
    const a = validation('a.xlsx', { opd: 'Dinas Kesehatan', tahun: 2026, rows: [validRow()] });
    const b = validation('b.xlsx', {
      opd: 'Dinas Sosial',
      tahun: 2025,
      tanggal: '2026-10-09',
      rows: [validRow(dinsos())],
    });
    const c = validation('c.xlsx', {
      opd: 'Dinas Sosial',
      tahun: 2025,
      tanggal: '2026-10-01',
      rows: [validRow(dinsos())],
    });
    const s = consolidate([input(a), input(b), input(c), input(files.rusak)], {
      reference: REF,
      today: TODAY,
    });
    expect(s.files.map((f) => f.findings.filter((x) => x.rule === 'KON-05').length)).toEqual([0, 1, 1, 0]);
    expect(s.entries.map((e) => e.standing)).toEqual(['dihitung', 'tahunLain', 'tahunLain', 'tidakTerbaca']);
  });
});

describe('KON-01: one innovation in workbooks of several OPDs', () => {
  test('every row not declared a replication is flagged at its nama cell, naming the other OPDs', () => {
    const a = fileOf('dinkes-final.xlsx').findings.find((f) => f.rule === 'KON-01')!;
    expect(a).toMatchObject({
      sheet: 'Inovasi',
      cell: 'B3',
      row: 3,
      column: 'Nama Inovasi',
      severity: 'warning',
    });
    expect(a.params).toEqual({ nama: ANTREAN, opdLain: 'Dinas Sosial' });
    expect(a.id).toBe(
      findingId({
        rule: 'KON-01',
        sheet: 'Inovasi',
        rowKey: 'aplikasi antrean online terpadu#1',
        columnKey: 'nama',
        value: ANTREAN,
      }),
    );
    const b = fileOf('dinsos.xlsx').findings.find((f) => f.rule === 'KON-01')!;
    expect(b).toMatchObject({ cell: 'B2', params: { nama: ANTREAN, opdLain: 'Dinas Kesehatan' } });
    expect(rulesOf('upt-labkesda.xlsx')).not.toContain('KON-01@B2'); // not counted (and a declared replication)
  });
  test('nothing when at most one row of the group is not a declared replication', () => {
    // "Posyandu Digital Bitung Sehat": DINKES (Tidak) and DINSOS (Ya); the superseded DINKES workbook takes no part.
    expect(summary.files.flatMap((f) => f.findings).filter((f) => f.rule === 'KON-01')).toHaveLength(2);
  });
  test('two rows of one OPD are no cross-OPD duplicate (LOG-06 covers them)', () => {
    const a = validation('a.xlsx', { rows: [validRow(), validRow()] });
    const s = consolidate([input(a)], { reference: REF, today: TODAY });
    expect(s.files[0].findings.map((f) => f.rule)).toEqual(['KON-04', 'LOG-06']);
  });
  test('with no declared replication, every row of the group is flagged, including two rows of one OPD', () => {
    const a = validation('a.xlsx', { rows: [validRow(), validRow()] });
    const b = validation('b.xlsx', { opd: 'Dinas Sosial', rows: [validRow(dinsos())] });
    const s = consolidate([input(a), input(b)], { reference: REF, today: TODAY });
    expect(
      s.files[0].findings.filter((f) => f.rule === 'KON-01').map((f) => [f.cell, f.params.opdLain]),
    ).toEqual([
      ['B2', 'Dinas Sosial'],
      ['B3', 'Dinas Sosial'],
    ]);
    expect(s.files[1].findings.filter((f) => f.rule === 'KON-01').map((f) => f.params.opdLain)).toEqual([
      'Dinas Kesehatan',
    ]);
  });
});

describe('Rekap OPD', () => {
  test('reference OPDs in reference order, then the files that do not count by status and name, then Total Kota', () => {
    // prettier-ignore
    expect(rows(summary.rekapOpd)).toEqual([
      // No, Kode, Perangkat Daerah, Berkas, Tahun, Status, Jumlah, Inisiatif, Uji Coba, Penerapan, Digital, Non Digital, Pelayanan Publik, Target Belum Tercapai, Replikasi Dilakukan, Inovasinya Direplikasi, Galat, Peringatan, Temuan Diterima, Tingkat Persetujuan
      [1, 'DIKBUD', 'Dinas Pendidikan dan Kebudayaan', 'dikbud-b.xlsx', 2026, 'Siap', 2, 1, 0, 1, 2, 0, 2, 0, 0, 0, 0, 1, 0, 'Belum Distempel'],
      [2, 'DINKES', 'Dinas Kesehatan', 'dinkes-final.xlsx', 2026, 'Perlu Perbaikan', 4, 2, 0, 2, 4, 0, 4, 1, 0, 0, 1, 2, 0, 'Disetujui Kepala OPD'],
      [3, 'DINSOS', 'Dinas Sosial', 'dinsos.xlsx', 2026, 'Siap', 2, 1, 0, 1, 2, 0, 2, 0, 1, 0, 0, 2, 0, 'Berubah'],
      [4, 'KOMINFO', 'Dinas Komunikasi dan Informatika', 'kominfo.xlsx', null, 'Berkas Tidak Dihitung', null, null, null, null, null, null, null, null, null, null, null, null, null, null],
      [5, 'DPMPTSP', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', null, null, 'Belum Mengirim', null, null, null, null, null, null, null, null, null, null, null, null, null, null],
      [6, 'DIKBUD', 'Dinas Pendidikan dan Kebudayaan', 'dikbud-a.xlsx', 2026, 'Diganti', null, null, null, null, null, null, null, null, null, null, 0, 1, 0, 'Belum Distempel'],
      [7, 'DINKES', 'Dinas Kesehatan', 'dinkes-revisi.xlsx', 2026, 'Diganti', null, null, null, null, null, null, null, null, null, null, 0, 1, 0, 'Belum Distempel'],
      [8, 'KOMINFO', 'Dinas Komunikasi dan Informatika', 'kominfo.xlsx', 2025, 'Tahun Lain', null, null, null, null, null, null, null, null, null, null, 1, 1, 0, 'Belum Distempel'],
      [9, null, 'UPT Laboratorium Kesehatan Daerah', 'upt-labkesda.xlsx', 2026, 'OPD Tidak Dikenal', null, null, null, null, null, null, null, null, null, null, 2, 1, 0, 'Belum Distempel'],
      [10, null, null, 'rusak.xlsx', null, 'Tidak Terbaca', null, null, null, null, null, null, null, null, null, null, 1, 0, null, null],
      [null, null, 'Total Kota', null, null, '3 dari 5 OPD mengirim', 8, 4, 0, 4, 8, 0, 8, 1, 1, 0, 1, 5, 0, null],
    ]);
    expect(summary.rekapOpd.rows.map((r) => r.total ?? false)).toEqual([...new Array(10).fill(false), true]);
  });
  test('columns in spec order; no header reads as the opposite of its cells', () => {
    expect(summary.rekapOpd.columns).toEqual([
      'No',
      'Kode OPD',
      'Perangkat Daerah',
      'Berkas',
      'Tahun',
      'Status',
      'Jumlah Inovasi',
      'Inisiatif',
      'Uji Coba',
      'Penerapan',
      'Digital',
      'Non Digital',
      'Pelayanan Publik',
      'Target Belum Tercapai',
      'Replikasi Dilakukan',
      'Inovasinya Direplikasi',
      'Galat',
      'Peringatan',
      'Temuan Diterima',
      'Tingkat Persetujuan',
    ]);
  });
  test('two files of one OPD with no innovation in common: Konflik, neither counted, both listed and set aside', () => {
    const other = validation('dinsos-2026.xlsx', {
      tanggal: '2026-10-20',
      rows: [validRow({ 'Nama Inovasi': 'Apotek Keliling Pulau Lembeh' })],
    });
    const s = consolidate([input(files.dinkesFinal), input(other)], { reference: REF, today: TODAY });
    const records = tableRecords(s.rekapOpd);
    const dinkes = records.find((r) => r['Kode OPD'] === 'DINKES' && r.No === 2)!;
    expect([dinkes.Status, dinkes.Berkas, dinkes['Jumlah Inovasi'], dinkes.Galat]).toEqual([
      'Konflik',
      'dinkes-final.xlsx; dinsos-2026.xlsx',
      null,
      null,
    ]);
    expect(records.find((r) => r['Kode OPD'] === 'DINSOS')!.Status).toBe('Belum Mengirim');
    expect(records.filter((r) => r.Status === 'Berkas Konflik').map((r) => r.Berkas)).toEqual([
      'dinkes-final.xlsx',
      'dinsos-2026.xlsx',
    ]);
    const total = records[records.length - 1];
    expect([total.Status, total['Jumlah Inovasi']]).toEqual(['0 dari 5 OPD mengirim', 0]);
    expect(s.daftarInovasi.rows).toEqual([]);
    expect(s.report.valid).toBe(false); // KON-08 needs the planner
  });
  test('accepted findings count in Temuan Diterima, not in Galat; Target Belum Tercapai counts LOG-07 rows accepted or not', () => {
    const v = files.dinkesFinal;
    const accepted: FileValidation = {
      ...v,
      findings: v.findings.map((f) =>
        f.rule === 'LOG-07' || f.rule === 'RPJ-01'
          ? {
              ...f,
              status: 'accepted',
              decision: { status: 'accepted', reason: 'Sudah dibahas', reviewer: 'Inspektur', date: null },
            }
          : f,
      ),
    };
    const s = consolidate([input(accepted)], { reference: REF, today: TODAY });
    const dinkes = tableRecords(s.rekapOpd).find((r) => r['Kode OPD'] === 'DINKES')!;
    // KON-04 is not raised (valid stamp), KON-01 not (no other OPD): nothing open is left.
    expect([
      dinkes.Status,
      dinkes['Target Belum Tercapai'],
      dinkes.Galat,
      dinkes.Peringatan,
      dinkes['Temuan Diterima'],
    ]).toEqual(['Siap', 1, 0, 0, 2]);
    const temuan = tableRecords(s.temuan).find((r) => r.Aturan === 'RPJ-01')!;
    expect([temuan.Status, temuan.Alasan, temuan.Pemeriksa]).toEqual([
      'Diterima',
      'Sudah dibahas',
      'Inspektur',
    ]);
  });
});

describe('every summary header', () => {
  test('none of the old ambiguous names: Diterima, Tingkat (as severity), Terlambat outside the schedule', () => {
    const withSchedule = consolidate(INPUTS, {
      reference: { ...REF, jadwal: { tahun: 2026, batas: { kepalaOpd: '2026-03-31' } } },
      today: TODAY,
    });
    for (const s of [summary, withSchedule]) {
      for (const sheet of summarySheets(s)) {
        for (const table of sheet.tables) {
          const where = `${sheet.name}: ${table.columns.join(', ')}`;
          expect({
            where,
            old: table.columns.filter((c) => c === 'Diterima' || c === 'Tingkat' || c === 'Stempel'),
          }).toEqual({ where, old: [] });
          // "Late" words only where they are the schedule's: the per-level tally beside its deadline (Batas).
          if (table.columns.includes('Terlambat'))
            expect({ where, schedule: table.columns.includes('Batas') }).toEqual({ where, schedule: true });
        }
      }
    }
    // Nor as a row label of Info Konsolidasi's totals.
    expect(rows(summary.info.totals).map((r) => r[0])).not.toContain('Diterima');
  });
});

describe('Daftar Inovasi', () => {
  test('every row of every counting workbook (not another year, not an unknown OPD), ordered as Rekap OPD then by source row', () => {
    const records = tableRecords(summary.daftarInovasi);
    expect(records.map((r) => [r.Berkas, r.Baris, r['Nama Inovasi'], r.Galat, r.Peringatan])).toEqual([
      ['dikbud-b.xlsx', 2, 'Sekolah Ramah Anak Bitung', 0, 0],
      ['dikbud-b.xlsx', 3, 'Beasiswa Digital Pelajar', 0, 0],
      ['dinkes-final.xlsx', 2, 'Posyandu Digital Bitung Sehat', 0, 0],
      ['dinkes-final.xlsx', 3, ANTREAN, 0, 1],
      ['dinkes-final.xlsx', 4, 'Kelas Ibu Hamil Keliling', 0, 1],
      ['dinkes-final.xlsx', 5, 'Klinik Sanitasi Pesisir', 1, 0],
      ['dinsos.xlsx', 2, ANTREAN, 0, 1],
      ['dinsos.xlsx', 3, 'posyandu  digital bitung SEHAT', 0, 0],
    ]);
  });
  test('every spec column but the tool-written status, in spec order, with canonical values', () => {
    expect(DAFTAR_COLUMNS.slice(0, 6)).toEqual([
      'Kode OPD',
      'Perangkat Daerah',
      'Berkas',
      'Baris',
      'No',
      'Nama Inovasi',
    ]);
    expect(DAFTAR_COLUMNS).not.toContain('Status Validasi');
    // The narrative columns last, after Galat and Peringatan, so the print area can end before them.
    const narratives = [
      'Permasalahan',
      'Rancang Bangun',
      'Tujuan',
      'Manfaat',
      'Hasil Inovasi',
      'SP Persyaratan',
      'SP Prosedur',
      'SP Produk Layanan',
      'SP Penanganan Pengaduan',
    ];
    expect(DAFTAR_COLUMNS.slice(-11)).toEqual(['Galat', 'Peringatan', ...narratives]);
    const klinik = tableRecords(summary.daftarInovasi)[5];
    expect(klinik).toMatchObject({
      'Kode OPD': 'DINKES',
      'Perangkat Daerah': 'Dinas Kesehatan',
      No: 1,
      'Tahapan Inovasi': 'Penerapan',
      'Urusan Pemerintahan': '1.02',
      'Kode Program RPJMD': '9.99.99',
      'Target Tahun Penerapan': null,
      'Tanggal Uji Coba': summaryDate('2024-03-01'),
      'Tanggal Penerapan': summaryDate('2025-01-15'),
      'Anggaran (Rp)': 150000000,
      'SP Jangka Waktu (hari)': 1,
      'SP Biaya/Tarif (Rp)': 0,
      'Sumber Replikasi': null,
    });
    const beasiswa = tableRecords(summary.daftarInovasi)[1];
    expect(beasiswa['Target Tahun Penerapan']).toBe(2027);
    expect(beasiswa['Tanggal Penerapan']).toBeNull();
  });
  test('a value that failed to parse is its trimmed text', () => {
    const v = validation('a.xlsx', {
      rows: [
        validRow({
          'Anggaran (Rp)': ' 1,5 juta ',
          'Tanggal Penerapan': 'kemarin',
          'Urusan Pemerintahan': '1.2',
        }),
      ],
    });
    const r = tableRecords(consolidate([input(v)], { reference: REF, today: TODAY }).daftarInovasi)[0];
    expect([r['Anggaran (Rp)'], r['Tanggal Penerapan'], r['Urusan Pemerintahan']]).toEqual([
      '1,5 juta',
      'kemarin',
      '1.02',
    ]);
  });
});

describe('Program RPJMD', () => {
  test('one row per program in reference order, then Di luar RPJMD for the RPJ-01 rows', () => {
    const M1 = 'Memperkuat pembangunan sumber daya manusia yang sehat, cerdas, dan berdaya saing';
    const S111 = 'Meningkatnya derajat kesehatan masyarakat';
    // prettier-ignore
    expect(rows(summary.programRpjmd)).toEqual([
      ['M1', M1, 'S1.2.1', 'Meningkatnya akses dan mutu pendidikan', '1.01.02', 'PROGRAM PENGELOLAAN PENDIDIKAN', 'Dinas Pendidikan dan Kebudayaan', 2, 1, 'Dinas Pendidikan dan Kebudayaan', 'Ada'],
      ['M1', M1, 'S1.1.1', S111, '1.02.02', 'PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT', 'Dinas Kesehatan', 2, 1, 'Dinas Kesehatan', 'Ada'],
      ['M1', M1, 'S1.1.1', S111, '1.02.03', 'PROGRAM PENINGKATAN KAPASITAS SUMBER DAYA MANUSIA KESEHATAN', 'Dinas Kesehatan', 1, 0, 'Dinas Kesehatan', 'Ada'],
      ['M1', M1, 'S1.3.1', 'Menurunnya penyandang masalah kesejahteraan sosial', '1.06.02', 'PROGRAM PEMBERDAYAAN SOSIAL', 'Dinas Sosial', 2, 1, 'Dinas Sosial', 'Ada'],
      ['M2; M3', 'Membangun dari kelurahan untuk pemerataan ekonomi yang berkeadilan; Mewujudkan tata kelola pemerintahan yang baik dan pelayanan publik yang prima',
        'S2.1.1; S3.2.1', 'Meningkatnya investasi, perdagangan, koperasi, dan UMKM; Meningkatnya kepuasan masyarakat terhadap pelayanan publik',
        '2.18.04', 'PROGRAM PELAYANAN PENANAMAN MODAL', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', 0, 0, null, 'Belum Ada Inovasi'],
      ['M3', 'Mewujudkan tata kelola pemerintahan yang baik dan pelayanan publik yang prima', 'S3.2.2', 'Meningkatnya penerapan sistem pemerintahan berbasis elektronik',
        '2.16.03', 'PROGRAM PENGELOLAAN APLIKASI INFORMATIKA', 'Dinas Komunikasi dan Informatika', 0, 0, null, 'Belum Ada Inovasi'],
      [null, null, null, null, null, 'Di luar RPJMD', null, 1, 1, 'Dinas Kesehatan', null],
    ]);
  });
});

describe('Urusan', () => {
  test('one row per bidang with an innovation, by code, then the total', () => {
    expect(rows(summary.urusan)).toEqual([
      ['1.01', 'URUSAN PEMERINTAHAN BIDANG PENDIDIKAN', 1, 0, 1, 2],
      ['1.02', 'URUSAN PEMERINTAHAN BIDANG KESEHATAN', 2, 0, 2, 4],
      ['1.06', 'URUSAN PEMERINTAHAN BIDANG SOSIAL', 1, 0, 1, 2],
      [null, 'Total', 4, 0, 4, 8],
    ]);
  });
  test('codes sort by number, and a row with an invalid urusan is counted in Rekap OPD but not here', () => {
    const v = validation('a.xlsx', {
      opd: 'Dinas Komunikasi dan Informatika',
      rows: [
        validRow({
          'Nama Inovasi': 'Satu Data Bitung',
          'Urusan Pemerintahan': '2.20',
          'Kode Program RPJMD': '2.16.03',
        }),
        validRow({
          'Nama Inovasi': 'Aplikasi Persandian',
          'Urusan Pemerintahan': 'Urusan Antah',
          'Kode Program RPJMD': '2.16.03',
        }),
        validRow({
          'Nama Inovasi': 'Portal Layanan Informasi',
          'Urusan Pemerintahan': '2.16',
          'Kode Program RPJMD': '2.16.03',
        }),
      ],
    });
    const s = consolidate([input(v)], { reference: REF, today: TODAY });
    expect(rows(s.urusan).map((r) => [r[0], r[5]])).toEqual([
      ['2.16', 1],
      ['2.20', 1],
      [null, 2],
    ]);
    expect(tableRecords(s.rekapOpd).find((r) => r['Kode OPD'] === 'KOMINFO')!['Jumlah Inovasi']).toBe(3);
  });
});

describe('Temuan', () => {
  test('every finding of every file: counting files in Rekap OPD order, then the files set aside in theirs', () => {
    const r = tableRecords(summary.temuan).map(
      (x) => `${x.No} ${x.Berkas} ${x['Status Berkas']} ${x.Aturan}@${x.Sel ?? 'null'} ${x.Jenis}`,
    );
    expect(r).toEqual([
      '1 dikbud-b.xlsx Dihitung KON-04@null Peringatan',
      '2 dinkes-final.xlsx Dihitung KON-01@B3 Peringatan',
      '3 dinkes-final.xlsx Dihitung LOG-07@J4 Peringatan',
      '4 dinkes-final.xlsx Dihitung RPJ-01@I5 Galat',
      '5 dinsos.xlsx Dihitung KON-04@null Peringatan',
      '6 dinsos.xlsx Dihitung KON-01@B2 Peringatan',
      '7 dikbud-a.xlsx Diganti KON-02@null Info',
      '8 dikbud-a.xlsx Diganti KON-04@null Peringatan',
      '9 dinkes-revisi.xlsx Diganti KON-02@null Info',
      '10 dinkes-revisi.xlsx Diganti KON-04@null Peringatan',
      '11 kominfo.xlsx Tahun Lain KON-04@null Peringatan',
      '12 kominfo.xlsx Tahun Lain KON-05@B2 Galat',
      '13 upt-labkesda.xlsx OPD Tidak Dikenal KON-04@null Peringatan',
      '14 upt-labkesda.xlsx OPD Tidak Dikenal KON-11@null Galat',
      '15 upt-labkesda.xlsx OPD Tidak Dikenal STR-06@B1 Galat',
      '16 rusak.xlsx Tidak Terbaca KON-03@null Galat',
    ]);
  });
  test('a finding row carries location, the innovation, message, basis, status and id', () => {
    const r = tableRecords(summary.temuan)[1];
    const f = fileOf('dinkes-final.xlsx').findings[0];
    expect(r).toEqual({
      No: 2,
      'Kode OPD': 'DINKES',
      'Perangkat Daerah': 'Dinas Kesehatan',
      Berkas: 'dinkes-final.xlsx',
      'Status Berkas': 'Dihitung',
      Lembar: 'Inovasi',
      Sel: 'B3',
      Baris: 3,
      'Nama Inovasi': ANTREAN,
      Kolom: 'Nama Inovasi',
      Aturan: 'KON-01',
      Jenis: 'Peringatan',
      Pesan: `Inovasi «${ANTREAN}» juga diajukan oleh Dinas Sosial; tandai sebagai replikasi atau bedakan namanya.`,
      Saran: null,
      Dasar: 'Rekapitulasi inovasi daerah (Bappeda)',
      Status: 'Terbuka',
      Alasan: null,
      Pemeriksa: null,
      ID: f.id,
    });
    // No innovation for file-level and Identitas findings.
    expect(
      tableRecords(summary.temuan)
        .filter((x) => x.Lembar !== 'Inovasi')
        .every((x) => x['Nama Inovasi'] === null),
    ).toBe(true);
    expect(tableRecords(summary.temuan)[8].Pesan).toBe(
      'Berkas ini digantikan oleh «dinkes-final.xlsx» untuk Dinas Kesehatan.',
    );
    expect(tableRecords(summary.temuan)[11].Pesan).toBe(
      'Tahun pelaporan 2025 bukan tahun konsolidasi 2026; berkas ini tidak dihitung.',
    );
  });
  test('messages follow the lang option', () => {
    const s = consolidate(INPUTS, { reference: REF, today: TODAY, lang: 'en' });
    expect(tableRecords(s.temuan)[8].Pesan).toBe(
      'This file is superseded by «dinkes-final.xlsx» for Dinas Kesehatan.',
    );
    expect(tableRecords(s.temuan)[15].Pesan).toBe('The file cannot be read: not an xlsx file.');
    expect(s.report.lang).toBe('en');
  });
});

describe('Info Konsolidasi and the JSON report', () => {
  test('the JSON report counts every file; Total Kota counts the counting files only; Info Konsolidasi shows both', () => {
    expect(summary.report.stats).toEqual({
      files: 8,
      rows: 12,
      errors: 5,
      warnings: 9,
      infos: 2,
      accepted: 0,
    });
    expect(summary.report.valid).toBe(false);
    expect(summary.report.files.map((f) => f.file)).toEqual(INPUTS.map((i) => i.file));
    expect(rows(summary.info.totals)).toEqual([
      ['Berkas', 8, 3],
      ['Baris Inovasi', 12, 8],
      ['Galat', 5, 1],
      ['Peringatan', 9, 5],
      ['Info', 2, null],
      ['Temuan Diterima', 0, 0],
    ]);
  });
  test('when, tool, rules version, reference, validation date, the year and how it was chosen; then each input file', () => {
    const s = consolidate(INPUTS, { reference: REF, today: TODAY, consolidatedAt: '2026-11-29T10:30:00' });
    expect(tableRecords(s.info.about)).toEqual([
      { Keterangan: 'Waktu Konsolidasi', Nilai: summaryDate('2026-11-29T10:30:00') },
      { Keterangan: 'Alat', Nilai: 'inovasi-daerah 1.0.0' },
      { Keterangan: 'Versi Aturan', Nilai: '1' },
      { Keterangan: 'Referensi', Nilai: s.report.reference },
      { Keterangan: 'Tanggal Validasi', Nilai: summaryDate(TODAY) },
      { Keterangan: 'Bahasa Pesan', Nilai: 'id' },
      { Keterangan: 'Tahun Konsolidasi', Nilai: 2026 },
      {
        Keterangan: 'Tahun Dipilih',
        Nilai: 'Tahun konsolidasi 2026, tahun terbanyak (satu suara per OPD: 2026 × 4 OPD, 2025 × 1 OPD).',
      },
    ]);
    const status = [
      'Tidak Terbaca',
      'OPD Tidak Dikenal',
      'Siap',
      'Diganti',
      'Tahun Lain',
      'Siap',
      'Perlu Perbaikan',
      'Diganti',
    ];
    expect(rows(s.info.files)).toEqual(INPUTS.map((i, n) => [i.file, 1000, i.sha256, status[n]]));
    expect(summarySheets(s).map((x) => x.name)).toEqual([
      'Ringkasan',
      'Tindak Lanjut',
      'Rekap OPD',
      'Daftar Inovasi',
      'Program RPJMD',
      'Urusan',
      'Katalog Replikasi',
      'Temuan',
      'Info Konsolidasi',
    ]);
  });
  test('per file konsolidasi and digantiOleh; the year and where it came from', () => {
    expect(summary.report.files.map((f) => [f.konsolidasi, f.digantiOleh ?? null])).toEqual([
      ['tidakTerbaca', null],
      ['opdTidakDikenal', null],
      ['dihitung', null],
      ['diganti', 'dinkes-final.xlsx'],
      ['tahunLain', null],
      ['dihitung', null],
      ['dihitung', null],
      ['diganti', 'dikbud-b.xlsx'],
    ]);
    expect([summary.report.tahunKonsolidasi, summary.report.tahunDipilihDari]).toEqual([2026, 'mayoritas']);
  });
  test('valid over counting files and the files set aside that need the planner; a superseded file never fails it', () => {
    // A superseded file with an open error of its own, beside a clean counting file.
    const old = validation('dinkes-lama.xlsx', {
      tanggal: '2026-09-01',
      rows: [validRow({ 'Nomor SOP': null })],
    });
    const s = consolidate(
      [
        input(old),
        input(files.dikbudB),
        input(validation('dinkes.xlsx', { stamp: 'valid', rows: [validRow()] })),
      ],
      {
        reference: smallReference({ 'KON-04': 'off' }),
        today: TODAY,
      },
    );
    expect(s.entries.map((e) => e.standing)).toEqual(['diganti', 'dihitung', 'dihitung']);
    expect(s.report.stats.errors).toBe(1);
    expect(s.report.valid).toBe(true);
  });
});

describe('the cross-workbook rules', () => {
  test('follow the reference severity overrides', () => {
    const ref = smallReference({ 'KON-04': 'off', 'KON-01': 'error' });
    const inputs = [files.dinkesFinal, files.dinsos, files.kominfo].map((v) => input(v));
    const s = consolidate(inputs, { reference: ref, today: TODAY });
    const all = s.files.flatMap((f) => f.findings);
    expect(all.filter((f) => f.rule === 'KON-04')).toEqual([]);
    expect(all.filter((f) => f.rule === 'KON-01').map((f) => f.severity)).toEqual(['error', 'error']);
    expect(tableRecords(s.rekapOpd).find((r) => r['Kode OPD'] === 'DINSOS')!.Status).toBe('Perlu Perbaikan');
  });
  test('running again on the result changes nothing', () => {
    const again = consolidate(
      summary.entries.map((e) => ({
        file: e.file,
        size: e.size,
        sha256: e.sha256,
        validation: e.validation,
      })),
      { reference: REF, today: TODAY },
    );
    expect(again.files).toEqual(summary.files);
    expect(again.rekapOpd).toEqual(summary.rekapOpd);
  });
  test('source validations are not changed', () => {
    expect(files.dinsos.findings).toEqual([]);
    expect(INPUTS[0].validation.findings.map((f) => f.rule)).toEqual(['KON-03']);
  });
  test('an unreadable file stays KON-03 only; the rest is consolidated', () => {
    expect(rulesOf('rusak.xlsx')).toEqual(['KON-03@null']);
    expect(summary.entries.find((e) => e.file === 'rusak.xlsx')!.role).toBe('unreadable');
  });
  test('no workbook at all: every OPD is Belum Mengirim and the totals are zero', () => {
    const s = consolidate([], { reference: REF, today: TODAY });
    expect(rows(s.rekapOpd).map((r) => r[5])).toEqual([
      'Belum Mengirim',
      'Belum Mengirim',
      'Belum Mengirim',
      'Belum Mengirim',
      'Belum Mengirim',
      '0 dari 5 OPD mengirim',
    ]);
    expect(rows(s.urusan)).toEqual([[null, 'Total', 0, 0, 0, 0]]);
    expect(s.report.valid).toBe(true);
  });
});
