/**
 * Stamping (Stempel Final, audit.md): when the stamp button is allowed, and writing the `_stempel`
 * sheet with its `Riwayat` event after checking that the content is still the content validated.
 * The stamp's status as the workbook is now is `./stampStatus.ts`.
 */
import { RULES_VERSION } from '../../engine/rules/registry';
import { checkStamp, countFindings } from '../../engine/validate';
import { TOOL_NAME, TOOL_VERSION } from '../../engine/version';
import type { PaneState, StampAllowance } from '../state';
import type { LiveController } from './live';
import type { PaneSession } from './session';

export class StampController {
  constructor(
    private readonly session: PaneSession,
    private readonly live: LiveController,
  ) {}

  allowance(state: PaneState = this.session.store.get()): StampAllowance {
    const v = state.validation;
    if (!v || !v.submission) return { allowed: false, reason: 'stamp.notValidated', params: {} };
    const { errors } = countFindings(v.findings);
    if (errors > 0) return { allowed: false, reason: 'stamp.openErrors', params: { n: errors } };
    if (state.dirty) return { allowed: false, reason: 'stamp.edited', params: {} };
    return { allowed: true, reason: 'stamp.ready', params: {} };
  }

  /** Writes the `_stempel` sheet (audit.md) and a Riwayat event. */
  async stamp(oleh: string): Promise<boolean> {
    const { store, port } = this.session;
    const allowance = this.allowance();
    if (!allowance.allowed) {
      store.notify('warning', allowance.reason, allowance.params);
      return false;
    }
    const who = oleh.trim() || store.get().identityName || '';
    if (!who) {
      store.notify('error', 'stamp.noName');
      return false;
    }
    const v = store.get().validation!;
    const done = await this.session.run(async () => {
      // The content as it is now must be the content validated (an edit the events missed included).
      const { grid } = await port.readSubmission();
      const now = checkStamp(grid, store.get().reference.reference);
      if (now.contentHash !== v.contentHash) {
        store.set({ dirty: true, stamp: now });
        store.notify('warning', 'stamp.edited');
        return false;
      }
      const stats = countFindings(v.findings);
      const waktu = this.session.now().toISOString();
      const fields = {
        versi: 1,
        contentHash: v.contentHash ?? '',
        waktu,
        versiAturan: RULES_VERSION,
        referensi: store.get().reference.id,
        alat: `${TOOL_NAME} ${TOOL_VERSION}`,
        galat: stats.errors,
        peringatan: stats.warnings,
        diterima: stats.accepted,
        oleh: who,
      };
      this.live.forget();
      await port.writeStamp(fields);
      await this.session.history(
        { peristiwa: 'stempel', oleh: who, rincian: `${fields.contentHash}; galat ${stats.errors}, peringatan ${stats.warnings}, diterima ${stats.accepted}` },
        waktu,
      );
      const stampInfo = {
        contentHash: fields.contentHash,
        waktu,
        fields: Object.fromEntries(Object.entries(fields).map(([k, val]) => [k.toLowerCase(), String(val)])),
      };
      store.set({ validation: { ...v, stamp: 'valid', stampInfo }, stamp: { status: 'valid', info: stampInfo, contentHash: fields.contentHash } });
      store.announce('validasi.stampDone', { oleh: who, waktu });
      return true;
    });
    return done ?? false;
  }
}
