/**
 * `Kesiapan IID` (docs/spec/iid.md, docs/spec/consolidation.md): one row per counted innovation with its
 * estimated scores, maturity, ready or not and what is missing; a total row with the city
 * estimate; below, what the figures are — an estimate from the reference's indicator set, the
 * official assessment being the ministry's, and no predicate band. Only when the reference has `iid`.
 */
import { cityEstimate } from '../../iid/estimate';
import { KESIAPAN_COLUMNS, SHEET_KESIAPAN_IID, kesiapanTable } from '../../iid/summary';
import { SummaryLine, iidSummaryLines } from '../../iid/words';
import { printSetup } from '../../printout';
import { SummarySource, SummaryTable, opdCode, opdName } from '../model';
import { SummarySheetDef } from '../sheet';

export { SHEET_KESIAPAN_IID };

export const KESIAPAN_NOTE_COLUMNS = ['Keterangan'] as const;

const NOTES = [
  'Semua skor adalah perkiraan dari bukti di lembar Data Dukung; penilaian resmi Indeks Inovasi Daerah oleh Kemendagri (BSKDN).',
  'Siap berarti terverifikasi: Kematangan Terverifikasi mencapai ambang siap referensi.',
  'Tanpa predikat: predikat (Sangat Inovatif …) berlaku untuk seluruh indeks, yang komponen pemerintah daerah dan jumlah inovasinya tidak diperkirakan di sini.',
];

/** The counted files' estimates, in `Rekap OPD` order. */
const estimates = ({ ordered }: SummarySource) =>
  ordered.flatMap((e) => (e.validation.iid ? [e.validation.iid] : []));

/**
 * The `Ringkasan` lines of IID readiness (docs/spec/consolidation.md: innovations ready of all, the city
 * estimate), as data for the sheet that lists them; null without `iid`. The same figures as the
 * total row of `Kesiapan IID`.
 */
export function ringkasanIidLines(source: SummarySource): SummaryLine[] | null {
  const iid = source.reference.iid;
  return iid ? iidSummaryLines(cityEstimate(estimates(source), iid), iid, source.lang) : null;
}

function tables({ reference, ordered }: SummarySource): SummaryTable[] {
  const iid = reference.iid;
  if (!iid) return [];
  const t = kesiapanTable(
    ordered
      .filter((e) => e.validation.iid)
      .map((e) => ({ kodeOpd: opdCode(e), opd: opdName(e), estimate: e.validation.iid! })),
    iid,
  );
  return [
    { columns: KESIAPAN_COLUMNS, rows: t.rows },
    {
      columns: KESIAPAN_NOTE_COLUMNS,
      note: true,
      rows: [
        t.note,
        `Ambang siap: ${iid.ambangSiap}% (terverifikasi); pembagi kota: MAX(${iid.pembagi}, n).`,
        ...NOTES,
      ].map((text) => ({ cells: [text] })),
    },
  ];
}

/** Column widths in characters (the columns are fixed: KESIAPAN_COLUMNS). */
const KESIAPAN_WIDTHS: Readonly<Record<(typeof KESIAPAN_COLUMNS)[number], number>> = {
  'Kode OPD': 12,
  'Perangkat Daerah': 20,
  'Nama Inovasi': 26,
  Tahapan: 10,
  'Skor Terbukti': 10,
  'Skor Terverifikasi': 14,
  'Skor Potensial': 10,
  'Kematangan (%)': 12,
  'Kematangan Terverifikasi (%)': 14,
  Siap: 6,
  'Indikator Terbukti': 11,
  'Bukti Belum Diverifikasi': 13,
  Kurang: 96,
};

export const kesiapanIidSheet: SummarySheetDef = {
  name: SHEET_KESIAPAN_IID,
  applies: (source) => source.reference.iid !== undefined,
  tables,
  fill: (column, value) =>
    column === 'Siap' ? (value === 'Ya' ? 'green' : value === 'Tidak' ? 'amber' : null) : null,
  // Two landscape pages across at 70 %: the scores on the first, `Kurang` (the names of the
  // missing indicators, the column a planner reads) wide on the second; Kode OPD … Nama Inovasi
  // repeated on both.
  columns: {
    widths: KESIAPAN_COLUMNS.map((c) => KESIAPAN_WIDTHS[c]),
    wrap: KESIAPAN_COLUMNS.map(() => true),
  },
  repeatColumns: (columns) => columns.indexOf('Nama Inovasi') + 1,
  print: (ctx) => printSetup(`${SHEET_KESIAPAN_IID} (perkiraan)`, ctx),
};
