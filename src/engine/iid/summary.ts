/**
 * IID readiness in the city summary and the feedback workbook (docs/spec/iid.md, "Where it
 * shows"), as data: the `Kesiapan IID` table, the two `Rekap OPD` columns, and the feedback
 * section per innovation. The writers lay these out; every figure here is an estimate and the
 * tables carry the note that says so and names the reference's `sumber`.
 */
import { cellText } from '../values';
import { EV, evRaw } from './evidence';
import { CityEstimate, FileEstimate, InnovationEstimate, cityEstimate, percent1 } from './estimate';
import { Iid, maxScore as maxOf } from './model';
import { missingNames, provenCount, sourceNote, unverifiedCount } from './words';

export const SHEET_KESIAPAN_IID = 'Kesiapan IID';

/** The sheet's columns, in spec order. */
export const KESIAPAN_COLUMNS = [
  'Kode OPD',
  'Perangkat Daerah',
  'Nama Inovasi',
  'Tahapan',
  'Skor Terbukti',
  'Skor Terverifikasi',
  'Skor Potensial',
  'Kematangan (%)',
  'Kematangan Terverifikasi (%)',
  'Siap',
  'Indikator Terbukti',
  'Bukti Belum Diverifikasi',
  'Kurang',
] as const;

/** The `Rekap OPD` columns IID adds (after `Inovasinya Direplikasi`, before `Galat`). */
export const REKAP_IID_COLUMNS = ['Inovasi Siap IID', 'Rata-rata Kematangan'] as const;

export type KesiapanCell = string | number | null;

/** A counting file's estimate with the OPD it names. */
export interface CountedEstimate {
  readonly kodeOpd: string | null;
  readonly opd: string | null;
  readonly estimate: FileEstimate;
}

export interface KesiapanTable {
  readonly columns: readonly string[];
  readonly rows: readonly { readonly cells: readonly KesiapanCell[]; readonly total?: boolean }[];
  /** `Kesiapan IID 2026 (perkiraan; sumber: …)`: the sheet's title says it. */
  readonly note: string;
  readonly city: CityEstimate;
}

const TOTAL_LABEL = 'Perkiraan komponen satuan inovasi kota';

/**
 * One row per counted innovation (files in `Rekap OPD` order), then the total row: the scores
 * summed over the innovations in Penerapan and the city estimate (docs/spec/iid.md), ready of all, and every
 * evidence row still waiting for the verifier.
 */
export function kesiapanTable(files: readonly CountedEstimate[], iid: Iid): KesiapanTable {
  const rows: { cells: KesiapanCell[]; total?: boolean }[] = [];
  let proven = 0;
  let verified = 0;
  let potential = 0;
  let unverified = 0;
  for (const f of files)
    for (const inv of f.estimate.inovasi) {
      // The city estimate's numerator: innovations in Penerapan (docs/spec/iid.md).
      if (inv.tahapan === 'Penerapan') {
        proven += inv.skorTerbukti;
        verified += inv.skorTerverifikasi;
        potential += inv.skorPotensial;
      }
      unverified += unverifiedCount(inv);
      rows.push({
        cells: [
          f.kodeOpd,
          f.opd,
          inv.nama,
          inv.tahapan,
          inv.skorTerbukti,
          inv.skorTerverifikasi,
          inv.skorPotensial,
          inv.kematangan,
          inv.kematanganTerverifikasi,
          inv.siap ? 'Ya' : 'Tidak',
          provenCount(inv, iid),
          unverifiedCount(inv),
          missingNames(inv, iid),
        ],
      });
    }
  const city = cityEstimate(
    files.map((f) => f.estimate),
    iid,
  );
  rows.push({
    total: true,
    cells: [
      null,
      null,
      `${TOTAL_LABEL}: Σ skor ${city.n} inovasi Penerapan / MAX(${iid.pembagi}, ${city.n}) / ${maxOf(iid)} × 100`,
      null,
      proven,
      verified,
      potential,
      city.terbukti,
      city.terverifikasi,
      `${city.siap} dari ${city.jumlah} inovasi`,
      null,
      unverified,
      null,
    ],
  });
  return { columns: KESIAPAN_COLUMNS, rows, note: sourceNote(iid, 'id'), city };
}

/** `Inovasi Siap IID` and `Rata-rata Kematangan` of one OPD's counted file (mean of its innovations' maturity, one decimal). */
export function rekapIidCells(estimate: FileEstimate | undefined): [number | null, number | null] {
  if (!estimate) return [null, null];
  const n = estimate.inovasi.length;
  let siap = 0;
  let proven = 0;
  for (const inv of estimate.inovasi) {
    if (inv.siap) siap++;
    proven += inv.skorTerbukti;
  }
  return [siap, n ? percent1(proven, n * estimate.max) : null];
}

/** The same two figures over every counted file (the `Rekap OPD` total row). */
export function rekapIidTotal(estimates: readonly FileEstimate[]): [number, number | null] {
  let siap = 0;
  let proven = 0;
  let whole = 0;
  for (const e of estimates)
    for (const inv of e.inovasi) {
      if (inv.siap) siap++;
      proven += inv.skorTerbukti;
      whole += e.max;
    }
  return [siap, whole ? percent1(proven, whole) : null];
}

// ---------------------------------------------------------------------------------------------
// Feedback (docs/spec/feedback.md, section 4)

export interface FeedbackMissing {
  readonly kode: string;
  readonly nama: string;
  readonly wajib: boolean;
  /** The evidence the indicator needs (`bukti` of the reference), or ''. */
  readonly bukti: string;
}

export interface FeedbackFlagged {
  /** 1-based `Data Dukung` row. */
  readonly baris: number;
  readonly indikator: string;
  readonly tingkat: number | null;
  readonly status: 'Perlu Perbaikan' | 'Tidak Sesuai';
  readonly catatan: string;
}

export interface FeedbackInnovation {
  readonly nama: string;
  readonly estimate: InnovationEstimate;
  readonly missing: readonly FeedbackMissing[];
  readonly flagged: readonly FeedbackFlagged[];
}

/** Per innovation: maturity, the missing indicators with the evidence each needs, and the evidence the verifier sent back or rejected. */
export function feedbackReadiness(estimate: FileEstimate, iid: Iid): FeedbackInnovation[] {
  const byKode = new Map(iid.indikator.map((i) => [i.kode, i]));
  return estimate.inovasi.map((inv, r) => ({
    nama: inv.nama,
    estimate: inv,
    missing: inv.kurang.map((k) => {
      const i = byKode.get(k)!;
      return { kode: k, nama: i.nama, wajib: !!i.wajib, bukti: i.bukti ?? '' };
    }),
    flagged: estimate.bukti
      .filter(
        (m) => m.inovasi === r && (m.verifikasi === 'Perlu Perbaikan' || m.verifikasi === 'Tidak Sesuai'),
      )
      .map((m) => ({
        baris: m.evidence.row,
        indikator: m.indikator?.nama ?? cellText(evRaw(m.evidence, 'indikator')),
        tingkat: m.tingkat,
        status: m.verifikasi as 'Perlu Perbaikan' | 'Tidak Sesuai',
        catatan: cellText(m.evidence.raw[EV.catatanVerifikator]),
      })),
  }));
}
