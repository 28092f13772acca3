/**
 * The Office adapter: the only code that calls `Excel.run` (addin.md). It turns the workbook into
 * the engine's grid and writes the flags, the template, the stamp and the history back.
 *
 * Round trips. Validating a sheet is `readSubmission` + `writeFlags` in at most four syncs:
 *   1. read   — the worksheets collection (names, visibility);
 *   2. read   — every sheet's used range (values, number formats, value types) and, with ExcelApi
 *               1.18, the texts of its notes, in one batch;
 *   3. write  — the reads the writes depend on (each cell-to-flag's own fill, the notes there now,
 *               the user's notes located by their place in the collection as read in 2, a fresh
 *               sheet list), together with the new `Temuan` written into a very hidden staging
 *               sheet, which depends on nothing;
 *   4. write  — the rest of the staged `Temuan`, `_tanda` (the remembered fills), restored and new
 *               fills, notes, `Status Validasi`, and the staging sheet renamed over the old `Temuan`
 *               last, so a failure leaves either the old `Temuan` or the new one, never half of it.
 *               Riwayat events passed to `writeFlags` go in here too: a trace before every other
 *               write, the run's own event after the last (its used range is read in 3).
 * One more read happens only when the user's notes changed between 2 and 3, or when Excel returns
 * a fill for merged areas instead of single cells.
 * Fills are set per colour on multi-area ranges (`getRanges("A1,B7:D7,…")`, ExcelApi 1.9; before
 * 1.9 one range per horizontal run), notes one call per cell, values one call per block.
 *
 * Payload. Every operation is sized before it is queued (chunks.ts) and a sync is made early only
 * when the next operation would take the request over the 4 MB budget; blocks of rows fill what a
 * sync has left. A 5,000-row sheet fits in the four syncs (about 3.3 MB at most); larger sheets
 * need about one more sync per 3.8 MB of writes. Excel on the web also refuses a response over
 * 5 MB: when reading the whole workbook at once is refused, it is read again in row blocks (more
 * syncs, the same grid).
 *
 * The city summary (`writeSummary`, planned in summary.ts) is written the same way: new sheets very
 * hidden under staging names in budgeted syncs, swapped in by the last one.
 *
 * State. The last read is kept (sheet list, grid, `_tanda` records, note texts) so `writeFlags`
 * needs no re-read; a sheet that vanished since makes `writeFlags` read again and retry once.
 *
 * Safety. Only what the tool wrote is undone: a fill is restored only where the tool's colour is
 * still there, a note deleted only when its text is the tool's, a `Status Validasi` cell cleared
 * only while it holds a status text.
 */
import { CitySummary, SUMMARY_SHEET_NAMES } from '../engine/consolidate';
import { CellValue, SheetGrid, WorkbookGrid } from '../engine/grid';
import { Lang } from '../engine/messages';
import { findSheet } from '../engine/parse';
import { Opd, Reference } from '../engine/reference/model';
import { SHEET_RIWAYAT, SHEET_STEMPEL, SHEET_TEMUAN } from '../engine/schema';
import { FileValidation } from '../engine/validate';
import { SyncBatcher, addressLists, cellOpBytes, cellRuns, jsonBytes, letters, opBytes, writeRowBlocks } from './chunks';
import { AdapterError, adapterError, isAdapterError, toAdapterError } from './errors';
import {
  CellFlag,
  CellMark,
  FillState,
  Marks,
  NO_FILL,
  NO_MARKS,
  RIWAYAT_COLUMNS,
  SHEET_DAFTAR,
  SHEET_TANDA,
  STAGING_PREFIX,
  StatusMark,
  TEMUAN_COLUMNS,
  TEMUAN_STATUS_COLUMN,
  TEMUAN_TEXT_COLUMNS,
  TEMUAN_WIDTHS,
  TemuanCell,
  cellKey,
  decodeMarks,
  encodeMarks,
  gridOf,
  noteHash,
  parseCell,
  planCellFlags,
  planStatus,
  sameTemuan,
  statusClearing,
  statusRange,
  temuanRows,
  typedDecisions,
} from './flags';
import { GridBuilder, RangeData, patchSheetRows } from './grid';
import { ExcelHost, FlagHistory, FlagSummary, HistoryEvent, OfficeHost, SummaryWriteResult, WorkbookPort } from './port';
import {
  SUMMARY_SETTING,
  SUMMARY_STAGING_PREFIX,
  chooseTargets,
  finalPositions,
  planSummary,
  queueChart,
  queueSummarySheet,
  sameSignature,
  storedSheets,
} from './summary';
import { queueTemplate } from './template';

export interface AdapterOptions {
  /** Quiet time before `onRowsChanged` reports (default 400 ms). */
  readonly debounceMs?: number;
  /** The clock, for `Date.now()`-based staging names (tests). */
  readonly now?: () => number;
}

interface SheetInfo {
  readonly name: string;
  readonly visibility: string;
}

/** What the adapter knows from its last read. */
interface Snapshot {
  /** Every sheet read, tool-internal ones included. */
  readonly grid: WorkbookGrid;
  readonly sheets: readonly SheetInfo[];
  readonly marks: Marks;
  /** Note texts per sheet (lower-case name), in collection order (ExcelApi 1.18). */
  readonly notes: ReadonlyMap<string, readonly string[]>;
}

/** Sheets never read into the grid: the tool's own bookkeeping, lists and history. */
function skipOnRead(name: string): boolean {
  const n = name.trim().toLowerCase();
  return n === SHEET_DAFTAR || n === SHEET_RIWAYAT.toLowerCase() || n.startsWith(STAGING_PREFIX) || n.startsWith(SUMMARY_STAGING_PREFIX);
}

/** Sheets left out of the grid handed to the engine. */
function internal(name: string): boolean {
  return skipOnRead(name) || name.trim().toLowerCase() === SHEET_TANDA;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const USED_PROPS = 'address,values,numberFormat,valueTypes';
/** Response size aimed at per sync when a workbook has to be read in blocks (Excel on the web: 5 MB at most). */
const RESPONSE_BUDGET_BYTES = 3.5 * 1024 * 1024;

/** A fill as loaded (`pattern` needs ExcelApi 1.9; before that, white means no fill). */
function fillState(fill: Excel.RangeFill, withPattern: boolean): FillState | null {
  const color = fill.color;
  if (color === null || color === undefined) return null;
  if (!withPattern) return /^#?FFFFFF$/i.test(color) ? NO_FILL : { color, pattern: 'Solid', patternColor: '' };
  const pattern = fill.pattern;
  if (pattern === null || pattern === undefined) return null;
  if (pattern === 'None') return NO_FILL;
  return { color, pattern, patternColor: pattern === 'Solid' ? '' : (fill.patternColor ?? '') };
}

/** One worksheet proxy per name and request context, so repeated operations share one object path. */
const sheetProxies = new WeakMap<Excel.RequestContext, Map<string, Excel.Worksheet>>();
function sheetOf(context: Excel.RequestContext, name: string): Excel.Worksheet {
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

/** Values of a range (`AF2:AF9`) of a sheet of the grid, as read; null for empty cells. */
function gridValues(grid: WorkbookGrid, sheet: string, range: string): unknown[][] {
  const g = findSheet(grid, sheet);
  const [a, b = a] = range.split(':');
  const p = parseCell(a);
  const q = parseCell(b);
  if (!g || !p || !q) return [];
  const out: unknown[][] = [];
  for (let r = p.row; r <= q.row; r++) {
    const row: unknown[] = [];
    for (let c = p.col; c <= q.col; c++) row.push(g.rows[r]?.[c] ?? null);
    out.push(row);
  }
  return out;
}

const fillKey = (f: FillState) => (f.pattern === 'None' ? 'none' : `${f.color}|${f.pattern}|${f.patternColor}`);

/** Rows of a change address: `C7`, `C7:D9`, `5:7`; null when they are whole columns or too many. */
export function changedRows(address: string): number[] | null {
  const area = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const rows: number[] = [];
  for (const part of area.split(',')) {
    const [a, b = a] = part.split(':');
    const ra = /(\d+)$/.exec(a);
    const rb = /(\d+)$/.exec(b);
    if (!ra || !rb) return null;
    const from = Math.min(Number(ra[1]), Number(rb[1]));
    const to = Math.max(Number(ra[1]), Number(rb[1]));
    if (to - from > 10_000) return null;
    for (let r = from; r <= to; r++) rows.push(r);
  }
  return rows;
}

/** Columns (0-based) an address covers, or null for whole rows. */
function changedColumns(address: string): { from: number; to: number } | null {
  const area = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const [a, b = a] = area.split(':');
  const ca = /^([A-Za-z]+)/.exec(a);
  const cb = /^([A-Za-z]+)/.exec(b);
  if (!ca || !cb) return null;
  const idx = (l: string) => [...l.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { from: Math.min(idx(ca[1]), idx(cb[1])), to: Math.max(idx(ca[1]), idx(cb[1])) };
}

export function createExcelAdapter(excelGlobal?: ExcelHost, office?: OfficeHost, options: AdapterOptions = {}): WorkbookPort {
  // Resolved when used, not when created: office.js may still be loading when the pane renders.
  const g = globalThis as { Excel?: ExcelHost; Office?: OfficeHost };
  const excelHost = (): ExcelHost | undefined => excelGlobal ?? g.Excel;
  const officeHost = (): OfficeHost | undefined => office ?? g.Office;
  const debounceMs = options.debounceMs ?? 400;
  const now = options.now ?? (() => Date.now());

  let snapshot: Snapshot | null = null;
  /** `Status Validasi` column per sheet (lower-case name), so our own writes are not reported as edits. */
  const statusColumns = new Map<string, number>();

  const lang = (): Lang => (/^id\b|^id-/i.test(officeHost()?.context.displayLanguage ?? '') ? 'id' : 'en');
  const supports = (version: string): boolean => {
    try {
      return officeHost()?.context.requirements.isSetSupported('ExcelApi', version) ?? false;
    } catch {
      return false;
    }
  };

  async function run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const excel = excelHost();
    if (!excel) throw adapterError('noHost', lang());
    try {
      return await excel.run(batch);
    } catch (e) {
      throw toAdapterError(e, lang());
    }
  }

  // --- reading ------------------------------------------------------------------------------

  /**
   * The city summary's sheets the tool wrote (document setting): not part of a submission (`Daftar
   * Inovasi` even carries the submission's headers) and possibly large, so never read. `Temuan` is
   * read all the same: a validation of this workbook may own a sheet of that name.
   */
  function summaryOutputs(): Set<string> {
    let value: unknown = null;
    try {
      value = officeHost()?.context.document.settings.get(SUMMARY_SETTING) ?? null;
    } catch {
      value = null;
    }
    return new Set(
      storedSheets(value)
        .filter((n): n is string => n !== null && !same(n, SHEET_TEMUAN))
        .map((n) => n.trim().toLowerCase()),
    );
  }

  async function readAll(): Promise<Snapshot> {
    return run(async (context) => {
      const list = context.workbook.worksheets.load('items/name,items/visibility');
      await context.sync();
      const sheets = list.items.map((ws) => ({ ws, info: { name: ws.name, visibility: ws.visibility as string } }));
      const outputs = summaryOutputs();
      const wanted = sheets.filter((s) => !skipOnRead(s.info.name) && !outputs.has(s.info.name.trim().toLowerCase()));
      const used = wanted.map((s) => s.ws.getUsedRangeOrNullObject(true).load(USED_PROPS));
      const notes = supports('1.18') ? wanted.map((s) => s.ws.notes.load('items/content')) : null;
      try {
        await context.sync();
      } catch (e) {
        if ((e as { code?: string }).code !== 'ResponsePayloadSizeLimitExceeded') throw e;
        return readInBlocks(context, sheets.map((s) => s.info), wanted);
      }
      const grids = new Map<string, SheetGrid>();
      wanted.forEach((s, i) => {
        const b = new GridBuilder();
        if (!used[i].isNullObject) b.add(used[i] as RangeData);
        grids.set(s.info.name, b.build(s.info.name, s.info.visibility));
      });
      const texts = new Map<string, string[]>();
      notes?.forEach((n, i) => texts.set(wanted[i].info.name.toLowerCase(), n.items.map((x) => x.content)));
      return snapshotOf(sheets.map((s) => s.info), grids, texts);
    });
  }

  /**
   * Fallback when Excel refuses to return the whole workbook at once (Excel on the web caps a
   * response at 5 MB): row blocks of every sheet, as many per sync as should fit in about 3.5 MB of
   * response, sized from the bytes per cell seen so far; a refused sync is retried with half.
   */
  async function readInBlocks(context: Excel.RequestContext, all: SheetInfo[], wanted: { ws: Excel.Worksheet; info: SheetInfo }[]): Promise<Snapshot> {
    const dims = wanted.map((s) => s.ws.getUsedRangeOrNullObject(true).load('rowCount,columnCount'));
    await context.sync();
    const builders = wanted.map(() => new GridBuilder());
    // What is left to read: sheet index, next row.
    const todo = wanted.map((_, i) => ({ i, next: 0 })).filter(({ i }) => !dims[i].isNullObject);
    let bytesPerCell = 64; // a first guess (values, formats and types of short texts); measured after each sync
    while (todo.length) {
      let room = RESPONSE_BUDGET_BYTES / bytesPerCell; // cells this sync
      const blocks: { i: number; n: number; range: Excel.Range }[] = [];
      for (const t of todo) {
        if (room < 1) break;
        const used = dims[t.i];
        const n = Math.max(1, Math.min(used.rowCount - t.next, Math.floor(room / used.columnCount)));
        blocks.push({ i: t.i, n, range: used.getCell(t.next, 0).getResizedRange(n - 1, used.columnCount - 1).load(USED_PROPS) });
        room -= n * used.columnCount;
      }
      try {
        await context.sync();
      } catch (e) {
        if ((e as { code?: string }).code !== 'ResponsePayloadSizeLimitExceeded' || blocks.every((b) => b.n === 1)) throw e;
        bytesPerCell *= 2;
        continue;
      }
      let bytes = 0;
      let cells = 0;
      for (const b of blocks) {
        builders[b.i].add(b.range as RangeData);
        bytes += jsonBytes(b.range.values) + jsonBytes(b.range.numberFormat) + jsonBytes(b.range.valueTypes);
        cells += b.n * dims[b.i].columnCount;
        const t = todo.find((x) => x.i === b.i)!;
        t.next += b.n;
        if (t.next >= dims[b.i].rowCount) todo.splice(todo.indexOf(t), 1);
      }
      bytesPerCell = Math.max(8, (bytes / Math.max(cells, 1)) * 1.1);
    }
    const grids = new Map<string, SheetGrid>();
    wanted.forEach((s, i) => grids.set(s.info.name, builders[i].build(s.info.name, s.info.visibility)));
    return snapshotOf(all, grids);
  }

  function snapshotOf(sheets: SheetInfo[], grids: Map<string, SheetGrid>, notes: ReadonlyMap<string, readonly string[]> = new Map()): Snapshot {
    const grid: WorkbookGrid = { sheets: sheets.filter((s) => grids.has(s.name)).map((s) => grids.get(s.name)!) };
    return { grid, sheets, marks: decodeMarks(findSheet(grid, SHEET_TANDA)), notes };
  }

  async function readSubmission(): Promise<{ grid: WorkbookGrid }> {
    snapshot = await readAll();
    return { grid: { sheets: snapshot.grid.sheets.filter((s) => !internal(s.name)) } };
  }

  /**
   * Some rows of one sheet (1-based), in one sync: each run of consecutive rows as the part of the
   * sheet's used range it covers, converted as `readSubmission` converts. The adapter's last read
   * is patched with them, so `writeFlags` works from the workbook as it is now.
   */
  async function readRows(sheetName: string, rows: readonly number[]): Promise<CellValue[][]> {
    const wanted = [...new Set(rows)].filter((r) => Number.isInteger(r) && r >= 1).sort((a, b) => a - b);
    if (!wanted.length) return rows.map(() => []);
    const read = await run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheetName);
      const runs: { from: number; to: number }[] = [];
      for (const r of wanted) {
        const last = runs[runs.length - 1];
        if (last && last.to === r - 1) last.to = r;
        else runs.push({ from: r, to: r });
      }
      const used = runs.map((x) => ws.getRange(`${x.from}:${x.to}`).getUsedRangeOrNullObject(true).load(USED_PROPS));
      await context.sync();
      const b = new GridBuilder();
      for (const u of used) if (!u.isNullObject) b.add(u as RangeData);
      return b.build(sheetName).rows;
    });
    const byRow = new Map<number, CellValue[]>(wanted.map((r) => [r - 1, [...(read[r - 1] ?? [])]]));
    if (snapshot) {
      const snap = snapshot;
      snapshot = { ...snap, grid: { sheets: snap.grid.sheets.map((s) => (same(s.name, sheetName) ? patchSheetRows(s, byRow) : s)) } };
    }
    return rows.map((r) => [...(byRow.get(r - 1) ?? [])]);
  }

  // --- fills ----------------------------------------------------------------------------------

  /** Queues reads of each cell's fill; the returned function gives the results after the sync. */
  async function queueFillReads(
    context: Excel.RequestContext,
    batcher: SyncBatcher,
    cells: ReadonlyMap<string, { sheet: string; cell: string }>,
  ): Promise<() => Map<string, FillState | null>> {
    const areas = supports('1.9');
    const bySheet = new Map<string, string[]>();
    for (const c of cells.values()) {
      const list = bySheet.get(c.sheet) ?? [];
      list.push(c.cell);
      bySheet.set(c.sheet, list);
    }
    const readers: (() => [string, FillState | null][])[] = [];
    for (const [sheet, list] of bySheet) {
      const ws = sheetOf(context, sheet);
      if (areas) {
        for (const address of addressLists(list)) {
          await batcher.reserve(opBytes(address) + 400);
          const loaded = ws.getRanges(address).areas.load('items/address,items/format/fill/color,items/format/fill/pattern,items/format/fill/patternColor');
          readers.push(() =>
            loaded.items.flatMap((area): [string, FillState | null][] => {
              const state = fillState(area.format.fill, true);
              const a = area.address.slice(area.address.lastIndexOf('!') + 1).replace(/\$/g, '');
              const [from, to = from] = a.split(':');
              const p = parseCell(from);
              const q = parseCell(to);
              if (!p || !q) return [];
              // Excel may merge adjacent cells into one area: spread a uniform result, else unknown.
              const out: [string, FillState | null][] = [];
              for (let r = p.row; r <= q.row; r++) for (let c = p.col; c <= q.col; c++) out.push([cellKey(sheet, `${letters(c)}${r + 1}`), state]);
              return out;
            }),
          );
        }
      } else {
        for (const cell of list) {
          await batcher.reserve(opBytes(cell));
          const fill = ws.getRange(cell).format.fill.load('color'); // four paths and a query: ~400 bytes
          readers.push(() => [[cellKey(sheet, cell), fillState(fill, false)]]);
        }
      }
    }
    return () => new Map(readers.flatMap((r) => r()));
  }

  /** Queues fills by group: one multi-area range per address list (1.9), else one range per run. */
  async function queueFills(
    context: Excel.RequestContext,
    batcher: SyncBatcher,
    groups: ReadonlyMap<string, { fill: FillState | string; cells: { sheet: string; row: number; col: number }[] }>,
  ): Promise<void> {
    const areas = supports('1.9');
    for (const { fill, cells } of groups.values()) {
      const bySheet = new Map<string, { row: number; col: number }[]>();
      for (const c of cells) {
        const list = bySheet.get(c.sheet);
        if (list) list.push(c);
        else bySheet.set(c.sheet, [c]);
      }
      for (const [sheet, list] of bySheet) {
        const ws = sheetOf(context, sheet);
        const runs = cellRuns(list);
        const targets = areas ? addressLists(runs).map((a) => ({ a, f: () => ws.getRanges(a).format.fill })) : runs.map((a) => ({ a, f: () => ws.getRange(a).format.fill }));
        for (const t of targets) {
          await batcher.reserve(opBytes(t.a, fill) + 200);
          const target = t.f();
          if (typeof fill === 'string') target.color = fill;
          else if (fill.pattern === 'None') target.clear();
          else {
            target.color = fill.color;
            if (areas && fill.pattern !== 'Solid') {
              target.pattern = fill.pattern as Excel.FillPattern;
              if (fill.patternColor) target.patternColor = fill.patternColor;
            }
          }
        }
      }
    }
  }

  // --- notes (ExcelApi 1.18) -----------------------------------------------------------------

  interface LoadedNotes {
    readonly sheet: string;
    readonly items: () => Excel.Note[];
  }

  // --- writeFlags -------------------------------------------------------------------------------

  async function writeFlags(validation: FileValidation, language: Lang, history: FlagHistory = {}): Promise<FlagSummary> {
    try {
      return await writeFlagsOnce(validation, language, history);
    } catch (e) {
      // A sheet renamed or deleted since the last read: read again and retry once.
      if (isAdapterError(e) && e.code === 'notFound' && snapshot) {
        snapshot = null;
        return writeFlagsOnce(validation, language, history);
      }
      throw e;
    }
  }

  async function writeFlagsOnce(v: FileValidation, language: Lang, history: FlagHistory): Promise<FlagSummary> {
    const snap = snapshot ?? (snapshot = await readAll());
    const exists = (name: string) => snap.sheets.some((s) => same(s.name, name));
    const withNotes = supports('1.18');

    const flags = planCellFlags(v, language).filter((f) => exists(f.sheet));
    const wanted = new Map<string, CellFlag>(flags.map((f) => [cellKey(f.sheet, f.cell), f]));
    const previous = new Map<string, CellMark>(snap.marks.cells.filter((m) => exists(m.sheet)).map((m) => [cellKey(m.sheet, m.cell), m]));
    const status = planStatus(v, language, snap.grid);
    const temuan = temuanRows(v, language, typedDecisions(snap.grid));
    const rewriteTemuan = !sameTemuan(snap.grid, temuan);

    return run(async (context) => {
      const batcher = new SyncBatcher(context);
      const sheetsApi = context.workbook.worksheets;

      // Sync 3: what the writes depend on, plus the new Temuan staged (it depends on nothing).
      const freshList = sheetsApi.load('items/name,items/visibility');
      const riwayat = historyAppender(context, batcher, snap, history);
      await riwayat.queueRead();
      const probe = new Map<string, { sheet: string; cell: string }>();
      for (const [k, f] of wanted) probe.set(k, f);
      for (const [k, m] of previous) probe.set(k, m);
      const fills = await queueFillReads(context, batcher, probe);
      const noteSheets = withNotes ? [...new Set([...flags.map((f) => f.sheet), ...[...previous.values()].filter((m) => m.note).map((m) => m.sheet)])] : [];
      const recordedHashes = new Set([...previous.values()].map((m) => m.note).filter(Boolean));
      const loadedNotes: LoadedNotes[] = [];
      // The user's own notes, located now by their place in the collection as last read (checked
      // against their text below), so that no note of ours is put on a cell that has one.
      const located: { sheet: string; content: string; note: Excel.Note; range: Excel.Range }[] = [];
      for (const sheet of noteSheets) {
        await batcher.reserve(opBytes(sheet));
        const notes = sheetOf(context, sheet).notes;
        const collection = notes.load('items/content');
        loadedNotes.push({ sheet, items: () => collection.items });
        const known = snap.notes.get(sheet.toLowerCase()) ?? [];
        for (const [i, content] of known.entries()) {
          if (recordedHashes.has(noteHash(content))) continue;
          await batcher.reserve(opBytes(i) + 400);
          const note = notes.getItemAt(i).load('content');
          located.push({ sheet, content, note, range: note.getLocation().load('address') });
        }
      }
      const stagingName = rewriteTemuan ? `${STAGING_PREFIX}${now().toString(36)}` : null;
      const stager = stagingName ? temuanStager(context, batcher, stagingName, temuan) : null;
      await stager?.start();
      await batcher.flush();

      // Reading what came back.
      const current = fills();
      const unknown = [...probe.keys()].filter((k) => !current.has(k) || current.get(k) === null);
      const ours = new Map<string, Excel.Note[]>();
      const userNotes: { sheet: string; note: Excel.Note }[] = [];
      for (const n of loadedNotes) {
        for (const note of n.items()) {
          const h = noteHash(note.content);
          if (!recordedHashes.has(h)) userNotes.push({ sheet: n.sheet, note });
          else if (ours.has(h)) ours.get(h)!.push(note);
          else ours.set(h, [note]);
        }
      }
      const userNoteCells = new Set<string>();
      const addressKey = (sheet: string, address: string) => cellKey(sheet, address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, ''));
      // The located notes are right when the user's notes are exactly those read before.
      const userTexts = (list: readonly string[]) => list.filter((c) => !recordedHashes.has(noteHash(c)));
      const locatedRight =
        located.every((l) => l.note.content === l.content) &&
        loadedNotes.every((n) => JSON.stringify(userTexts(n.items().map((x) => x.content))) === JSON.stringify(userTexts(snap.notes.get(n.sheet.toLowerCase()) ?? [])));
      if (locatedRight) for (const l of located) userNoteCells.add(addressKey(l.sheet, l.range.address));
      // Rarely needed (a cell Excel returned merged with others; notes changed since the read): one more read.
      if (unknown.length || (!locatedRight && userNotes.length && flags.length)) {
        const extra = await queueFillReads(context, batcher, new Map(unknown.map((k) => [k, probe.get(k)!])));
        const locations = locatedRight ? [] : userNotes.map((u) => ({ sheet: u.sheet, range: u.note.getLocation().load('address') }));
        await batcher.flush();
        for (const [k, f] of extra()) current.set(k, f);
        for (const l of locations) userNoteCells.add(addressKey(l.sheet, l.range.address));
      }

      // Decide, cell by cell: restore, paint, keep.
      const restore = new Map<string, { fill: FillState; cells: { sheet: string; row: number; col: number }[] }>();
      const paint = new Map<string, { fill: string; cells: { sheet: string; row: number; col: number }[] }>();
      const marks: CellMark[] = [];
      const stillOurs = (m: CellMark, now: FillState | null | undefined) =>
        !!now && now.pattern !== 'None' && now.color.toUpperCase() === m.flag.toUpperCase();
      for (const [k, m] of previous) {
        if (wanted.has(k) || !stillOurs(m, current.get(k))) continue; // a fill the user changed is theirs now
        const at = parseCell(m.cell)!;
        const g = restore.get(fillKey(m.original)) ?? { fill: m.original, cells: [] };
        g.cells.push({ sheet: m.sheet, ...at });
        restore.set(fillKey(m.original), g);
      }
      const noteWanted = new Map<string, { hash: string; text: string; flags: CellFlag[] }>();
      for (const [k, f] of wanted) {
        const m = previous.get(k);
        const kept = m && stillOurs(m, current.get(k));
        const original = kept ? m.original : (current.get(k) ?? NO_FILL);
        if (!kept || m.flag.toUpperCase() !== f.color) {
          const g = paint.get(f.color) ?? { fill: f.color, cells: [] };
          g.cells.push({ sheet: f.sheet, row: f.row, col: f.col });
          paint.set(f.color, g);
        }
        let hash = '';
        if (withNotes && !userNoteCells.has(k)) {
          hash = noteHash(f.note);
          const n = noteWanted.get(hash) ?? { hash, text: f.note, flags: [] };
          n.flags.push(f);
          noteWanted.set(hash, n);
        }
        marks.push({ sheet: f.sheet, cell: f.cell, original, flag: f.color, note: hash });
      }
      // Notes, by identical text: untouched when the same cells carry the same text as before.
      const noteDeletes: Excel.Note[] = [];
      const noteAdds: CellFlag[] = [];
      const hadByHash = new Map<string, Set<string>>();
      for (const [k, m] of previous) {
        if (!m.note) continue;
        const set = hadByHash.get(m.note);
        if (set) set.add(k);
        else hadByHash.set(m.note, new Set([k]));
      }
      for (const hash of new Set([...recordedHashes, ...noteWanted.keys()])) {
        const had = hadByHash.get(hash) ?? new Set<string>();
        const want = (noteWanted.get(hash)?.flags ?? []).map((f) => cellKey(f.sheet, f.cell));
        const present = ours.get(hash) ?? [];
        const unchanged = present.length === had.size && had.size === want.length && want.every((k) => had.has(k));
        if (unchanged) continue;
        noteDeletes.push(...present);
        noteAdds.push(...(noteWanted.get(hash)?.flags ?? []));
      }

      // Status Validasi, and whatever an earlier run wrote beyond it.
      const statusMarks: StatusMark[] = [];
      const clearRanges: StatusMark[] = [];
      if (status && status.texts.length) {
        const range = statusRange(status, status.texts.length);
        statusMarks.push({ sheet: status.sheet, range });
        statusColumns.set(status.sheet.toLowerCase(), status.col);
      }
      for (const old of snap.marks.status) {
        if (!exists(old.sheet)) continue;
        if (!status || !same(old.sheet, status.sheet)) clearRanges.push(old);
        else {
          const end = Number(/(\d+)$/.exec(old.range)?.[1] ?? 0);
          const newEnd = status.headerRow + status.texts.length;
          const col = letters(status.col);
          const oldCol = /^([A-Z]+)/i.exec(old.range)?.[1]?.toUpperCase();
          if (oldCol !== col) clearRanges.push(old);
          else if (end > newEnd) clearRanges.push({ sheet: old.sheet, range: `${col}${newEnd + 1}:${col}${end}` });
        }
      }

      // Sync 4: write — Riwayat's `before` events first, the rest of the staged Temuan, then `_tanda`
      // (each cell's own fill on record before it is painted over), fills, notes, Status Validasi,
      // the Temuan swap, and Riwayat's `after` events last.
      await riwayat.queueBefore(freshList.items);
      await stager?.finish();
      const live = new Set(freshList.items.map((ws) => ws.name.toLowerCase()));
      const tandaName = freshList.items.find((ws) => same(ws.name, SHEET_TANDA))?.name;
      const newMarks: Marks = { cells: marks, status: statusMarks };
      const tandaRows = encodeMarks(newMarks);
      if (marks.length || statusMarks.length) {
        const tanda = tandaName ? sheetsApi.getItem(tandaName) : sheetsApi.add(SHEET_TANDA);
        if (tandaName) tanda.getRange().clear();
        tanda.visibility = 'VeryHidden';
        const last = letters(tandaRows[0].length - 1);
        await writeRowBlocks(batcher, tandaRows, (start, rows) => void (tanda.getRange(`A${start + 1}:${last}${start + rows.length}`).values = rows));
      } else if (tandaName) {
        sheetsApi.getItem(tandaName).delete();
      }
      await queueFills(context, batcher, restore);
      await queueFills(context, batcher, paint);
      for (const note of noteDeletes) {
        await batcher.reserve(cellOpBytes(null));
        note.delete();
      }
      for (const f of noteAdds) {
        await batcher.reserve(cellOpBytes(f.cell, f.note));
        sheetOf(context, f.sheet).notes.add(f.cell, f.note);
      }
      for (const c of clearRanges) {
        // Only cells still holding a status text (as last read): a shifted range may be user data now.
        const values = statusClearing(gridValues(snap.grid, c.sheet, c.range));
        if (!values.length) continue;
        await batcher.reserve(opBytes(values));
        sheetOf(context, c.sheet).getRange(c.range).values = values;
      }
      if (status) {
        const ws = sheetOf(context, status.sheet);
        const col = letters(status.col);
        if (status.newColumn) {
          ws.getRange(`${col}${status.headerRow}`).values = [['Status Validasi']];
        }
        await writeRowBlocks(batcher, status.texts.map((t) => [t]), (start, rows) => {
          const first = status.headerRow + 1 + start;
          ws.getRange(`${col}${first}:${col}${first + rows.length - 1}`).values = rows;
        });
      }
      let temuanGrid: SheetGrid | null = null;
      const staging = stager?.sheet;
      if (staging && stagingName) {
        await batcher.reserve(opBytes(SHEET_TEMUAN) * 4);
        const old = freshList.items.find((ws) => same(ws.name, SHEET_TEMUAN));
        if (old) {
          const position = freshList.items.indexOf(old);
          old.delete();
          staging.name = SHEET_TEMUAN;
          staging.visibility = 'Visible';
          staging.position = position;
        } else {
          staging.name = SHEET_TEMUAN;
          staging.visibility = 'Visible';
        }
        temuanGrid = gridOf(SHEET_TEMUAN, temuan);
      }
      for (const ws of freshList.items) {
        if (ws.name.toLowerCase().startsWith(STAGING_PREFIX) && ws.name !== stagingName) ws.delete();
      }
      await riwayat.queueAfter();
      await batcher.flush();

      // The snapshot now describes the workbook as written.
      const names = freshList.items
        .filter((ws) => !ws.name.toLowerCase().startsWith(STAGING_PREFIX) && !(temuanGrid && same(ws.name, SHEET_TEMUAN)) && !(same(ws.name, SHEET_TANDA) && !marks.length && !statusMarks.length))
        .map((ws) => ({ name: ws.name, visibility: ws.visibility as string }));
      if (temuanGrid) names.push({ name: SHEET_TEMUAN, visibility: 'Visible' });
      if (riwayat.created) names.push({ name: SHEET_RIWAYAT, visibility: 'Visible' });
      if ((marks.length || statusMarks.length) && !live.has(SHEET_TANDA)) names.push({ name: SHEET_TANDA, visibility: 'VeryHidden' });
      const grids = snap.grid.sheets.filter((s) => !(temuanGrid && same(s.name, SHEET_TEMUAN)) && !same(s.name, SHEET_TANDA));
      if (temuanGrid) grids.push(temuanGrid);
      if (marks.length || statusMarks.length) grids.push(gridOf(SHEET_TANDA, tandaRows, 'veryHidden'));
      // Note texts changed (ours added or removed): the next writeFlags locates user notes by a read.
      snapshot = { grid: { sheets: grids }, sheets: names, marks: newMarks, notes: new Map() };

      return {
        cells: marks.length,
        notes: marks.filter((m) => m.note).length,
        rows: v.submission?.table?.rows.length ?? 0,
        findings: v.findings.length,
      };
    });
  }

  /**
   * The new Temuan, written into a very hidden staging sheet that is renamed over the old one at the
   * end. `start` queues the sheet, its formats and as many rows as the current sync can take;
   * `finish` queues the rest (after the reads have come back, packed with the other writes).
   */
  function temuanStager(context: Excel.RequestContext, batcher: SyncBatcher, name: string, rows: TemuanCell[][]) {
    const ws = context.workbook.worksheets.add(name);
    const lastCol = letters(TEMUAN_COLUMNS.length - 1);
    let written = 0;
    const write = (offset: number) => (start: number, block: TemuanCell[][]) => {
      const first = offset + start + 1;
      const last = offset + start + block.length;
      // Text columns formatted as text first, so Excel keeps «007» or «2.10» as written.
      for (const c of TEMUAN_TEXT_COLUMNS) ws.getRange(`${letters(c)}${first}:${letters(c)}${last}`).numberFormat = block.map(() => ['@']);
      ws.getRange(`A${first}:${lastCol}${last}`).values = block;
    };
    const blockOptions = { extraPerRow: TEMUAN_TEXT_COLUMNS.length * 6, opsPerBlock: 1 + TEMUAN_TEXT_COLUMNS.length };
    return {
      sheet: ws,
      async start(): Promise<void> {
        await batcher.reserve(6000);
        ws.visibility = 'VeryHidden';
        const header = ws.getRange(`A1:${lastCol}1`);
        header.format.font.bold = true;
        header.format.fill.color = '#D9E1F2';
        ws.freezePanes.freezeRows(1);
        TEMUAN_WIDTHS.forEach((w, c) => void (ws.getRange(`${letters(c)}:${letters(c)}`).format.columnWidth = w * 5.7));
        if (supports('1.8')) {
          const col = letters(TEMUAN_STATUS_COLUMN);
          const dv = ws.getRange(`${col}2:${col}${Math.max(rows.length, 2)}`).dataValidation;
          dv.rule = { list: { inCellDropDown: true, source: 'Terbuka,Diterima' } };
          dv.errorAlert = { showAlert: true, style: 'Stop', title: 'Status tidak sah', message: 'Pilih Terbuka atau Diterima.' };
        }
        written = await writeRowBlocks(batcher, rows, write(0), { ...blockOptions, fitOnly: true });
      },
      async finish(): Promise<void> {
        if (written < rows.length) await writeRowBlocks(batcher, rows.slice(written), write(written), blockOptions);
      },
    };
  }

  // --- clearFlags -------------------------------------------------------------------------------

  async function clearFlags(): Promise<void> {
    const snap = snapshot ?? (snapshot = await readAll());
    const exists = (name: string) => snap.sheets.some((s) => same(s.name, name));
    const previous = new Map<string, CellMark>(snap.marks.cells.filter((m) => exists(m.sheet)).map((m) => [cellKey(m.sheet, m.cell), m]));
    const withNotes = supports('1.18');
    await run(async (context) => {
      const batcher = new SyncBatcher(context);
      const sheetsApi = context.workbook.worksheets;
      const freshList = sheetsApi.load('items/name');
      const fills = await queueFillReads(context, batcher, previous);
      const hashes = new Set([...previous.values()].map((m) => m.note).filter(Boolean));
      const statusNow = snap.marks.status.filter((st) => exists(st.sheet)).map((st) => ({ mark: st, range: sheetOf(context, st.sheet).getRange(st.range).load('values') }));
      const noteSheets = withNotes ? [...new Set([...previous.values()].filter((m) => m.note).map((m) => m.sheet))] : [];
      const loaded = noteSheets.map((s) => sheetOf(context, s).notes.load('items/content'));
      await batcher.flush();

      const current = fills();
      const restore = new Map<string, { fill: FillState; cells: { sheet: string; row: number; col: number }[] }>();
      for (const [k, m] of previous) {
        const now = current.get(k);
        // Only where the tool's colour is still there: a fill the user set since is left alone.
        if (!now || now.pattern === 'None' || now.color.toUpperCase() !== m.flag.toUpperCase()) continue;
        const g = restore.get(fillKey(m.original)) ?? { fill: m.original, cells: [] };
        g.cells.push({ sheet: m.sheet, ...parseCell(m.cell)! });
        restore.set(fillKey(m.original), g);
      }
      await queueFills(context, batcher, restore);
      for (const collection of loaded) {
        for (const note of collection.items) {
          if (!hashes.has(noteHash(note.content))) continue;
          await batcher.reserve(cellOpBytes(null));
          note.delete();
        }
      }
      for (const st of statusNow) {
        // Only cells still holding a status text: a shifted range may be the user's data now.
        const values = statusClearing(st.range.values);
        await batcher.reserve(opBytes(values));
        sheetOf(context, st.mark.sheet).getRange(st.mark.range).values = values;
      }
      const tanda = freshList.items.find((ws) => same(ws.name, SHEET_TANDA));
      if (tanda) tanda.delete();
      await batcher.flush();
    });
    snapshot = {
      grid: { sheets: snap.grid.sheets.filter((s) => !same(s.name, SHEET_TANDA)) },
      sheets: snap.sheets.filter((s) => !same(s.name, SHEET_TANDA)),
      marks: NO_MARKS,
      notes: new Map(),
    };
  }

  // --- writeSummary -------------------------------------------------------------------------------

  /**
   * The city summary (summary.ts). Syncs: 1 reads the sheet list; then the new sheets are written
   * very hidden under staging names, in as many syncs as the payload budget needs, the first of them
   * also reading the header row of each remembered sheet (is it still ours?); the last one adds the
   * charts and swaps the new sheets in. A small summary takes three syncs; 60 workbooks × 300 rows
   * about one more per 3.75 MB of cells.
   */
  async function writeSummary(summary: CitySummary, language: Lang): Promise<SummaryWriteResult> {
    const plan = planSummary(summary, language);
    const stored = storedSheets(await getSetting(SUMMARY_SETTING));
    const staging = `${SUMMARY_STAGING_PREFIX}${now().toString(36)}_`;
    const api19 = supports('1.9');
    try {
      return await run(async (context) => {
        const batcher = new SyncBatcher(context);
        const sheetsApi = context.workbook.worksheets;
        const list = sheetsApi.load('items/name,items/visibility');
        await batcher.flush();
        const before = list.items.map((ws) => ws.name);
        // Staging sheets an earlier failed write left (very hidden, as the tool makes them).
        const leftovers = list.items.filter((ws) => ws.visibility === 'VeryHidden' && ws.name.toLowerCase().startsWith(SUMMARY_STAGING_PREFIX)).map((ws) => ws.name);

        // The remembered sheets that still exist: their header rows come back with the first write sync.
        const headers = stored.map((name, i) => {
          const actual = name === null ? undefined : before.find((n) => same(n, name));
          if (actual === undefined) return null;
          const width = plan.sheets[i].signature.length;
          return { name: actual, range: sheetOf(context, actual).getRange(`A1:${letters(Math.max(width, 1) - 1)}1`).load('values') };
        });
        const syncsBefore = batcher.syncs;
        const created: Excel.Worksheet[] = [];
        for (const [i, sheet] of plan.sheets.entries()) {
          await batcher.reserve(opBytes(`${staging}${i}`) * 2);
          const ws = sheetsApi.add(`${staging}${i}`);
          ws.visibility = 'VeryHidden';
          created.push(ws);
          await queueSummarySheet(batcher, ws, sheet, { api19 });
        }
        if (batcher.syncs === syncsBefore) await batcher.flush();

        // Ours: on the list, existing, still headed as the tool wrote it (and each claimed once).
        const claimed = new Set<string>();
        const owned = headers.map((h, i) => {
          if (!h || claimed.has(h.name.toLowerCase()) || !sameSignature(h.range.values[0], plan.sheets[i].signature)) return null;
          claimed.add(h.name.toLowerCase());
          return h.name;
        });
        const { targets, renamed } = chooseTargets(SUMMARY_SHEET_NAMES, before, owned);
        // Remembered before the swap: if the swap fails, the list still covers the old sheets of ours.
        if (targets.some((t, i) => t !== stored[i])) await setSetting(SUMMARY_SETTING, targets);

        // The last sync: charts, then the swap. Nothing before it touched a visible sheet.
        for (const [i, sheet] of plan.sheets.entries()) if (sheet.chart) await queueChart(batcher, created[i], sheet.chart);
        const removed = new Set([...owned.filter((n): n is string => n !== null), ...leftovers].map((n) => n.toLowerCase()));
        const positions = finalPositions(before, owned, removed);
        await batcher.reserve(opBytes(targets) * 4 + 400 * (removed.size + 4 * created.length));
        for (const ws of created) ws.visibility = 'Visible';
        for (const name of before) if (removed.has(name.toLowerCase())) sheetOf(context, name).delete();
        created.forEach((ws, i) => void (ws.name = targets[i]));
        const order = created.map((ws, i) => ({ ws, at: positions[i] })).sort((a, b) => a.at - b.at);
        for (const { ws, at } of order) ws.position = at;
        await batcher.flush();
        return { sheets: targets, renamed };
      });
    } catch (e) {
      await discardStaging(staging);
      throw e;
    } finally {
      snapshot = null;
    }
  }

  /** After a failed summary write: removes its staging sheets (best effort; the next write removes any left). */
  async function discardStaging(prefix: string): Promise<void> {
    try {
      await run(async (context) => {
        const list = context.workbook.worksheets.load('items/name');
        await context.sync();
        const mine = list.items.filter((ws) => ws.name.toLowerCase().startsWith(prefix.toLowerCase()));
        if (!mine.length) return;
        for (const ws of mine) ws.delete();
        await context.sync();
      });
    } catch {
      // Excel is still refusing (a cell being edited…): the sheets are very hidden and go with the next write.
    }
  }

  // --- the rest -------------------------------------------------------------------------------

  async function selectCell(sheet: string, cell: string): Promise<void> {
    const address = cell.slice(cell.lastIndexOf('!') + 1);
    await run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet).load('visibility');
      await context.sync();
      // A sheet the user hid is shown (they asked to go there); the tool's very hidden sheets are not.
      if (ws.visibility === 'VeryHidden') throw adapterError('notFound', lang());
      if (ws.visibility !== 'Visible') ws.visibility = 'Visible';
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  }

  async function createTemplate(reference: Reference, opd?: Opd | null): Promise<void> {
    await run(async (context) => {
      const list = context.workbook.worksheets.load('items/name');
      const tables = context.workbook.tables.load('items/name');
      await context.sync();
      const names = list.items.map((ws) => ws.name);
      if (names.some((n) => same(n, 'Inovasi'))) throw adapterError('templateExists', lang());
      const batcher = new SyncBatcher(context);
      await queueTemplate(context, batcher, {
        reference,
        opd: opd ?? null,
        validation: supports('1.8'),
        sheets: names,
        tables: tables.items.map((t) => t.name),
        tahun: new Date(now()).getFullYear(),
      });
      await batcher.flush();
    });
    snapshot = null;
  }

  async function onRowsChanged(handler: (rows: number[]) => void, sheetName?: string): Promise<() => Promise<void>> {
    const name = sheetName ?? findSheet(snapshot?.grid ?? { sheets: [] }, 'Inovasi')?.name ?? 'Inovasi';
    let pending = new Set<number>();
    let everything = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const fire = () => {
      timer = null;
      const rows = everything ? [] : [...pending].sort((a, b) => a - b);
      pending = new Set();
      everything = false;
      try {
        handler(rows);
      } catch {
        // The pane's handler reports its own errors; an event must not break the next one.
      }
    };
    const onChange = (args: Excel.WorksheetChangedEventArgs) => {
      const statusCol = statusColumns.get(name.toLowerCase());
      const cols = changedColumns(args.address);
      if (statusCol !== undefined && cols && cols.from === statusCol && cols.to === statusCol) return; // our own Status Validasi
      const rows = changedRows(args.address);
      if (rows === null) everything = true;
      else for (const r of rows) pending.add(r);
      if (timer) clearTimeout(timer);
      timer = setTimeout(fire, debounceMs);
    };
    let registration: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null = null;
    await run(async (context) => {
      registration = context.workbook.worksheets.getItem(name).onChanged.add(async (args) => onChange(args));
      await context.sync();
    });
    return async () => {
      if (timer) clearTimeout(timer);
      timer = null;
      const r = registration;
      registration = null;
      const excel = excelHost();
      if (!r || !excel) return;
      try {
        await excel.run(r.context, async (context) => {
          r.remove();
          await context.sync();
        });
      } catch (e) {
        throw toAdapterError(e, lang());
      }
    };
  }

  async function writeStamp(fields: Readonly<Record<string, string | number>>): Promise<void> {
    const rows = Object.entries(fields).map(([k, v]): [string, string | number] => [k, typeof v === 'number' ? v : String(v)]);
    await run(async (context) => {
      const list = context.workbook.worksheets.load('items/name');
      await context.sync();
      const existing = list.items.find((ws) => same(ws.name, SHEET_STEMPEL));
      const ws = existing ?? context.workbook.worksheets.add(SHEET_STEMPEL);
      if (existing) ws.getRange().clear();
      ws.visibility = 'VeryHidden';
      if (rows.length) {
        const range = ws.getRange(`A1:B${rows.length}`);
        range.numberFormat = rows.map(([, v]) => ['@', typeof v === 'number' ? 'General' : '@']);
        range.values = rows;
      }
      await context.sync();
    });
    if (snapshot) {
      const grid = gridOf(SHEET_STEMPEL, rows, 'veryHidden');
      snapshot = {
        ...snapshot,
        grid: { sheets: [...snapshot.grid.sheets.filter((s) => !same(s.name, SHEET_STEMPEL)), grid] },
        sheets: snapshot.sheets.some((s) => same(s.name, SHEET_STEMPEL)) ? snapshot.sheets : [...snapshot.sheets, { name: SHEET_STEMPEL, visibility: 'VeryHidden' }],
      };
    }
  }

  async function appendHistory(events: readonly HistoryEvent[]): Promise<void> {
    if (!events.length) return;
    await run(async (context) => {
      const list = context.workbook.worksheets.load('items/name');
      await context.sync();
      const existing = list.items.find((ws) => same(ws.name, SHEET_RIWAYAT));
      let ws: Excel.Worksheet;
      let next: number; // 1-based row of the first new event
      if (existing) {
        ws = existing;
        const used = ws.getUsedRangeOrNullObject(true).load('rowIndex,rowCount');
        await context.sync();
        next = used.isNullObject ? 1 : used.rowIndex + used.rowCount + 1;
      } else {
        ws = context.workbook.worksheets.add(SHEET_RIWAYAT);
        next = 1;
      }
      const batcher = new SyncBatcher(context);
      await queueHistoryRows(batcher, ws, next, events);
      await batcher.flush();
    });
  }

  /**
   * Queues `events` into Riwayat from row `next` (1-based; 1 writes the header first). Rows go
   * below the last used row only, as text, so times and ids stay as written. Returns the next row.
   */
  async function queueHistoryRows(batcher: SyncBatcher, ws: Excel.Worksheet, next: number, events: readonly HistoryEvent[]): Promise<number> {
    if (!events.length) return next;
    const lastCol = letters(RIWAYAT_COLUMNS.length - 1);
    if (next === 1) {
      await batcher.reserve(opBytes(RIWAYAT_COLUMNS) + 2000);
      const header = ws.getRange(`A1:${lastCol}1`);
      header.values = [[...RIWAYAT_COLUMNS]];
      header.format.font.bold = true;
      ws.freezePanes.freezeRows(1);
      [20, 16, 20, 14, 9, 8, 40, 60].forEach((w, c) => void (ws.getRange(`${letters(c)}:${letters(c)}`).format.columnWidth = w * 5.7));
      next = 2;
    }
    const rows = events.map((e) => [e.waktu, e.peristiwa, e.oleh ?? '', e.id ?? '', e.aturan ?? '', e.sel ?? '', e.alasan ?? '', e.rincian ?? '']);
    const first = next;
    await writeRowBlocks(
      batcher,
      rows,
      (start, block) => {
        const range = ws.getRange(`A${first + start}:${lastCol}${first + start + block.length - 1}`);
        range.numberFormat = block.map((r) => r.map(() => '@'));
        range.values = block;
      },
      { extraPerRow: RIWAYAT_COLUMNS.length * 4, opsPerBlock: 2 },
    );
    return first + rows.length;
  }

  /**
   * Riwayat events written inside `writeFlags`'s batches: the sheet's used range is read with the
   * other reads (when the last read saw the sheet), so appending costs no round trip of its own.
   */
  function historyAppender(context: Excel.RequestContext, batcher: SyncBatcher, snap: Snapshot, history: FlagHistory) {
    const before = history.before ?? [];
    const after = history.after ?? [];
    const wanted = before.length + after.length > 0;
    const known = snap.sheets.find((s) => same(s.name, SHEET_RIWAYAT))?.name;
    let used: Excel.Range | null = null;
    let ws: Excel.Worksheet | null = null;
    let next = 1;
    const state = {
      created: false,
      async queueRead(): Promise<void> {
        if (!wanted || !known) return;
        await batcher.reserve(opBytes(known) + 300);
        used = sheetOf(context, known).getUsedRangeOrNullObject(true).load('rowIndex,rowCount');
      },
      /** After the reads: finds or creates the sheet (one more read only when it appeared since the last read) and queues `before`. */
      async queueBefore(sheetsNow: readonly Excel.Worksheet[]): Promise<void> {
        if (!wanted) return;
        const existing = sheetsNow.find((s) => same(s.name, SHEET_RIWAYAT));
        if (existing) {
          ws = existing;
          if (!used || !known || !same(known, existing.name)) {
            used = existing.getUsedRangeOrNullObject(true).load('rowIndex,rowCount');
            await batcher.flush();
          }
          const range = used as Excel.Range;
          next = range.isNullObject ? 1 : range.rowIndex + range.rowCount + 1;
        } else {
          await batcher.reserve(opBytes(SHEET_RIWAYAT) * 2);
          ws = context.workbook.worksheets.add(SHEET_RIWAYAT);
          state.created = true;
          next = 1;
        }
        next = await queueHistoryRows(batcher, ws, next, before);
      },
      async queueAfter(): Promise<void> {
        if (ws) next = await queueHistoryRows(batcher, ws, next, after);
      },
    };
    return state;
  }

  async function getSetting<T = unknown>(key: string): Promise<T | null> {
    try {
      const v = officeHost()?.context.document.settings.get(key);
      return v === undefined || v === null ? null : (v as T);
    } catch (e) {
      throw toAdapterError(e, lang());
    }
  }

  async function setSetting(key: string, value: unknown): Promise<void> {
    const settings = officeHost()?.context.document.settings;
    if (!settings) throw adapterError('noHost', lang());
    try {
      settings.set(key, value);
    } catch (e) {
      throw toAdapterError(e, lang());
    }
    await new Promise<void>((resolve, reject) =>
      settings.saveAsync((result) => (String(result.status).toLowerCase() === 'succeeded' ? resolve() : reject(adapterError('settings', lang())))),
    );
  }

  return {
    readSubmission,
    readRows,
    writeFlags,
    writeSummary,
    clearFlags,
    selectCell,
    createTemplate,
    onRowsChanged,
    writeStamp,
    appendHistory,
    getSetting,
    setSetting,
    displayLanguage: lang,
    isSupported: supports,
  };
}

export { AdapterError };
