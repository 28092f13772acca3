/**
 * The Konsolidasi tab's controller: a run over the picked workbooks with its progress in the pane
 * state, cancellable, and its outcome as notices. Reading, validating and writing the city summary
 * is `../consolidation.ts`.
 */
import type { CitySummary } from '../../engine/consolidate';
import {
  Cancelled,
  type ConsolidationResult,
  type ConsolidationRun,
  type PickedFile,
  consolidateFiles,
} from '../consolidation';
import { loadFeedbackFiles } from '../lazyFeedback';
import type { FeedbackLink } from '../state';
import type { LiveController } from './live';
import type { PaneSession } from './session';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export class ConsolidationController {
  private abort: AbortController | null = null;
  private feedbackAbort: AbortController | null = null;
  /** Each offered feedback file's bytes by its object URL (opened as a new workbook where downloads go nowhere). */
  private feedbackBytes = new Map<string, Uint8Array>();
  /** The last consolidation's summary and the region it names (feedback per OPD is made from them). */
  private last: { readonly summary: CitySummary; readonly region: string } | null = null;

  constructor(
    private readonly session: PaneSession,
    private readonly live: LiveController,
  ) {}

  /**
   * Reads, validates and consolidates the picked workbooks, then writes the city summary into the
   * workbook (`writeError` says why it could not be). Rejects with `Cancelled` when the signal fires
   * before writing starts.
   */
  run(files: readonly PickedFile[], run: ConsolidationRun = {}): Promise<ConsolidationResult> {
    const { store } = this.session;
    this.live.forget(); // the summary is written into this workbook
    return consolidateFiles(files, {
      ...run,
      port: this.session.port,
      reference: store.get().reference.reference,
      today: this.session.today(),
      consolidatedAt: this.session.now().toISOString().slice(0, 19),
      lang: store.lang,
      loadXlsx: this.session.loadXlsx,
    });
  }

  /** The pane's consolidation: progress in the state, cancellable with `cancel`. */
  async start(files: readonly PickedFile[], tahun: number | null = null): Promise<void> {
    const { store } = this.session;
    if (store.get().consolidation.running || files.length === 0) return;
    const abort = new AbortController();
    this.abort = abort;
    // A new run: the earlier feedback files belong to the earlier summary.
    this.feedbackAbort?.abort();
    this.last = null;
    this.offer([], false);
    const region = store.get().reference.reference.daerah.nama;
    store.set({
      consolidation: {
        running: true,
        progress: { n: 1, total: files.length, phase: 'reading' },
        outcome: null,
      },
    });
    try {
      const { writeError, summary, ...outcome }: ConsolidationResult = await this.run(files, {
        tahun,
        signal: abort.signal,
        onProgress: (progress) => store.set({ consolidation: { ...store.get().consolidation, progress } }),
      });
      store.set({ consolidation: { running: false, progress: null, outcome } });
      this.last = { summary, region };
      store.set({ feedback: { ...store.get().feedback, available: true } });
      if (outcome.written)
        store.notify('success', 'konsolidasi.written', { lembar: outcome.written.join(', ') });
      else {
        store.fail(writeError);
        store.notify('warning', 'konsolidasi.notWritten');
      }
      // Output under another name (outcome.renamed) is said in the Konsolidasi tab, next to the sheet links.
    } catch (e) {
      store.set({ consolidation: { running: false, progress: null, outcome: null } });
      if (e instanceof Cancelled) store.notify('info', 'konsolidasi.cancelled');
      else store.fail(e);
    } finally {
      this.abort = null;
    }
  }

  /** Stops a running consolidation (before it writes); also when the pane closes. */
  cancel(): void {
    this.abort?.abort();
  }

  /**
   * Feedback per OPD from the last consolidation (issue 13): one .xlsx per submitted OPD, in the
   * pane's language, offered as download links; progress per file, cancellable with `cancelFeedback`.
   */
  async feedback(): Promise<void> {
    const { store } = this.session;
    const last = this.last;
    if (!last || store.get().feedback.running) return;
    if (this.session.port.fileOffer() === 'none') {
      store.notify('warning', 'files.none', {});
      return;
    }
    const abort = new AbortController();
    this.feedbackAbort = abort;
    this.offer([], true);
    const progress = (n: number, total: number, file: string) =>
      store.set({ feedback: { ...store.get().feedback, progress: { n, total, file } } });
    let mod: Awaited<ReturnType<typeof loadFeedbackFiles>> | null = null;
    try {
      mod = await loadFeedbackFiles();
      const files = await mod.feedbackFiles(last.summary, {
        region: last.region,
        lang: store.lang,
        signal: abort.signal,
        onProgress: (n, total, _opd, fileName) => progress(n, total, fileName),
      });
      if (abort.signal.aborted) throw new mod.FeedbackCancelled();
      const links = files.map((f) => ({
        fileName: f.fileName,
        opd: f.opd,
        url: URL.createObjectURL(new Blob([f.bytes as BlobPart], { type: XLSX_TYPE })),
      }));
      // Where a download goes nowhere (fileOffer), each file is opened as a new workbook instead.
      this.feedbackBytes = new Map(links.map((l, i) => [l.url, files[i].bytes]));
      this.offer(links, false);
      store.notify('success', 'umpanBalik.done', { n: files.length });
    } catch (e) {
      this.offer([], false);
      if (mod && e instanceof mod.FeedbackCancelled) store.notify('info', 'umpanBalik.cancelled');
      else store.fail(e);
    } finally {
      if (this.feedbackAbort === abort) this.feedbackAbort = null;
    }
  }

  /** Opens one feedback file as a new workbook (hosts where a download goes nowhere: Mac, iPad, Windows). */
  async openFeedback(url: string): Promise<void> {
    const { store, port } = this.session;
    const bytes = this.feedbackBytes.get(url);
    const link = store.get().feedback.files.find((f) => f.url === url);
    if (!bytes || !link) return;
    const done = await this.session.run(async () => {
      await port.openWorkbook(bytes);
      return true;
    });
    if (done) store.announce('umpanBalik.opened', { opd: link.opd, berkas: link.fileName });
  }

  /** Stops making feedback files (between two files): none is offered. */
  cancelFeedback(): void {
    this.feedbackAbort?.abort();
  }

  /** Closing the pane: stop both runs and free the download links. */
  dispose(): void {
    this.cancel();
    this.cancelFeedback();
    for (const f of this.session.store.get().feedback.files) URL.revokeObjectURL(f.url);
  }

  /** Replaces the offered links (revoking the old object URLs) and the running flag. */
  private offer(files: readonly FeedbackLink[], running: boolean): void {
    const { store } = this.session;
    const old = store.get().feedback.files;
    for (const f of old) if (!files.some((n) => n.url === f.url)) URL.revokeObjectURL(f.url);
    for (const url of [...this.feedbackBytes.keys()])
      if (!files.some((n) => n.url === url)) this.feedbackBytes.delete(url);
    store.set({ feedback: { available: this.last !== null, running, progress: null, files } });
  }
}
