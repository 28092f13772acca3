/**
 * Reading the workbook into the engine's grid: `readAll` (every sheet's used range and, with
 * ExcelApi 1.18, the texts of its notes, in two syncs: the sheet list, then the ranges; on Excel
 * on the web, where a response may not exceed 5 MB, a large sheet's remaining rows in blocks sized
 * from the first read), its fallback `readInBlocks` when Excel refuses a response all the same, and
 * the port's `readSubmission` and `readRows` (live validation), which keep the session's snapshot.
 *
 * No read asks for more than a million cells (CELL_BUDGET): past five million Excel returns no
 * values on any platform, so a sheet with a larger used range is read in row blocks everywhere.
 *
 * Never read: the tool's bookkeeping (`_daftar`, staging sheets, `Riwayat`) and the city summary's
 * sheets the tool wrote; `_tanda` is read (it remembers the flags) but not handed to the engine.
 */
import { CellValue, SheetGrid, WorkbookGrid } from '../engine/grid';
import { findSheet } from '../engine/parse';
import { SHEET_RIWAYAT, SHEET_TEMUAN } from '../engine/schema';
import { jsonBytes } from './chunks';
import { SHEET_DAFTAR, SHEET_TANDA, STAGING_PREFIX, decodeMarks } from './flags';
import { GridBuilder, RangeData, patchSheetRows } from './grid';
import { Session, SheetInfo, Snapshot, same } from './session';
import { SUMMARY_SETTING, SUMMARY_STAGING_PREFIX, storedSheets } from './summary';

/** Sheets never read into the grid: the tool's own bookkeeping, lists and history. */
function skipOnRead(name: string): boolean {
  const n = name.trim().toLowerCase();
  return (
    n === SHEET_DAFTAR ||
    n === SHEET_RIWAYAT.toLowerCase() ||
    n.startsWith(STAGING_PREFIX) ||
    n.startsWith(SUMMARY_STAGING_PREFIX)
  );
}

/** Sheets left out of the grid handed to the engine. */
function internal(name: string): boolean {
  return skipOnRead(name) || name.trim().toLowerCase() === SHEET_TANDA;
}

const USED_PROPS = 'address,values,numberFormat,valueTypes';
/** Excel on the web refuses a response over 5 MB; a block read aims at this much (a margin for the estimate). */
const RESPONSE_BUDGET_BYTES = 3.5 * 1024 * 1024;
/**
 * Excel on the web: the rows of each sheet read in the first sync with the sizes of the used
 * ranges. Most submissions end well within them (two syncs in all, as on desktop); a larger
 * sheet's remaining rows are read in blocks sized from the bytes per row these rows measured.
 */
const FIRST_ROWS = 1200;
/** A guess of a row's response bytes per cell when none of the sheet was measured (values, formats and types of short texts). */
const GUESS_BYTES_PER_CELL = 64;
/**
 * Cells asked for in one sync at most. "On all platforms, a range is limited to five million cells
 * for get operations", and past it Excel may answer `values: null` rather than an error (office-js
 * #4783, #6781): a sheet whose used range is larger (a stray value far to the right or below) is
 * read in row blocks well under it, on desktop as on the web.
 */
const CELL_BUDGET = 1_000_000;

/**
 * The city summary's sheets the tool wrote (document setting): not part of a submission (`Daftar
 * Inovasi` even carries the submission's headers) and possibly large, so never read. `Temuan` is
 * read all the same: a validation of this workbook may own a sheet of that name.
 */
function summaryOutputs(session: Session): Set<string> {
  let value: unknown = null;
  try {
    value = session.officeHost()?.context.document.settings.get(SUMMARY_SETTING) ?? null;
  } catch {
    value = null;
  }
  return new Set(
    storedSheets(value)
      .filter((n): n is string => n !== null && !same(n, SHEET_TEMUAN))
      .map((n) => n.trim().toLowerCase()),
  );
}

const refused = (e: unknown) => (e as { code?: string }).code === 'ResponsePayloadSizeLimitExceeded';

/** Response bytes of a block as read (what Excel's response carries of it). */
const blockBytes = (r: Excel.Range) =>
  jsonBytes(r.values) + jsonBytes(r.numberFormat) + jsonBytes(r.valueTypes);

type Wanted = { ws: Excel.Worksheet; info: SheetInfo }[];

/**
 * Every wanted sheet's used range and (ExcelApi 1.18) note texts. Desktop: all in one sync after
 * the sheet list. Excel on the web (5 MB per response): the sizes of the used ranges and the first
 * `FIRST_ROWS` rows of each sheet in that sync, then the remaining rows in blocks that keep each
 * response under about 3.5 MB, so no response is refused (a refused one costs a round trip and the
 * work behind it). A response refused all the same (unusually large cells) falls back to blocks
 * sized from the used ranges.
 */
export async function readAll(session: Session): Promise<Snapshot> {
  return session.run(async (context) => {
    const list = context.workbook.worksheets.load('items/name,items/visibility');
    await context.sync();
    const sheets = list.items.map((ws) => ({
      ws,
      info: { name: ws.name, visibility: ws.visibility as string },
    }));
    const outputs = summaryOutputs(session);
    const wanted = sheets.filter(
      (s) => !skipOnRead(s.info.name) && !outputs.has(s.info.name.trim().toLowerCase()),
    );
    const web = session.onWeb();
    const dims = wanted.map((s) => s.ws.getUsedRangeOrNullObject(true).load('rowIndex,rowCount,columnCount'));
    const first = wanted.map((s) =>
      (web ? s.ws.getRange(`1:${FIRST_ROWS}`) : s.ws).getUsedRangeOrNullObject(true).load(USED_PROPS),
    );
    const notes = session.supports('1.18') ? wanted.map((s) => s.ws.notes.load('items/content')) : null;
    try {
      await context.sync();
    } catch (e) {
      if (!refused(e)) throw e;
      return snapshotOf(
        sheets.map((s) => s.info),
        await readInBlocks(context, wanted, web),
      );
    }
    const builders = wanted.map(() => new GridBuilder());
    const rest: Block[] = [];
    wanted.forEach((_, i) => {
      const used = dims[i];
      if (first[i].isNullObject || used.isNullObject) return;
      const end = used.rowIndex + used.rowCount;
      const maxRows = Math.max(1, Math.floor(CELL_BUDGET / used.columnCount));
      if (!hasCells(first[i])) {
        // Over Excel's cell limit: the whole sheet in blocks.
        rest.push({
          i,
          next: used.rowIndex,
          end,
          maxRows,
          bytesPerRow: used.columnCount * GUESS_BYTES_PER_CELL,
        });
        return;
      }
      builders[i].add(first[i] as RangeData);
      // Excel on the web: the rows after the first FIRST_ROWS, at the bytes per row the first ones measured.
      if (!web || end <= FIRST_ROWS) return;
      const measured = blockBytes(first[i]) / Math.max(first[i].values.length, 1);
      rest.push({
        i,
        next: FIRST_ROWS,
        end,
        maxRows,
        bytesPerRow: Math.max(measured * 1.1, 8, measured ? 0 : used.columnCount * GUESS_BYTES_PER_CELL),
      });
    });
    await readRest(context, wanted, rest, builders, web);
    const texts = new Map<string, string[]>();
    notes?.forEach((n, i) =>
      texts.set(
        wanted[i].info.name.toLowerCase(),
        n.items.map((x) => x.content),
      ),
    );
    const grids = new Map<string, SheetGrid>(
      wanted.map((s, i) => [s.info.name, builders[i].build(s.info.name, s.info.visibility)]),
    );
    return snapshotOf(
      sheets.map((s) => s.info),
      grids,
      texts,
    );
  });
}

/** Rows still to read of wanted sheet `i`: 0-based worksheet rows `next` up to (not including) `end`. */
interface Block {
  readonly i: number;
  next: number;
  readonly end: number;
  bytesPerRow: number;
  /** Rows per read that keep it within CELL_BUDGET (halved if Excel still answers null). */
  maxRows: number;
}

/** Did Excel return the cells (null `values`: a range over its cell limit)? */
const hasCells = (r: Excel.Range) => Array.isArray(r.values);

/**
 * Fallback when Excel refused the first read (a response over 5 MB where the platform was not
 * known, or cells far larger than usual): the sizes of the used ranges, then row blocks of every
 * sheet at a guessed size per cell, measured as they come in.
 */
async function readInBlocks(
  context: Excel.RequestContext,
  wanted: Wanted,
  web: boolean,
): Promise<Map<string, SheetGrid>> {
  const dims = wanted.map((s) => s.ws.getUsedRangeOrNullObject(true).load('rowIndex,rowCount,columnCount'));
  await context.sync();
  const builders = wanted.map(() => new GridBuilder());
  const todo: Block[] = [];
  wanted.forEach((_, i) => {
    const used = dims[i];
    if (used.isNullObject) return;
    const maxRows = Math.max(1, Math.floor(CELL_BUDGET / used.columnCount));
    todo.push({
      i,
      next: used.rowIndex,
      end: used.rowIndex + used.rowCount,
      maxRows,
      bytesPerRow: used.columnCount * GUESS_BYTES_PER_CELL,
    });
  });
  await readRest(context, wanted, todo, builders, web);
  return new Map(wanted.map((s, i) => [s.info.name, builders[i].build(s.info.name, s.info.visibility)]));
}

/**
 * Reads row blocks of the sheets in `todo` into their builders, as many per sync as fit in
 * CELL_BUDGET cells and, on the web, about 3.5 MB of response at each sheet's bytes per row
 * (measured again from every block read); a refused sync, or a block Excel answered without its
 * cells, is read again in blocks half as large.
 */
async function readRest(
  context: Excel.RequestContext,
  wanted: Wanted,
  todo: Block[],
  builders: GridBuilder[],
  web: boolean,
): Promise<void> {
  while (todo.length) {
    let room = web ? RESPONSE_BUDGET_BYTES : Infinity;
    let cells = CELL_BUDGET;
    const blocks: { t: Block; n: number; range: Excel.Range }[] = [];
    for (const t of todo) {
      const perRow = Math.max(1, Math.floor(CELL_BUDGET / t.maxRows));
      if ((room < t.bytesPerRow || cells < perRow) && blocks.length) break;
      const n = Math.max(
        1,
        Math.min(t.end - t.next, t.maxRows, Math.floor(room / t.bytesPerRow), Math.floor(cells / perRow)),
      );
      const range = wanted[t.i].ws
        .getRange(`${t.next + 1}:${t.next + n}`)
        .getUsedRangeOrNullObject(true)
        .load(USED_PROPS);
      blocks.push({ t, n, range });
      room -= n * t.bytesPerRow;
      cells -= n * perRow;
    }
    try {
      // How many syncs depends on the sizes measured in the previous one: the loop is the point.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      if (!refused(e) || blocks.every((b) => b.n === 1)) throw e;
      for (const b of blocks) b.t.bytesPerRow *= 2;
      continue;
    }
    for (const { t, n, range } of blocks) {
      if (!range.isNullObject && !hasCells(range)) {
        if (n === 1)
          throw Object.assign(new Error('Excel returned no cells for a one-row block'), {
            code: 'PayloadTooLarge',
          });
        t.maxRows = Math.max(1, Math.floor(n / 2));
        continue;
      }
      if (!range.isNullObject) {
        builders[t.i].add(range as RangeData);
        t.bytesPerRow = Math.max(8, (blockBytes(range) / n) * 1.1);
      }
      t.next += n;
    }
    for (let k = todo.length - 1; k >= 0; k--) if (todo[k].next >= todo[k].end) todo.splice(k, 1);
  }
}

function snapshotOf(
  sheets: SheetInfo[],
  grids: Map<string, SheetGrid>,
  notes: ReadonlyMap<string, readonly string[]> = new Map(),
): Snapshot {
  const grid: WorkbookGrid = {
    sheets: sheets.filter((s) => grids.has(s.name)).map((s) => grids.get(s.name)!),
  };
  return { grid, sheets, marks: decodeMarks(findSheet(grid, SHEET_TANDA)), notes };
}

export async function readSubmission(session: Session): Promise<{ grid: WorkbookGrid }> {
  const snapshot = (session.snapshot = await readAll(session));
  return { grid: { sheets: snapshot.grid.sheets.filter((s) => !internal(s.name)) } };
}

/**
 * Some rows of one sheet (1-based), in one sync: each run of consecutive rows as the part of the
 * sheet's used range it covers, converted as `readSubmission` converts. The adapter's last read
 * is patched with them, so `writeFlags` works from the workbook as it is now.
 */
export async function readRows(
  session: Session,
  sheetName: string,
  rows: readonly number[],
): Promise<CellValue[][]> {
  const wanted = [...new Set(rows)].filter((r) => Number.isInteger(r) && r >= 1).sort((a, b) => a - b);
  if (!wanted.length) return rows.map(() => []);
  const read = await session.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheetName);
    const runs: { from: number; to: number }[] = [];
    for (const r of wanted) {
      const last = runs[runs.length - 1];
      if (last && last.to === r - 1) last.to = r;
      else runs.push({ from: r, to: r });
    }
    const used = runs.map((x) =>
      ws.getRange(`${x.from}:${x.to}`).getUsedRangeOrNullObject(true).load(USED_PROPS),
    );
    await context.sync();
    const b = new GridBuilder();
    for (const u of used) if (!u.isNullObject) b.add(u as RangeData);
    return b.build(sheetName).rows;
  });
  const byRow = new Map<number, CellValue[]>(wanted.map((r) => [r - 1, [...(read[r - 1] ?? [])]]));
  if (session.snapshot) {
    const snap = session.snapshot;
    session.snapshot = {
      ...snap,
      grid: { sheets: snap.grid.sheets.map((s) => (same(s.name, sheetName) ? patchSheetRows(s, byRow) : s)) },
    };
  }
  return rows.map((r) => [...(byRow.get(r - 1) ?? [])]);
}
