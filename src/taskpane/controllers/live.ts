/**
 * Edits and live validation: which sheets are watched, which rows were edited since the last read,
 * and the grid of the last validation kept so that a live validation reads only the edited rows
 * (patched into it). It decides whether the workbook was edited since the last validation (`dirty`)
 * from content, not from when an event happens to arrive: Excel delivers `onChanged` late (a slow
 * PC, Excel on the web), so an event may reach the pane after a validation has already read the
 * edit. With live validation on, an edit asks for a new validation, whose read decides. Otherwise
 * the edited rows are read (one sync per event batch, never during a validation's read) and compared
 * with what the last validation read: only a difference marks the workbook edited (and, on a
 * stamped workbook, asks for a stamp check) — through the reactions it is given.
 */
import { gridOf, temuanRows, typedDecisions } from '../../addin/flags';
import { patchSheetRows } from '../../addin/grid';
import type { CellValue, SheetGrid, WorkbookGrid } from '../../engine/grid';
import { findSheet } from '../../engine/parse';
import { SHEET_IDENTITAS, SHEET_INOVASI, SHEET_TEMUAN } from '../../engine/schema';
import { normalise } from '../../engine/text';
import type { FileValidation } from '../../engine/validate';
import type { PaneSession } from './session';

/** What an edit sets off elsewhere (the validation queue, the stamp check). */
export interface EditReactions {
  readonly revalidate: () => void;
  readonly recheckStamp: () => void;
}

/** The grid of the last validation (as read, then patched), its submission sheet and header row, and the flags signature last written. */
export interface LiveGrid {
  readonly grid: WorkbookGrid;
  readonly sheet: string;
  readonly headerRow: number;
  readonly written: string | null;
}

/** The sheets whose edits matter: the submission sheet (default `Inovasi`) and `Identitas`, where present. */
export function watchedSheets(grid: WorkbookGrid, tableSheet: string | null = null): string[] {
  const names = [tableSheet ?? findSheet(grid, SHEET_INOVASI)?.name, findSheet(grid, SHEET_IDENTITAS)?.name];
  return names.filter((n): n is string => typeof n === 'string');
}

/** What the last validation read of the workbook, and the submission sheet's `Status Validasi` column (the tool writes it: not content). */
interface Validated {
  readonly grid: WorkbookGrid;
  readonly sheet: string | null;
  readonly statusCol: number | null;
}

/** A row's cells compared as content: empties as null, trailing empties dropped, the tool's column left out. */
function rowContent(cells: readonly (CellValue | undefined)[] | undefined, skipCol: number | null): string {
  const out = Array.from(cells ?? [], (c, i) => (i === skipCol || c === undefined ? null : c));
  while (out.length && out[out.length - 1] === null) out.pop();
  return JSON.stringify(out);
}

function sheetNamed(grid: WorkbookGrid, name: string): SheetGrid | undefined {
  return grid.sheets.find((s) => normalise(s.name) === normalise(name));
}

export class LiveController {
  /** Sheets whose edits are watched (the submission sheet and Identitas), by name → unsubscribe. */
  private readonly watched = new Map<string, () => Promise<void>>();
  /** Null when only a full read is right (never validated, a failure, or another operation wrote the workbook). */
  private live: LiveGrid | null = null;
  /** Rows of the submission sheet edited since the last read; `all`: something else changed. */
  private pendingRows = new Set<number>();
  private pendingAll = false;
  /** The next validation must read everything (the Validasi button). */
  private fullRequested = false;
  /** What the last successful validation read (kept when another operation writes: none writes the watched content). */
  private validated: Validated | null = null;
  /** Validation reads started so far: a check whose read overlaps a new one is done again after it. */
  private reads = 0;
  /** A validation's read under way: checks wait for it (they compare with what it read). */
  private reading: Promise<void> | null = null;
  /** Edited rows by sheet not yet compared with what the last validation read (`all`: unknown rows). */
  private unchecked = new Map<string, Set<number> | 'all'>();
  /** The check of `unchecked` in flight, if any. */
  private checkRun: Promise<void> | null = null;
  /** Every edit the check in flight compares was a coauthor's. */
  private remoteOnly = false;

  constructor(
    private readonly session: PaneSession,
    private readonly reactions: EditReactions,
  ) {}

  /** The next read must be whole (the Validasi button). */
  requestFullRead(): void {
    this.fullRequested = true;
  }

  /**
   * The read a validation starts with; the workbook counts as unedited from here on (edits from now,
   * even during the read, are edits made after this validation). The grid: with live validation and
   * only data rows of the submission sheet edited since the last read, those rows read and patched
   * into the last grid (a new grid); else a full read. `previous` is the last validation's grid, as
   * it was before this read.
   */
  async readForValidation(): Promise<{
    grid: WorkbookGrid;
    incremental: boolean;
    previous: LiveGrid | null;
  }> {
    const wasDirty = this.session.store.get().dirty;
    this.session.store.set({ dirty: false });
    this.reads++;
    let done = () => undefined as void;
    const reading = (this.reading = new Promise<void>((resolve) => (done = resolve)));
    try {
      const read = await this.readGrid();
      this.validated = { grid: read.grid, sheet: null, statusCol: null };
      return read;
    } catch (e) {
      // Nothing was read: the last validation's read still decides (and the edits it missed still count).
      if (wasDirty) this.session.store.set({ dirty: true });
      throw e;
    } finally {
      if (this.reading === reading) this.reading = null;
      done();
    }
  }

  private async readGrid(): Promise<{ grid: WorkbookGrid; incremental: boolean; previous: LiveGrid | null }> {
    const live = this.live;
    const rows = [...this.pendingRows].sort((a, b) => a - b);
    const full = this.fullRequested || this.pendingAll || !live || !rows.length || rows[0] <= live.headerRow;
    this.pendingRows = new Set();
    this.pendingAll = false;
    this.fullRequested = false;
    this.live = null; // until this read has succeeded
    const { port } = this.session;
    if (full || !live)
      return { grid: (await port.readSubmission()).grid, incremental: false, previous: live };
    const cells = await port.readRows(live.sheet, rows);
    const patch = new Map<number, CellValue[]>(rows.map((r, i) => [r - 1, cells[i] ?? []]));
    const grid = {
      sheets: live.grid.sheets.map((s) => (s.name === live.sheet ? patchSheetRows(s, patch) : s)),
    };
    return { grid, incremental: true, previous: live };
  }

  /** The grid a validation read (null without a submission table: the next read is whole). */
  remember(
    grid: WorkbookGrid,
    table: { sheet: string; headerRow: number; columns?: ReadonlyMap<string, number> } | null,
    written: string | null,
  ): void {
    this.live = table ? { grid, sheet: table.sheet, headerRow: table.headerRow, written } : null;
    this.validated = { grid, sheet: table?.sheet ?? null, statusCol: table?.columns?.get('status') ?? null };
  }

  /** The flags were written: the kept grid's Temuan is now the one just written (decisions carried over by id). */
  flagsWritten(grid: WorkbookGrid, validation: FileValidation, signature: string): void {
    if (!this.live) return;
    const temuan = gridOf(
      SHEET_TEMUAN,
      temuanRows(validation, this.session.store.lang, typedDecisions(grid)),
    );
    const others = grid.sheets.filter((s) => normalise(s.name) !== normalise(SHEET_TEMUAN));
    this.live = { ...this.live, grid: { sheets: [...others, temuan] }, written: signature };
  }

  /** Another operation wrote the workbook: the next validation reads it whole. */
  forget(): void {
    this.live = null;
    this.pendingRows = new Set();
    this.pendingAll = true;
  }

  /**
   * Listens for edits of these sheets (they make the last validation stale; with live validation
   * on, they trigger a new one) and stops listening to sheets no longer wanted.
   */
  async watch(sheets: readonly string[]): Promise<void> {
    if (this.session.disposed) return;
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
        this.watched.set(
          name,
          await this.session.port.onRowsChanged(
            (rows, origin) => this.rowsChanged(name, rows, origin?.remote === true),
            name,
          ),
        );
        have.add(name.toLowerCase());
      } catch {
        // Validation works without it; only the stamp's "edited since" check and live validation lose it.
        this.session.store.notify('warning', 'err.watch', { lembar: name });
      }
    }
  }

  /**
   * An edit of a watched sheet (the port does not report the tool's own `Status Validasi` writes),
   * reported however late. With live validation on, the new validation's read decides; otherwise the
   * rows are compared with what the last validation read.
   *
   * A coauthor's edit (`remote`) is heard by every coauthor's pane: it only marks this pane's result
   * stale (after the same content check), never starts a validation or a stamp check here, so that
   * the panes do not all write flags, `Temuan` and `Riwayat` at once; the editor's own pane does.
   */
  private rowsChanged(sheet: string, rows: readonly number[], remote = false): void {
    const store = this.session.store;
    if (!rows.length || !this.live || normalise(sheet) !== normalise(this.live.sheet)) this.pendingAll = true;
    else for (const r of rows) this.pendingRows.add(r);
    if (store.get().live && !remote) {
      store.set({ dirty: true });
      this.reactions.revalidate();
      return;
    }
    // A stamped workbook: is the stamp still valid? (Without a stamp an edit cannot change `none`.)
    // The stamp check reads the content as it is now, so it is right however late the event.
    if (store.get().stamp?.info && !remote) this.reactions.recheckStamp();
    if (store.get().dirty) return; // already edited since the last validation
    const have = this.unchecked.get(sheet);
    if (!rows.length || have === 'all') this.unchecked.set(sheet, 'all');
    else this.unchecked.set(sheet, new Set([...(have ?? []), ...rows]));
    if (remote) this.remoteOnly = this.checkRun ? this.remoteOnly : true;
    else this.remoteOnly = false;
    this.checkRun ??= this.checkEdits().finally(() => (this.checkRun = null));
  }

  /** The check of edits against what the last validation read, while one runs (tests wait for it). */
  get checking(): Promise<void> | null {
    return this.checkRun;
  }

  /**
   * Compares the edited rows as the sheet has them now with what the last validation read: equal
   * means the validation already saw the edit (its event came late) or the edit was undone. Only
   * `dirty` is decided here; a stamped workbook's stamp check is asked for by every edit. Each
   * read happens after the last validation's read (never during one), so a difference is an edit
   * that validation did not see. A validation read that starts meanwhile makes the rows be compared
   * again with what it read. Rows that cannot be compared (unknown rows, no validation, a failed
   * read) count as edited.
   */
  private async checkEdits(): Promise<void> {
    const { store, port } = this.session;
    while (this.unchecked.size && !this.session.disposed) {
      if (this.reading) {
        await this.reading;
        continue;
      }
      const batch = this.unchecked;
      this.unchecked = new Map();
      if (store.get().dirty) continue;
      const reads = this.reads;
      const validated = this.validated;
      let edited = !validated || [...batch.values()].includes('all');
      try {
        for (const [sheet, rows] of batch) {
          if (edited || rows === 'all' || !validated) break;
          const wanted = [...rows].sort((a, b) => a - b);
          const now = await port.readRows(sheet, wanted);
          const before = sheetNamed(validated.grid, sheet);
          const skip =
            validated.sheet && normalise(validated.sheet) === normalise(sheet) ? validated.statusCol : null;
          edited = wanted.some((r, i) => rowContent(now[i], skip) !== rowContent(before?.rows[r - 1], skip));
        }
      } catch {
        edited = true;
      }
      if (this.reads !== reads) {
        // A validation read started meanwhile: compare with what it read instead.
        for (const [sheet, rows] of batch) {
          const have = this.unchecked.get(sheet);
          this.unchecked.set(
            sheet,
            rows === 'all' || have === 'all' ? 'all' : new Set([...(have ?? []), ...rows]),
          );
        }
        continue;
      }
      if (edited) this.markEdited();
    }
  }

  /** The workbook differs from what the last validation read (live validation switched on meanwhile: validate, unless only coauthors edited). */
  private markEdited(): void {
    const store = this.session.store;
    if (store.get().dirty) return;
    store.set({ dirty: true });
    if (store.get().live && !this.remoteOnly) this.reactions.revalidate();
  }

  setLive(live: boolean): void {
    const store = this.session.store;
    store.set({ live });
    if (live && (store.get().dirty || !store.get().validation)) this.reactions.revalidate();
  }

  /** Stops watching (the pane is closing). */
  dispose(): void {
    this.unchecked.clear();
    for (const unsubscribe of this.watched.values()) void unsubscribe().catch(() => undefined);
    this.watched.clear();
  }
}
