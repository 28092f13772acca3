/**
 * Failures in plain words. The adapter's errors already carry them (AdapterError); a raw Office.js
 * error names its cause in `code` (for example `InvalidOperationInCellEditMode` while the user is
 * still typing in a cell); anything else is shown by the first line of its message, never with a
 * stack trace.
 */
import { isAdapterError } from '../addin/port';
import type { Lang } from '../engine/messages';
import type { UiKey, UiParams } from './i18n';

const BY_CODE: Readonly<Record<string, UiKey>> = {
  InvalidOperationInCellEditMode: 'err.cellEdit',
  AccessDenied: 'err.protected',
  ItemAlreadyExists: 'err.exists',
  RequestPayloadSizeLimitExceeded: 'err.tooBig',
  PayloadTooLarge: 'err.tooBig',
  ResponsePayloadSizeLimitExceeded: 'err.tooBig',
  Unauthenticated: 'err.protected',
  ItemNotFound: 'err.notFound',
  ApiNotFound: 'err.unsupported',
};

function field(e: unknown, name: string): string | null {
  if (typeof e !== 'object' || e === null || !(name in e)) return null;
  const v = (e as Record<string, unknown>)[name];
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

/** The first line of a message, without a stack or an `Error:` prefix. */
function plain(text: string): string {
  return text.split(/\r?\n/)[0].replace(/^(?:[A-Za-z]*Error):\s*/, '').trim();
}

export function describeError(e: unknown, lang: Lang): { key: UiKey; params: UiParams } {
  if (isAdapterError(e)) return { key: 'err.plain', params: { pesan: plain(e.message) } };
  const code = field(e, 'code');
  if (code && BY_CODE[code]) return { key: BY_CODE[code], params: {} };
  const message = field(e, 'message') ?? (typeof e === 'string' ? e : null);
  return { key: 'err.generic', params: { pesan: message ? plain(message) : lang === 'id' ? 'sebab tidak diketahui' : 'unknown cause' } };
}
