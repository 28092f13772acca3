/**
 * The Referensi tab's controller: which reference is in force. The workbook's own reference sheets
 * win, then the reference picked (remembered in the document's settings), then the embedded
 * default. Loading a picked file and returning to the default live here; reading and checking a
 * reference file is `../references.ts`.
 */
import type { WorkbookGrid } from '../../engine/grid';
import type { PickedFile } from '../consolidation';
import {
  REFERENCE_SETTING,
  type ReferenceInForce,
  defaultInForce,
  inForce,
  referenceFromFile,
  referenceFromJsonText,
  referenceJsonText,
  workbookReference,
} from '../references';
import type { PaneSession } from './session';

export class ReferenceController {
  /** The picked reference (from the document's settings or this session), when there is one. */
  private picked: ReferenceInForce | null = null;

  constructor(private readonly session: PaneSession) {}

  /** At start-up (inside the start-up operation): the reference remembered in the document, if any. */
  async restore(): Promise<void> {
    const { port, store } = this.session;
    const stored = await port.getSetting<unknown>(REFERENCE_SETTING);
    if (typeof stored === 'string' && stored) {
      const loaded = referenceFromJsonText(stored, store.lang);
      if (loaded.ok) this.picked = inForce(loaded.reference, 'picked');
      else store.notify('warning', 'referensi.storedBroken', {}, loaded.problems);
    }
  }

  /** Workbook's own reference sheets → picked reference → embedded default. */
  resolve(grid: WorkbookGrid | null): ReferenceInForce {
    if (grid) {
      const own = workbookReference(grid, this.session.store.lang);
      if (own?.ok) return inForce(own.reference, 'workbook');
      if (own && !own.ok) {
        this.session.store.notify('warning', 'referensi.workbookBroken', {}, own.problems);
      }
    }
    return this.picked ?? defaultInForce();
  }

  /** Loads a picked reference file (.json or reference workbook); a broken one leaves the previous in force. */
  async load(file: PickedFile): Promise<boolean> {
    const { port, store } = this.session;
    const done = await this.session.run(async () => {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await file.arrayBuffer());
      } catch {
        store.notify('error', 'err.fileOpen', { berkas: file.name });
        return false;
      }
      const loaded = await referenceFromFile(file.name, bytes, store.lang, this.session.loadXlsx);
      if (!loaded.ok) {
        store.notify('error', 'referensi.broken', { berkas: file.name }, loaded.problems);
        return false;
      }
      await port.setSetting(REFERENCE_SETTING, referenceJsonText(loaded.reference));
      this.picked = inForce(loaded.reference, 'picked');
      this.applyPicked();
      return true;
    });
    return done ?? false;
  }

  async returnToDefault(): Promise<void> {
    await this.session.run(async () => {
      await this.session.port.setSetting(REFERENCE_SETTING, null);
      this.picked = null;
      this.applyPicked();
    });
  }

  private applyPicked(): void {
    const store = this.session.store;
    if (store.get().reference.source === 'workbook') {
      store.notify('info', 'referensi.workbookOverrides');
      return;
    }
    const reference = this.picked ?? defaultInForce();
    store.set({ reference });
    store.notify('success', 'referensi.loaded', { id: reference.id });
    store.announce('referensi.loaded', { id: reference.id });
  }
}
