/** Turning PATH arguments into files, and files into validated workbooks. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { readXlsx, describeCause, formatSize, DEFAULT_LIMITS, type ReadFailureCause } from '../xlsx/readXlsx';
import { FileValidation, ValidateOptions, unreadableFile, validateWorkbook } from '../engine/validate';
import { readFailure } from './output';
import { UsageError } from './args';

const WORKBOOK_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xls']);

/**
 * Files named, and for a folder every .xlsx/.xlsm/.xls in it (not recursive, sorted by name). A path
 * that does not exist or a folder that cannot be listed is an `IoError` (exit 3).
 */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
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
        .filter((e) => e.isFile() && WORKBOOK_EXTENSIONS.has(path.extname(e.name).toLowerCase()) && !e.name.startsWith('~$'))
        .map((e) => e.name)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      files.push(...names.map((n) => path.join(p, n)));
    } else {
      files.push(p);
    }
  }
  return files;
}

/**
 * Input that names no workbook (empty folders, folders of PDFs only) is a usage error: exit 2,
 * naming the folder, nothing written (report-and-cli.md, revised 2026-12-07).
 */
export function requireWorkbooks(files: readonly string[], paths: readonly string[]): void {
  if (files.length) return;
  const where = paths.join(', ');
  throw new UsageError(`Tidak ada berkas .xlsx di ${where}`, `No .xlsx file in ${where}`);
}

export interface LoadedFile {
  readonly path: string;
  readonly bytes: Uint8Array | null;
  readonly validation: FileValidation;
}

/** A file's bytes, or why they could not be read (refused on its `stat` size before a byte is read). */
type Loaded = { readonly bytes: Uint8Array } | { readonly bytes: null; readonly failure: FileValidation };

async function loadFile(filePath: string): Promise<Loaded> {
  const name = path.basename(filePath);
  const limit = DEFAULT_LIMITS.maxFileBytes;
  try {
    const stat = await fs.stat(filePath);
    if (stat.size > limit) {
      const detail = `${formatSize(stat.size)} > ${formatSize(limit)}`;
      return { bytes: null, failure: unreadable(name, 'tooLarge', detail) };
    }
    return { bytes: new Uint8Array(await fs.readFile(filePath)) };
  } catch (e) {
    return { bytes: null, failure: unreadable(name, 'unreadable', (e as Error).message) };
  }
}

function validateLoaded(filePath: string, loaded: Loaded, options: ValidateOptions): LoadedFile {
  const validation = loaded.bytes ? validateBytes(loaded.bytes, path.basename(filePath), options) : loaded.failure;
  return { path: filePath, bytes: loaded.bytes, validation };
}

/**
 * Read and validate one file; an unreadable one becomes its KON-03 finding, never an exception.
 * A file over the size limit is refused on its `stat` size, before a byte of it is read.
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

/** `unreadable`: the file system refused it (permissions, a folder, gone since listed). */
function unreadable(file: string, cause: ReadFailureCause | 'unreadable', detail?: string): FileValidation {
  const text =
    cause === 'unreadable'
      ? { id: `berkas tidak dapat dibuka (${detail ?? ''})`, en: `the file cannot be opened (${detail ?? ''})` }
      : { id: describeCause(cause, 'id', detail), en: describeCause(cause, 'en', detail) };
  return unreadableFile(file, cause, text);
}
