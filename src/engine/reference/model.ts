/**
 * The reference model (docs/spec/reference-data.md). Field names follow the JSON form
 * (`bitung-contoh.json`), which is Indonesian, so that the file and the model read the same.
 */

import type { RuleId } from '../rules/registry';
import type { Iid } from '../iid/model';

export type SeverityOverride = 'error' | 'warning' | 'info' | 'off';

export interface Misi {
  readonly kode: string;
  readonly uraian: string;
  /** A short name for charts (≤ MISI_SINGKAT_MAX characters); absent means the first words of `uraian` (misiShortName). */
  readonly singkat?: string;
}

/** The longest short name of a misi (docs/spec/reference-data.md, `Misi` … `Singkat`). */
export const MISI_SINGKAT_MAX = 30;

/** A misi's short name: its own `singkat`, else the first whole words of `uraian` within MISI_SINGKAT_MAX characters. */
export function misiShortName(m: Misi): string {
  if (m.singkat) return m.singkat;
  let short = '';
  for (const word of m.uraian.split(/\s+/).filter(Boolean)) {
    const next = short ? `${short} ${word}` : word;
    if (next.length > MISI_SINGKAT_MAX) break;
    short = next;
  }
  return short || m.uraian.slice(0, MISI_SINGKAT_MAX);
}
export interface Tujuan {
  readonly kode: string;
  readonly misi: string;
  readonly uraian: string;
}
export interface Sasaran {
  readonly kode: string;
  readonly tujuan: string;
  readonly uraian: string;
}
export interface ProgramRpjmd {
  readonly kode: string;
  readonly nama: string;
  readonly sasaran: readonly string[];
  readonly opd: readonly string[];
  readonly indikator?: string;
  readonly satuan?: string;
  /** Yearly targets keyed by year. */
  readonly target?: Readonly<Record<string, number | string>>;
}
export interface Opd {
  readonly kode: string;
  readonly nama: string;
  readonly alias: readonly string[];
  /** Bidang urusan codes (`1.02`) the OPD holds. */
  readonly bidang: readonly string[];
}
export interface BidangUrusan {
  readonly kode: string;
  readonly nama: string;
  readonly singkat: string;
}
export interface ProgramNomenklatur {
  readonly kode: string;
  readonly nama: string;
}

export interface Parameters {
  readonly minWords: number;
  readonly namaMin: number;
  readonly namaMax: number;
  readonly headerSearchRows: number;
  /**
   * The regulation types SOP-02 recognises (whole words, any case): absent means
   * DEFAULT_JENIS_REGULASI, so references that do not set it keep their id.
   */
  readonly jenisRegulasi?: readonly string[];
  /** Severity override per rule id (an id no rule has is refused when the reference is loaded). */
  readonly severity: Readonly<Partial<Record<RuleId, SeverityOverride>>>;
}

/** One level of the sign-off chain (docs/spec/signoff.md), in chain order. */
export interface TingkatPersetujuan {
  /** Level key, e.g. `kepalaOpd`; written in `_stempel` (`Tingkat`). */
  readonly kunci: string;
  /** Indonesian label, e.g. `Disetujui Kepala OPD`. */
  readonly label: string;
  /** English label. */
  readonly labelEn: string;
}

/** The schedule of one reporting year: per level key, the last day (`YYYY-MM-DD`) its stamp is on time. */
export interface Jadwal {
  readonly tahun: number;
  /** Level key → deadline, in level order. */
  readonly batas: Readonly<Record<string, string>>;
}

export interface Daerah {
  readonly nama: string;
  readonly kode: string;
  /** IANA time zone; calendar days of the schedule are counted in it (default `Asia/Jakarta`). */
  readonly zonaWaktu: string;
}

export interface Reference {
  readonly nama: string;
  readonly daerah: Daerah;
  readonly rpjmd: {
    readonly periode: { readonly mulai: number; readonly akhir: number };
    readonly visi: string;
    readonly misi: readonly Misi[];
    readonly tujuan: readonly Tujuan[];
    readonly sasaran: readonly Sasaran[];
    readonly program: readonly ProgramRpjmd[];
  };
  readonly opd: readonly Opd[];
  readonly nomenklatur: {
    readonly bidang: readonly BidangUrusan[];
    readonly program: readonly ProgramNomenklatur[];
  };
  readonly parameter: Parameters;
  /** The sign-off levels in order (1 to 5; default DEFAULT_TINGKAT). */
  readonly tingkatPersetujuan: readonly TingkatPersetujuan[];
  /** The level a workbook must reach to count as signed for consolidation (default `kepalaOpd`). */
  readonly tingkatWajib: string;
  /** The schedule of the reporting year, when the reference sets one (absent in the JSON when none). */
  readonly jadwal?: Jadwal;
  /** IID readiness (docs/spec/iid.md), when the reference sets it (absent in the JSON when none). */
  readonly iid?: Iid;
}

export const DEFAULT_ZONA_WAKTU = 'Asia/Jakarta';

export const DEFAULT_TINGKAT: readonly TingkatPersetujuan[] = [
  { kunci: 'penyusun', label: 'Disusun', labelEn: 'Prepared' },
  { kunci: 'kepalaOpd', label: 'Disetujui Kepala OPD', labelEn: 'Approved by head of agency' },
  { kunci: 'verifikator', label: 'Diverifikasi', labelEn: 'Verified' },
];

export const DEFAULT_TINGKAT_WAJIB = 'kepalaOpd';

/** SOP-02's regulation types when the reference names none (docs/spec/rules.md, plus a regency's and a kecamatan's or kelurahan's forms). */
export const DEFAULT_JENIS_REGULASI: readonly string[] = [
  'Perda',
  'Peraturan Daerah',
  'Perwako',
  'Perwali',
  'Peraturan Wali Kota',
  'Peraturan Walikota',
  'Perkada',
  'Peraturan Kepala Daerah',
  'Keputusan Wali Kota',
  'Keputusan Walikota',
  'Kepwako',
  'SK Wali Kota',
  'SK Walikota',
  'SK Kepala',
  'Keputusan Kepala',
  'Keputusan Camat',
  'SK Camat',
  'Keputusan Lurah',
  'SK Lurah',
  'Peraturan Bupati',
  'Perbup',
  'Keputusan Bupati',
  'Kepbup',
  'SK Bupati',
];

export const DEFAULT_PARAMETERS: Parameters = {
  minWords: 300,
  namaMin: 5,
  namaMax: 200,
  headerSearchRows: 20,
  severity: {},
};

/** A consistency problem of a reference, naming the part and row that is wrong. */
export interface ReferenceProblem {
  /** e.g. `opd`, `rpjmd.program`, `Program` (sheet) */
  readonly part: string;
  /** 1-based row in that part (data row for JSON arrays; worksheet row for workbooks), or null. */
  readonly row: number | null;
  /** Indonesian and English explanation. */
  readonly message: { readonly id: string; readonly en: string };
}
