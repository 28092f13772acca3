/**
 * What the flags of a validation are, as plain data (no Office.js here): which cells get which
 * colour and note, the `Status Validasi` text of each data row, the rows of the `Temuan` sheet,
 * and the records of the tool-owned, very hidden `_tanda` sheet that remember each flagged cell's
 * own fill so that *Hapus Tanda* can restore it exactly.
 */
import { SEVERITY_WORDS, STATUS_WORDS } from '../engine/audit';
import { CellValue, SheetGrid, WorkbookGrid, parseA1 } from '../engine/grid';
import { quoteValue } from '../engine/findings';
import { innovationOf } from '../engine/innovation';
import {
  Lang,
  SEVERITY_WORDS as SEVERITY_WORDS_BY_LANG,
  findingHint,
  findingMessage,
} from '../engine/messages';
import { ADDIN_TEXTS } from './texts';
import { findSheet } from '../engine/parse';
import { SHEET_TEMUAN } from '../engine/schema';
import { Decision, FileValidation, IdentifiedFinding, readDecisions } from '../engine/validate';
import { cellText } from '../engine/values';
import { cssColour } from '../engine/design/palette';
import { SHEET_DAFTAR } from '../engine/design/template';
import { letters } from './chunks';

/** Fill of a cell with an open error / warning (Excel's "bad" and "neutral" styles). */
export const FLAG_FILL = { error: cssColour('red'), warning: cssColour('amber') } as const;

export const SHEET_TANDA = '_tanda';
export { SHEET_DAFTAR };
/** A new `Temuan` is written under this prefix, then renamed over the old one in one step. */
export const STAGING_PREFIX = '_temuan_';

/**
 * The submission's `Temuan` sheet (docs/spec/audit.md, revised 2026-12-07): `Jenis` is the severity (was
 * `Tingkat`, a word now kept for the sign-off level; decisions are read back by header, so an older
 * sheet still reads); `Nama Inovasi` names the finding's innovation row.
 */
export const TEMUAN_COLUMNS = [
  'ID',
  'Aturan',
  'Jenis',
  'Lembar',
  'Sel',
  'Baris',
  'Nama Inovasi',
  'Kolom',
  'Nilai',
  'Pesan',
  'Saran',
  'Dasar',
  'Status',
  'Alasan',
  'Pemeriksa',
  'Tanggal Keputusan',
] as const;
/** Temuan columns holding text a user typed or that Excel would read as a number or date: formatted as text. */
export const TEMUAN_TEXT_COLUMNS: readonly number[] = [
  'ID',
  'Nilai',
  'Alasan',
  'Pemeriksa',
  'Tanggal Keputusan',
].map((c) => (TEMUAN_COLUMNS as readonly string[]).indexOf(c));
export const TEMUAN_STATUS_COLUMN = (TEMUAN_COLUMNS as readonly string[]).indexOf('Status');
export const TEMUAN_WIDTHS = [14, 9, 11, 12, 7, 7, 30, 24, 24, 60, 40, 40, 11, 36, 20, 16];

export const RIWAYAT_COLUMNS = [
  'Waktu',
  'Peristiwa',
  'Oleh',
  'ID',
  'Aturan',
  'Sel',
  'Alasan',
  'Rincian',
] as const;

const key = (sheet: string, cell: string) => `${sheet.toLowerCase()}!${cell.toUpperCase()}`;
export const cellKey = key;

// --- Cell flags --------------------------------------------------------------------------------

export interface CellFlag {
  readonly sheet: string;
  /** A1, upper case, no `$`. */
  readonly cell: string;
  readonly row: number;
  readonly col: number;
  readonly color: string;
  /** The note text (messages of the cell's open findings). */
  readonly note: string;
}

const NOTE_LIMIT = 2000;

/** The note of a cell: one line per open finding, with its hint. */
export function noteText(findings: readonly IdentifiedFinding[], lang: Lang): string {
  const words = ADDIN_TEXTS[lang];
  const lines: string[] = [];
  for (const f of findings) {
    lines.push(`${SEVERITY_WORDS_BY_LANG[lang][f.severity]} ${f.rule}: ${findingMessage(f, lang)}`);
    const hint = findingHint(f, lang);
    if (hint) lines.push(`${words.hint}: ${hint}`);
  }
  const text = lines.join('\n');
  return text.length <= NOTE_LIMIT ? text : text.slice(0, NOTE_LIMIT - 1) + '…';
}

/** Cells of open errors and warnings, coloured by their worst severity, in sheet/row/column order. */
export function planCellFlags(v: FileValidation, lang: Lang): CellFlag[] {
  const byCell = new Map<
    string,
    { sheet: string; cell: string; row: number; col: number; findings: IdentifiedFinding[] }
  >();
  for (const f of v.findings) {
    if (f.status !== 'open' || f.severity === 'info' || !f.sheet || !f.cell) continue;
    const at = parseA1(f.cell);
    if (!at) continue;
    const cell = f.cell.replace(/\$/g, '').toUpperCase();
    const k = key(f.sheet, cell);
    let entry = byCell.get(k);
    if (!entry) {
      entry = { sheet: f.sheet, cell, ...at, findings: [] };
      byCell.set(k, entry);
    }
    entry.findings.push(f);
  }
  return [...byCell.values()]
    .sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row || a.col - b.col)
    .map((e) => ({
      sheet: e.sheet,
      cell: e.cell,
      row: e.row,
      col: e.col,
      color: e.findings.some((f) => f.severity === 'error') ? FLAG_FILL.error : FLAG_FILL.warning,
      note: noteText(e.findings, lang),
    }));
}

// --- Status Validasi ---------------------------------------------------------------------------

export function statusText(errors: number, warnings: number, lang: Lang): string {
  const t = ADDIN_TEXTS[lang];
  if (errors === 0 && warnings === 0) return t.ready;
  const parts: string[] = [];
  if (errors) parts.push(t.errors(errors));
  if (warnings) parts.push(t.warnings(warnings));
  return parts.join(', ');
}

export interface StatusPlan {
  readonly sheet: string;
  /** 0-based column of `Status Validasi`. */
  readonly col: number;
  /** 1-based header row. */
  readonly headerRow: number;
  /** True when the sheet has no `Status Validasi` column yet: the header is written too. */
  readonly newColumn: boolean;
  /** Texts for rows headerRow+1 … headerRow+texts.length ('' for rows that are not data rows). */
  readonly texts: string[];
}

/** The `Status Validasi` column: one text per data row of the submission table. */
export function planStatus(v: FileValidation, lang: Lang, grid: WorkbookGrid | null): StatusPlan | null {
  const table = v.submission?.table;
  if (!table) return null;
  let col = table.columns.get('status');
  const newColumn = col === undefined;
  if (col === undefined) {
    // The first column right of every header cell (known or not).
    const header = grid ? findSheet(grid, table.sheet)?.rows[table.headerRow - 1] : undefined;
    let last = Math.max(-1, ...table.columns.values());
    header?.forEach((h, c) => {
      if (h !== null && h !== undefined && cellText(h) !== '') last = Math.max(last, c);
    });
    col = last + 1;
  }
  const counts = new Map<number, { e: number; w: number }>();
  for (const f of v.findings) {
    if (f.status !== 'open' || f.sheet !== table.sheet || f.row === null || f.row <= table.headerRow)
      continue;
    const c = counts.get(f.row) ?? { e: 0, w: 0 };
    if (f.severity === 'error') c.e++;
    else if (f.severity === 'warning') c.w++;
    counts.set(f.row, c);
  }
  const last = table.rows.reduce((m, r) => Math.max(m, r.row), table.headerRow);
  const texts = Array.from({ length: last - table.headerRow }, () => '');
  for (const r of table.rows) {
    const c = counts.get(r.row) ?? { e: 0, w: 0 };
    texts[r.row - table.headerRow - 1] = statusText(c.e, c.w, lang);
  }
  return { sheet: table.sheet, col, headerRow: table.headerRow, newColumn, texts };
}

const STATUS_TEXT = /^(Siap|Ready|\d+ (galat|peringatan|errors?|warnings?)(, \d+ (peringatan|warnings?))?)$/;

/** Is this a text the tool writes in `Status Validasi` (or empty)? Only such cells are ever cleared. */
export function isStatusText(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (typeof v === 'string' && STATUS_TEXT.test(v.trim()));
}

/**
 * The values that clear a status range: '' where the cell holds a status text, null (leave as
 * is) where it holds anything else — the range may have shifted onto the user's data.
 */
export function statusClearing(current: ReadonlyArray<ReadonlyArray<unknown>>): ('' | null)[][] {
  return current.map((row) => row.map((v) => (isStatusText(v) ? '' : null)));
}

export function statusRange(plan: Pick<StatusPlan, 'col' | 'headerRow'>, rows: number): string {
  const l = letters(plan.col);
  return `${l}${plan.headerRow + 1}:${l}${plan.headerRow + Math.max(rows, 1)}`;
}

// --- Temuan ------------------------------------------------------------------------------------

export type TemuanCell = string | number;

/** The auditor's decision as typed (also when invalid and so ignored), by finding id. */
export function typedDecisions(grid: WorkbookGrid | null): Map<string, Decision> {
  return grid ? (readDecisions(grid) as Map<string, Decision>) : new Map();
}

/**
 * The `Temuan` rows of a validation (header included). Decisions carry over by id: a valid one is
 * on the finding; one that was ignored (no reason, no reviewer, not acceptable) is written back as
 * the auditor typed it, so it can be completed rather than silently lost.
 */
export function temuanRows(
  v: FileValidation,
  lang: Lang,
  typed: ReadonlyMap<string, Decision>,
): TemuanCell[][] {
  const ignored = new Set(v.ignoredDecisions.map((d) => d.id));
  const rows: TemuanCell[][] = [[...TEMUAN_COLUMNS]];
  const nameOf = innovationOf(v);
  for (const f of v.findings) {
    const d = f.decision ?? (ignored.has(f.id) ? (typed.get(f.id) ?? null) : null);
    rows.push([
      f.id,
      f.rule,
      SEVERITY_WORDS[f.severity],
      f.sheet ?? '',
      f.cell ?? '',
      f.row ?? '',
      nameOf(f) ?? '',
      f.column ?? '',
      f.value === null ? '' : String(quoteValue(f.value)), // shortened as in the report (issue 15)
      findingMessage(f, lang),
      findingHint(f, lang) ?? '',
      f.basis ?? '',
      STATUS_WORDS[d ? d.status : f.status],
      d?.reason ?? '',
      d?.reviewer ?? '',
      d?.date ?? '',
    ]);
  }
  return rows;
}

/** Does the workbook's `Temuan` already hold exactly these rows? Then it is not rewritten. */
export function sameTemuan(grid: WorkbookGrid | null, rows: readonly (readonly TemuanCell[])[]): boolean {
  const sheet = grid ? findSheet(grid, SHEET_TEMUAN) : undefined;
  if (!sheet) return false;
  const present = sheet.rows.reduce((n, r, i) => (r && r.some((c) => cellText(c) !== '') ? i + 1 : n), 0);
  if (present !== rows.length) return false;
  return rows.every((row, r) =>
    row.every((v, c) => cellText(sheet.rows[r]?.[c] ?? null) === String(v).trim()),
  );
}

/** The grid of a sheet written from rows (to keep the adapter's snapshot current). */
export function gridOf(
  name: string,
  rows: readonly (readonly (string | number)[])[],
  visibility: SheetGrid['visibility'] = 'visible',
): SheetGrid {
  return { name, visibility, rows: rows.map((r) => r.map((v): CellValue => (v === '' ? null : v))) };
}

// --- _tanda: what the tool changed ---------------------------------------------------------------

/** A fill as read back; pattern `None` is no fill. */
export interface FillState {
  readonly color: string;
  readonly pattern: string;
  readonly patternColor: string;
}

export const NO_FILL: FillState = { color: '', pattern: 'None', patternColor: '' };

export interface CellMark {
  readonly sheet: string;
  readonly cell: string;
  /** The cell's own fill before the tool coloured it. */
  readonly original: FillState;
  /** The colour the tool applied. */
  readonly flag: string;
  /** Hash of the tool's note on the cell, or '' when it has none. */
  readonly note: string;
}

export interface StatusMark {
  readonly sheet: string;
  /** The `Status Validasi` cells written (`AF2:AF5001`). */
  readonly range: string;
}

export interface Marks {
  readonly cells: readonly CellMark[];
  readonly status: readonly StatusMark[];
}

export const NO_MARKS: Marks = { cells: [], status: [] };

export const TANDA_COLUMNS = ['Jenis', 'Lembar', 'Sel', 'Isi Asli', 'Tanda', 'Catatan'] as const;

/** A fill in one cell of `_tanda`: '' for no fill, `#RRGGBB` for a solid fill, else `#RRGGBB Pattern #RRGGBB`. */
export function encodeFill(f: FillState): string {
  if (f.pattern === 'None') return '';
  return f.pattern === 'Solid' ? f.color : `${f.color} ${f.pattern} ${f.patternColor}`.trim();
}

export function decodeFill(text: string): FillState {
  const [color, pattern, patternColor] = text.trim().split(/\s+/);
  if (!color) return NO_FILL;
  return { color, pattern: pattern || 'Solid', patternColor: patternColor ?? '' };
}

export function encodeMarks(marks: Marks): string[][] {
  return [
    [...TANDA_COLUMNS],
    ...marks.status.map((s) => ['status', s.sheet, s.range, '', '', '']),
    ...marks.cells.map((m) => ['isi', m.sheet, m.cell, encodeFill(m.original), m.flag, m.note]),
  ];
}

export function decodeMarks(sheet: SheetGrid | undefined): Marks {
  if (!sheet) return NO_MARKS;
  const cells: CellMark[] = [];
  const status: StatusMark[] = [];
  sheet.rows.forEach((row, r) => {
    if (r === 0 || !row) return;
    const t = (c: number) => cellText(row[c] ?? null);
    if (t(0) === 'status' && t(1) && t(2)) status.push({ sheet: t(1), range: t(2) });
    else if (t(0) === 'isi' && t(1) && parseA1(t(2))) {
      cells.push({
        sheet: t(1),
        cell: t(2).toUpperCase(),
        original: decodeFill(t(3)),
        flag: t(4),
        note: t(5),
      });
    }
  });
  return { cells, status };
}

/** A short hash of a note's text (FNV-1a, 32 bits, with the length), `h` + hex so Excel keeps it as text. */
export function noteHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `h${text.length.toString(16)}x${h.toString(16).padStart(8, '0')}`;
}
