/**
 * Normalisation of the spec (docs/spec/submission-workbook.md), used for labels, enumerated values, OPD
 * names and innovation names alike: NFKC; lower case; runs of whitespace (NBSP included), `-`,
 * `_`, `/` and `.` become one space; trim; then drop trailing `:` / `*` while present.
 */
export function normalise(text: string): string {
  // ASCII is its own NFKC form, and a single space between other characters is already what the
  // separator rule makes: most names and enumerated texts skip both steps (same result, tested).
  let s = ASCII.test(text) ? text.toLowerCase() : text.normalize('NFKC').toLowerCase();
  if (SEPARATOR_TO_REWRITE.test(s)) s = s.replace(SEPARATOR_RUN, ' ');
  s = s.trim();
  while (s.endsWith(':') || s.endsWith('*')) s = s.slice(0, -1).trim();
  return s;
}

// eslint-disable-next-line no-control-regex -- the whole ASCII range
const ASCII = /^[\u0000-\u007f]*$/;
const SEPARATOR_RUN = /[\s\u00a0\u2007\u202f\-_/.]+/gu;
/** A separator other than a lone plain space: two in a row, or any other kind. */
const SEPARATOR_TO_REWRITE = /[\s\u00a0\u2007\u202f\-_/.]{2}|[^\S ]|[\u2007\u202f\-_/.]/u;

/** Length in Unicode code points (what a person counts as characters), without building an array. */
export function codePointLength(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** Levenshtein distance, for "nearest allowed value" hints. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** Inputs longer than this get no "did you mean" hint: no allowed value is anywhere near that long. */
const HINT_MAX_INPUT = 120;

/** The candidate closest to `input` after normalisation (ties: the first), or null when none is near. */
export function nearest(input: string, candidates: readonly string[]): string | null {
  const n = normalise(input.length > HINT_MAX_INPUT * 4 ? input.slice(0, HINT_MAX_INPUT * 4) : input);
  if (!n || n.length > HINT_MAX_INPUT) return null;
  let best: string | null = null;
  let bestScore = Infinity;
  for (const c of candidates) {
    const cn = normalise(c);
    // A typed prefix or fragment of a long name ("pelayanan" for "Inovasi Pelayanan Publik") is near.
    const contained = cn.includes(n) || n.includes(cn);
    const lengthGap = Math.abs(cn.length - n.length);
    let d = contained ? lengthGap / 4 : lengthGap; // the edit distance is at least the length gap
    if (!contained && lengthGap < bestScore) d = editDistance(n, cn);
    if (d < bestScore) {
      bestScore = d;
      best = c;
    }
  }
  // Only suggest when the guess is plausibly what was meant.
  if (best !== null && bestScore > Math.max(3, Math.ceil(normalise(best).length * 0.6))) return null;
  return best;
}
