/**
 * The reference workbook's words for planners (docs/spec/reference-data.md, revised 2026-12-07):
 * the `Parameter` sheet names its rows in Indonesian (`Jumlah kata minimal`, not `minWords`), a
 * severity override reads `galat`/`peringatan`/`info`/`nonaktif`, and the sign-off levels in
 * `Tingkat Wajib` and `Jadwal` are written by their label (`Disetujui Kepala OPD`, not
 * `kepalaOpd`). On read the keys of the JSON form are accepted as well, so an older workbook and
 * a hand-written one still load.
 */
import { normalise } from '../text';
import { SeverityOverride, TingkatPersetujuan } from './model';

/** The `Parameter` rows that are not rule parameters: the reference's own name and the schedule's year. */
export const META_PARAMETERS = {
  nama: 'Nama Referensi',
  tahunJadwal: 'Tahun Jadwal',
  tingkatWajib: 'Tingkat Wajib',
} as const;

/** The rule parameters' labels, as written; the key (JSON form) is accepted on read too. */
export const PARAMETER_LABELS = {
  minWords: 'Jumlah kata minimal',
  namaMin: 'Panjang nama minimal',
  namaMax: 'Panjang nama maksimal',
  headerSearchRows: 'Baris pencarian judul',
  jenisRegulasi: 'Jenis Regulasi',
} as const;

/** A severity override's row: `Tingkat aturan SOP-06` (read also as `severity.SOP-06`). */
export const severityLabel = (rule: string): string => `Tingkat aturan ${rule}`;
const SEVERITY_LABEL = /^tingkat aturan (.+)$/;

export const SEVERITY_WORDS: Readonly<Record<SeverityOverride, string>> = {
  error: 'galat',
  warning: 'peringatan',
  info: 'info',
  off: 'nonaktif',
};

const KEY_BY_LABEL = new Map<string, string>([
  ...Object.entries(PARAMETER_LABELS).map(([key, label]) => [normalise(label), key] as [string, string]),
  ...Object.entries(META_PARAMETERS).map(([key, label]) => [normalise(label), key] as [string, string]),
]);

/**
 * The JSON form's name of a `Parameter` row's name: a label becomes its key (`Jumlah kata minimal`
 * → `minWords`, `Tingkat aturan SOP-06` → `severity.SOP-06`, `Nama Referensi` → `nama`); any other
 * name (a key itself, an unknown one) is returned as written.
 */
export function parameterKey(name: string): string {
  const n = normalise(name);
  const known = KEY_BY_LABEL.get(n);
  if (known) return known;
  const severity = SEVERITY_LABEL.exec(n);
  // In its normalised form (`severity sop 06`), which is how the parameter reader matches it anyway.
  return severity ? `severity ${severity[1]}` : name;
}

/** A severity word as the JSON form has it (`galat` → `error`); other values unchanged (checked later). */
export function severityValue(value: string | number): string | number {
  if (typeof value !== 'string') return value;
  const n = normalise(value);
  const found = (Object.keys(SEVERITY_WORDS) as SeverityOverride[]).find(
    (k) => normalise(SEVERITY_WORDS[k]) === n,
  );
  return found ?? value;
}

/** A level as a planner reads it: its Indonesian label (the key when no level has it). */
export function levelText(kunci: string, levels: readonly TingkatPersetujuan[]): string {
  return levels.find((l) => l.kunci === kunci)?.label ?? kunci;
}

/** The key of a level written by key, Indonesian label or English label; the text as written when none matches (checked later). */
export function levelKey(text: string, levels: readonly TingkatPersetujuan[]): string {
  if (levels.some((l) => l.kunci === text)) return text;
  const n = normalise(text);
  return levels.find((l) => normalise(l.label) === n || normalise(l.labelEn) === n)?.kunci ?? text;
}
