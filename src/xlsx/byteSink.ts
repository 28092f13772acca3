/**
 * Where the streaming writer's bytes go: the `ByteSink` it hands the .xlsx to (a file stream in
 * Node, memory in a test or the task pane), and the UTF-8 encoder it encodes rows with.
 */

/** TextEncoder exists in Node and in browsers; looked up on globalThis so no host's types are needed (as decode.ts). */
interface TextEncoderLike {
  encode(text: string): Uint8Array;
  encodeInto(text: string, into: Uint8Array): { read: number; written: number };
}
/** The host's TextEncoder. */
export const Utf8Encoder = (globalThis as unknown as { TextEncoder: new () => TextEncoderLike }).TextEncoder;

/** Receives the .xlsx bytes in order. */
export interface ByteSink {
  /** Takes a chunk (the writer never touches it again). False asks the writer to `drain` before more. */
  write(chunk: Uint8Array): boolean;
  /** Resolves when the sink can take more. */
  drain(): Promise<void>;
  /** Called once after the last chunk; resolves when everything is stored. */
  close(): Promise<void>;
  /** Called instead of `close` when writing failed half-way (optional). */
  abort?(error: unknown): void;
}

/** A sink that keeps the bytes in memory (tests, the browser); `bytes()` joins them after `close`. */
export function memorySink(): ByteSink & { bytes(): Uint8Array } {
  const chunks: Uint8Array[] = [];
  return {
    write: (chunk) => (chunks.push(chunk), true),
    drain: async () => undefined,
    close: async () => undefined,
    bytes: () =>
      concat(
        chunks,
        chunks.reduce((n, c) => n + c.length, 0),
      ),
  };
}

export function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1 && chunks[0].length === length) return chunks[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
