/**
 * The audit report (audit.md): one CSV row per finding, open and accepted, of every workbook.
 * UTF-8 with BOM, RFC 4180 quoting, and no cell that a spreadsheet would run as a formula.
 */
import { Lang, findingMessage } from './messages';
import { stampFinding } from './rules/stamp';
import { FileValidation, IdentifiedFinding, identify, applySeverity, sortFindings } from './validate';
import { Reference } from './reference/model';

export const AUDIT_COLUMNS = [
  'Berkas', 'Perangkat Daerah', 'Stempel', 'Waktu Stempel', 'Hash Isi', 'ID', 'Aturan', 'Tingkat', 'Sel', 'Pesan', 'Status', 'Alasan', 'Pemeriksa',
] as const;

export const STAMP_WORDS = { valid: 'Sah', changed: 'Berubah', none: 'Tidak Ada' } as const;
export const SEVERITY_WORDS = { error: 'Galat', warning: 'Peringatan', info: 'Info' } as const;
export const STATUS_WORDS = { open: 'Terbuka', accepted: 'Diterima' } as const;

/** KON-04 for a readable workbook without a stamp, or whose content changed after stamping. */
export function stampFindings(v: FileValidation, reference: Reference): IdentifiedFinding[] {
  const f = stampFinding(v);
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

export function auditRows(files: readonly FileValidation[], lang: Lang): string[][] {
  const rows: string[][] = [];
  for (const v of files) {
    for (const f of v.findings) {
      rows.push([
        v.file,
        v.opd?.nama ?? v.opdText ?? '',
        STAMP_WORDS[v.stamp],
        v.stampInfo?.waktu ?? '',
        v.contentHash ?? '',
        f.id,
        f.rule,
        SEVERITY_WORDS[f.severity],
        f.cell ?? '',
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
  const lines = [[...AUDIT_COLUMNS], ...auditRows(files, lang)].map((r) => r.map(csvField).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
