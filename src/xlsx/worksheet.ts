/**
 * The cells of one worksheet part (`<sheetData>`). This is the hot path (tens of thousands of
 * cells per file), so it scans with indexOf and charCodeAt and builds no tag objects per cell.
 *
 * Limits: cells at or beyond `maxRows` / `maxColumns` are dropped, never stored, whatever the
 * `<dimension>` claims; scanning goes on (its cost is bounded by the part's size, itself bounded
 * by the expansion budget). Rows and row arrays are sparse, so a single far-away cell (`XFD1048576`)
 * costs one entry, not a million. Every `<c>` element of `<sheetData>`, kept or dropped, spends one
 * unit of the file's cell budget, counted by a quick pass before any row is built: a sheet over
 * the budget is refused (`tooManyCells`) at the first cell past it, having allocated nothing, which
 * bounds both the time and the memory one file can take.
 */
import { dateCell, errorCell, isoToSerial, noResultCell, type CellValue } from '../engine/grid';
import { XlsxReadError } from './failure';
import { digitsValue, readRowTag, rowTagOf, scratchRow, skipDigits } from './rowTag';
import {
  findEndTag,
  findEndTagWithin,
  findTag,
  isBlank,
  isTagAt,
  prefixOf,
  readRootTag,
  readStringItem,
  readTag,
  readText,
  unescapeExcelText,
} from './xml';

export interface SheetContext {
  readonly sharedStrings: readonly string[];
  /** By cell style index (`s`): does the style show numbers as dates? */
  readonly dateStyles: readonly boolean[];
  readonly date1904: boolean;
  readonly maxRows: number;
  readonly maxColumns: number;
  /** Shared by all sheets of one file. */
  readonly cells: CellBudget;
}

export type SheetRows = (CellValue[] | undefined)[];

/** Cells (and shared strings) one file may hold. */
export class CellBudget {
  /** Cells left for the sheets still to be read. */
  remaining: number;
  constructor(readonly limit: number) {
    this.remaining = limit;
  }

  exceeded(): XlsxReadError {
    return new XlsxReadError('tooManyCells', String(this.limit));
  }
}

/** Days from 1899-12-30 to 1904-01-01: converts a 1904-system serial to the 1900 system. */
const DATE_1904_OFFSET = 1462;

const enum CellType {
  Number,
  SharedString,
  FormulaString,
  InlineString,
  Boolean,
  Error,
  IsoDate,
}

/** Fields of one `<c …>` start tag; one instance is reused for every cell. */
interface CellTag {
  /** From the `r` reference, 0-based; -1 when the cell has no reference. */
  column: number;
  row: number;
  type: CellType;
  style: number;
  end: number;
  selfClosing: boolean;
}

const GT = 62;
const SLASH = 47;
const EQUALS = 61;
const BANG = 33;
const DOLLAR = 36;

function corrupt(detail: string): XlsxReadError {
  return new XlsxReadError('corrupt', detail);
}

export function parseWorksheet(xml: string, context: SheetContext): SheetRows {
  const rows: SheetRows = [];
  const root = readRootTag(xml);
  const prefix = prefixOf(root.name);
  const sheetDataAt = findTag(xml, prefix + 'sheetData', root.end, xml.length);
  if (sheetDataAt < 0) return rows;
  const sheetData = readTag(xml, sheetDataAt);
  if (sheetData.selfClosing) return rows;
  const end = findEndTag(xml, prefix + 'sheetData', sheetData.end);
  if (end < 0) throw corrupt('worksheet XML cut short');

  const rowName = prefix + 'row';
  const cellName = prefix + 'c';
  const cellClose = '</' + prefix + 'c>';
  const valueName = prefix + 'v';
  const valueClose = '</' + prefix + 'v>';
  const inlineName = prefix + 'is';
  const formulaName = prefix + 'f';
  const valueOpen = '<' + valueName + '>';
  const plainValueEnd = valueClose + cellClose;
  const { sharedStrings, dateStyles, maxRows, maxColumns } = context;
  spendCellBudget(xml, '<' + cellName, sheetData.end, end, context.cells);
  const dateOffset = context.date1904 ? DATE_1904_OFFSET : 0;

  const cell: CellTag = { column: -1, row: -1, type: CellType.Number, style: 0, end: 0, selfClosing: false };
  let rowIndex = -1;
  // A <row> without `r` takes its number from its first cell reference, else follows the previous row.
  let rowNumberFromCell = false;
  let column = -1;
  let currentRow: CellValue[] | undefined;

  let pos = sheetData.end;
  while (pos < end) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0 || lt >= end) break;
    const next = xml.charCodeAt(lt + 1);

    if (next === SLASH || next === BANG) {
      const close =
        next === BANG && xml.startsWith('<!--', lt) ? xml.indexOf('-->', lt) : xml.indexOf('>', lt);
      if (close < 0) throw corrupt('worksheet XML cut short');
      pos = close + 1;
      continue;
    }

    if (isTagAt(xml, lt, rowName)) {
      // The common row tag is read in place; anything unusual goes through readTag (same result, same errors).
      const tag = readRowTag(xml, lt + 1 + rowName.length, scratchRow) ?? rowTagOf(readTag(xml, lt));
      const number = tag.r;
      if (Number.isInteger(number) && number >= 1) {
        rowIndex = number - 1;
        rowNumberFromCell = false;
      } else {
        rowIndex++;
        rowNumberFromCell = true;
      }
      column = -1;
      currentRow = undefined;
      pos = tag.end;
      continue;
    }

    if (!isTagAt(xml, lt, cellName)) {
      const close = xml.indexOf('>', lt);
      if (close < 0) throw corrupt('worksheet XML cut short');
      pos = close + 1;
      continue;
    }

    readCellTag(xml, lt + 1 + cellName.length, cell);
    column = cell.column >= 0 ? cell.column : column + 1;
    if (rowNumberFromCell && cell.row >= 0) {
      rowIndex = cell.row;
      currentRow = undefined;
    }
    rowNumberFromCell = false;
    if (rowIndex < 0) rowIndex = 0; // a cell outside any <row>: not valid, read as row 1
    if (cell.selfClosing) {
      pos = cell.end;
      continue;
    }

    // The common cell, `<v>digits</v></c>` (a number or a shared-string index), read in place.
    if (xml.startsWith(valueOpen, cell.end)) {
      const start = cell.end + valueOpen.length;
      const digitsEnd = skipDigits(xml, start);
      if (digitsEnd > start && digitsEnd - start <= 15 && xml.startsWith(plainValueEnd, digitsEnd)) {
        pos = digitsEnd + plainValueEnd.length;
        if (rowIndex >= maxRows || column >= maxColumns) continue;
        let value: CellValue;
        if (cell.type === CellType.Number) {
          const number = digitsValue(xml, start, digitsEnd);
          value = dateStyles[cell.style] === true ? dateCell(number + dateOffset) : number;
        } else value = cellValue(xml, start, digitsEnd, cell, sharedStrings, dateStyles, dateOffset);
        if (value === null) continue;
        currentRow ??= rows[rowIndex];
        if (currentRow) currentRow[column] = value;
        else if (column === 0) rows[rowIndex] = currentRow = [value];
        else {
          rows[rowIndex] = currentRow = [];
          currentRow[column] = value;
        }
        continue;
      }
    }

    const contentEnd = xml.indexOf(cellClose, cell.end);
    if (contentEnd < 0 || contentEnd > end) throw corrupt('worksheet XML: unterminated cell');
    pos = contentEnd + cellClose.length;

    // Children: <f> (formula: its cached <v> is the value; without one, the value is unknown), <v>, <is>.
    let valueStart = -1;
    let valueEnd = -1;
    let inlineStart = -1;
    let inlineEnd = -1;
    let formulaAt = -1;
    for (let at = xml.indexOf('<', cell.end); at >= 0 && at < contentEnd;) {
      if (formulaAt < 0 && isTagAt(xml, at, formulaName)) {
        formulaAt = at;
        at = xml.indexOf('<', at + 1);
      } else if (isTagAt(xml, at, valueName)) {
        const gt = xml.indexOf('>', at);
        valueStart = gt + 1;
        // An unbounded search is linear here: a `</v>` missing from the cell makes the file corrupt at
        // the first such cell, so at most one search runs past the cell's end (the hot path stays a
        // plain indexOf; `<is>` below is not refused, so its search is bounded).
        valueEnd = xml.charCodeAt(gt - 1) === SLASH ? valueStart : xml.indexOf(valueClose, valueStart); // <v/> is empty
        if (valueEnd < 0 || valueEnd > contentEnd) throw corrupt('worksheet XML: unterminated value');
        at = xml.indexOf('<', valueEnd);
      } else if (isTagAt(xml, at, inlineName)) {
        inlineStart = xml.indexOf('>', at) + 1;
        inlineEnd = findEndTagWithin(xml, inlineName, inlineStart, contentEnd);
        if (inlineEnd < 0) inlineEnd = contentEnd;
        at = xml.indexOf('<', inlineEnd);
      } else {
        at = xml.indexOf('<', at + 1);
      }
    }

    let value: CellValue = null;
    if (cell.type === CellType.InlineString && inlineStart >= 0) {
      value = readStringItem(xml, inlineStart, inlineEnd, prefix);
    } else if (valueStart >= 0) {
      value = cellValue(xml, valueStart, valueEnd, cell, sharedStrings, dateStyles, dateOffset);
    } else if (formulaAt >= 0 && inlineStart < 0) {
      value = formulaWithoutResult(xml, formulaAt, contentEnd, formulaName);
    }
    if (value === null || rowIndex >= maxRows || column >= maxColumns) continue;
    currentRow ??= rows[rowIndex];
    if (currentRow) {
      currentRow[column] = value;
    } else if (column === 0) {
      rows[rowIndex] = currentRow = [value]; // sized for one: a million short rows stay small
    } else {
      rows[rowIndex] = currentRow = [];
      currentRow[column] = value;
    }
  }
  return rows;
}

/** The longest formula text kept for a cell without a saved result (it is only ever quoted). */
const MAX_FORMULA_CHARS = 1000;

/**
 * A `<f>` with no `<v>`: written by a script (or a library) and never calculated by Excel, so the
 * value is unknown. Marked as such (`=` and the formula) rather than read as an empty cell, so that
 * the finding says what to do (open and save the file in Excel) instead of "required value missing".
 */
function formulaWithoutResult(xml: string, at: number, contentEnd: number, name: string): CellValue {
  const tag = readTag(xml, at);
  let text = '';
  if (!tag.selfClosing) {
    const close = findEndTagWithin(xml, name, tag.end, contentEnd);
    text = readText(xml, tag.end, close < 0 ? contentEnd : close).trim();
  }
  return noResultCell(text.length > MAX_FORMULA_CHARS ? text.substring(0, MAX_FORMULA_CHARS) : text);
}

/** Counts the cell start tags (`open` is `<c` or `<x:c`) between `from` and `to` against the budget. */
function spendCellBudget(xml: string, open: string, from: number, to: number, budget: CellBudget): void {
  let left = budget.remaining;
  for (let at = xml.indexOf(open, from); at >= 0 && at < to; at = xml.indexOf(open, at + open.length)) {
    const next = xml.charCodeAt(at + open.length);
    if ((next === GT || next === SLASH || isBlank(next)) && --left < 0) throw budget.exceeded();
  }
  budget.remaining = left;
}

function cellValue(
  xml: string,
  start: number,
  end: number,
  cell: CellTag,
  sharedStrings: readonly string[],
  dateStyles: readonly boolean[],
  dateOffset: number,
): CellValue {
  switch (cell.type) {
    case CellType.SharedString: {
      const index = parseIndex(xml, start, end);
      return index >= 0 && index < sharedStrings.length ? sharedStrings[index] : null;
    }
    case CellType.FormulaString:
    case CellType.InlineString:
      return unescapeExcelText(readText(xml, start, end));
    case CellType.Boolean: {
      const text = readText(xml, start, end).trim();
      if (text === '1' || text.toLowerCase() === 'true') return true;
      if (text === '0' || text.toLowerCase() === 'false') return false;
      return text || null;
    }
    case CellType.Error:
      return errorCell(readText(xml, start, end).trim() || '#N/A');
    case CellType.IsoDate: {
      const text = readText(xml, start, end).trim();
      if (!text) return null;
      const serial = isoDateSerial(text);
      return serial === null ? text : dateCell(serial);
    }
    case CellType.Number: {
      const text = readText(xml, start, end);
      if (!text.trim()) return null;
      const number = Number(text);
      if (!Number.isFinite(number)) return text.trim();
      return dateStyles[cell.style] === true ? dateCell(number + dateOffset) : number;
    }
  }
}

/** Reads the attributes of a `<c` start tag from just after its name. */
function readCellTag(xml: string, from: number, out: CellTag): void {
  out.column = -1;
  out.row = -1;
  out.type = CellType.Number;
  out.style = 0;
  let i = from;
  for (;;) {
    let c = xml.charCodeAt(i);
    while (isBlank(c)) c = xml.charCodeAt(++i);
    if (c === GT) {
      out.end = i + 1;
      out.selfClosing = false;
      return;
    }
    if (c === SLASH) {
      out.end = i + 2;
      out.selfClosing = true;
      return;
    }
    if (Number.isNaN(c)) throw corrupt('worksheet XML: unterminated cell tag');
    const nameStart = i;
    while (!Number.isNaN(c) && c !== EQUALS && c !== GT && c !== SLASH && !isBlank(c))
      c = xml.charCodeAt(++i);
    const nameLength = i - nameStart;
    while (isBlank(c)) c = xml.charCodeAt(++i);
    if (c !== EQUALS) continue; // a valueless attribute: not XML, tolerated
    c = xml.charCodeAt(++i);
    while (isBlank(c)) c = xml.charCodeAt(++i);
    if (c !== 34 && c !== 39) throw corrupt('worksheet XML: unquoted attribute');
    const valueStart = i + 1;
    const valueEnd = xml.indexOf(c === 34 ? '"' : "'", valueStart);
    if (valueEnd < 0) throw corrupt('worksheet XML: unterminated attribute');
    if (nameLength === 1) {
      const name = xml.charCodeAt(nameStart);
      if (name === 114 /* r */) {
        readCellReference(xml, valueStart, valueEnd, out);
      } else if (name === 116 /* t */) {
        out.type = cellTypeAt(xml, valueStart, valueEnd);
      } else if (name === 115 /* s */) {
        out.style = Math.max(0, parseIndex(xml, valueStart, valueEnd));
      }
    }
    i = valueEnd + 1;
  }
}

/** The cell type its `t` attribute names, read in place (no string per cell). */
function cellTypeAt(xml: string, start: number, end: number): CellType {
  if (end - start === 1)
    switch (xml.charCodeAt(start)) {
      case 115 /* s */:
        return CellType.SharedString;
      case 98 /* b */:
        return CellType.Boolean;
      case 101 /* e */:
        return CellType.Error;
      case 100 /* d */:
        return CellType.IsoDate;
      default:
        return CellType.Number;
    }
  if (end - start === 3 && xml.startsWith('str', start)) return CellType.FormulaString;
  if (end - start === 9 && xml.startsWith('inlineStr', start)) return CellType.InlineString;
  return CellType.Number;
}

/** A non-negative integer written between start and end (blanks allowed around it), or -1. */
function parseIndex(xml: string, start: number, end: number): number {
  let i = start;
  while (i < end && isBlank(xml.charCodeAt(i))) i++;
  let n = 0;
  let digits = 0;
  for (; i < end; i++) {
    const d = xml.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    n = n * 10 + d;
    digits++;
  }
  while (i < end && isBlank(xml.charCodeAt(i))) i++;
  return digits && i === end ? n : -1;
}

/** Sets `out.column` and `out.row` (0-based, -1 when missing) from a reference like `B3` or `$B$3`. */
function readCellReference(xml: string, start: number, end: number, out: CellTag): void {
  let column = 0;
  let letters = 0;
  let i = start;
  for (; i < end; i++) {
    let c = xml.charCodeAt(i);
    if (c === DOLLAR) continue;
    if (c >= 97 && c <= 122) c -= 32; // lower case
    if (c < 65 || c > 90) break;
    column = column * 26 + (c - 64);
    letters++;
  }
  let row = 0;
  let digits = 0;
  for (; i < end; i++) {
    const c = xml.charCodeAt(i);
    if (c === DOLLAR) continue;
    if (c < 48 || c > 57) break;
    row = row * 10 + (c - 48);
    digits++;
  }
  out.column = letters ? column - 1 : -1;
  out.row = digits && row > 0 ? row - 1 : -1;
}

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const ISO_TIME = /^(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/;

/**
 * Serial of a `t="d"` value (ISO 8601). The wall-clock time is kept as written: a zone suffix is
 * ignored, as Excel shows the same digits. Null when not a real date or time.
 */
function isoDateSerial(text: string): number | null {
  const time = ISO_TIME.exec(text);
  if (time) return dayFraction(time[1], time[2], time[3], time[4]);
  const m = ISO_DATE_TIME.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  const fraction = m[4] === undefined ? 0 : dayFraction(m[4], m[5], m[6], m[7]);
  return fraction === null ? null : isoToSerial(year, month, day) + fraction;
}

function dayFraction(hours: string, minutes: string, seconds?: string, fraction?: string): number | null {
  const h = Number(hours);
  const m = Number(minutes);
  const s = Number(seconds ?? 0) + Number(fraction ?? 0);
  if (h > 24 || m > 59 || s >= 61) return null;
  return (h * 3600 + m * 60 + s) / 86400;
}
