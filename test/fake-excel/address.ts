/**
 * A1 addressing for the fake Excel host: `A1`, `$A$1`, `A1:C3`, `Inovasi!A1:C3`,
 * `'Sheet one'!B2`, whole columns `A:C` and whole rows `3:5`. No dependencies (runs in a browser).
 */

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** A rectangle of 0-based, inclusive cell coordinates. */
export interface Rect {
  readonly r0: number;
  readonly c0: number;
  readonly r1: number;
  readonly c1: number;
}

export interface ParsedAddress extends Rect {
  /** The sheet named in the address (`Inovasi!A1`), unquoted; null when none. */
  readonly sheet: string | null;
}

/** Column letters for a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based index of column letters: A → 0, AA → 26. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellA1(row: number, col: number): string {
  return columnLetters(col) + String(row + 1);
}

/** `A1:C3`, `A1` for one cell, `A:C` / `3:5` for whole columns / rows. */
export function rectA1(rect: Rect): string {
  const wholeCols = rect.r0 === 0 && rect.r1 === MAX_ROWS - 1;
  const wholeRows = rect.c0 === 0 && rect.c1 === MAX_COLS - 1;
  if (wholeCols && !wholeRows) return `${columnLetters(rect.c0)}:${columnLetters(rect.c1)}`;
  if (wholeRows && !wholeCols) return `${rect.r0 + 1}:${rect.r1 + 1}`;
  const start = cellA1(rect.r0, rect.c0);
  return rect.r0 === rect.r1 && rect.c0 === rect.c1 ? start : `${start}:${cellA1(rect.r1, rect.c1)}`;
}

/** A sheet name as Excel writes it in an address: quoted when it is not a plain word. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

export function qualified(sheet: string, rect: Rect): string {
  return `${quoteSheet(sheet)}!${rectA1(rect)}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

function part(text: string): { row: number | null; col: number | null } | null {
  let m = CELL.exec(text);
  if (m) return { col: columnNumber(m[1]), row: Number(m[2]) - 1 };
  m = COLUMN.exec(text);
  if (m) return { col: columnNumber(m[1]), row: null };
  m = ROW.exec(text);
  if (m) return { col: null, row: Number(m[1]) - 1 };
  return null;
}

/** Splits `Sheet!A1:B2` into the sheet (unquoted) and the rest; null sheet when there is none. */
function splitSheet(address: string): { sheet: string | null; rest: string } {
  const text = address.trim();
  if (text.startsWith("'")) {
    const close = text.lastIndexOf("'!");
    if (close > 0) return { sheet: text.slice(1, close).replace(/''/g, "'"), rest: text.slice(close + 2) };
  }
  const bang = text.lastIndexOf('!');
  return bang >= 0 ? { sheet: text.slice(0, bang), rest: text.slice(bang + 1) } : { sheet: null, rest: text };
}

/** Parses one area; null when it is not a valid A1 address. */
export function parseAddress(address: string): ParsedAddress | null {
  const { sheet, rest } = splitSheet(address);
  const [a, b, extra] = rest.split(':');
  if (extra !== undefined || !a) return null;
  const p = part(a);
  const q = b === undefined ? p : part(b);
  if (!p || !q) return null;
  // Both ends must be of the same kind: cells, whole columns or whole rows.
  if ((p.row === null) !== (q.row === null) || (p.col === null) !== (q.col === null)) return null;
  const r0 = p.row === null ? 0 : Math.min(p.row, q.row!);
  const r1 = p.row === null ? MAX_ROWS - 1 : Math.max(p.row, q.row!);
  const c0 = p.col === null ? 0 : Math.min(p.col, q.col!);
  const c1 = p.col === null ? MAX_COLS - 1 : Math.max(p.col, q.col!);
  if (r1 >= MAX_ROWS || c1 >= MAX_COLS) return null;
  return { sheet, r0, c0, r1, c1 };
}

/** Splits a comma-separated multi-area address (`A1,B7:C9`), respecting quoted sheet names. */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  out.push(current);
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}

export const rectRows = (r: Rect): number => r.r1 - r.r0 + 1;
export const rectCols = (r: Rect): number => r.c1 - r.c0 + 1;

export function intersect(a: Rect, b: Rect): Rect | null {
  const r0 = Math.max(a.r0, b.r0);
  const c0 = Math.max(a.c0, b.c0);
  const r1 = Math.min(a.r1, b.r1);
  const c1 = Math.min(a.c1, b.c1);
  return r0 <= r1 && c0 <= c1 ? { r0, c0, r1, c1 } : null;
}

export function contains(outer: Rect, row: number, col: number): boolean {
  return row >= outer.r0 && row <= outer.r1 && col >= outer.c0 && col <= outer.c1;
}
