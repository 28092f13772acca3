/**
 * A small scanner for the XML inside an xlsx: no DOM and no DTD processing. A DOCTYPE is refused
 * (see readRootTag); only the five predefined entities and numeric character references are
 * decoded, any other `&name;` stays literal text, so no entity is ever expanded.
 *
 * SpreadsheetML parts use one namespace for all their elements, usually as the default namespace
 * but some writers (the .NET Open XML SDK) prefix it (`<x:c>`): callers search for
 * `<${prefix}name` with the prefix taken from the root element.
 */
import { excerpt, XlsxReadError } from './failure';

export interface Tag {
  /** The qualified name as written, e.g. `c` or `x:c`. */
  readonly name: string;
  /** Attribute values with entities decoded, keyed by qualified name (`r:id`). */
  readonly attrs: Readonly<Record<string, string>>;
  /** Index just past the closing `>`. */
  readonly end: number;
  readonly selfClosing: boolean;
}

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const EQUALS = 61;
const SEMICOLON = 59;

export function isBlank(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13;
}

/** True when the character after a tag name ends it: `<c>` and `<c r=…>` but not `<col>`. */
function endsName(code: number): boolean {
  return code === GT || code === SLASH || isBlank(code);
}

function malformed(what: string): XlsxReadError {
  return new XlsxReadError('corrupt', `malformed XML: ${what}`);
}

/** Reads the start tag that begins at `lt` (the index of its `<`). */
export function readTag(xml: string, lt: number): Tag {
  let i = lt + 1;
  const length = xml.length;
  while (i < length && !endsName(xml.charCodeAt(i))) i++;
  const name = xml.substring(lt + 1, i);
  const attrs: Record<string, string> = Object.create(null); // no prototype: attribute names are data
  for (;;) {
    while (i < length && isBlank(xml.charCodeAt(i))) i++;
    if (i >= length) throw malformed(`unterminated <${excerpt(name)}>`);
    const code = xml.charCodeAt(i);
    if (code === GT) return { name, attrs, end: i + 1, selfClosing: false };
    if (code === SLASH) {
      if (xml.charCodeAt(i + 1) !== GT) throw malformed(`stray / in <${excerpt(name)}>`);
      return { name, attrs, end: i + 2, selfClosing: true };
    }
    const nameStart = i;
    while (i < length) {
      const c = xml.charCodeAt(i);
      if (c === EQUALS || c === GT || c === SLASH || isBlank(c)) break;
      i++;
    }
    const attrName = xml.substring(nameStart, i);
    while (i < length && isBlank(xml.charCodeAt(i))) i++;
    if (xml.charCodeAt(i) !== EQUALS) {
      attrs[attrName] = ''; // not XML, but harmless to tolerate
      continue;
    }
    i++;
    while (i < length && isBlank(xml.charCodeAt(i))) i++;
    const quote = xml[i];
    if (quote !== '"' && quote !== "'") throw malformed(`unquoted attribute in <${excerpt(name)}>`);
    const close = xml.indexOf(quote, i + 1);
    if (close < 0) throw malformed(`unterminated attribute in <${excerpt(name)}>`);
    attrs[attrName] = decodeEntities(xml.substring(i + 1, close));
    i = close + 1;
  }
}

/**
 * The root element, after the XML declaration, comments and processing instructions. A DOCTYPE is
 * refused, not skipped: OPC (ECMA-376 Part 2, M1.18) forbids DTDs in a package precisely because
 * of entity-expansion attacks, and tells readers to treat one as an error.
 */
export function readRootTag(xml: string): Tag {
  let pos = 0;
  for (;;) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) throw malformed('no root element');
    if (xml.startsWith('<?', lt)) pos = indexAfter(xml, '?>', lt);
    else if (xml.startsWith('<!--', lt)) pos = indexAfter(xml, '-->', lt);
    else if (xml.startsWith('<!', lt)) throw new XlsxReadError('corrupt', 'DTD declaration in an xlsx part');
    else return readTag(xml, lt);
  }
}

/** `x:` for a root named `x:worksheet`, `` for `worksheet`. */
export function prefixOf(qualifiedName: string): string {
  const colon = qualifiedName.indexOf(':');
  return colon < 0 ? '' : qualifiedName.substring(0, colon + 1);
}

export function localNameOf(qualifiedName: string): string {
  return qualifiedName.substring(qualifiedName.indexOf(':') + 1);
}

/** Index of the next `<name` start tag at or after `from` and before `to`, or -1. */
export function findTag(xml: string, name: string, from: number, to: number): number {
  const open = '<' + name;
  for (let at = xml.indexOf(open, from); at >= 0 && at < to; at = xml.indexOf(open, at + 1)) {
    if (endsName(xml.charCodeAt(at + open.length))) return at;
  }
  return -1;
}

/** Index of `</name>` at or after `from`, or -1. */
export function findEndTag(xml: string, name: string, from: number): number {
  return xml.indexOf('</' + name + '>', from);
}

/**
 * Index of `token` starting at or after `from` and ending at or before `to`, or -1; never reads past
 * `to`. Every search for the end of something nested in an element (a phonetic run in a string
 * item, an inline string in a cell, a CDATA section in a value) uses this with the element's own
 * end: an unbounded `indexOf` would read to the end of the part for each unterminated one, which
 * is quadratic (40,000 unterminated `<rPh>` in a 7 KB file took 30 s). `substring` of a long string
 * is a slice in V8, not a copy.
 */
export function indexWithin(xml: string, token: string, from: number, to: number): number {
  if (to >= xml.length) return xml.indexOf(token, from);
  if (to - from < token.length) return -1;
  const at = xml.substring(from, to).indexOf(token);
  return at < 0 ? -1 : from + at;
}

/** Index of `</name>` at or after `from` and wholly before `to`, or -1 (see indexWithin). */
export function findEndTagWithin(xml: string, name: string, from: number, to: number): number {
  return indexWithin(xml, '</' + name + '>', from, to);
}

/** Index just past `token` searched from `from`; a missing terminator is malformed XML. */
function indexAfter(xml: string, token: string, from: number): number {
  const at = xml.indexOf(token, from);
  if (at < 0) throw malformed(`missing ${token}`);
  return at + token.length;
}

/**
 * Character data between `start` and `end` (where `end` is the `<` of the closing tag): entities
 * decoded, line ends normalised as an XML parser would, CDATA sections taken literally.
 */
export function readText(xml: string, start: number, end: number): string {
  const lt = xml.indexOf('<', start);
  if (lt < 0 || lt >= end) return decodeCharData(xml.substring(start, end));
  let out = '';
  let pos = start;
  while (pos < end) {
    const next = xml.indexOf('<', pos);
    if (next < 0 || next >= end) {
      out += decodeCharData(xml.substring(pos, end));
      break;
    }
    out += decodeCharData(xml.substring(pos, next));
    if (xml.startsWith('<![CDATA[', next)) {
      const close = indexWithin(xml, ']]>', next + 9, end);
      const stop = close < 0 ? end : close;
      out += xml.substring(next + 9, stop);
      pos = stop + 3;
    } else {
      const gt = xml.indexOf('>', next);
      pos = gt < 0 ? end : gt + 1;
    }
  }
  return out;
}

function decodeCharData(raw: string): string {
  const text = raw.indexOf('\r') < 0 ? raw : raw.replace(/\r\n?/g, '\n');
  return decodeEntities(text);
}

const LONGEST_ENTITY = 10; // `&#x10FFFF;`

/** Decodes `&lt; &gt; &amp; &quot; &apos;` and `&#…;` / `&#x…;`; anything else stays as written. */
function decodeEntities(raw: string): string {
  let amp = raw.indexOf('&');
  if (amp < 0) return raw;
  let out = '';
  let pos = 0;
  while (amp >= 0) {
    let semi = -1;
    const limit = Math.min(raw.length, amp + LONGEST_ENTITY + 1);
    for (let j = amp + 1; j < limit; j++) {
      if (raw.charCodeAt(j) === SEMICOLON) {
        semi = j;
        break;
      }
    }
    const replacement = semi < 0 ? null : entityText(raw.substring(amp + 1, semi));
    if (replacement === null) {
      out += raw.substring(pos, amp + 1);
      pos = amp + 1;
    } else {
      out += raw.substring(pos, amp) + replacement;
      pos = semi + 1;
    }
    amp = raw.indexOf('&', pos);
  }
  return out + raw.substring(pos);
}

function entityText(name: string): string | null {
  switch (name) {
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'amp':
      return '&';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
  }
  if (name.charCodeAt(0) !== 35 /* # */) return null;
  const hex = name.charCodeAt(1) === 120 || name.charCodeAt(1) === 88; // x X
  const digits = name.substring(hex ? 2 : 1);
  if (!digits || !(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return null;
  const code = parseInt(digits, hex ? 16 : 10);
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(code);
}

/**
 * Excel escapes characters XML cannot carry as `_xHHHH_` (`_x000D_` for a carriage return), and a
 * literal `_x…_` as `_x005F_x…_`; undo it in cell text.
 */
export function unescapeExcelText(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * The text of a string item (`<si>` in sharedStrings, `<is>` of an inline string) between
 * `start` and `end`: the `<t>` of plain text or of every rich-text run, in order; phonetic runs
 * (`<rPh>`, furigana) are not part of the value. Without `xml:space="preserve"` Excel drops the
 * blanks around a `<t>`, so we do too.
 */
export function readStringItem(xml: string, start: number, end: number, prefix: string): string {
  const textTag = prefix + 't';
  const phoneticTag = prefix + 'rPh';
  let out = '';
  let pos = start;
  while (pos < end) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0 || lt >= end) break;
    if (isTagAt(xml, lt, phoneticTag)) {
      const close = findEndTagWithin(xml, phoneticTag, lt, end);
      pos = close < 0 ? end : close;
    } else if (isTagAt(xml, lt, textTag)) {
      const tag = readTag(xml, lt);
      if (tag.selfClosing) {
        pos = tag.end;
        continue;
      }
      const close = findEndTagWithin(xml, textTag, tag.end, end);
      if (close < 0) throw malformed(`unterminated <${excerpt(textTag)}>`);
      const text = unescapeExcelText(readText(xml, tag.end, close));
      out += tag.attrs['xml:space'] === 'preserve' ? text : trimBlanks(text);
      pos = close;
    } else {
      const gt = xml.indexOf('>', lt);
      pos = gt < 0 ? end : gt + 1;
    }
  }
  return out;
}

/** True when a start tag named exactly `name` begins at `lt`. */
export function isTagAt(xml: string, lt: number, name: string): boolean {
  return (
    xml.charCodeAt(lt) === LT &&
    xml.startsWith(name, lt + 1) &&
    endsName(xml.charCodeAt(lt + 1 + name.length))
  );
}

/** Trims XML blanks only (space, tab, CR, LF), not NBSP or other Unicode spaces. */
export function trimBlanks(text: string): string {
  let from = 0;
  let to = text.length;
  while (from < to && isBlank(text.charCodeAt(from))) from++;
  while (to > from && isBlank(text.charCodeAt(to - 1))) to--;
  return from === 0 && to === text.length ? text : text.substring(from, to);
}
