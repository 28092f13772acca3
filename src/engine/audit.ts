/**
 * The audit report (docs/spec/audit.md): one CSV row per finding, open and accepted, of every workbook.
 * UTF-8 with BOM, RFC 4180 quoting, and no cell that a spreadsheet would run as a formula.
 */
import { Lang, SEVERITY_WORDS as ALL_SEVERITY_WORDS, findingMessage } from './messages';
import { stampFinding } from './rules/stamp';
import { FileValidation, IdentifiedFinding, identify, applySeverity, sortFindings } from './validate';
import { DEFAULT_TINGKAT, Reference, TingkatPersetujuan } from './reference/model';
import { chainWord } from './signoff';
import { innovationOf, sheetCell } from './innovation';

/** Columns before the per-level `Waktu <label>` columns. */
export const AUDIT_LEAD_COLUMNS = ['Berkas', 'Perangkat Daerah', 'Tingkat Persetujuan'] as const;
/**
 * Columns after them. `Jenis` is the severity (was `Tingkat`, a word now kept for the sign-off
 * level); `Sel` names its sheet (`Inovasi!N4`) and `Nama Inovasi` the row's innovation
 * (docs/spec/report-and-cli.md, revised 2026-12-07).
 */
export const AUDIT_TAIL_COLUMNS = ['Hash Isi', 'ID', 'Aturan', 'Jenis', 'Sel', 'Nama Inovasi', 'Pesan', 'Status', 'Alasan', 'Pemeriksa'] as const;

/** The audit CSV's columns for these levels (docs/spec/signoff.md): `Stempel` and `Waktu Stempel` became `Tingkat Persetujuan` and `Waktu <label>` per level. */
export function auditColumns(levels: readonly TingkatPersetujuan[] = DEFAULT_TINGKAT): string[] {
  return [...AUDIT_LEAD_COLUMNS, ...levels.map((l) => `Waktu ${l.label}`), ...AUDIT_TAIL_COLUMNS];
}

/** The columns for the default levels. */
export const AUDIT_COLUMNS: readonly string[] = auditColumns();

export const STAMP_WORDS = { valid: 'Sah', changed: 'Berubah', none: 'Tidak Ada' } as const;
/** The severity column of the audit CSV and of the `Temuan` sheet: the Indonesian word in either language. */
export const SEVERITY_WORDS = ALL_SEVERITY_WORDS.id;
export const STATUS_WORDS = { open: 'Terbuka', accepted: 'Diterima' } as const;

/** KON-04 for a readable workbook below the required level, or whose content changed after stamping. */
export function stampFindings(v: FileValidation, reference: Reference): IdentifiedFinding[] {
  const f = stampFinding(v, reference);
  return f ? identify(applySeverity([f], reference), new Map()).findings : [];
}

/** The file with its KON-04 finding added (as `consolidate` and `audit` report it). */
export function withStampFinding(v: FileValidation, reference: Reference): FileValidation {
  const extra = stampFindings(v, reference);
  return extra.length ? { ...v, findings: sortFindings([...v.findings, ...extra], v.submission) } : v;
}

/** A text a spreadsheet could run as a formula gets a leading `'`. */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvField(value: string): string {
  const safe = neutralise(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The levels of the files (they all come from one reference), or the default ones. */
const levelsOf = (files: readonly FileValidation[]): readonly TingkatPersetujuan[] =>
  files[0]?.persetujuan.levels.map((l) => l.level) ?? DEFAULT_TINGKAT;

export function auditRows(files: readonly FileValidation[], lang: Lang): string[][] {
  const rows: string[][] = [];
  const levels = levelsOf(files);
  for (const v of files) {
    // `Waktu <label>`: the time of that level's latest stamp, whatever its status (the status is in Tingkat Persetujuan).
    const times = levels.map((l) => v.persetujuan.levels.find((c) => c.level.kunci === l.kunci)?.row?.waktu ?? '');
    const nameOf = innovationOf(v);
    for (const f of v.findings) {
      rows.push([
        v.file,
        v.opd?.nama ?? v.opdText ?? '',
        chainWord(v.persetujuan),
        ...times,
        v.contentHash ?? '',
        f.id,
        f.rule,
        SEVERITY_WORDS[f.severity],
        sheetCell(f.sheet, f.cell),
        nameOf(f) ?? '',
        findingMessage(f, lang),
        STATUS_WORDS[f.status],
        f.decision?.reason ?? '',
        f.decision?.reviewer ?? '',
      ]);
    }
  }
  return rows;
}

export function auditCsv(files: readonly FileValidation[], lang: Lang): string {
  const lines = [auditColumns(levelsOf(files)), ...auditRows(files, lang)].map((r) => r.map(csvField).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
