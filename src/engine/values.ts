/**
 * Accepted value forms (docs/spec/submission-workbook.md). Each parser turns one cell into a canonical value,
 * "empty", or the id of the format rule it breaks. No parser throws on user data.
 */
import { ownValue } from './own';
import { CellValue, isDateCell, isErrorCell, serialToIso } from './grid';
import { EnumOption } from './schema';
import { normalise } from './text';
import { isoDay } from './isoDate';
import type { RuleId } from './rules/registry';

export type Parsed<T> =
  | { readonly kind: 'empty' }
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'bad'; readonly rule: RuleId };

export const EMPTY = { kind: 'empty' } as const;
const ok = <T>(value: T): Parsed<T> => ({ kind: 'ok', value });

// Parse results are values: the few failure kinds and the canonical enumerated values are shared
// (frozen) rather than allocated again for every cell.
const failures = new Map<RuleId, Parsed<never>>();
const bad = (rule: RuleId): Parsed<never> => {
  let p = failures.get(rule);
  if (!p) failures.set(rule, (p = Object.freeze({ kind: 'bad', rule }) as Parsed<never>));
  return p;
};
/** A formula with no saved result (ErrorCell.noResult), whatever the column: FMT-09. */
export const NO_RESULT: Parsed<never> = bad('FMT-09');

const canonical = new Map<string, Parsed<string>>();
export const okCanonical = (value: string): Parsed<string> => {
  let p = canonical.get(value);
  if (!p) {
    p = Object.freeze({ kind: 'ok', value }) as Parsed<string>;
    if (canonical.size < 100_000) canonical.set(value, p); // codes and dates are few; stay bounded anyway
  }
  return p;
};

/** Empty: nothing, only whitespace, or only `-`. Error values are never empty. */
export function isEmptyCell(v: CellValue): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' || t === '-';
  }
  return false;
}

/** The value as read, for findings: string, number, ISO date, or null. */
export function cellValueForReport(v: CellValue): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDateCell(v)) return serialToIso(v.serial) ?? String(v.serial);
  return v.code;
}

/** A cell as trimmed text (numbers by their shortest decimal text). */
export function cellText(v: CellValue): string {
  const r = cellValueForReport(v);
  return r === null ? '' : String(r).trim();
}

export function parseText(v: CellValue): Parsed<string> {
  if (isEmptyCell(v)) return EMPTY;
  if (isErrorCell(v)) return bad('FMT-02');
  return ok(cellText(v));
}

// Enumerated cells repeat the same few texts thousands of times: normalise each text once.
const optionTables = new WeakMap<readonly EnumOption[], Map<string, string>>();
const normalised = new Map<string, string>();

function normaliseOnce(text: string): string {
  let n = normalised.get(text);
  if (n === undefined) {
    if (normalised.size > 50_000) normalised.clear(); // bounded: free text must not pile up
    n = normalise(text);
    normalised.set(text, n);
  }
  return n;
}

function optionTable(options: readonly EnumOption[]): Map<string, string> {
  let table = optionTables.get(options);
  if (!table) {
    table = new Map();
    for (const o of options)
      for (const label of [o.value, ...o.aliases]) table.set(normalise(label), o.value);
    optionTables.set(options, table);
  }
  return table;
}

export function parseEnum(v: CellValue, options: readonly EnumOption[]): Parsed<string> {
  if (isEmptyCell(v)) return EMPTY;
  if (isErrorCell(v)) return bad('FMT-02');
  const value = optionTable(options).get(normaliseOnce(cellText(v)));
  return value === undefined ? bad('FMT-02') : okCanonical(value);
}

const GROUPED_DIGITS = /^-?(?:\d{1,3}(?:\.\d{3})+|\d+)$/;

/** Whole number: a whole-number cell, or digits with optional `.` thousands groups. Negative → FMT-05. */
export function parseInteger(v: CellValue): Parsed<number> {
  if (isEmptyCell(v)) return EMPTY;
  if (typeof v === 'number') {
    // Beyond 2^53 a number is no longer an exact whole number.
    if (!Number.isSafeInteger(v)) return bad('FMT-04');
    return v < 0 ? bad('FMT-05') : ok(v);
  }
  if (typeof v !== 'string') return bad('FMT-04');
  const t = v.trim();
  if (!GROUPED_DIGITS.test(t)) return bad('FMT-04');
  const n = Number(t.replace(/\./g, ''));
  if (!Number.isSafeInteger(n)) return bad('FMT-04');
  return n < 0 ? bad('FMT-05') : ok(n === 0 ? 0 : n);
}

export function parseYear(v: CellValue): Parsed<number> {
  if (isEmptyCell(v)) return EMPTY;
  const p = parseInteger(v);
  if (p.kind !== 'ok' || p.value < 2000 || p.value > 2100) return bad('FMT-04');
  return p;
}

const MONEY_TEXT = /^(-)?(?:rp\.?\s*)?(-)?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/i;

/** Money: a number cell, or `Rp 1.500.000`, `Rp.1.500.000`, `1.500.000,00`, `2500000`. Negative → FMT-05. */
export function parseMoney(v: CellValue): Parsed<number> {
  if (isEmptyCell(v)) return EMPTY;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return bad('FMT-04');
    return v < 0 ? bad('FMT-05') : ok(v === 0 ? 0 : v);
  }
  if (typeof v !== 'string') return bad('FMT-04');
  const m = MONEY_TEXT.exec(v.trim());
  if (!m) return bad('FMT-04');
  const n = Number(m[3].replace(/\./g, '') + (m[4] ? '.' + m[4] : ''));
  if (!Number.isFinite(n)) return bad('FMT-04');
  if ((m[1] || m[2]) && n !== 0) return bad('FMT-05');
  return ok(n);
}

const DAYS_TEXT = /^(-?\d+)(?:\s*hari)?$/i;

/** Days: a number cell, or `N` / `N hari`. Zero or less is parsed (SOP-05 judges it). */
export function parseDays(v: CellValue): Parsed<number> {
  if (isEmptyCell(v)) return EMPTY;
  if (typeof v === 'number') return Number.isFinite(v) ? ok(v === 0 ? 0 : v) : bad('FMT-04');
  if (typeof v !== 'string') return bad('FMT-04');
  const m = DAYS_TEXT.exec(v.trim());
  if (!m) return bad('FMT-04');
  const n = Number(m[1]);
  return ok(n === 0 ? 0 : n);
}

const MONTHS: Readonly<Record<string, number>> = (() => {
  const table: Record<string, number> = {};
  const add = (month: number, ...names: string[]) => names.forEach((n) => (table[n] = month));
  add(1, 'januari', 'jan', 'january');
  add(2, 'februari', 'feb', 'pebruari', 'february');
  add(3, 'maret', 'mar', 'march');
  add(4, 'april', 'apr');
  add(5, 'mei', 'may');
  add(6, 'juni', 'jun', 'june');
  add(7, 'juli', 'jul', 'july');
  add(8, 'agustus', 'agu', 'agt', 'ags', 'august');
  add(9, 'september', 'sep');
  add(10, 'oktober', 'okt', 'october');
  add(11, 'november', 'nov');
  add(12, 'desember', 'des', 'december');
  return table;
})();

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

const iso = isoDay;

const ISO_TEXT = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DMY_TEXT = /^(\d{1,2})([/-])(\d{1,2})\2(\d{4})$/;
const NAMED_MONTH_TEXT = /^(\d{1,2})\s+([\p{L}]+)\.?\s+(\d{4})$/u;

/** Largest serial we treat as a date: 9999-12-31. */
const MAX_SERIAL = 2_958_465;

/** Date: a date cell or serial; `YYYY-MM-DD`, `DD/MM/YYYY`, `DD-MM-YYYY`, `D Month YYYY`. → ISO text. */
export function parseDate(v: CellValue): Parsed<string> {
  if (isEmptyCell(v)) return EMPTY;
  if (isDateCell(v) || typeof v === 'number') {
    const serial = typeof v === 'number' ? v : v.serial;
    if (!Number.isFinite(serial) || serial < 1 || serial > MAX_SERIAL) return bad('FMT-03');
    const s = serialToIso(serial);
    return s ? okCanonical(s) : bad('FMT-03');
  }
  if (typeof v !== 'string') return bad('FMT-03');
  const t = v.trim().replace(/\s+/g, ' ');
  let y: number, m: number, d: number;
  let match = ISO_TEXT.exec(t);
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = DMY_TEXT.exec(t))) {
    [d, m, y] = [Number(match[1]), Number(match[3]), Number(match[4])];
  } else if ((match = NAMED_MONTH_TEXT.exec(t))) {
    const month = ownValue(MONTHS, match[2].toLowerCase());
    if (!month) return bad('FMT-03');
    [d, m, y] = [Number(match[1]), month, Number(match[3])];
  } else {
    return bad('FMT-03');
  }
  return validDate(y, m, d) ? okCanonical(iso(y, m, d)) : bad('FMT-03');
}

const URL_TEXT =
  /^https?:\/\/(?:[^\s/?#@]+@)?[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*\.?(?::\d{1,5})?(?:[/?#]\S*)?$/iu;

/**
 * URL_TEXT for ASCII letters and digits only: on ASCII text the two agree (\p{L} and \p{N} there are
 * A–Z, a–z and 0–9), and this one is several times faster; other text goes on to URL_TEXT.
 */
const URL_ASCII =
  /^https?:\/\/(?:[^\s/?#@]+@)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.?(?::\d{1,5})?(?:[/?#]\S*)?$/i;

export function parseUrl(v: CellValue): Parsed<string> {
  if (isEmptyCell(v)) return EMPTY;
  if (typeof v !== 'string') return bad('FMT-07');
  const t = v.trim();
  return URL_ASCII.test(t) || URL_TEXT.test(t) ? ok(t) : bad('FMT-07');
}

const EMAIL_TEXT =
  /^[\p{L}\p{N}.!#$%&'*+/=?^_`{|}~-]+@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*\.\p{L}{2,}$/u;

export function isEmail(text: string): boolean {
  return EMAIL_TEXT.test(text.trim());
}

/**
 * Indonesian phone: `+62`, `62` or `0` first; then digits, spaces, `-`, `.`, and one pair of
 * parentheses around the area code (`(0438) 21045`); 9–15 digits in all, the prefix's included.
 */
export function isPhone(text: string): boolean {
  let t = text.trim();
  const open = t.indexOf('(');
  const close = t.indexOf(')');
  if (open !== -1 || close !== -1) {
    if (open === -1 || close < open) return false;
    if (t.indexOf('(', open + 1) !== -1 || t.indexOf(')', close + 1) !== -1) return false;
    // The parentheses hold the area code: digits, optionally after the country prefix.
    if (!/^\+?\d+$/.test(t.slice(open + 1, close))) return false;
    t = t.slice(0, open) + t.slice(open + 1, close) + t.slice(close + 1);
  }
  if (!/^(?:\+62|62|0)[\d .-]*$/.test(t)) return false;
  const digits = t.replace(/\D/g, '').length;
  return digits >= 9 && digits <= 15;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Words for SOP-06: maximal runs of letters or digits (Unicode-aware). Counting stops at `limit`,
 * since the rule only needs to know whether the minimum is reached.
 */
export function countWords(text: string, limit = Infinity): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let isWordChar: boolean;
    if (c < 128) {
      const lower = c | 32;
      isWordChar = (c >= 48 && c <= 57) || (lower >= 97 && lower <= 122);
    } else {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      isWordChar = WORD_CHAR.test(String.fromCodePoint(cp));
    }
    if (isWordChar && !inWord && ++n >= limit) return n;
    inWord = isWordChar;
  }
  return n;
}

const atLeast = new Map<number, RegExp>();

/**
 * Does `text` hold at least `min` words? One native regular-expression test (twice as fast as the
 * counting loop on 300-word texts); each word must be followed by a separator or the end, so a word
 * is never split and the match stays linear.
 */
export function hasAtLeastWords(text: string, min: number): boolean {
  if (min <= 0) return true;
  let re = atLeast.get(min);
  if (!re) {
    re = new RegExp(`^[^\\p{L}\\p{N}]*(?:[\\p{L}\\p{N}]+(?:[^\\p{L}\\p{N}]+|$)){${min}}`, 'u');
    atLeast.set(min, re);
  }
  return re.test(text);
}
