/**
 * The `Data Dukung` sheet (docs/spec/iid.md): one row per piece of evidence. Found and read like
 * `Inovasi` (aliases, header search, value forms), except that three matching headers make a
 * header row, a `No` column is accepted, and every dash character counts as `-`. Parsing never
 * makes a finding: the IID rules (iid/rules.ts) judge what is read here.
 */
import { CellValue, SheetGrid, WorkbookGrid, isDateCell, isNoResultCell } from '../grid';
import { EnumOption } from '../schema';
import { normalise } from '../text';
import {
  EMPTY,
  NO_RESULT,
  Parsed,
  cellText,
  isEmptyCell,
  parseDate,
  parseEnum,
  parseText,
  parseUrl,
} from '../values';
import { Iid, IidIndikator } from './model';

export const SHEET_DATA_DUKUNG = 'Data Dukung';
export const SHEET_DATA_DUKUNG_ALIASES: readonly string[] = ['Bukti Dukung', 'Data Pendukung'];

export const VERIFIKASI = ['Sesuai', 'Perlu Perbaikan', 'Tidak Sesuai'] as const;
export type Verifikasi = (typeof VERIFIKASI)[number];

export const EVIDENCE_KEYS = [
  'no',
  'inovasi',
  'indikator',
  'tingkat',
  'nomor',
  'tanggal',
  'tentang',
  'tautan',
  'catatanOpd',
  'verifikasi',
  'catatanVerifikator',
] as const;
export type EvidenceKey = (typeof EVIDENCE_KEYS)[number];

export interface EvidenceColumn {
  readonly key: EvidenceKey;
  readonly label: string;
  readonly aliases: readonly string[];
  /** Absent column → IID-02 (a warning on this sheet, never STR-02). */
  readonly requiredColumn: boolean;
  /** Help text for the template's input message (Indonesian). */
  readonly help: string;
}

/** The sheet's columns in spec order (`No` first: accepted, never required). */
export const EVIDENCE_COLUMNS: readonly EvidenceColumn[] = [
  {
    key: 'no',
    label: 'No',
    aliases: ['Nomor Urut', 'No Urut'],
    requiredColumn: false,
    help: 'Nomor urut (boleh dikosongkan).',
  },
  {
    key: 'inovasi',
    label: 'Nama Inovasi',
    aliases: ['Inovasi', 'No Inovasi'],
    requiredColumn: true,
    help: 'Nama inovasi persis seperti di lembar Inovasi (pilih dari daftar).',
  },
  {
    key: 'indikator',
    label: 'Indikator',
    aliases: ['Indikator IID'],
    requiredColumn: true,
    help: 'Indikator IID (pilih dari daftar; nama, kode atau nomor).',
  },
  {
    key: 'tingkat',
    label: 'Tingkat',
    aliases: ['Level', 'Parameter'],
    requiredColumn: true,
    help: 'Tingkat 1, 2 atau 3 (lihat lembar Petunjuk IID).',
  },
  {
    key: 'nomor',
    label: 'Nomor Dokumen',
    aliases: ['Nomor Surat', 'Nomor'],
    requiredColumn: false,
    help: 'Nomor dokumen bukti (isi ini atau Tautan Bukti).',
  },
  {
    key: 'tanggal',
    label: 'Tanggal Dokumen',
    aliases: ['Tanggal Surat'],
    requiredColumn: false,
    help: 'Tanggal dokumen (HH/BB/TTTT).',
  },
  {
    key: 'tentang',
    label: 'Tentang',
    aliases: ['Perihal', 'Judul Dokumen'],
    requiredColumn: false,
    help: 'Perihal atau judul dokumen.',
  },
  {
    key: 'tautan',
    label: 'Tautan Bukti',
    aliases: ['Tautan', 'Link'],
    requiredColumn: false,
    help: 'Tautan http(s) ke dokumen bukti.',
  },
  {
    key: 'catatanOpd',
    label: 'Catatan OPD',
    aliases: ['Keterangan'],
    requiredColumn: false,
    help: 'Catatan perangkat daerah.',
  },
  {
    key: 'verifikasi',
    label: 'Status Verifikasi',
    aliases: ['Verifikasi'],
    requiredColumn: false,
    help: 'Diisi verifikator: Sesuai, Perlu Perbaikan, atau Tidak Sesuai.',
  },
  {
    key: 'catatanVerifikator',
    label: 'Catatan Verifikator',
    aliases: [],
    requiredColumn: false,
    help: 'Diisi verifikator.',
  },
];

export const EVIDENCE_COLUMN_BY_KEY = Object.fromEntries(EVIDENCE_COLUMNS.map((c) => [c.key, c])) as Readonly<
  Record<EvidenceKey, EvidenceColumn>
>;

/** Three matching headers make a header row on this sheet (five on Inovasi). */
export const EVIDENCE_HEADER_MATCHES = 3;

const DASHES = /[\u2010-\u2015\u2212]/g;

/** `normalise` with every dash character (–, —, ‒, −, …) read as `-` (docs/spec/iid.md). */
export function normaliseIid(text: string): string {
  return normalise(text.replace(DASHES, '-'));
}

const LABELS = new Map<string, EvidenceKey>();
for (const c of EVIDENCE_COLUMNS) for (const l of [c.label, ...c.aliases]) LABELS.set(normaliseIid(l), c.key);

const VERIFIKASI_OPTIONS: readonly EnumOption[] = VERIFIKASI.map((value) => ({ value, aliases: [] }));

/**
 * A parsed value as stored: a bare string or number is a value that parsed; an object is empty or
 * a failure (shared frozen objects, `bad` with the rule of the value form it broke). 6,000 evidence
 * rows × 11 columns per workbook: no object per cell.
 */
export type EvidenceSlot = string | number | Parsed<never> | typeof EMPTY;

export interface EvidenceRow {
  /** 1-based worksheet row. */
  readonly row: number;
  /** Values as read, in EVIDENCE_KEYS order. */
  readonly raw: readonly CellValue[];
  /** Parsed values, in EVIDENCE_KEYS order. */
  readonly parsed: readonly EvidenceSlot[];
}

/** Each key's position in a row's arrays. */
export const EV: Readonly<Record<EvidenceKey, number>> = Object.fromEntries(
  EVIDENCE_KEYS.map((k, i) => [k, i]),
) as Record<EvidenceKey, number>;

/** A cell's value as read. */
export const evRaw = (row: EvidenceRow, key: EvidenceKey): CellValue => row.raw[EV[key]];

/** A cell's canonical value when it parsed, else null. */
export function evValue(row: EvidenceRow, key: EvidenceKey): string | number | null {
  const slot = row.parsed[EV[key]];
  return typeof slot === 'object' ? null : slot;
}

/** Did the cell parse, is it empty, or did it fail? */
export function evKind(row: EvidenceRow, key: EvidenceKey): 'ok' | 'empty' | 'bad' {
  const slot = row.parsed[EV[key]];
  return typeof slot === 'object' ? (slot.kind as 'empty' | 'bad') : 'ok';
}

export interface EvidenceSheet {
  readonly sheet: string;
  /** 1-based header row, or null when no row among the first `headerSearchRows` has three known headers. */
  readonly headerRow: number | null;
  /** Column key → 0-based sheet column (the first header that maps to it). */
  readonly columns: ReadonlyMap<EvidenceKey, number>;
  /** Later headers mapping to a key already taken: 0-based column and the header text. */
  readonly doubled: readonly { readonly key: EvidenceKey; readonly col: number; readonly text: string }[];
  readonly rows: readonly EvidenceRow[];
}

/** The `Data Dukung` sheet by name or alias (case and spacing ignored), or undefined. */
export function findEvidenceSheet(grid: WorkbookGrid): SheetGrid | undefined {
  const names = new Set([SHEET_DATA_DUKUNG, ...SHEET_DATA_DUKUNG_ALIASES].map(normaliseIid));
  return grid.sheets.find((s) => names.has(normaliseIid(s.name)));
}

function findHeader(sheet: SheetGrid, searchRows: number): number | null {
  const limit = Math.min(searchRows, sheet.rows.length);
  for (let r = 0; r < limit; r++) {
    let matches = 0;
    for (const v of sheet.rows[r] ?? [])
      if (typeof v === 'string' && LABELS.has(normaliseIid(v)) && ++matches >= EVIDENCE_HEADER_MATCHES)
        return r;
  }
  return null;
}

/** An indicator by `nama`, `kode` or `no` (normalised; a number or digits for `no`); each text judged once. */
export function indicatorMatcher(iid: Iid | undefined): (raw: CellValue) => IidIndikator | null {
  const byText = new Map<string, IidIndikator | null>();
  for (const i of iid?.indikator ?? []) {
    byText.set(normaliseIid(i.nama), i);
    byText.set(normaliseIid(i.kode), i);
    byText.set(String(i.no), i);
  }
  const seen = new Map<string, IidIndikator | null>();
  return (raw) => {
    if (isEmptyCell(raw)) return null;
    const text = cellText(raw);
    let found = seen.get(text);
    if (found === undefined) {
      found = byText.get(normaliseIid(text)) ?? null;
      if (seen.size < 10_000) seen.set(text, found);
    }
    return found;
  };
}

/** A level: a whole number 1–3, or one of the indicator's three labels; null otherwise. */
export function levelOf(raw: CellValue, indikator: IidIndikator | null): 1 | 2 | 3 | null {
  if (raw === 1 || raw === 2 || raw === 3) return raw;
  const text = normaliseIid(cellText(raw));
  const n = typeof raw === 'number' ? raw : /^\d+$/.test(text) ? Number(text) : NaN;
  if (n === 1 || n === 2 || n === 3) return n;
  if (!indikator) return null;
  const at = indikator.tingkat.findIndex((label) => normaliseIid(label) === text);
  return at < 0 ? null : ((at + 1) as 1 | 2 | 3);
}

const INVALID: Parsed<never> = Object.freeze({ kind: 'bad', rule: 'IID-02' }) as Parsed<never>;

const slotOf = (p: Parsed<string | number>): EvidenceSlot =>
  p.kind === 'ok' ? p.value : (p as Parsed<never>);

/** Values read once per sheet: date cells by serial, verification words by text (each map bounded). */
interface ReadOnce {
  readonly dates: Map<number, EvidenceSlot>;
  readonly verifikasi: Map<string, EvidenceSlot>;
}

/** One cell in its canonical form (text trimmed, indicator → its kode, level → 1–3, dates ISO). */
function parseEvidenceCell(
  key: EvidenceKey,
  raw: CellValue,
  findIndikator: (raw: CellValue) => IidIndikator | null,
  rowIndikator: IidIndikator | null,
  seen: ReadOnce,
): EvidenceSlot {
  if (raw === null) return EMPTY;
  if (isNoResultCell(raw)) return NO_RESULT;
  if (isEmptyCell(raw)) return EMPTY;
  switch (key) {
    case 'indikator': {
      const i = findIndikator(raw);
      return i ? i.kode : INVALID;
    }
    case 'tingkat':
      return levelOf(raw, rowIndikator) ?? INVALID;
    case 'tanggal': {
      // A date cell's value depends on its serial alone, and evidence dates repeat: each read once.
      if (!isDateCell(raw)) return slotOf(parseDate(raw));
      let slot = seen.dates.get(raw.serial);
      if (slot === undefined) {
        slot = slotOf(parseDate(raw));
        if (seen.dates.size < 10_000) seen.dates.set(raw.serial, slot);
      }
      return slot;
    }
    case 'tautan':
      return slotOf(parseUrl(raw));
    case 'verifikasi': {
      // The verifier writes one of three words over and over: each text is read once.
      if (typeof raw !== 'string') return slotOf(parseEnum(raw, VERIFIKASI_OPTIONS));
      let slot = seen.verifikasi.get(raw);
      if (slot === undefined) {
        slot = slotOf(parseEnum(raw.replace(DASHES, '-'), VERIFIKASI_OPTIONS));
        if (seen.verifikasi.size < 10_000) seen.verifikasi.set(raw, slot);
      }
      return slot;
    }
    default:
      // Text columns: a string is its trimmed self (no result object); anything else as parseText reads it.
      return typeof raw === 'string' ? raw.trim() : slotOf(parseText(raw));
  }
}

/** Reads the `Data Dukung` sheet, or returns null when the workbook has none. */
export function parseEvidenceSheet(
  grid: WorkbookGrid,
  iid: Iid | undefined,
  headerSearchRows: number,
): EvidenceSheet | null {
  const sheet = findEvidenceSheet(grid);
  if (!sheet) return null;
  const header = findHeader(sheet, headerSearchRows);
  if (header === null)
    return { sheet: sheet.name, headerRow: null, columns: new Map(), doubled: [], rows: [] };
  const columns = new Map<EvidenceKey, number>();
  const doubled: { key: EvidenceKey; col: number; text: string }[] = [];
  (sheet.rows[header] ?? []).forEach((v, c) => {
    if (typeof v !== 'string') return;
    const key = LABELS.get(normaliseIid(v));
    if (!key) return; // other columns (the OPD's own notes) are left alone
    if (columns.has(key)) doubled.push({ key, col: c, text: v.trim() });
    else columns.set(key, c);
  });
  const known = [...columns.values()];
  const layout = EVIDENCE_KEYS.map((k) => columns.get(k) ?? -1);
  const indikatorAt = EV.indikator;
  const findIndikator = indicatorMatcher(iid);
  const seen: ReadOnce = { dates: new Map(), verifikasi: new Map() };
  const rows: EvidenceRow[] = [];
  for (let r = header + 1; r < sheet.rows.length; r++) {
    const line = sheet.rows[r];
    if (!line) continue;
    let content = false;
    for (let k = 0; k < known.length && !content; k++) content = !isEmptyCell(line[known[k]] ?? null);
    if (!content) continue;
    const raw = new Array<CellValue>(EVIDENCE_KEYS.length);
    for (let k = 0; k < layout.length; k++) raw[k] = layout[k] < 0 ? null : (line[layout[k]] ?? null);
    const rowIndikator = findIndikator(raw[indikatorAt]);
    const parsed = new Array<EvidenceSlot>(EVIDENCE_KEYS.length);
    for (let k = 0; k < EVIDENCE_KEYS.length; k++)
      parsed[k] = parseEvidenceCell(EVIDENCE_KEYS[k], raw[k], findIndikator, rowIndikator, seen);
    rows.push({ row: r + 1, raw, parsed });
  }
  return { sheet: sheet.name, headerRow: header + 1, columns, doubled, rows };
}

/** The canonical value of an evidence cell for the content hash: parsed form, else trimmed text, else null. */
export function evidenceCanonical(row: EvidenceRow, at: number): string | number | null {
  const slot = row.parsed[at];
  if (typeof slot !== 'object') return slot;
  return slot.kind === 'bad' ? cellText(row.raw[at]) : null;
}
