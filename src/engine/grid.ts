/**
 * The sheet grid: what every source (an .xlsx file, an Office.js range) is turned into before
 * parsing. Host-neutral on purpose: no Date objects (time zones) and no reader-specific types.
 */
import { utcIsoDay } from './isoDate';

/** A cell Excel shows as a date: kept as its serial number (days since 1899-12-30, fraction = time). */
export interface DateCell {
  readonly kind: 'date';
  readonly serial: number;
}

/** An error value such as `#REF!` or `#N/A`: never empty, never accepted. */
export interface ErrorCell {
  readonly kind: 'error';
  readonly code: string;
  /**
   * Set when the cell holds a formula with no saved result (a file written by a script and never
   * opened and saved in Excel): `code` is then `=` and the formula. Its value is unknown, so it is
   * treated as an error value, reported by its own rule (FMT-09) instead of the one the column has.
   */
  readonly noResult?: true;
}

export type CellValue = string | number | boolean | DateCell | ErrorCell | null;

export interface SheetGrid {
  /** The sheet's name as the workbook spells it. */
  readonly name: string;
  /** `rows[r][c]` is the cell at Excel row r+1, column c+1; missing entries are empty. */
  readonly rows: ReadonlyArray<ReadonlyArray<CellValue> | undefined>;
  readonly visibility?: 'visible' | 'hidden' | 'veryHidden';
}

export interface WorkbookGrid {
  /** Sheets in workbook order. */
  readonly sheets: readonly SheetGrid[];
}

export const dateCell = (serial: number): DateCell => ({ kind: 'date', serial });
export const errorCell = (code: string): ErrorCell => ({ kind: 'error', code });
export const noResultCell = (formula: string): ErrorCell => ({
  kind: 'error',
  code: '=' + formula,
  noResult: true,
});

export function isDateCell(v: CellValue): v is DateCell {
  return typeof v === 'object' && v !== null && v.kind === 'date';
}

export function isErrorCell(v: CellValue): v is ErrorCell {
  return typeof v === 'object' && v !== null && v.kind === 'error';
}

/** A formula with no saved result (see ErrorCell.noResult). */
export function isNoResultCell(v: CellValue): v is ErrorCell {
  return isErrorCell(v) && v.noResult === true;
}

export function cellAt(sheet: SheetGrid, row: number, col: number): CellValue {
  const r = sheet.rows[row];
  if (!r) return null;
  const v = r[col];
  return v === undefined ? null : v;
}

/** Excel column letters for a 0-based column index: 0 → A, 26 → AA. */
export function columnLetter(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 address for 0-based row and column. */
export function a1(row: number, col: number): string {
  return columnLetter(col) + String(row + 1);
}

/** 0-based column index for column letters: A → 0, AA → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** `C7`, `$C$7` → 0-based row and column; null when it is not one cell's A1 address (columns up to ZZZ). */
export function parseA1(cell: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(cell.trim());
  return m ? { row: Number(m[2]) - 1, col: columnIndex(m[1]) } : null;
}

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** ISO `YYYY-MM-DD` of an Excel date serial (1900 date system; the 1900 leap-year bug is before any date we accept). */
export function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const ms = EXCEL_EPOCH_UTC + Math.floor(serial) * MS_PER_DAY;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return null;
  const y = d.getUTCFullYear();
  if (y < 1 || y > 9999) return null;
  return utcIsoDay(d);
}

/** Excel serial of a calendar date (UTC, no time zone involved). */
export function isoToSerial(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - EXCEL_EPOCH_UTC) / MS_PER_DAY;
}
