/** Turning PATH arguments into files, and files into validated workbooks. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { readXlsx, describeCause, formatSize, DEFAULT_LIMITS, type ReadFailureCause } from '../xlsx/readXlsx';
import { FileValidation, ValidateOptions, unreadableFile, validateWorkbook } from '../engine/validate';
import { ioReason, readFailure } from './output';
import { NotRegular, TooLarge, pathKind, readCapped, realPathOf } from './files';
import { inBoth } from '../engine/messages';
import { CLI_TEXTS } from './texts';
import { usageError } from './args';

const WORKBOOK_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xls']);

/**
 * Files named, and for a folder every .xlsx/.xlsm/.xls in it (not recursive, sorted by name). Links
 * are followed (a link to a workbook is read; a link to a folder inside a folder is not entered); an
 * entry that is not a regular file (a broken link, a pipe) is kept, so its KON-03 names it rather
 * than dropping it silently. A file named twice, or reached twice through a folder and a link, is
 * read once (by real path). A path that does not exist or a folder that cannot be listed is an
 * `IoError` (exit 3).
 */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  const seen = new Set<string>();
  const add = async (file: string) => {
    const real = await realPathOf(file);
    if (seen.has(real)) return;
    seen.add(real);
    files.push(file);
  };
  for (const p of paths) {
    let stat;
    try {
      stat = await fs.stat(p);
    } catch (e) {
      throw readFailure(p, e);
    }
    if (stat.isDirectory()) {
      let entries;
      try {
        entries = await fs.readdir(p, { withFileTypes: true });
      } catch (e) {
        throw readFailure(p, e);
      }
      const names = entries
        .filter(
          (e) =>
            !e.isDirectory() &&
            WORKBOOK_EXTENSIONS.has(path.extname(e.name).toLowerCase()) &&
            !e.name.startsWith('~$'),
        )
        .map((e) => e.name)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      for (const name of names) {
        const file = path.join(p, name);
        if ((await pathKind(file)) !== 'folder') await add(file);
      }
    } else {
      await add(p);
    }
  }
  return files;
}

/**
 * Input that names no workbook (empty folders, folders of PDFs only) is a usage error: exit 2,
 * naming the folder, nothing written (docs/spec/report-and-cli.md, revised 2026-12-07).
 */
export function requireWorkbooks(files: readonly string[], paths: readonly string[]): void {
  if (files.length) return;
  const where = paths.join(', ');
  throw usageError((t) => t.usage.noWorkbooks(where));
}

export interface LoadedFile {
  readonly path: string;
  readonly bytes: Uint8Array | null;
  readonly validation: FileValidation;
}

/** A file's bytes, or why they could not be read. */
type Loaded = { readonly bytes: Uint8Array } | { readonly bytes: null; readonly failure: FileValidation };

const NOT_REGULAR: Record<NotRegular['what'], { id: string; en: string }> = {
  folder: { id: 'itu sebuah folder', en: 'it is a folder' },
  device: { id: 'bukan berkas biasa, melainkan perangkat', en: 'not a regular file but a device' },
  pipe: { id: 'bukan berkas biasa, melainkan pipa', en: 'not a regular file but a pipe' },
  socket: { id: 'bukan berkas biasa, melainkan soket', en: 'not a regular file but a socket' },
  other: { id: 'bukan berkas biasa', en: 'not a regular file' },
};

/**
 * Only a regular file is read (a link is followed to one), and never more than the size limit:
 * counted on the bytes read, so `/dev/zero` or a file growing while read stops at 50 MB.
 */
async function loadFile(filePath: string): Promise<Loaded> {
  const name = path.basename(filePath);
  const limit = DEFAULT_LIMITS.maxFileBytes;
  try {
    return { bytes: await readCapped(filePath, limit) };
  } catch (e) {
    if (e instanceof TooLarge) {
      const detail = `${e.size === null ? '' : formatSize(e.size) + ' '}> ${formatSize(limit)}`;
      return { bytes: null, failure: unreadable(name, 'tooLarge', detail) };
    }
    if (e instanceof NotRegular)
      return { bytes: null, failure: unreadable(name, 'unreadable', NOT_REGULAR[e.what]) };
    const r = ioReason(e);
    return { bytes: null, failure: unreadable(name, 'unreadable', r) };
  }
}

function validateLoaded(filePath: string, loaded: Loaded, options: ValidateOptions): LoadedFile {
  const validation = loaded.bytes
    ? validateBytes(loaded.bytes, path.basename(filePath), options)
    : loaded.failure;
  return { path: filePath, bytes: loaded.bytes, validation };
}

/**
 * Read and validate one file; an unreadable one becomes its KON-03 finding, never an exception.
 * A file over the size limit is refused on its `stat` size before a byte is read, or as soon as
 * more than the limit has been read (a device, a file that grows).
 */
export async function validateFile(filePath: string, options: ValidateOptions): Promise<LoadedFile> {
  return validateLoaded(filePath, await loadFile(filePath), options);
}

/**
 * `validateFile` for each file in order, reading the next file while this one is validated (the
 * disk and the CPU work side by side; at most two files' bytes are held at once).
 */
export async function* validateFiles(
  filePaths: readonly string[],
  options: ValidateOptions,
  onStart: (index: number, filePath: string) => void = () => {},
): AsyncGenerator<LoadedFile> {
  let next = filePaths.length ? loadFile(filePaths[0]) : null;
  for (let i = 0; i < filePaths.length; i++) {
    onStart(i, filePaths[i]);
    const loaded = await next!;
    next = i + 1 < filePaths.length ? loadFile(filePaths[i + 1]) : null;
    yield validateLoaded(filePaths[i], loaded, options);
  }
}

/** The bytes of a file named `name`, validated: a workbook's findings, or its one KON-03. */
export function validateBytes(bytes: Uint8Array, name: string, options: ValidateOptions): FileValidation {
  const read = readXlsx(bytes);
  if (!read.ok) return unreadable(name, read.cause, read.detail);
  return validateWorkbook(read.workbook, name, options);
}

/** `unreadable`: the file system refused it (permissions, not a regular file, gone since listed). */
function unreadable(
  file: string,
  cause: ReadFailureCause | 'unreadable',
  detail?: string | { id: string; en: string },
): FileValidation {
  const d =
    typeof detail === 'string' || detail === undefined ? { id: detail ?? '', en: detail ?? '' } : detail;
  const text =
    cause === 'unreadable'
      ? inBoth(CLI_TEXTS, (t, lang) => t.cannotOpen(d[lang]))
      : inBoth(CLI_TEXTS, (_, lang) => describeCause(cause, lang, d[lang]));
  return unreadableFile(file, cause, text);
}
