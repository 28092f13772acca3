/**
 * Live validation's change events: `onRowsChanged` reports the edited rows of the submission sheet,
 * debounced, leaving out the tool's own `Status Validasi` writes; `changedRows` and
 * `changedColumns` read Excel's change addresses (`C7`, `C7:D9`, `5:7`), area by area when there
 * are several (`B7,G7:H7`, `Inovasi!B7,Inovasi!G7`).
 *
 * What real Excel adds (issue 22): rows or cells inserted or deleted (`changeType`) move every row
 * below, so the rows named are not the rows changed: reported as "re-read everything". A coauthor's
 * edit (`source: 'Remote'`) is reported as such, so that only the pane of the user who edited writes
 * flags, `Temuan` and `Riwayat` (every coauthor's pane hears the same event).
 */
import { columnIndex } from '../engine/grid';
import { findSheet } from '../engine/parse';
import { toAdapterError } from './errors';
import { Session } from './session';

/**
 * The areas of a change address, each without its sheet and `$`: `B7,G7:H7` and
 * `Inovasi!B7,Inovasi!G7` give `B7`, `G7:H7` / `B7`, `G7` (commas inside a quoted sheet name kept).
 */
function changeAreas(address: string): string[] {
  const areas: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      areas.push(current);
      current = '';
    } else current += ch;
  }
  areas.push(current);
  return areas.map((a) =>
    a
      .slice(a.lastIndexOf('!') + 1)
      .replace(/\$/g, '')
      .trim(),
  );
}

/** Rows of a change address: `C7`, `C7:D9`, `5:7`, `B7,G9:H9`; null when they are whole columns or too many. */
export function changedRows(address: string): number[] | null {
  const rows: number[] = [];
  for (const part of changeAreas(address)) {
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

/** Columns (0-based) each area of an address covers, or null when one of them is whole rows. */
function changedColumns(address: string): { from: number; to: number }[] | null {
  const spans: { from: number; to: number }[] = [];
  for (const area of changeAreas(address)) {
    const [a, b = a] = area.split(':');
    const ca = /^([A-Za-z]+)/.exec(a);
    const cb = /^([A-Za-z]+)/.exec(b);
    if (!ca || !cb) return null;
    spans.push({
      from: Math.min(columnIndex(ca[1]), columnIndex(cb[1])),
      to: Math.max(columnIndex(ca[1]), columnIndex(cb[1])),
    });
  }
  return spans;
}

/** Change types that move cells: the rows an address names are not the only rows whose content changed. */
const SHIFTING = new Set([
  'RowInserted',
  'RowDeleted',
  'ColumnInserted',
  'ColumnDeleted',
  'CellInserted',
  'CellDeleted',
]);

/** How a batch of change events came about. */
export interface ChangeOrigin {
  /** Every event of the batch came from a coauthor (`source: 'Remote'`): this pane should not write in answer. */
  readonly remote: boolean;
}

export async function onRowsChanged(
  session: Session,
  debounceMs: number,
  handler: (rows: number[], origin: ChangeOrigin) => void,
  sheetName?: string,
): Promise<() => Promise<void>> {
  const name = sheetName ?? findSheet(session.snapshot?.grid ?? { sheets: [] }, 'Inovasi')?.name ?? 'Inovasi';
  let pending = new Set<number>();
  let everything = false;
  let local = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const fire = () => {
    timer = null;
    const rows = everything ? [] : [...pending].sort((a, b) => a - b);
    const origin = { remote: !local };
    pending = new Set();
    everything = false;
    local = false;
    try {
      handler(rows, origin);
    } catch {
      // The pane's handler reports its own errors; an event must not break the next one.
    }
  };
  const onChange = (args: Excel.WorksheetChangedEventArgs) => {
    const shifting = SHIFTING.has(String(args.changeType));
    const statusCol = session.statusColumns.get(name.toLowerCase());
    const cols = changedColumns(args.address);
    // Our own Status Validasi: only when every area is in that column (an edit may come in the same event).
    if (
      !shifting &&
      statusCol !== undefined &&
      cols &&
      cols.every((c) => c.from === statusCol && c.to === statusCol)
    )
      return;
    if (String(args.source) !== 'Remote') local = true;
    const rows = shifting ? null : changedRows(args.address);
    if (rows === null) everything = true;
    else for (const r of rows) pending.add(r);
    if (timer) clearTimeout(timer);
    timer = setTimeout(fire, debounceMs);
  };
  let registration: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null = null;
  await session.run(async (context) => {
    registration = context.workbook.worksheets.getItem(name).onChanged.add(async (args) => onChange(args));
    await context.sync();
  });
  return async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const r = registration;
    registration = null;
    const excel = session.excelHost();
    if (!r || !excel) return;
    try {
      await excel.run(r.context, async (context) => {
        r.remove();
        await context.sync();
      });
    } catch (e) {
      throw toAdapterError(e, session.lang());
    }
  };
}
