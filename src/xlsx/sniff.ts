/**
 * Tells what a file is from its bytes, before any unzipping: users rename files, so the
 * extension proves nothing. Only a zip goes on to the xlsx reader; everything else gets a cause.
 */
import { failure, formatSize, type ReadFailure } from './failure';

export type Sniffed = { ok: true; format: 'zip' } | ReadFailure;

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** An Office document encrypted with a password is an OLE compound file holding these streams. */
const ENCRYPTION_STREAMS = ['EncryptionInfo', 'EncryptedPackage'];

export function classifyBytes(bytes: Uint8Array, maxFileBytes: number = Infinity): Sniffed {
  if (bytes.length === 0) return failure('empty');
  if (bytes.length > maxFileBytes) {
    return failure('tooLarge', `${formatSize(bytes.length)} > ${formatSize(maxFileBytes)}`);
  }
  if (startsWith(bytes, OLE_MAGIC)) {
    return isEncryptedCompoundFile(bytes) ? failure('encrypted') : failure('legacyXls');
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return { ok: true, format: 'zip' };
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return failure('notXlsx', 'PDF');
  const textKind = sniffTextKind(bytes);
  return textKind ? failure('notXlsx', textKind) : failure('notXlsx');
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

const TEXT_SAMPLE_BYTES = 4096;

/** `HTML`, `XML` or `CSV/teks` when the start of the file reads as text; null for binary. */
function sniffTextKind(bytes: Uint8Array): string | null {
  const sample = bytes.subarray(0, TEXT_SAMPLE_BYTES);
  const utf16Bom = (sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff);
  if (utf16Bom) return 'CSV/teks';
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    if (b === 0) return null;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) controls++;
  }
  if (controls > sample.length * 0.02) return null;
  // ASCII is enough to recognise the markup; other bytes become '?' and are ignored.
  const head = Array.from(sample.subarray(0, 1024), (b) => (b < 0x80 ? String.fromCharCode(b) : '?'))
    .join('')
    .replace(/^(\?\?\?)?\s*/, '') // UTF-8 BOM, leading blanks
    .toLowerCase();
  if (head.startsWith('<')) return head.includes('<html') || head.includes('<!doctype html') ? 'HTML' : 'XML';
  return 'CSV/teks';
}

function isEncryptedCompoundFile(bytes: Uint8Array): boolean {
  const names = compoundFileEntryNames(bytes);
  if (names) return names.some((n) => ENCRYPTION_STREAMS.includes(n));
  // The directory could not be walked (a truncated or odd file): fall back to spotting the names.
  return ENCRYPTION_STREAMS.some((n) => indexOfBytes(bytes, utf16le(n)) >= 0);
}

const END_OF_CHAIN = 0xfffffffe;
const DIR_ENTRY_BYTES = 128;
const HEADER_DIFAT_SLOTS = 109;

/**
 * Names of the entries in an OLE compound file's directory (MS-CFB), or null when the file's
 * structure does not hold together. Every loop is bounded by the number of sectors in the file.
 */
function compoundFileEntryNames(bytes: Uint8Array): string[] | null {
  if (bytes.length < 512) return null;
  const sectorShift = u16(bytes, 0x1e);
  if (sectorShift !== 9 && sectorShift !== 12) return null;
  const sectorSize = 1 << sectorShift;
  // The header takes the first sector's place: sector id n starts at (n + 1) * sectorSize.
  const sectorCount = Math.floor(bytes.length / sectorSize) - 1;
  const sectorOffset = (id: number) => (id + 1) * sectorSize;
  const validSector = (id: number) => id < sectorCount;

  // FAT sector ids: the first 109 are in the header, the rest in a chain of DIFAT sectors.
  const fatSectorTotal = u32(bytes, 0x2c);
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT_SLOTS && fatSectors.length < fatSectorTotal; i++) {
    fatSectors.push(u32(bytes, 0x4c + i * 4));
  }
  let difat = u32(bytes, 0x44);
  for (let guard = 0; fatSectors.length < fatSectorTotal && difat < END_OF_CHAIN; guard++) {
    if (guard > sectorCount || !validSector(difat)) return null;
    const base = sectorOffset(difat);
    const slots = sectorSize / 4 - 1;
    for (let i = 0; i < slots && fatSectors.length < fatSectorTotal; i++)
      fatSectors.push(u32(bytes, base + i * 4));
    difat = u32(bytes, base + slots * 4);
  }
  if (fatSectors.length === 0 || fatSectors.length > sectorCount) return null;
  const fatEntries = sectorSize / 4;
  const nextSector = (id: number): number => {
    const fatSector = fatSectors[Math.floor(id / fatEntries)];
    if (fatSector === undefined || !validSector(fatSector)) return END_OF_CHAIN;
    return u32(bytes, sectorOffset(fatSector) + (id % fatEntries) * 4);
  };

  const names: string[] = [];
  let dirSector = u32(bytes, 0x30);
  for (let guard = 0; dirSector < END_OF_CHAIN; guard++) {
    if (guard > sectorCount || !validSector(dirSector)) return null;
    const base = sectorOffset(dirSector);
    for (let e = 0; e < sectorSize; e += DIR_ENTRY_BYTES) {
      const nameBytes = u16(bytes, base + e + 64);
      const type = bytes[base + e + 66];
      if (type === 0 || nameBytes < 2 || nameBytes > 64) continue;
      let name = '';
      for (let i = 0; i < nameBytes - 2; i += 2) name += String.fromCharCode(u16(bytes, base + e + i));
      names.push(name);
    }
    dirSector = nextSector(dirSector);
  }
  return names.length ? names : null;
}

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

function utf16le(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) out.push(text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8);
  return out;
}

function indexOfBytes(haystack: Uint8Array, needle: readonly number[]): number {
  const first = needle[0];
  const last = haystack.length - needle.length;
  for (let i = haystack.indexOf(first); i >= 0 && i <= last; i = haystack.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && haystack[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}
