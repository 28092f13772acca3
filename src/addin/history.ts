/**
 * The `Riwayat` sheet, the workbook's own history (docs/spec/audit.md): `appendHistory` (the port's, in
 * syncs of its own), `queueHistoryRows` (the rows, as text, below the last used row; the header
 * first on a new sheet) and `historyAppender`, which lets `writeFlags` carry the validation's
 * events in its own syncs. Existing rows are never changed.
 */
import { SHEET_RIWAYAT } from '../engine/schema';
import { SyncBatcher, letters, opBytes, writeRowBlocks } from './chunks';
import { RIWAYAT_COLUMNS } from './flags';
import { FlagHistory, HistoryEvent } from './port';
import { Session, Snapshot, same, sheetOf } from './session';

/** The port's `appendHistory`: the sheet list, the used range of an existing `Riwayat`, then the rows. */
export async function appendHistory(session: Session, events: readonly HistoryEvent[]): Promise<void> {
  if (!events.length) return;
  await session.run(async (context) => {
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
export async function queueHistoryRows(
  batcher: SyncBatcher,
  ws: Excel.Worksheet,
  next: number,
  events: readonly HistoryEvent[],
): Promise<number> {
  if (!events.length) return next;
  const lastCol = letters(RIWAYAT_COLUMNS.length - 1);
  if (next === 1) {
    await batcher.reserve(opBytes(RIWAYAT_COLUMNS) + 2000);
    const header = ws.getRange(`A1:${lastCol}1`);
    header.values = [[...RIWAYAT_COLUMNS]];
    header.format.font.bold = true;
    ws.freezePanes.freezeRows(1);
    [20, 16, 20, 14, 9, 8, 40, 60].forEach(
      (w, c) => void (ws.getRange(`${letters(c)}:${letters(c)}`).format.columnWidth = w * 5.7),
    );
    next = 2;
  }
  const rows = events.map((e) => [
    e.waktu,
    e.peristiwa,
    e.oleh ?? '',
    e.id ?? '',
    e.aturan ?? '',
    e.sel ?? '',
    e.alasan ?? '',
    e.rincian ?? '',
  ]);
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
export function historyAppender(
  context: Excel.RequestContext,
  batcher: SyncBatcher,
  snap: Snapshot,
  history: FlagHistory,
) {
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
