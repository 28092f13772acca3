/** The JSON validation report (docs/spec/report-and-cli.md), exactly as other programs read it. */
import { Lang, findingHint, findingMessage } from './messages';
import { referenceId } from './reference/load';
import { Reference } from './reference/model';
import { RULES_VERSION, RuleId } from './rules/registry';
import { FileValidation, IgnoredDecision, StampStatus, countFindings } from './validate';
import { TOOL_NAME, TOOL_VERSION } from './version';
import { KEMBALI_SUFFIX, Keadaan, LevelStatus, Persetujuan, SetAsideReason } from './signoff';
import { Severity, FindingStatus, FindingValue, quoteValue } from './findings';
import type { Standing, YearSource } from './consolidation/selection';
import { innovationOf } from './innovation';
import { FileEstimate } from './iid/estimate';
import { Iid } from './iid/model';

export interface ReportFinding {
  id: string;
  rule: RuleId;
  severity: Severity;
  sheet: string | null;
  cell: string | null;
  row: number | null;
  column: string | null;
  /** The `nama` of the finding's innovation row as written (trimmed); absent outside the rows (docs/spec/report-and-cli.md). */
  inovasi?: string;
  value: FindingValue;
  message: string;
  hint: string | null;
  basis: string | null;
  status: FindingStatus;
}

/** The sign-off of one file (docs/spec/signoff.md). */
export interface ReportPersetujuan {
  /** The reached level's key, or null. */
  tingkat: string | null;
  dikembalikan: boolean;
  berubah: boolean;
  /** One entry per level, in level order; the other fields come from the level's latest row (null without one). */
  stempel: {
    tingkat: string;
    status: LevelStatus;
    waktu: string | null;
    oleh: string | null;
    jabatan: string | null;
  }[];
  /** One entry per level with a deadline (when the schedule applies to the file's year). */
  jadwal: { tingkat: string; batas: string; keadaan: Keadaan; hari: number }[];
  /**
   * `_stempel` rows that count for nothing (docs/spec/signoff.md, "Rows set aside"): a level the reference
   * does not define (`tingkatTidakDikenal`), or a row the tool could never have written. Present
   * only when there are some, so the common report keeps the spec's shape.
   */
  disisihkan?: {
    baris: number | null;
    tingkat: string;
    waktu: string | null;
    sebab: SetAsideReason | 'unknownLevel';
  }[];
}

export interface Stats {
  errors: number;
  warnings: number;
  infos: number;
  accepted: number;
}

export interface ReportFile {
  file: string;
  opd: string | null;
  opdCode: string | null;
  tahun: number | null;
  valid: boolean;
  rows: number;
  contentHash: string | null;
  /** The first level's status (version-1 meaning, kept for old readers). */
  stamp: StampStatus;
  persetujuan: ReportPersetujuan;
  /** Consolidation only (docs/spec/consolidation.md): whether the file counts, or why not. */
  konsolidasi?: Standing;
  /** Consolidation only: the file that supersedes this one (`konsolidasi` `diganti`). */
  digantiOleh?: string;
  stats: Stats;
  findings: ReportFinding[];
  /** IID readiness (docs/spec/iid.md): present only when the reference has `iid` and the file was read. */
  iid?: ReportIid;
  /** Decisions in the Temuan sheet that were ignored (no reason, no reviewer, or a rule that cannot be accepted). Present only when there are some. */
  decisionsIgnored?: IgnoredDecision[];
}

/** The `iid` of a file in the JSON report: an estimate (`perkiraan`) from the reference's `sumber`. */
export interface ReportIid {
  perkiraan: true;
  sumber: string;
  /** Innovations past MAX_IID_REPORTED, counted and not listed (present only then). */
  lainnya?: number;
  inovasi: {
    baris: number;
    nama: string;
    skorTerbukti: number;
    skorTerverifikasi: number;
    skorPotensial: number;
    kematangan: number;
    kematanganTerverifikasi: number;
    siap: boolean;
    indikator: {
      kode: string;
      terbukti: number | null;
      terverifikasi: number | null;
      turunan: number | null;
      bukti: { sesuai: number; perbaikan: number; tidakSesuai: number; belum: number };
    }[];
    kurang: string[];
  }[];
}

/**
 * Innovations listed per file in the report (an OPD reports a few hundred): past it they are
 * counted in `lainnya`, as findings are past MAX_FINDINGS_PER_FILE, so a 50,000-row sheet cannot
 * make a report of hundreds of megabytes.
 */
export const MAX_IID_REPORTED = 1000;

const hasSomething = (x: {
  terbukti: number | null;
  terverifikasi: number | null;
  turunan: number | null;
  bukti: { sesuai: number; perbaikan: number; tidakSesuai: number; belum: number };
}) =>
  x.terbukti !== null ||
  x.terverifikasi !== null ||
  x.turunan !== null ||
  x.bukti.sesuai + x.bukti.perbaikan + x.bukti.tidakSesuai + x.bukti.belum > 0;

/** The file's `iid`: per innovation the scores and, of its indicators, those with a level or evidence (the others are in `kurang`). */
export function reportIid(estimate: FileEstimate, iid: Iid): ReportIid {
  const listed = estimate.inovasi.slice(0, MAX_IID_REPORTED);
  return {
    perkiraan: true,
    sumber: iid.sumber,
    ...(estimate.inovasi.length > listed.length ? { lainnya: estimate.inovasi.length - listed.length } : {}),
    inovasi: listed.map((i) => ({
      baris: i.baris,
      nama: i.nama,
      skorTerbukti: i.skorTerbukti,
      skorTerverifikasi: i.skorTerverifikasi,
      skorPotensial: i.skorPotensial,
      kematangan: i.kematangan,
      kematanganTerverifikasi: i.kematanganTerverifikasi,
      siap: i.siap,
      indikator: i.indikator.filter(hasSomething).map((x) => ({
        kode: x.kode,
        terbukti: x.terbukti,
        terverifikasi: x.terverifikasi,
        turunan: x.turunan,
        bukti: { ...x.bukti },
      })),
      kurang: [...i.kurang],
    })),
  };
}

export interface ValidationReport {
  tool: string;
  toolVersion: string;
  rulesVersion: string;
  reference: string;
  validatedAt: string;
  lang: Lang;
  valid: boolean;
  /** Consolidation only: the consolidation year (null when none could be decided). */
  tahunKonsolidasi?: number | null;
  /** Consolidation only: how that year was chosen. */
  tahunDipilihDari?: YearSource;
  stats: { files: number; rows: number } & Stats;
  files: ReportFile[];
}

const optionalInovasi = (nama: string | null): { inovasi?: string } =>
  nama === null ? {} : { inovasi: nama };

export function reportFile(v: FileValidation, lang: Lang, iid?: Iid): ReportFile {
  const stats = countFindings(v.findings);
  const nameOf = innovationOf(v);
  const file: ReportFile = {
    file: v.file,
    opd: v.opd?.nama ?? v.opdText,
    opdCode: v.opd?.kode ?? null,
    tahun: v.tahun,
    valid: stats.errors === 0,
    rows: v.submission?.table?.rows.length ?? 0,
    contentHash: v.contentHash,
    stamp: v.stamp,
    persetujuan: reportPersetujuan(v.persetujuan),
    stats,
    findings: v.findings.map((f) => ({
      id: f.id,
      rule: f.rule,
      severity: f.severity,
      sheet: f.sheet,
      cell: f.cell,
      row: f.row,
      column: f.column,
      ...optionalInovasi(nameOf(f)),
      value: quoteValue(f.value),
      message: findingMessage(f, lang),
      hint: findingHint(f, lang),
      basis: f.basis,
      status: f.status,
    })),
  };
  if (v.iid && iid) file.iid = reportIid(v.iid, iid);
  if (v.ignoredDecisions.length) file.decisionsIgnored = [...v.ignoredDecisions];
  return file;
}

export function reportPersetujuan(p: Persetujuan): ReportPersetujuan {
  const out: ReportPersetujuan = {
    tingkat: p.tingkat,
    dikembalikan: p.dikembalikan,
    berubah: p.berubah,
    stempel: p.levels.map((l) => ({
      tingkat: l.level.kunci,
      status: l.status,
      waktu: l.row?.waktu ?? null,
      oleh: l.row?.oleh ?? null,
      jabatan: l.row?.jabatan ?? null,
    })),
    jadwal: p.jadwal.map((j) => ({ tingkat: j.tingkat, batas: j.batas, keadaan: j.keadaan, hari: j.hari })),
  };
  const aside = [...p.unknown.map((row) => ({ row, reason: 'unknownLevel' as const })), ...p.setAside].sort(
    (a, b) => (a.row.row ?? 0) - (b.row.row ?? 0),
  );
  if (aside.length)
    out.disisihkan = aside.map(({ row, reason }) => ({
      baris: row.row,
      tingkat: row.kembali ? `${row.tingkat}${KEMBALI_SUFFIX}` : row.tingkat,
      waktu: row.waktu,
      sebab: reason,
    }));
  return out;
}

export function buildReport(
  files: readonly FileValidation[],
  options: { reference: Reference; today: string; lang: Lang },
): ValidationReport {
  const reportFiles = files.map((f) => reportFile(f, options.lang, options.reference.iid));
  const stats = { files: reportFiles.length, rows: 0, errors: 0, warnings: 0, infos: 0, accepted: 0 };
  for (const f of reportFiles) {
    stats.rows += f.rows;
    stats.errors += f.stats.errors;
    stats.warnings += f.stats.warnings;
    stats.infos += f.stats.infos;
    stats.accepted += f.stats.accepted;
  }
  return {
    tool: TOOL_NAME,
    toolVersion: TOOL_VERSION,
    rulesVersion: RULES_VERSION,
    reference: referenceId(options.reference),
    validatedAt: options.today,
    lang: options.lang,
    valid: reportFiles.every((f) => f.valid),
    stats,
    files: reportFiles,
  };
}
