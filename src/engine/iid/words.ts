/**
 * How readiness is said to people (docs/spec/iid.md, "Where it shows"): one home for the words
 * the command line, the summary, the feedback workbook and the task pane share. Every score says it
 * is an estimate (*perkiraan*) and names the reference's `sumber`; no predicate band is ever shown
 * (the bands belong to the whole index, which is not estimated here).
 */
import { decimal1, percentText } from '../design/numberText';
import type { Lang } from '../messages';
import { CityEstimate, InnovationEstimate } from './estimate';
import { Iid } from './model';

export const IID_WORDS = {
  id: {
    perkiraan: 'perkiraan',
    kematangan: 'kematangan',
    terverifikasi: 'terverifikasi',
    indikator: 'indikator',
    siap: 'Siap',
    belumSiap: 'Belum siap',
    kurang: 'kurang',
    lengkap: 'lengkap',
    sumber: 'sumber',
    komponen: 'Komponen satuan inovasi (perkiraan, skala 0–100)',
    siapDari: 'Inovasi siap IID (terverifikasi)',
    dari: 'dari',
    judul: 'Kesiapan IID',
  },
  en: {
    perkiraan: 'estimate',
    kematangan: 'maturity',
    terverifikasi: 'verified',
    indikator: 'indicators',
    siap: 'Ready',
    belumSiap: 'Not ready',
    kurang: 'missing',
    lengkap: 'complete',
    sumber: 'source',
    komponen: 'Innovation-unit component (estimate, 0–100)',
    siapDari: 'Innovations ready for IID (verified)',
    dari: 'of',
    judul: 'IID readiness',
  },
} as const;

// One decimal, rounded half up, and a percentage live in design/numberText.ts (re-exported for the pane's readiness list).
export { decimal1, percentText };

/** What the lines read of an innovation's estimate (the engine's, or the JSON report's). */
export type EstimateView = Pick<
  InnovationEstimate,
  'nama' | 'kematangan' | 'kematanganTerverifikasi' | 'siap' | 'kurang'
> & {
  readonly indikator: readonly { readonly terbukti: number | null }[];
};

/** Indicators with a proven level, as `n/{number of indicators}`. */
export function provenCount(inv: EstimateView, iid: Iid): string {
  return `${inv.indikator.filter((i) => i.terbukti !== null).length}/${iid.indikator.length}`;
}

/** Evidence rows not yet marked by the verifier. */
export function unverifiedCount(inv: InnovationEstimate): number {
  let n = 0;
  for (const i of inv.indikator) n += i.bukti.belum;
  return n;
}

/** The names of the missing indicators (`wajib` first), optionally only the first `limit` with `…`. */
export function missingNames(inv: EstimateView, iid: Iid, limit = Infinity): string {
  const names = inv.kurang.map((k) => iid.indikator.find((i) => i.kode === k)?.nama ?? k);
  return names.length > limit ? names.slice(0, limit).join(', ') + ', …' : names.join(', ');
}

/** `«Nama» — kematangan 42,3% (terverifikasi 30,0%, perkiraan) — 12/20 indikator — Belum siap — kurang: …` */
export function innovationLine(inv: EstimateView, iid: Iid, lang: Lang): string {
  const w = IID_WORDS[lang];
  const missing = inv.kurang.length
    ? `${w.kurang} ${inv.kurang.length}: ${missingNames(inv, iid, 3)}`
    : w.lengkap;
  return (
    `«${inv.nama}» — ${w.kematangan} ${percentText(inv.kematangan, lang)} (${w.terverifikasi} ${percentText(inv.kematanganTerverifikasi, lang)}, ${w.perkiraan}) — ` +
    `${provenCount(inv, iid)} ${w.indikator} — ${inv.siap ? w.siap : w.belumSiap} — ${missing}`
  );
}

/** `Kesiapan IID 2026 (perkiraan; sumber: …)`: the heading every place that shows scores carries. */
export function sourceNote(iid: Iid, lang: Lang): string {
  const w = IID_WORDS[lang];
  return `${w.judul} ${iid.tahun} (${w.perkiraan}; ${w.sumber}: ${iid.sumber})`;
}

/** A label and its value, as the `Ringkasan` sheet lists them. */
export interface SummaryLine {
  readonly label: string;
  readonly value: string;
  /** The line's count, when it has one (`Ringkasan` shows it under `Jumlah`). */
  readonly figure?: number;
}

/**
 * The `Ringkasan` lines of IID readiness (docs/spec/consolidation.md, docs/spec/iid.md): innovations ready of all, the
 * city estimate (proven and verified), and the source. Data only; the sheet is written elsewhere.
 */
export function iidSummaryLines(city: CityEstimate, iid: Iid, lang: Lang): SummaryLine[] {
  const w = IID_WORDS[lang];
  return [
    { label: w.siapDari, value: `${city.siap} ${w.dari} ${city.jumlah}`, figure: city.siap },
    {
      label: w.komponen,
      value: `${decimal1(city.terbukti, lang)} (${w.terverifikasi} ${decimal1(city.terverifikasi, lang)})`,
    },
    {
      label: lang === 'id' ? 'Sumber indikator IID' : 'IID indicator source',
      value: `${iid.sumber} (${iid.tahun})`,
    },
  ];
}
