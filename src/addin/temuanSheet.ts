/**
 * The `Temuan` sheet as `writeFlags` writes it: all or nothing. The new sheet is written very
 * hidden under a staging name (`_temuan_…`) — its header, formats, the `Status` drop-down (ExcelApi
 * 1.8) and as many rows as the reads' sync can take, the rest with the other writes — and renamed
 * over the old `Temuan` last, so a failure leaves either the old `Temuan` or the new one, never
 * half of it. Staging sheets a failed run left behind are removed by the next. (The rows
 * themselves are planned in flags.ts.)
 */
import { cssColour } from '../engine/design/palette';
import { SheetGrid } from '../engine/grid';
import { SHEET_TEMUAN } from '../engine/schema';
import { SyncBatcher, letters, opBytes, writeRowBlocks } from './chunks';
import {
  STAGING_PREFIX,
  TEMUAN_COLUMNS,
  TEMUAN_STATUS_COLUMN,
  TEMUAN_TEXT_COLUMNS,
  TEMUAN_WIDTHS,
  TemuanCell,
  gridOf,
} from './flags';
import { GridBuilder, RangeData } from './grid';
import { Session, same } from './session';

/**
 * The new Temuan, written into a very hidden staging sheet that is renamed over the old one at the
 * end. `start` queues the sheet, its formats and as many rows as the current sync can take;
 * `finish` queues the rest (after the reads have come back, packed with the other writes); `swapIn`
 * queues the rename and returns the sheet's grid as written.
 */
export function temuanStager(
  session: Session,
  context: Excel.RequestContext,
  batcher: SyncBatcher,
  rows: TemuanCell[][],
) {
  const name = `${STAGING_PREFIX}${session.now().toString(36)}`;
  const ws = context.workbook.worksheets.add(name);
  const lastCol = letters(TEMUAN_COLUMNS.length - 1);
  let written = 0;
  const write = (offset: number) => (start: number, block: TemuanCell[][]) => {
    const first = offset + start + 1;
    const last = offset + start + block.length;
    // Text columns formatted as text first, so Excel keeps «007» or «2.10» as written.
    for (const c of TEMUAN_TEXT_COLUMNS)
      ws.getRange(`${letters(c)}${first}:${letters(c)}${last}`).numberFormat = block.map(() => ['@']);
    ws.getRange(`A${first}:${lastCol}${last}`).values = block;
  };
  const blockOptions = {
    extraPerRow: TEMUAN_TEXT_COLUMNS.length * 6,
    opsPerBlock: 1 + TEMUAN_TEXT_COLUMNS.length,
  };
  return {
    name,
    async start(): Promise<void> {
      await batcher.reserve(6000);
      ws.visibility = 'VeryHidden';
      const header = ws.getRange(`A1:${lastCol}1`);
      header.format.font.bold = true;
      header.format.fill.color = cssColour('findingsHeader');
      TEMUAN_WIDTHS.forEach(
        (w, c) => void (ws.getRange(`${letters(c)}:${letters(c)}`).format.columnWidth = w * 5.7),
      );
      if (session.supports('1.8')) {
        const col = letters(TEMUAN_STATUS_COLUMN);
        const dv = ws.getRange(`${col}2:${col}${Math.max(rows.length, 2)}`).dataValidation;
        dv.rule = { list: { inCellDropDown: true, source: 'Terbuka,Diterima' } };
        dv.errorAlert = {
          showAlert: true,
          style: 'Stop',
          title: 'Status tidak sah',
          message: 'Pilih Terbuka atau Diterima.',
        };
      }
      written = await writeRowBlocks(batcher, rows, write(0), { ...blockOptions, fitOnly: true });
    },
    async finish(): Promise<void> {
      if (written < rows.length)
        await writeRowBlocks(batcher, rows.slice(written), write(written), blockOptions);
    },
    /** Queues the staging sheet's removal (the write was abandoned before the swap). */
    discard(): void {
      ws.delete();
    },
    /** Queues the staging sheet renamed over the old `Temuan` (at its place), shown, then its header frozen (not kept on a hidden sheet). */
    async swapIn(sheetsNow: readonly Excel.Worksheet[]): Promise<SheetGrid> {
      await batcher.reserve(opBytes(SHEET_TEMUAN) * 4 + 200);
      const old = sheetsNow.find((s) => same(s.name, SHEET_TEMUAN));
      if (old) {
        const position = sheetsNow.indexOf(old);
        old.delete();
        ws.name = SHEET_TEMUAN;
        ws.visibility = 'Visible';
        ws.position = position;
      } else {
        ws.name = SHEET_TEMUAN;
        ws.visibility = 'Visible';
      }
      ws.freezePanes.freezeRows(1);
      return gridOf(SHEET_TEMUAN, rows);
    },
  };
}

/** Queues the deletion of every Temuan staging sheet but `keep` (left by a run that failed). */
export function deleteStaleStaging(sheetsNow: readonly Excel.Worksheet[], keep: string | null): void {
  for (const ws of sheetsNow) {
    if (ws.name.toLowerCase().startsWith(STAGING_PREFIX) && ws.name !== keep) ws.delete();
  }
}

/** Headers of the `Temuan` columns a decision is read from (engine/validate.ts readDecisions). */
const DECISION_HEADERS = ['ID', 'Status', 'Alasan', 'Pemeriksa', 'Tanggal Keputusan'];

/** Where the decision columns were (0-based) in `Temuan` as last read; null without an `ID` and a `Status` header. */
export function decisionColumns(temuan: SheetGrid | undefined): number[] | null {
  const header = (temuan?.rows[0] ?? []).map((h) => (typeof h === 'string' ? h.trim().toLowerCase() : ''));
  const cols = DECISION_HEADERS.map((h) => header.indexOf(h.toLowerCase())).filter((c) => c >= 0);
  return header.includes('id') && header.includes('status') ? cols : null;
}

/**
 * Queues a read of the decisions as `Temuan` holds them now: its decision columns where the last read
 * found them (a small part of the sheet; moved columns read as different, which is safe). Temuan is
 * not watched, so a decision typed since the last read reaches the pane only through this read;
 * `writeFlags` compares it with what it is about to write over.
 */
export function queueTemuanDecisionsRead(
  context: Excel.RequestContext,
  sheet: string,
  columns: readonly number[],
): () => SheetGrid {
  const ws = context.workbook.worksheets.getItem(sheet);
  const ranges = columns.map((c) =>
    ws
      .getRange(`${letters(c)}:${letters(c)}`)
      .getUsedRangeOrNullObject(true)
      .load('address,values,numberFormat,valueTypes'),
  );
  return () => {
    const b = new GridBuilder();
    for (const r of ranges) if (!r.isNullObject) b.add(r as RangeData);
    return b.build(SHEET_TEMUAN);
  };
}
