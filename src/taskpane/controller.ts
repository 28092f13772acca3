/**
 * The task pane's controller as the components and tests see it: one object over one published
 * state, composed of a controller per tab or use case (`./controllers/`): reference, validation,
 * live validation, stamp status, stamp, decisions, audit export, consolidation. It owns only the
 * wiring and the start-up and close of the pane; no UI here, and bad user data never throws —
 * failures become notices in plain words.
 */
import { type IdentifiedFinding, type SignoffCheck, checkSignoff } from '../engine/validate';
import type { ConsolidationResult, ConsolidationRun, PickedFile } from './consolidation';
import { AuditExportController } from './controllers/auditExport';
import { ConsolidationController } from './controllers/consolidation';
import { type DecisionResult, DecisionController } from './controllers/decisions';
import { LiveController, watchedSheets } from './controllers/live';
import { ReferenceController } from './controllers/reference';
import { type ControllerDeps, PaneSession } from './controllers/session';
import { type SignoffView, type SignoffWho, StampController } from './controllers/stamp';
import { StampStatusController } from './controllers/stampStatus';
import { ValidationController, hasInovasiSheet } from './controllers/validation';
import type { PaneState, StampAllowance } from './state';

export type { ConsolidationResult, ConsolidationRun, PickedFile } from './consolidation';
export type { ControllerDeps } from './controllers/session';
export type { DecisionResult } from './controllers/decisions';
export type { SignoffView, SignoffWho } from './controllers/stamp';
export { AUDIT_FILE_NAME } from './controllers/auditExport';
export { CHANGED_STAMP_SETTING } from './controllers/stampStatus';
export { OPEN_WORKBOOK, droppedDecisions } from './controllers/validation';

export class PaneController {
  private readonly session: PaneSession;
  private readonly reference: ReferenceController;
  private readonly stampStatus: StampStatusController;
  private readonly live: LiveController;
  private readonly validation: ValidationController;
  private readonly stamping: StampController;
  private readonly decisions: DecisionController;
  private readonly audit: AuditExportController;
  private readonly consolidation: ConsolidationController;

  constructor(deps: ControllerDeps) {
    const session = (this.session = new PaneSession(deps));
    this.reference = new ReferenceController(session);
    this.stampStatus = new StampStatusController(session, this.reference);
    // An edit asks for a validation (live validation on) or a stamp check: both are wired in here.
    this.live = new LiveController(session, {
      revalidate: () => void this.validation.queue(),
      recheckStamp: () => void this.stampStatus.refresh(),
    });
    this.validation = new ValidationController(session, this.live, this.reference, this.stampStatus);
    this.stamping = new StampController(session, this.live);
    this.decisions = new DecisionController(session, this.live);
    this.audit = new AuditExportController(session, this.reference, this.stampStatus);
    this.consolidation = new ConsolidationController(session, this.live);
  }

  // -- state ------------------------------------------------------------------------------------

  getState = (): PaneState => this.session.store.get();

  subscribe = (listener: () => void): (() => void) => this.session.store.subscribe(listener);

  dismissNotice(id: number): void {
    this.session.store.dismissNotice(id);
  }

  /**
   * A background read in flight, if any: the stamp check, or the check of edits against what the
   * last validation read (tests wait for it rather than for a guessed delay).
   */
  get refreshing(): Promise<unknown> | null {
    return this.session.pendingBackground ?? this.live.checking;
  }

  // -- start and close --------------------------------------------------------------------------

  /** Reads the remembered reference and the workbook (has it an `Inovasi` sheet?), then watches edits. */
  async init(): Promise<void> {
    const { store, port } = this.session;
    // Known once Office is ready (the platform decides whether a download reaches the disk).
    store.set({ fileOffer: port.fileOffer() });
    await this.session.run(async () => {
      await this.reference.restore();
      const { grid } = await port.readSubmission();
      const reference = this.reference.resolve(grid);
      const stamp = checkSignoff(grid, reference.reference, this.session.today());
      store.set({ hasInovasi: hasInovasiSheet(grid), reference, stamp });
      await this.live.watch(watchedSheets(grid));
      await this.stampStatus.report(stamp);
    });
  }

  dispose(): void {
    this.session.disposed = true;
    this.live.dispose();
    this.consolidation.dispose();
  }

  // -- Referensi --------------------------------------------------------------------------------

  /** Loads a picked reference file (.json or reference workbook); a broken one leaves the previous in force. */
  loadReference(file: PickedFile): Promise<boolean> {
    return this.reference.load(file);
  }

  returnToDefault(): Promise<void> {
    return this.reference.returnToDefault();
  }

  // -- Validasi ---------------------------------------------------------------------------------

  /** Reads the whole workbook, validates and writes the flags. */
  validate(): Promise<void> {
    return this.validation.validate();
  }

  clearFlags(): Promise<void> {
    return this.validation.clearFlags();
  }

  selectFinding(finding: Pick<IdentifiedFinding, 'sheet' | 'cell'>): Promise<void> {
    return this.validation.selectFinding(finding);
  }

  /** An innovation's `Data Dukung` rows, or a new prefilled row (docs/spec/iid.md). */
  openEvidence(index: number): Promise<void> {
    return this.validation.openEvidence(index);
  }

  /** Shows a sheet the tool wrote (e.g. `Rekap OPD`), its first cell selected. */
  openSheet(sheet: string): Promise<void> {
    return this.validation.openSheet(sheet);
  }

  createTemplate(): Promise<void> {
    return this.validation.createTemplate();
  }

  setLive(live: boolean): void {
    this.live.setLive(live);
  }

  // -- stamp ------------------------------------------------------------------------------------

  stampAllowance(state: PaneState = this.getState()): StampAllowance {
    return this.stamping.allowance(state);
  }

  /** The sign-off chain as last checked, the next level and whether its buttons are on (docs/spec/signoff.md). */
  signoff(state: PaneState = this.getState()): SignoffView {
    return this.stamping.view(state);
  }

  /**
   * Stamps the next level of the chain (`level`: the one the button named; default the next):
   * a `_stempel` row (version 2) and a `stempel <level>` Riwayat event. `who` is `Oleh` (and
   * `Jabatan`); empty for the first level means the identity's penanggung jawab.
   */
  stamp(who: string | SignoffWho, level?: string): Promise<boolean> {
    return this.stamping.stamp(who, level);
  }

  /** Returns the submission for revision at `level` (above the first), the note required: a `dikembalikan` event. */
  kembalikan(level: string, catatan: string, who: SignoffWho): Promise<boolean> {
    return this.stamping.kembalikan(level, catatan, who);
  }

  /**
   * The stamp status recomputed from the workbook's current content. Called when the Audit tab is
   * opened and after an edit of a stamped workbook.
   */
  refreshStampStatus(): Promise<SignoffCheck | null> {
    return this.stampStatus.refresh();
  }

  // -- Audit ------------------------------------------------------------------------------------

  /** Accepts a finding: reason and reviewer are mandatory; nothing is written without them. */
  accept(findingId: string, reason: string, reviewer: string): Promise<DecisionResult> {
    return this.decisions.accept(findingId, reason, reviewer);
  }

  /** Withdraws an acceptance: also with a reason and the reviewer's name (kept in Riwayat). */
  withdraw(findingId: string, reason: string, reviewer: string): Promise<DecisionResult> {
    return this.decisions.withdraw(findingId, reason, reviewer);
  }

  /** The audit CSV of the open workbook as it is now, offered as a download. */
  exportAudit(): Promise<Blob | null> {
    return this.audit.exportAudit();
  }

  // -- Konsolidasi ------------------------------------------------------------------------------

  /** Consolidates the picked workbooks and writes the city summary (no pane state; rejects with `Cancelled`). */
  runConsolidation(files: readonly PickedFile[], run: ConsolidationRun = {}): Promise<ConsolidationResult> {
    return this.consolidation.run(files, run);
  }

  /** The pane's consolidation: progress in the state, cancellable with `cancelConsolidation`. */
  startConsolidation(files: readonly PickedFile[], tahun: number | null = null): Promise<void> {
    return this.consolidation.start(files, tahun);
  }

  cancelConsolidation(): void {
    this.consolidation.cancel();
  }

  /** Feedback per OPD from the last consolidation: one .xlsx per submitted OPD, offered as download links. */
  makeFeedback(): Promise<void> {
    return this.consolidation.feedback();
  }

  cancelFeedback(): void {
    this.consolidation.cancelFeedback();
  }

  /** Opens one feedback file as a new workbook (where a download from the pane goes nowhere). */
  openFeedback(url: string): Promise<void> {
    return this.consolidation.openFeedback(url);
  }
}
