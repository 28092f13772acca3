/**
 * Keeping every `context.sync()` under the payload budget (docs/spec/addin.md: Excel on the web refuses a
 * request over 5 MB; the add-in sends at most 4 MB per sync).
 *
 * The adapter estimates each queued operation before queuing it: the JSON size of its arguments
 * plus a fixed allowance for the object paths and the action record Office.js adds around it
 * (400 bytes for an operation that builds its own path, 240 for one on an object already in the
 * request, such as a note added to a sheet's notes — about 1.5 times what Office sends). When the next operation would take the
 * current batch over the budget, the batch is synced first. Operations are therefore only split
 * over several syncs when the data really is that large; a 5,000-row validation fits in its two
 * write syncs.
 */
import { columnLetter } from '../engine/grid';

/** The most a single sync may carry (docs/spec/addin.md). */
export const SYNC_LIMIT_BYTES = 4 * 1024 * 1024;
/** What the batcher fills a sync up to: the limit less a margin for estimation error. */
export const SYNC_BUDGET_BYTES = SYNC_LIMIT_BYTES - 256 * 1024;
/** Allowance per queued operation for Office's object paths and action records. */
export const OP_OVERHEAD_BYTES = 400;
/**
 * Allowance for a small operation on an object already in the request (a note added to a sheet's
 * notes, a loaded note deleted): one method path and one action record, about 160 bytes.
 */
export const CELL_OP_OVERHEAD_BYTES = 240;
/** Multi-area addresses for `getRanges` are kept short: Excel rejects long ones (office-js #5198). */
export const MAX_AREAS_ADDRESS = 2000;

/** UTF-8 size of a string. */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** UTF-8 size of a value's JSON. */
export function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value) ?? '');
}

/** Estimated request size of one operation with these arguments. */
export function opBytes(...args: unknown[]): number {
  return OP_OVERHEAD_BYTES + args.reduce<number>((n, a) => n + jsonBytes(a), 0);
}

/** Estimated request size of a small operation on an object already in the request. */
export function cellOpBytes(...args: unknown[]): number {
  return CELL_OP_OVERHEAD_BYTES + args.reduce<number>((n, a) => n + jsonBytes(a), 0);
}

/**
 * Syncs when the next operation would not fit. `reserve(bytes)` before queuing an operation;
 * `flush()` at the end (or when results are needed).
 */
export class SyncBatcher {
  private used = 0;
  private count = 0;

  constructor(
    private readonly context: { sync(): Promise<unknown> },
    private readonly budget = SYNC_BUDGET_BYTES,
  ) {}

  /** Bytes queued since the last sync (estimated). */
  get pending(): number {
    return this.used;
  }

  /** Syncs made through this batcher. */
  get syncs(): number {
    return this.count;
  }

  /** Bytes the current sync can still take. */
  get remaining(): number {
    return this.budget - this.used;
  }

  /** The whole budget of an empty sync. */
  get capacity(): number {
    return this.budget;
  }

  async reserve(bytes: number): Promise<void> {
    if (this.used > 0 && this.used + bytes > this.budget) await this.flush();
    this.used += bytes;
  }

  async flush(): Promise<void> {
    await this.context.sync();
    this.count++;
    this.used = 0;
  }
}

/**
 * Queues rows written as consecutive blocks (one `Range.values` each, plus `opsPerBlock - 1` other
 * operations such as number formats costing `extraPerRow` bytes a row). Each block fills what the
 * current sync has left before a new sync is started, so a large write adds as few syncs as possible.
 * With `fitOnly`, stops (without syncing) at the first row the current sync cannot take.
 * Returns the number of rows queued; `write` gets row offsets relative to `rows`.
 */
export async function writeRowBlocks<T>(
  batcher: SyncBatcher,
  rows: readonly (readonly T[])[],
  write: (start: number, rows: T[][]) => void,
  options: {
    extraPerRow?: number;
    opsPerBlock?: number;
    fitOnly?: boolean;
    /** A row's bytes, when more is sent per row than its values (default: its JSON + 1 + `extraPerRow`). */
    sizeOf?: (row: readonly T[], index: number) => number;
  } = {},
): Promise<number> {
  const extra = options.extraPerRow ?? 0;
  const sizeOf = options.sizeOf ?? ((row: readonly T[]) => jsonBytes(row) + 1 + extra);
  const fixed = (options.opsPerBlock ?? 1) * OP_OVERHEAD_BYTES + 2;
  let start = 0;
  let block: T[][] = [];
  let size = fixed;
  const emit = async () => {
    await batcher.reserve(size);
    write(start, block);
    start += block.length;
    block = [];
    size = fixed;
  };
  for (const [index, row] of rows.entries()) {
    const bytes = sizeOf(row, index);
    if (size + bytes > batcher.remaining) {
      if (block.length) await emit();
      if (options.fitOnly) return start;
      // Start the next block in a fresh sync unless this one can still take it.
      if (size + bytes > batcher.remaining && batcher.pending > 0) await batcher.flush();
    }
    block.push([...row]);
    size += bytes;
  }
  if (block.length) await emit();
  return start;
}

/** Comma-joined address lists (`A1,C7:E7,…`) of at most `maxChars` characters each. */
export function addressLists(addresses: readonly string[], maxChars = MAX_AREAS_ADDRESS): string[] {
  const out: string[] = [];
  let current = '';
  for (const a of addresses) {
    if (current && current.length + 1 + a.length > maxChars) {
      out.push(current);
      current = '';
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) out.push(current);
  return out;
}

/** Column letters of a 0-based column (the engine's). */
export const letters = columnLetter;

/**
 * Cells (0-based row, col) as A1 areas, merging horizontal runs: (6,2),(6,3),(6,4) → `C7:E7`.
 * Fewer, shorter areas mean shorter `getRanges` addresses.
 */
export function cellRuns(cells: readonly { row: number; col: number }[]): string[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const out: string[] = [];
  for (let i = 0; i < sorted.length;) {
    const { row, col } = sorted[i];
    let end = col;
    let j = i + 1;
    while (j < sorted.length && sorted[j].row === row && sorted[j].col === end + 1) {
      end++;
      j++;
    }
    const start = `${letters(col)}${row + 1}`;
    out.push(end === col ? start : `${start}:${letters(end)}${row + 1}`);
    i = j;
  }
  return out;
}
