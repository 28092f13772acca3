/** Memory measurement for the limit tests: a full garbage collection first, so growth is ours. */
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';

export const MB = 1024 * 1024;

// `gc` is only a global under --expose-gc; the flag can be set at run time and read from a new context.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

export function collectGarbage(): void {
  gc();
}

/** Runs `work` and returns its result, the time it took and how much the resident set grew. */
export function measure<T>(work: () => T): { result: T; ms: number; rssGrowth: number } {
  collectGarbage();
  const rssBefore = process.memoryUsage().rss;
  const started = Date.now();
  const result = work();
  const ms = Date.now() - started;
  return { result, ms, rssGrowth: process.memoryUsage().rss - rssBefore };
}
