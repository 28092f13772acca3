/**
 * Start tags of a worksheet read in place, without the attribute objects readTag builds: the hot
 * path of a sheet of tens of thousands of rows (a `Data Dukung` of 6,000 evidence rows, issue 23).
 * Each reader declines (null) whatever the general reader must judge, so results and errors stay
 * readTag's.
 */
import { isBlank, type Tag } from './xml';

const GT = 62;
const SLASH = 47;
const EQUALS = 61;

/** The first index at or after `from` that is not an ASCII digit. */
export function skipDigits(xml: string, from: number): number {
  let i = from;
  for (let c = xml.charCodeAt(i); c >= 48 && c <= 57; c = xml.charCodeAt(++i));
  return i;
}

/** The integer written in ASCII digits between start and end (at most 15 of them: exact, as Number reads it). */
export function digitsValue(xml: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) n = n * 10 + (xml.charCodeAt(i) - 48);
  return n;
}

/** The row number a `<row>` tag gives (`Number` of its `r`: NaN without one) and where the tag ends. */
export interface RowTag {
  r: number;
  end: number;
}
export const scratchRow: RowTag = { r: NaN, end: 0 };

export const rowTagOf = (tag: Tag): RowTag => ({ r: Number(tag.attrs.r), end: tag.end });

/**
 * Reads a `<row …>` start tag from just after its name, as readTag would read its `r`, without
 * building its attributes; null for anything readTag must judge (an entity in `r`, a valueless or
 * unquoted attribute, a cut-off tag), so errors and odd forms stay exactly readTag's.
 */
export function readRowTag(xml: string, from: number, out: RowTag): RowTag | null {
  let rStart = -1;
  let rEnd = -1;
  let i = from;
  for (;;) {
    let c = xml.charCodeAt(i);
    while (isBlank(c)) c = xml.charCodeAt(++i);
    if (c === GT || (c === SLASH && xml.charCodeAt(i + 1) === GT)) {
      out.end = i + (c === GT ? 1 : 2);
      if (rStart < 0) out.r = NaN;
      else {
        const digitsEnd = skipDigits(xml, rStart);
        out.r =
          digitsEnd === rEnd && rEnd > rStart && rEnd - rStart <= 15
            ? digitsValue(xml, rStart, rEnd)
            : Number(xml.substring(rStart, rEnd));
      }
      return out;
    }
    if (Number.isNaN(c) || c === SLASH) return null;
    const nameStart = i;
    while (!Number.isNaN(c) && c !== EQUALS && c !== GT && c !== SLASH && !isBlank(c))
      c = xml.charCodeAt(++i);
    const nameLength = i - nameStart;
    while (isBlank(c)) c = xml.charCodeAt(++i);
    if (c !== EQUALS) return null;
    c = xml.charCodeAt(++i);
    while (isBlank(c)) c = xml.charCodeAt(++i);
    if (c !== 34 && c !== 39) return null;
    const valueEnd = xml.indexOf(c === 34 ? '"' : "'", i + 1);
    if (valueEnd < 0) return null;
    if (nameLength === 1 && xml.charCodeAt(nameStart) === 114 /* r */) {
      for (let j = i + 1; j < valueEnd; j++) if (xml.charCodeAt(j) === 38 /* & */) return null; // readTag decodes entities
      rStart = i + 1;
      rEnd = valueEnd;
    }
    i = valueEnd + 1;
  }
}
