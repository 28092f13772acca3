/**
 * How the submission template prints (docs/spec/consolidation.md, *Printing and reading*), one plan
 * for both writers (the command line's src/node/template.ts, the add-in's src/addin/template.ts),
 * in printout.ts's terms so the add-in queues it as it queues the summary's:
 *
 * - `Identitas` on one A4 landscape page, labels beside values, its print area the three columns;
 * - `Inovasi` (and `Data Dukung`) landscape, header row and identifying columns repeated on every
 *   page; no print area, so what is filled in prints, not 200 empty rows of grid;
 * - every sheet headed `sheet — OPD (or region) — year`, the footer saying when the template was
 *   made as text (`Templat dibuat 7 Desember 2026`, never `&D`) and `Halaman n dari m`.
 *
 * The hidden list sheet `_daftar` never prints. `Petunjuk IID` stays a visible sheet, because the
 * Data Dukung prompts send the reader to it, and neither Excel nor LibreOffice can keep a visible
 * sheet out of a whole-workbook print; it gets a readable setup instead (docs/decisions.md).
 */
import { longDate } from '../isoDate';
import { dayInZone } from '../signoff';
import { PrintSetup, headerFooterLiteral, printSetup, readablePrint } from '../printout';
import { columnLetter } from '../grid';
import { COLUMNS, IDENTITY, SHEET_IDENTITAS, SHEET_INOVASI } from '../schema';
import { IidTemplateDesign } from './iidTemplate';
import { IDENTITY_WIDTHS } from './template';

export interface TemplatePrintContext {
  /** Named in every page header: the OPD's name when the template is made for one, else the region. */
  readonly who: string;
  readonly tahun: number;
  /** The day the template is made (`YYYY-MM-DD…`), written in the footer as text. */
  readonly madeOn: string;
}

/** One sheet's page setup and print area (`A1:C9`, or null for the used cells). */
export interface TemplateSheetPrint {
  readonly sheet: string;
  readonly print: PrintSetup;
  readonly printArea: string | null;
}

/** The day an instant falls on in the region (`zonaWaktu`): the day the template is made. */
export const templateDay = (ms: number, zonaWaktu: string): string =>
  dayInZone(ms, zonaWaktu) ?? new Date(ms).toISOString().slice(0, 10);

/** The footer's left part: when the template was made (a form is printed long after, so not «Dicetak»). */
export const templateMadeWords = (madeOn: string): string => `Templat dibuat ${longDate(madeOn, 'id')}`;

function base(sheet: string, ctx: TemplatePrintContext, titleRow: number | null): PrintSetup {
  const setup = printSetup(
    sheet,
    { region: ctx.who, year: ctx.tahun, lang: 'id', printedOn: ctx.madeOn },
    titleRow,
  );
  return { ...setup, footer: { ...setup.footer, left: headerFooterLiteral(templateMadeWords(ctx.madeOn)) } };
}

/**
 * The template's sheets as printed, in workbook order. `identitasRows`: the rows `Identitas` uses
 * (the command line adds a note below the identity); `iid`: the IID sheets when they are written.
 */
export function templatePrint(
  ctx: TemplatePrintContext,
  identitasRows: number = IDENTITY.length,
  iid: IidTemplateDesign | null = null,
): TemplateSheetPrint[] {
  const out: TemplateSheetPrint[] = [
    {
      sheet: SHEET_IDENTITAS,
      // Its three columns at about 78 %: labels beside values, 11-point text at 8.6 points.
      print: { ...base(SHEET_IDENTITAS, ctx, null), fitToWidth: 1, fitToHeight: 1 },
      printArea: `A1:${columnLetter(IDENTITY_WIDTHS.length - 1)}${identitasRows}`,
    },
    {
      sheet: SHEET_INOVASI,
      // At full size across pages, header row and No, Nama Inovasi repeated: the form's 32
      // columns one page wide would print at 4 points.
      print: {
        ...base(SHEET_INOVASI, ctx, 1),
        scale: 100,
        titleColumns: { first: 1, last: COLUMNS.findIndex((c) => c.key === 'nama') + 1 },
        gridLines: false,
      },
      printArea: null,
    },
  ];
  if (iid) {
    const dd = iid.dataDukung;
    out.push({
      sheet: dd.name,
      print: {
        ...readablePrint(
          base(dd.name, ctx, 1),
          dd.columns.map((c) => c.width),
          2,
        ),
        gridLines: false,
      },
      printArea: null,
    });
    const p = iid.petunjuk;
    out.push({
      sheet: p.name,
      print: readablePrint(base(p.name, ctx, p.headerRow), p.widths),
      printArea: null,
    });
  }
  return out;
}
