/**
 * How the city summary is printed and charted, as plain data any writer applies: the command
 * line's streaming writer (src/node/summaryWriter.ts) turns it into SpreadsheetML (`pageSetup`,
 * `headerFooter`, `_xlnm.Print_Titles`, DrawingML charts); the add-in can set the same through
 * Office.js (`worksheet.pageLayout`: orientation, zoom `{ horizontalFitToPages: 1 }`,
 * `setPrintTitleRows`, `headersFooters.defaultForAllPages.*`, `charts.add`).
 *
 * Header and footer texts use Excel's codes (`&P` page, `&N` pages; a literal `&` is written `&&`),
 * which both SpreadsheetML and Office.js take as they are. The print date is written as text when
 * the file is made (`Dicetak 7 Desember 2026`), never `&D`: that field prints in the printing PC's
 * locale (`12/07/2026` reads as 12 July to an Indonesian reader; docs/spec/consolidation.md,
 * *Printing and reading*).
 */
import type { CitySummary } from './consolidate';
import { longDate } from './isoDate';
import { Lang } from './messages';
import { MAX_COLUMN_WIDTH, SummaryCell, cellWidth } from './summary/model';
import type { SummarySheet } from './summary/sheet';

// ---------------------------------------------------------------------------------------------
// Page setup

/** Left, centre and right part of a page header or footer, in Excel's codes. */
export interface HeaderFooterParts {
  readonly left: string;
  readonly center: string;
  readonly right: string;
}

export interface PrintSetup {
  readonly orientation: 'landscape' | 'portrait';
  /** SpreadsheetML paper size: 9 = A4. */
  readonly paperSize: number;
  /** Fit to this many pages wide (1); 0 = as many pages tall as needed. Unused when `scale` is set. */
  readonly fitToWidth: number;
  readonly fitToHeight: number;
  /**
   * A fixed scale in percent instead of fitting: a sheet too wide for one page at a readable size
   * prints across pages at this scale (its identifying columns repeated), never shrunk below it.
   */
  readonly scale?: number;
  /** Rows repeated at the top of every page, 1-based inclusive, or null. */
  readonly titleRows: { readonly first: number; readonly last: number } | null;
  /** Columns repeated at the left of every page, 1-based inclusive, or none. */
  readonly titleColumns?: { readonly first: number; readonly last: number } | null;
  readonly header: HeaderFooterParts;
  readonly footer: HeaderFooterParts;
  /** Margins in inches. */
  readonly margins: {
    readonly left: number;
    readonly right: number;
    readonly top: number;
    readonly bottom: number;
    readonly header: number;
    readonly footer: number;
  };
  /** Print the cell grid (a table on paper reads better with it). */
  readonly gridLines: boolean;
}

/** A text as a literal in a header or footer: `&` doubled. */
export function headerFooterLiteral(text: string): string {
  return text.replace(/&/g, '&&');
}

/** The three parts as one SpreadsheetML `oddHeader`/`oddFooter` text (`&L…&C…&R…`). */
export function headerFooterCode(parts: HeaderFooterParts): string {
  return (
    (parts.left ? `&L${parts.left}` : '') +
    (parts.center ? `&C${parts.center}` : '') +
    (parts.right ? `&R${parts.right}` : '')
  );
}

const FOOTER_WORDS = {
  id: { printed: 'Dicetak', page: 'Halaman &P dari &N' },
  en: { printed: 'Printed', page: 'Page &P of &N' },
} as const;

/** What the page header names besides the sheet: the region and the year. */
export interface PrintContext {
  /** The region (`Kota Bitung`), from the reference. */
  readonly region: string;
  /** The reporting year, or null when unknown. */
  readonly year: number | null;
  readonly lang: Lang;
  /** The date the file is made (`YYYY-MM-DD…`): the footer's print date, written as text. */
  readonly printedOn: string;
}

/**
 * Landscape A4, one page wide, row `titleRow` repeated, a header `title — region — year` (bold),
 * a footer with the date the file was made as text (left) and `Halaman n dari m` (right).
 */
export function printSetup(title: string, ctx: PrintContext, titleRow: number | null = 1): PrintSetup {
  const words = FOOTER_WORDS[ctx.lang];
  const center = [title, ctx.region, ctx.year === null ? null : String(ctx.year)]
    .filter((s): s is string => !!s)
    .map(headerFooterLiteral)
    .join(' — ');
  return {
    orientation: 'landscape',
    paperSize: 9,
    fitToWidth: 1,
    fitToHeight: 0,
    titleRows: titleRow === null ? null : { first: titleRow, last: titleRow },
    header: { left: '', center: `&"-,Bold"${center}`, right: '' },
    footer: {
      left: headerFooterLiteral(`${words.printed} ${longDate(ctx.printedOn, ctx.lang)}`),
      center: '',
      right: words.page,
    },
    margins: { left: 0.4, right: 0.4, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    gridLines: true,
  };
}

/** The summary's year, named in every sheet's page header: the consolidation year (docs/spec/consolidation.md). */
export function summaryYear(summary: Pick<CitySummary, 'tahun'>): number | null {
  return summary.tahun.tahun;
}

/** What every printed page of the summary names: the region, the consolidation year, and the day it was made. */
export function summaryPrintContext(
  summary: Pick<CitySummary, 'tahun' | 'consolidatedAt'>,
  lang: Lang,
  region = '',
): PrintContext {
  return { region, year: summaryYear(summary), lang, printedOn: summary.consolidatedAt };
}

/** A summary sheet as printed: widths, which columns wrap, page setup, the printed area. */
export interface SheetLayout {
  /** Column widths in characters of the sheet's own columns. */
  readonly widths: readonly number[];
  /** Per column: are its texts wrapped within the width (header labels always wrap). */
  readonly wrap: readonly boolean[];
  readonly print: PrintSetup;
  /** The printed area, 1-based inclusive (the chart's data table beside the sheet's own stays out). */
  readonly printArea: { readonly lastRow: number; readonly lastColumn: number };
  /**
   * Manual page breaks: a new page starts at each of these 1-based rows. The chart and its numbers
   * start a page of their own, so a page break never cuts the chart in two.
   */
  readonly pageBreaksBefore: readonly number[];
}

/**
 * The smallest scale (percent) a sheet prints at: its 11-point text then prints at 7.7 points,
 * above the 7-point floor of docs/spec/consolidation.md (*Printing and reading*). A sheet that
 * would need less to fit one page wide prints across pages at this scale instead.
 */
export const MIN_PRINT_SCALE = 70;

/** The printable width of A4 (points) between margins of 0.4″. */
const PRINTABLE_POINTS = { landscape: 841.89 - 0.8 * 72, portrait: 595.28 - 0.8 * 72 } as const;

/**
 * A column's printed width in points at 100 %, as LibreOffice prints it (measured on its PDFs: a
 * width of w characters takes about 7.05 w points; Excel's 7 w + 5 pixels is narrower, so a sheet
 * judged by this prints at least as large in Excel).
 */
export const columnPoints = (width: number): number => width * 7.05;

/**
 * The scale (percent, at most 100) at which `widths` fill the printable width of a page: what
 * "one page wide" makes of them.
 */
export function fitScale(
  widths: readonly number[],
  orientation: 'landscape' | 'portrait' = 'landscape',
): number {
  const points = widths.reduce((sum, w) => sum + columnPoints(w), 0);
  return Math.min(100, Math.floor((PRINTABLE_POINTS[orientation] / Math.max(1, points)) * 100));
}

/**
 * A page setup made readable: one page wide when that keeps the scale at `MIN_PRINT_SCALE` or
 * more; else a fixed scale of `MIN_PRINT_SCALE` across pages with `repeat` identifying columns
 * (a count from the first, 0 for none) repeated on each.
 */
export function readablePrint(print: PrintSetup, printedWidths: readonly number[], repeat = 0): PrintSetup {
  if (fitScale(printedWidths, print.orientation) >= MIN_PRINT_SCALE) return print;
  return { ...print, scale: MIN_PRINT_SCALE, titleColumns: repeat > 0 ? { first: 1, last: repeat } : null };
}

/** Points per line of 11-point Calibri (Excel's default row height). */
export const LINE_HEIGHT = 15;
/** The tallest row we set (Excel's limit is 409 points). */
const MAX_ROW_HEIGHT = 409;
const MAX_LINES = Math.floor(MAX_ROW_HEIGHT / 15);

/**
 * The height (points) a row needs for its wrapped texts, or null for the default single line.
 * Neither Excel nor LibreOffice reliably fits heights of rows written without one, so writers set
 * it: the text broken at spaces into lines of width × 1.1 characters (a width counts digits; text
 * runs a little narrower), the most lines of any wrapped cell.
 */
export function wrappedRowHeight(
  cells: readonly (SummaryCell | undefined)[],
  widths: readonly number[],
  wrap: readonly boolean[],
): number | null {
  let lines = 1;
  for (let c = 0; c < cells.length; c++) {
    const v = cells[c];
    if (!wrap[c] || typeof v !== 'string' || v.length * capitalWidth(v) < widths[c]) continue;
    const perLine = Math.max(1, Math.floor(((widths[c] - 1) * 1.1) / capitalWidth(v)));
    let n = 0;
    for (const paragraph of v.indexOf('\n') < 0 ? [v] : v.split('\n')) {
      n += wrappedLines(paragraph, perLine, MAX_LINES - n);
      if (n > MAX_LINES) break;
    }
    lines = Math.max(lines, n);
    if (lines > MAX_LINES) break;
  }
  return lines > 1 ? Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT) : null;
}

/**
 * How much wider than ordinary text a text runs: capitals take about 1.3 times the width of
 * lower-case letters (`URUSAN PEMERINTAHAN BIDANG KOMUNIKASI DAN INFORMATIKA` wrapped where we
 * counted one line, and LibreOffice printed it over the next row).
 */
function capitalWidth(text: string): number {
  let upper = 0;
  let letters = 0;
  for (let i = 0; i < text.length && i < 200; i++) {
    const ch = text.charCodeAt(i);
    if (ch >= 65 && ch <= 90) upper++;
    else if (ch < 97 || ch > 122) continue;
    letters++;
  }
  return letters > 0 && upper * 2 > letters ? 1.3 : 1;
}

/**
 * Lines a paragraph takes, broken greedily at spaces (a longer word is cut); counting stops past
 * `max` (a long text of a large summary costs no more than the tallest row needs).
 */
function wrappedLines(text: string, perLine: number, max: number): number {
  if (text.length <= perLine) return 1;
  let lines = 1;
  let used = 0;
  for (let at = 0; at <= text.length && lines <= max;) {
    let end = text.indexOf(' ', at);
    if (end < 0) end = text.length;
    const word = end - at;
    at = end + 1;
    const need = used === 0 ? word : used + 1 + word;
    if (need <= perLine) {
      used = need;
      continue;
    }
    if (used > 0) lines++;
    lines += Math.floor(Math.max(0, word - 1) / perLine);
    used = word % perLine || Math.min(word, perLine);
  }
  return lines;
}

/** Rows the sheet's own tables take (headers, rows, a blank row between tables). */
export function sheetRowCount(sheet: SummarySheet): number {
  return sheet.tables.reduce((n, t, i) => n + (i > 0 ? 1 : 0) + 1 + t.rows.length, 0);
}

/**
 * A column's width when its header wraps: wide enough for its cells and for the header's longest
 * word, not for the whole header (`Target Belum Tercapai` over numbers takes two lines, not 23
 * characters of paper).
 */
function printedWidths(sheet: SummarySheet): number[] {
  const widths: number[] = [];
  for (const t of sheet.tables) {
    if (t.note) continue;
    const at = t.firstColumn ?? 0;
    t.columns.forEach((c, i) => {
      const word = Math.max(...c.split(' ').map((w) => w.length)) + 2;
      widths[at + i] = Math.max(widths[at + i] ?? 0, word);
    });
    for (const r of t.rows)
      r.cells.forEach((v, i) => (widths[at + i] = Math.max(widths[at + i] ?? 0, cellWidth(v) + 2)));
  }
  return Array.from(widths, (w) => Math.min(MAX_COLUMN_WIDTH, Math.max(5, w ?? 0)));
}

export function sheetLayout(
  sheet: SummarySheet,
  ctx: PrintContext,
  chart: SummaryChart | null = null,
): SheetLayout {
  const fixed = sheet.def.columns;
  const natural = fixed ? [...fixed.widths] : printedWidths(sheet);
  const cap = sheet.def.wrapWidth;
  const widths = natural.map((w) => (cap !== undefined && w > cap ? cap : w));
  const columns = Math.max(1, ...sheet.tables.map((t) => (t.firstColumn ?? 0) + t.columns.length));
  const lastRow = Math.max(sheetRowCount(sheet), chart ? chart.anchor.toRow + 1 : 0);
  const own = sheet.tables[0]?.columns ?? [];
  const lastColumn = Math.min(columns, sheet.def.printColumns?.(own) ?? columns);
  const setup = sheet.def.print?.(ctx) ?? printSetup(sheet.name, ctx);
  return {
    widths,
    // Columns outside the print area do not wrap: a 300-word narrative would make every row page-tall.
    wrap: widths.map((_, c) => (fixed ? fixed.wrap[c] === true : cap !== undefined && c < lastColumn)),
    print: readablePrint(setup, widths.slice(0, lastColumn), sheet.def.repeatColumns?.(own) ?? 0),
    printArea: { lastRow, lastColumn },
    pageBreaksBefore: chart ? [chart.headerRow] : [],
  };
}

// ---------------------------------------------------------------------------------------------
// Charts

export type ChartValue = string | number;

/**
 * One column chart over a small data table below the sheet's own (a blank row between), its
 * columns under the sheet's columns of the same meaning (`Inisiatif` under `Inisiatif`), then the
 * chart below that. Row 1 stays the sheet's header alone and the autofilter's range the sheet's
 * table alone, so programs that read the table are not disturbed; on paper the numbers print
 * beside the chart.
 */
export interface SummaryChart {
  readonly sheet: string;
  /** The chart's name (`InovasiPerOPD`). */
  readonly name: string;
  readonly title: string;
  readonly type: 'columnStacked';
  /** 1-based row of the data table's header (its rows follow). */
  readonly headerRow: number;
  /** 0-based sheet column of each data table column. */
  readonly columns: readonly number[];
  readonly header: readonly string[];
  readonly rows: readonly (readonly ChartValue[])[];
  /** Table column of the categories (0) and of each series. */
  readonly seriesColumns: readonly number[];
  /** Where the chart goes: 0-based cells, `to` exclusive (SpreadsheetML's two-cell anchor). */
  readonly anchor: {
    readonly fromColumn: number;
    readonly fromRow: number;
    readonly toColumn: number;
    readonly toRow: number;
  };
  /** Axis titles: what the categories are, what is counted. */
  readonly axisTitles: { readonly category: string; readonly value: string };
  /** Points of labels, axis titles and legend (`CHART_FONT_POINTS`). */
  readonly fontSize: number;
  /** Category labels turned by this many degrees (0: level). */
  readonly labelAngle: number;
}

/**
 * Chart text size: 12 points prints at 8.4 points on a sheet printed at the 70 % floor
 * (`MIN_PRINT_SCALE`), above the 8 points docs/spec/consolidation.md asks of chart labels.
 */
export const CHART_FONT_POINTS = 12;

/** The chart title's size: two points above its other texts (both writers take it from here). */
export const chartTitlePoints = (c: Pick<SummaryChart, 'fontSize'>): number => c.fontSize + 2;

/**
 * The category labels' angle as Office.js's `ChartAxis.textOrientation` takes it: `labelAngle` is
 * DrawingML's `rot` (clockwise, so -45 rises to the right), Office's angle counts counter-clockwise
 * as Excel's cell orientation and VBA's `TickLabels.Orientation` do (45 rises to the right).
 */
export const officeTextOrientation = (c: Pick<SummaryChart, 'labelAngle'>): number =>
  c.labelAngle === 0 ? 0 : -c.labelAngle;

/** Rows a chart is tall. */
const CHART_ROWS = 24;

/**
 * A stacked column chart of `sheet` (a sheet module's `chart`): its data table `header` × `rows`
 * placed under the sheet's columns named `under`, series from `seriesColumns` (the first: the
 * categories); null when there are no rows or a column is missing.
 */
export function stackedChart(
  sheet: SummarySheet,
  name: string,
  title: string,
  header: string[],
  under: string[],
  rows: ChartValue[][],
  seriesColumns: number[],
  axes: { readonly category: string; readonly value: string; readonly labelAngle?: number },
): SummaryChart | null {
  if (!rows.length) return null;
  const own = sheet.tables[0].columns;
  const columns = under.map((label) => own.indexOf(label));
  if (columns.some((c) => c < 0)) return null;
  const headerRow = sheetRowCount(sheet) + 2;
  // Below the data table, a blank row between, as wide as the sheet's columns: it prints on the
  // table's last page (or the next), within the printed width.
  const fromRow = headerRow + rows.length + 1; // 0-based: a blank row after the last data row
  // As wide as the sheet's columns, but no wider than one page at the scale the sheet prints at: a
  // chart cut across two pages reads as two halves.
  const widths = printedWidths(sheet).map((w) =>
    sheet.def.wrapWidth !== undefined && w > sheet.def.wrapWidth ? sheet.def.wrapWidth : w,
  );
  const page =
    PRINTABLE_POINTS.landscape / (Math.max(MIN_PRINT_SCALE, Math.min(100, fitScale(widths))) / 100);
  let toColumn = 0;
  for (let used = 0; toColumn < widths.length && used + columnPoints(widths[toColumn]) <= page; toColumn++)
    used += columnPoints(widths[toColumn]);
  return {
    sheet: sheet.name,
    name,
    title,
    type: 'columnStacked',
    headerRow,
    columns,
    header,
    rows,
    seriesColumns,
    anchor: { fromColumn: 0, fromRow, toColumn: Math.max(1, toColumn), toRow: fromRow + CHART_ROWS },
    axisTitles: { category: axes.category, value: axes.value },
    fontSize: CHART_FONT_POINTS,
    labelAngle: axes.labelAngle ?? 0,
  };
}

/** The summary's charts (both writers draw them): each sheet module's, where it has data. */
export function summaryCharts(sheets: readonly SummarySheet[], lang: Lang): SummaryChart[] {
  const out: SummaryChart[] = [];
  for (const sheet of sheets) {
    const c = sheet.def.chart?.(sheet, lang) ?? null;
    if (c) out.push(c);
  }
  return out;
}

/** Column letters of a 0-based column. */
export function columnLetters(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** `'Rekap OPD'!$T$2:$T$13` */
export function absoluteRef(sheet: string, column: number, firstRow: number, lastRow = firstRow): string {
  const l = columnLetters(column);
  const q = `'${sheet.replace(/'/g, "''")}'`;
  return firstRow === lastRow ? `${q}!$${l}$${firstRow}` : `${q}!$${l}$${firstRow}:$${l}$${lastRow}`;
}

/** A chart's series as cell references with the values they hold (what a writer caches). */
export interface ChartSeries {
  readonly name: string;
  readonly nameRef: string;
  readonly categoriesRef: string;
  readonly valuesRef: string;
  readonly categories: readonly string[];
  readonly values: readonly number[];
  /** Fill, RGB hex (`70AD47`): a workbook without a theme would otherwise draw no bars. */
  readonly colour: string;
}

/** Series fills by name: stages from early (amber) to done (green); the rest grey. */
const SERIES_COLOURS: Readonly<Record<string, string>> = {
  Inisiatif: 'FFC000',
  'Uji Coba': '5B9BD5',
  Penerapan: '70AD47',
  'Belum Penerapan': 'A5A5A5',
};

export function chartSeries(c: SummaryChart): ChartSeries[] {
  const [cat, ...series] = c.seriesColumns;
  const first = c.headerRow + 1;
  const last = c.headerRow + c.rows.length;
  return series.map((s) => ({
    name: c.header[s],
    nameRef: absoluteRef(c.sheet, c.columns[s], c.headerRow),
    categoriesRef: absoluteRef(c.sheet, c.columns[cat], first, last),
    valuesRef: absoluteRef(c.sheet, c.columns[s], first, last),
    categories: c.rows.map((r) => String(r[cat])),
    values: c.rows.map((r) => (typeof r[s] === 'number' ? (r[s] as number) : 0)),
    colour: SERIES_COLOURS[c.header[s]] ?? '4472C4',
  }));
}
