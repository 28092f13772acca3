/**
 * Edits and live validation: which sheets are watched, which rows were edited since the last read,
 * and the grid of the last validation kept so that a live validation reads only the edited rows
 * (patched into it). It decides whether the workbook was edited since the last validation (`dirty`):
 * an edit marks it and, with live validation on, asks for a new validation (or, on a stamped
 * workbook, for a stamp check) — through the reactions it is given.
 */
import { gridOf, temuanRows, typedDecisions } from '../../addin/flags';
import { patchSheetRows } from '../../addin/grid';
import type { CellValue, WorkbookGrid } from '../../engine/grid';
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
  async readForValidation(): Promise<{ grid: WorkbookGrid; incremental: boolean; previous: LiveGrid | null }> {
    this.session.store.set({ dirty: false });
    const live = this.live;
    const rows = [...this.pendingRows].sort((a, b) => a - b);
    const full = this.fullRequested || this.pendingAll || !live || !rows.length || rows[0] <= live.headerRow;
    this.pendingRows = new Set();
    this.pendingAll = false;
    this.fullRequested = false;
    this.live = null; // until this read has succeeded
    const { port } = this.session;
    if (full || !live) return { grid: (await port.readSubmission()).grid, incremental: false, previous: live };
    const cells = await port.readRows(live.sheet, rows);
    const patch = new Map<number, CellValue[]>(rows.map((r, i) => [r - 1, cells[i] ?? []]));
    const grid = { sheets: live.grid.sheets.map((s) => (s.name === live.sheet ? patchSheetRows(s, patch) : s)) };
    return { grid, incremental: true, previous: live };
  }

  /** The grid a validation read (null without a submission table: the next read is whole). */
  remember(grid: WorkbookGrid, table: { sheet: string; headerRow: number } | null, written: string | null): void {
    this.live = table ? { grid, sheet: table.sheet, headerRow: table.headerRow, written } : null;
  }

  /** The flags were written: the kept grid's Temuan is now the one just written (decisions carried over by id). */
  flagsWritten(grid: WorkbookGrid, validation: FileValidation, signature: string): void {
    if (!this.live) return;
    const temuan = gridOf(SHEET_TEMUAN, temuanRows(validation, this.session.store.lang, typedDecisions(grid)));
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
        this.watched.set(name, await this.session.port.onRowsChanged((rows) => this.rowsChanged(name, rows), name));
        have.add(name.toLowerCase());
      } catch {
        // Validation works without it; only the stamp's "edited since" check and live validation lose it.
        this.session.store.notify('warning', 'err.watch', { lembar: name });
      }
    }
  }

  /** An edit of a watched sheet (the port does not report the tool's own `Status Validasi` writes). */
  private rowsChanged(sheet: string, rows: readonly number[]): void {
    const store = this.session.store;
    store.set({ dirty: true });
    if (!rows.length || !this.live || normalise(sheet) !== normalise(this.live.sheet)) this.pendingAll = true;
    else for (const r of rows) this.pendingRows.add(r);
    if (store.get().live) this.reactions.revalidate();
    // A stamped workbook: is the stamp still valid? (Without a stamp an edit cannot change `none`.)
    else if (store.get().stamp?.info) this.reactions.recheckStamp();
  }

  setLive(live: boolean): void {
    const store = this.session.store;
    store.set({ live });
    if (live && (store.get().dirty || !store.get().validation)) this.reactions.revalidate();
  }

  /** Stops watching (the pane is closing). */
  dispose(): void {
    for (const unsubscribe of this.watched.values()) void unsubscribe().catch(() => undefined);
    this.watched.clear();
  }
}
