/**
 * The add-in's own words (what it writes into the workbook and its Office errors), one table per
 * language: `AddinTexts` lists every text, so a text missing in either language fails to compile.
 * Finding messages come from the engine's catalogues; the task pane's words from ../taskpane/i18n.ts.
 */
import type { Lang } from '../engine/messages';
import type { AdapterErrorCode } from './errors';

export interface AddinTexts {
  /** An Office failure in plain words, by the one code table of errors.ts. */
  readonly error: Readonly<Record<AdapterErrorCode, string>>;
  /** A cell note's hint line (`Saran: …`, after `Galat FMT-01: …`). */
  readonly hint: string;
  /** `Status Validasi`: `Siap`, or the open errors and warnings (`2 galat, 1 peringatan`). */
  readonly ready: string;
  errors(n: number): string;
  warnings(n: number): string;
}

const id: AddinTexts = {
  error: {
    editing:
      'Excel sedang menyunting sebuah sel. Selesaikan penyuntingan sel itu (tekan Enter atau Esc), lalu coba lagi.',
    // InvalidOperation has many causes besides cell-edit mode (which Excel reports as its own code).
    refused:
      'Excel menolak langkah ini dalam keadaan buku kerja saat ini. Validasi ulang, lalu coba lagi; bila tetap gagal, simpan, tutup, dan buka kembali berkas.',
    temuanChanged:
      'Lembar «Temuan» diubah sejak validasi terakhir (misalnya sebuah keputusan diketik di sana); tidak ada yang ditulis, keputusan itu tetap ada. Validasi ulang, lalu coba lagi.',
    tooLarge:
      'Data yang harus dikirim ke Excel terlalu besar untuk sekali proses. Coba lagi; bila tetap gagal, bagi isian menjadi beberapa berkas.',
    notFound:
      'Lembar atau sel yang dibutuhkan tidak ditemukan (mungkin sudah diganti namanya atau dihapus). Validasi ulang, lalu coba lagi.',
    exists: 'Sudah ada lembar atau tabel dengan nama yang sama di buku kerja ini.',
    templateExists: 'Lembar «Inovasi» sudah ada di buku kerja ini, jadi lembar isian baru tidak dibuat.',
    unsupported:
      'Versi Excel ini belum mendukung langkah tersebut. Perbarui Excel atau gunakan Excel di web.',
    protected: 'Lembar kerja dilindungi sehingga tidak dapat diubah. Buka proteksi lembar, lalu coba lagi.',
    settings: 'Pengaturan tidak dapat disimpan ke dalam berkas. Coba lagi.',
    noHost: 'Add-in ini harus dijalankan di dalam Excel.',
    general:
      'Excel tidak dapat menyelesaikan perintah ini. Coba lagi; bila tetap gagal, simpan, tutup, dan buka kembali berkas.',
  },
  hint: 'Saran',
  ready: 'Siap',
  errors: (n) => `${n} galat`,
  warnings: (n) => `${n} peringatan`,
};

const en: AddinTexts = {
  error: {
    editing: 'Excel is busy editing a cell. Finish editing the cell (press Enter or Esc) and try again.',
    refused:
      'Excel refused this step in the workbook as it is now. Validate again, then retry; if it still fails, save, close and reopen the workbook.',
    temuanChanged:
      'The «Temuan» sheet changed since the last validation (a decision typed there, for example); nothing was written and that decision is kept. Validate again, then retry.',
    tooLarge:
      'Too much data for Excel to take in one go. Try again; if it still fails, split the submission into smaller workbooks.',
    notFound:
      'A sheet or cell the add-in needs was not found (it may have been renamed or deleted). Validate again, then retry.',
    exists: 'The workbook already has a sheet or table of that name.',
    templateExists: 'This workbook already has an «Inovasi» sheet, so no new form was created.',
    unsupported: 'This version of Excel does not support that step. Update Excel or use Excel on the web.',
    protected: 'The sheet is protected and cannot be changed. Unprotect it and try again.',
    settings: 'The setting could not be saved in the workbook. Try again.',
    noHost: 'This add-in must run inside Excel.',
    general:
      'Excel could not complete this step. Try again; if it still fails, save, close and reopen the workbook.',
  },
  hint: 'Hint',
  ready: 'Ready',
  errors: (n) => `${n} error${n === 1 ? '' : 's'}`,
  warnings: (n) => `${n} warning${n === 1 ? '' : 's'}`,
};

export const ADDIN_TEXTS: Readonly<Record<Lang, AddinTexts>> = { id, en };
