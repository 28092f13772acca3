/**
 * Feedback per OPD in the task pane (issue 13): the engine's feedback documents as .xlsx bytes,
 * made in memory by the writer the command line uses (src/xlsx/feedbackXlsx.ts, fflate's deflate,
 * no Node API), one file per submitted OPD. Load it with `loadFeedbackFiles` (lazyFeedback.ts; its own chunk: the
 * writer stays out of the initial bundle). Progress per file; cancellable between files.
 */
import type { CitySummary } from '../engine/consolidate';
import { feedbackDocuments } from '../engine/feedback';
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

const yieldToUi = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function feedbackFiles(summary: CitySummary, run: FeedbackRun): Promise<FeedbackFile[]> {
  // The writer on demand too (no static import of src/xlsx in the pane: test/taskpane/source.test.ts).
  const { feedbackXlsxBytes } = await import('../xlsx/feedbackXlsx');
  const docs = feedbackDocuments(summary, { region: run.region, lang: run.lang });
  const out: FeedbackFile[] = [];
  for (const [i, doc] of docs.entries()) {
    if (run.signal?.aborted) throw new FeedbackCancelled();
    const opd = doc.opdName ?? doc.opdCode ?? doc.file;
    run.onProgress?.(i + 1, docs.length, opd, doc.fileName);
    await yieldToUi();
    if (run.signal?.aborted) throw new FeedbackCancelled();
    out.push({ fileName: doc.fileName, opd, bytes: await feedbackXlsxBytes(doc, summary.consolidatedAt) });
  }
  return out;
}
