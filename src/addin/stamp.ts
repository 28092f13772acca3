/**
 * `writeStamp`: the very hidden `_stempel` sheet (label in A, value in B, as text unless a number),
 * replaced whole in one sync after the sheet list; the session's snapshot is updated to match, so
 * the next validation sees the stamp without a read.
 */
import { SHEET_STEMPEL } from '../engine/schema';
import { gridOf } from './flags';
import { Session, same } from './session';

export async function writeStamp(session: Session, fields: Readonly<Record<string, string | number>>): Promise<void> {
  const rows = Object.entries(fields).map(([k, v]): [string, string | number] => [k, typeof v === 'number' ? v : String(v)]);
  await session.run(async (context) => {
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
  const snapshot = session.snapshot;
  if (snapshot) {
    const grid = gridOf(SHEET_STEMPEL, rows, 'veryHidden');
    session.snapshot = {
      ...snapshot,
      grid: { sheets: [...snapshot.grid.sheets.filter((s) => !same(s.name, SHEET_STEMPEL)), grid] },
      sheets: snapshot.sheets.some((s) => same(s.name, SHEET_STEMPEL)) ? snapshot.sheets : [...snapshot.sheets, { name: SHEET_STEMPEL, visibility: 'VeryHidden' }],
    };
  }
}
