/**
 * Numbers as a person reads them (docs/spec/consolidation.md, *Printing and reading*: percentages
 * to one decimal, rounded half up): one home for the summary's, the feedback's and the pane's.
 */
import type { Lang } from '../messages';

/**
 * One decimal, rounded half up (`10.85` → `10.9`, though it is stored as 10.8499…), Indonesian
 * with a decimal comma (`42,3`), English with a point.
 */
export function decimal1(n: number, lang: Lang): string {
  const tenths = Math.round(Number((n * 10).toPrecision(12)));
  const text = (tenths / 10).toFixed(1);
  return lang === 'id' ? text.replace('.', ',') : text;
}

/** A percentage (`42,3%`) of a value already in percent. */
export const percentText = (n: number, lang: Lang): string => `${decimal1(n, lang)}%`;

/** `part` as a percentage of `whole` (`4` of `37` → `10,8%`); `0,0%` of nothing. */
export const shareText = (part: number, whole: number, lang: Lang): string =>
  percentText(whole === 0 ? 0 : (part / whole) * 100, lang);
