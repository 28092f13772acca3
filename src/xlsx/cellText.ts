/**
 * How the writer turns values into XML text: escaping (characters XML 1.0 cannot carry dropped),
 * cell text within Excel's limits, column letters, cell-range and sheet references.
 */
import type { CellRange } from './sheetLayout';

export type XlsxValue = string | number | boolean | Date | null | undefined;

/** Excel's longest cell text. */
export const MAX_CELL_TEXT = 32767;

/** XML 1.0 cannot carry C0 controls but tab/LF/CR, lone surrogates, U+FFFE and U+FFFF. */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/u;
// eslint-disable-next-line no-control-regex
const INVALID_XML_ALL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/gu;
const SPECIAL = /[&<>"\r]/;
const SPECIAL_ALL = /[&<>"\r]/g;
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\r': '&#13;',
};
const entity = (c: string): string => ENTITIES[c];
/** Excel reads `_xHHHH_` in cell text as an escaped character; a literal one is written `_x005F_xHHHH_`. */
const EXCEL_ESCAPE = /_(?=x[0-9A-Fa-f]{4}_)/g;

/**
 * Nothing to escape or drop: one anchored scan (faster than the two searches below), which sends
 * surrogate pairs, valid as they are, to the slow path too.
 */
// eslint-disable-next-line no-control-regex
const PLAIN_XML = /^[^&<>"\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]*$/;

/** Text as XML character data (also fit for a double-quoted attribute); characters XML cannot carry are dropped. */
export function escapeXml(text: string): string {
  if (PLAIN_XML.test(text)) return text;
  if (INVALID_XML.test(text)) text = text.replace(INVALID_XML_ALL, '');
  return SPECIAL.test(text) ? text.replace(SPECIAL_ALL, entity) : text;
}

/** Cell text: `escapeXml`, at most 32,767 characters, Excel's `_xHHHH_` escapes kept literal. */
export function cellText(text: string): string {
  if (text.length > MAX_CELL_TEXT) {
    // Do not cut a surrogate pair in two.
    const cut = (text.charCodeAt(MAX_CELL_TEXT - 1) & 0xfc00) === 0xd800 ? MAX_CELL_TEXT - 1 : MAX_CELL_TEXT;
    text = text.substring(0, cut);
  }
  if (text.indexOf('_x') >= 0) text = text.replace(EXCEL_ESCAPE, '_x005F_');
  return escapeXml(text);
}

/** Does the text start or end with a blank an XML reader (or Excel) would drop without xml:space? */
export function needsPreserve(text: string): boolean {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return (
    first === 32 ||
    first === 9 ||
    first === 10 ||
    first === 13 ||
    last === 32 ||
    last === 9 ||
    last === 10 ||
    last === 13
  );
}

const columnNames: string[] = [];

/** Column letters of a 0-based column index (0 → A, 26 → AA). */
export function columnName(index: number): string {
  let name = columnNames[index];
  if (name === undefined) {
    let n = index + 1;
    name = '';
    while (n > 0) {
      const m = (n - 1) % 26;
      name = String.fromCharCode(65 + m) + name;
      n = Math.floor((n - 1) / 26);
    }
    columnNames[index] = name;
  }
  return name;
}

/** A Date, also one made in another realm (a jest sandbox, a worker). */
export function isDate(v: unknown): v is Date {
  return v instanceof Date || Object.prototype.toString.call(v) === '[object Date]';
}

/** `'Sheet name'` for a formula or defined name. */
export function quotedSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** `A1:C9`, or `$A$1:$C$9` when `absolute`. */
export function rangeRef(r: CellRange, absolute: boolean): string {
  const d = absolute ? '$' : '';
  return `${d}${columnName(r.firstColumn - 1)}${d}${r.firstRow}:${d}${columnName(r.lastColumn - 1)}${d}${r.lastRow}`;
}
