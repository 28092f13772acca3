import { Finding, MessageParams, Severity, quoteText } from '../findings';
import { longDate } from '../isoDate';
import { Catalogue, MessageKey } from './keys';
import { en } from './en';
import { id } from './id';

export { type Catalogue, type MessageKey, MESSAGE_KEYS } from './keys';

export type Lang = 'id' | 'en';

/** A severity as a word (the `Temuan` sheet, the audit CSV, a cell's note): `Galat`, `Warning`. */
export const SEVERITY_WORDS: Readonly<Record<Lang, Readonly<Record<Severity, string>>>> = {
  id: { error: 'Galat', warning: 'Peringatan', info: 'Info' },
  en: { error: 'Error', warning: 'Warning', info: 'Info' },
};

/** A text in both languages, kept to be shown later in either (a reference problem, a file failure). */
export interface Bilingual {
  readonly id: string;
  readonly en: string;
}

/**
 * One entry of a per-language catalogue (`Record<Lang, T>`, T listing every text of an area, so
 * that a text missing in either language fails to compile), in both languages:
 * `inBoth(TEXTS, (t) => t.notFound(file))`; `lang` picks the matching half of another Bilingual.
 */
export function inBoth<T>(
  catalogue: Readonly<Record<Lang, T>>,
  pick: (texts: T, lang: Lang) => string,
): Bilingual {
  return { id: pick(catalogue.id, 'id'), en: pick(catalogue.en, 'en') };
}

/** Both catalogues are `Catalogue`s: a key missing from either fails to compile (no fallback to Indonesian). */
const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { id, en };

/**
 * Render a catalogue entry; a missing parameter stays visible as `{name}` rather than vanishing.
 * A parameter is quoted, not copied: text longer than MAX_QUOTED_CHARS is cut with `…` (except
 * `opdLain`, KON-01's list of agency names, which come from the reference, not from the file).
 */
export function message(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  const template: string | undefined = CATALOGUES[lang][key];
  // Only an untyped caller can get here; a text is never borrowed from the other language.
  if (template === undefined) throw new Error(`No ${lang} text for message ${key}`);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined
      ? whole
      : name === 'opdLain'
        ? String(params[name])
        : DATE_PARAMS.has(name) && ISO_DAY.test(String(params[name]))
          ? longDate(String(params[name]), lang)
          : quoteText(String(params[name])),
  );
}

/**
 * Parameters that hold a day the tool computed (a deadline, a stamp's or a document's date): a
 * message echoes them as a person reads a date, `31 Maret 2026` (docs/spec/consolidation.md,
 * *Printing and reading*); the finding's params keep the ISO day for programs.
 */
const DATE_PARAMS: ReadonlySet<string> = new Set(['tanggal', 'batas']);
const ISO_DAY = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/;

/** The catalogue key of a finding's message (KON-04, KON-05 and KON-10 have two wordings). */
export function messageKey(f: Pick<Finding, 'rule' | 'params'>): MessageKey {
  if (f.params.ringkasan !== undefined) return f.params.kolom ? 'summary' : 'summary.noColumn';
  if (f.rule === 'KON-04') return f.params.tanggal === undefined ? 'KON-04.none' : 'KON-04.changed';
  if (f.rule === 'KON-05' && f.params.tahun === undefined) return 'KON-05.empty';
  // IID-01/IID-02 have wordings for an empty value and for the sheet's structure (params.jenis).
  if ((f.rule === 'IID-01' || f.rule === 'IID-02') && f.params.jenis !== undefined)
    return `${f.rule}.${String(f.params.jenis)}` as MessageKey; // the parser sets only the catalogued jenis
  if (f.rule === 'KON-10') return f.params.tahapan === undefined ? 'KON-10.bentuk' : 'KON-10.tahapan';
  return f.rule;
}

export function findingMessage(f: Finding, lang: Lang): string {
  return message(lang, messageKey(f), f.params);
}

export function findingHint(f: Finding, lang: Lang): string | null {
  return f.hint ? message(lang, `hint.${f.hint.key}`, f.hint.params) : null;
}

const LOCALE: Readonly<Record<Lang, string>> = { id: 'id-ID', en: 'en-US' };

/** A catalogue message in both languages, its parameters made per language (`locale` for numbers). */
export function inBothCatalogues(key: MessageKey, params: (locale: string) => MessageParams): Bilingual {
  return { id: message('id', key, params(LOCALE.id)), en: message('en', key, params(LOCALE.en)) };
}

/** The keys a catalogue holds (the parity test compares them with MESSAGE_KEYS). */
export function catalogueKeys(lang: Lang): string[] {
  return Object.keys(CATALOGUES[lang]);
}
