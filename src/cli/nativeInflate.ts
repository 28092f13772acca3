import { inflateRawSync } from 'node:zlib';
import { RawInflate, useRawInflate } from '../xlsx/zip';

/**
 * Node's zlib as the reader's inflater: the same bytes and the same failures as fflate's (the fuzz
 * test holds the two readers equal), about four times faster — inflating is most of what reading a
 * workbook costs. Output is bounded by `maxOutputLength` (zlib throws a RangeError past it), so a
 * zip bomb stops at the same limit (null: past the limit).
 */
export const nodeRawInflate: RawInflate = (data, maxOutput, chunkBytes) => {
  try {
    return inflateRawSync(data, { maxOutputLength: maxOutput, chunkSize: chunkBytes });
  } catch (e) {
    // By its code: under a test runner's sandbox the error may come from another realm's RangeError.
    if ((e as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') return null;
    throw e;
  }
};

export function installNativeInflate(): void {
  useRawInflate(nodeRawInflate);
}
