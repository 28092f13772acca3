/**
 * Reading the workbook into the engine's grid: `readAll` (every sheet's used range and, with
 * ExcelApi 1.18, the texts of its notes, in two syncs: the sheet list, then the ranges), its
 * fallback `readInBlocks` when Excel refuses so large a response (Excel on the web: 5 MB), and the
 * port's `readSubmission` and `readRows` (live validation), which keep the session's snapshot.
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
  return n === SHEET_DAFTAR || n === SHEET_RIWAYAT.toLowerCase() || n.startsWith(STAGING_PREFIX) || n.startsWith(SUMMARY_STAGING_PREFIX);
}

/** Sheets left out of the grid handed to the engine. */
function internal(name: string): boolean {
  return skipOnRead(name) || name.trim().toLowerCase() === SHEET_TANDA;
}

const USED_PROPS = 'address,values,numberFormat,valueTypes';
/** Response size aimed at per sync when a workbook has to be read in blocks (Excel on the web: 5 MB at most). */
const RESPONSE_BUDGET_BYTES = 3.5 * 1024 * 1024;

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

export async function readAll(session: Session): Promise<Snapshot> {
  return session.run(async (context) => {
    const list = context.workbook.worksheets.load('items/name,items/visibility');
    await context.sync();
    const sheets = list.items.map((ws) => ({ ws, info: { name: ws.name, visibility: ws.visibility as string } }));
    const outputs = summaryOutputs(session);
    const wanted = sheets.filter((s) => !skipOnRead(s.info.name) && !outputs.has(s.info.name.trim().toLowerCase()));
    const used = wanted.map((s) => s.ws.getUsedRangeOrNullObject(true).load(USED_PROPS));
    const notes = session.supports('1.18') ? wanted.map((s) => s.ws.notes.load('items/content')) : null;
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

export async function readSubmission(session: Session): Promise<{ grid: WorkbookGrid }> {
  const snapshot = (session.snapshot = await readAll(session));
  return { grid: { sheets: snapshot.grid.sheets.filter((s) => !internal(s.name)) } };
}

/**
 * Some rows of one sheet (1-based), in one sync: each run of consecutive rows as the part of the
 * sheet's used range it covers, converted as `readSubmission` converts. The adapter's last read
 * is patched with them, so `writeFlags` works from the workbook as it is now.
 */
export async function readRows(session: Session, sheetName: string, rows: readonly number[]): Promise<CellValue[][]> {
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
    const used = runs.map((x) => ws.getRange(`${x.from}:${x.to}`).getUsedRangeOrNullObject(true).load(USED_PROPS));
    await context.sync();
    const b = new GridBuilder();
    for (const u of used) if (!u.isNullObject) b.add(u as RangeData);
    return b.build(sheetName).rows;
  });
  const byRow = new Map<number, CellValue[]>(wanted.map((r) => [r - 1, [...(read[r - 1] ?? [])]]));
  if (session.snapshot) {
    const snap = session.snapshot;
    session.snapshot = { ...snap, grid: { sheets: snap.grid.sheets.map((s) => (same(s.name, sheetName) ? patchSheetRows(s, byRow) : s)) } };
  }
  return rows.map((r) => [...(byRow.get(r - 1) ?? [])]);
}
