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
  if (isBiffStream(bytes)) return failure('legacyXls');
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return { ok: true, format: 'zip' };
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return failure('notXlsx', 'PDF');
  const textKind = sniffTextKind(bytes);
  return textKind ? failure('notXlsx', textKind) : failure('notXlsx');
}

/**
 * A BIFF2–BIFF4 file (Excel 2.x–4.0, saved without the OLE container; BIFF5 as a bare stream too):
 * a BOF record first, type `09 00`, `09 02`, `09 04` or `09 08`, its length 4–16 bytes, then a
 * sub-stream type (worksheet 0x10, chart 0x20, macro sheet 0x40, workbook 0x100, or BIFF2's).
 */
function isBiffStream(bytes: Uint8Array): boolean {
  if (bytes.length < 8 || bytes[0] !== 0x09 || ![0x00, 0x02, 0x04, 0x08].includes(bytes[1])) return false;
  const length = u16(bytes, 2);
  return length >= 4 && length <= 16 && bytes[3] === 0;
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
  const directory = compoundFileDirectory(bytes);
  if (directory) {
    const names = directory.entries.map((e) => e.name);
    if (names.some((n) => ENCRYPTION_STREAMS.includes(n))) return true;
    // A legacy .xls encrypted with a password keeps its streams but puts FILEPASS in the workbook's globals.
    const workbook = directory.entries.find((e) => e.name === 'Workbook' || e.name === 'Book');
    return workbook !== undefined && hasFilePass(directory.streamStart(workbook));
  }
  // The directory could not be walked (a truncated or odd file): fall back to spotting the names.
  return ENCRYPTION_STREAMS.some((n) => indexOfBytes(bytes, utf16le(n)) >= 0);
}

const END_OF_CHAIN = 0xfffffffe;
const DIR_ENTRY_BYTES = 128;
const HEADER_DIFAT_SLOTS = 109;

interface DirectoryEntry {
  readonly name: string;
  readonly type: number;
  readonly startSector: number;
  readonly size: number;
}

interface CompoundDirectory {
  readonly entries: DirectoryEntry[];
  /** The first bytes of a stream that can be read without following its chain (one sector or mini sector). */
  streamStart(entry: DirectoryEntry): Uint8Array;
}

const FILEPASS = 0x002f;
const BIFF_EOF = 0x000a;
const BOF_TYPES = [0x0809, 0x0409, 0x0209, 0x0009];

/**
 * Whether the BIFF records at the start of a workbook stream include FILEPASS (the workbook is
 * encrypted with a password; MS-XLS 2.4.117 puts it right after the globals' BOF). Records are
 * walked within the bytes given, up to the first EOF.
 */
function hasFilePass(start: Uint8Array): boolean {
  if (start.length < 4 || !BOF_TYPES.includes(u16(start, 0))) return false;
  for (let at = 0; at + 4 <= start.length;) {
    const type = u16(start, at);
    if (type === FILEPASS) return true;
    if (type === BIFF_EOF) return false;
    at += 4 + u16(start, at + 2);
  }
  return false;
}

/**
 * The entries of an OLE compound file's directory (MS-CFB), or null when the file's structure
 * does not hold together. Every loop is bounded by the number of sectors in the file.
 */
function compoundFileDirectory(bytes: Uint8Array): CompoundDirectory | null {
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

  const entries: DirectoryEntry[] = [];
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
      entries.push({ name, type, startSector: u32(bytes, base + e + 116), size: u32(bytes, base + e + 120) });
    }
    dirSector = nextSector(dirSector);
  }
  if (!entries.length) return null;

  const miniCutoff = u32(bytes, 0x38);
  const sectorBytes = (id: number) =>
    validSector(id)
      ? bytes.subarray(sectorOffset(id), Math.min(bytes.length, sectorOffset(id) + sectorSize))
      : new Uint8Array(0);
  const streamStart = (entry: DirectoryEntry): Uint8Array => {
    if (entry.size >= miniCutoff) return sectorBytes(entry.startSector).subarray(0, entry.size);
    // A small stream lives in the mini stream (the root entry's chain) in 64-byte mini sectors.
    const root = entries.find((x) => x.type === 5);
    if (!root) return new Uint8Array(0);
    const miniSize = 1 << u16(bytes, 0x20);
    const offset = entry.startSector * miniSize;
    let sector = root.startSector;
    for (let skip = Math.floor(offset / sectorSize), guard = 0; skip > 0 && sector < END_OF_CHAIN; skip--) {
      if (guard++ > sectorCount) return new Uint8Array(0);
      sector = nextSector(sector);
    }
    if (sector >= END_OF_CHAIN) return new Uint8Array(0);
    const within = offset % sectorSize;
    return sectorBytes(sector).subarray(within, within + Math.min(miniSize, entry.size));
  };
  return { entries, streamStart };
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
