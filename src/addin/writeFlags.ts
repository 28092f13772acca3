/**
 * `writeFlags`: the flags of a validation (planned in flags.ts) written into the workbook last
 * read — each flagged cell's fill (its own fill remembered in `_tanda` first), a note per cell
 * (ExcelApi 1.18), `Status Validasi` per data row, the `Temuan` sheet (temuanSheet.ts) and the
 * Riwayat events passed along (history.ts). In two syncs after the read:
 *   3. the reads the writes depend on (each cell-to-flag's own fill, the notes there now, the user's
 *      notes located by their place in the collection as read, a fresh sheet list), together with
 *      the new `Temuan` staged, which depends on nothing;
 *   4. the rest of the staged `Temuan`, `_tanda`, restored and new fills, notes, `Status Validasi`,
 *      and the staging sheet renamed over the old `Temuan` last. Riwayat: a trace before every
 *      other write, the run's own event after the last.
 * One more read happens only when the user's notes changed since the read, or when Excel returns a
 * fill for merged areas instead of single cells. Notes are one call per cell, values one per block.
 *
 * Safety. Only what the tool wrote is undone: a fill is restored only where the tool's colour is
 * still there, a note deleted only when its text is the tool's, a `Status Validasi` cell cleared
 * only while it holds a status text.
 */
import { SheetGrid, WorkbookGrid, parseA1 } from '../engine/grid';
import { Lang } from '../engine/messages';
import { findSheet } from '../engine/parse';
import { SHEET_RIWAYAT, SHEET_TEMUAN } from '../engine/schema';
import { FileValidation } from '../engine/validate';
import { SyncBatcher, cellOpBytes, letters, opBytes, writeRowBlocks } from './chunks';
import { adapterError, isAdapterError } from './errors';
import { fillKey, queueFillReads, queueFills } from './fills';
import {
  CellFlag,
  CellMark,
  FillState,
  Marks,
  NO_FILL,
  SHEET_TANDA,
  STAGING_PREFIX,
  StatusMark,
  cellKey,
  encodeMarks,
  gridOf,
  noteHash,
  planCellFlags,
  planStatus,
  sameTemuan,
  statusClearing,
  statusRange,
  temuanRows,
  typedDecisions,
} from './flags';
import { historyAppender } from './history';
import { FlagHistory, FlagSummary } from './port';
import { readAll } from './read';
import { Session, same, sheetOf } from './session';
import { decisionColumns, deleteStaleStaging, queueTemuanDecisionsRead, temuanStager } from './temuanSheet';

/** Decisions compared as content (their row in Temuan left out). */
function decisionsKey(
  decisions: ReadonlyMap<string, { status: string; reason: string; reviewer: string; date: string | null }>,
): string {
  return JSON.stringify(
    [...decisions].map(([id, d]) => [id, d.status, d.reason, d.reviewer, d.date ?? '']).sort(),
  );
}

/** Values of a range (`AF2:AF9`) of a sheet of the grid, as read; null for empty cells. */
function gridValues(grid: WorkbookGrid, sheet: string, range: string): unknown[][] {
  const g = findSheet(grid, sheet);
  const [a, b = a] = range.split(':');
  const p = parseA1(a);
  const q = parseA1(b);
  if (!g || !p || !q) return [];
  const out: unknown[][] = [];
  for (let r = p.row; r <= q.row; r++) {
    const row: unknown[] = [];
    for (let c = p.col; c <= q.col; c++) row.push(g.rows[r]?.[c] ?? null);
    out.push(row);
  }
  return out;
}

interface LoadedNotes {
  readonly sheet: string;
  readonly items: () => Excel.Note[];
}

export async function writeFlags(
  session: Session,
  validation: FileValidation,
  language: Lang,
  history: FlagHistory = {},
): Promise<FlagSummary> {
  try {
    return await writeFlagsOnce(session, validation, language, history);
  } catch (e) {
    // A sheet renamed or deleted since the last read: read again and retry once.
    if (isAdapterError(e) && e.code === 'notFound' && session.snapshot) {
      session.snapshot = null;
      return writeFlagsOnce(session, validation, language, history);
    }
    throw e;
  }
}

async function writeFlagsOnce(
  session: Session,
  v: FileValidation,
  language: Lang,
  history: FlagHistory,
): Promise<FlagSummary> {
  const snap = session.snapshot ?? (session.snapshot = await readAll(session));
  const exists = (name: string) => snap.sheets.some((s) => same(s.name, name));
  const withNotes = session.supports('1.18');

  const flags = planCellFlags(v, language).filter((f) => exists(f.sheet));
  const wanted = new Map<string, CellFlag>(flags.map((f) => [cellKey(f.sheet, f.cell), f]));
  const previous = new Map<string, CellMark>(
    snap.marks.cells.filter((m) => exists(m.sheet)).map((m) => [cellKey(m.sheet, m.cell), m]),
  );
  const status = planStatus(v, language, snap.grid);
  const temuan = temuanRows(v, language, typedDecisions(snap.grid));
  const rewriteTemuan = !sameTemuan(snap.grid, temuan);

  return session.run(async (context) => {
    const batcher = new SyncBatcher(context);
    const sheetsApi = context.workbook.worksheets;

    // Sync 3: what the writes depend on, plus the new Temuan staged (it depends on nothing).
    const freshList = sheetsApi.load('items/name,items/visibility');
    const riwayat = historyAppender(context, batcher, snap, history);
    await riwayat.queueRead();
    const probe = new Map<string, { sheet: string; cell: string }>();
    for (const [k, f] of wanted) probe.set(k, f);
    for (const [k, m] of previous) probe.set(k, m);
    const fills = await queueFillReads(session, context, batcher, probe);
    const noteSheets = withNotes
      ? [
          ...new Set([
            ...flags.map((f) => f.sheet),
            ...[...previous.values()].filter((m) => m.note).map((m) => m.sheet),
          ]),
        ]
      : [];
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
    const temuanName = snap.sheets.find((s) => same(s.name, SHEET_TEMUAN))?.name;
    const decisionCols = decisionColumns(findSheet(snap.grid, SHEET_TEMUAN));
    const temuanNow =
      rewriteTemuan && temuanName && decisionCols
        ? queueTemuanDecisionsRead(context, temuanName, decisionCols)
        : null;
    const stager = rewriteTemuan ? temuanStager(session, context, batcher, temuan) : null;
    await stager?.start();
    await batcher.flush();

    // A decision typed into Temuan since the read would be written over: stop before anything shows.
    if (
      temuanNow &&
      decisionsKey(typedDecisions({ sheets: [temuanNow()] })) !== decisionsKey(typedDecisions(snap.grid))
    ) {
      stager?.discard();
      await batcher.flush();
      session.snapshot = null;
      throw adapterError('temuanChanged', session.lang());
    }

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
    const addressKey = (sheet: string, address: string) =>
      cellKey(sheet, address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, ''));
    // The located notes are right when the user's notes are exactly those read before.
    const userTexts = (list: readonly string[]) => list.filter((c) => !recordedHashes.has(noteHash(c)));
    const locatedRight =
      located.every((l) => l.note.content === l.content) &&
      loadedNotes.every(
        (n) =>
          JSON.stringify(userTexts(n.items().map((x) => x.content))) ===
          JSON.stringify(userTexts(snap.notes.get(n.sheet.toLowerCase()) ?? [])),
      );
    if (locatedRight) for (const l of located) userNoteCells.add(addressKey(l.sheet, l.range.address));
    // Rarely needed (a cell Excel returned merged with others; notes changed since the read): one more read.
    if (unknown.length || (!locatedRight && userNotes.length && flags.length)) {
      const extra = await queueFillReads(
        session,
        context,
        batcher,
        new Map(unknown.map((k) => [k, probe.get(k)!])),
      );
      const locations = locatedRight
        ? []
        : userNotes.map((u) => ({ sheet: u.sheet, range: u.note.getLocation().load('address') }));
      await batcher.flush();
      for (const [k, f] of extra()) current.set(k, f);
      for (const l of locations) userNoteCells.add(addressKey(l.sheet, l.range.address));
    }

    // Decide, cell by cell: restore, paint, keep.
    const restore = new Map<
      string,
      { fill: FillState; cells: { sheet: string; row: number; col: number }[] }
    >();
    const paint = new Map<string, { fill: string; cells: { sheet: string; row: number; col: number }[] }>();
    const marks: CellMark[] = [];
    const stillOurs = (m: CellMark, now: FillState | null | undefined) =>
      !!now && now.pattern !== 'None' && now.color.toUpperCase() === m.flag.toUpperCase();
    for (const [k, m] of previous) {
      if (wanted.has(k) || !stillOurs(m, current.get(k))) continue; // a fill the user changed is theirs now
      const at = parseA1(m.cell)!;
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
      const unchanged =
        present.length === had.size && had.size === want.length && want.every((k) => had.has(k));
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
      session.statusColumns.set(status.sheet.toLowerCase(), status.col);
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
        else if (end > newEnd)
          clearRanges.push({ sheet: old.sheet, range: `${col}${newEnd + 1}:${col}${end}` });
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
      await writeRowBlocks(
        batcher,
        tandaRows,
        (start, rows) => void (tanda.getRange(`A${start + 1}:${last}${start + rows.length}`).values = rows),
      );
    } else if (tandaName) {
      sheetsApi.getItem(tandaName).delete();
    }
    await queueFills(session, context, batcher, restore);
    await queueFills(session, context, batcher, paint);
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
      await writeRowBlocks(
        batcher,
        status.texts.map((t) => [t]),
        (start, rows) => {
          const first = status.headerRow + 1 + start;
          ws.getRange(`${col}${first}:${col}${first + rows.length - 1}`).values = rows;
        },
      );
    }
    // The staging sheet renamed over the old Temuan; Temuan staging sheets a failed run left, removed.
    const temuanGrid: SheetGrid | null = stager ? await stager.swapIn(freshList.items) : null;
    deleteStaleStaging(freshList.items, stager?.name ?? null);
    await riwayat.queueAfter();
    await batcher.flush();

    // The snapshot now describes the workbook as written.
    const names = freshList.items
      .filter(
        (ws) =>
          !ws.name.toLowerCase().startsWith(STAGING_PREFIX) &&
          !(temuanGrid && same(ws.name, SHEET_TEMUAN)) &&
          !(same(ws.name, SHEET_TANDA) && !marks.length && !statusMarks.length),
      )
      .map((ws) => ({ name: ws.name, visibility: ws.visibility as string }));
    if (temuanGrid) names.push({ name: SHEET_TEMUAN, visibility: 'Visible' });
    if (riwayat.created) names.push({ name: SHEET_RIWAYAT, visibility: 'Visible' });
    if ((marks.length || statusMarks.length) && !live.has(SHEET_TANDA))
      names.push({ name: SHEET_TANDA, visibility: 'VeryHidden' });
    const grids = snap.grid.sheets.filter(
      (s) => !(temuanGrid && same(s.name, SHEET_TEMUAN)) && !same(s.name, SHEET_TANDA),
    );
    if (temuanGrid) grids.push(temuanGrid);
    if (marks.length || statusMarks.length) grids.push(gridOf(SHEET_TANDA, tandaRows, 'veryHidden'));
    // Note texts changed (ours added or removed): the next writeFlags locates user notes by a read.
    session.snapshot = { grid: { sheets: grids }, sheets: names, marks: newMarks, notes: new Map() };

    return {
      cells: marks.length,
      notes: marks.filter((m) => m.note).length,
      rows: v.submission?.table?.rows.length ?? 0,
      findings: v.findings.length,
    };
  });
}
