/**
 * Orchestration between the workbook (through its port) and the engine, without any UI: the
 * components call these methods and render the published state. Bad user data never throws here;
 * failures become notices in plain words.
 */
import { gridOf, temuanRows, typedDecisions } from '../addin/flags';
import { patchSheetRows } from '../addin/grid';
import type { HistoryEvent, WorkbookPort } from '../addin/port';
import { auditCsv, withStampFinding } from '../engine/audit';
import type { CellValue, WorkbookGrid } from '../engine/grid';
import type { Lang } from '../engine/messages';
import { findSheet } from '../engine/parse';
import { RULES_VERSION, ruleDef } from '../engine/rules/registry';
import { SHEET_IDENTITAS, SHEET_INOVASI, SHEET_TEMUAN } from '../engine/schema';
import { normalise } from '../engine/text';
import {
  type FileValidation,
  type IdentifiedFinding,
  type StampCheck,
  checkStamp,
  countFindings,
  readDecisions,
  validateWorkbook,
} from '../engine/validate';
import { cellText } from '../engine/values';
import { TOOL_NAME, TOOL_VERSION } from '../engine/version';
import { Cancelled, type ConsolidationResult, type ConsolidationRun, type PickedFile, consolidateFiles } from './consolidation';
import { describeError } from './errors';
import { type UiKey, type UiParams, langOf, translator } from './i18n';
import { type XlsxLoader, loadXlsxReader } from './lazyXlsx';
import {
  REFERENCE_SETTING,
  type ReferenceInForce,
  defaultInForce,
  inForce,
  referenceFromFile,
  referenceFromJsonText,
  referenceJsonText,
  workbookReference,
} from './references';
import type { Notice, NoticeIntent, PaneState, StampAllowance } from './state';

export type { ConsolidationResult, ConsolidationRun, PickedFile } from './consolidation';

/** The open workbook as findings name it. */
export const OPEN_WORKBOOK = 'Buku kerja ini';
export const AUDIT_FILE_NAME = 'laporan-audit.csv';
/** Document setting: the stamp (`contentHash|waktu`) whose change is already in `Riwayat`. */
export const CHANGED_STAMP_SETTING = 'inovasiDaerah.stempelBerubah';

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

export type DecisionResult = { readonly ok: true } | { readonly ok: false; readonly problems: readonly UiKey[] };

const localToday = (d: Date): string =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

function identityName(v: FileValidation): string | null {
  const p = v.submission?.identity.penanggungJawab.parsed;
  return p?.kind === 'ok' ? String(p.value) : null;
}

export class PaneController {
  private state: PaneState;
  private readonly listeners = new Set<() => void>();
  private readonly port: WorkbookPort;
  private readonly today: () => string;
  private readonly now: () => Date;
  private readonly loadXlsx: XlsxLoader;
  private readonly download: (fileName: string, blob: Blob) => void;
  /** The picked reference (from the document's settings or this session), when there is one. */
  private picked: ReferenceInForce | null = null;
  /** Sheets whose edits are watched (the submission sheet and Identitas), by name → unsubscribe. */
  private readonly watched = new Map<string, () => Promise<void>>();
  private disposed = false;
  private validating: Promise<void> | null = null;
  private revalidateAgain = false;
  private abort: AbortController | null = null;
  private noticeSeq = 0;
  private changedStampReported: string | null = null;
  /** A stamp check reading the workbook; other workbook operations wait for it (the adapter keeps one snapshot). */
  private refreshing: Promise<unknown> | null = null;
  /** A stamp check was asked for while an operation ran: done when it ends. */
  private refreshAfterRun = false;
  /**
   * Live validation: the grid of the last validation (as read, then patched with the rows edited
   * since), its submission sheet and header row, and the flags signature last written; null when
   * only a full read is right (never validated, a failure, or another operation wrote the workbook).
   */
  private live: { grid: WorkbookGrid; sheet: string; headerRow: number; written: string | null } | null = null;
  /** Rows of the submission sheet edited since the last read; `all`: something else changed. */
  private pendingRows = new Set<number>();
  private pendingAll = false;
  /** The next validation must read everything (the Validasi button). */
  private fullRequested = false;

  constructor(deps: ControllerDeps) {
    this.port = deps.port;
    this.now = deps.now ?? (() => new Date());
    this.today = deps.today ?? (() => localToday(this.now()));
    this.loadXlsx = deps.loadXlsx ?? loadXlsxReader;
    this.download = deps.download ?? (() => undefined);
    this.state = {
      lang: langOf(safeCall(() => this.port.displayLanguage(), 'id')),
      busy: false,
      validation: null,
      dirty: false,
      stamp: null,
      live: false,
      hasInovasi: null,
      reference: defaultInForce(),
      identityName: null,
      notices: [],
      announcement: null,
      consolidation: { running: false, progress: null, outcome: null },
    };
  }

  // -- state ------------------------------------------------------------------------------------

  getState = (): PaneState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<PaneState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  private get lang(): Lang {
    return this.state.lang;
  }

  private notify(intent: NoticeIntent, key: UiKey, params: UiParams = {}, details: readonly string[] = []): void {
    const notice: Notice = { id: ++this.noticeSeq, intent, key, params, details };
    this.set({ notices: [...this.state.notices.filter((n) => n.key !== key), notice] });
  }

  dismissNotice(id: number): void {
    this.set({ notices: this.state.notices.filter((n) => n.id !== id) });
  }

  private fail(e: unknown): void {
    const { key, params } = describeError(e, this.lang);
    this.notify('error', key, params);
  }

  /** Runs one workbook operation: busy while it runs, failures as notices (an earlier failure's notice goes). */
  private async run<T>(work: () => Promise<T>): Promise<T | undefined> {
    this.set({ busy: true, notices: this.state.notices.filter((n) => n.intent !== 'error') });
    try {
      await this.refreshing?.catch(() => undefined);
      return await work();
    } catch (e) {
      this.fail(e);
      return undefined;
    } finally {
      this.set({ busy: false });
      if (this.refreshAfterRun) {
        this.refreshAfterRun = false;
        void this.refreshStampStatus();
      }
    }
  }

  /** One `Riwayat` row, stamped with the current time. */
  private history(event: Omit<HistoryEvent, 'waktu'>, waktu = this.now().toISOString()): Promise<void> {
    return this.port.appendHistory([{ waktu, ...event }]);
  }

  /**
   * A stamp found changed goes into `Riwayat` once per stamp: remembered in this session and in the
   * document's settings, so another session does not log the same stamp again.
   */
  private async reportChangedStamp(check: StampCheck): Promise<void> {
    if (check.status !== 'changed' || !check.info) return;
    const key = `${check.info.contentHash}|${check.info.waktu ?? ''}`;
    if (this.changedStampReported === key) return;
    this.changedStampReported = key;
    try {
      const stored = await this.port.getSetting<string>(CHANGED_STAMP_SETTING).catch(() => null);
      if (stored === key) return;
      const oleh = check.info.fields.oleh || '';
      await this.history({
        peristiwa: 'stempel berubah',
        rincian: `distempel ${check.info.waktu ?? '?'}${oleh ? ` oleh ${oleh}` : ''} (${check.info.contentHash}); isi kini ${check.contentHash ?? '?'}`,
      });
      await this.port.setSetting(CHANGED_STAMP_SETTING, key).catch(() => undefined);
    } catch (e) {
      this.changedStampReported = null;
      throw e;
    }
  }

  /**
   * The stamp status recomputed from the workbook's current content (read, parse, content hash; no
   * rules, nothing written except a `stempel berubah` event the first time a stamp is found changed).
   * Called when the Audit tab is opened and after an edit of a stamped workbook.
   */
  async refreshStampStatus(): Promise<StampCheck | null> {
    if (this.disposed) return this.state.stamp;
    if (this.state.busy || this.state.consolidation.running) {
      // Another operation is using the workbook; check again once it is done.
      this.refreshAfterRun = true;
      return this.state.stamp;
    }
    if (this.refreshing) return this.state.stamp;
    const work = (async () => {
      const { grid } = await this.port.readSubmission();
      const check = checkStamp(grid, this.resolveReference(grid).reference);
      this.set({ stamp: check });
      await this.reportChangedStamp(check);
      return check;
    })();
    this.refreshing = work;
    try {
      return await work;
    } catch {
      // A status check in the background: a failed read leaves the last known status (the next
      // validation reports what went wrong).
      return this.state.stamp;
    } finally {
      this.refreshing = null;
    }
  }

  // -- start ------------------------------------------------------------------------------------

  /** Reads the remembered reference and the workbook (has it an `Inovasi` sheet?), then watches edits. */
  async init(): Promise<void> {
    await this.run(async () => {
      const stored = await this.port.getSetting<unknown>(REFERENCE_SETTING);
      if (typeof stored === 'string' && stored) {
        const loaded = referenceFromJsonText(stored, this.lang);
        if (loaded.ok) this.picked = inForce(loaded.reference, 'picked');
        else this.notify('warning', 'referensi.storedBroken', {}, loaded.problems);
      }
      const { grid } = await this.port.readSubmission();
      const reference = this.resolveReference(grid);
      const stamp = checkStamp(grid, reference.reference);
      this.set({ hasInovasi: hasInovasiSheet(grid), reference, stamp });
      await this.watch(watchedSheets(grid));
      await this.reportChangedStamp(stamp);
    });
  }

  dispose(): void {
    this.disposed = true;
    for (const unsubscribe of this.watched.values()) void unsubscribe().catch(() => undefined);
    this.watched.clear();
    this.abort?.abort();
  }

  // -- reference --------------------------------------------------------------------------------

  /** Workbook's own reference sheets → picked reference → embedded default. */
  private resolveReference(grid: WorkbookGrid | null): ReferenceInForce {
    if (grid) {
      const own = workbookReference(grid, this.lang);
      if (own?.ok) return inForce(own.reference, 'workbook');
      if (own && !own.ok) {
        this.notify('warning', 'referensi.workbookBroken', {}, own.problems);
      }
    }
    return this.picked ?? defaultInForce();
  }

  /** Loads a picked reference file (.json or reference workbook); a broken one leaves the previous in force. */
  async loadReference(file: PickedFile): Promise<boolean> {
    const done = await this.run(async () => {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await file.arrayBuffer());
      } catch {
        this.notify('error', 'err.fileOpen', { berkas: file.name });
        return false;
      }
      const loaded = await referenceFromFile(file.name, bytes, this.lang, this.loadXlsx);
      if (!loaded.ok) {
        this.notify('error', 'referensi.broken', { berkas: file.name }, loaded.problems);
        return false;
      }
      await this.port.setSetting(REFERENCE_SETTING, referenceJsonText(loaded.reference));
      this.picked = inForce(loaded.reference, 'picked');
      this.applyPickedReference();
      return true;
    });
    return done ?? false;
  }

  async returnToDefault(): Promise<void> {
    await this.run(async () => {
      await this.port.setSetting(REFERENCE_SETTING, null);
      this.picked = null;
      this.applyPickedReference();
    });
  }

  private applyPickedReference(): void {
    if (this.state.reference.source === 'workbook') {
      this.notify('info', 'referensi.workbookOverrides');
      return;
    }
    const reference = this.picked ?? defaultInForce();
    this.set({ reference });
    this.notify('success', 'referensi.loaded', { id: reference.id });
    this.announce('referensi.loaded', { id: reference.id });
  }

  // -- validation -------------------------------------------------------------------------------

  /** Reads the whole workbook, validates and writes the flags. */
  async validate(): Promise<void> {
    this.fullRequested = true;
    return this.queueValidation();
  }

  /** One validation at a time; a request while one runs makes one more afterwards. */
  private async queueValidation(): Promise<void> {
    if (this.validating) {
      this.revalidateAgain = true;
      return this.validating;
    }
    this.validating = this.run(() => this.validateOnce()).then(() => undefined);
    try {
      await this.validating;
    } finally {
      this.validating = null;
    }
    if (this.revalidateAgain) {
      this.revalidateAgain = false;
      await this.queueValidation();
    }
  }

  /**
   * The grid to validate: with live validation and only data rows of the submission sheet edited
   * since the last read, those rows read and patched into the last grid (a new grid); else a full read.
   */
  private async currentGrid(): Promise<{ grid: WorkbookGrid; incremental: boolean }> {
    const live = this.live;
    const rows = [...this.pendingRows].sort((a, b) => a - b);
    const full = this.fullRequested || this.pendingAll || !live || !rows.length || rows[0] <= live.headerRow;
    this.pendingRows = new Set();
    this.pendingAll = false;
    this.fullRequested = false;
    this.live = null; // until this read has succeeded
    if (full || !live) return { grid: (await this.port.readSubmission()).grid, incremental: false };
    const cells = await this.port.readRows(live.sheet, rows);
    const patch = new Map<number, CellValue[]>(rows.map((r, i) => [r - 1, cells[i] ?? []]));
    const grid = { sheets: live.grid.sheets.map((s) => (s.name === live.sheet ? patchSheetRows(s, patch) : s)) };
    return { grid, incremental: true };
  }

  /**
   * One validation. Live (rows edited): one sync reads the rows, the engine validates the patched
   * grid whole (cross-row rules such as LOG-06 stay right), and when the flags would be the same
   * nothing is written (no Riwayat event either). When they differ, `writeFlags` writes the
   * flags and the run's Riwayat event in its two syncs (Temuan, `_tanda` and Status Validasi
   * whole: about 2 MB for 2,000 rows; fills and notes only where they change).
   * Decisions typed into `Temuan` are picked up by the next full read (the Validasi button).
   */
  private async validateOnce(): Promise<void> {
    // Edits from here on (even during the read) are edits made after this validation.
    this.set({ dirty: false });
    const previous = this.live;
    const { grid, incremental } = await this.currentGrid();
    const reference = this.resolveReference(grid);
    const validation = validateWorkbook(grid, OPEN_WORKBOOK, { reference: reference.reference, today: this.today() });
    const table = validation.submission?.table ?? null;
    const signature = flagsSignature(validation);
    this.live = table ? { grid, sheet: table.sheet, headerRow: table.headerRow, written: null } : null;
    await this.watch(watchedSheets(grid, table?.sheet ?? null));
    if (incremental && previous?.written === signature) {
      // Nothing the flags show changed: nothing to write (and no Riwayat event: no finding changed).
      this.live = table ? { grid, sheet: table.sheet, headerRow: table.headerRow, written: signature } : null;
      const stamp: StampCheck = { status: validation.stamp, info: validation.stampInfo, contentHash: validation.contentHash };
      this.set({ validation, stamp, reference, identityName: identityName(validation) });
      await this.reportChangedStamp(stamp);
      return;
    }
    // Decisions in Temuan whose finding no longer occurs leave the sheet with the new flags; their
    // trace goes into Riwayat ahead of every other write, so that a failed write cannot lose it.
    // The validation's own event follows the flags (in the same round trips).
    const waktu = this.now().toISOString();
    const dropped = droppedDecisions(grid, validation).map((d) => ({ waktu, ...d }));
    const stats = countFindings(validation.findings);
    const logged: HistoryEvent = {
      waktu,
      peristiwa: 'validasi',
      oleh: identityName(validation) ?? undefined,
      rincian: `galat ${stats.errors}, peringatan ${stats.warnings}, info ${stats.infos}, diterima ${stats.accepted}; ${validation.contentHash ?? ''}`.trim(),
    };
    await this.port.writeFlags(validation, this.lang, { before: dropped, after: [logged] });
    if (this.live && table) {
      // The workbook's Temuan is now the one just written (decisions carried over by id).
      const temuan = gridOf(SHEET_TEMUAN, temuanRows(validation, this.lang, typedDecisions(grid)));
      const others = grid.sheets.filter((s) => normalise(s.name) !== normalise(SHEET_TEMUAN));
      this.live = { ...this.live, grid: { sheets: [...others, temuan] }, written: signature };
    }
    const stamp: StampCheck = { status: validation.stamp, info: validation.stampInfo, contentHash: validation.contentHash };
    await this.reportChangedStamp(stamp);
    const params = { galat: stats.errors, peringatan: stats.warnings, diterima: stats.accepted };
    this.set({
      validation,
      stamp,
      reference,
      hasInovasi: hasInovasiSheet(grid),
      identityName: identityName(validation),
      notices: this.state.notices.filter((n) => n.key !== 'validasi.ignored'),
    });
    this.announce(validation.findings.length === 0 ? 'validasi.noFindings' : 'validasi.summary', params);
    if (validation.ignoredDecisions.length) {
      // In plain words, with the Temuan rows as the sheet now shows them (one row per finding, in order).
      const t = translator(this.lang);
      const details = validation.ignoredDecisions.map((d) => {
        const at = validation.findings.findIndex((f) => f.id === d.id);
        const aturan = at >= 0 ? validation.findings[at].rule : '?';
        return t(`ignored.${d.why}`, { baris: at >= 0 ? at + 2 : d.row, id: d.id, aturan });
      });
      this.notify('warning', 'validasi.ignored', { n: validation.ignoredDecisions.length }, details);
    }
  }

  /** The live region's text; the component renders it through the translator. */
  private announce(key: UiKey, params: UiParams): void {
    this.set({ announcement: { key, params, seq: (this.state.announcement?.seq ?? 0) + 1 } });
  }

  async clearFlags(): Promise<void> {
    await this.run(async () => {
      this.forgetLiveGrid();
      await this.port.clearFlags();
      this.set({ validation: null });
      this.announce('validasi.clearDone', {});
    });
  }

  async selectFinding(finding: Pick<IdentifiedFinding, 'sheet' | 'cell'>): Promise<void> {
    if (!finding.sheet || !finding.cell) return;
    const { sheet, cell } = finding;
    try {
      await this.port.selectCell(sheet, cell);
    } catch (e) {
      this.fail(e);
    }
  }

  /** Shows a sheet the tool wrote (e.g. `Rekap OPD`), its first cell selected. */
  async openSheet(sheet: string): Promise<void> {
    await this.selectFinding({ sheet, cell: 'A1' });
  }

  async createTemplate(): Promise<void> {
    await this.run(async () => {
      this.forgetLiveGrid();
      await this.port.createTemplate(this.state.reference.reference);
      this.set({ hasInovasi: true });
      await this.watch([SHEET_INOVASI, SHEET_IDENTITAS]);
      this.announce('validasi.createDone', {});
    });
  }

  // -- live validation --------------------------------------------------------------------------

  /**
   * Listens for edits of these sheets (they make the last validation stale; with live validation
   * on, they trigger a new one) and stops listening to sheets no longer wanted.
   */
  private async watch(sheets: readonly string[]): Promise<void> {
    if (this.disposed) return;
    const wanted = new Set(sheets.map((n) => n.toLowerCase()));
    for (const [name, unsubscribe] of [...this.watched]) {
      if (wanted.has(name.toLowerCase())) continue;
      this.watched.delete(name);
      await unsubscribe().catch(() => undefined);
    }
    const have = new Set([...this.watched.keys()].map((n) => n.toLowerCase()));
    for (const name of sheets) {
      if (have.has(name.toLowerCase())) continue;
      try {
        this.watched.set(name, await this.port.onRowsChanged((rows) => this.rowsChanged(name, rows), name));
        have.add(name.toLowerCase());
      } catch {
        // Validation works without it; only the stamp's "edited since" check and live validation lose it.
        this.notify('warning', 'err.watch', { lembar: name });
      }
    }
  }

  /** An edit of a watched sheet (the port does not report the tool's own `Status Validasi` writes). */
  private rowsChanged(sheet: string, rows: readonly number[]): void {
    this.set({ dirty: true });
    if (!rows.length || !this.live || normalise(sheet) !== normalise(this.live.sheet)) this.pendingAll = true;
    else for (const r of rows) this.pendingRows.add(r);
    if (this.state.live) void this.queueValidation();
    // A stamped workbook: is the stamp still valid? (Without a stamp an edit cannot change `none`.)
    else if (this.state.stamp?.info) void this.refreshStampStatus();
  }

  setLive(live: boolean): void {
    this.set({ live });
    if (live && (this.state.dirty || !this.state.validation)) void this.queueValidation();
  }

  /** Another operation wrote the workbook: the next validation reads it whole. */
  private forgetLiveGrid(): void {
    this.live = null;
    this.pendingRows = new Set();
    this.pendingAll = true;
  }

  // -- stamp ------------------------------------------------------------------------------------

  stampAllowance(state: PaneState = this.state): StampAllowance {
    const v = state.validation;
    if (!v || !v.submission) return { allowed: false, reason: 'stamp.notValidated', params: {} };
    const { errors } = countFindings(v.findings);
    if (errors > 0) return { allowed: false, reason: 'stamp.openErrors', params: { n: errors } };
    if (state.dirty) return { allowed: false, reason: 'stamp.edited', params: {} };
    return { allowed: true, reason: 'stamp.ready', params: {} };
  }

  /** Writes the `_stempel` sheet (audit.md) and a Riwayat event. */
  async stamp(oleh: string): Promise<boolean> {
    const allowance = this.stampAllowance();
    if (!allowance.allowed) {
      this.notify('warning', allowance.reason, allowance.params);
      return false;
    }
    const who = oleh.trim() || this.state.identityName || '';
    if (!who) {
      this.notify('error', 'stamp.noName');
      return false;
    }
    const v = this.state.validation!;
    const done = await this.run(async () => {
      // The content as it is now must be the content validated (an edit the events missed included).
      const { grid } = await this.port.readSubmission();
      const now = checkStamp(grid, this.state.reference.reference);
      if (now.contentHash !== v.contentHash) {
        this.set({ dirty: true, stamp: now });
        this.notify('warning', 'stamp.edited');
        return false;
      }
      const stats = countFindings(v.findings);
      const waktu = this.now().toISOString();
      const fields = {
        versi: 1,
        contentHash: v.contentHash ?? '',
        waktu,
        versiAturan: RULES_VERSION,
        referensi: this.state.reference.id,
        alat: `${TOOL_NAME} ${TOOL_VERSION}`,
        galat: stats.errors,
        peringatan: stats.warnings,
        diterima: stats.accepted,
        oleh: who,
      };
      this.forgetLiveGrid();
      await this.port.writeStamp(fields);
      await this.history(
        { peristiwa: 'stempel', oleh: who, rincian: `${fields.contentHash}; galat ${stats.errors}, peringatan ${stats.warnings}, diterima ${stats.accepted}` },
        waktu,
      );
      const stampInfo = {
        contentHash: fields.contentHash,
        waktu,
        fields: Object.fromEntries(Object.entries(fields).map(([k, val]) => [k.toLowerCase(), String(val)])),
      };
      this.set({ validation: { ...v, stamp: 'valid', stampInfo }, stamp: { status: 'valid', info: stampInfo, contentHash: fields.contentHash } });
      this.announce('validasi.stampDone', { oleh: who, waktu });
      return true;
    });
    return done ?? false;
  }

  // -- decisions --------------------------------------------------------------------------------

  /** Accepts a finding: reason and reviewer are mandatory; nothing is written without them. */
  async accept(findingId: string, reason: string, reviewer: string): Promise<DecisionResult> {
    return this.decide('accept', findingId, reason, reviewer);
  }

  /** Withdraws an acceptance: also with a reason and the reviewer's name (kept in Riwayat). */
  async withdraw(findingId: string, reason: string, reviewer: string): Promise<DecisionResult> {
    return this.decide('withdraw', findingId, reason, reviewer);
  }

  private async decide(mode: 'accept' | 'withdraw', findingId: string, reason: string, reviewer: string): Promise<DecisionResult> {
    const problems: UiKey[] = [];
    if (!reason.trim()) problems.push('audit.needReason');
    if (!reviewer.trim()) problems.push('audit.needReviewer');
    const v = this.state.validation;
    const finding = v?.findings.find((f) => f.id === findingId);
    if (!v || !finding) problems.push('audit.notValidated');
    else if (mode === 'accept' && !ruleDef(finding.rule).acceptable) problems.push('audit.notAcceptable');
    else if (mode === 'accept' && finding.status === 'accepted') problems.push('audit.alreadyAccepted');
    else if (mode === 'withdraw' && finding.status !== 'accepted') problems.push('audit.notAccepted');
    if (problems.length || !v || !finding) return { ok: false, problems };

    const decided: IdentifiedFinding =
      mode === 'accept'
        ? { ...finding, status: 'accepted', decision: { status: 'accepted', reason: reason.trim(), reviewer: reviewer.trim(), date: this.today() } }
        : { ...finding, status: 'open', decision: null };
    // A decision typed in Temuan and ignored is superseded by this one (it must not be written back).
    const next = { ...replaceFinding(v, decided), ignoredDecisions: v.ignoredDecisions.filter((d) => d.id !== finding.id) };
    const done = await this.run(async () => {
      this.forgetLiveGrid();
      const event: HistoryEvent = {
        waktu: this.now().toISOString(),
        peristiwa: mode === 'accept' ? 'diterima' : 'dicabut',
        oleh: reviewer.trim(),
        id: finding.id,
        aturan: finding.rule,
        sel: finding.cell ? (finding.sheet ? `${finding.sheet}!${finding.cell}` : finding.cell) : undefined,
        alasan: reason.trim(),
      };
      await this.port.writeFlags(next, this.lang, { after: [event] });
      this.set({ validation: next });
      this.announce(mode === 'accept' ? 'audit.accepted' : 'audit.withdrawn', { id: finding.id });
      return true;
    });
    return done ? { ok: true } : { ok: false, problems: [] };
  }

  // -- audit report -----------------------------------------------------------------------------

  /**
   * The audit CSV of the open workbook as it is now, offered as a download: the workbook is read and
   * validated afresh (nothing written), so the CSV is what the CLI's `audit` writes for this workbook —
   * decisions from `Temuan`, the stamp recomputed, KON-04 when it is missing or changed.
   */
  async exportAudit(): Promise<Blob | null> {
    const blob = await this.run(async () => {
      const { grid } = await this.port.readSubmission();
      const reference = this.resolveReference(grid);
      const v = validateWorkbook(grid, OPEN_WORKBOOK, { reference: reference.reference, today: this.today() });
      const stamp: StampCheck = { status: v.stamp, info: v.stampInfo, contentHash: v.contentHash };
      this.set({ stamp });
      await this.reportChangedStamp(stamp);
      const csv = auditCsv([withStampFinding(v, reference.reference)], this.lang);
      return new Blob([csv], { type: 'text/csv;charset=utf-8' });
    });
    if (!blob) return null;
    this.download(AUDIT_FILE_NAME, blob);
    this.announce('audit.exported', { berkas: AUDIT_FILE_NAME });
    return blob;
  }

  // -- consolidation ----------------------------------------------------------------------------

  /**
   * Reads, validates and consolidates the picked workbooks, then writes the city summary into the
   * workbook (`writeError` says why it could not be). Rejects with `Cancelled` when the signal fires
   * before writing starts.
   */
  runConsolidation(files: readonly PickedFile[], run: ConsolidationRun = {}): Promise<ConsolidationResult> {
    this.forgetLiveGrid(); // the summary is written into this workbook
    return consolidateFiles(files, {
      ...run,
      port: this.port,
      reference: this.state.reference.reference,
      today: this.today(),
      consolidatedAt: this.now().toISOString().slice(0, 19),
      lang: this.lang,
      loadXlsx: this.loadXlsx,
    });
  }

  /** The pane's consolidation: progress in the state, cancellable with `cancelConsolidation`. */
  async startConsolidation(files: readonly PickedFile[]): Promise<void> {
    if (this.state.consolidation.running || files.length === 0) return;
    const abort = new AbortController();
    this.abort = abort;
    this.set({ consolidation: { running: true, progress: { n: 1, total: files.length, phase: 'reading' }, outcome: null } });
    try {
      const { writeError, ...outcome }: ConsolidationResult = await this.runConsolidation(files, {
        signal: abort.signal,
        onProgress: (progress) => this.set({ consolidation: { ...this.state.consolidation, progress } }),
      });
      this.set({ consolidation: { running: false, progress: null, outcome } });
      if (outcome.written) this.notify('success', 'konsolidasi.written', { lembar: outcome.written.join(', ') });
      else {
        this.fail(writeError);
        this.notify('warning', 'konsolidasi.notWritten');
      }
      // Output under another name (outcome.renamed) is said in the Konsolidasi tab, next to the sheet links.
    } catch (e) {
      this.set({ consolidation: { running: false, progress: null, outcome: null } });
      if (e instanceof Cancelled) this.notify('info', 'konsolidasi.cancelled');
      else this.fail(e);
    } finally {
      this.abort = null;
    }
  }

  cancelConsolidation(): void {
    this.abort?.abort();
  }
}

/** The sheets whose edits matter: the submission sheet (default `Inovasi`) and `Identitas`, where present. */
function watchedSheets(grid: WorkbookGrid, tableSheet: string | null = null): string[] {
  const names = [tableSheet ?? findSheet(grid, SHEET_INOVASI)?.name, findSheet(grid, SHEET_IDENTITAS)?.name];
  return names.filter((n): n is string => typeof n === 'string');
}

/**
 * What the flags of a validation depend on (findings, data rows, ignored decisions): equal
 * signatures write the same flags, `Status Validasi` and `Temuan`.
 */
function flagsSignature(v: FileValidation): string {
  const table = v.submission?.table;
  return JSON.stringify({
    findings: v.findings,
    ignored: v.ignoredDecisions,
    table: table ? { sheet: table.sheet, headerRow: table.headerRow, rows: table.rows.map((r) => r.row), status: table.columns.get('status') ?? null } : null,
  });
}

function hasInovasiSheet(grid: WorkbookGrid): boolean {
  return findSheet(grid, SHEET_INOVASI) !== undefined;
}

/**
 * The `Riwayat` events of decisions recorded in the workbook's `Temuan` whose finding the new
 * validation no longer has (its value changed, or the problem was fixed): id, rule, cell, and the
 * old reason and reviewer.
 */
export function droppedDecisions(grid: WorkbookGrid, v: FileValidation): Omit<HistoryEvent, 'waktu'>[] {
  const decisions = readDecisions(grid);
  if (!decisions.size) return [];
  const present = new Set(v.findings.map((f) => f.id));
  const sheet = findSheet(grid, SHEET_TEMUAN);
  const header = sheet?.rows[0] ?? [];
  const col = (label: string) => header.findIndex((h) => normalise(cellText(h ?? null)) === normalise(label));
  const [cRule, cSheet, cCell] = ['Aturan', 'Lembar', 'Sel'].map(col);
  const at = (row: number, c: number) => (c < 0 ? '' : cellText(sheet?.rows[row - 1]?.[c] ?? null));
  const out: Omit<HistoryEvent, 'waktu'>[] = [];
  for (const [id, d] of decisions) {
    if (present.has(id)) continue;
    const lembar = at(d.row, cSheet);
    const sel = at(d.row, cCell);
    out.push({
      peristiwa: 'keputusan gugur',
      oleh: d.reviewer || undefined,
      id,
      aturan: at(d.row, cRule) || undefined,
      sel: sel ? (lembar ? `${lembar}!${sel}` : sel) : undefined,
      alasan: d.reason || undefined,
      rincian: `keputusan${d.date ? ` ${d.date}` : ''} oleh ${d.reviewer || '(tanpa pemeriksa)'} gugur: temuan tidak muncul lagi (nilai berubah atau masalah diperbaiki)`,
    });
  }
  return out;
}

function replaceFinding(v: FileValidation, finding: IdentifiedFinding): FileValidation {
  return { ...v, findings: v.findings.map((f) => (f.id === finding.id ? finding : f)) };
}

function safeCall<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}
