/**
 * What the per-tab controllers share besides the published state: the workbook's port, the clock,
 * the on-demand .xlsx reader and the download helper, and the rules for using the workbook — one
 * operation shown as busy with its failure as a notice, a background read (the stamp check) that
 * operations wait for and that waits for them, and the `Riwayat` event stamped with the time.
 */
import type { HistoryEvent, WorkbookPort } from '../../addin/port';
import { type XlsxLoader, loadXlsxReader } from '../lazyXlsx';
import { PaneStore, initialPaneState } from './paneStore';
import { localIsoDay } from '../../engine/isoDate';

export interface ControllerDeps {
  readonly port: WorkbookPort;
  /** Validation date `YYYY-MM-DD`; default today (local). */
  readonly today?: () => string;
  /** Current time; default `new Date()`. */
  readonly now?: () => Date;
  /** Loads the .xlsx reader on demand (a dynamic import in the bundle). */
  readonly loadXlsx?: XlsxLoader;
  /** Offers a file for download (the task pane passes a DOM helper). */
  readonly download?: (fileName: string, blob: Blob) => void;
}

const localToday = localIsoDay;

export class PaneSession {
  readonly store: PaneStore;
  readonly port: WorkbookPort;
  readonly today: () => string;
  readonly now: () => Date;
  readonly loadXlsx: XlsxLoader;
  readonly download: (fileName: string, blob: Blob) => void;
  /** The pane is gone: no more watching, no background reads. */
  disposed = false;
  /** A background read of the workbook; operations wait for it (the adapter keeps one snapshot). */
  private background: Promise<unknown> | null = null;
  /** A background read asked for while an operation ran: started when an operation ends. */
  private afterRun: (() => void) | null = null;

  constructor(deps: ControllerDeps) {
    this.port = deps.port;
    this.now = deps.now ?? (() => new Date());
    this.today = deps.today ?? (() => localToday(this.now()));
    this.loadXlsx = deps.loadXlsx ?? loadXlsxReader;
    this.download = deps.download ?? (() => undefined);
    this.store = new PaneStore(initialPaneState(safeCall(() => this.port.displayLanguage(), 'id')));
    this.store.set({ fileOffer: safeCall(() => this.port.fileOffer(), 'download') });
  }

  /** The background read in flight, if any (tests wait for it instead of guessing a delay). */
  get pendingBackground(): Promise<unknown> | null {
    return this.background;
  }

  /** Runs one workbook operation: busy while it runs, failures as notices (an earlier failure's notice goes). */
  async run<T>(work: () => Promise<T>): Promise<T | undefined> {
    const store = this.store;
    store.set({ busy: true, notices: store.get().notices.filter((n) => n.intent !== 'error') });
    try {
      await this.background?.catch(() => undefined);
      return await work();
    } catch (e) {
      store.fail(e);
      return undefined;
    } finally {
      store.set({ busy: false });
      const later = this.afterRun;
      if (later) {
        this.afterRun = null;
        later();
      }
    }
  }

  /**
   * A read in the background (it shows no busy state and no failure): while an operation is using
   * the workbook it is put off until an operation ends; while another is in flight it is skipped.
   * `unchanged` is the answer when it is put off, skipped or fails (the last known result).
   */
  async inBackground<T>(read: () => Promise<T>, unchanged: () => T): Promise<T> {
    if (this.disposed) return unchanged();
    const { busy, consolidation } = this.store.get();
    if (busy || consolidation.running) {
      // Another operation is using the workbook; read again once it is done.
      this.afterRun = () => void this.inBackground(read, unchanged);
      return unchanged();
    }
    if (this.background) return unchanged();
    const work = read();
    this.background = work;
    try {
      return await work;
    } catch {
      return unchanged();
    } finally {
      this.background = null;
    }
  }

  /** One `Riwayat` row, stamped with the current time. */
  history(event: Omit<HistoryEvent, 'waktu'>, waktu = this.now().toISOString()): Promise<void> {
    return this.port.appendHistory([{ waktu, ...event }]);
  }
}

function safeCall<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}
