/**
 * The city summary's plain data (spec: docs/spec/consolidation.md): typed cells, tables, the
 * consolidated files, and what every sheet module of the registry (sheets/index.ts) builds from.
 * No writer lives here: the command line's and the add-in's writers only lay these tables out.
 */
import { Finding } from '../findings';
import { Lang } from '../messages';
import { SubmissionRow, okValueOf } from '../parse';
import { ReferenceIndex } from '../reference/index';
import type { ReplicationResult } from '../replication/model';
import { Reference } from '../reference/model';
import { ValidationReport } from '../report';
import { ColumnKey } from '../schema';
import { FileValidation } from '../validate';
import type { ConsolidationYear, Standing } from '../consolidation/selection';

/** A date cell of a summary sheet: ISO `YYYY-MM-DD` (or `YYYY-MM-DDTHH:MM:SS`, UTC). Writers make a real date of it. */
export interface SummaryDate {
  readonly date: string;
}

export type SummaryCell = string | number | SummaryDate | null;

export const summaryDate = (iso: string): SummaryDate => ({ date: iso });

export function isSummaryDate(v: SummaryCell): v is SummaryDate {
  return typeof v === 'object' && v !== null && typeof v.date === 'string';
}

export interface SummaryRow {
  readonly cells: readonly SummaryCell[];
  /** A total (or other summing) row, shown bold. */
  readonly total?: boolean;
}

export interface SummaryTable {
  readonly columns: readonly string[];
  readonly rows: readonly SummaryRow[];
  /**
   * Notes below a sheet's table (one column of sentences): their texts run on across the empty
   * cells to their right instead of wrapping, and set no column's width (`Kesiapan IID`'s notes
   * made its `Kode OPD` column 40 characters wide and its rows eight lines tall).
   */
  readonly note?: boolean;
  /**
   * The 0-based sheet column the table starts in (default 0): a small table below a wide one sits
   * under the columns of its meaning (`Rekap Persetujuan`'s level labels under `Perangkat
   * Daerah`), so its labels do not widen the wide table's `No` column.
   */
  readonly firstColumn?: number;
}

/** An OPD row's status (docs/spec/consolidation.md, `Rekap OPD`). */
export type OpdStatus = 'Siap' | 'Perlu Perbaikan' | 'Konflik' | 'Berkas Tidak Dihitung' | 'Belum Mengirim';

/**
 * What a file is to the summary, coarsely: counted, superseded by a revision (KON-02), set aside
 * for another reason (another year or none, a conflict, an unknown OPD), or unreadable (KON-03).
 * `standing` says which exactly.
 */
export type FileRole = 'counted' | 'superseded' | 'setAside' | 'unreadable';

export interface ConsolidatedFile {
  readonly file: string;
  readonly size: number;
  readonly sha256: string | null;
  /** The validation with the cross-workbook findings added. */
  readonly validation: FileValidation;
  readonly role: FileRole;
  readonly standing: Standing;
  /** A counting file: `Siap` or `Perlu Perbaikan`; any other: its standing's word (`Diganti`, `Tahun Lain`, …). */
  readonly status: string;
  /** The winning file's name, for a superseded file. */
  readonly supersededBy: string | null;
  /** The files of a conflict (KON-08), this one included. */
  readonly conflictWith: readonly string[];
}

/**
 * What a summary sheet is built from: the consolidation's result (files with their KON findings,
 * roles and statuses) and its settings. A new sheet module reads what it needs from here.
 */
export interface SummarySource {
  readonly reference: Reference;
  readonly index: ReferenceIndex;
  /** Validation date `YYYY-MM-DD`. */
  readonly today: string;
  readonly lang: Lang;
  /** When the consolidation ran, ISO date or date-time. */
  readonly consolidatedAt: string;
  /** The consolidation year and how it was chosen. */
  readonly tahun: ConsolidationYear;
  /** Every file in input order. */
  readonly entries: readonly ConsolidatedFile[];
  /** The counted files in `Rekap OPD` order (reference OPDs in reference order, then the others in input order). */
  readonly ordered: readonly ConsolidatedFile[];
  /** The files that do not count, in `Rekap OPD`'s order (by status, then file name). */
  readonly others: readonly ConsolidatedFile[];
  /** The JSON validation report of the run. */
  readonly report: ValidationReport;
  /** The replication catalogue and links over the counting files (docs/spec/replication.md). */
  readonly replikasi: ReplicationResult;
}

/** An output sheet's data: its tables one below the other, a blank row between; the first one's header is row 1 (frozen). */
export interface SummarySheetData {
  readonly name: string;
  readonly tables: readonly SummaryTable[];
  /** Which table gets the sheet's autofilter. */
  readonly filterTable: number;
}

/** Rows of a table as records keyed by column label (for readers and tests). */
export function tableRecords(table: SummaryTable): Record<string, SummaryCell>[] {
  return table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c, r.cells[i] ?? null])));
}

/** Characters a cell's value takes on one line. */
export function cellWidth(v: SummaryCell): number {
  if (v === null) return 0;
  if (isSummaryDate(v)) return v.date.length > 10 ? 16 : 10;
  if (typeof v === 'number')
    return Number.isInteger(v) ? String(v).length + Math.floor(String(v).length / 3) : 12;
  return v.length;
}

/** The widest a measured column gets (characters): a SHA-256 digest (64) and its margin, in `Info Konsolidasi`. */
export const MAX_COLUMN_WIDTH = 66;

/** Column widths in characters: the widest header or value, between 5 and MAX_COLUMN_WIDTH. */
export function columnWidths(sheet: Pick<SummarySheetData, 'tables'>): number[] {
  const widths: number[] = [];
  for (const t of sheet.tables) {
    if (t.note) continue;
    const at = t.firstColumn ?? 0;
    t.columns.forEach((c, i) => (widths[at + i] = Math.max(widths[at + i] ?? 0, c.length + 2)));
    for (const r of t.rows)
      r.cells.forEach((v, i) => (widths[at + i] = Math.max(widths[at + i] ?? 0, cellWidth(v) + 2)));
  }
  return Array.from(widths, (w) => Math.min(MAX_COLUMN_WIDTH, Math.max(5, w ?? 0)));
}

// ---------------------------------------------------------------------------------------------
// Helpers the sheet modules share

export const okValue = (row: SubmissionRow, key: ColumnKey): string | number | null => okValueOf(row, key);

export const rowsOf = (e: ConsolidatedFile): readonly SubmissionRow[] =>
  e.validation.submission?.table?.rows ?? [];

export const opdCode = (e: ConsolidatedFile): string | null => e.validation.opd?.kode ?? null;
export const opdName = (e: ConsolidatedFile): string | null => e.validation.opd?.nama ?? e.validation.opdText;

/** Rows of the file's innovation table with a finding of `rule`. */
export function rowsWithRule(e: ConsolidatedFile, rule: string): Set<number> {
  const sheet = e.validation.submission?.table?.sheet;
  return new Set(
    e.validation.findings
      .filter((f: Finding) => f.rule === rule && f.sheet === sheet && f.row !== null)
      .map((f) => f.row!),
  );
}

/** Open errors and warnings per row of the file's innovation table. */
export function openCountsByRow(e: ConsolidatedFile): Map<number, { errors: number; warnings: number }> {
  const sheet = e.validation.submission?.table?.sheet;
  const counts = new Map<number, { errors: number; warnings: number }>();
  for (const f of e.validation.findings) {
    if (f.sheet !== sheet || f.row === null || f.status !== 'open' || f.severity === 'info') continue;
    const c = counts.get(f.row) ?? { errors: 0, warnings: 0 };
    if (f.severity === 'error') c.errors++;
    else c.warnings++;
    counts.set(f.row, c);
  }
  return counts;
}
