/**
 * Failures in plain words. The adapter's errors already carry them (AdapterError); a raw Office.js
 * error names its cause in `code` (for example `InvalidOperationInCellEditMode` while the user is
 * still typing in a cell), read through the adapter's one code table and words (addin/errors.ts);
 * anything else is shown by the first line of its message, never with a stack trace.
 */
import { officeErrorCode, toAdapterError } from '../addin/errors';
import { isAdapterError } from '../addin/port';
import type { Lang } from '../engine/messages';
import { type UiKey, type UiParams, translator } from './i18n';

function field(e: unknown, name: string): string | null {
  if (typeof e !== 'object' || e === null || !(name in e)) return null;
  const v = (e as Record<string, unknown>)[name];
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

/** The first line of a message, without a stack or an `Error:` prefix. */
function plain(text: string): string {
  return text
    .split(/\r?\n/)[0]
    .replace(/^(?:[A-Za-z]*Error):\s*/, '')
    .trim();
}

export function describeError(e: unknown, lang: Lang): { key: UiKey; params: UiParams } {
  if (isAdapterError(e)) return { key: 'err.plain', params: { pesan: plain(e.message) } };
  const code = field(e, 'code');
  if (officeErrorCode(code)) return { key: 'err.plain', params: { pesan: toAdapterError(e, lang).message } };
  const message = field(e, 'message') ?? (typeof e === 'string' ? e : null);
  return {
    key: 'err.generic',
    params: { pesan: message ? plain(message) : translator(lang)('err.unknownCause') },
  };
}
