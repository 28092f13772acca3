/** Loading a reference file (JSON or reference workbook) for the command line. */
import * as path from 'node:path';
import { parseReferenceJson, defaultReference } from '../engine/reference/load';
import { referenceFromGrid } from '../engine/reference/workbook';
import { Reference, ReferenceProblem } from '../engine/reference/model';
import { Lang } from '../engine/messages';
import { DEFAULT_LIMITS, readXlsx, describeCause } from '../xlsx/readXlsx';
import { errnoCode, ioReason } from './output';
import { CLI_TEXTS } from './texts';
import { NotRegular, TooLarge, readCapped } from './files';

/** `io`: the file could not be read at all (missing, no permission) — an input/output failure, exit 3. */
export type LoadResult = { ok: true; reference: Reference } | { ok: false; problems: string[]; io?: true };

export async function loadReferenceFile(file: string | undefined, lang: Lang): Promise<LoadResult> {
  if (file === undefined) return { ok: true, reference: defaultReference() };
  let bytes: Buffer;
  try {
    // Only a regular file, and never more than the size limit of bytes read (`--referensi /dev/zero`).
    const read = await readCapped(file, DEFAULT_LIMITS.maxFileBytes);
    bytes = Buffer.from(read.buffer, read.byteOffset, read.length);
  } catch (e) {
    if (e instanceof TooLarge)
      return { ok: false, problems: [`${file}: ${describeCause('tooLarge', lang)}`] };
    if (e instanceof NotRegular)
      return { ok: false, io: true, problems: [CLI_TEXTS[lang].referenceNotRegular(file)] };
    if (errnoCode(e) === 'ENOENT' || errnoCode(e) === 'ENOTDIR')
      return { ok: false, io: true, problems: [CLI_TEXTS[lang].referenceNotFound(file)] };
    return { ok: false, io: true, problems: [CLI_TEXTS[lang].referenceUnreadable(file, ioReason(e)[lang])] };
  }
  const name = path.basename(file).replace(/\.(json|xlsx|xlsm)$/i, '');
  const isJson = /\.json$/i.test(file) || bytes[0] === 0x7b || (bytes[0] === 0xef && bytes[3] === 0x7b);
  if (isJson) {
    let obj: unknown;
    try {
      obj = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
    } catch (e) {
      return { ok: false, problems: [`${file}: ${CLI_TEXTS[lang].notJson} (${(e as Error).message})`] };
    }
    return explain(file, parseReferenceJson(obj), lang);
  }
  const read = readXlsx(new Uint8Array(bytes));
  if (!read.ok) return { ok: false, problems: [`${file}: ${describeCause(read.cause, lang, read.detail)}`] };
  return explain(file, referenceFromGrid(read.workbook, name), lang);
}

function explain(
  file: string,
  result: { ok: true; reference: Reference } | { ok: false; problems: ReferenceProblem[] },
  lang: Lang,
): LoadResult {
  if (result.ok) return result;
  return { ok: false, problems: result.problems.map((p) => `${file}: ${p.message[lang]}`) };
}
