/**
 * Which cell styles show a number as a date. xlsx stores a date as a plain number; only the
 * number format of the cell's style (`s` → cellXfs → numFmtId) says it is one.
 */
import { findEndTag, findTag, prefixOf, readRootTag, readTag } from './xml';

/** Built-in number formats that are dates or times (ECMA-376 §18.8.30, plus the East Asian ones). */
function isBuiltInDateFormat(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/**
 * A custom format is a date format when, outside quoted text, `[…]` parts (colours, locales like
 * `[$-421]`, conditions), escaped characters (`\x`), padding (`_x`) and fills (`*x`), it uses one
 * of the date/time codes d, m, y, h, s — or an elapsed-time part `[h]`, `[mm]`, `[ss]`.
 */
export function isDateFormatCode(code: string): boolean {
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '"') {
      const close = code.indexOf('"', i + 1);
      if (close < 0) return false;
      i = close;
    } else if (c === '\\' || c === '_' || c === '*') {
      i++;
    } else if (c === '[') {
      const close = code.indexOf(']', i + 1);
      if (close < 0) return false;
      if (/^(h+|m+|s+)$/i.test(code.substring(i + 1, close))) return true;
      i = close;
    } else if ('dmyhsDMYHS'.includes(c)) {
      return true;
    }
  }
  return false;
}

/**
 * Excel allows about 64,000 cell formats per workbook: entries past this many (in `numFmts` or in
 * `cellXfs`) are not read, so a styles part padded with millions of them costs bounded time; a
 * cell using such a style is read as a plain number.
 */
export const MAX_STYLE_ENTRIES = 65_536;

/** `result[s]` is true when cell style index `s` formats numbers as dates. */
export function parseDateStyles(xml: string): boolean[] {
  const root = readRootTag(xml);
  const prefix = prefixOf(root.name);

  const customFormats = new Map<number, string>();
  const numFmts = findTag(xml, prefix + 'numFmts', root.end, xml.length);
  if (numFmts >= 0) {
    const end = sectionEnd(xml, prefix + 'numFmts', numFmts);
    let count = 0;
    for (
      let at = findTag(xml, prefix + 'numFmt', numFmts + 1, end);
      at >= 0 && count++ < MAX_STYLE_ENTRIES;
    ) {
      const tag = readTag(xml, at);
      const id = Number(tag.attrs.numFmtId);
      if (Number.isInteger(id)) customFormats.set(id, tag.attrs.formatCode ?? '');
      at = findTag(xml, prefix + 'numFmt', tag.end, end);
    }
  }

  const dateStyles: boolean[] = [];
  const judged = new Map<number, boolean>();
  const cellXfs = findTag(xml, prefix + 'cellXfs', root.end, xml.length);
  if (cellXfs >= 0) {
    const end = sectionEnd(xml, prefix + 'cellXfs', cellXfs);
    for (
      let at = findTag(xml, prefix + 'xf', cellXfs + 1, end);
      at >= 0 && dateStyles.length < MAX_STYLE_ENTRIES;
    ) {
      const tag = readTag(xml, at);
      const id = Number(tag.attrs.numFmtId ?? 0);
      // A custom definition wins over the built-in meaning of the same id; each is judged once, so
      // 65,536 styles sharing one very long format code cost its length once, not 65,536 times.
      let isDate = judged.get(id);
      if (isDate === undefined) {
        const custom = customFormats.get(id);
        isDate = custom !== undefined ? isDateFormatCode(custom) : isBuiltInDateFormat(id);
        judged.set(id, isDate);
      }
      dateStyles.push(isDate);
      at = findTag(xml, prefix + 'xf', tag.end, end);
    }
  }
  return dateStyles;
}

/** Index of the section's end tag, or its own end when self-closing or unterminated. */
function sectionEnd(xml: string, name: string, start: number): number {
  const tag = readTag(xml, start);
  if (tag.selfClosing) return tag.end;
  const close = findEndTag(xml, name, tag.end);
  return close < 0 ? xml.length : close;
}
