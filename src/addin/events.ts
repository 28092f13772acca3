/**
 * Live validation's change events: `onRowsChanged` reports the edited rows of the submission sheet,
 * debounced, leaving out the tool's own `Status Validasi` writes; `changedRows` and
 * `changedColumns` read Excel's change addresses (`C7`, `C7:D9`, `5:7`).
 */
import { findSheet } from '../engine/parse';
import { toAdapterError } from './errors';
import { Session } from './session';

/** Rows of a change address: `C7`, `C7:D9`, `5:7`; null when they are whole columns or too many. */
export function changedRows(address: string): number[] | null {
  const area = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const rows: number[] = [];
  for (const part of area.split(',')) {
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

/** Columns (0-based) an address covers, or null for whole rows. */
function changedColumns(address: string): { from: number; to: number } | null {
  const area = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const [a, b = a] = area.split(':');
  const ca = /^([A-Za-z]+)/.exec(a);
  const cb = /^([A-Za-z]+)/.exec(b);
  if (!ca || !cb) return null;
  const idx = (l: string) => [...l.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { from: Math.min(idx(ca[1]), idx(cb[1])), to: Math.max(idx(ca[1]), idx(cb[1])) };
}

export async function onRowsChanged(session: Session, debounceMs: number, handler: (rows: number[]) => void, sheetName?: string): Promise<() => Promise<void>> {
  const name = sheetName ?? findSheet(session.snapshot?.grid ?? { sheets: [] }, 'Inovasi')?.name ?? 'Inovasi';
  let pending = new Set<number>();
  let everything = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const fire = () => {
    timer = null;
    const rows = everything ? [] : [...pending].sort((a, b) => a - b);
    pending = new Set();
    everything = false;
    try {
      handler(rows);
    } catch {
      // The pane's handler reports its own errors; an event must not break the next one.
    }
  };
  const onChange = (args: Excel.WorksheetChangedEventArgs) => {
    const statusCol = session.statusColumns.get(name.toLowerCase());
    const cols = changedColumns(args.address);
    if (statusCol !== undefined && cols && cols.from === statusCol && cols.to === statusCol) return; // our own Status Validasi
    const rows = changedRows(args.address);
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
