/**
 * The command line's one "write these documents" call (src/engine/document.ts): each document into
 * `dir` (created when missing) through a temporary name, with progress. The feedback per OPD uses
 * it; so does any next document. Check the paths first with `checkOutputs` (output.ts).
 */
import * as path from 'node:path';
import { DocumentModel } from '../engine/document';
import { writeDocumentXlsx } from '../node/documentWriter';
import { Common, Io } from './common';
import { writeAtomically } from './output';

/** Writes `docs` into `dir`; `date` (ISO) stamps each workbook; `writing` is the progress word. */
export async function writeDocumentFiles(
  docs: readonly DocumentModel[],
  dir: string,
  date: string,
  writing: string,
  c: Pick<Common, 'quiet'>,
  io: Io,
): Promise<void> {
  for (const [i, doc] of docs.entries()) {
    if (io.progress && !c.quiet) io.stderr(`\r${writing} [${i + 1}/${docs.length}] ${doc.fileName}\x1b[K`);
    await writeAtomically(path.join(dir, doc.fileName), (tmp) => writeDocumentXlsx(doc, tmp, date));
  }
  if (io.progress && !c.quiet && docs.length) io.stderr('\r\x1b[K');
}
