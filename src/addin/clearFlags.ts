/**
 * `clearFlags` (*Hapus Tanda*): every flag the tool wrote undone in one sync after the read —
 * each flagged cell's own fill restored from `_tanda`, but only where the tool's colour is still
 * there; the tool's notes deleted (recognised by their text); `Status Validasi` cells emptied while
 * they hold a status text; `_tanda` deleted. The `Temuan` sheet and `Riwayat` stay.
 */
import { parseA1 } from '../engine/grid';
import { SyncBatcher, cellOpBytes, opBytes } from './chunks';
import { fillKey, queueFillReads, queueFills } from './fills';
import { CellMark, FillState, NO_MARKS, SHEET_TANDA, cellKey, noteHash, statusClearing } from './flags';
import { readAll } from './read';
import { Session, same, sheetOf } from './session';

export async function clearFlags(session: Session): Promise<void> {
  const snap = session.snapshot ?? (session.snapshot = await readAll(session));
  const exists = (name: string) => snap.sheets.some((s) => same(s.name, name));
  const previous = new Map<string, CellMark>(
    snap.marks.cells.filter((m) => exists(m.sheet)).map((m) => [cellKey(m.sheet, m.cell), m]),
  );
  const withNotes = session.supports('1.18');
  await session.run(async (context) => {
    const batcher = new SyncBatcher(context);
    const sheetsApi = context.workbook.worksheets;
    const freshList = sheetsApi.load('items/name');
    const fills = await queueFillReads(session, context, batcher, previous);
    const hashes = new Set([...previous.values()].map((m) => m.note).filter(Boolean));
    const statusNow = snap.marks.status
      .filter((st) => exists(st.sheet))
      .map((st) => ({ mark: st, range: sheetOf(context, st.sheet).getRange(st.range).load('values') }));
    const noteSheets = withNotes
      ? [...new Set([...previous.values()].filter((m) => m.note).map((m) => m.sheet))]
      : [];
    const loaded = noteSheets.map((s) => sheetOf(context, s).notes.load('items/content'));
    await batcher.flush();

    const current = fills();
    const restore = new Map<
      string,
      { fill: FillState; cells: { sheet: string; row: number; col: number }[] }
    >();
    for (const [k, m] of previous) {
      const now = current.get(k);
      // Only where the tool's colour is still there: a fill the user set since is left alone.
      if (!now || now.pattern === 'None' || now.color.toUpperCase() !== m.flag.toUpperCase()) continue;
      const g = restore.get(fillKey(m.original)) ?? { fill: m.original, cells: [] };
      g.cells.push({ sheet: m.sheet, ...parseA1(m.cell)! });
      restore.set(fillKey(m.original), g);
    }
    await queueFills(session, context, batcher, restore);
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
  session.snapshot = {
    grid: { sheets: snap.grid.sheets.filter((s) => !same(s.name, SHEET_TANDA)) },
    sheets: snap.sheets.filter((s) => !same(s.name, SHEET_TANDA)),
    marks: NO_MARKS,
    notes: new Map(),
  };
}
