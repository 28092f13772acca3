/**
 * The IID section of a reference (docs/spec/iid.md, "Reference data: `iid`"): the year, where the
 * indicator set comes from, the city divisor floor, the readiness threshold and the indicators. A
 * planner corrects names, weights and levels yearly in the reference, never in code.
 */

/** The derivations the engine knows (iid/derive.ts); an indicator names one in `turunan`. */
export const TURUNAN_KEYS = ['dasarHukum', 'spJangkaWaktu', 'penerimaManfaat', 'kecepatan'] as const;
export type TurunanKey = (typeof TURUNAN_KEYS)[number];

export interface IidIndikator {
  /** Lower camelCase key, unique (`regulasi`). */
  readonly kode: string;
  /** The national number (16–35 in 2026), unique. */
  readonly no: number;
  readonly nama: string;
  /** Positive integer; the indicator's score is bobot × level. */
  readonly bobot: number;
  /** Present (true) only for indicators marked wajib (IID-06). */
  readonly wajib?: true;
  /** The labels of level 1, 2 and 3. */
  readonly tingkat: readonly [string, string, string];
  /** The evidence the indicator asks for (feedback, Petunjuk IID); absent when the reference gives none. */
  readonly bukti?: string;
  /** The derivation that reads a level off the Inovasi sheet, when one applies. */
  readonly turunan?: TurunanKey;
}

export interface Iid {
  readonly tahun: number;
  /** Where the indicator set comes from; every score shown names it. */
  readonly sumber: string;
  /** Divisor floor of the city estimate: MAX(pembagi, n). */
  readonly pembagi: number;
  /** Maturity (percent) at which an innovation counts as ready. */
  readonly ambangSiap: number;
  readonly indikator: readonly IidIndikator[];
}

export const DEFAULT_PEMBAGI = 10;
export const DEFAULT_AMBANG_SIAP = 80;
export const MAX_INDIKATOR = 40;

/** The best score an innovation can reach: 3 × Σ bobot. */
export function maxScore(iid: Iid): number {
  let sum = 0;
  for (const i of iid.indikator) sum += i.bobot;
  return 3 * sum;
}
