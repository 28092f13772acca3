/**
 * The Audit tab's decisions: accepting a finding (reason and reviewer required) and withdrawing an
 * acceptance, written into `Temuan` with their `Riwayat` event in the same writes.
 */
import type { HistoryEvent } from '../../addin/port';
import { ruleDef } from '../../engine/rules/registry';
import type { FileValidation, IdentifiedFinding } from '../../engine/validate';
import type { UiKey } from '../i18n';
import type { LiveController } from './live';
import type { PaneSession } from './session';

export type DecisionResult =
  { readonly ok: true } | { readonly ok: false; readonly problems: readonly UiKey[] };

export class DecisionController {
  constructor(
    private readonly session: PaneSession,
    private readonly live: LiveController,
  ) {}

  /** Accepts a finding: reason and reviewer are mandatory; nothing is written without them. */
  accept(findingId: string, reason: string, reviewer: string): Promise<DecisionResult> {
    return this.decide('accept', findingId, reason, reviewer);
  }

  /** Withdraws an acceptance: also with a reason and the reviewer's name (kept in Riwayat). */
  withdraw(findingId: string, reason: string, reviewer: string): Promise<DecisionResult> {
    return this.decide('withdraw', findingId, reason, reviewer);
  }

  private async decide(
    mode: 'accept' | 'withdraw',
    findingId: string,
    reason: string,
    reviewer: string,
  ): Promise<DecisionResult> {
    const { store, port } = this.session;
    const problems: UiKey[] = [];
    if (!reason.trim()) problems.push('audit.needReason');
    if (!reviewer.trim()) problems.push('audit.needReviewer');
    const v = store.get().validation;
    const finding = v?.findings.find((f) => f.id === findingId);
    if (!v || !finding) problems.push('audit.notValidated');
    else if (mode === 'accept' && !ruleDef(finding.rule).acceptable) problems.push('audit.notAcceptable');
    else if (mode === 'accept' && finding.status === 'accepted') problems.push('audit.alreadyAccepted');
    else if (mode === 'withdraw' && finding.status !== 'accepted') problems.push('audit.notAccepted');
    if (problems.length || !v || !finding) return { ok: false, problems };

    const decided: IdentifiedFinding =
      mode === 'accept'
        ? {
            ...finding,
            status: 'accepted',
            decision: {
              status: 'accepted',
              reason: reason.trim(),
              reviewer: reviewer.trim(),
              date: this.session.today(),
            },
          }
        : { ...finding, status: 'open', decision: null };
    // A decision typed in Temuan and ignored is superseded by this one (it must not be written back).
    const next = {
      ...replaceFinding(v, decided),
      ignoredDecisions: v.ignoredDecisions.filter((d) => d.id !== finding.id),
    };
    const done = await this.session.run(async () => {
      this.live.forget();
      const event: HistoryEvent = {
        waktu: this.session.now().toISOString(),
        peristiwa: mode === 'accept' ? 'diterima' : 'dicabut',
        oleh: reviewer.trim(),
        id: finding.id,
        aturan: finding.rule,
        sel: finding.cell ? (finding.sheet ? `${finding.sheet}!${finding.cell}` : finding.cell) : undefined,
        alasan: reason.trim(),
      };
      await port.writeFlags(next, store.lang, { after: [event] });
      store.set({ validation: next });
      store.announce(mode === 'accept' ? 'audit.accepted' : 'audit.withdrawn', { id: finding.id });
      return true;
    });
    return done ? { ok: true } : { ok: false, problems: [] };
  }
}

function replaceFinding(v: FileValidation, finding: IdentifiedFinding): FileValidation {
  return { ...v, findings: v.findings.map((f) => (f.id === finding.id ? finding : f)) };
}
