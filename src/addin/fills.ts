/**
 * Cell fills in the workbook, for writing and clearing flags: reading each cell's fill as it is now
 * (`queueFillReads`) and setting fills by group (`queueFills`). With ExcelApi 1.9 both go per
 * multi-area range (`getRanges("A1,B7:D7,…")`), one per address list; before 1.9 a fill is read
 * per cell and set per horizontal run. Every operation is sized before it is queued (chunks.ts).
 */
import { SyncBatcher, addressLists, cellRuns, letters, opBytes } from './chunks';
import { parseA1 } from '../engine/grid';
import { FillState, NO_FILL, cellKey } from './flags';
import { Session, sheetOf } from './session';

/** A fill as loaded (`pattern` needs ExcelApi 1.9; before that, white means no fill). */
export function fillState(fill: Excel.RangeFill, withPattern: boolean): FillState | null {
  const color = fill.color;
  if (color === null || color === undefined) return null;
  if (!withPattern)
    return /^#?FFFFFF$/i.test(color) ? NO_FILL : { color, pattern: 'Solid', patternColor: '' };
  const pattern = fill.pattern;
  if (pattern === null || pattern === undefined) return null;
  if (pattern === 'None') return NO_FILL;
  return { color, pattern, patternColor: pattern === 'Solid' ? '' : (fill.patternColor ?? '') };
}

/** The key cells of one fill are grouped by. */
export const fillKey = (f: FillState) =>
  f.pattern === 'None' ? 'none' : `${f.color}|${f.pattern}|${f.patternColor}`;

/** Cells to set to one fill (a colour to paint, or a remembered fill to restore), grouped by `fillKey` or colour. */
export type FillGroups = ReadonlyMap<
  string,
  { fill: FillState | string; cells: { sheet: string; row: number; col: number }[] }
>;

/** Queues reads of each cell's fill; the returned function gives the results after the sync. */
export async function queueFillReads(
  session: Session,
  context: Excel.RequestContext,
  batcher: SyncBatcher,
  cells: ReadonlyMap<string, { sheet: string; cell: string }>,
): Promise<() => Map<string, FillState | null>> {
  const areas = session.supports('1.9');
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
        const loaded = ws
          .getRanges(address)
          .areas.load(
            'items/address,items/format/fill/color,items/format/fill/pattern,items/format/fill/patternColor',
          );
        readers.push(() =>
          loaded.items.flatMap((area): [string, FillState | null][] => {
            const state = fillState(area.format.fill, true);
            const a = area.address.slice(area.address.lastIndexOf('!') + 1).replace(/\$/g, '');
            const [from, to = from] = a.split(':');
            const p = parseA1(from);
            const q = parseA1(to);
            if (!p || !q) return [];
            // Excel may merge adjacent cells into one area: spread a uniform result, else unknown.
            const out: [string, FillState | null][] = [];
            for (let r = p.row; r <= q.row; r++)
              for (let c = p.col; c <= q.col; c++) out.push([cellKey(sheet, `${letters(c)}${r + 1}`), state]);
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
export async function queueFills(
  session: Session,
  context: Excel.RequestContext,
  batcher: SyncBatcher,
  groups: FillGroups,
): Promise<void> {
  const areas = session.supports('1.9');
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
      const targets = areas
        ? addressLists(runs).map((a) => ({ a, f: () => ws.getRanges(a).format.fill }))
        : runs.map((a) => ({ a, f: () => ws.getRange(a).format.fill }));
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
