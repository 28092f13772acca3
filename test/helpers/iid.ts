/** Builders for IID readiness tests (docs/spec/iid.md): a `Data Dukung` sheet and small references. */
import { CellValue, SheetGrid } from '../../src/engine/grid';
import { Iid } from '../../src/engine/iid/model';
import { defaultReference } from '../../src/engine/reference/load';
import { Reference } from '../../src/engine/reference/model';

export const DD_HEADER = [
  'No',
  'Nama Inovasi',
  'Indikator',
  'Tingkat',
  'Nomor Dokumen',
  'Tanggal Dokumen',
  'Tentang',
  'Tautan Bukti',
  'Catatan OPD',
  'Status Verifikasi',
  'Catatan Verifikator',
];

export const POSYANDU = 'Posyandu Digital Bitung Sehat';

/** A `Data Dukung` sheet: the header in row 1, then one row per record (labels as keys). */
export function dataDukung(
  rows: Record<string, CellValue>[],
  header: string[] = DD_HEADER,
  name = 'Data Dukung',
): SheetGrid {
  return { name, rows: [header, ...rows.map((r) => header.map((h) => (h in r ? r[h] : null)))] };
}

/** One evidence row for the valid Posyandu innovation (overrides by label). */
export function evidence(overrides: Record<string, CellValue> = {}): Record<string, CellValue> {
  return {
    'Nama Inovasi': POSYANDU,
    Indikator: 'Regulasi Inovasi Daerah',
    Tingkat: 2,
    'Tautan Bukti': 'https://jdih.bitungkota.go.id/perwako-12-2024.pdf',
    ...overrides,
  };
}

/** A three-indicator set (max 3 × 6 = 18) for hand-computed estimates. */
export const SMALL_IID: Iid = {
  tahun: 2026,
  sumber: 'Uji: tiga indikator',
  pembagi: 10,
  ambangSiap: 50,
  indikator: [
    {
      kode: 'regulasi',
      no: 16,
      nama: 'Regulasi Inovasi Daerah',
      bobot: 3,
      wajib: true,
      tingkat: ['SK', 'Perkada', 'Perda'],
      bukti: 'Salinan regulasi',
      turunan: 'dasarHukum',
    },
    {
      kode: 'sdm',
      no: 17,
      nama: 'Ketersediaan SDM',
      bobot: 2,
      tingkat: ['1–10 orang', '11–30 orang', 'Lebih dari 30 orang'],
      bukti: 'SK tim',
    },
    {
      kode: 'kemanfaatan',
      no: 33,
      nama: 'Kemanfaatan Inovasi',
      bobot: 1,
      tingkat: ['Sedikit', 'Sedang', 'Banyak'],
      turunan: 'penerimaManfaat',
    },
  ],
};

export function referenceWith(iid: Iid | undefined): Reference {
  const { iid: _old, ...rest } = defaultReference();
  void _old;
  return iid ? { ...rest, iid } : rest;
}
