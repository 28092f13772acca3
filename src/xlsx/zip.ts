/**
 * Just enough of the zip format to read an xlsx safely: the central directory is parsed by hand so
 * that declared sizes can be checked before anything is inflated, and entries are inflated in
 * small steps against a byte budget, so a header that lies about its size cannot make us allocate
 * far beyond the limit (a deflate stream expands at most ~1032×, so one step adds ≤ ~33 MB).
 */
import { Inflate } from 'fflate';
import { utf8 } from './decode';
import { excerpt, formatSize, XlsxReadError } from './failure';

export interface ZipEntry {
  /** The path as stored, `\` turned into `/`. */
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  /** Uncompressed size as the central directory declares it: a claim, never trusted for memory. */
  readonly declaredSize: number;
  readonly localHeaderOffset: number;
}

export interface ZipDirectory {
  /** Keyed by lower-cased path: writers disagree on case (`xl/SharedStrings.xml`). */
  readonly entries: ReadonlyMap<string, ZipEntry>;
  /** Sum of the declared uncompressed sizes of all entries. */
  readonly declaredTotal: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;
const FLAG_ENCRYPTED = 0x1;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;

function corrupt(detail: string): XlsxReadError {
  return new XlsxReadError('corrupt', detail);
}

export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) throw corrupt('zip end record missing (truncated file?)');
  let entryCount = u16(bytes, eocd + 10);
  let directorySize = u32(bytes, eocd + 12);
  let directoryOffset = u32(bytes, eocd + 16);
  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator >= 0 && u32(bytes, locator) === ZIP64_LOCATOR_SIGNATURE) {
      const zip64 = u64(bytes, locator + 8);
      if (zip64 + 56 > bytes.length || u32(bytes, zip64) !== ZIP64_EOCD_SIGNATURE)
        throw corrupt('bad zip64 end record');
      entryCount = u64(bytes, zip64 + 32);
      directorySize = u64(bytes, zip64 + 40);
      directoryOffset = u64(bytes, zip64 + 48);
    }
  }
  if (directoryOffset + directorySize > bytes.length) throw corrupt('zip central directory out of range');

  const entries = new Map<string, ZipEntry>();
  let declaredTotal = 0;
  let at = directoryOffset;
  for (let i = 0; i < entryCount; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL_SIGNATURE)
      throw corrupt('bad zip central directory');
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const nameEnd = at + 46 + nameLength;
    if (nameEnd + extraLength > bytes.length) throw corrupt('bad zip central directory');
    let compressedSize = u32(bytes, at + 20);
    let declaredSize = u32(bytes, at + 24);
    let localHeaderOffset = u32(bytes, at + 42);
    // Zip64 extra field: 64-bit values for exactly the fields saturated at 0xFFFFFFFF, in this order.
    if (compressedSize === 0xffffffff || declaredSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      let field = nameEnd;
      while (field + 4 <= nameEnd + extraLength) {
        const id = u16(bytes, field);
        const size = u16(bytes, field + 2);
        if (id === 0x0001) {
          let p = field + 4;
          if (declaredSize === 0xffffffff) {
            declaredSize = u64(bytes, p);
            p += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = u64(bytes, p);
            p += 8;
          }
          if (localHeaderOffset === 0xffffffff) localHeaderOffset = u64(bytes, p);
          break;
        }
        field += 4 + size;
      }
    }
    const name = utf8.decode(bytes.subarray(at + 46, nameEnd)).replace(/\\/g, '/');
    const key = name.toLowerCase();
    // Part names are unique, case aside (OPC, ECMA-376 Part 2, 6.3.5): a second entry of the same
    // name makes readers disagree on which copy is the part (apache/poi's duplicate-filename.xlsx),
    // so the package is refused as damaged. Folder entries (`xl/`) are not parts.
    if (entries.has(key) && !key.endsWith('/')) throw corrupt(`duplicate zip entry: ${excerpt(name)}`);
    if (!entries.has(key)) {
      entries.set(key, {
        name,
        method: u16(bytes, at + 10),
        flags: u16(bytes, at + 8),
        compressedSize,
        declaredSize,
        localHeaderOffset,
      });
    }
    declaredTotal += declaredSize;
    at = nameEnd + extraLength + commentLength;
  }
  return { entries, declaredTotal };
}

function findEndOfCentralDirectory(bytes: Uint8Array): number {
  const lowest = Math.max(0, bytes.length - EOCD_BYTES - MAX_COMMENT_BYTES);
  for (let at = bytes.length - EOCD_BYTES; at >= lowest; at--) {
    if (bytes[at] === 0x50 && u32(bytes, at) === EOCD_SIGNATURE) return at;
  }
  return -1;
}

/** Counts inflated bytes across all entries of one file and stops at the limit. */
export class ExpansionBudget {
  private spent = 0;
  constructor(readonly limit: number) {}

  get left(): number {
    return Math.max(0, this.limit - this.spent);
  }

  spend(bytes: number): void {
    this.spent += bytes;
    if (this.spent > this.limit) throw new XlsxReadError('expandsTooLarge', `> ${formatSize(this.limit)}`);
  }
}

/**
 * A native raw-DEFLATE inflater a shell may install (the command line installs Node's zlib, about
 * four times faster than fflate's JavaScript one): all of `data` inflated, output written into
 * buffers of `chunkBytes` (one buffer when the output fits); null once the output would pass
 * `maxOutput` bytes (it stops there); throws on bad data.
 */
export type RawInflate = (data: Uint8Array, maxOutput: number, chunkBytes: number) => Uint8Array | null;

let nativeInflate: RawInflate | null = null;

/** Installs (or with null removes) a native inflater; both give the same bytes and the same failures. */
export function useRawInflate(inflate: RawInflate | null): void {
  nativeInflate = inflate;
}

/** Deflate cannot expand more than this (258-byte matches coded in 2 bits, rounded up). */
const MAX_DEFLATE_RATIO = 1032;

/** Compressed input fed to the inflater per step: bounds what one step can allocate. */
const INFLATE_STEP_BYTES = 32 * 1024;

export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, budget: ExpansionBudget): Uint8Array {
  if (entry.flags & FLAG_ENCRYPTED) throw new XlsxReadError('encrypted', 'zip entry encrypted');
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL_SIGNATURE)
    throw corrupt(`bad zip local header: ${excerpt(entry.name)}`);
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw corrupt(`zip entry cut short: ${excerpt(entry.name)}`);
  const data = bytes.subarray(start, end);

  if (entry.method === METHOD_STORED) {
    budget.spend(data.length);
    return data;
  }
  if (entry.method !== METHOD_DEFLATE)
    throw corrupt(`unsupported zip compression method ${entry.method}: ${excerpt(entry.name)}`);

  // Inflated straight into one buffer of the declared size, so a large part is not held twice
  // (chunks, then their concatenation). The size is believed only as far as the budget allows and
  // deflate can expand (~1032×); output past it (a header that lies) is kept as chunks, bounded by
  // the budget like the rest.
  const plausible = data.length * MAX_DEFLATE_RATIO + 1024;
  if (nativeInflate)
    return inflateNatively(
      nativeInflate,
      data,
      entry,
      budget,
      Math.min(entry.declaredSize, budget.left, plausible),
    );
  const declared = new Uint8Array(Math.min(entry.declaredSize, budget.left, plausible));
  let filled = 0;
  const overflow: Uint8Array[] = [];
  let overflowBytes = 0;
  const inflater = new Inflate((chunk) => {
    budget.spend(chunk.length);
    const fits = Math.min(chunk.length, declared.length - filled);
    if (fits > 0) {
      declared.set(fits === chunk.length ? chunk : chunk.subarray(0, fits), filled);
      filled += fits;
    }
    if (fits < chunk.length) {
      overflow.push(fits > 0 ? chunk.subarray(fits) : chunk);
      overflowBytes += chunk.length - fits;
    }
  });
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let from = 0; from < data.length; from += INFLATE_STEP_BYTES) {
      const to = Math.min(from + INFLATE_STEP_BYTES, data.length);
      inflater.push(data.subarray(from, to), to === data.length);
    }
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    throw corrupt(`bad deflate data: ${excerpt(entry.name)}`);
  }
  if (overflow.length === 0) return filled === declared.length ? declared : declared.subarray(0, filled);
  const out = new Uint8Array(filled + overflowBytes);
  out.set(declared.subarray(0, filled));
  let offset = filled;
  for (const chunk of overflow) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

/** 64-bit little-endian as a Number: exact far beyond any size we accept. */
function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 0x100000000;
}

/** Output buffer size when the declared size is small or a lie: few steps even for a bomb. */
const MIN_NATIVE_CHUNK = 64 * 1024;

/** `inflateEntry` with a native inflater: output bounded by the budget, one buffer of the believable declared size. */
function inflateNatively(
  inflate: RawInflate,
  data: Uint8Array,
  entry: ZipEntry,
  budget: ExpansionBudget,
  believed: number,
): Uint8Array {
  // No compressed bytes at all: an empty part, as fflate reads it (zlib would call it cut short).
  if (data.length === 0) return data;
  let out: Uint8Array | null;
  try {
    out = inflate(data, Math.max(1, budget.left), Math.max(MIN_NATIVE_CHUNK, believed + 1));
  } catch {
    throw corrupt(`bad deflate data: ${excerpt(entry.name)}`);
  }
  budget.spend(out === null ? budget.left + 1 : out.length); // past the limit: throws expandsTooLarge
  return out!;
}
