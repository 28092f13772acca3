/**
 * The pane's one published state and what every controller does to it: patch it, tell the
 * subscribers (React), show a notice, report a failure in plain words, speak in the live region.
 * No workbook here; the controllers own the work, this file owns what the user is shown.
 */
import type { Lang } from '../../engine/messages';
import { describeError } from '../errors';
import type { UiKey, UiParams } from '../i18n';
import { defaultInForce } from '../references';
import type { Notice, NoticeIntent, PaneState } from '../state';

/** The state before anything is read: nothing validated, the embedded reference in force. */
export function initialPaneState(lang: Lang): PaneState {
  return {
    lang,
    busy: false,
    validation: null,
    dirty: false,
    stamp: null,
    live: false,
    hasInovasi: null,
    reference: defaultInForce(),
    identityName: null,
    identityJabatan: null,
    notices: [],
    announcement: null,
    consolidation: { running: false, progress: null, outcome: null },
    feedback: { available: false, running: false, progress: null, files: [] },
    fileOffer: 'download',
  };
}

export class PaneStore {
  private state: PaneState;
  private readonly listeners = new Set<() => void>();
  private noticeSeq = 0;

  constructor(initial: PaneState) {
    this.state = initial;
  }

  /** The current state (a stable reference until the next `set`, as `useSyncExternalStore` wants). */
  get = (): PaneState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(patch: Partial<PaneState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  get lang(): Lang {
    return this.state.lang;
  }

  /** A message bar; a newer notice of the same key replaces the older one. */
  notify(intent: NoticeIntent, key: UiKey, params: UiParams = {}, details: readonly string[] = []): void {
    const notice: Notice = { id: ++this.noticeSeq, intent, key, params, details };
    this.set({ notices: [...this.state.notices.filter((n) => n.key !== key), notice] });
  }

  dismissNotice(id: number): void {
    this.set({ notices: this.state.notices.filter((n) => n.id !== id) });
  }

  /** A failure as an error notice in the pane's language. */
  fail(e: unknown): void {
    const { key, params } = describeError(e, this.lang);
    this.notify('error', key, params);
  }

  /** The live region's text; the component renders it through the translator. */
  announce(key: UiKey, params: UiParams): void {
    this.set({ announcement: { key, params, seq: (this.state.announcement?.seq ?? 0) + 1 } });
  }
}
