/**
 * `writeStempel`: one stamp (or return for revision) of the sign-off chain (docs/spec/signoff.md) written
 * into the very hidden `_stempel` sheet, version 2, with its `Riwayat` event, in two syncs:
 *   1. read  — the sheet list, and the used ranges of `_stempel` (when appending) and `Riwayat`
 *              where the last read saw them;
 *   2. write — the row appended below `_stempel`'s last used row, or the whole sheet rewritten
 *              when converting (no sheet, or version 1: its stamp kept as the first row), and the
 *              event below `Riwayat`'s last used row.
 * One more read only when a sheet appeared or vanished since the last read. The session's
 * snapshot is updated to match, so the next validation sees the stamp without a read.
 */
import type { CellValue } from '../engine/grid';
import { SHEET_RIWAYAT, SHEET_STEMPEL } from '../engine/schema';
import { STEMPEL_HEADER, type StempelCell, type StempelWrite } from '../engine/signoff';
import { SyncBatcher, letters, opBytes, writeRowBlocks } from './chunks';
import { gridOf } from './flags';
import { queueHistoryRows } from './history';
import { isAdapterError } from './errors';
import type { HistoryEvent } from './port';
import { Session, same, sheetOf } from './session';

const LAST_COL = letters(STEMPEL_HEADER.length - 1);
const formats = (rows: readonly (readonly StempelCell[])[]) =>
  rows.map((r) => r.map((v) => (typeof v === 'number' ? 'General' : '@')));

interface Used {
  readonly isNullObject: boolean;
  readonly rowIndex: number;
  readonly rowCount: number;
}
const nextRow = (used: Used | null) => (!used || used.isNullObject ? 1 : used.rowIndex + used.rowCount + 1);

export async function writeStempel(
  session: Session,
  write: StempelWrite,
  events: readonly HistoryEvent[],
): Promise<void> {
  const known = session.snapshot?.sheets ?? [];
  const knows = (name: string) => known.some((s) => same(s.name, name));
  let appendedAt = 0;
  const attempt = (guess: { stempel: boolean; riwayat: boolean }) =>
    session.run(async (context) => {
      const list = context.workbook.worksheets.load('items/name');
      // The used ranges of the sheets we expect, read with the list (a vanished sheet fails this sync: retried without).
      let stempelUsed: Excel.Range | null =
        guess.stempel && !write.convert
          ? sheetOf(context, SHEET_STEMPEL).getUsedRangeOrNullObject(true).load('rowIndex,rowCount')
          : null;
      let riwayatUsed: Excel.Range | null =
        guess.riwayat && events.length
          ? sheetOf(context, SHEET_RIWAYAT).getUsedRangeOrNullObject(true).load('rowIndex,rowCount')
          : null;
      await context.sync();
      const stempelWs = list.items.find((ws) => same(ws.name, SHEET_STEMPEL)) ?? null;
      const riwayatWs = list.items.find((ws) => same(ws.name, SHEET_RIWAYAT)) ?? null;
      const append = !write.convert && stempelWs !== null;
      // A sheet that appeared since the last read: one more read for its used range.
      let again = false;
      if (append && !stempelUsed) {
        stempelUsed = stempelWs.getUsedRangeOrNullObject(true).load('rowIndex,rowCount');
        again = true;
      }
      if (events.length && riwayatWs && !riwayatUsed) {
        riwayatUsed = riwayatWs.getUsedRangeOrNullObject(true).load('rowIndex,rowCount');
        again = true;
      }
      if (again) await context.sync();

      const batcher = new SyncBatcher(context);
      await batcher.reserve(opBytes(SHEET_STEMPEL) * 3);
      let ws: Excel.Worksheet;
      if (stempelWs) ws = stempelWs;
      else ws = context.workbook.worksheets.add(SHEET_STEMPEL);
      ws.visibility = 'VeryHidden';
      // The whole sheet (converting, or the sheet is gone since it was read), or the new rows below the last used row.
      const rows = append ? write.append : write.sheet;
      if (!append && stempelWs) ws.getRange().clear();
      const first = append ? nextRow(stempelUsed as Used | null) : 1;
      appendedAt = append ? first : 0;
      await writeRowBlocks(
        batcher,
        rows,
        (start, block) => {
          const range = ws.getRange(`A${first + start}:${LAST_COL}${first + start + block.length - 1}`);
          range.numberFormat = formats(block);
          range.values = block;
        },
        { extraPerRow: STEMPEL_HEADER.length * 8, opsPerBlock: 2 },
      );
      if (!append) {
        await batcher.reserve(opBytes('A1') + 200);
        ws.getRange(`A1:${LAST_COL}1`).format.font.bold = true;
      }
      if (events.length) {
        let riwayat: Excel.Worksheet;
        if (riwayatWs) riwayat = riwayatWs;
        else {
          await batcher.reserve(opBytes(SHEET_RIWAYAT) * 2);
          riwayat = context.workbook.worksheets.add(SHEET_RIWAYAT);
        }
        await queueHistoryRows(batcher, riwayat, riwayatWs ? nextRow(riwayatUsed as Used | null) : 1, events);
      }
      await batcher.flush();
      return append;
    });

  let appended: boolean;
  try {
    appended = await attempt({ stempel: knows(SHEET_STEMPEL), riwayat: knows(SHEET_RIWAYAT) });
  } catch (e) {
    // A sheet the last read saw is gone (its used range could not be read): again, from the list alone.
    if (isAdapterError(e) && e.officeCode === 'ItemNotFound') {
      appended = await attempt({ stempel: false, riwayat: false });
    } else throw e;
  }

  const snapshot = session.snapshot;
  if (snapshot) {
    const old = snapshot.grid.sheets.find((s) => same(s.name, SHEET_STEMPEL));
    let sheetGrid = gridOf(SHEET_STEMPEL, write.sheet, 'veryHidden');
    if (appended && old) {
      const rows: (readonly CellValue[] | undefined)[] = [...old.rows];
      write.append.forEach((r, i) => (rows[appendedAt - 1 + i] = gridOf(SHEET_STEMPEL, [r]).rows[0]));
      sheetGrid = { ...old, rows };
    }
    session.snapshot = {
      ...snapshot,
      grid: { sheets: [...snapshot.grid.sheets.filter((s) => !same(s.name, SHEET_STEMPEL)), sheetGrid] },
      sheets: snapshot.sheets.some((s) => same(s.name, SHEET_STEMPEL))
        ? snapshot.sheets
        : [...snapshot.sheets, { name: SHEET_STEMPEL, visibility: 'VeryHidden' }],
    };
  }
}
