/**
 * A fake Excel host for testing the add-in without Excel: `Excel.run`, proxies with Office.js's
 * load/sync semantics, and an `Office` global. No dependencies and no Node APIs, so the browser
 * end-to-end harness can install it with `installFakeOffice(window, createFakeExcel(…))`.
 *
 * Modelled: worksheets (add, getItem[OrNullObject], delete, rename, visibility incl. VeryHidden,
 * position, activate, used range), ranges (A1 addressing incl. `Sheet!A1:C3`, whole rows and
 * columns, values with Excel's input conversion, numberFormat, valueTypes, text, getCell,
 * getOffsetRange, getResizedRange, select, clear), multi-area ranges (`getRanges`, ExcelApi 1.9,
 * with its address-length limit), fills (color; pattern and patternColor from 1.9; a cell without
 * fill reads back as #FFFFFF), font bold/colour, column widths, wrap, frozen rows, tables, data
 * validation (1.8), notes (1.18), `onChanged` (1.7), autofilter (1.9, its range only), charts
 * (1.1: `charts.add` with type, source and series orientation, `title.text`, `name`, `setPosition`;
 * the texts' fonts — title, axis labels, axis titles, legend — and the legend's position; the
 * category labels' `textOrientation`, 1.8), the page layout (1.9, with manual page breaks before
 * rows) and the document settings. Every sync is
 * counted and its request and response sizes measured.
 *
 * Also what real hosts do that the add-in must survive (issue 22): whole rows inserted or deleted
 * (`HostSheet.shiftRows`: cells and notes move, onChanged says `RowInserted` / `RowDeleted`), a
 * coauthor's edit (`source: 'Remote'`), cell-edit mode (`setEditing`: `InvalidOperationInCellEditMode`,
 * or the batch held until editing ends with `delayForCellEdit`), `Excel.createWorkbook` (ExcelApi
 * 1.8), and the five-million-cell limit of a read (`values` come back null).
 *
 * Not modelled: formulas (a formula text is stored, never calculated), conditional formats,
 * merged cells, column insertion and deletion, protection,
 * comments (threaded), chart formatting beyond type, source, titles, fonts, label angle, legend, name and position, named items, undo, calculation, locale-dependent input conversion
 * (the fake converts like en-US), coauthors' writes themselves, the time limits of real requests,
 * and Excel's automatic table expansion.
 */
import { SeedValue, HostWorkbook, Visibility } from './host';
import { createOffice, FakeOffice, FakeOfficeState } from './office';
import { Workbook } from './proxies';
import { errors } from './errors';
import { FakeRequestContext, RuntimeOptions, SyncStats, compareVersions } from './runtime';

export { FakeOfficeError } from './errors';
export { HostWorkbook, HostSheet, isoToSerial, serialToIso } from './host';
export type {
  ChartInfo,
  ChartTextInfo,
  HostCell,
  HostChart,
  HostNote,
  HostTable,
  HostValidation,
  SeedValue,
  Visibility,
  Fill,
} from './host';
export { SyncStats, utf8Length } from './runtime';
export type { SyncRecord } from './runtime';
export type { FakeOffice } from './office';
export { parseAddress, columnLetters, columnNumber, cellA1 } from './address';

export const FIVE_MB = 5 * 1024 * 1024;

export interface SeedSheet {
  readonly rows?: ReadonlyArray<ReadonlyArray<SeedValue>>;
  /** Where `rows` start (default `A1`). */
  readonly topLeft?: string;
  readonly visibility?: Visibility;
}

export interface FakeExcelOptions {
  /** Sheets in workbook order: rows of values, or a sheet description. */
  readonly sheets?: Readonly<Record<string, ReadonlyArray<ReadonlyArray<SeedValue>> | SeedSheet>>;
  /** Highest supported ExcelApi requirement set (default `1.18`). */
  readonly apiVersion?: string;
  /** `Office.context.displayLanguage` (default `id-ID`). */
  readonly displayLanguage?: string;
  /** Request size limit (default 5 MB, as Excel on the web, the platform the fake reports). */
  readonly requestLimitBytes?: number;
  /**
   * Response size limit (default 5 MB, as Excel on the web: "a payload size limit for requests and
   * responses of 5MB"); `Infinity` models desktop Excel, which has no such limit.
   */
  readonly responseLimitBytes?: number;
  /** Keep each sync's serialised request in `stats.log` (memory-hungry). */
  readonly keepPayloads?: boolean;
  /**
   * `Office.context.platform`: `OfficeOnline` (default while responses are capped), `PC`, `Mac` or
   * `iOS`. On `Mac` and `iOS` (WKWebView) and `PC` (WebView2) a download from the pane goes nowhere:
   * `downloadsWork` tells the tests whether the host would save an anchor/blob download.
   */
  readonly platform?: 'OfficeOnline' | 'PC' | 'Mac' | 'iOS';
  /** Does `Excel.run({ delayForCellEdit: true })` wait out cell-edit mode (default true; false: an older host that ignores it)? */
  readonly honoursDelayForCellEdit?: boolean;
}

type Batch<T> = (context: FakeRequestContext & { workbook: Workbook }) => Promise<T>;

export interface FakeExcelNamespace {
  run<T>(batch: Batch<T>): Promise<T>;
  /** A context to reuse, or `Excel.RunOptions` (`delayForCellEdit`, `mergeUndoGroup`). */
  run<T>(contextOrOptions: unknown, batch: Batch<T>): Promise<T>;
  createWorkbook(base64?: string): Promise<void>;
  readonly RequestContext: new () => FakeRequestContext;
  readonly ErrorCodes: Readonly<Record<string, string>>;
  readonly SheetVisibility: Readonly<Record<string, Visibility>>;
}

export interface FakeExcel {
  readonly Excel: FakeExcelNamespace;
  readonly Office: FakeOffice;
  /** The document: inspect and seed it directly. */
  readonly workbook: HostWorkbook;
  readonly stats: SyncStats;
  readonly options: RuntimeOptions;
  setApiVersion(version: string): void;
  setDisplayLanguage(language: string): void;
  /** While true, syncs fail as when the user is editing a cell (`InvalidOperationInCellEditMode`), or wait with `delayForCellEdit`. */
  setEditing(editing: boolean): void;
  /** Would this host save a file the pane offers as an anchor/blob download? Only Excel on the web does. */
  readonly downloadsWork: boolean;
  /**
   * Makes the `nth` sync from now fail (1 = the next one; `times` syncs in a row from there) with
   * this Office error code, before anything of it is applied, as when Excel refuses a request;
   * null cancels.
   */
  failSync(nth: number | null, code?: string, times?: number): void;
  /** Makes `settings.saveAsync` fail (null: succeed again). */
  failSettingsSave(message: string | null): void;
  /** Fires the sheet's onChanged handlers as if the user (or, with `source: 'Remote'`, a coauthor) edited `address`. */
  fireChange(sheet: string, address: string, changeType?: string, source?: 'Local' | 'Remote'): void;
  /**
   * When onChanged events are delivered: `'microtask'` (default, right after the change), after a
   * number of milliseconds, or `'manual'` (held until `flushEvents()`): Excel's events are
   * asynchronous and arrive late on a busy PC or on the web.
   */
  setEventDelivery(mode: 'microtask' | 'manual' | number): void;
  /** Delivers the events held by `'manual'` delivery, in order; resolves with how many ran. */
  flushEvents(): Promise<number>;
  /** How many events `'manual'` delivery is holding. */
  readonly heldEventCount: number;
  /** Ranges seen by settings saves, etc. */
  readonly officeState: FakeOfficeState;
}

function isSeedSheet(v: unknown): v is SeedSheet {
  return !Array.isArray(v);
}

export function createFakeExcel(options: FakeExcelOptions = {}): FakeExcel {
  const host = new HostWorkbook();
  for (const [name, spec] of Object.entries(options.sheets ?? { Sheet1: [] })) {
    const seed: SeedSheet = isSeedSheet(spec) ? spec : { rows: spec };
    const sheet = host.addSheet(name, seed.visibility ?? 'Visible');
    if (seed.rows?.length) sheet.setValues(seed.topLeft ?? 'A1', seed.rows);
  }
  const runtime: RuntimeOptions = {
    apiVersion: options.apiVersion ?? '1.18',
    requestLimitBytes: options.requestLimitBytes ?? FIVE_MB,
    responseLimitBytes: options.responseLimitBytes ?? FIVE_MB,
    keepPayloads: options.keepPayloads ?? false,
    honoursDelayForCellEdit: options.honoursDelayForCellEdit ?? true,
  };
  const officeState: FakeOfficeState = {
    apiVersion: runtime.apiVersion,
    displayLanguage: options.displayLanguage ?? 'id-ID',
    failSettingsSave: null,
    settingsSaves: 0,
  };
  const stats = new SyncStats();

  const newContext = (): FakeRequestContext & { workbook: Workbook } => {
    const ctx = new FakeRequestContext(host, runtime, stats);
    ctx.workbook = new Workbook(ctx);
    return ctx as FakeRequestContext & { workbook: Workbook };
  };

  async function run<T>(a: unknown, b?: unknown): Promise<T> {
    const batch = (typeof a === 'function' ? a : b) as Batch<T>;
    let ctx: FakeRequestContext & { workbook: Workbook };
    if (a instanceof FakeRequestContext) ctx = a as FakeRequestContext & { workbook: Workbook };
    else if (
      a &&
      typeof a === 'object' &&
      (a as { context?: unknown }).context instanceof FakeRequestContext
    ) {
      ctx = (a as { context: FakeRequestContext & { workbook: Workbook } }).context;
    } else {
      ctx = newContext();
      // Excel.RunOptions: an older host ignores what it does not know (mergeUndoGroup before 1.20).
      const options = (a && typeof a === 'object' ? a : {}) as {
        delayForCellEdit?: boolean;
        mergeUndoGroup?: boolean;
      };
      ctx.delayForCellEdit = options.delayForCellEdit === true;
      ctx.mergeUndoGroup = options.mergeUndoGroup === true && ctx.supports('1.20');
    }
    const result = await batch(ctx);
    // Excel.run flushes what the batch left queued; counted, so a forgotten sync still shows up.
    if (ctx.pending.length) {
      stats.implicitSyncs++;
      await ctx.sync();
    }
    return result;
  }

  const RequestContext = function (this: unknown) {
    return newContext();
  } as unknown as new () => FakeRequestContext;

  /** `Excel.createWorkbook` (ExcelApi 1.8): Excel opens the .xlsx as a new workbook window; the fake keeps its bytes. */
  async function createWorkbook(base64?: string): Promise<void> {
    await Promise.resolve();
    if (compareVersions(runtime.apiVersion, '1.8') < 0)
      throw errors.apiNotFound('Excel.createWorkbook', '1.8');
    const binary = atob(base64 ?? '');
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    host.createdWorkbooks.push(bytes);
  }

  const Excel: FakeExcelNamespace = {
    run: run as FakeExcelNamespace['run'],
    createWorkbook,
    RequestContext,
    ErrorCodes: {
      invalidArgument: 'InvalidArgument',
      invalidOperation: 'InvalidOperation',
      invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode',
      itemNotFound: 'ItemNotFound',
      itemAlreadyExists: 'ItemAlreadyExists',
      apiNotFound: 'ApiNotFound',
      responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
    },
    SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
  };

  return {
    Excel,
    // Excel on the web caps responses; desktop (no cap, `responseLimitBytes: Infinity`) reports PC.
    Office: createOffice(
      host,
      officeState,
      () => options.platform ?? (Number.isFinite(runtime.responseLimitBytes) ? 'OfficeOnline' : 'PC'),
    ),
    get downloadsWork() {
      return (
        (options.platform ?? (Number.isFinite(runtime.responseLimitBytes) ? 'OfficeOnline' : 'PC')) ===
        'OfficeOnline'
      );
    },
    workbook: host,
    stats,
    options: runtime,
    officeState,
    setApiVersion(version) {
      runtime.apiVersion = version;
      officeState.apiVersion = version;
    },
    setDisplayLanguage(language) {
      officeState.displayLanguage = language;
    },
    setEditing(editing) {
      host.editing = editing;
    },
    failSync(nth, code = 'GeneralException', times = 1) {
      runtime.failSync = nth === null ? null : { countdown: nth, code, times };
    },
    failSettingsSave(message) {
      officeState.failSettingsSave = message;
    },
    fireChange(sheet, address, changeType = 'RangeEdited', source = 'Local') {
      host.fireChanged(host.sheet(sheet), address, source, changeType);
    },
    setEventDelivery(mode) {
      host.eventDelivery = mode;
    },
    flushEvents() {
      return host.flushEvents();
    },
    get heldEventCount() {
      return host.heldEvents.length;
    },
  };
}

/**
 * Installs the fake as the `Excel` and `Office` globals (the browser harness calls this before
 * loading the task-pane bundle). Returns a function that restores the previous globals.
 */
export function installFakeOffice(globalObject: object, fake: FakeExcel): () => void {
  const g = globalObject as Record<string, unknown>;
  const previous = { Excel: g.Excel, Office: g.Office };
  g.Excel = fake.Excel;
  g.Office = fake.Office;
  return () => {
    g.Excel = previous.Excel;
    g.Office = previous.Office;
  };
}
