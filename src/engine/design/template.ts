/**
 * The submission form's design (docs/spec/submission-workbook.md), one definition for both writers:
 * the command line's `template` (src/node/template.ts, exceljs) and the add-in's *Buat Lembar
 * Isian* (src/addin/template.ts, Office.js). Widths typed by column key, number formats, the
 * hidden lists' titles, the data validations as plain data, bounds. Each writer only translates
 * these into its library's terms.
 */
import { ReferenceIndex } from '../reference/index';
import { Parameters, Reference } from '../reference/model';
import { ColumnDef, ColumnKey, IDENTITY_HELP, IdentityKey } from '../schema';
import { NUMBER_FORMATS } from './formats';

/** Pre-formatted data rows under the header (rows 2 … 201). */
export const TEMPLATE_ROWS = 200;
/** The hidden sheet holding the long lists the drop-downs point at. */
export const SHEET_DAFTAR = '_daftar';

/** `Inovasi` column widths in characters. */
export const COLUMN_WIDTHS: Readonly<Record<ColumnKey, number>> = {
  no: 6,
  nama: 40,
  tahapan: 14,
  inisiator: 16,
  namaInisiator: 26,
  jenis: 14,
  bentuk: 38,
  urusan: 30,
  program: 44,
  targetPenerapan: 12,
  tglUjiCoba: 13,
  tglPenerapan: 13,
  dasarHukum: 38,
  nomorSop: 24,
  masalah: 50,
  rancangBangun: 60,
  tujuan: 45,
  manfaat: 45,
  hasil: 45,
  anggaran: 18,
  sumberAnggaran: 16,
  replikasi: 11,
  sumberReplikasi: 28,
  penerimaManfaat: 14,
  tautan: 40,
  spPersyaratan: 34,
  spProsedur: 34,
  spJangkaWaktu: 13,
  spBiaya: 16,
  spProduk: 28,
  spPengaduan: 34,
  status: 28,
};

/** `Identitas` column widths: label, value, help. */
export const IDENTITY_WIDTHS = [26, 52, 64] as const;

/**
 * The help of an identity value (column C and the input message of column B), saying what B is:
 * the OPD is chosen from a list only when there is one (docs/spec/submission-workbook.md); a
 * template made for one OPD has it filled in.
 */
export function identityHelp(key: IdentityKey, o: { opdFixed: boolean; lists: DaftarPresent }): string {
  if (key !== 'opd') return IDENTITY_HELP[key];
  if (o.opdFixed) return 'Nama resmi perangkat daerah, sudah diisi untuk templat ini. Wajib.';
  if (!o.lists.opd) return 'Nama resmi perangkat daerah, sesuai referensi. Wajib.';
  return IDENTITY_HELP.opd;
}

/** Number format of an `Inovasi` column by its value type (none: General). */
export const COLUMN_FORMAT: Partial<Record<ColumnDef['type'], string>> = {
  integer: NUMBER_FORMATS.integer,
  year: NUMBER_FORMATS.plain,
  money: NUMBER_FORMATS.integer,
  days: NUMBER_FORMATS.plain,
  date: NUMBER_FORMATS.date,
  bidang: NUMBER_FORMATS.text,
  program: NUMBER_FORMATS.text,
};

/** Number format of an `Identitas` value. */
export const identityFormat = (key: IdentityKey): string =>
  key === 'tahun'
    ? NUMBER_FORMATS.plain
    : key === 'tanggalPengisian'
      ? NUMBER_FORMATS.date
      : NUMBER_FORMATS.text;

/** Long free-text columns: top-aligned, not wrapped, so rows keep one line (the command line's). */
export const LONG_TEXT_COLUMNS: ReadonlySet<ColumnKey> = new Set<ColumnKey>([
  'masalah',
  'rancangBangun',
  'tujuan',
  'manfaat',
  'hasil',
]);

export const YEAR_BOUNDS = { min: 2000, max: 2100 } as const;
export const DATE_BOUNDS = { min: '2000-01-01', max: '2100-12-31' } as const;

/** A long list of the hidden `_daftar` sheet: its title (row 1), values, column width. */
export interface DaftarList {
  readonly title: string;
  readonly values: readonly string[];
  readonly width: number;
}

export type DaftarKind = 'opd' | 'bidang' | 'program';

/**
 * The lists of `_daftar`, columns A, B, C: OPD names, bidang urusan as `1.02 Kesehatan` (a form the
 * validator accepts) and RPJMD programs as `1.02.02 - NAMA`. The titles deliberately differ from
 * the Inovasi column labels, so the sheet is never mistaken for a submission table.
 */
export function daftarLists(ref: Reference): Readonly<Record<DaftarKind, DaftarList>> {
  const index = ReferenceIndex.of(ref);
  return {
    opd: { title: 'Daftar Perangkat Daerah', values: index.opdNames(), width: 60 },
    bidang: {
      title: 'Daftar Bidang Urusan (kode dan nama singkat)',
      values: index.bidangList().map((b) => `${b.kode} ${b.singkat}`),
      width: 50,
    },
    program: {
      title: `Daftar Program RPJMD ${index.periodText()}`,
      values: ref.rpjmd.program.map((p) => `${p.kode} - ${p.nama}`),
      width: 100,
    },
  };
}

export const DAFTAR_ORDER: readonly DaftarKind[] = ['opd', 'bidang', 'program'];

// ---------------------------------------------------------------------------------------------
// Data validations as plain data

export type FormRule =
  | { readonly kind: 'list'; readonly values: readonly string[] }
  | { readonly kind: 'daftar'; readonly list: DaftarKind }
  | { readonly kind: 'date'; readonly min: string; readonly max: string }
  | {
      readonly kind: 'whole' | 'decimal' | 'textLength';
      readonly operator: 'between';
      readonly min: number;
      readonly max: number;
    }
  | {
      readonly kind: 'whole' | 'decimal';
      readonly operator: 'greaterThanOrEqual' | 'greaterThan';
      readonly min: number;
    };

/** A cell's validation: the input message, and (when any) the rule and the alert when it is broken. */
export interface FormValidation {
  readonly title: string;
  readonly prompt: string;
  readonly rule: FormRule | null;
  /** `stop` refuses the entry; `warning` lets the user keep it (the validator accepts more forms). */
  readonly alert: { readonly style: 'stop' | 'warning'; readonly message: string } | null;
}

export const ERROR_TITLE = 'Isian tidak sah';
/** Excel caps prompt and alert titles at 32 characters and messages at 255. */
export const TITLE_MAX = 32;
export const MESSAGE_MAX = 255;
export const cap = (text: string, max: number): string =>
  [...text].length <= max ? text : [...text].slice(0, max - 1).join('') + '…';

const YEAR_RULE: FormRule = {
  kind: 'whole',
  operator: 'between',
  min: YEAR_BOUNDS.min,
  max: YEAR_BOUNDS.max,
};
const YEAR_ALERT = {
  style: 'stop',
  message: `Isi tahun berupa bilangan bulat antara ${YEAR_BOUNDS.min} dan ${YEAR_BOUNDS.max}.`,
} as const;
const DATE_RULE: FormRule = { kind: 'date', min: DATE_BOUNDS.min, max: DATE_BOUNDS.max };

/** Which `_daftar` lists have values (a list without values gets no drop-down). */
export type DaftarPresent = Readonly<Record<DaftarKind, boolean>>;

/** The validation of an `Inovasi` column (prompt only when its type has no rule). */
export function columnValidation(
  def: ColumnDef,
  lists: DaftarPresent,
  params: Pick<Parameters, 'namaMin' | 'namaMax'>,
): FormValidation {
  const v = (
    rule: FormRule | null,
    style: 'stop' | 'warning' | null = null,
    message = '',
  ): FormValidation => ({
    title: def.label,
    prompt: def.help,
    rule,
    alert: rule && style ? { style, message } : null,
  });
  switch (def.type) {
    case 'enum': {
      const values = (def.options ?? []).map((o) => o.value);
      return v({ kind: 'list', values }, 'stop', `Pilih salah satu: ${values.join(', ')}.`);
    }
    case 'bidang':
      // A bare code (`1.02`) is accepted too: warn, do not refuse.
      return lists.bidang
        ? v(
            { kind: 'daftar', list: 'bidang' },
            'warning',
            'Pilih bidang urusan dari daftar, misalnya «1.02 Kesehatan», atau ketik kodenya (1.02).',
          )
        : v(null);
    case 'program':
      return lists.program
        ? v(
            { kind: 'daftar', list: 'program' },
            'warning',
            'Pilih program RPJMD dari daftar, atau ketik kodenya (misalnya 1.02.02).',
          )
        : v(null);
    case 'date':
      // Text dates such as «12 Maret 2025» are accepted by the validator: warn only.
      return v(DATE_RULE, 'warning', 'Isi tanggal yang sah dengan format HH/BB/TTTT, misalnya 05/08/2025.');
    case 'year':
      return v(YEAR_RULE, YEAR_ALERT.style, YEAR_ALERT.message);
    case 'integer':
      return v(
        { kind: 'whole', operator: 'greaterThanOrEqual', min: 0 },
        'stop',
        'Isi bilangan bulat 0 atau lebih, tanpa huruf.',
      );
    case 'money':
      return v(
        { kind: 'decimal', operator: 'greaterThanOrEqual', min: 0 },
        'warning',
        'Isi angka rupiah 0 atau lebih, misalnya 150000000 (tanpa «juta» atau «ribu»).',
      );
    case 'days':
      return v(
        { kind: 'decimal', operator: 'greaterThan', min: 0 },
        'warning',
        'Isi jumlah hari lebih dari 0, misalnya 3.',
      );
    default:
      if (def.key === 'nama') {
        // The reference's bounds, as FMT-06 checks them.
        const { namaMin, namaMax } = params;
        return v(
          { kind: 'textLength', operator: 'between', min: namaMin, max: namaMax },
          'warning',
          `Nama inovasi harus ${namaMin}–${namaMax} karakter.`,
        );
      }
      return v(null);
  }
}

/** The validation of an `Identitas` value; `opdFixed`: the OPD is filled in (no drop-down). */
export function identityValidation(
  key: IdentityKey,
  label: string,
  help: string,
  o: { opdFixed: boolean; lists: DaftarPresent },
): FormValidation {
  const v = (
    rule: FormRule | null,
    style: 'stop' | 'warning' | null = null,
    message = '',
  ): FormValidation => ({
    title: label,
    prompt: help,
    rule,
    alert: rule && style ? { style, message } : null,
  });
  if (key === 'opd' && !o.opdFixed && o.lists.opd)
    return v({ kind: 'daftar', list: 'opd' }, 'stop', 'Pilih nama perangkat daerah dari daftar.');
  if (key === 'tahun') return v(YEAR_RULE, YEAR_ALERT.style, YEAR_ALERT.message);
  if (key === 'tanggalPengisian')
    return v(DATE_RULE, 'warning', 'Isi tanggal yang sah dengan format HH/BB/TTTT.');
  return v(null);
}
