/**
 * Words of names and sources (docs/spec/replication.md): the spec's normalisation (`text.ts`, as for
 * KON-01), then split into words at anything that is not a letter or a digit, so that
 * «Si-Cantik (Dinkes)» and `si cantik dinkes` have the same words.
 */
import { normalise } from '../text';

const NON_WORD = /[^\p{L}\p{N}]+/u;
/** What `normalise` leaves of most names: plain letters and digits between single spaces — already a phrase. */
const PLAIN = /^[a-z0-9 ]*$/;

/** Words joined by one space: the key a name is found under ('' when it has no word). */
export const phraseOf = (text: string): string => phraseOfNormalised(normalise(text));

/** `phraseOf` of a text already normalised (`text.ts`). */
export function phraseOfNormalised(n: string): string {
  if (PLAIN.test(n)) return n;
  return n
    .split(NON_WORD)
    .filter((w) => w.length > 0)
    .join(' ');
}

export function wordsOf(text: string): string[] {
  const p = phraseOf(text);
  return p ? p.split(' ') : [];
}

/** The words that mark a source outside the city (step 4): regions and national bodies. */
const OUTSIDE_WORDS = new Set([
  'kota',
  'kabupaten',
  'kab',
  'provinsi',
  'prov',
  'kementerian',
  'bskdn',
  'lan',
  'kemenpan',
]);

/**
 * Step 4: the source names a region or a national body — one of OUTSIDE_WORDS, a word starting
 * with `kemen` (Kemenkes, KemenPAN-RB), or `badan` followed later by `nasional`. The region's own
 * name (`Kota Bitung`) is taken out first: it is not outside the city (docs/decisions.md).
 */
export function namesOutside(words: readonly string[], ownRegion: readonly string[]): boolean {
  const rest = ownRegion.length ? withoutRun(words, ownRegion) : words;
  let badan = false;
  for (const w of rest) {
    if (OUTSIDE_WORDS.has(w) || w.startsWith('kemen')) return true;
    if (w === 'badan') badan = true;
    else if (badan && w === 'nasional') return true;
  }
  return false;
}

/** `words` with every occurrence of the run `run` removed. */
function withoutRun(words: readonly string[], run: readonly string[]): readonly string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length;) {
    if (startsAt(words, run, i)) i += run.length;
    else out.push(words[i++]);
  }
  return out;
}

export function startsAt(words: readonly string[], run: readonly string[], i: number): boolean {
  if (i + run.length > words.length) return false;
  for (let k = 0; k < run.length; k++) if (words[i + k] !== run[k]) return false;
  return true;
}

/**
 * A phrase index: phrases (runs of words) → values; `find` returns every phrase contained in a
 * source as a run of whole words. Lookups go by start position and by the phrase lengths that
 * exist, so one source costs (its words × distinct lengths) hash look-ups, whatever the number
 * of phrases: no pair of rows is ever compared (docs/spec/replication.md, Performance).
 */
export class PhraseIndex<T extends object> {
  /** One value stored bare (most phrases name one innovation: no array per row), several as an array. */
  private readonly byPhrase = new Map<string, T | T[]>();
  private readonly firstWords = new Set<string>();
  private lengths: number[] = [];
  private readonly lengthSet = new Set<number>();

  /** Files `value` under `phrase` (words joined by single spaces, as `phraseOf` makes them). */
  add(phrase: string, value: T): void {
    if (!phrase) return;
    const known = this.byPhrase.get(phrase);
    if (known !== undefined) {
      if (Array.isArray(known)) known.push(value);
      else this.byPhrase.set(phrase, [known, value]);
      return;
    }
    this.byPhrase.set(phrase, value);
    const space = phrase.indexOf(' ');
    this.firstWords.add(space < 0 ? phrase : phrase.slice(0, space));
    let length = 1;
    for (let i = space; i >= 0; i = phrase.indexOf(' ', i + 1)) length++;
    if (!this.lengthSet.has(length)) {
      this.lengthSet.add(length);
      this.lengths = [...this.lengthSet].sort((a, b) => b - a);
    }
  }

  /** Every phrase contained in `words`, with its values (a phrase found twice is listed once). */
  find(words: readonly string[]): { phrase: string; values: readonly T[] }[] {
    const found = new Map<string, readonly T[]>();
    for (let i = 0; i < words.length; i++) {
      if (!this.firstWords.has(words[i])) continue;
      for (const n of this.lengths) {
        if (i + n > words.length) continue;
        const phrase = n === 1 ? words[i] : words.slice(i, i + n).join(' ');
        const values = this.byPhrase.get(phrase);
        if (values !== undefined && !found.has(phrase))
          found.set(phrase, Array.isArray(values) ? values : [values]);
      }
    }
    return [...found].map(([phrase, values]) => ({ phrase, values }));
  }
}
