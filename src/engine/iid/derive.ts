/**
 * Derived levels (docs/spec/iid.md, "Derived levels"): some indicators can be read off the
 * `Inovasi` sheet. A derived level is never a proof; it feeds the potential score, and IID-04
 * compares a claim with it where `bandingkan` says so. The thresholds are this table's data, each
 * boundary with its own test (test/engine/iid-derive.test.ts); an indicator picks a derivation by
 * its `turunan` key in the reference.
 */
import { ColumnKey } from '../schema';
import { TurunanKey } from './model';

export type Level = 1 | 2 | 3;

/** Bands over a number: the first band whose `atMost` is ≥ the value gives the level (null = no upper bound). */
export interface Band {
  readonly atMost: number | null;
  readonly level: Level;
}

export type Measure =
  /** The number in one column. */
  | { readonly kind: 'number'; readonly column: ColumnKey }
  /** Completed calendar months from one date column to another (a negative span gives no level). */
  | { readonly kind: 'months'; readonly from: ColumnKey; readonly to: ColumnKey }
  /** The highest level of the regulation types a text names. */
  | { readonly kind: 'text'; readonly column: ColumnKey };

export interface Derivation {
  readonly key: TurunanKey;
  readonly measure: Measure;
  /** Values below this give no level (`penerimaManfaat` 0, a non-positive duration). */
  readonly minimum?: { readonly value: number; readonly inclusive: boolean };
  /** For `number` and `months` measures. */
  readonly bands?: readonly Band[];
  /** For the `text` measure: patterns and the level each names; the highest named wins. */
  readonly patterns?: readonly { readonly pattern: RegExp; readonly level: Level }[];
  /** Does IID-04 compare a claimed level with this one? */
  readonly bandingkan: boolean;
}

// Regulation types (the kinds SOP-02 recognises, plus Perbup): Perda 3; Perkada, Perwali/Perwako,
// Perbup 2; a decree (keputusan, SK) 1.
const PERDA = /\bperda\b|\bperaturan\s+daerah\b/iu;
const PERKADA =
  /\bperkada\b|\bperwal[ik]\b|\bperwako\b|\bperbup\b|\bperaturan\s+(?:kepala\s+daerah|wali\s*kota|walikota|bupati|gubernur)\b|\bpergub\b/iu;
const KEPUTUSAN = /\bkeputusan\b|\bsk\b|\bkepwa[lk]\w*|\bkepbup\b|\bkepkada\b/iu;

export const DERIVATIONS: Readonly<Record<TurunanKey, Derivation>> = {
  dasarHukum: {
    key: 'dasarHukum',
    measure: { kind: 'text', column: 'dasarHukum' },
    patterns: [
      { pattern: PERDA, level: 3 },
      { pattern: PERKADA, level: 2 },
      { pattern: KEPUTUSAN, level: 1 },
    ],
    bandingkan: true,
  },
  spJangkaWaktu: {
    key: 'spJangkaWaktu',
    measure: { kind: 'number', column: 'spJangkaWaktu' },
    minimum: { value: 0, inclusive: false },
    bands: [
      { atMost: 1, level: 3 },
      { atMost: 5, level: 2 },
      { atMost: null, level: 1 },
    ],
    bandingkan: true,
  },
  penerimaManfaat: {
    key: 'penerimaManfaat',
    measure: { kind: 'number', column: 'penerimaManfaat' },
    minimum: { value: 1, inclusive: true },
    bands: [
      { atMost: 200, level: 1 },
      { atMost: 500, level: 2 },
      { atMost: null, level: 3 },
    ],
    // Kemanfaatan has five other accepted measures: a claim above this is not a contradiction.
    bandingkan: false,
  },
  kecepatan: {
    key: 'kecepatan',
    measure: { kind: 'months', from: 'tglUjiCoba', to: 'tglPenerapan' },
    minimum: { value: 0, inclusive: true },
    bands: [
      { atMost: 4, level: 3 },
      { atMost: 8, level: 2 },
      { atMost: null, level: 1 },
    ],
    // An approximation of the national definition: never held against a claim.
    bandingkan: false,
  },
};

/** Completed calendar months from one ISO day to another (2026-01-31 → 2026-02-28 is 0). */
export function completedMonths(from: string, to: string): number {
  const [y1, m1, d1] = from.split('-').map(Number);
  const [y2, m2, d2] = to.split('-').map(Number);
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
}

/** A derivation's level for one innovation, given its parsed values (null where a value is missing or did not parse). */
export function deriveLevel(d: Derivation, value: (key: ColumnKey) => string | number | null): Level | null {
  const m = d.measure;
  if (m.kind === 'text') {
    const text = value(m.column);
    if (typeof text !== 'string') return null;
    let best: Level | null = null;
    for (const p of d.patterns ?? [])
      if (p.pattern.test(text) && (best === null || p.level > best)) best = p.level;
    return best;
  }
  let n: number;
  if (m.kind === 'number') {
    const v = value(m.column);
    if (typeof v !== 'number') return null;
    n = v;
  } else {
    const from = value(m.from);
    const to = value(m.to);
    if (typeof from !== 'string' || typeof to !== 'string') return null;
    n = completedMonths(from, to);
  }
  if (d.minimum && (d.minimum.inclusive ? n < d.minimum.value : n <= d.minimum.value)) return null;
  for (const b of d.bands ?? []) if (b.atMost === null || n <= b.atMost) return b.level;
  return null;
}

/** The Inovasi column a derivation reads (named in IID-04's message). */
export function derivationColumn(d: Derivation): ColumnKey {
  return d.measure.kind === 'months' ? d.measure.to : d.measure.column;
}
