import { Finding, MessageParams, quoteText } from '../findings';
import { en } from './en';
import { id } from './id';

export type Lang = 'id' | 'en';

const CATALOGUES: Readonly<Record<Lang, Readonly<Record<string, string>>>> = { id, en };

/**
 * Render a catalogue entry; a missing parameter stays visible as `{name}` rather than vanishing.
 * A parameter is quoted, not copied: text longer than MAX_QUOTED_CHARS is cut with `…` (except
 * `opdLain`, KON-01's list of agency names, which come from the reference, not from the file).
 */
export function message(lang: Lang, key: string, params: MessageParams = {}): string {
  const template = CATALOGUES[lang][key] ?? CATALOGUES.id[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : name === 'opdLain' ? String(params[name]) : quoteText(String(params[name])),
  );
}

/** The catalogue key of a finding's message (KON-04 and KON-10 have two wordings each). */
export function messageKey(f: Pick<Finding, 'rule' | 'params'>): string {
  if (f.params.ringkasan !== undefined) return f.params.kolom ? 'summary' : 'summary.noColumn';
  if (f.rule === 'KON-04') return f.params.tanggal === undefined ? 'KON-04.none' : 'KON-04.changed';
  if (f.rule === 'KON-10') return f.params.tahapan === undefined ? 'KON-10.bentuk' : 'KON-10.tahapan';
  return f.rule;
}

export function findingMessage(f: Finding, lang: Lang): string {
  return message(lang, messageKey(f), f.params);
}

export function findingHint(f: Finding, lang: Lang): string | null {
  return f.hint ? message(lang, 'hint.' + f.hint.key, f.hint.params) : null;
}

export function catalogueKeys(lang: Lang): string[] {
  return Object.keys(CATALOGUES[lang]);
}
