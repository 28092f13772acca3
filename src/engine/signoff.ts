/**
 * The tiered sign-off and the schedule (docs/spec/signoff.md): reading `_stempel` (version 1 and 2),
 * the chain status, the schedule words per level, which level may act next, and the rows a new
 * stamp or return adds. Pure functions over plain data: the command line and the add-in share them.
 *
 * Calendar days are counted in the region's time zone with `Intl.DateTimeFormat` (plain JavaScript,
 * no Node API), so a stamp written at 2026-03-31T17:00Z is 1 April in Bitung (WITA, UTC+8).
 */
import { CellValue, WorkbookGrid, isDateCell } from './grid';
import { findSheet } from './parse';
import { Jadwal, TingkatPersetujuan } from './reference/model';
import { SHEET_STEMPEL } from './schema';
import { ownValue } from './own';
import { normalise } from './text';
import { cellText } from './values';
import type { Lang } from './messages';

// ---------------------------------------------------------------------------------------------
// The `_stempel` sheet

/** Header of a version-2 `_stempel` sheet, in column order. */
export const STEMPEL_HEADER = [
  'Tingkat',
  'Versi',
  'Hash Isi',
  'Waktu',
  'Versi Aturan',
  'Referensi',
  'Alat',
  'Galat',
  'Peringatan',
  'Diterima',
  'Oleh',
  'Jabatan',
  'Catatan',
] as const;

/** `Tingkat` of a return row: `<level>:kembali`. */
export const KEMBALI_SUFFIX = ':kembali';

/** One stamp (or return) as read from `_stempel`. */
export interface StempelRow {
  /** The level key (without `:kembali`). A version-1 stamp reads as `penyusun`. */
  readonly tingkat: string;
  /** A return for revision (`<level>:kembali`). */
  readonly kembali: boolean;
  /** 1 for the label/value sheet of docs/spec/audit.md, 2 for a row of the chain sheet. */
  readonly versi: 1 | 2;
  readonly hashIsi: string;
  /** As written (ISO date-time, UTC); null when empty. */
  readonly waktu: string | null;
  readonly versiAturan: string | null;
  readonly referensi: string | null;
  readonly alat: string | null;
  readonly galat: number | null;
  readonly peringatan: number | null;
  readonly diterima: number | null;
  readonly oleh: string | null;
  readonly jabatan: string | null;
  readonly catatan: string | null;
  /** 1-based worksheet row; null for a version-1 stamp. */
  readonly row: number | null;
}

export interface StempelSheet {
  /** null: no `_stempel` sheet, or one without a stamp. */
  readonly versi: 1 | 2 | null;
  /** In sheet order (which is time order: the sheet is append-only). */
  readonly rows: readonly StempelRow[];
}

export const NO_STEMPEL: StempelSheet = { versi: null, rows: [] };

const text = (v: CellValue | undefined): string | null => cellText(v ?? null).trim() || null;
const count = (v: CellValue | undefined): number | null => {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  const t = text(v);
  return t !== null && /^-?\d+$/.test(t) ? Number(t) : null;
};

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** `Waktu` as text: an Excel date-time cell (someone retyped it) becomes ISO UTC. */
function waktuText(v: CellValue | undefined): string | null {
  if (v !== undefined && v !== null && isDateCell(v)) {
    const d = new Date(EXCEL_EPOCH_UTC + Math.round(v.serial * MS_PER_DAY));
    return Number.isNaN(d.getTime()) ? null : d.toISOString().replace('.000Z', 'Z');
  }
  return text(v);
}

/** Reads `_stempel`: a version-2 chain sheet (header `Tingkat` …), or a version-1 label/value sheet as one `penyusun` stamp. */
export function readStempel(grid: WorkbookGrid): StempelSheet {
  const sheet = findSheet(grid, SHEET_STEMPEL);
  if (!sheet) return NO_STEMPEL;
  const header = sheet.rows[0] ?? [];
  if (normalise(cellText(header[0] ?? null)) === normalise('Tingkat')) {
    const at = new Map<string, number>();
    header.forEach((h, c) => {
      const key = normalise(cellText(h ?? null));
      if (key && !at.has(key)) at.set(key, c);
    });
    const col = (label: string) => at.get(normalise(label)) ?? -1;
    const cols = Object.fromEntries(STEMPEL_HEADER.map((h) => [h, col(h)])) as Record<
      (typeof STEMPEL_HEADER)[number],
      number
    >;
    const rows: StempelRow[] = [];
    sheet.rows.forEach((cells, r) => {
      if (r === 0 || !cells) return;
      const get = (h: (typeof STEMPEL_HEADER)[number]) => (cols[h] < 0 ? null : (cells[cols[h]] ?? null));
      const tingkatText = text(get('Tingkat'));
      if (tingkatText === null) return; // a blank row
      const kembali = tingkatText.toLowerCase().endsWith(KEMBALI_SUFFIX);
      rows.push({
        tingkat: kembali ? tingkatText.slice(0, -KEMBALI_SUFFIX.length).trim() : tingkatText,
        kembali,
        versi: 2,
        hashIsi: text(get('Hash Isi')) ?? '',
        waktu: waktuText(get('Waktu')),
        versiAturan: text(get('Versi Aturan')),
        referensi: text(get('Referensi')),
        alat: text(get('Alat')),
        galat: count(get('Galat')),
        peringatan: count(get('Peringatan')),
        diterima: count(get('Diterima')),
        oleh: text(get('Oleh')),
        jabatan: text(get('Jabatan')),
        catatan: text(get('Catatan')),
        row: r + 1,
      });
    });
    return { versi: 2, rows };
  }
  // Version 1 (docs/spec/audit.md): label in column A, value in column B.
  const map = new Map<string, CellValue>();
  for (const row of sheet.rows) {
    if (!row) continue;
    const label = cellText(row[0] ?? null)
      .trim()
      .toLowerCase();
    if (label && !map.has(label)) map.set(label, row[1] ?? null);
  }
  const hash = text(map.get('contenthash'));
  if (!hash) return NO_STEMPEL;
  return {
    versi: 1,
    rows: [
      {
        tingkat: 'penyusun',
        kembali: false,
        versi: 1,
        hashIsi: hash,
        waktu: waktuText(map.get('waktu')),
        versiAturan: text(map.get('versiaturan')),
        referensi: text(map.get('referensi')),
        alat: text(map.get('alat')),
        galat: count(map.get('galat')),
        peringatan: count(map.get('peringatan')),
        diterima: count(map.get('diterima')),
        oleh: text(map.get('oleh')),
        jabatan: text(map.get('jabatan')),
        catatan: null,
        row: null,
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Time

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar day `YYYY-MM-DD` whose year has four digits (1000–9999) and that exists. Only
 * `calendarDay` and `dayInZone` make one, so day arithmetic never meets a year of three or five
 * digits (a stamp dated `0999-…` or in year 10000 once crashed every reader of the workbook).
 */
export type CalendarDay = string & { readonly __calendarDay: unique symbol };

/** `text` as a CalendarDay, or null when it is not a real day of the years 1000–9999. */
export function calendarDay(text: string): CalendarDay | null {
  const m = ISO_DAY.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1000) return null;
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d
    ? (text as CalendarDay)
    : null;
}

/** Milliseconds of a `Waktu`, or null when it is not a date-time (or date) JavaScript can read. */
export function instant(waktu: string | null): number | null {
  if (!waktu) return null;
  const t = waktu.trim();
  // The date part must be a day that exists, of the years 1000–9999 (V8 reads `2026-02-30` as 2 March).
  if (calendarDay(t.slice(0, 10)) === null) return null;
  // `Waktu` is UTC (docs/spec/signoff.md): a date-time written without an offset is read as UTC, never as the machine's zone.
  const ms = Date.parse(/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(t) ? `${t}Z` : t);
  return Number.isNaN(ms) ? null : ms;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** The largest time value a JavaScript Date holds (±100,000,000 days from 1970). */
const MAX_TIME = 8.64e15;

/** The calendar day of an instant in an IANA time zone; null when it falls outside the years 1000–9999. */
export function dayInZone(ms: number, zone: string): CalendarDay | null {
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_TIME) return null;
  let f = dayFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      era: 'short',
      hourCycle: 'h23',
    });
    dayFormats.set(zone, f);
  }
  const parts = new Map(f.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  // A day before year 1 is written with era BC and a positive year: refused like any other out-of-range year.
  if (parts.get('era') !== 'AD') return null;
  return calendarDay(`${parts.get('year')}-${parts.get('month')}-${parts.get('day')}`);
}

/** The calendar day of a `Waktu` in the zone: a bare date is that day; a date-time is converted; else null. */
export function localDay(waktu: string | null, zone: string): CalendarDay | null {
  if (!waktu) return null;
  if (ISO_DAY.test(waktu.trim())) return calendarDay(waktu.trim());
  const ms = instant(waktu);
  return ms === null ? null : dayInZone(ms, zone);
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A `Waktu` (UTC) as a person reads it: the local date and time in the region's zone,
 * `2026-11-28 09:00` — never raw ISO; a bare date stays as it is, an unreadable text as written.
 */
export function localDateTime(waktu: string | null, zone: string): string {
  if (!waktu) return '—';
  if (ISO_DAY.test(waktu.trim())) return waktu.trim();
  const ms = instant(waktu);
  if (ms === null) return waktu;
  let f = dateTimeFormats.get(zone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      return waktu; // an unknown zone: the reference check refuses it, but never fail a display
    }
    dateTimeFormats.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** Today in the zone (the command line's default validation date). */
export function todayInZone(zone: string, now: Date = new Date()): CalendarDay {
  const day = dayInZone(now.getTime(), zone);
  if (day === null) throw new Error(`The clock reads ${now.toISOString()}, outside the years 1000–9999.`);
  return day;
}

/** Days since 1970-01-01 of a CalendarDay (its shape is guaranteed by the type). */
const epochDay = (d: CalendarDay): number =>
  Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / MS_PER_DAY;

/** Whole calendar days from `a` to `b`; positive when b is later. */
export function daysBetween(a: CalendarDay, b: CalendarDay): number {
  return Math.round(epochDay(b) - epochDay(a));
}

// ---------------------------------------------------------------------------------------------
// The chain

export type LevelStatus = 'valid' | 'changed' | 'none' | 'outOfOrder';

export interface ChainLevel {
  readonly level: TingkatPersetujuan;
  readonly status: LevelStatus;
  /** The latest stamp row of this level (returns aside), or null. */
  readonly row: StempelRow | null;
}

export interface ChainStatus {
  /** One entry per level, in level order. */
  readonly levels: readonly ChainLevel[];
  /** The reached level: the last of the unbroken run of valid levels from the first; null when the first is not valid. */
  readonly tingkat: string | null;
  /** Returned for revision and not answered (a return row later than every first-level stamp and every valid stamp). */
  readonly dikembalikan: boolean;
  /** The latest return row, when `dikembalikan`. */
  readonly kembali: StempelRow | null;
  /** The latest stamp of some level has a hash other than the current content's. */
  readonly berubah: boolean;
  /** Rows set aside: of a level the reference does not define, or (given the validation date) that the tool could never have written. Ignored by the chain; shown to auditors. */
  readonly unknown: readonly StempelRow[];
  /**
   * Rows the tool itself could never have written (docs/spec/signoff.md, "Rows set aside"): they count for
   * nothing, like unknown-level rows, and are listed with the reason.
   */
  readonly setAside: readonly SetAside[];
  /** The sheet's version (null: no stamp at all). */
  readonly versi: 1 | 2 | null;
}

const bareHash = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/^sha256:/, '');

export function sameHash(a: string, b: string | null): boolean {
  return b !== null && bareHash(a) !== '' && bareHash(a) === bareHash(b);
}

/** Why a `_stempel` row counts for nothing. */
export type SetAsideReason = 'waktuUnreadable' | 'before2000' | 'future' | 'openErrors' | 'noNote';

export interface SetAside {
  readonly row: StempelRow;
  readonly reason: SetAsideReason;
}

/** The validation date and the region's zone: with them, stamps dated after the validation date are set aside too. */
export interface ChainDate {
  /** Validation date `YYYY-MM-DD`, a day in `zone`. */
  readonly today: string;
  readonly zone: string;
}

const YEAR_2000 = Date.UTC(2000, 0, 1);
/** A stamp may be dated up to one day after the validation date (clocks that run ahead, zones). */
const CLOCK_TOLERANCE_DAYS = 1;

/** Why a row of a defined level cannot have been written by the tool, or null when it may have been. */
function setAsideReason(
  row: StempelRow,
  ms: number | null,
  when: ChainDate | undefined,
): SetAsideReason | null {
  if (ms === null) return 'waktuUnreadable';
  if (ms < YEAR_2000) return 'before2000';
  if (when) {
    const today = calendarDay(when.today);
    const day = localDay(row.waktu, when.zone);
    if (today !== null && (day === null || daysBetween(today, day) > CLOCK_TOLERANCE_DAYS)) return 'future';
  }
  if (row.kembali) return row.catatan === null ? 'noNote' : null;
  return row.galat !== null && row.galat > 0 ? 'openErrors' : null;
}

interface Placed {
  readonly row: StempelRow;
  readonly index: number;
  readonly ms: number | null;
}

/** Time order: by `Waktu` when both can be read, else by sheet order (the sheet is append-only). */
function compare(a: Placed, b: Placed): number {
  if (a.ms !== null && b.ms !== null && a.ms !== b.ms) return a.ms - b.ms;
  return a.index - b.index;
}

/**
 * The chain of a workbook (docs/spec/signoff.md, "The chain and its status") from its `_stempel` rows, the
 * reference's levels and the current content hash (null: no content to compare).
 */
export function chainStatus(
  sheet: StempelSheet,
  levels: readonly TingkatPersetujuan[],
  hash: string | null,
  when?: ChainDate,
): ChainStatus {
  const keys = levels.map((l) => l.kunci);
  const first = keys[0];
  const latest = new Map<string, Placed>();
  let lastReturn: Placed | null = null;
  const unknown: StempelRow[] = [];
  const setAside: SetAside[] = [];
  sheet.rows.forEach((row, index) => {
    const p: Placed = { row, index, ms: instant(row.waktu) };
    // A version-1 stamp is the first level's, whatever the reference calls it.
    const key = row.versi === 1 ? first : row.tingkat;
    const at = keys.indexOf(key);
    if (at < 0 || (row.kembali && at === 0)) {
      unknown.push(row);
      return;
    }
    const reason = setAsideReason(row, p.ms, when);
    if (reason !== null) {
      setAside.push({ row, reason });
      return;
    }
    if (row.kembali) {
      if (!lastReturn || compare(p, lastReturn) >= 0) lastReturn = p;
      return;
    }
    const current = latest.get(key);
    if (!current || compare(p, current) >= 0) latest.set(key, p);
  });

  const out: ChainLevel[] = [];
  const valid: Placed[] = [];
  let prev: { status: LevelStatus; placed: Placed | null } | null = null;
  for (const level of levels) {
    const placed = latest.get(level.kunci) ?? null;
    let status: LevelStatus;
    if (!placed) status = 'none';
    else if (!sameHash(placed.row.hashIsi, hash)) status = 'changed';
    else if (prev === null) status = 'valid';
    else
      status =
        prev.status === 'valid' && prev.placed && compare(prev.placed, placed) <= 0 ? 'valid' : 'outOfOrder';
    if (status === 'valid') valid.push(placed!);
    out.push({ level, status, row: placed?.row ?? null });
    prev = { status, placed };
  }

  let tingkat: string | null = null;
  for (const l of out) {
    if (l.status !== 'valid') break;
    tingkat = l.level.kunci;
  }
  // docs/spec/signoff.md (revised 2026-12-07): returned while the return is later than every first-level
  // stamp, valid or not, and than every valid stamp. A new first-level stamp answers the return for
  // good: a re-signed chain that is edited later reads as changed, not returned again.
  const ret = lastReturn as Placed | null;
  const firstStamp = latest.get(first) ?? null;
  const dikembalikan =
    ret !== null &&
    (firstStamp === null || compare(firstStamp, ret) < 0) &&
    valid.every((v) => compare(v, ret) < 0);
  const berubah = [...latest.values()].some((p) => !sameHash(p.row.hashIsi, hash));
  return {
    levels: out,
    tingkat,
    dikembalikan,
    kembali: dikembalikan ? ret!.row : null,
    berubah,
    unknown,
    setAside,
    versi: sheet.versi,
  };
}

/** The chain of a workbook with no stamp (an OPD that sent nothing, an unreadable file). */
export function emptyChain(levels: readonly TingkatPersetujuan[]): ChainStatus {
  return chainStatus(NO_STEMPEL, levels, null);
}

/** The first level's status, as the version-1 `stamp` field reports it (`valid`, `changed`, `none`). */
export function firstLevelStamp(chain: ChainStatus): 'valid' | 'changed' | 'none' {
  const s = chain.levels[0]?.status ?? 'none';
  return s === 'outOfOrder' ? 'changed' : s;
}

/** A sign-off level's label in `lang` (the reference holds both: `label`, `labelEn`). */
export function levelLabel(level: TingkatPersetujuan, lang: Lang): string {
  return lang === 'en' ? level.labelEn : level.label;
}

/** The word of `Tingkat Persetujuan` (Rekap OPD, audit CSV): `Dikembalikan`, `Berubah`, the reached level's label, or `Belum Distempel`. */
type ChainWord = 'dikembalikan' | 'berubah' | 'none';
const CHAIN_WORDS: Readonly<Record<Lang, Readonly<Record<ChainWord, string>>>> = {
  id: { dikembalikan: 'Dikembalikan', berubah: 'Berubah', none: 'Belum Distempel' },
  en: { dikembalikan: 'Returned', berubah: 'Changed', none: 'Not stamped' },
};

export function chainWord(chain: ChainStatus, lang: Lang = 'id'): string {
  if (chain.dikembalikan) return CHAIN_WORDS[lang].dikembalikan;
  if (chain.berubah) return CHAIN_WORDS[lang].berubah;
  const reached = chain.levels.find((l) => l.level.kunci === chain.tingkat);
  if (reached) return levelLabel(reached.level, lang);
  return CHAIN_WORDS[lang].none;
}

// ---------------------------------------------------------------------------------------------
// What may happen next (the add-in's buttons)

export interface NextSignoff {
  /** The level whose turn it is (after a return: the first level again); null when every level is valid. */
  readonly level: TingkatPersetujuan | null;
  /** That level may stamp now: the last validation has no open error and nothing was edited since (`ready`). */
  readonly mayStamp: boolean;
  /** That level may return the submission instead (levels above the first, not already returned). */
  readonly mayReturn: boolean;
}

/**
 * Which level may act next. `ready`: the last validation of the open workbook has no open error and
 * nothing was edited since (docs/spec/audit.md's condition for the single stamp, unchanged).
 */
export function nextSignoff(chain: ChainStatus, ready: boolean): NextSignoff {
  const levels = chain.levels.map((l) => l.level);
  let index: number;
  if (chain.dikembalikan) index = 0;
  else if (chain.tingkat === null) index = 0;
  else index = levels.findIndex((l) => l.kunci === chain.tingkat) + 1;
  const level = index < levels.length ? levels[index] : null;
  return {
    level,
    mayStamp: level !== null && ready,
    mayReturn: level !== null && index > 0 && !chain.dikembalikan,
  };
}

// ---------------------------------------------------------------------------------------------
// Writing (the add-in writes; the command line never does)

/** A stamp or a return about to be written. */
export interface NewStempel {
  readonly tingkat: string;
  /** A return for revision: `Catatan` is then mandatory. */
  readonly kembali?: boolean;
  readonly hashIsi: string;
  /** ISO date-time, UTC. */
  readonly waktu: string;
  readonly versiAturan: string;
  readonly referensi: string;
  readonly alat: string;
  readonly galat: number;
  readonly peringatan: number;
  readonly diterima: number;
  readonly oleh: string;
  readonly jabatan?: string;
  readonly catatan?: string;
}

export type StempelCell = string | number;

function rowCells(r: Omit<StempelRow, 'row' | 'versi' | 'kembali'> & { kembali: boolean }): StempelCell[] {
  return [
    r.kembali ? `${r.tingkat}${KEMBALI_SUFFIX}` : r.tingkat,
    2,
    r.hashIsi,
    r.waktu ?? '',
    r.versiAturan ?? '',
    r.referensi ?? '',
    r.alat ?? '',
    r.galat ?? '',
    r.peringatan ?? '',
    r.diterima ?? '',
    r.oleh ?? '',
    r.jabatan ?? '',
    r.catatan ?? '',
  ];
}

/** The version-2 row of a new stamp or return (a return without a note is a programming error). */
export function stempelRowCells(n: NewStempel): StempelCell[] {
  if (n.kembali && !n.catatan?.trim()) throw new Error('A return for revision needs a note (Catatan).');
  return rowCells({
    tingkat: n.tingkat,
    kembali: n.kembali === true,
    hashIsi: n.hashIsi,
    waktu: n.waktu,
    versiAturan: n.versiAturan,
    referensi: n.referensi,
    alat: n.alat,
    galat: n.galat,
    peringatan: n.peringatan,
    diterima: n.diterima,
    oleh: n.oleh,
    jabatan: n.jabatan?.trim() || null,
    catatan: n.catatan?.trim() || null,
  });
}

export interface StempelWrite {
  /** The whole sheet after the write (header, every old row, the new one): for a writer that replaces the sheet. */
  readonly sheet: StempelCell[][];
  /** Only the rows to append below the current content, when `convert` is false. */
  readonly append: StempelCell[][];
  /** True when the sheet must be rewritten: there was none, or it was version 1 (its stamp kept as the first row). */
  readonly convert: boolean;
}

/** What writing one stamp or return does to `_stempel` (docs/spec/signoff.md: version 1 is converted, never written again). */
export function stempelWrite(current: StempelSheet, add: NewStempel): StempelWrite {
  const added = stempelRowCells(add);
  const old = current.rows.map((r) => rowCells(r));
  return {
    sheet: [[...STEMPEL_HEADER], ...old, added],
    append: [added],
    convert: current.versi !== 2,
  };
}

// ---------------------------------------------------------------------------------------------
// The schedule

export type Keadaan = 'tepatWaktu' | 'terlambat' | 'lewat' | 'belumJatuhTempo';

export interface JadwalStatus {
  /** Level key. */
  readonly tingkat: string;
  /** The deadline, `YYYY-MM-DD`. */
  readonly batas: string;
  readonly keadaan: Keadaan;
  /** Whole days late (`terlambat`) or past (`lewat`); else 0. */
  readonly hari: number;
}

/**
 * Each level with a deadline (in level order): on time, late by n days, past by n days, or not yet
 * due. `chain` null: no workbook (every passed deadline is `lewat`). `today` is the validation date
 * (already a day in the region's zone); stamps are dated in `zone`.
 */
export function scheduleStatus(
  chain: ChainStatus | null,
  levels: readonly TingkatPersetujuan[],
  jadwal: Jadwal,
  today: string,
  zone: string,
): JadwalStatus[] {
  const out: JadwalStatus[] = [];
  const todayDay = calendarDay(today);
  for (const level of levels) {
    // The level key is the reference's, the record a file's: own properties only (`constructor`).
    const batasText = ownValue(jadwal.batas, level.kunci);
    const batas = batasText === undefined ? null : calendarDay(batasText);
    if (batas === null) continue;
    const l = chain?.levels.find((c) => c.level.kunci === level.kunci);
    const day = l?.status === 'valid' && l.row ? localDay(l.row.waktu, zone) : null;
    if (day !== null) {
      const late = daysBetween(batas, day);
      out.push({
        tingkat: level.kunci,
        batas,
        keadaan: late > 0 ? 'terlambat' : 'tepatWaktu',
        hari: Math.max(0, late),
      });
    } else {
      const past = todayDay === null ? 0 : daysBetween(batas, todayDay);
      out.push({
        tingkat: level.kunci,
        batas,
        keadaan: past > 0 ? 'lewat' : 'belumJatuhTempo',
        hari: Math.max(0, past),
      });
    }
  }
  return out;
}

/** Does the schedule apply to a workbook of this reporting year? Only to the schedule's own year (docs/spec/signoff.md, KON-06). */
export function scheduleApplies(jadwal: Jadwal | undefined, tahun: number | null): jadwal is Jadwal {
  return jadwal !== undefined && tahun === jadwal.tahun;
}

const KEADAAN_WORDS: Readonly<Record<Lang, Readonly<Record<Keadaan, string>>>> = {
  id: {
    tepatWaktu: 'Tepat waktu',
    terlambat: 'Terlambat {n} hari',
    lewat: 'Lewat {n} hari',
    belumJatuhTempo: 'Belum jatuh tempo',
  },
  en: {
    tepatWaktu: 'On time',
    terlambat: '{n} days late',
    lewat: '{n} days overdue',
    belumJatuhTempo: 'Not yet due',
  },
};

/** `Tepat waktu`, `Terlambat 3 hari`, `Lewat 12 hari`, `Belum jatuh tempo` (Rekap OPD, text output). */
export function scheduleWord(s: Pick<JadwalStatus, 'keadaan' | 'hari'>, lang: Lang = 'id'): string {
  return KEADAAN_WORDS[lang][s.keadaan].replace('{n}', String(s.hari));
}

/**
 * The English of a sign-off or schedule word as Rekap OPD holds it in Indonesian (`Berubah`, a
 * level's label, `Terlambat 3 hari`, `Tepat Waktu <label>` as a heading); null when it is none.
 */
export function signoffWordEn(text: string, levels: readonly TingkatPersetujuan[]): string | null {
  const chain = (Object.keys(CHAIN_WORDS.id) as ChainWord[]).find((k) => CHAIN_WORDS.id[k] === text);
  if (chain) return CHAIN_WORDS.en[chain];
  const level = levels.find((l) => l.label === text);
  if (level) return level.labelEn;
  const heading = /^Tepat Waktu (.+)$/.exec(text);
  const headed = heading && levels.find((l) => l.label === heading[1]);
  if (headed) return `On time: ${headed.labelEn}`;
  for (const keadaan of Object.keys(KEADAAN_WORDS.id) as Keadaan[]) {
    const [before, after = ''] = KEADAAN_WORDS.id[keadaan].split('{n}');
    const days =
      text.startsWith(before) && text.endsWith(after)
        ? text.slice(before.length, text.length - after.length)
        : null;
    if (days !== null && (KEADAAN_WORDS.id[keadaan].includes('{n}') ? /^\d+$/.test(days) : days === ''))
      return scheduleWord({ keadaan, hari: Number(days) || 0 }, 'en');
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// A workbook's sign-off, as readers report it

export interface Persetujuan extends ChainStatus {
  /** One entry per level with a deadline, when the reference's schedule applies to the workbook's year. */
  readonly jadwal: readonly JadwalStatus[];
}

export interface PersetujuanContext {
  readonly levels: readonly TingkatPersetujuan[];
  readonly jadwal: Jadwal | undefined;
  readonly zonaWaktu: string;
  /** Validation date `YYYY-MM-DD` in the zone. */
  readonly today: string;
}

/** Chain and schedule of one workbook from its `_stempel`, content hash and reporting year. */
export function persetujuanOf(
  sheet: StempelSheet,
  hash: string | null,
  tahun: number | null,
  c: PersetujuanContext,
): Persetujuan {
  const chain = chainStatus(sheet, c.levels, hash, { today: c.today, zone: c.zonaWaktu });
  const jadwal = scheduleApplies(c.jadwal, tahun)
    ? scheduleStatus(chain, c.levels, c.jadwal, c.today, c.zonaWaktu)
    : [];
  return { ...chain, jadwal };
}
