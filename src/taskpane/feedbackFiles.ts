/**
 * Feedback per OPD in the task pane (issue 13): the engine's feedback documents as .xlsx bytes,
 * through the pane's one document call (documentFiles.ts: the writer the command line uses, in
 * memory), one file per submitted OPD. Load it with `loadFeedbackFiles` (lazyFeedback.ts; its own chunk: the
 * writer stays out of the initial bundle). Progress per file; cancellable between files.
 */
import type { CitySummary } from '../engine/consolidate';
import { feedbackDocuments } from '../engine/feedback';
import { DocumentsCancelled, documentFiles } from './documentFiles';
import type { Lang } from '../engine/messages';

export interface FeedbackFile {
  /** `umpan-balik-<opd>-<tahun>.xlsx` */
  readonly fileName: string;
  /** Who it is for (the OPD's name, else its code, else the file it judged). */
  readonly opd: string;
  readonly bytes: Uint8Array;
}

export interface FeedbackRun {
  /** The region named in each page header (the reference's `daerah.nama`). */
  readonly region: string;
  readonly lang: Lang;
  readonly signal?: AbortSignal;
  /** Before each file: n of total, and for whom. */
  readonly onProgress?: (n: number, total: number, opd: string, fileName: string) => void;
}

/** The run was cancelled between two files: nothing is offered. */
export class FeedbackCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'FeedbackCancelled';
  }
}

const opdOf = (doc: { opdName: string | null; opdCode: string | null; file: string }): string =>
  doc.opdName ?? doc.opdCode ?? doc.file;

export async function feedbackFiles(summary: CitySummary, run: FeedbackRun): Promise<FeedbackFile[]> {
  const docs = feedbackDocuments(summary, { region: run.region, lang: run.lang });
  try {
    const files = await documentFiles(docs, summary.consolidatedAt, {
      signal: run.signal,
      onProgress: (n, total, doc) => run.onProgress?.(n, total, opdOf(doc), doc.fileName),
    });
    return files.map((f) => ({ fileName: f.fileName, opd: opdOf(f.doc), bytes: f.bytes }));
  } catch (e) {
    throw e instanceof DocumentsCancelled ? new FeedbackCancelled() : e;
  }
}
