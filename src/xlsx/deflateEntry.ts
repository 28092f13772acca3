/**
 * One deflated zip entry of the written package, fed in chunks: by fflate's streaming `Deflate`, or
 * by a host's native compressor (`Compressor`: a raw DEFLATE per chunk, a stream off the main
 * thread, a CRC-32). Its time stamp comes from the workbook's date, whatever the time zone.
 */
import { Deflate, DeflateOptions, FlateError, ZipPassThrough } from 'fflate';

/**
 * Compresses one chunk of an entry as raw DEFLATE that continues the chunks before it: primed with
 * `dictionary` (the last ≤ 32 KiB of input before this chunk, null for the first), and, unless
 * `final`, ending with a sync flush (byte-aligned, no final block), so the outputs concatenate into
 * one valid stream. Must be deterministic for reproducible files.
 */
export type RawDeflateChunk = (
  data: Uint8Array,
  final: boolean,
  dictionary: Uint8Array | null,
  level: number,
) => Uint8Array;

/**
 * One zip entry's raw DEFLATE stream compressed elsewhere than on this thread (Node's zlib stream
 * works on libuv's thread pool): `push` hands over input (never changed again); compressed data
 * comes back through `ondata`, in order, the last call with `final`. `settle` resolves once the
 * stream has taken what was pushed (the caller's thread must yield for that to happen).
 */
export interface DeflateStream {
  push(chunk: Uint8Array, final: boolean): void;
  settle(): Promise<void>;
  /** Stops and frees the stream (the workbook is abandoned). */
  abort(): void;
}

export type DeflateStreamFactory = (
  level: number,
  ondata: (error: Error | null, data: Uint8Array, final: boolean) => void,
) => DeflateStream;

/** Native helpers for the zip entries (fflate still frames the archive); each part falls back to fflate's. */
export interface Compressor {
  /** A deflate off the main thread, preferred over `deflate`: rows are serialised while earlier ones are compressed. */
  readonly deflateStream?: DeflateStreamFactory;
  /** Raw DEFLATE chunk by chunk instead of fflate's streaming `Deflate`. */
  readonly deflate?: RawDeflateChunk;
  /** CRC-32 of `data` continuing `crc` (0 to start). */
  readonly crc32?: (data: Uint8Array, crc: number) => number;
}

const WINDOW = 32 * 1024;
/**
 * A deflated zip entry fed in chunks: fflate's streaming `Deflate` (as its `ZipDeflate` does) or a
 * `RawDeflateChunk`; the CRC by fflate or by `Compressor.crc32`.
 */
export class Entry extends ZipPassThrough {
  flag: number;
  private readonly stream: Deflate | null;
  /** The off-thread stream, when the compressor has one. */
  readonly offThread: DeflateStream | null;
  /** Resolves when the entry's last compressed byte has been handed to the zip. */
  readonly done: Promise<void>;
  private dictionary: Uint8Array | null = null;
  private runningCrc = 0;

  constructor(
    filename: string,
    private readonly level: number,
    private readonly compressor: Compressor,
  ) {
    super(filename);
    this.compression = 8;
    // General-purpose flag bits 1–2: the compression option, as fflate sets them.
    this.flag = level === 1 ? 3 : level < 6 ? 2 : level === 9 ? 1 : 0;
    let finished = () => {};
    this.done = new Promise<void>((resolve) => (finished = resolve));
    this.offThread = compressor.deflateStream
      ? compressor.deflateStream(level, (error, data, final) => {
          this.ondata(error as FlateError | null, data as Uint8Array<ArrayBuffer>, final);
          if (final || error) finished();
        })
      : null;
    if (!this.offThread) finished();
    this.stream =
      compressor.deflate || this.offThread
        ? null
        : new Deflate({ level: level as DeflateOptions['level'] }, (data, final) =>
            this.ondata(null, data, final),
          );
  }

  push(chunk: Uint8Array, final = false): void {
    const crc32 = this.compressor.crc32;
    if (!crc32) return super.push(chunk, final);
    this.runningCrc = crc32(chunk, this.runningCrc);
    this.size += chunk.length;
    if (final) this.crc = this.runningCrc;
    this.process(chunk, final);
  }

  protected process(chunk: Uint8Array, final: boolean): void {
    let out: Uint8Array;
    try {
      if (this.offThread) {
        this.offThread.push(chunk, final);
        return;
      }
      if (this.stream) {
        this.stream.push(chunk, final);
        return;
      }
      out = this.compressor.deflate!(chunk, final, this.dictionary, this.level);
    } catch (e) {
      this.ondata(e as FlateError, null as unknown as Uint8Array<ArrayBuffer>, final);
      return;
    }
    if (!final && chunk.length > 0) {
      // The window the next chunk may refer back to: the last 32 KiB of input, across small chunks too.
      const prev = this.dictionary;
      if (chunk.length >= WINDOW || !prev)
        this.dictionary = chunk.subarray(Math.max(0, chunk.length - WINDOW));
      else {
        const keep = Math.min(prev.length, WINDOW - chunk.length);
        const joined = new Uint8Array(keep + chunk.length);
        joined.set(prev.subarray(prev.length - keep), 0);
        joined.set(chunk, keep);
        this.dictionary = joined;
      }
    }
    this.ondata(null, out as Uint8Array<ArrayBuffer>, final);
  }
}

/**
 * A local-time Date whose fields equal the UTC fields of `date`: fflate stamps zip entries from
 * local fields, so this keeps the stamps independent of the time zone (except for a time that
 * falls in a local daylight-saving gap, which moves on by the gap).
 */
export function localTwin(date: Date): Date {
  const d = new Date(
    date.getUTCFullYear(),
    date.getUTCMonth(),
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
  );
  const year = d.getFullYear();
  // Zip (MS-DOS) times span 1980–2107.
  if (!(year >= 1980)) return new Date(1980, 0, 1);
  if (year > 2107) return new Date(2107, 11, 31, 23, 59, 58);
  return d;
}
