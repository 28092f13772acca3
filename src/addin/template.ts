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
import { cssColour } from '../engine/design/palette';
import {
  COLUMN_FORMAT,
  COLUMN_WIDTHS,
  DAFTAR_ORDER,
  DaftarKind,
  ERROR_TITLE,
  FormValidation,
  IDENTITY_WIDTHS,
  MESSAGE_MAX,
  TEMPLATE_ROWS,
  TITLE_MAX,
  cap,
  columnValidation,
  daftarLists,
  identityFormat,
  identityHelp,
  identityValidation,
} from '../engine/design/template';
import { NUMBER_FORMATS } from '../engine/design/formats';
import { Opd, Reference } from '../engine/reference/model';
import { COLUMNS, IDENTITY, SHEET_IDENTITAS, SHEET_INOVASI, TEMPLATE_VERSION } from '../engine/schema';
import { SyncBatcher, letters, opBytes } from './chunks';
import { adapterError } from './errors';
import { SHEET_DAFTAR } from './flags';
import { Session, same } from './session';
import { iidTemplateDesign } from '../engine/design/iidTemplate';
import { templateDay, templatePrint } from '../engine/design/templatePrint';
import { queueIidSheets } from './iidTemplate';
import { queuePrintSetup } from './pageLayout';

export { TEMPLATE_ROWS };
export const TABLE_NAME = 'TabelInovasi';

/** Points per character of column width (Calibri 11: 64 px = 48 pt for 8.43 characters). */
const PT_PER_CHAR = 5.7;

export interface Validation {
  readonly rule?: Excel.DataValidationRule;
  readonly prompt: Excel.DataValidationPrompt;
  readonly errorAlert?: Excel.DataValidationErrorAlert;
}

/** The design's validation (engine/design/template.ts) in Office.js's terms; `refs`: the `_daftar` ranges. */
export function officeValidation(
  v: FormValidation,
  refs: Readonly<Record<DaftarKind, string | null>>,
): Validation {
  const prompt: Excel.DataValidationPrompt = {
    showPrompt: true,
    title: cap(v.title, TITLE_MAX),
    message: cap(v.prompt, MESSAGE_MAX),
  };
  const r = v.rule;
  let rule: Excel.DataValidationRule;
  if (!r) return { prompt };
  switch (r.kind) {
    case 'list':
      rule = { list: { inCellDropDown: true, source: r.values.join(',') } };
      break;
    case 'daftar': {
      const source = refs[r.list];
      if (!source) return { prompt };
      rule = { list: { inCellDropDown: true, source } };
      break;
    }
    case 'date':
      rule = { date: { formula1: r.min, formula2: r.max, operator: 'Between' } };
      break;
    default: {
      const bounds =
        r.operator === 'between'
          ? { formula1: r.min, formula2: r.max, operator: 'Between' as const }
          : {
              formula1: r.min,
              operator:
                r.operator === 'greaterThan' ? ('GreaterThan' as const) : ('GreaterThanOrEqualTo' as const),
            };
      rule =
        r.kind === 'whole'
          ? { wholeNumber: bounds }
          : r.kind === 'decimal'
            ? { decimal: bounds }
            : { textLength: bounds };
    }
  }
  const errorAlert: Excel.DataValidationErrorAlert | undefined = v.alert
    ? {
        showAlert: true,
        style: v.alert.style === 'stop' ? 'Stop' : 'Warning',
        title: ERROR_TITLE,
        message: cap(v.alert.message, MESSAGE_MAX),
      }
    : undefined;
  return errorAlert ? { prompt, rule, errorAlert } : { prompt, rule };
}

export async function applyValidation(
  batcher: SyncBatcher,
  range: Excel.Range,
  v: Validation,
): Promise<void> {
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
  /** Page setup (ExcelApi 1.9 `pageLayout`): how each new sheet prints (engine/design/templatePrint.ts). */
  readonly pageLayout: boolean;
  /** The day the template is made (`YYYY-MM-DD`, the region's calendar), in the footer as text. */
  readonly madeOn: string;
}

const find = (names: readonly string[], name: string) =>
  names.find((n) => n.trim().toLowerCase() === name.toLowerCase());

/** Queues the template's writes; syncs through `batcher` only when the payload demands it. */
export async function queueTemplate(
  context: Excel.RequestContext,
  batcher: SyncBatcher,
  o: TemplateOptions,
): Promise<void> {
  const sheets = context.workbook.worksheets;
  const byKind = daftarLists(o.reference);
  const lists = DAFTAR_ORDER.map((k) => byKind[k]);
  const daftarName = find(o.sheets, SHEET_DAFTAR);
  const daftar = daftarName ? sheets.getItem(daftarName) : sheets.add(SHEET_DAFTAR);
  if (daftarName) daftar.getRange().clear();
  daftar.visibility = 'Hidden';
  const height = Math.max(...lists.map((l) => l.values.length)) + 1;
  const daftarRows = Array.from({ length: height }, (_, r) =>
    lists.map((l) => (r === 0 ? l.title : (l.values[r - 1] ?? ''))),
  );
  await batcher.reserve(opBytes(daftarRows) * 2);
  const daftarRange = daftar.getRange(`A1:C${height}`);
  daftarRange.numberFormat = daftarRows.map((row) => row.map(() => NUMBER_FORMATS.text));
  daftarRange.values = daftarRows;
  daftar.getRange('A1:C1').format.font.bold = true;
  lists.forEach(
    (l, c) =>
      void (daftar.getRange(`${letters(c)}:${letters(c)}`).format.columnWidth = l.width * PT_PER_CHAR),
  );
  const listRef = (c: number, count: number) =>
    count === 0 ? null : `=${SHEET_DAFTAR}!$${letters(c)}$2:$${letters(c)}$${count + 1}`;
  const refs = Object.fromEntries(
    DAFTAR_ORDER.map((k, c) => [k, listRef(c, byKind[k].values.length)]),
  ) as Record<DaftarKind, string | null>;
  const present = { opd: refs.opd !== null, bidang: refs.bidang !== null, program: refs.program !== null };

  // Identitas: only when missing; a filled-in identity is never overwritten.
  const created: string[] = [];
  if (!find(o.sheets, SHEET_IDENTITAS)) {
    created.push(SHEET_IDENTITAS);
    const ws = sheets.add(SHEET_IDENTITAS);
    const rows = IDENTITY.map((def) => {
      const value =
        def.key === 'opd'
          ? (o.opd?.nama ?? '')
          : def.key === 'tahun'
            ? o.tahun
            : def.key === 'versiTemplat'
              ? TEMPLATE_VERSION
              : '';
      return [def.label, value, identityHelp(def.key, { opdFixed: o.opd !== null, lists: present })];
    });
    const range = ws.getRange(`A1:C${rows.length}`);
    await batcher.reserve(opBytes(rows) * 2);
    range.numberFormat = IDENTITY.map((def) => [
      NUMBER_FORMATS.text,
      identityFormat(def.key),
      NUMBER_FORMATS.text,
    ]);
    range.values = rows;
    const labels = ws.getRange(`A1:A${rows.length}`);
    labels.format.font.bold = true;
    labels.format.fill.color = cssColour('header');
    IDENTITY_WIDTHS.forEach(
      (w, c) => void (ws.getRange(`${letters(c)}:${letters(c)}`).format.columnWidth = w * PT_PER_CHAR),
    );
    ws.getRange(`C1:C${rows.length}`).format.font.color = cssColour('helpText');
    if (o.validation) {
      for (const [i, def] of IDENTITY.entries()) {
        const v = identityValidation(
          def.key,
          def.label,
          identityHelp(def.key, { opdFixed: o.opd !== null, lists: present }),
          { opdFixed: o.opd !== null, lists: present },
        );
        await applyValidation(batcher, ws.getRange(`B${i + 1}`), officeValidation(v, refs));
      }
    }
  }

  // Inovasi: header, formats, table, widths, frozen header, validations.
  const ws = sheets.add(SHEET_INOVASI);
  created.push(SHEET_INOVASI);
  const lastCol = letters(COLUMNS.length - 1);
  const lastRow = TEMPLATE_ROWS + 1;
  const header = [COLUMNS.map((c) => c.label)];
  ws.getRange(`A1:${lastCol}1`).values = header;
  const formats = Array.from({ length: TEMPLATE_ROWS }, () =>
    COLUMNS.map((c) => COLUMN_FORMAT[c.type] ?? NUMBER_FORMATS.general),
  );
  await batcher.reserve(opBytes(formats) + opBytes(header));
  ws.getRange(`A2:${lastCol}${lastRow}`).numberFormat = formats;
  const table = ws.tables.add(`A1:${lastCol}${lastRow}`, true);
  let name = TABLE_NAME;
  for (let i = 2; o.tables.some((t) => t.toLowerCase() === name.toLowerCase()); i++)
    name = `${TABLE_NAME}${i}`;
  table.name = name;
  table.showFilterButton = true;
  const headerRange = ws.getRange(`A1:${lastCol}1`);
  headerRange.format.font.bold = true;
  headerRange.format.font.color = cssColour('white');
  headerRange.format.fill.color = cssColour('formHeader');
  headerRange.format.wrapText = true;
  COLUMNS.forEach((def, c) => {
    const l = letters(c);
    if (!def.requiredColumn) {
      const h = ws.getRange(`${l}1`);
      h.format.fill.color = cssColour(def.key === 'status' ? 'statusHeader' : 'formHeaderOptional');
      if (def.key === 'status') h.format.font.color = cssColour('black');
    }
    ws.getRange(`${l}:${l}`).format.columnWidth = COLUMN_WIDTHS[def.key] * PT_PER_CHAR;
  });
  ws.freezePanes.freezeRows(1);
  if (o.validation) {
    for (const [c, def] of COLUMNS.entries()) {
      await applyValidation(
        batcher,
        ws.getRange(`${letters(c)}2:${letters(c)}${lastRow}`),
        officeValidation(columnValidation(def, present, o.reference.parameter), refs),
      );
    }
  }
  // Data Dukung and Petunjuk IID (docs/spec/iid.md) when the reference has `iid` and the workbook has neither yet.
  const iid = iidTemplateDesign(o.reference.iid);
  const withIid = iid && !find(o.sheets, iid.dataDukung.name) && !find(o.sheets, iid.petunjuk.name);
  if (withIid) {
    await queueIidSheets(sheets, batcher, iid, o.validation, refs);
    created.push(iid.dataDukung.name, iid.petunjuk.name);
  }
  // How the new sheets print (docs/spec/consolidation.md, *Printing and reading*): the command line's plan.
  if (o.pageLayout) {
    const ctx = { who: o.opd?.nama ?? o.reference.daerah.nama, tahun: o.tahun, madeOn: o.madeOn };
    for (const p of templatePrint(ctx, IDENTITY.length, withIid ? iid : null))
      if (created.includes(p.sheet))
        await queuePrintSetup(batcher, sheets.getItem(p.sheet), p.print, p.printArea);
  }
  ws.activate();
  ws.getRange('A2').select();
}

/** The port's `createTemplate`: the sheet and table lists, then the template queued (refused when `Inovasi` exists). */
export async function createTemplate(
  session: Session,
  reference: Reference,
  opd?: Opd | null,
): Promise<void> {
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
      pageLayout: session.supports('1.9'),
      madeOn: templateDay(session.now(), reference.daerah.zonaWaktu),
    });
    await batcher.flush();
  });
  session.snapshot = null;
}
