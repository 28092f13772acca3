/**
 * The blank submission workbook of template version 1 (docs/spec/submission-workbook.md; command
 * `template` of docs/spec/report-and-cli.md), written with exceljs. Node only.
 *
 * Sheets: `Identitas` (label in A, value in B, help in C), `Inovasi` (the header row in spec order
 * and 200 pre-formatted rows with drop-down lists, input messages and error alerts) and the hidden
 * `_daftar` holding the long lists (OPD names, bidang urusan, RPJMD programs) that the drop-downs
 * point at, because an inline list is limited to 255 characters.
 */
import ExcelJS from 'exceljs';
import { columnLetter as letters } from '../engine/grid';
import { referenceIndex } from '../engine/reference/index';
import { Opd, Parameters, Reference } from '../engine/reference/model';
import {
  COLUMNS,
  ColumnDef,
  IDENTITY,
  IDENTITY_HELP,
  SHEET_IDENTITAS,
  SHEET_INOVASI,
  TEMPLATE_VERSION,
} from '../engine/schema';
import { CREATOR, DATE_FORMAT, writeWorkbook } from './xlsxWriter';

export const SHEET_DAFTAR = '_daftar';
/** Pre-formatted data rows under the header (rows 2 … 201). */
export const TEMPLATE_ROWS = 200;

export interface TemplateOptions {
  /** The submitting OPD: its official name is filled in; otherwise a drop-down of all OPDs. */
  readonly opd?: Opd;
  /** Tahun Pelaporan (default: the year of `date`). */
  readonly tahun?: number;
  /** The workbook's created/modified date and its zip entries' time (default: now). */
  readonly date?: Date;
  /** Pre-formatted rows under the header (default `TEMPLATE_ROWS`). */
  readonly rows?: number;
}

/** The bounds of FMT-06 (the reference's `namaMin`/`namaMax`), which the name column's alert follows. */
type NameLength = Pick<Parameters, 'namaMin' | 'namaMax'>;

type Validation = ExcelJS.DataValidation | (Omit<ExcelJS.DataValidation, 'type'> & { type: 'any' });
interface ValidationHost {
  dataValidations: { add(address: string, validation: Validation): void };
}

const HEADER_FILL = 'FF1F4E79';
const HEADER_FILL_OPTIONAL = 'FF5B9BD5';
const STATUS_FILL = 'FFD9D9D9';
const LABEL_FILL = 'FFDDEBF7';
const THIN = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

const MIN_DATE = new Date(Date.UTC(2000, 0, 1));
const MAX_DATE = new Date(Date.UTC(2100, 11, 31));


/** `'_daftar'!$A$2:$A$38`, or null for an empty list. */
function listRange(col: number, count: number): string | null {
  if (count === 0) return null;
  const l = letters(col);
  return `'${SHEET_DAFTAR}'!$${l}$2:$${l}$${count + 1}`;
}

/** Excel caps titles at 32 and messages at 255 characters. */
const cap = (text: string, max: number) =>
  [...text].length <= max ? text : [...text].slice(0, max - 1).join('') + '…';

function addValidation(ws: ExcelJS.Worksheet, address: string, v: Validation): void {
  const dv: Validation = {
    ...v,
    ...(v.prompt !== undefined ? { prompt: cap(v.prompt, 255), showInputMessage: true } : {}),
    ...(v.promptTitle !== undefined ? { promptTitle: cap(v.promptTitle, 32) } : {}),
    ...(v.error !== undefined ? { error: cap(v.error, 255), showErrorMessage: true } : {}),
    ...(v.errorTitle !== undefined ? { errorTitle: cap(v.errorTitle, 32) } : {}),
  };
  if (dv.type === 'any') {
    // A prompt-only validation: nothing to refuse, so no error alert.
    delete dv.errorTitle;
    delete dv.error;
    delete dv.errorStyle;
    delete dv.showErrorMessage;
  }
  (ws as unknown as ValidationHost).dataValidations.add(address, dv);
}

const WIDTHS: Partial<Record<string, number>> = {
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

const NUMBER_FORMAT: Partial<Record<ColumnDef['type'], string>> = {
  integer: '#,##0',
  year: '0',
  money: '#,##0',
  days: '0',
  date: DATE_FORMAT,
  bidang: '@',
  program: '@',
};

/** Long free-text columns: top-aligned, not wrapped, so rows keep one line. */
const LONG_TEXT = new Set(['masalah', 'rancangBangun', 'tujuan', 'manfaat', 'hasil']);

const ERROR_TITLE = 'Isian tidak sah';

/** The data validation of one column, or a prompt-only validation when the type has none. */
function columnValidation(
  def: ColumnDef,
  lists: { bidang: string | null; program: string | null },
  params: NameLength,
): Validation {
  const base = { allowBlank: true, promptTitle: def.label, prompt: def.help, errorTitle: ERROR_TITLE };
  switch (def.type) {
    case 'enum': {
      const values = (def.options ?? []).map((o) => o.value);
      return {
        ...base,
        type: 'list',
        formulae: [`"${values.join(',')}"`],
        errorStyle: 'stop',
        error: `Pilih salah satu: ${values.join(', ')}.`,
      };
    }
    case 'bidang':
      return lists.bidang
        ? {
            ...base,
            type: 'list',
            formulae: [lists.bidang],
            // A bare code (`1.02`) is accepted too: warn, do not refuse.
            errorStyle: 'warning',
            error: 'Pilih bidang urusan dari daftar, misalnya «1.02 Kesehatan», atau ketik kodenya (1.02).',
          }
        : { ...base, type: 'any', formulae: [] };
    case 'program':
      return lists.program
        ? {
            ...base,
            type: 'list',
            formulae: [lists.program],
            errorStyle: 'warning',
            error: 'Pilih program RPJMD dari daftar, atau ketik kodenya (misalnya 1.02.02).',
          }
        : { ...base, type: 'any', formulae: [] };
    case 'date':
      return {
        ...base,
        type: 'date',
        operator: 'between',
        formulae: [MIN_DATE, MAX_DATE],
        // Text dates such as «12 Maret 2025» are accepted by the validator: warn only.
        errorStyle: 'warning',
        error: 'Isi tanggal yang sah dengan format HH/BB/TTTT, misalnya 05/08/2025.',
      };
    case 'year':
      return {
        ...base,
        type: 'whole',
        operator: 'between',
        formulae: [2000, 2100],
        errorStyle: 'stop',
        error: 'Isi tahun berupa bilangan bulat antara 2000 dan 2100.',
      };
    case 'integer':
      return {
        ...base,
        type: 'whole',
        operator: 'greaterThanOrEqual',
        formulae: [0],
        errorStyle: 'stop',
        error: 'Isi bilangan bulat 0 atau lebih, tanpa huruf.',
      };
    case 'money':
      return {
        ...base,
        type: 'decimal',
        operator: 'greaterThanOrEqual',
        formulae: [0],
        errorStyle: 'warning',
        error: 'Isi angka rupiah 0 atau lebih, misalnya 150000000 (tanpa «juta» atau «ribu»).',
      };
    case 'days':
      return {
        ...base,
        type: 'decimal',
        operator: 'greaterThan',
        formulae: [0],
        errorStyle: 'warning',
        error: 'Isi jumlah hari lebih dari 0, misalnya 3.',
      };
    default:
      if (def.key === 'nama') {
        return {
          ...base,
          type: 'textLength',
          operator: 'between',
          // The reference's bounds, as FMT-06 checks them.
          formulae: [params.namaMin, params.namaMax],
          errorStyle: 'warning',
          error: `Nama inovasi harus ${params.namaMin}–${params.namaMax} karakter.`,
        };
      }
      return { ...base, type: 'any', formulae: [] };
  }
}


interface DaftarList {
  readonly title: string;
  readonly values: readonly string[];
  readonly width: number;
}

/**
 * The lists of the hidden `_daftar` sheet, one per column: OPD names, bidang urusan as
 * `1.02 Kesehatan` (a form the validator accepts) and RPJMD programs as `1.02.02 - NAMA`.
 * The titles deliberately differ from the Inovasi column labels, so the sheet is never mistaken
 * for a submission table.
 */
function daftarLists(ref: Reference): { opd: DaftarList; bidang: DaftarList; program: DaftarList } {
  const index = referenceIndex(ref);
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

function addDaftarSheet(wb: ExcelJS.Workbook, lists: readonly DaftarList[]): void {
  const ws = wb.addWorksheet(SHEET_DAFTAR, { state: 'hidden' });
  lists.forEach((list, c) => {
    const header = ws.getCell(1, c + 1);
    header.value = list.title;
    header.font = { bold: true };
    ws.getColumn(c + 1).width = list.width;
    list.values.forEach((v, r) => {
      const cell = ws.getCell(r + 2, c + 1);
      cell.numFmt = '@';
      cell.value = v;
    });
  });
}

function addIdentitasSheet(
  wb: ExcelJS.Workbook,
  opts: TemplateOptions,
  tahun: number,
  opdList: string | null,
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(SHEET_IDENTITAS, {
    properties: { tabColor: { argb: HEADER_FILL } },
    views: [{ state: 'normal', showGridLines: true }],
  });
  ws.getColumn(1).width = 26;
  ws.getColumn(2).width = 52;
  ws.getColumn(3).width = 64;

  IDENTITY.forEach((def, i) => {
    const r = i + 1;
    const label = ws.getCell(r, 1);
    label.value = def.label;
    label.font = { bold: true };
    label.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: LABEL_FILL } };
    label.border = BORDER;
    label.alignment = { vertical: 'middle' };

    const value = ws.getCell(r, 2);
    value.border = BORDER;
    value.alignment = { vertical: 'middle' };

    const help = ws.getCell(r, 3);
    help.value = IDENTITY_HELP[def.key];
    help.font = { italic: true, color: { argb: 'FF595959' } };
    help.alignment = { vertical: 'middle', wrapText: true };

    const address = value.address;
    const prompt = {
      promptTitle: def.label,
      prompt: IDENTITY_HELP[def.key],
      errorTitle: ERROR_TITLE,
      allowBlank: true,
    };
    switch (def.key) {
      case 'opd':
        if (opts.opd) {
          value.value = opts.opd.nama;
          addValidation(ws, address, { ...prompt, type: 'any', formulae: [] });
        } else if (opdList) {
          addValidation(ws, address, {
            ...prompt,
            type: 'list',
            formulae: [opdList],
            errorStyle: 'stop',
            error: 'Pilih nama perangkat daerah dari daftar.',
          });
        }
        break;
      case 'tahun':
        value.value = tahun;
        value.numFmt = '0';
        value.alignment = { vertical: 'middle', horizontal: 'left' };
        addValidation(ws, address, {
          ...prompt,
          type: 'whole',
          operator: 'between',
          formulae: [2000, 2100],
          errorStyle: 'stop',
          error: 'Isi tahun berupa bilangan bulat antara 2000 dan 2100.',
        });
        break;
      case 'tanggalPengisian':
        value.numFmt = DATE_FORMAT;
        value.alignment = { vertical: 'middle', horizontal: 'left' };
        addValidation(ws, address, {
          ...prompt,
          type: 'date',
          operator: 'between',
          formulae: [MIN_DATE, MAX_DATE],
          errorStyle: 'warning',
          error: 'Isi tanggal yang sah dengan format HH/BB/TTTT.',
        });
        break;
      case 'versiTemplat':
        value.numFmt = '@';
        value.value = TEMPLATE_VERSION;
        value.font = { color: { argb: 'FF808080' } };
        break;
      case 'telepon':
        value.numFmt = '@'; // keeps the leading 0
        addValidation(ws, address, { ...prompt, type: 'any', formulae: [] });
        break;
      default:
        addValidation(ws, address, { ...prompt, type: 'any', formulae: [] });
    }
  });

  const note = ws.getCell(IDENTITY.length + 2, 1);
  note.value =
    'Petunjuk: isi satu baris per inovasi pada lembar «Inovasi». Kolom «Status Validasi» diisi oleh alat validasi; jangan diubah.';
  note.font = { italic: true, color: { argb: 'FF595959' } };
  return ws;
}

function addInovasiSheet(
  wb: ExcelJS.Workbook,
  rows: number,
  lists: { bidang: string | null; program: string | null },
  params: NameLength,
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(SHEET_INOVASI, {
    properties: { tabColor: { argb: HEADER_FILL_OPTIONAL } },
    views: [{ state: 'frozen', xSplit: 2, ySplit: 1, topLeftCell: 'C2', activeCell: 'B2' }],
  });
  const last = rows + 1;

  COLUMNS.forEach((def, c) => {
    const column = ws.getColumn(c + 1);
    column.width = WIDTHS[def.key] ?? 20;
    // Column styles first: header and data cells created later inherit them.
    const numFmt = NUMBER_FORMAT[def.type];
    if (numFmt) column.numFmt = numFmt;
    column.alignment = LONG_TEXT.has(def.key)
      ? { vertical: 'top' }
      : { vertical: 'top', wrapText: def.type === 'text' };
    if (def.key === 'status') {
      column.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STATUS_FILL } };
      column.font = { italic: true, color: { argb: 'FF595959' } };
    }

    const header = ws.getCell(1, c + 1);
    header.value = def.label;
    header.numFmt = 'General';
    header.font = { bold: true, color: { argb: def.key === 'status' ? 'FF000000' : 'FFFFFFFF' } };
    header.fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: {
        argb: def.key === 'status' ? 'FFBFBFBF' : def.requiredColumn ? HEADER_FILL : HEADER_FILL_OPTIONAL,
      },
    };
    header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    header.border = BORDER;

    if (def.key !== 'status' && rows > 0) {
      const l = letters(c);
      addValidation(ws, `${l}2:${l}${last}`, columnValidation(def, lists, params));
    }
  });
  ws.getRow(1).height = 45;
  ws.autoFilter = `A1:${letters(COLUMNS.length - 1)}${Math.max(1, last)}`;
  return ws;
}

/** The blank submission workbook (template version 1) as an exceljs workbook. */
export function templateWorkbook(ref: Reference, opts: TemplateOptions = {}): ExcelJS.Workbook {
  const date = opts.date ?? new Date();
  const tahun = opts.tahun ?? date.getUTCFullYear();
  const rows = opts.rows ?? TEMPLATE_ROWS;

  const wb = new ExcelJS.Workbook();
  wb.creator = CREATOR;
  wb.lastModifiedBy = CREATOR;
  wb.created = date;
  wb.modified = date;
  wb.title = opts.opd
    ? `Usulan Inovasi Daerah ${tahun} - ${opts.opd.nama}`
    : `Usulan Inovasi Daerah ${tahun}`;
  wb.subject = `${ref.daerah.nama}: usulan inovasi daerah (templat versi ${TEMPLATE_VERSION})`;

  // Sheet order: Identitas, Inovasi, then the hidden lists (column A, B, C of `_daftar`).
  const lists = daftarLists(ref);
  const ranges = {
    opd: listRange(0, lists.opd.values.length),
    bidang: listRange(1, lists.bidang.values.length),
    program: listRange(2, lists.program.values.length),
  };
  addIdentitasSheet(wb, opts, tahun, ranges.opd);
  addInovasiSheet(wb, rows, ranges, ref.parameter);
  addDaftarSheet(wb, [lists.opd, lists.bidang, lists.program]);
  wb.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' },
  ];
  return wb;
}

/** Writes the blank submission workbook to `outPath` (byte-stable for a given `opts.date`). */
export async function writeTemplate(ref: Reference, opts: TemplateOptions, outPath: string): Promise<void> {
  const wb = templateWorkbook(ref, opts);
  await writeWorkbook(wb, outPath, wb.modified);
}
