/**
 * The task pane's one "write these documents" call (src/engine/document.ts): each document as
 * .xlsx bytes, made in memory by the writer the command line uses (src/xlsx/documentXlsx.ts,
 * fflate's deflate, no Node API). Progress per file; cancellable between files. The feedback per
 * OPD uses it (feedbackFiles.ts); so does any next document.
 */
import type { DocumentModel } from '../engine/document';

export interface DocumentFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

export interface DocumentRun<D extends DocumentModel> {
  readonly signal?: AbortSignal;
  /** Before each file: n of total, and the document. */
  readonly onProgress?: (n: number, total: number, doc: D) => void;
}

/** The run was cancelled between two files: nothing is offered. */
export class DocumentsCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'DocumentsCancelled';
  }
}

const yieldToUi = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The documents' bytes, in order; `date` (ISO) stamps each workbook. */
export async function documentFiles<D extends DocumentModel>(
  docs: readonly D[],
  date: string,
  run: DocumentRun<D> = {},
): Promise<(DocumentFile & { doc: D })[]> {
  // The writer on demand (no static import of src/xlsx in the pane: test/taskpane/source.test.ts).
  const { documentXlsxBytes } = await import('../xlsx/documentXlsx');
  const out: (DocumentFile & { doc: D })[] = [];
  for (const [i, doc] of docs.entries()) {
    if (run.signal?.aborted) throw new DocumentsCancelled();
    run.onProgress?.(i + 1, docs.length, doc);
    await yieldToUi();
    if (run.signal?.aborted) throw new DocumentsCancelled();
    out.push({ fileName: doc.fileName, bytes: await documentXlsxBytes(doc, date), doc });
  }
  return out;
}
