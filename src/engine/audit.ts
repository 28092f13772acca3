/**
 * The audit report (docs/spec/audit.md): one row per finding, open and accepted, of every workbook.
 * Two forms of the same rows: a CSV (UTF-8 with BOM, RFC 4180 quoting, and no cell that a
 * spreadsheet would run as a formula) for other programs, and a workbook (a document of
 * document.ts) that Excel opens in any regional setting (docs/spec/report-and-cli.md). With `en`
 * every heading and word is English; the Indonesian form is the spec's.
 */
import { Lang, SEVERITY_WORDS as ALL_SEVERITY_WORDS, findingMessage } from './messages';
import { stampFinding } from './rules/stamp';
import { FileValidation, IdentifiedFinding, identify, applySeverity, sortFindings } from './validate';
import { DEFAULT_TINGKAT, Reference, TingkatPersetujuan } from './reference/model';
import { chainWord } from './signoff';
import { DocumentModel } from './document';
import { innovationOf, sheetCell } from './innovation';

/** Columns before the per-level `Waktu <label>` columns. */
export const AUDIT_LEAD_COLUMNS = ['Berkas', 'Perangkat Daerah', 'Tingkat Persetujuan'] as const;
/**
 * Columns after them. `Jenis` is the severity (was `Tingkat`, a word now kept for the sign-off
 * level); `Sel` names its sheet (`Inovasi!N4`) and `Nama Inovasi` the row's innovation
 * (docs/spec/report-and-cli.md, revised 2026-12-07).
 */
export const AUDIT_TAIL_COLUMNS = [
  'Hash Isi',
  'ID',
  'Aturan',
  'Jenis',
  'Sel',
  'Nama Inovasi',
  'Pesan',
  'Status',
  'Alasan',
  'Pemeriksa',
] as const;

export const STAMP_WORDS = { valid: 'Sah', changed: 'Berubah', none: 'Tidak Ada' } as const;
/** The severity column of the `Temuan` sheet: the Indonesian word in either language (the audit report's follows its language). */
export const SEVERITY_WORDS = ALL_SEVERITY_WORDS.id;
export const STATUS_WORDS = { open: 'Terbuka', accepted: 'Diterima' } as const;

/** The words of the audit report per language (headings, severity and status words, the workbook's titles). */
const AUDIT_WORDS = {
  id: {
    lead: AUDIT_LEAD_COLUMNS,
    time: (l: TingkatPersetujuan) => `Waktu ${l.label}`,
    tail: AUDIT_TAIL_COLUMNS,
    severity: ALL_SEVERITY_WORDS.id,
    status: STATUS_WORDS,
    sheet: 'Laporan Audit',
    title: 'Laporan Audit Inovasi Daerah',
    reference: 'Referensi',
    date: 'Tanggal Validasi',
    counts: (findings: number, files: number) => `${findings} temuan dari ${files} berkas`,
    total: 'Jumlah',
    none: 'Tidak ada temuan.',
  },
  en: {
    lead: ['File', 'Agency', 'Sign-off level'],
    time: (l: TingkatPersetujuan) => `Time ${l.labelEn}`,
    tail: [
      'Content hash',
      'ID',
      'Rule',
      'Severity',
      'Cell',
      'Innovation',
      'Message',
      'Status',
      'Reason',
      'Reviewer',
    ],
    severity: ALL_SEVERITY_WORDS.en,
    status: { open: 'Open', accepted: 'Accepted' },
    sheet: 'Audit Report',
    title: 'Regional Innovation Audit Report',
    reference: 'Reference',
    date: 'Validation date',
    counts: (findings: number, files: number) => `${findings} findings from ${files} files`,
    total: 'Total',
    none: 'No findings.',
  },
} as const;

/** The audit workbook's one sheet, per language (the command line recognises its own output by it). */
export const AUDIT_SHEETS = { id: AUDIT_WORDS.id.sheet, en: AUDIT_WORDS.en.sheet } as const;

/** The audit CSV's columns for these levels (docs/spec/signoff.md): `Stempel` and `Waktu Stempel` became `Tingkat Persetujuan` and `Waktu <label>` per level. */
export function auditColumns(
  levels: readonly TingkatPersetujuan[] = DEFAULT_TINGKAT,
  lang: Lang = 'id',
): string[] {
  const w = AUDIT_WORDS[lang];
  return [...w.lead, ...levels.map(w.time), ...w.tail];
}

/** The columns for the default levels. */
export const AUDIT_COLUMNS: readonly string[] = auditColumns();

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
  const w = AUDIT_WORDS[lang];
  const rows: string[][] = [];
  const levels = levelsOf(files);
  for (const v of files) {
    // `Waktu <label>`: the time of that level's latest stamp, whatever its status (the status is in Tingkat Persetujuan).
    const times = levels.map(
      (l) => v.persetujuan.levels.find((c) => c.level.kunci === l.kunci)?.row?.waktu ?? '',
    );
    const nameOf = innovationOf(v);
    for (const f of v.findings) {
      rows.push([
        v.file,
        v.opd?.nama ?? v.opdText ?? '',
        chainWord(v.persetujuan, lang),
        ...times,
        v.contentHash ?? '',
        f.id,
        f.rule,
        w.severity[f.severity],
        sheetCell(f.sheet, f.cell),
        nameOf(f) ?? '',
        findingMessage(f, lang),
        w.status[f.status],
        f.decision?.reason ?? '',
        f.decision?.reviewer ?? '',
      ]);
    }
  }
  return rows;
}

export function auditCsv(files: readonly FileValidation[], lang: Lang): string {
  const lines = [auditColumns(levelsOf(files), lang), ...auditRows(files, lang)].map((r) =>
    r.map(csvField).join(','),
  );
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** Widths (characters) of the audit workbook's columns: lead, one per level, then the tail. */
const LEAD_WIDTHS = [24, 28, 20];
const TIME_WIDTH = 21;
const TAIL_WIDTHS = [24, 14, 9, 11, 14, 30, 60, 10, 30, 20];

export interface AuditDocumentOptions {
  /** The region named in the page header (the reference's `daerah.nama`). */
  readonly region: string;
  /** The reference id and the validation date, named at the top. */
  readonly reference: string;
  readonly date: string;
  readonly lang: Lang;
  /** The file name the document suggests (the command line writes to the name given instead). */
  readonly fileName?: string;
}

/** The audit report as a workbook: a title, the reference, date and counts, then the table of every finding. */
export function auditDocument(files: readonly FileValidation[], o: AuditDocumentOptions): DocumentModel {
  const w = AUDIT_WORDS[o.lang];
  const levels = levelsOf(files);
  const rows = auditRows(files, o.lang);
  const columns = auditColumns(levels, o.lang);
  const widths = [...LEAD_WIDTHS, ...levels.map(() => TIME_WIDTH), ...TAIL_WIDTHS];
  // Every cell wraps, and so is top-aligned like the long texts beside it (as the feedback workbook's).
  const wrap = widths.map(() => true);
  return {
    fileName: o.fileName ?? (o.lang === 'en' ? 'audit-report.xlsx' : 'laporan-audit.xlsx'),
    sheets: [
      {
        name: w.sheet,
        blocks: [
          { kind: 'title', text: w.title },
          {
            kind: 'fields',
            rows: [
              [w.reference, o.reference],
              [w.date, o.date],
              [w.total, w.counts(rows.length, files.length)],
            ],
          },
          { kind: 'gap', rows: 1 },
          // Empty cells stay empty (null), so a filter on a column shows "(Blanks)" rather than "".
          {
            kind: 'table',
            columns,
            rows: rows.map((r) => r.map((v) => (v === '' ? null : v))),
            wrap,
            emptyNote: w.none,
          },
        ],
        widths,
        print: { title: w.sheet, context: { region: o.region, year: null, lang: o.lang, printedOn: o.date } },
      },
    ],
  };
}
