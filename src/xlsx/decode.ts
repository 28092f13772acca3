/**
 * Byte → string decoding. `src/xlsx` type-checks without DOM or Node typings (see tsconfig.json
 * here) so that no host API slips in; TextDecoder exists in both hosts, so it is looked up on
 * globalThis with the one method we use.
 */
interface TextDecoderLike {
  decode(input: Uint8Array): string;
}
type TextDecoderConstructor = new (label: string) => TextDecoderLike;

const TextDecoderImpl = (globalThis as unknown as { TextDecoder: TextDecoderConstructor }).TextDecoder;

/** One decoder for everything: creating one per part or per string is measurably slower. */
export const utf8 = new TextDecoderImpl('utf-8');

let utf16le: TextDecoderLike | undefined;
let utf16be: TextDecoderLike | undefined;

/** An XML part is UTF-8 unless a UTF-16 byte-order mark says otherwise (rare, but allowed). */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return (utf16le ??= new TextDecoderImpl('utf-16le')).decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return (utf16be ??= new TextDecoderImpl('utf-16be')).decode(bytes);
  return utf8.decode(bytes);
}
