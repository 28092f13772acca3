/** IID readiness in the city summary (docs/spec/iid.md, docs/spec/consolidation.md): Kesiapan IID, the Rekap OPD columns, the Ringkasan lines. */
import { createHash } from 'node:crypto';
import { ConsolidationInput, consolidate, sheetTables, tableRecords } from '../../src/engine/consolidate';
import { CellValue } from '../../src/engine/grid';
import { ringkasanIidLines } from '../../src/engine/summary/sheets/kesiapanIid';
import { feedbackDocuments } from '../../src/engine/feedback';
import { FileValidation, validateWorkbook } from '../../src/engine/validate';
import { POSYANDU, SMALL_IID, dataDukung, evidence, referenceWith } from '../helpers/iid';
import { TODAY, VALID_IDENTITAS, buildGrid, inisiatifRow, validRow } from '../helpers/workbook';

const REF = referenceWith(SMALL_IID);

function file(
  name: string,
  opd: string,
  rows: Record<string, CellValue>[],
  evidenceRows: Record<string, CellValue>[] | null,
  reference = REF,
): FileValidation {
  const identitas = VALID_IDENTITAS.map(([l, v]): [string, CellValue] => [
    l,
    l === 'Perangkat Daerah' ? opd : v,
  ]);
  return validateWorkbook(
    buildGrid({ identitas, rows, extraSheets: evidenceRows ? [dataDukung(evidenceRows)] : [] }),
    name,
    { reference, today: TODAY },
  );
}
const input = (v: FileValidation): ConsolidationInput => ({
  file: v.file,
  size: 1000,
  sha256: createHash('sha256').update(v.file).digest('hex'),
  validation: v,
});
const dinsosRow = (o: Record<string, CellValue> = {}) =>
  validRow({
    'Nama Inovasi': 'Rumah Singgah Lansia Bitung',
    'Urusan Pemerintahan': '1.06',
    'Kode Program RPJMD': '1.06.02',
    ...o,
  });

// DINKES: Posyandu proven and verified 10/18 (ready at 50 %), the Inisiatif row nothing; DINSOS: one Penerapan row, 3 proven (regulasi 1), not verified.
const dinkes = file(
  'dinkes.xlsx',
  'Dinas Kesehatan',
  [validRow(), inisiatifRow()],
  [
    evidence({ 'Status Verifikasi': 'Sesuai' }),
    evidence({ Indikator: 'sdm', 'Status Verifikasi': 'Sesuai' }),
  ],
);
const dinsos = file(
  'dinsos.xlsx',
  'Dinas Sosial',
  [dinsosRow()],
  [evidence({ 'Nama Inovasi': 'Rumah Singgah Lansia Bitung', Tingkat: 1 })],
);
const summary = consolidate([input(dinkes), input(dinsos)], { reference: REF, today: TODAY });

test('Kesiapan IID comes after Daftar Inovasi: one row per counted innovation, the city estimate in the total row, the note below', () => {
  expect(summary.sheets.map((s) => s.name).slice(0, 6)).toEqual([
    'Ringkasan',
    'Tindak Lanjut',
    'Rekap OPD',
    'Daftar Inovasi',
    'Kesiapan IID',
    'Program RPJMD',
  ]);
  const [table, note] = sheetTables(summary, 'Kesiapan IID');
  const records = tableRecords(table);
  expect(
    records.map((r) => [
      r['Kode OPD'],
      r['Nama Inovasi'],
      r['Skor Terbukti'],
      r['Kematangan (%)'],
      r.Siap,
      r['Indikator Terbukti'],
    ]),
  ).toEqual([
    ['DINKES', POSYANDU, 10, 55.6, 'Ya', '2/3'],
    ['DINKES', 'Rencana Aplikasi Rujukan Puskesmas', 0, 0, 'Tidak', '0/3'],
    ['DINSOS', 'Rumah Singgah Lansia Bitung', 3, 16.7, 'Tidak', '1/3'],
    [
      null,
      expect.stringMatching(
        /^Perkiraan komponen satuan inovasi kota: Σ skor 2 inovasi Penerapan \/ MAX\(10, 2\) \/ 18 × 100$/,
      ),
      13,
      7.2,
      '1 dari 3 inovasi',
      null,
    ],
  ]);
  expect(table.rows.at(-1)!.total).toBe(true);
  // (10 + 3) / MAX(10, 2) / 18 × 100 = 7.22 → 7.2; verified 10 / 10 / 18 → 5.6
  expect(records.at(-1)!['Kematangan Terverifikasi (%)']).toBe(5.6);
  expect(note.columns).toEqual(['Keterangan']);
  expect(note.rows[0].cells[0]).toBe('Kesiapan IID 2026 (perkiraan; sumber: Uji: tiga indikator)');
  expect(note.rows.map((r) => r.cells[0]).join(' ')).toMatch(/penilaian resmi .* oleh Kemendagri/);
});

test('Rekap OPD: Inovasi Siap IID and Rata-rata Kematangan before Galat; blank for OPDs without a file; totals', () => {
  const rekap = summary.rekapOpd;
  const at = rekap.columns.indexOf('Galat');
  // After the replication columns (docs/spec/consolidation.md's order).
  expect(rekap.columns.slice(at - 3, at + 1)).toEqual([
    'Inovasinya Direplikasi',
    'Inovasi Siap IID',
    'Rata-rata Kematangan',
    'Galat',
  ]);
  const records = tableRecords(rekap);
  const pick = (code: string | null) =>
    records
      .filter((r) => r['Kode OPD'] === code)
      .map((r) => [r['Inovasi Siap IID'], r['Rata-rata Kematangan']]);
  expect(pick('DINKES')).toEqual([[1, 27.8]]); // (10 + 0) / (2 × 18)
  expect(pick('DINSOS')).toEqual([[0, 16.7]]);
  expect(pick('DPMPTSP')).toEqual([[null, null]]);
  const total = records.at(-1)!;
  expect([total['Perangkat Daerah'], total['Inovasi Siap IID'], total['Rata-rata Kematangan']]).toEqual([
    'Total Kota',
    1,
    24.1,
  ]); // 13 / (3 × 18)
  // Info Konsolidasi still reads Galat from the right column.
  const totals = tableRecords(summary.info.totals).find((r) => r.Ukuran === 'Galat')!;
  expect(totals['Total Kota']).toBe(total.Galat);
});

test('Ringkasan lines as data: ready of all and the city estimate, the same figures as Kesiapan IID, with the source', () => {
  expect(ringkasanIidLines(summary.source)).toEqual([
    { label: 'Inovasi siap IID (terverifikasi)', value: '1 dari 3', figure: 1 },
    { label: 'Komponen satuan inovasi (perkiraan, skala 0–100)', value: '7,2 (terverifikasi 5,6)' },
    { label: 'Sumber indikator IID', value: 'Uji: tiga indikator (2026)' },
  ]);
});

test('without iid in the reference: no Kesiapan IID sheet, no IID columns, no Ringkasan lines', () => {
  const plain = referenceWith(undefined);
  const s = consolidate([input(file('dinkes.xlsx', 'Dinas Kesehatan', [validRow()], null, plain))], {
    reference: plain,
    today: TODAY,
  });
  expect(s.sheets.map((x) => x.name)).not.toContain('Kesiapan IID');
  expect(s.rekapOpd.columns).not.toContain('Inovasi Siap IID');
  expect(ringkasanIidLines(s.source)).toBeNull();
});

test('feedback per OPD: a readiness section with maturity, the missing indicators with their evidence, and the evidence sent back with the note', () => {
  const sent = file(
    'dinkes.xlsx',
    'Dinas Kesehatan',
    [validRow()],
    [
      evidence({ 'Status Verifikasi': 'Sesuai' }),
      evidence({
        Indikator: 'sdm',
        Tingkat: 3,
        'Status Verifikasi': 'Perlu Perbaikan',
        'Catatan Verifikator': 'SK tim belum ditandatangani',
      }),
    ],
  );
  const s = consolidate([input(sent)], { reference: REF, today: TODAY });
  const [doc] = feedbackDocuments(s, { region: 'Kota Bitung', lang: 'id' });
  const blocks = doc.sheets[0].blocks;
  const kinds = blocks.map((b) => (b.kind === 'title' ? `title:${b.text}` : b.kind));
  expect(kinds).toEqual([
    'title:Umpan Balik Hasil Validasi Inovasi Daerah',
    'fields',
    'gap',
    'table',
    'gap',
    'title:Kesiapan IID 2026 (perkiraan; sumber: Uji: tiga indikator)',
    'fields',
    'table',
    'gap',
    'table',
    'gap',
    'table',
    'gap',
    'title:Persetujuan dan Jadwal',
    'table',
    'gap',
    'signature',
  ]);
  const tables = blocks.filter((b) => b.kind === 'table');
  expect(tables[1].rows).toEqual([[POSYANDU, 33.3, 33.3, '1/3', 'Tidak', 2]]); // regulasi 3 × 2 = 6 of 18
  expect(tables[2].columns).toEqual([
    'Indikator yang Kurang',
    'No',
    'Bobot',
    'Wajib',
    'Belum (inovasi)',
    'Sudah (inovasi)',
    'Bukti yang Diperlukan',
    'Inovasi yang Belum',
  ]);
  expect(tables[2].rows).toEqual([
    ['Ketersediaan SDM', 17, 2, 'Tidak', 1, 0, 'SK tim', POSYANDU],
    ['Kemanfaatan Inovasi', 33, 1, 'Tidak', 1, 0, null, POSYANDU],
  ]);
  expect(tables[3].rows).toEqual([
    [
      POSYANDU,
      3,
      3,
      'Ketersediaan SDM',
      'Perlu Perbaikan',
      null,
      'SK tim belum ditandatangani',
      'https://jdih.bitungkota.go.id/perwako-12-2024.pdf',
    ],
  ]);
  expect(doc.sheets[0].widths[0]).toBe(30);
});
