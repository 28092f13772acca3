/**
 * What the task pane may ask of the open workbook. The Office adapter (`excelAdapter.ts`) is the
 * only implementation and the only code that calls `Excel.run`; React components receive a
 * `WorkbookPort` and the engine never sees Office.js at all.
 */
import type { EvidenceRowWrite } from './evidenceRow';
import type { CitySummary } from '../engine/consolidate';
import type { CellValue, WorkbookGrid } from '../engine/grid';
import type { Lang } from '../engine/messages';
import type { Opd, Reference } from '../engine/reference/model';
import type { StempelWrite } from '../engine/signoff';
import type { FileValidation } from '../engine/validate';

export { AdapterError, isAdapterError } from './errors';
export type { FileOffer } from './files';
import type { FileOffer } from './files';
export type { AdapterErrorCode } from './errors';

/** One row of the append-only `Riwayat` sheet (docs/spec/audit.md). */
export interface HistoryEvent {
  /** ISO date and time. */
  readonly waktu: string;
  /** What happened: `validasi`, `diterima`, `dicabut`, `stempel`, `stempel berubah`, … */
  readonly peristiwa: string;
  readonly oleh?: string;
  /** Finding id, when the event is about a finding. */
  readonly id?: string;
  readonly aturan?: string;
  readonly sel?: string;
  readonly alasan?: string;
  /** Free text: counts, content hash, … */
  readonly rincian?: string;
}

/**
 * Riwayat events written with the flags, in the same round trips: `before` ahead of every other
 * write (a trace that must survive a failure of the rest, e.g. decisions about to leave `Temuan`),
 * `after` behind the last one (so they are written only when the flags were).
 */
export interface FlagHistory {
  readonly before?: readonly HistoryEvent[];
  readonly after?: readonly HistoryEvent[];
}

/** What `writeFlags` wrote. */
export interface FlagSummary {
  /** Cells coloured (error red, warning amber). */
  readonly cells: number;
  /** Cells that carry the tool's note (0 where the host has no notes API). */
  readonly notes: number;
  /** Data rows given a `Status Validasi` text. */
  readonly rows: number;
  /** Rows of the `Temuan` sheet (findings). */
  readonly findings: number;
}

/** Options of `writeSummary`. */
export interface SummaryWriteOptions {
  /** The region every printed page's header names (the reference's `daerah.nama`). */
  readonly region?: string;
  /**
   * Cancels the write while the new sheets are still staged (before the swap): they are removed and
   * `writeSummary` rejects with `SummaryCancelled`; the workbook keeps its earlier output.
   */
  readonly signal?: AbortSignal;
  /** Called after each output sheet is queued: `done` of `total` sheets. */
  readonly onSheet?: (done: number, total: number) => void;
}

/** `writeSummary` was cancelled before the swap: nothing visible changed. */
export class SummaryCancelled extends Error {
  constructor() {
    super('summary write cancelled');
    this.name = 'SummaryCancelled';
  }
}

/** What `writeSummary` wrote. */
export interface SummaryWriteResult {
  /** The output sheets as named in the workbook, in output order (`Rekap OPD` … `Info Konsolidasi`). */
  readonly sheets: string[];
  /** Output sheets written under a suffixed name because a sheet of the user's bears the spec's name. */
  readonly renamed: { from: string; to: string }[];
}

export interface WorkbookPort {
  /**
   * Every sheet's used range (values, number formats, value types) in two round trips, as the
   * engine's grid: dates by number format as date cells, error values as error cells. Tool-internal
   * sheets (`_tanda`, `_daftar`, `Riwayat`) are left out; `Temuan` and `_stempel` are included.
   */
  readSubmission(): Promise<{ grid: WorkbookGrid }>;
  /**
   * Just these rows (1-based) of one sheet, in one round trip, converted as `readSubmission` does:
   * one array per row asked for, in that order (cells from column A, no trailing empties; `[]` for
   * an empty row). For live validation: the caller patches them into the grid it read before.
   */
  readRows(sheet: string, rows: readonly number[]): Promise<CellValue[][]>;
  /**
   * Writes the flags of a validation of the workbook last read: `Status Validasi` per data row,
   * flagged cells coloured (each cell's own fill remembered), notes where ExcelApi 1.18 is
   * supported, and the `Temuan` sheet (decisions carried over by finding id). `history` is
   * appended to `Riwayat` in the same syncs (as `appendHistory` would, without its own round trips).
   */
  writeFlags(validation: FileValidation, lang: Lang, history?: FlagHistory): Promise<FlagSummary>;
  /**
   * Writes the city summary's six sheets into the open workbook (docs/spec/consolidation.md), replacing
   * exactly the sheets the tool created before (remembered in a document setting) and never a sheet
   * of the user's: a name taken by one makes the output go under `Name (2)`, reported in `renamed`.
   * All or nothing: a failure leaves the previous output as it was.
   */
  writeSummary(summary: CitySummary, lang: Lang, options?: SummaryWriteOptions): Promise<SummaryWriteResult>;
  /** Removes every flag: restores each flagged cell's own fill, deletes the tool's notes, empties `Status Validasi`. */
  clearFlags(): Promise<void>;
  /** Activates the sheet and selects the cell (A1 address). */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** A new `Data Dukung` row prefilled with an innovation and an indicator (the sheet created with its header when missing), selected; one sync. */
  appendEvidenceRow(write: EvidenceRowWrite): Promise<void>;
  /** Creates `Identitas` (when missing), `Inovasi` and the hidden list sheet `_daftar`; refuses when `Inovasi` exists. */
  createTemplate(reference: Reference, opd?: Opd | null): Promise<void>;
  /**
   * Calls `handler` with the edited worksheet rows (1-based, sorted) of the submission sheet,
   * debounced. An empty list means "too many rows to list (whole columns): re-read everything".
   * Changes the add-in makes itself (`Status Validasi`) are not reported. Rows inserted or deleted
   * report `[]` (every row below moved). `origin.remote`: every change of the batch was a coauthor's.
   * Resolves to an unsubscribe.
   */
  onRowsChanged(
    handler: (rows: number[], origin: { readonly remote: boolean }) => void,
    sheet?: string,
  ): Promise<() => Promise<void>>;
  /**
   * Writes one stamp or return of the sign-off chain into the very hidden `_stempel` sheet,
   * version 2 (docs/spec/signoff.md), and appends `events` to `Riwayat`, in at most two syncs: the row
   * appended below the sheet's last used row, or the whole sheet rewritten when `write.convert`
   * (no sheet, or version 1, whose stamp `write.sheet` keeps as its first row). The tool never
   * writes version 1.
   */
  writeStempel(write: StempelWrite, events: readonly HistoryEvent[]): Promise<void>;
  /** Appends rows to `Riwayat` (created with its header when missing); existing rows are never changed. */
  appendHistory(events: readonly HistoryEvent[]): Promise<void>;
  /** A document setting (null when absent). */
  getSetting<T = unknown>(key: string): Promise<T | null>;
  /** Sets and saves a document setting. */
  setSetting(key: string, value: unknown): Promise<void>;
  /** `id` when Office's display language is Indonesian, else `en`. */
  displayLanguage(): Lang;
  /** Is this ExcelApi requirement set (e.g. `1.8`) supported? */
  isSupported(version: string): boolean;
  /**
   * How a file the pane made can reach the user (files.ts): `download` on Excel on the web,
   * `newWorkbook` where downloads go nowhere (Mac, iPad, Windows) but ExcelApi 1.8 can open it,
   * `none` where neither works.
   */
  fileOffer(): FileOffer;
  /** Opens an .xlsx as a new workbook the user saves (`Excel.createWorkbook`, ExcelApi 1.8). */
  openWorkbook(bytes: Uint8Array): Promise<void>;
}

/** The part of the `Excel` global the adapter uses. */
export interface ExcelHost extends Partial<Pick<typeof Excel, 'createWorkbook'>> {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(
    context: OfficeExtension.ClientRequestContext,
    batch: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T>;
}

/** The part of the `Office` global the adapter uses. */
export interface OfficeHost {
  readonly context: {
    readonly displayLanguage: string;
    /** `OfficeOnline` on Excel on the web (responses capped at 5 MB); absent on old hosts. */
    readonly platform?: Office.PlatformType | string;
    readonly requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    readonly document: {
      readonly settings: {
        get(name: string): unknown;
        set(name: string, value: unknown): void;
        remove(name: string): void;
        saveAsync(callback?: (result: { status: unknown; error?: { message: string } }) => void): void;
      };
    };
  };
}
