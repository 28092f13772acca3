/**
 * The reference in force for the task pane (docs/spec/reference-data.md): the open workbook's own reference
 * sheets, else the reference the user picked (its JSON text kept in the document's settings), else
 * the embedded default. Loading never throws: a broken reference comes back as plain-word problems.
 */
import type { WorkbookGrid } from '../engine/grid';
import type { Lang } from '../engine/messages';
import { defaultReference, parseReferenceJson, referenceId, referenceToJson } from '../engine/reference/load';
import type { Reference, ReferenceProblem } from '../engine/reference/model';
import { hasReferenceSheets, referenceFromGrid } from '../engine/reference/workbook';
import type { XlsxLoader } from './lazyXlsx';
import { translator } from './i18n';

export type ReferenceSource = 'workbook' | 'picked' | 'default';

export interface ReferenceInForce {
  readonly reference: Reference;
  readonly id: string;
  readonly source: ReferenceSource;
}

export type ReferenceLoad =
  { readonly ok: true; readonly reference: Reference } | { readonly ok: false; readonly problems: string[] };

/** Document setting holding the picked reference as JSON text. */
export const REFERENCE_SETTING = 'inovasiDaerah.referensi';

/** The name a reference read from the open workbook's own sheets goes by (its id prefix). */
export const WORKBOOK_REFERENCE_NAME = 'referensi-buku-kerja';

export function inForce(reference: Reference, source: ReferenceSource): ReferenceInForce {
  return { reference, id: referenceId(reference), source };
}

export function defaultInForce(): ReferenceInForce {
  return inForce(defaultReference(), 'default');
}

function explain(problems: readonly ReferenceProblem[], lang: Lang): string[] {
  return problems.map((p) => p.message[lang]);
}

/** A reference from JSON text (a picked .json file, or the stored setting). */
export function referenceFromJsonText(text: string, lang: Lang): ReferenceLoad {
  let obj: unknown;
  try {
    obj = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, problems: [translator(lang)('referensi.notJson')] };
  }
  const result = parseReferenceJson(obj);
  return result.ok ? result : { ok: false, problems: explain(result.problems, lang) };
}

/** The JSON text kept in the document's settings for a picked reference. */
export function referenceJsonText(reference: Reference): string {
  return JSON.stringify(referenceToJson(reference));
}

const looksLikeJson = (name: string, bytes: Uint8Array): boolean => {
  if (/\.json$/i.test(name)) return true;
  const first = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes[3] : bytes[0];
  return first === 0x7b; // '{'
};

/** A picked reference file: JSON, or a reference workbook read with the lazily loaded .xlsx reader. */
export async function referenceFromFile(
  name: string,
  bytes: Uint8Array,
  lang: Lang,
  loadXlsx: XlsxLoader,
): Promise<ReferenceLoad> {
  if (looksLikeJson(name, bytes)) return referenceFromJsonText(new TextDecoder('utf-8').decode(bytes), lang);
  const xlsx = await loadXlsx();
  const read = xlsx.readXlsx(bytes);
  if (!read.ok) return { ok: false, problems: [xlsx.describeCause(read.cause, lang, read.detail)] };
  const baseName = name.replace(/^.*[\\/]/, '').replace(/\.(xlsx|xlsm|json)$/i, '');
  const result = referenceFromGrid(read.workbook, baseName);
  return result.ok ? result : { ok: false, problems: explain(result.problems, lang) };
}

/** The open workbook's own reference, when it carries reference sheets; null when it has none. */
export function workbookReference(grid: WorkbookGrid, lang: Lang): ReferenceLoad | null {
  if (!hasReferenceSheets(grid)) return null;
  const result = referenceFromGrid(grid, WORKBOOK_REFERENCE_NAME);
  return result.ok ? result : { ok: false, problems: explain(result.problems, lang) };
}
