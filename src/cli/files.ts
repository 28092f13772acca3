/**
 * Reading a file the way every command must (issue 18): only a regular file (a link is followed to
 * one), and never more than the size limit — counted on the bytes actually read, not on `stat`'s
 * size, which is 0 for `/dev/zero` and a lie for a file that grows while it is read.
 */
import { constants, promises as fs } from 'node:fs';
import * as path from 'node:path';

/** The file is larger than the limit; `size` is what `stat` said, when it said more than the limit. */
export class TooLarge extends Error {
  constructor(readonly size: number | null) {
    super('too large');
  }
}

/** The path names something other than a regular file: a device, a pipe, a socket, a folder. */
export class NotRegular extends Error {
  constructor(readonly what: 'folder' | 'device' | 'pipe' | 'socket' | 'other') {
    super(`not a regular file (${what})`);
  }
}

type StatLike = {
  isDirectory(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isFile(): boolean;
};

function kindOf(s: StatLike): NotRegular['what'] | null {
  if (s.isFile()) return null;
  if (s.isDirectory()) return 'folder';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'device';
  if (s.isFIFO()) return 'pipe';
  if (s.isSocket()) return 'socket';
  return 'other';
}

const CHUNK = 1 << 20;

/**
 * The bytes of `file`, at most `limit` of them. Throws `NotRegular` before reading anything from a
 * device, pipe or folder (opened non-blocking, so a pipe with no writer does not hang the run), and
 * `TooLarge` as soon as more than `limit` bytes have been read (or `stat` already says so).
 * File-system errors are thrown as they are (they carry `code`).
 */
export async function readCapped(file: string, limit: number): Promise<Uint8Array> {
  const handle = await fs.open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = await handle.stat();
    const kind = kindOf(stat);
    if (kind) throw new NotRegular(kind);
    if (stat.size > limit) throw new TooLarge(stat.size);
    // One byte more than the limit tells "exactly the limit" from "more".
    let buffer = Buffer.allocUnsafe(Math.min(Math.max(stat.size, 0) + 1, limit + 1));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > limit) throw new TooLarge(null);
        const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2 + CHUNK, limit + 1));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > limit) throw new TooLarge(null);
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, length);
  } finally {
    await handle.close();
  }
}

/** What a path names after following links: null for a regular file, else its kind; `missing` when it cannot be stat'ed. */
export async function pathKind(file: string): Promise<NotRegular['what'] | null | 'missing'> {
  try {
    return kindOf(await fs.stat(file));
  } catch {
    return 'missing';
  }
}

/** The real path (links resolved), or the resolved path when it cannot be found (a broken link). */
export async function realPathOf(file: string): Promise<string> {
  try {
    return await fs.realpath(file);
  } catch {
    return path.resolve(file);
  }
}
