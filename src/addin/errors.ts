/**
 * Office errors turned into plain words: the one table from Office's error codes to ours (the task
 * pane's describeError reads it too), the words in texts.ts. The task pane shows `message` in a
 * message bar; the Office error code stays available for logs, but no stack trace reaches the user.
 */
import type { Lang } from '../engine/messages';
import { ADDIN_TEXTS } from './texts';

export type AdapterErrorCode =
  | 'editing'
  | 'refused'
  | 'temuanChanged'
  | 'tooLarge'
  | 'notFound'
  | 'exists'
  | 'templateExists'
  | 'unsupported'
  | 'protected'
  | 'settings'
  | 'noHost'
  | 'general';

export class AdapterError extends Error {
  override readonly name = 'AdapterError';
  constructor(
    readonly code: AdapterErrorCode,
    message: string,
    /** Office's error code (`InvalidOperationInCellEditMode`, …), for logs. */
    readonly officeCode: string | null = null,
  ) {
    super(message);
  }

  /** Only the plain fields: safe to log or pass to the UI. */
  toJSON(): { code: AdapterErrorCode; message: string; officeCode: string | null } {
    return { code: this.code, message: this.message, officeCode: this.officeCode };
  }
}

export function isAdapterError(e: unknown): e is AdapterError {
  return e instanceof AdapterError;
}

export function adapterError(
  code: AdapterErrorCode,
  lang: Lang,
  officeCode: string | null = null,
): AdapterError {
  return new AdapterError(code, ADDIN_TEXTS[lang].error[code], officeCode);
}

const BY_OFFICE_CODE: Readonly<Record<string, AdapterErrorCode>> = {
  InvalidOperationInCellEditMode: 'editing',
  // Not "finish editing the cell": Excel reports cell-edit mode as InvalidOperationInCellEditMode.
  InvalidOperation: 'refused',
  RequestPayloadSizeLimitExceeded: 'tooLarge',
  ResponsePayloadSizeLimitExceeded: 'tooLarge',
  PayloadTooLarge: 'tooLarge',
  ItemNotFound: 'notFound',
  InvalidReference: 'notFound',
  ItemAlreadyExists: 'exists',
  ApiNotFound: 'unsupported',
  NotImplemented: 'unsupported',
  UnsupportedOperation: 'unsupported',
  AccessDenied: 'protected',
  Unauthenticated: 'protected',
};

/** Our code for an Office error code (`InvalidOperationInCellEditMode` → `editing`), or null when it has none. */
export function officeErrorCode(officeCode: string | null): AdapterErrorCode | null {
  return officeCode !== null && Object.hasOwn(BY_OFFICE_CODE, officeCode) ? BY_OFFICE_CODE[officeCode] : null;
}

/** Any thrown value as an AdapterError with a plain-words message. */
export function toAdapterError(e: unknown, lang: Lang): AdapterError {
  if (e instanceof AdapterError) return e;
  const officeCode =
    e && typeof e === 'object' && typeof (e as { code?: unknown }).code === 'string'
      ? (e as { code: string }).code
      : null;
  const known = officeErrorCode(officeCode);
  if (known) return adapterError(known, lang, officeCode);
  if (e instanceof ReferenceError || e instanceof TypeError) {
    // `Excel` undefined: the pane was opened outside Excel.
    if (/\b(Excel|Office)\b/.test(e.message)) return adapterError('noHost', lang, null);
  }
  return adapterError('general', lang, officeCode);
}
