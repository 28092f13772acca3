/**
 * *Buat Lembar Isian*: the submission form created in the open workbook (docs/spec/addin.md), the Office
 * counterpart of the command line's `template` (src/node/template.ts, which writes an .xlsx):
 *
 * - `_daftar` (hidden): the long lists the drop-downs point at (OPD names, bidang urusan, RPJMD
 *   programs), because an inline list is limited to 255 characters;
 * - `Identitas` (only when missing): labels in A, values in B, help in C;
 * - `Inovasi`: the spec's headers as an Excel table, column widths, number formats, a frozen
 *   header, and — where ExcelApi 1.8 is supported — drop-downs for every enumerated column and for
 *   urusan/program, date and number validations, and input messages from the column help.
 *
 * `queueTemplate` queues all of it into a batch; `createTemplate` (the port's) runs it, refusing
 * when `Inovasi` exists.
 */
import { ReferenceIndex } from '../engine/reference/index';
import { Opd, Parameters, Reference } from '../engine/reference/model';
import { COLUMNS, ColumnDef, IDENTITY, IDENTITY_HELP, SHEET_IDENTITAS, SHEET_INOVASI, TEMPLATE_VERSION } from '../engine/schema';
import { SyncBatcher, letters, opBytes } from './chunks';
import { adapterError } from './errors';
import { SHEET_DAFTAR } from './flags';
import { Session, same } from './session';

/** Empty data rows the table starts with (validations and formats cover them). */
export const TEMPLATE_ROWS = 200;
export const TABLE_NAME = 'TabelInovasi';

const HEADER_FILL = '#1F4E79';
const HEADER_FILL_OPTIONAL = '#5B9BD5';
const STATUS_FILL = '#D9D9D9';
const LABEL_FILL = '#DDEBF7';
/** Points per character of column width (Calibri 11: 64 px = 48 pt for 8.43 characters). */
const PT_PER_CHAR = 5.7;

const WIDTHS: Readonly<Record<string, number>> = {
  no: 6, nama: 40, tahapan: 14, inisiator: 16, namaInisiator: 26, jenis: 14, bentuk: 38, urusan: 30, program: 44,
  targetPenerapan: 12, tglUjiCoba: 13, tglPenerapan: 13, dasarHukum: 38, nomorSop: 24, masalah: 50, rancangBangun: 60,
  tujuan: 45, manfaat: 45, hasil: 45, anggaran: 18, sumberAnggaran: 16, replikasi: 11, sumberReplikasi: 28,
  penerimaManfaat: 14, tautan: 40, spPersyaratan: 34, spProsedur: 34, spJangkaWaktu: 13, spBiaya: 16, spProduk: 28,
  spPengaduan: 34, status: 28,
};

const NUMBER_FORMAT: Partial<Record<ColumnDef['type'], string>> = {
  integer: '#,##0',
  year: '0',
  money: '#,##0',
  days: '0',
  date: 'dd/mm/yyyy',
  bidang: '@',
  program: '@',
};

const ERROR_TITLE = 'Isian tidak sah';

/** Excel caps prompt and alert titles at 32 characters and messages at 255. */
const cap = (text: string, max: number) => ([...text].length <= max ? text : [...text].slice(0, max - 1).join('') + '…');

interface Validation {
  readonly rule?: Excel.DataValidationRule;
  readonly prompt: Excel.DataValidationPrompt;
  readonly errorAlert?: Excel.DataValidationErrorAlert;
}

const prompt = (title: string, message: string): Excel.DataValidationPrompt => ({ showPrompt: true, title: cap(title, 32), message: cap(message, 255) });
const alert = (style: 'Stop' | 'Warning', message: string): Excel.DataValidationErrorAlert => ({ showAlert: true, style, title: ERROR_TITLE, message: cap(message, 255) });

function columnValidation(def: ColumnDef, lists: { bidang: string | null; program: string | null }, params: Pick<Parameters, 'namaMin' | 'namaMax'>): Validation {
  const p = prompt(def.label, def.help);
  switch (def.type) {
    case 'enum': {
      const values = (def.options ?? []).map((o) => o.value);
      return { prompt: p, rule: { list: { inCellDropDown: true, source: values.join(',') } }, errorAlert: alert('Stop', `Pilih salah satu: ${values.join(', ')}.`) };
    }
    case 'bidang':
      return lists.bidang
        ? { prompt: p, rule: { list: { inCellDropDown: true, source: lists.bidang } }, errorAlert: alert('Warning', 'Pilih bidang urusan dari daftar, misalnya «1.02 Kesehatan», atau ketik kodenya (1.02).') }
        : { prompt: p };
    case 'program':
      return lists.program
        ? { prompt: p, rule: { list: { inCellDropDown: true, source: lists.program } }, errorAlert: alert('Warning', 'Pilih program RPJMD dari daftar, atau ketik kodenya (misalnya 1.02.02).') }
        : { prompt: p };
    case 'date':
      // Text dates such as «12 Maret 2025» are accepted by the validator: warn only.
      return { prompt: p, rule: { date: { formula1: '2000-01-01', formula2: '2100-12-31', operator: 'Between' } }, errorAlert: alert('Warning', 'Isi tanggal yang sah dengan format HH/BB/TTTT, misalnya 05/08/2025.') };
    case 'year':
      return { prompt: p, rule: { wholeNumber: { formula1: 2000, formula2: 2100, operator: 'Between' } }, errorAlert: alert('Stop', 'Isi tahun berupa bilangan bulat antara 2000 dan 2100.') };
    case 'integer':
      return { prompt: p, rule: { wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' } }, errorAlert: alert('Stop', 'Isi bilangan bulat 0 atau lebih, tanpa huruf.') };
    case 'money':
      return { prompt: p, rule: { decimal: { formula1: 0, operator: 'GreaterThanOrEqualTo' } }, errorAlert: alert('Warning', 'Isi angka rupiah 0 atau lebih, misalnya 150000000 (tanpa «juta» atau «ribu»).') };
    case 'days':
      return { prompt: p, rule: { decimal: { formula1: 0, operator: 'GreaterThan' } }, errorAlert: alert('Warning', 'Isi jumlah hari lebih dari 0, misalnya 3.') };
    default:
      if (def.key === 'nama') {
        // The reference's bounds, as FMT-06 checks them.
        const { namaMin, namaMax } = params;
        return { prompt: p, rule: { textLength: { formula1: namaMin, formula2: namaMax, operator: 'Between' } }, errorAlert: alert('Warning', `Nama inovasi harus ${namaMin}–${namaMax} karakter.`) };
      }
      return { prompt: p };
  }
}

async function applyValidation(batcher: SyncBatcher, range: Excel.Range, v: Validation): Promise<void> {
  await batcher.reserve(opBytes(v.rule ?? null, v.prompt, v.errorAlert ?? null) + 400);
  range.dataValidation.clear();
  if (v.rule) range.dataValidation.rule = v.rule;
  range.dataValidation.prompt = v.prompt;
  if (v.errorAlert) range.dataValidation.errorAlert = v.errorAlert;
}

export interface TemplateOptions {
  readonly reference: Reference;
  readonly opd: Opd | null;
  /** Data validation (ExcelApi 1.8). */
  readonly validation: boolean;
  /** Sheet names present (as spelled in the workbook). */
  readonly sheets: readonly string[];
  /** Table names present in the workbook. */
  readonly tables: readonly string[];
  /** Tahun Pelaporan to fill in. */
  readonly tahun: number;
}

const find = (names: readonly string[], name: string) => names.find((n) => n.trim().toLowerCase() === name.toLowerCase());

/** Queues the template's writes; syncs through `batcher` only when the payload demands it. */
export async function queueTemplate(context: Excel.RequestContext, batcher: SyncBatcher, o: TemplateOptions): Promise<void> {
  const sheets = context.workbook.worksheets;
  const index = ReferenceIndex.of(o.reference);

  // _daftar: rewritten in place when present, so validations pointing at it stay valid.
  const lists = [
    { title: 'Daftar Perangkat Daerah', values: index.opdNames(), width: 60 },
    { title: 'Daftar Bidang Urusan (kode dan nama singkat)', values: index.bidangList().map((b) => `${b.kode} ${b.singkat}`), width: 50 },
    { title: `Daftar Program RPJMD ${index.periodText()}`, values: o.reference.rpjmd.program.map((p) => `${p.kode} - ${p.nama}`), width: 100 },
  ];
  const daftarName = find(o.sheets, SHEET_DAFTAR);
  const daftar = daftarName ? sheets.getItem(daftarName) : sheets.add(SHEET_DAFTAR);
  if (daftarName) daftar.getRange().clear();
  daftar.visibility = 'Hidden';
  const height = Math.max(...lists.map((l) => l.values.length)) + 1;
  const daftarRows = Array.from({ length: height }, (_, r) => lists.map((l) => (r === 0 ? l.title : (l.values[r - 1] ?? ''))));
  await batcher.reserve(opBytes(daftarRows) * 2);
  const daftarRange = daftar.getRange(`A1:C${height}`);
  daftarRange.numberFormat = daftarRows.map((row) => row.map(() => '@'));
  daftarRange.values = daftarRows;
  daftar.getRange('A1:C1').format.font.bold = true;
  lists.forEach((l, c) => void (daftar.getRange(`${letters(c)}:${letters(c)}`).format.columnWidth = l.width * PT_PER_CHAR));
  const listRef = (c: number, count: number) => (count === 0 ? null : `=${SHEET_DAFTAR}!$${letters(c)}$2:$${letters(c)}$${count + 1}`);
  const opdList = listRef(0, lists[0].values.length);
  const refs = { bidang: listRef(1, lists[1].values.length), program: listRef(2, lists[2].values.length) };

  // Identitas: only when missing; a filled-in identity is never overwritten.
  if (!find(o.sheets, SHEET_IDENTITAS)) {
    const ws = sheets.add(SHEET_IDENTITAS);
    const rows = IDENTITY.map((def) => {
      const value = def.key === 'opd' ? (o.opd?.nama ?? '') : def.key === 'tahun' ? o.tahun : def.key === 'versiTemplat' ? TEMPLATE_VERSION : '';
      return [def.label, value, IDENTITY_HELP[def.key]];
    });
    const range = ws.getRange(`A1:C${rows.length}`);
    await batcher.reserve(opBytes(rows) * 2);
    range.numberFormat = IDENTITY.map((def) => ['@', def.key === 'tahun' ? '0' : def.key === 'tanggalPengisian' ? 'dd/mm/yyyy' : '@', '@']);
    range.values = rows;
    const labels = ws.getRange(`A1:A${rows.length}`);
    labels.format.font.bold = true;
    labels.format.fill.color = LABEL_FILL;
    ws.getRange('A:A').format.columnWidth = 26 * PT_PER_CHAR;
    ws.getRange('B:B').format.columnWidth = 52 * PT_PER_CHAR;
    ws.getRange('C:C').format.columnWidth = 64 * PT_PER_CHAR;
    ws.getRange(`C1:C${rows.length}`).format.font.color = '#595959';
    if (o.validation) {
      for (const [i, def] of IDENTITY.entries()) {
        const cell = ws.getRange(`B${i + 1}`);
        const p = prompt(def.label, IDENTITY_HELP[def.key]);
        if (def.key === 'opd' && !o.opd && opdList) {
          await applyValidation(batcher, cell, { prompt: p, rule: { list: { inCellDropDown: true, source: opdList } }, errorAlert: alert('Stop', 'Pilih nama perangkat daerah dari daftar.') });
        } else if (def.key === 'tahun') {
          await applyValidation(batcher, cell, { prompt: p, rule: { wholeNumber: { formula1: 2000, formula2: 2100, operator: 'Between' } }, errorAlert: alert('Stop', 'Isi tahun berupa bilangan bulat antara 2000 dan 2100.') });
        } else if (def.key === 'tanggalPengisian') {
          await applyValidation(batcher, cell, { prompt: p, rule: { date: { formula1: '2000-01-01', formula2: '2100-12-31', operator: 'Between' } }, errorAlert: alert('Warning', 'Isi tanggal yang sah dengan format HH/BB/TTTT.') });
        } else {
          await applyValidation(batcher, cell, { prompt: p });
        }
      }
    }
  }

  // Inovasi: header, formats, table, widths, frozen header, validations.
  const ws = sheets.add(SHEET_INOVASI);
  const lastCol = letters(COLUMNS.length - 1);
  const lastRow = TEMPLATE_ROWS + 1;
  const header = [COLUMNS.map((c) => c.label)];
  ws.getRange(`A1:${lastCol}1`).values = header;
  const formats = Array.from({ length: TEMPLATE_ROWS }, () => COLUMNS.map((c) => NUMBER_FORMAT[c.type] ?? 'General'));
  await batcher.reserve(opBytes(formats) + opBytes(header));
  ws.getRange(`A2:${lastCol}${lastRow}`).numberFormat = formats;
  const table = ws.tables.add(`A1:${lastCol}${lastRow}`, true);
  let name = TABLE_NAME;
  for (let i = 2; o.tables.some((t) => t.toLowerCase() === name.toLowerCase()); i++) name = `${TABLE_NAME}${i}`;
  table.name = name;
  table.showFilterButton = true;
  const headerRange = ws.getRange(`A1:${lastCol}1`);
  headerRange.format.font.bold = true;
  headerRange.format.font.color = '#FFFFFF';
  headerRange.format.fill.color = HEADER_FILL;
  headerRange.format.wrapText = true;
  COLUMNS.forEach((def, c) => {
    const l = letters(c);
    if (!def.requiredColumn) {
      const h = ws.getRange(`${l}1`);
      h.format.fill.color = def.key === 'status' ? STATUS_FILL : HEADER_FILL_OPTIONAL;
      if (def.key === 'status') h.format.font.color = '#000000';
    }
    ws.getRange(`${l}:${l}`).format.columnWidth = (WIDTHS[def.key] ?? 16) * PT_PER_CHAR;
  });
  ws.freezePanes.freezeRows(1);
  if (o.validation) {
    for (const [c, def] of COLUMNS.entries()) {
      await applyValidation(batcher, ws.getRange(`${letters(c)}2:${letters(c)}${lastRow}`), columnValidation(def, refs, o.reference.parameter));
    }
  }
  ws.activate();
  ws.getRange('A2').select();
}

/** The port's `createTemplate`: the sheet and table lists, then the template queued (refused when `Inovasi` exists). */
export async function createTemplate(session: Session, reference: Reference, opd?: Opd | null): Promise<void> {
  await session.run(async (context) => {
    const list = context.workbook.worksheets.load('items/name');
    const tables = context.workbook.tables.load('items/name');
    await context.sync();
    const names = list.items.map((ws) => ws.name);
    if (names.some((n) => same(n, 'Inovasi'))) throw adapterError('templateExists', session.lang());
    const batcher = new SyncBatcher(context);
    await queueTemplate(context, batcher, {
      reference,
      opd: opd ?? null,
      validation: session.supports('1.8'),
      sheets: names,
      tables: tables.items.map((t) => t.name),
      tahun: new Date(session.now()).getFullYear(),
    });
    await batcher.flush();
  });
  session.snapshot = null;
}
