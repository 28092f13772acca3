/**
 * The stamp as the workbook is now (docs/spec/audit.md): recomputed from the current content in the
 * background (the Audit tab opened, an edit of a stamped workbook), and a stamp found changed
 * logged in `Riwayat` once. Writing a stamp is `./stamp.ts`.
 */
import type { WorkbookGrid } from '../../engine/grid';
import { readStempel } from '../../engine/signoff';
import { type FileValidation, type SignoffCheck, type StampCheck, checkSignoff } from '../../engine/validate';
import type { ReferenceController } from './reference';
import type { PaneSession } from './session';

/** Document setting: the stamp (`contentHash|waktu`) whose change is already in `Riwayat`. */
export const CHANGED_STAMP_SETTING = 'inovasiDaerah.stempelBerubah';

export class StampStatusController {
  private changedStampReported: string | null = null;

  constructor(
    private readonly session: PaneSession,
    private readonly reference: ReferenceController,
  ) {}

  /**
   * A stamp found changed goes into `Riwayat` once per stamp: remembered in this session and in the
   * document's settings, so another session does not log the same stamp again.
   */
  async report(check: StampCheck): Promise<void> {
    if (check.status !== 'changed' || !check.info) return;
    const key = `${check.info.contentHash}|${check.info.waktu ?? ''}`;
    if (this.changedStampReported === key) return;
    this.changedStampReported = key;
    const { port } = this.session;
    try {
      const stored = await port.getSetting<string>(CHANGED_STAMP_SETTING).catch(() => null);
      if (stored === key) return;
      const oleh = check.info.fields.oleh || '';
      await this.session.history({
        peristiwa: 'stempel berubah',
        rincian: `distempel ${check.info.waktu ?? '?'}${oleh ? ` oleh ${oleh}` : ''} (${check.info.contentHash}); isi kini ${check.contentHash ?? '?'}`,
      });
      await port.setSetting(CHANGED_STAMP_SETTING, key).catch(() => undefined);
    } catch (e) {
      this.changedStampReported = null;
      throw e;
    }
  }

  /**
   * The stamp status recomputed from the workbook's current content (read, parse, content hash; no
   * rules, nothing written except a `stempel berubah` event the first time a stamp is found changed).
   * A failed read leaves the last known status (the next validation reports what went wrong).
   */
  refresh(): Promise<SignoffCheck | null> {
    const { port, store } = this.session;
    return this.session.inBackground(
      async () => {
        const { grid } = await port.readSubmission();
        const check = checkSignoff(grid, this.reference.resolve(grid).reference, this.session.today());
        store.set({ stamp: check });
        await this.report(check);
        return check;
      },
      () => store.get().stamp,
    );
  }
}

/** The chain as a validation of `grid` computed it (no second parse). */
export function signoffOfValidation(v: FileValidation, grid: WorkbookGrid): SignoffCheck {
  return {
    status: v.stamp,
    info: v.stampInfo,
    contentHash: v.contentHash,
    stempel: readStempel(grid),
    persetujuan: v.persetujuan,
  };
}
