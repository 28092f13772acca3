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
import { argb } from '../engine/design/palette';
import { NUMBER_FORMATS } from '../engine/design/formats';
import {
  COLUMN_FORMAT,
  COLUMN_WIDTHS,
  DAFTAR_ORDER,
  DaftarKind,
  DaftarList,
  DaftarPresent,
  ERROR_TITLE,
  FormValidation,
  IDENTITY_WIDTHS,
  LONG_TEXT_COLUMNS,
  MESSAGE_MAX,
  SHEET_DAFTAR,
  TEMPLATE_ROWS,
  TITLE_MAX,
  cap,
  columnValidation,
  daftarLists,
  identityHelp,
  identityValidation,
} from '../engine/design/template';
import { TemplateSheetPrint, templateDay, templatePrint } from '../engine/design/templatePrint';
import { headerFooterCode } from '../engine/printout';
import { isoToDate } from '../engine/isoDate';
import {
  EvidenceValidation,
  IidTemplateDesign,
  VERIFIER_COLUMNS,
  iidTemplateDesign,
} from '../engine/design/iidTemplate';
import { Opd, Reference } from '../engine/reference/model';
import { COLUMNS, IDENTITY, SHEET_IDENTITAS, SHEET_INOVASI, TEMPLATE_VERSION } from '../engine/schema';
import { CREATOR, writeWorkbook } from './xlsxWriter';

export { SHEET_DAFTAR, TEMPLATE_ROWS };

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

type Validation = ExcelJS.DataValidation | (Omit<ExcelJS.DataValidation, 'type'> & { type: 'any' });
interface ValidationHost {
  dataValidations: { add(address: string, validation: Validation): void };
}

/** A sheet's print plan (engine/design/templatePrint.ts) in exceljs's terms. */
function applyPrint(ws: ExcelJS.Worksheet, { print, printArea }: TemplateSheetPrint): void {
  const columns = print.titleColumns;
  ws.pageSetup = {
    paperSize: print.paperSize as ExcelJS.PaperSize,
    orientation: print.orientation,
    ...(print.scale !== undefined
      ? { fitToPage: false, scale: print.scale }
      : { fitToPage: true, fitToWidth: print.fitToWidth, fitToHeight: print.fitToHeight }),
    ...(print.titleRows ? { printTitlesRow: `${print.titleRows.first}:${print.titleRows.last}` } : {}),
    ...(columns ? { printTitlesColumn: `${letters(columns.first - 1)}:${letters(columns.last - 1)}` } : {}),
    ...(printArea ? { printArea } : {}),
    showGridLines: print.gridLines,
    margins: print.margins,
  };
  ws.headerFooter = { oddHeader: headerFooterCode(print.header), oddFooter: headerFooterCode(print.footer) };
}

const THIN = { style: 'thin' as const, color: { argb: argb('border') } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** `'_daftar'!$A$2:$A$38`, or null for an empty list. */
function listRange(col: number, count: number): string | null {
  if (count === 0) return null;
  const l = letters(col);
  return `'${SHEET_DAFTAR}'!$${l}$2:$${l}$${count + 1}`;
}

function addValidation(ws: ExcelJS.Worksheet, address: string, v: Validation): void {
  const dv: Validation = {
    ...v,
    ...(v.prompt !== undefined ? { prompt: cap(v.prompt, MESSAGE_MAX), showInputMessage: true } : {}),
    ...(v.promptTitle !== undefined ? { promptTitle: cap(v.promptTitle, TITLE_MAX) } : {}),
    ...(v.error !== undefined ? { error: cap(v.error, MESSAGE_MAX), showErrorMessage: true } : {}),
    ...(v.errorTitle !== undefined ? { errorTitle: cap(v.errorTitle, TITLE_MAX) } : {}),
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

/** The design's validation (engine/design/template.ts) in exceljs's terms; `ranges`: the `_daftar` ranges. */
function excelJsValidation(
  v: FormValidation,
  ranges: Readonly<Record<DaftarKind, string | null>>,
): Validation {
  const base = { allowBlank: true, promptTitle: v.title, prompt: v.prompt, errorTitle: ERROR_TITLE };
  const r = v.rule;
  const alert = v.alert ? { errorStyle: v.alert.style, error: v.alert.message } : {};
  if (!r) return { ...base, type: 'any', formulae: [] };
  switch (r.kind) {
    case 'list':
      return { ...base, type: 'list', formulae: [`"${r.values.join(',')}"`], ...alert };
    case 'daftar': {
      const range = ranges[r.list];
      return range
        ? { ...base, type: 'list', formulae: [range], ...alert }
        : { ...base, type: 'any', formulae: [] };
    }
    case 'date':
      return {
        ...base,
        type: 'date',
        operator: 'between',
        formulae: [isoToDate(r.min)!, isoToDate(r.max)!],
        ...alert,
      };
    default:
      return {
        ...base,
        type: r.kind,
        operator: r.operator,
        formulae: r.operator === 'between' ? [r.min, r.max] : [r.min],
        ...alert,
      };
  }
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
      cell.numFmt = NUMBER_FORMATS.text;
      cell.value = v;
    });
  });
}

function addIdentitasSheet(
  wb: ExcelJS.Workbook,
  opts: TemplateOptions,
  tahun: number,
  ranges: Readonly<Record<DaftarKind, string | null>>,
  present: DaftarPresent,
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(SHEET_IDENTITAS, {
    properties: { tabColor: { argb: argb('formHeader') } },
    views: [{ state: 'normal', showGridLines: true }],
  });
  IDENTITY_WIDTHS.forEach((w, c) => (ws.getColumn(c + 1).width = w));

  IDENTITY.forEach((def, i) => {
    const r = i + 1;
    const label = ws.getCell(r, 1);
    label.value = def.label;
    label.font = { bold: true };
    label.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb('header') } };
    label.border = BORDER;
    label.alignment = { vertical: 'middle' };

    const value = ws.getCell(r, 2);
    value.border = BORDER;
    value.alignment = { vertical: 'middle' };

    const help = ws.getCell(r, 3);
    const helpText = identityHelp(def.key, { opdFixed: opts.opd !== undefined, lists: present });
    help.value = helpText;
    help.font = { italic: true, color: { argb: argb('helpText') } };
    help.alignment = { vertical: 'middle', wrapText: true };

    const address = value.address;
    const validation = excelJsValidation(
      identityValidation(def.key, def.label, helpText, { opdFixed: opts.opd !== undefined, lists: present }),
      ranges,
    );
    switch (def.key) {
      case 'opd':
        if (opts.opd) value.value = opts.opd.nama;
        // Without a list to choose from (a reference without OPDs) the cell stays free of any validation.
        if (opts.opd || ranges.opd) addValidation(ws, address, validation);
        break;
      case 'tahun':
        value.value = tahun;
        value.numFmt = NUMBER_FORMATS.plain;
        value.alignment = { vertical: 'middle', horizontal: 'left' };
        addValidation(ws, address, validation);
        break;
      case 'tanggalPengisian':
        value.numFmt = NUMBER_FORMATS.date;
        value.alignment = { vertical: 'middle', horizontal: 'left' };
        addValidation(ws, address, validation);
        break;
      case 'versiTemplat':
        value.numFmt = NUMBER_FORMATS.text;
        value.value = TEMPLATE_VERSION;
        value.font = { color: { argb: argb('mutedText') } };
        break;
      case 'telepon':
        value.numFmt = NUMBER_FORMATS.text; // keeps the leading 0
        addValidation(ws, address, validation);
        break;
      default:
        addValidation(ws, address, validation);
    }
  });

  const note = ws.getCell(IDENTITY.length + 2, 1);
  note.value =
    'Petunjuk: isi satu baris per inovasi pada lembar «Inovasi». Kolom «Status Validasi» diisi oleh alat validasi; jangan diubah.';
  note.font = { italic: true, color: { argb: argb('helpText') } };
  return ws;
}

function addInovasiSheet(
  wb: ExcelJS.Workbook,
  rows: number,
  ranges: Readonly<Record<DaftarKind, string | null>>,
  present: DaftarPresent,
  params: Reference['parameter'],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(SHEET_INOVASI, {
    properties: { tabColor: { argb: argb('formHeaderOptional') } },
    views: [{ state: 'frozen', xSplit: 2, ySplit: 1, topLeftCell: 'C2', activeCell: 'B2' }],
  });
  const last = rows + 1;

  COLUMNS.forEach((def, c) => {
    const column = ws.getColumn(c + 1);
    column.width = COLUMN_WIDTHS[def.key];
    // Column styles first: header and data cells created later inherit them.
    const numFmt = COLUMN_FORMAT[def.type];
    if (numFmt) column.numFmt = numFmt;
    column.alignment = LONG_TEXT_COLUMNS.has(def.key)
      ? { vertical: 'top' }
      : { vertical: 'top', wrapText: def.type === 'text' };
    if (def.key === 'status') {
      column.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb('grey') } };
      column.font = { italic: true, color: { argb: argb('helpText') } };
    }

    const header = ws.getCell(1, c + 1);
    header.value = def.label;
    header.numFmt = NUMBER_FORMATS.general;
    header.font = { bold: true, color: { argb: argb(def.key === 'status' ? 'black' : 'white') } };
    header.fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: {
        argb: argb(
          def.key === 'status' ? 'statusHeader' : def.requiredColumn ? 'formHeader' : 'formHeaderOptional',
        ),
      },
    };
    header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    header.border = BORDER;

    if (def.key !== 'status' && rows > 0) {
      const l = letters(c);
      addValidation(
        ws,
        `${l}2:${l}${last}`,
        excelJsValidation(columnValidation(def, present, params), ranges),
      );
    }
  });
  ws.getRow(1).height = 45;
  ws.autoFilter = `A1:${letters(COLUMNS.length - 1)}${Math.max(1, last)}`;
  return ws;
}

/** The design's evidence validation: a range list (`'Inovasi'!$B$2:…`) as such, anything else as the form's. */
function evidenceValidation(
  v: EvidenceValidation,
  ranges: Readonly<Record<DaftarKind, string | null>>,
): Validation {
  const r = v.rule;
  if (r?.kind !== 'range') return excelJsValidation({ ...v, rule: r }, ranges);
  const alert = v.alert ? { errorStyle: v.alert.style, error: v.alert.message } : {};
  return {
    allowBlank: true,
    promptTitle: v.title,
    prompt: v.prompt,
    errorTitle: ERROR_TITLE,
    type: 'list',
    formulae: [r.formula],
    ...alert,
  };
}

/** `Data Dukung` (evidence rows, with drop-downs) and `Petunjuk IID` (the indicators), docs/spec/iid.md. */
function addIidSheets(
  wb: ExcelJS.Workbook,
  design: IidTemplateDesign,
  ranges: Readonly<Record<DaftarKind, string | null>>,
): void {
  const dd = design.dataDukung;
  const ws = wb.addWorksheet(dd.name, {
    properties: { tabColor: { argb: argb('formHeaderOptional') } },
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'B2' }],
  });
  dd.columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = c.width;
    column.numFmt = c.format;
    column.alignment = { vertical: 'top', wrapText: true };
    const header = ws.getCell(1, i + 1);
    header.value = c.label;
    header.numFmt = NUMBER_FORMATS.general;
    const verifier = VERIFIER_COLUMNS.has(c.key);
    header.font = { bold: true, color: { argb: argb(verifier ? 'black' : 'white') } };
    header.fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: argb(verifier ? 'statusHeader' : 'formHeader') },
    };
    header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    header.border = BORDER;
    const l = letters(i);
    addValidation(ws, `${l}2:${l}${dd.rows + 1}`, evidenceValidation(c.validation, ranges));
  });
  ws.getRow(1).height = 30;
  ws.autoFilter = `A1:${letters(dd.columns.length - 1)}${dd.rows + 1}`;

  const p = design.petunjuk;
  const guide = wb.addWorksheet(p.name, { properties: { tabColor: { argb: argb('header') } } });
  p.widths.forEach((w, c) => (guide.getColumn(c + 1).width = w));
  p.rows.forEach((row, r) => {
    row.forEach((v, c) => {
      const cell = guide.getCell(r + 1, c + 1);
      cell.value = v;
      cell.alignment = { vertical: 'top', wrapText: r + 1 >= p.headerRow };
      if (r + 1 === p.headerRow) {
        cell.font = { bold: true };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb('header') } };
      }
      if (r + 1 >= p.headerRow) cell.border = BORDER;
    });
  });
  guide.getCell(1, 1).font = { bold: true, size: 12 };
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
  const ranges = Object.fromEntries(
    DAFTAR_ORDER.map((k, c) => [k, listRange(c, lists[k].values.length)]),
  ) as Record<DaftarKind, string | null>;
  const present: DaftarPresent = {
    opd: ranges.opd !== null,
    bidang: ranges.bidang !== null,
    program: ranges.program !== null,
  };
  addIdentitasSheet(wb, opts, tahun, ranges, present);
  addInovasiSheet(wb, rows, ranges, present, ref.parameter);
  const iid = iidTemplateDesign(ref.iid);
  if (iid) addIidSheets(wb, iid, ranges);
  // How each sheet prints (the add-in's Buat Lembar Isian applies the same plan); Identitas has its note below.
  const ctx = {
    who: opts.opd?.nama ?? ref.daerah.nama,
    tahun,
    madeOn: templateDay(date.getTime(), ref.daerah.zonaWaktu),
  };
  for (const p of templatePrint(ctx, IDENTITY.length + 2, iid)) applyPrint(wb.getWorksheet(p.sheet)!, p);
  addDaftarSheet(
    wb,
    DAFTAR_ORDER.map((k) => lists[k]),
  );
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
