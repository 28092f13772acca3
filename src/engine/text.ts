/**
 * Normalisation of the spec (submission-workbook.md), used for labels, enumerated values, OPD
 * names and innovation names alike: NFKC; lower case; runs of whitespace (NBSP included), `-`,
 * `_`, `/` and `.` become one space; trim; then drop trailing `:` / `*` while present.
 */
export function normalise(text: string): string {
  let s = text.normalize('NFKC').toLowerCase();
  s = s.replace(/[\s\u00a0\u2007\u202f\-_/.]+/gu, ' ').trim();
  while (s.endsWith(':') || s.endsWith('*')) s = s.slice(0, -1).trim();
  return s;
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
