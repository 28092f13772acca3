/**
 * Matching a replication's `sumberReplikasi` (docs/spec/replication.md, revised 2026-12-07), in the
 * spec's order: (1) an innovation of another OPD, originals first, the longest name wins, a tie at
 * that length links nothing; (2) another reference OPD; (3) its own OPD; (4) outside the city;
 * (5) unrecognised, with the nearest catalogue name as a hint.
 *
 * Every look-up goes through an index built once (names by phrase, catalogue names by word), so
 * the work per replication does not grow with the number of rows.
 */
import { Opd, Reference } from '../reference/model';
import { codePointLength, editDistance } from '../text';
import { Innovation, Source } from './model';
import { PhraseIndex, namesOutside, phraseOf, wordsOf } from './words';

/** Catalogue names compared by edit distance for one hint, at most (the ones sharing most words with the source). */
const HINT_CANDIDATES = 8;
/** A word in more catalogue names than this is too common to pick hint candidates by. */
const COMMON_WORD = 1000;
/** Sources longer than this (normalised) get no hint: no name is near a paragraph. */
const HINT_MAX_SOURCE = 200;

/** The catalogue names containing one word: how many, and the first COMMON_WORD + 1 of them in catalogue order. */
interface Postings {
  count: number;
  readonly names: Innovation[];
  /** The last name counted past the kept ones (so that a name repeating the word counts once). */
  lastCounted?: Innovation;
}

export class SourceMatcher {
  private readonly names = new PhraseIndex<Innovation>();
  private readonly opds = new PhraseIndex<Opd>();
  /** Catalogue names by word, for hints: built on the first unrecognised source (most runs have few or none). */
  private postingsByWord: Map<string, Postings> | null = null;
  private readonly region: readonly string[];

  constructor(
    innovations: readonly Innovation[],
    private readonly catalogue: readonly Innovation[],
    reference: Reference,
  ) {
    for (const inn of innovations) this.names.add(inn.phrase, inn);
    for (const opd of reference.opd) {
      for (const p of new Set([opd.nama, opd.kode, ...opd.alias].map(phraseOf))) this.opds.add(p, opd);
    }
    this.region = wordsOf(reference.daerah.nama);
  }

  private postings(): Map<string, Postings> {
    if (this.postingsByWord) return this.postingsByWord;
    const postings = new Map<string, Postings>();
    for (const inn of this.catalogue) {
      const phrase = inn.phrase || phraseOf(inn.nama);
      for (let start = 0; start < phrase.length;) {
        let end = phrase.indexOf(' ', start);
        if (end < 0) end = phrase.length;
        const w = phrase.slice(start, end);
        start = end + 1;
        if (!w) continue;
        const p = postings.get(w);
        if (!p) postings.set(w, { count: 1, names: [inn] });
        // A name repeating a word is filed once under it (its entries are consecutive).
        else if (p.names[p.names.length - 1] !== inn && p.lastCounted !== inn) {
          p.count++;
          // A common word's names past COMMON_WORD are never read (nearest takes its first few): counted, not kept.
          if (p.names.length <= COMMON_WORD) p.names.push(inn);
          else p.lastCounted = inn;
        }
      }
    }
    return (this.postingsByWord = postings);
  }

  /** The source of one replication row of the OPD `ownKey` (its reference OPD: `ownOpd`). */
  match(sumber: string, ownKey: string, ownOpd: Opd | null): Source {
    const words = wordsOf(sumber);
    const innovation = this.innovationNamed(words, ownKey);
    if (innovation) return { jenis: 'inovasi', innovation };
    const opd = this.opdNamed(words, ownOpd);
    if (opd === 'own') return { jenis: 'sendiri' };
    if (opd) return { jenis: 'opd', opd };
    if (namesOutside(words, this.region)) return { jenis: 'luar' };
    return { jenis: 'tidakDikenali', saran: this.nearest(words, ownKey) };
  }

  /** Step 1: originals of other OPDs first, then any of their innovations; the longest contained name, unless two innovations tie. */
  private innovationNamed(words: readonly string[], ownKey: string): Innovation | null {
    if (!words.length) return null;
    const found = this.names.find(words);
    for (const originalsOnly of [true, false]) {
      const best = longest(
        found,
        (inn) => inn.opd.key !== ownKey && (!originalsOnly || inn.original),
        sameInnovation,
      );
      if (best === 'none') continue;
      return best === 'tie' ? null : best;
    }
    return null;
  }

  /** Steps 2 and 3: the longest other OPD named (a tie names none), else the OPD itself when named. */
  private opdNamed(words: readonly string[], own: Opd | null): Opd | 'own' | null {
    if (!words.length) return null;
    const found = this.opds.find(words);
    const other = longest(
      found,
      (o) => o.kode !== own?.kode,
      (a, b) => a.kode === b.kode,
    );
    if (other !== 'none' && other !== 'tie') return other;
    // By code: the file's OPD may come from an equal reference object that is not this one.
    if (own && found.some((f) => f.values.some((o) => o.kode === own.kode))) return 'own';
    return null;
  }

  /** Step 5's hint: among the catalogue names (of other OPDs) sharing most words with the source, the nearest by edit distance, if plausibly meant. */
  private nearest(words: readonly string[], ownKey: string): Innovation | null {
    const source = words.join(' ');
    if (!source || source.length > HINT_MAX_SOURCE) return null;
    const shared = new Map<Innovation, number>();
    const postings = this.postings();
    const lists = [...new Set(words)]
      .map((w) => postings.get(w))
      .filter((p): p is Postings => p !== undefined);
    lists.sort((a, b) => a.count - b.count);
    for (const { count, names } of lists) {
      if (count > COMMON_WORD && shared.size) break;
      for (const inn of count > COMMON_WORD ? names.slice(0, HINT_CANDIDATES * 4) : names) {
        if (inn.opd.key !== ownKey) shared.set(inn, (shared.get(inn) ?? 0) + 1);
      }
    }
    const ranked = [...shared].sort((a, b) => b[1] - a[1]).slice(0, HINT_CANDIDATES);
    let best: Innovation | null = null;
    let bestDistance = Infinity;
    for (const [inn] of ranked) {
      const d = editDistance(source, inn.phrase || phraseOf(inn.nama));
      if (d < bestDistance) {
        bestDistance = d;
        best = inn;
      }
    }
    // As `nearest` in text.ts: only a guess that is plausibly what was meant.
    if (best && bestDistance > Math.max(3, Math.ceil(codePointLength(source) * 0.6))) return null;
    return best;
  }
}

/** Two rows of one OPD with the same name are one innovation (LOG-06 flags the second). */
const sameInnovation = (a: Innovation, b: Innovation): boolean =>
  a.opd.key === b.opd.key && a.phrase === b.phrase;

/**
 * Of the phrases found, the longest (in characters) with at least one value passing `keep`: its one
 * value, `tie` when two different values share that length, `none` when no phrase has a kept value.
 */
function longest<T>(
  found: readonly { phrase: string; values: readonly T[] }[],
  keep: (v: T) => boolean,
  same: (a: T, b: T) => boolean,
): T | 'tie' | 'none' {
  let best: T[] = [];
  let bestLength = -1;
  for (const { phrase, values } of found) {
    const kept = values.filter(keep);
    if (!kept.length) continue;
    const length = codePointLength(phrase);
    if (length < bestLength) continue;
    if (length > bestLength) {
      best = [];
      bestLength = length;
    }
    for (const v of kept) if (!best.some((b) => same(b, v))) best.push(v);
  }
  if (!best.length) return 'none';
  return best.length === 1 ? best[0] : 'tie';
}
