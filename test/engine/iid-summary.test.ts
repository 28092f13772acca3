/** IID readiness as the summary and the feedback workbook show it (docs/spec/iid.md, docs/spec/feedback.md). */
import {
  feedbackReadiness,
  kesiapanTable,
  rekapIidCells,
  rekapIidTotal,
  KESIAPAN_COLUMNS,
} from '../../src/engine/iid/summary';
import { validateWorkbook } from '../../src/engine/validate';
import { POSYANDU, SMALL_IID, dataDukung, evidence, referenceWith } from '../helpers/iid';
import { TODAY, buildGrid, inisiatifRow, validRow } from '../helpers/workbook';

const reference = referenceWith(SMALL_IID);
const dinkes = validateWorkbook(
  buildGrid({
    rows: [validRow(), inisiatifRow()],
    extraSheets: [
      dataDukung([
        evidence({ Tingkat: 2, 'Status Verifikasi': 'Sesuai' }),
        evidence({ Indikator: 'sdm', Tingkat: 2, 'Status Verifikasi': 'Sesuai' }),
        evidence({
          Indikator: 'sdm',
          Tingkat: 3,
          'Status Verifikasi': 'Perlu Perbaikan',
          'Catatan Verifikator': 'SK belum ditandatangani',
        }),
        evidence({
          Indikator: 'kemanfaatan',
          Tingkat: 3,
          'Status Verifikasi': 'Tidak Sesuai',
          'Catatan Verifikator': 'Bukan daftar penerima',
        }),
        evidence({ 'Nama Inovasi': 'Rencana Aplikasi Rujukan Puskesmas', Indikator: 'sdm', Tingkat: 1 }),
      ]),
    ],
  }),
  'dinkes.xlsx',
  { reference, today: TODAY },
);
const est = dinkes.iid!;

test('Kesiapan IID: one row per innovation in spec columns, a total row with the city estimate, the note says perkiraan and the source', () => {
  const t = kesiapanTable([{ kodeOpd: 'DINKES', opd: 'Dinas Kesehatan', estimate: est }], SMALL_IID);
  expect(t.columns).toEqual(KESIAPAN_COLUMNS);
  // Posyandu: regulasi 2 and sdm 2 verified → 10 of 18 (55.6 %, ready at 50 %); potential + kemanfaatan derived 3 → 13.
  expect(t.rows[0].cells).toEqual([
    'DINKES',
    'Dinas Kesehatan',
    POSYANDU,
    'Penerapan',
    10,
    10,
    13,
    55.6,
    55.6,
    'Ya',
    '2/3',
    0,
    'Kemanfaatan Inovasi',
  ]);
  expect(t.rows[1].cells).toEqual([
    'DINKES',
    'Dinas Kesehatan',
    'Rencana Aplikasi Rujukan Puskesmas',
    'Inisiatif',
    2,
    0,
    2,
    11.1,
    0,
    'Tidak',
    '1/3',
    1,
    'Regulasi Inovasi Daerah, Kemanfaatan Inovasi',
  ]);
  // City: 10 / MAX(10, 1) / 18 → 5.6; scores summed over Penerapan only.
  expect(t.rows[2]).toEqual({
    total: true,
    cells: [
      null,
      null,
      'Perkiraan komponen satuan inovasi kota: Σ skor 1 inovasi Penerapan / MAX(10, 1) / 18 × 100',
      null,
      10,
      10,
      13,
      5.6,
      5.6,
      '1 dari 2 inovasi',
      null,
      1,
      null,
    ],
  });
  expect(t.note).toBe('Kesiapan IID 2026 (perkiraan; sumber: Uji: tiga indikator)');
  expect(t.rows.flatMap((r) => r.cells).join(' ')).not.toMatch(/Inovatif/); // no predicate band
});

test('Rekap OPD: innovations ready and the mean maturity (one decimal), per OPD and in total', () => {
  expect(rekapIidCells(est)).toEqual([1, 33.3]); // (10 + 2) / (2 × 18) = 33.3 %
  expect(rekapIidCells(undefined)).toEqual([null, null]);
  expect(rekapIidTotal([est, est])).toEqual([2, 33.3]);
  expect(rekapIidTotal([])).toEqual([0, null]);
});

test('feedback: missing indicators with the evidence each needs (wajib first), and the evidence sent back or rejected with the note', () => {
  const [posyandu, rencana] = feedbackReadiness(est, SMALL_IID);
  expect(posyandu.missing).toEqual([
    { kode: 'kemanfaatan', nama: 'Kemanfaatan Inovasi', wajib: false, bukti: '' },
  ]);
  expect(posyandu.flagged).toEqual([
    {
      baris: 4,
      indikator: 'Ketersediaan SDM',
      tingkat: 3,
      status: 'Perlu Perbaikan',
      catatan: 'SK belum ditandatangani',
    },
    {
      baris: 5,
      indikator: 'Kemanfaatan Inovasi',
      tingkat: 3,
      status: 'Tidak Sesuai',
      catatan: 'Bukan daftar penerima',
    },
  ]);
  expect(rencana.missing.map((m) => [m.kode, m.wajib, m.bukti])).toEqual([
    ['regulasi', true, 'Salinan regulasi'],
    ['kemanfaatan', false, ''],
  ]);
  expect(rencana.flagged).toEqual([]);
});
