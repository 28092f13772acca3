/**
 * How a written sheet is laid out: column widths, frozen rows, charts and page setup (the options
 * of `addSheet`), and the page-setup XML that closes a worksheet part.
 */
import { escapeXml } from './cellText';
import type { ColumnChart } from './columnCharts';
import type { PrintSetup } from '../engine/printout';

export interface SheetOptions {
  /** Column widths in characters, by column position (undefined: Excel's default). */
  readonly widths?: readonly (number | undefined)[];
  /** 0-based columns written hidden (kept for programs, not shown or printed). */
  readonly hiddenColumns?: readonly number[];
  /** Rows frozen at the top (0: none). */
  readonly frozenRows?: number;
  /** How the sheet prints (default: Excel's defaults, nothing written). */
  readonly print?: SheetPrint;
  /** Column charts drawn on the sheet. */
  readonly charts?: readonly ColumnChart[];
}

/** Page setup of a sheet (SpreadsheetML `pageSetup`, `headerFooter`, `_xlnm.Print_Titles`, `_xlnm.Print_Area`). */
export interface SheetPrint {
  readonly orientation?: 'landscape' | 'portrait';
  /** 9 = A4. */
  readonly paperSize?: number;
  /** Fit to this many pages wide / tall (0 = as many as needed); either set turns on fit-to-page. */
  readonly fitToWidth?: number;
  readonly fitToHeight?: number;
  /** A fixed scale in percent (no fit-to-page). */
  readonly scale?: number;
  /** Rows repeated at the top of every printed page, 1-based inclusive. */
  readonly titleRows?: { readonly first: number; readonly last: number } | null;
  /** Columns repeated at the left of every printed page, 1-based inclusive. */
  readonly titleColumns?: { readonly first: number; readonly last: number } | null;
  /** Manual page breaks: a new page starts at each of these 1-based rows. */
  readonly pageBreaksBefore?: readonly number[];
  /** The printed area (default: the used range). */
  readonly printArea?: CellRange | null;
  /** Page header and footer in Excel's codes (`&L…&C…&R…`, `&P`, `&N`, `&D`). */
  readonly header?: string;
  readonly footer?: string;
  /** Margins in inches (the engine's print plan's shape). */
  readonly margins?: PrintSetup['margins'];
  readonly gridLines?: boolean;
}

/** A cell range, 1-based, inclusive. */
export interface CellRange {
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstColumn: number;
  readonly lastColumn: number;
}

const DEFAULT_MARGINS = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

/** printOptions, pageMargins, pageSetup, headerFooter: in the schema's order, after sheetData and autoFilter. */
export function pageXml(print: SheetPrint | null): string {
  const m = print?.margins ?? DEFAULT_MARGINS;
  let xml = print?.gridLines ? '<printOptions gridLines="1"/>' : '';
  xml += `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
  if (!print) return xml;
  let setup = '';
  if (print.paperSize !== undefined) setup += ` paperSize="${print.paperSize}"`;
  if (print.scale !== undefined) setup += ` scale="${Math.round(print.scale)}"`;
  if (print.fitToWidth !== undefined) setup += ` fitToWidth="${print.fitToWidth}"`;
  if (print.fitToHeight !== undefined) setup += ` fitToHeight="${print.fitToHeight}"`;
  if (print.orientation) setup += ` orientation="${print.orientation}"`;
  if (setup) xml += `<pageSetup${setup}/>`;
  if (print.header || print.footer) {
    xml += '<headerFooter>';
    if (print.header) xml += `<oddHeader>${escapeXml(print.header)}</oddHeader>`;
    if (print.footer) xml += `<oddFooter>${escapeXml(print.footer)}</oddFooter>`;
    xml += '</headerFooter>';
  }
  const breaks = print.pageBreaksBefore ?? [];
  if (breaks.length) {
    xml += `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">`;
    for (const row of breaks) xml += `<brk id="${row - 1}" max="16383" man="1"/>`;
    xml += '</rowBreaks>';
  }
  return xml;
}
