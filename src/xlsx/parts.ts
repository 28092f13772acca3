/** The small package parts: relationships, the workbook's sheet list, shared strings. */
import type { CellBudget } from './worksheet';
import {
  findEndTag,
  findTag,
  localNameOf,
  prefixOf,
  readRootTag,
  readStringItem,
  readTag,
  trimBlanks,
} from './xml';

export interface Relationship {
  readonly type: string;
  /** Package path without a leading `/`, resolved against the source part's folder. */
  readonly path: string;
}

/** Relationships by id; external targets (hyperlinks) are left out. */
export function parseRelationships(xml: string, sourceFolder: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  const root = readRootTag(xml);
  const name = prefixOf(root.name) + 'Relationship';
  for (let at = findTag(xml, name, root.end, xml.length); at >= 0;) {
    const tag = readTag(xml, at);
    const { Id: id, Type: type, Target: target, TargetMode: mode } = tag.attrs;
    if (id && target && mode !== 'External')
      rels.set(id, { type: type ?? '', path: resolvePartPath(sourceFolder, target) });
    at = findTag(xml, name, tag.end, xml.length);
  }
  return rels;
}

/** The relationship type's last segment: `worksheet`, `sharedStrings`… (transitional and strict URIs alike). */
export function relationshipKind(rel: Relationship): string {
  return rel.type.substring(rel.type.lastIndexOf('/') + 1);
}

/** `worksheets/sheet1.xml` from `xl/` → `xl/worksheets/sheet1.xml`; `/xl/…` is absolute. */
function resolvePartPath(sourceFolder: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // a stray % is a literal character of the name
  }
  const joined = decoded.startsWith('/') ? decoded.substring(1) : sourceFolder + decoded;
  const parts: string[] = [];
  for (const segment of joined.replace(/\\/g, '/').split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

/** `xl/` for `xl/workbook.xml`. */
export function folderOf(path: string): string {
  return path.substring(0, path.lastIndexOf('/') + 1);
}

/** Where the relationships of a part are stored: `xl/_rels/workbook.xml.rels`. */
export function relationshipsPathOf(path: string): string {
  const folder = folderOf(path);
  return `${folder}_rels/${path.substring(folder.length)}.rels`;
}

export interface SheetEntry {
  readonly name: string;
  readonly relationshipId: string;
  readonly visibility: 'visible' | 'hidden' | 'veryHidden';
}

export interface WorkbookInfo {
  readonly sheets: SheetEntry[];
  /** Dates count days from 1904-01-01 (old Mac workbooks) instead of 1899-12-30. */
  readonly date1904: boolean;
}

/** Null when the part's root is not a `workbook` (a .docx's main part, for instance). */
export function parseWorkbook(xml: string): WorkbookInfo | null {
  const root = readRootTag(xml);
  if (localNameOf(root.name) !== 'workbook') return null;
  const prefix = prefixOf(root.name);

  let date1904 = false;
  const workbookPr = findTag(xml, prefix + 'workbookPr', root.end, xml.length);
  if (workbookPr >= 0) {
    const flag = readTag(xml, workbookPr).attrs.date1904;
    date1904 = flag === '1' || flag === 'true';
  }

  const sheets: SheetEntry[] = [];
  const list = findTag(xml, prefix + 'sheets', root.end, xml.length);
  if (list < 0) return { sheets, date1904 };
  const listTag = readTag(xml, list);
  if (listTag.selfClosing) return { sheets, date1904 };
  const listEnd = findEndTag(xml, prefix + 'sheets', listTag.end);
  const end = listEnd < 0 ? xml.length : listEnd;
  for (let at = findTag(xml, prefix + 'sheet', listTag.end, end); at >= 0;) {
    const tag = readTag(xml, at);
    const state = tag.attrs.state;
    sheets.push({
      name: tag.attrs.name ?? '',
      relationshipId: relationshipIdOf(tag.attrs),
      visibility: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
    });
    at = findTag(xml, prefix + 'sheet', tag.end, end);
  }
  return { sheets, date1904 };
}

/** The `r:id` attribute, whatever prefix the relationships namespace got. */
function relationshipIdOf(attrs: Readonly<Record<string, string>>): string {
  if (attrs['r:id'] !== undefined) return attrs['r:id'];
  for (const key of Object.keys(attrs)) if (key.endsWith(':id')) return attrs[key];
  return '';
}

/**
 * The shared-string table. A file under the cell budget cannot need more items than the budget
 * (each is used by at least one cell), so more is refused as `tooManyCells` too; counted on its
 * own, not spent from the cells' budget.
 */
export function parseSharedStrings(xml: string, budget: CellBudget): string[] {
  const strings: string[] = [];
  const root = readRootTag(xml);
  const prefix = prefixOf(root.name);
  const item = prefix + 'si';
  const plain = plainItemReader(prefix);
  for (let at = findTag(xml, item, root.end, xml.length); at >= 0;) {
    if (strings.length >= budget.limit) throw budget.exceeded();
    const fast = plain(xml, at);
    if (fast >= 0) {
      strings.push(plainText);
      at = findTag(xml, item, fast, xml.length);
      continue;
    }
    const tag = readTag(xml, at);
    if (tag.selfClosing) {
      strings.push('');
      at = findTag(xml, item, tag.end, xml.length);
      continue;
    }
    const close = findEndTag(xml, item, tag.end);
    const end = close < 0 ? xml.length : close;
    strings.push(readStringItem(xml, tag.end, end, prefix));
    at = findTag(xml, item, end, xml.length);
  }
  return strings;
}

/** The text the last successful plain-item read found. */
let plainText = '';

/**
 * The common shared string, `<si><t>text</t></si>` (or `<t xml:space="preserve">`), read without tag
 * objects: returns the index of its `</si>` and sets `plainText`, or -1 for anything else (rich
 * text, phonetic runs, entities, `_xHHHH_` escapes, carriage returns, attributes on `<si>`), which
 * readStringItem reads. The same text readStringItem gives.
 */
function plainItemReader(prefix: string): (xml: string, at: number) => number {
  const open = `<${prefix}si><${prefix}t`;
  const close = `</${prefix}t></${prefix}si>`;
  const preserve = ' xml:space="preserve">';
  return (xml, at) => {
    if (!xml.startsWith(open, at)) return -1;
    let start = at + open.length;
    let keepBlanks = false;
    if (xml.charCodeAt(start) === 62 /* > */) start++;
    else if (xml.startsWith(preserve, start)) {
      start += preserve.length;
      keepBlanks = true;
    } else return -1;
    const lt = xml.indexOf('<', start);
    if (lt < 0 || !xml.startsWith(close, lt)) return -1;
    for (let i = start; i < lt; i++) {
      const c = xml.charCodeAt(i);
      if (
        c === 38 /* & */ ||
        c === 13 /* CR */ ||
        (c === 95 /* _ */ && xml.charCodeAt(i + 1) === 120) /* _x */
      )
        return -1;
    }
    const text = xml.substring(start, lt);
    plainText = keepBlanks ? text : trimBlanks(text);
    return lt + close.length - (prefix.length + 5); // the `</si>`
  };
}
