/**
 * The adapter's shared core: one `Session` per adapter holds the hosts (resolved when used), the
 * display language and requirement-set checks, `run` (the one `Excel.run` wrapper, turning every
 * Office error into an `AdapterError`), and the state kept between calls.
 *
 * State. The last read is kept (`snapshot`: sheet list, grid, `_tanda` records, note texts) so
 * `writeFlags` needs no re-read; a sheet that vanished since makes `writeFlags` read again and retry
 * once. `statusColumns` remembers where `Status Validasi` was written, so the change events of the
 * tool's own writes are not reported as edits.
 *
 * Also the sheet-list helpers every part uses: case-insensitive names and one worksheet proxy per
 * name and request context.
 */
import { WorkbookGrid } from '../engine/grid';
import { Lang } from '../engine/messages';
import { adapterError, toAdapterError } from './errors';
import { Marks } from './flags';
import { ExcelHost, OfficeHost } from './port';

export interface SheetInfo {
  readonly name: string;
  readonly visibility: string;
}

/** What the adapter knows from its last read. */
export interface Snapshot {
  /** Every sheet read, tool-internal ones included. */
  readonly grid: WorkbookGrid;
  readonly sheets: readonly SheetInfo[];
  readonly marks: Marks;
  /** Note texts per sheet (lower-case name), in collection order (ExcelApi 1.18). */
  readonly notes: ReadonlyMap<string, readonly string[]>;
}

export interface Session {
  readonly excelHost: () => ExcelHost | undefined;
  readonly officeHost: () => OfficeHost | undefined;
  /** The clock, for `Date.now()`-based staging names and the template's year. */
  readonly now: () => number;
  /** `id` when Office's display language is Indonesian, else `en`. */
  readonly lang: () => Lang;
  /** Is this ExcelApi requirement set supported? */
  readonly supports: (version: string) => boolean;
  /** Excel on the web (`Office.context.platform`): it refuses a response over 5 MB. */
  readonly onWeb: () => boolean;
  /** `Excel.run`, with a missing host and every Office error reported as an `AdapterError`. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** The last read (null: read again before writing). */
  snapshot: Snapshot | null;
  /** `Status Validasi` column per sheet (lower-case name), so our own writes are not reported as edits. */
  readonly statusColumns: Map<string, number>;
}

/**
 * The one reading of Office's display language (`id-ID`, `en-US`): Indonesian for `id` (and the
 * old tag `in`), English for any other; the task pane takes it from the port (displayLanguage).
 */
export function langOfDisplayLanguage(tag: string | null | undefined): Lang {
  return /^(?:id|in)\b/i.test(tag ?? '') ? 'id' : 'en';
}

export function createSession(
  excelGlobal: ExcelHost | undefined,
  office: OfficeHost | undefined,
  now: () => number,
): Session {
  // Resolved when used, not when created: office.js may still be loading when the pane renders.
  const g = globalThis as { Excel?: ExcelHost; Office?: OfficeHost };
  const excelHost = (): ExcelHost | undefined => excelGlobal ?? g.Excel;
  const officeHost = (): OfficeHost | undefined => office ?? g.Office;
  const lang = (): Lang => langOfDisplayLanguage(officeHost()?.context.displayLanguage);
  const supports = (version: string): boolean => {
    try {
      return officeHost()?.context.requirements.isSetSupported('ExcelApi', version) ?? false;
    } catch {
      return false;
    }
  };
  const onWeb = (): boolean => {
    try {
      return officeHost()?.context.platform === 'OfficeOnline';
    } catch {
      return false;
    }
  };
  async function run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const excel = excelHost();
    if (!excel) throw adapterError('noHost', lang());
    // A batch that meets the user typing in a cell waits for the cell to be left instead of failing
    // (a host that does not know the option fails as before: `editing`); with ExcelApi 1.20 the
    // syncs of one operation are one undo step, so Ctrl+Z never undoes half of a write.
    const options: Excel.RunOptions = { delayForCellEdit: true };
    if (supports('1.20')) options.mergeUndoGroup = true;
    try {
      return await excel.run(options, batch);
    } catch (e) {
      throw toAdapterError(e, lang());
    }
  }
  return { excelHost, officeHost, now, lang, supports, onWeb, run, snapshot: null, statusColumns: new Map() };
}

/** Sheet names compare as Excel compares them: trimmed, case-insensitive. */
export const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** One worksheet proxy per name and request context, so repeated operations share one object path. */
const sheetProxies = new WeakMap<Excel.RequestContext, Map<string, Excel.Worksheet>>();
export function sheetOf(context: Excel.RequestContext, name: string): Excel.Worksheet {
  let map = sheetProxies.get(context);
  if (!map) {
    map = new Map();
    sheetProxies.set(context, map);
  }
  const key = name.toLowerCase();
  let ws = map.get(key);
  if (!ws) {
    ws = context.workbook.worksheets.getItem(name);
    map.set(key, ws);
  }
  return ws;
}
