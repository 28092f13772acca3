/**
 * The Konsolidasi tab's controller: a run over the picked workbooks with its progress in the pane
 * state, cancellable, and its outcome as notices. Reading, validating and writing the city summary
 * is `../consolidation.ts`.
 */
import { Cancelled, type ConsolidationResult, type ConsolidationRun, type PickedFile, consolidateFiles } from '../consolidation';
import type { LiveController } from './live';
import type { PaneSession } from './session';

export class ConsolidationController {
  private abort: AbortController | null = null;

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
  async start(files: readonly PickedFile[]): Promise<void> {
    const { store } = this.session;
    if (store.get().consolidation.running || files.length === 0) return;
    const abort = new AbortController();
    this.abort = abort;
    store.set({ consolidation: { running: true, progress: { n: 1, total: files.length, phase: 'reading' }, outcome: null } });
    try {
      const { writeError, ...outcome }: ConsolidationResult = await this.run(files, {
        signal: abort.signal,
        onProgress: (progress) => store.set({ consolidation: { ...store.get().consolidation, progress } }),
      });
      store.set({ consolidation: { running: false, progress: null, outcome } });
      if (outcome.written) store.notify('success', 'konsolidasi.written', { lembar: outcome.written.join(', ') });
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
}
