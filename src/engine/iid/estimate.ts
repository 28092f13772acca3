/**
 * The estimate (docs/spec/iid.md, "The estimate"): evidence matched to innovations and
 * indicators, the proven, verified and derived level per indicator, the scores, maturity, ready
 * and missing per innovation, and the city estimate. An estimate only: the official assessment is
 * the ministry's, so every place that shows these numbers says *perkiraan* and names `sumber`.
 */
import { Submission, SubmissionRow, okValueOf } from '../parse';
import { Tahapan } from '../schema';
import { DERIVATIONS, Level, deriveLevel } from './derive';
import { EvidenceRow, Verifikasi, evRaw, evValue, normaliseIid } from './evidence';
import { Iid, IidIndikator, maxScore } from './model';

export interface EvidenceTally {
  sesuai: number;
  perbaikan: number;
  tidakSesuai: number;
  /** Not yet marked by the verifier. */
  belum: number;
}

export interface IndicatorEstimate {
  readonly kode: string;
  /** Highest level of counting evidence, or null. */
  readonly terbukti: Level | null;
  /** Highest level of verified (`Sesuai`) evidence, or null. */
  readonly terverifikasi: Level | null;
  /** The level derived from the Inovasi sheet, or null. */
  readonly turunan: Level | null;
  readonly bukti: Readonly<EvidenceTally>;
}

export interface InnovationEstimate {
  /** 1-based row of the innovation in its sheet. */
  readonly baris: number;
  readonly nama: string;
  readonly tahapan: Tahapan | null;
  readonly skorTerbukti: number;
  readonly skorTerverifikasi: number;
  readonly skorPotensial: number;
  /** Percent, one decimal, rounded half up. */
  readonly kematangan: number;
  readonly kematanganTerverifikasi: number;
  /** Verified maturity reaches `ambangSiap` (ready means verified, not claimed). */
  readonly siap: boolean;
  /** Per indicator, in the reference's order. */
  readonly indikator: readonly IndicatorEstimate[];
  /** Kodes without a proven level: wajib first, then by weight descending, then by no. */
  readonly kurang: readonly string[];
  /** 1-based `Data Dukung` rows naming this innovation, in sheet order. */
  readonly buktiBaris: readonly number[];
}

/** A `Data Dukung` row as matched and judged. */
export interface EvidenceMatch {
  readonly evidence: EvidenceRow;
  /** Index into the Inovasi rows, or null when the row names no innovation of the sheet. */
  readonly inovasi: number | null;
  readonly indikator: IidIndikator | null;
  readonly tingkat: Level | null;
  /** Has a usable `tautan` or `nomor`. */
  readonly berbukti: boolean;
  readonly verifikasi: Verifikasi | null;
  /** Counts for its indicator (docs/spec/iid.md): known innovation and indicator, valid level, a proof, not rejected. */
  readonly dihitung: boolean;
  /** Counts and is marked `Sesuai`. */
  readonly terverifikasi: boolean;
}

export interface FileEstimate {
  readonly max: number;
  readonly inovasi: readonly InnovationEstimate[];
  readonly bukti: readonly EvidenceMatch[];
}

/** 100 × part / whole to one decimal, rounded half up, in integers (no binary rounding surprises). */
export function percent1(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.floor((2000 * part + whole) / (2 * whole)) / 10;
}

/** Innovation rows by normalised name (the first row wins) and by `No` (only a `No` that is unique). */
function innovationFinder(rows: readonly SubmissionRow[]): (text: string, raw: unknown) => number | null {
  const byName = new Map<string, number>();
  const byNo = new Map<number, number | null>();
  rows.forEach((row, i) => {
    const nama = okValueOf(row, 'nama');
    if (typeof nama === 'string') {
      const key = normaliseIid(nama);
      if (key && !byName.has(key)) byName.set(key, i);
    }
    const no = okValueOf(row, 'no');
    if (typeof no === 'number') byNo.set(no, byNo.has(no) ? null : i);
  });
  // Evidence rows name the same few innovations over and over: each text is normalised once.
  const seen = new Map<string, number | undefined>();
  return (text, raw) => {
    let named = seen.get(text);
    if (named === undefined && !seen.has(text)) {
      named = byName.get(normaliseIid(text));
      if (seen.size < 10_000) seen.set(text, named);
    }
    if (named !== undefined) return named;
    const n = typeof raw === 'number' ? raw : /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
    return Number.isInteger(n) ? (byNo.get(n) ?? null) : null;
  };
}

const levelOf = (v: unknown): Level | null => (v === 1 || v === 2 || v === 3 ? v : null);

/** Matches every evidence row; pure (no findings). */
export function matchEvidence(submission: Submission, iid: Iid): EvidenceMatch[] {
  const rows = submission.table?.rows ?? [];
  const find = innovationFinder(rows);
  const byKode = new Map(iid.indikator.map((i) => [i.kode, i]));
  return (submission.dataDukung?.rows ?? []).map((evidence): EvidenceMatch => {
    const inovasiValue = evValue(evidence, 'inovasi');
    const inovasi = inovasiValue === null ? null : find(String(inovasiValue), evRaw(evidence, 'inovasi'));
    const kode = evValue(evidence, 'indikator');
    const indikator = kode === null ? null : (byKode.get(String(kode)) ?? null);
    const tingkat = levelOf(evValue(evidence, 'tingkat'));
    const berbukti = evValue(evidence, 'tautan') !== null || evValue(evidence, 'nomor') !== null;
    const verifikasi = evValue(evidence, 'verifikasi') as Verifikasi | null;
    const dihitung =
      inovasi !== null &&
      indikator !== null &&
      tingkat !== null &&
      berbukti &&
      verifikasi !== 'Tidak Sesuai' &&
      verifikasi !== 'Perlu Perbaikan';
    return {
      evidence,
      inovasi,
      indikator,
      tingkat,
      berbukti,
      verifikasi,
      dihitung,
      terverifikasi: dihitung && verifikasi === 'Sesuai',
    };
  });
}

const higher = (a: Level | null, b: Level | null): Level | null =>
  a === null ? b : b === null ? a : a > b ? a : b;

/** Indicators without a proven level, in the order `kurang` lists them. */
export function missingOrder(a: IidIndikator, b: IidIndikator): number {
  return Number(!!b.wajib) - Number(!!a.wajib) || b.bobot - a.bobot || a.no - b.no;
}

/** An indicator without evidence, shared: most cells of a large sheet without evidence are this. */
const NO_EVIDENCE: Readonly<EvidenceTally> = Object.freeze({
  sesuai: 0,
  perbaikan: 0,
  tidakSesuai: 0,
  belum: 0,
});
const NO_ROWS: readonly number[] = Object.freeze([]);

/**
 * The estimate of every innovation row of a workbook (any stage). Levels are kept in typed arrays
 * and an indicator without evidence or level is one shared object per indicator and derived level:
 * a 50,000-row sheet (the row limit) must not cost a million objects.
 */
export function estimateFile(submission: Submission, iid: Iid): FileEstimate {
  const rows = submission.table?.rows ?? [];
  const bukti = matchEvidence(submission, iid);
  const max = maxScore(iid);
  const n = iid.indikator.length;
  const kodeIndex = new Map(iid.indikator.map((i, k) => [i.kode, k]));
  // Per innovation × indicator (index r × n + k): proven and verified level (0 = none), the tallies.
  const proven = new Uint8Array(rows.length * n);
  const verified = new Uint8Array(rows.length * n);
  const tallies = new Map<number, EvidenceTally>();
  const buktiBaris = new Map<number, number[]>();
  for (const m of bukti) {
    if (m.inovasi === null) continue;
    const list = buktiBaris.get(m.inovasi);
    if (list) list.push(m.evidence.row);
    else buktiBaris.set(m.inovasi, [m.evidence.row]);
    if (!m.indikator) continue;
    const at = m.inovasi * n + kodeIndex.get(m.indikator.kode)!;
    let t = tallies.get(at);
    if (!t) tallies.set(at, (t = { sesuai: 0, perbaikan: 0, tidakSesuai: 0, belum: 0 }));
    if (m.verifikasi === 'Sesuai') t.sesuai++;
    else if (m.verifikasi === 'Perlu Perbaikan') t.perbaikan++;
    else if (m.verifikasi === 'Tidak Sesuai') t.tidakSesuai++;
    else t.belum++;
    if (m.dihitung && m.tingkat! > proven[at]) proven[at] = m.tingkat!;
    if (m.terverifikasi && m.tingkat! > verified[at]) verified[at] = m.tingkat!;
  }

  const order = iid.indikator
    .map((_, k) => k)
    .sort((a, b) => missingOrder(iid.indikator[a], iid.indikator[b]));
  const allMissing: readonly string[] = Object.freeze(order.map((k) => iid.indikator[k].kode));
  // Shared "nothing here" per indicator and derived level (none, 1, 2, 3).
  const nothing = iid.indikator.map((i) =>
    [null, 1, 2, 3].map((turunan) =>
      Object.freeze({
        kode: i.kode,
        terbukti: null,
        terverifikasi: null,
        turunan: turunan as Level | null,
        bukti: NO_EVIDENCE,
      }),
    ),
  );
  const level = (v: number): Level | null => (v === 0 ? null : (v as Level));

  const inovasi = rows.map((row, r): InnovationEstimate => {
    const value = (key: Parameters<typeof okValueOf>[1]) => okValueOf(row, key);
    let skorTerbukti = 0;
    let skorTerverifikasi = 0;
    let skorPotensial = 0;
    let anyProven = false;
    const indikator = iid.indikator.map((i, k): IndicatorEstimate => {
      const turunan = i.turunan ? deriveLevel(DERIVATIONS[i.turunan], value) : null;
      const at = r * n + k;
      const p = level(proven[at]);
      const v = level(verified[at]);
      skorTerbukti += i.bobot * (p ?? 0);
      skorTerverifikasi += i.bobot * (v ?? 0);
      skorPotensial += i.bobot * (higher(p, turunan) ?? 0);
      if (p !== null) anyProven = true;
      const t = tallies.get(at);
      if (p === null && v === null && !t) return nothing[k][turunan ?? 0];
      return { kode: i.kode, terbukti: p, terverifikasi: v, turunan, bukti: t ?? NO_EVIDENCE };
    });
    const kurang = anyProven
      ? order.filter((k) => proven[r * n + k] === 0).map((k) => iid.indikator[k].kode)
      : allMissing;
    const nama = okValueOf(row, 'nama');
    const tahapan = okValueOf(row, 'tahapan');
    return {
      baris: row.row,
      nama: typeof nama === 'string' ? nama : '',
      tahapan: typeof tahapan === 'string' ? (tahapan as Tahapan) : null,
      skorTerbukti,
      skorTerverifikasi,
      skorPotensial,
      kematangan: percent1(skorTerbukti, max),
      kematanganTerverifikasi: percent1(skorTerverifikasi, max),
      siap: 100 * skorTerverifikasi >= iid.ambangSiap * max,
      indikator,
      kurang,
      buktiBaris: buktiBaris.get(r) ?? NO_ROWS,
    };
  });
  return { max, inovasi, bukti };
}

/** The city estimate (counting files only), over the innovations in Penerapan. */
export interface CityEstimate {
  /** Innovations in Penerapan. */
  readonly n: number;
  readonly pembagi: number;
  /** Σ skorTerbukti / MAX(pembagi, n) / max × 100, one decimal. */
  readonly terbukti: number;
  readonly terverifikasi: number;
  /** Innovations ready, of all innovations counted (any stage). */
  readonly siap: number;
  readonly jumlah: number;
}

export function cityEstimate(files: readonly FileEstimate[], iid: Iid): CityEstimate {
  let n = 0;
  let proven = 0;
  let verified = 0;
  let siap = 0;
  let jumlah = 0;
  for (const f of files)
    for (const i of f.inovasi) {
      jumlah++;
      if (i.siap) siap++;
      if (i.tahapan !== 'Penerapan') continue;
      n++;
      proven += i.skorTerbukti;
      verified += i.skorTerverifikasi;
    }
  const divisor = Math.max(iid.pembagi, n) * maxScore(iid);
  return {
    n,
    pembagi: Math.max(iid.pembagi, n),
    terbukti: percent1(proven, divisor),
    terverifikasi: percent1(verified, divisor),
    siap,
    jumlah,
  };
}
