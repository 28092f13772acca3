/**
 * Office errors turned into plain words. The task pane shows `message` in a message bar; the
 * Office error code stays available for logs, but no stack trace ever reaches the user.
 */
import type { Lang } from '../engine/messages';

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

const MESSAGES: Readonly<Record<AdapterErrorCode, { readonly id: string; readonly en: string }>> = {
  editing: {
    id: 'Excel sedang menyunting sebuah sel. Selesaikan penyuntingan sel itu (tekan Enter atau Esc), lalu coba lagi.',
    en: 'Excel is busy editing a cell. Finish editing the cell (press Enter or Esc) and try again.',
  },
  // InvalidOperation has many causes besides cell-edit mode (which Excel reports as its own code).
  refused: {
    id: 'Excel menolak langkah ini dalam keadaan buku kerja saat ini. Validasi ulang, lalu coba lagi; bila tetap gagal, simpan, tutup, dan buka kembali berkas.',
    en: 'Excel refused this step in the workbook as it is now. Validate again, then retry; if it still fails, save, close and reopen the workbook.',
  },
  temuanChanged: {
    id: 'Lembar «Temuan» diubah sejak validasi terakhir (misalnya sebuah keputusan diketik di sana); tidak ada yang ditulis, keputusan itu tetap ada. Validasi ulang, lalu coba lagi.',
    en: 'The «Temuan» sheet changed since the last validation (a decision typed there, for example); nothing was written and that decision is kept. Validate again, then retry.',
  },
  tooLarge: {
    id: 'Data yang harus dikirim ke Excel terlalu besar untuk sekali proses. Coba lagi; bila tetap gagal, bagi isian menjadi beberapa berkas.',
    en: 'Too much data for Excel to take in one go. Try again; if it still fails, split the submission into smaller workbooks.',
  },
  notFound: {
    id: 'Lembar atau sel yang dibutuhkan tidak ditemukan (mungkin sudah diganti namanya atau dihapus). Validasi ulang, lalu coba lagi.',
    en: 'A sheet or cell the add-in needs was not found (it may have been renamed or deleted). Validate again, then retry.',
  },
  exists: {
    id: 'Sudah ada lembar atau tabel dengan nama yang sama di buku kerja ini.',
    en: 'The workbook already has a sheet or table of that name.',
  },
  templateExists: {
    id: 'Lembar «Inovasi» sudah ada di buku kerja ini, jadi lembar isian baru tidak dibuat.',
    en: 'This workbook already has an «Inovasi» sheet, so no new form was created.',
  },
  unsupported: {
    id: 'Versi Excel ini belum mendukung langkah tersebut. Perbarui Excel atau gunakan Excel di web.',
    en: 'This version of Excel does not support that step. Update Excel or use Excel on the web.',
  },
  protected: {
    id: 'Lembar kerja dilindungi sehingga tidak dapat diubah. Buka proteksi lembar, lalu coba lagi.',
    en: 'The sheet is protected and cannot be changed. Unprotect it and try again.',
  },
  settings: {
    id: 'Pengaturan tidak dapat disimpan ke dalam berkas. Coba lagi.',
    en: 'The setting could not be saved in the workbook. Try again.',
  },
  noHost: {
    id: 'Add-in ini harus dijalankan di dalam Excel.',
    en: 'This add-in must run inside Excel.',
  },
  general: {
    id: 'Excel tidak dapat menyelesaikan perintah ini. Coba lagi; bila tetap gagal, simpan, tutup, dan buka kembali berkas.',
    en: 'Excel could not complete this step. Try again; if it still fails, save, close and reopen the workbook.',
  },
};

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

export function adapterError(code: AdapterErrorCode, lang: Lang, officeCode: string | null = null): AdapterError {
  return new AdapterError(code, MESSAGES[code][lang], officeCode);
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
};

/** Any thrown value as an AdapterError with a plain-words message. */
export function toAdapterError(e: unknown, lang: Lang): AdapterError {
  if (e instanceof AdapterError) return e;
  const officeCode = e && typeof e === 'object' && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : null;
  if (officeCode && BY_OFFICE_CODE[officeCode]) return adapterError(BY_OFFICE_CODE[officeCode], lang, officeCode);
  if (e instanceof ReferenceError || e instanceof TypeError) {
    // `Excel` undefined: the pane was opened outside Excel.
    if (/\b(Excel|Office)\b/.test(e.message)) return adapterError('noHost', lang, null);
  }
  return adapterError('general', lang, officeCode);
}
