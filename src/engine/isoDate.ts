/**
 * ISO dates as the tool writes and reads them, in one place: `YYYY-MM-DD` from calendar fields,
 * a summary or document date (`YYYY-MM-DD[THH:MM[:SS]]`, UTC) as a Date, and Excel's serial of a
 * date (1900 date system). Used by the engine, both writers and both shells.
 */

const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 in Excel's 1900 date system. */
const UNIX_EPOCH_SERIAL = 25569;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DD` of calendar fields (month 1–12). */
export const isoDay = (year: number, month: number, day: number): string =>
  `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

/** Today's (or `d`'s) date in the machine's own time zone, `YYYY-MM-DD`. */
export const localIsoDay = (d: Date = new Date()): string =>
  isoDay(d.getFullYear(), d.getMonth() + 1, d.getDate());

/** `d`'s UTC date, `YYYY-MM-DD`. */
export const utcIsoDay = (d: Date): string => isoDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());

/**
 * A summary or document date (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]`, UTC) as a Date, or null
 * when it is no real date (`2026-02-30` included).
 */
export function isoToDate(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(iso);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0));
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return Number.isNaN(date.getTime()) || date.getUTCDate() !== d ? null : date;
}

/**
 * Excel's serial number of a date (its UTC fields), or null before 1900-01-01 (not a date to
 * Excel). Serials below 61 step over Excel's phantom 1900-02-29.
 */
export function excelSerial(date: Date): number | null {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return null;
  const serial = ms / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  if (serial < 2) return null;
  return serial < 61 ? serial - 1 : serial;
}

/** Excel's serial of a summary or document date, or null when it is none (to Excel). */
export function isoExcelSerial(iso: string): number | null {
  const date = isoToDate(iso);
  return date ? excelSerial(date) : null;
}

/** Does a summary date carry a time (`…THH:MM`)? Writers then show `dd/mm/yyyy hh:mm`. */
export const hasTime = (iso: string): boolean => iso.length > 10;

const MONTHS = {
  id: [
    'Januari',
    'Februari',
    'Maret',
    'April',
    'Mei',
    'Juni',
    'Juli',
    'Agustus',
    'September',
    'Oktober',
    'November',
    'Desember',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
} as const;

/**
 * A date as a person reads it (docs/spec/consolidation.md, *Printing and reading*): `7 Desember
 * 2026`, or `7 December 2026` in English; the text itself when it is no real date. Only the
 * date part of a date-time is used.
 */
export function longDate(iso: string, lang: 'id' | 'en'): string {
  const date = isoToDate(iso.slice(0, 10));
  if (!date) return iso;
  return `${date.getUTCDate()} ${MONTHS[lang][date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}
