/**
 * The city summary (docs/spec/consolidation.md) in the open workbook: the Office counterpart of the command
 * line's summary writer (src/node/summaryWriter.ts), with the same sheets, values and colours.
 *
 * - Planning (no Office.js): every cell as a value and a number format — numbers as numbers, dates
 *   as Excel serials with a date format, texts formatted as text (`@`) so that a code such as
 *   «1.02» or a text starting with «=» is kept as written —, column widths, status fills, total
 *   rows, the autofilter range, and the two charts' small data tables.
 * - Ownership: the sheets the tool created are remembered in a document setting
 *   (`inovasiDaerah.summarySheets`, the names in output order). A sheet counts as ours only when
 *   it is on that list AND still starts with the header row the tool wrote, so a sheet of the
 *   user's that happens to bear one of these names is never overwritten: the output then goes
 *   under `Rekap OPD (2)` (then `(3)`…), and `renamed` says so.
 * - Queueing (called by the adapter inside its `Excel.run`): each new sheet is written under a
 *   very hidden staging name (`_ringkasan_…`), in blocks that keep every sync under the payload
 *   budget (chunks.ts); only the last sync swaps them in — charts, visible, the old tool sheets
 *   deleted, the new ones renamed into their places —, so a failed write leaves either the old
 *   output or the new one, never a half-written sheet.
 */
import {
  type CitySummary,
  SUMMARY_SHEET_NAMES,
  type SummaryCell,
  type SummarySheet,
  isIntegerColumn,
  isSummaryDate,
} from '../engine/consolidate';
import { READER_DATE_FORMATS } from '../engine/design/formats';
import { cssColour } from '../engine/design/palette';
import { hasTime, isoExcelSerial } from '../engine/isoDate';
import type { Lang } from '../engine/messages';
import {
  type PrintContext,
  type PrintSetup,
  type SummaryChart,
  chartSeries,
  chartTitlePoints,
  officeTextOrientation,
  sheetLayout,
  summaryCharts,
  summaryPrintContext,
} from '../engine/printout';
import { SyncBatcher, addressLists, jsonBytes, letters, opBytes, writeRowBlocks } from './chunks';
import { queuePrintSetup } from './pageLayout';

/** The document setting listing the sheets the tool created (names, in output order). */
export const SUMMARY_SETTING = 'inovasiDaerah.summarySheets';
/** New output sheets are written under this prefix, very hidden, then renamed into place. */
export const SUMMARY_STAGING_PREFIX = '_ringkasan_';

/** The header rows' fill (the engine's palette, engine/design/palette.ts). */
const HEADER_FILL = cssColour('header');

/** Number formats, as the command line's writer (xlsxStream.ts). */
/** Date cells as the command line writes them (engine/design/formats.ts READER_DATE_FORMATS). */
export const DATE_FORMAT = READER_DATE_FORMATS.id.date;
export const DATE_TIME_FORMAT = READER_DATE_FORMATS.id.dateTime;
export const INTEGER_FORMAT = '#,##0';
export const TEXT_FORMAT = '@';
export const GENERAL_FORMAT = 'General';

/** Points per character of column width (as template.ts). */
const PT_PER_CHAR = 5.7;

// ---------------------------------------------------------------------------------------------
// Planning

export type OutValue = string | number;

/**
 * A summary date (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]`, UTC) as an Excel serial, or null when it
 * is no date (to Excel: before 1900): the same number the command line's writer writes.
 */
export const excelSerial = isoExcelSerial;

/** Excel's longest cell text. */
const MAX_CELL_TEXT = 32767;

function cellText(text: string): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  // Do not cut a surrogate pair in two.
  return text.substring(
    0,
    (text.charCodeAt(MAX_CELL_TEXT - 1) & 0xfc00) === 0xd800 ? MAX_CELL_TEXT - 1 : MAX_CELL_TEXT,
  );
}

/** One cell as written: its value and number format. */
export function outCell(
  v: SummaryCell,
  integer = false,
  lang: Lang = 'id',
): { value: OutValue; format: string } {
  if (v === null) return { value: '', format: GENERAL_FORMAT };
  if (typeof v === 'number') return { value: v, format: integer ? INTEGER_FORMAT : GENERAL_FORMAT };
  if (isSummaryDate(v)) {
    const serial = excelSerial(v.date);
    if (serial === null) return { value: v.date, format: TEXT_FORMAT };
    const dates = READER_DATE_FORMATS[lang];
    return { value: serial, format: hasTime(v.date) ? dates.dateTime : dates.date };
  }
  return { value: cellText(v), format: TEXT_FORMAT };
}

export interface PlannedTable {
  /** 1-based row of the header. */
  readonly headerRow: number;
  /** 0-based column the table starts in (`SummaryTable.firstColumn`). */
  readonly firstColumn: number;
  readonly columns: readonly string[];
  /** Data rows (header excluded). */
  readonly values: OutValue[][];
  readonly formats: string[][];
  /** 1-based rows shown bold (total rows). */
  readonly boldRows: readonly number[];
}

/**
 * A chart as the engine defines it for both writers (printout.ts `summaryCharts`): its small data
 * table below the sheet's own (a blank row between; each column under the sheet's column of the
 * same meaning), so row 1 stays the header alone; the chart below that table.
 */
export interface PlannedChart {
  readonly name: string;
  readonly title: string;
  /** 1-based row of the data table's header. */
  readonly headerRow: number;
  /** 0-based sheet column of each data table column. */
  readonly columns: readonly number[];
  readonly header: readonly string[];
  readonly rows: OutValue[][];
  /** Per series: its name and the sheet's A1 addresses of its values and categories (chartSeries). */
  readonly series: readonly { readonly name: string; readonly values: string; readonly categories: string }[];
  /** Top-left and bottom-right cells of the chart. */
  readonly from: string;
  readonly to: string;
  /** Axis titles: what the categories are, what is counted (the engine's, as the command line's). */
  readonly axisTitles: { readonly category: string; readonly value: string };
  /** Points of axis labels, axis titles and legend; of the chart title (printout.ts). */
  readonly fontSize: number;
  readonly titleFontSize: number;
  /** The category labels' `textOrientation` (Office's degrees, counter-clockwise; 0: level). */
  readonly textOrientation: number;
}

export interface PlannedSheet {
  /** The name the spec gives the sheet. */
  readonly base: string;
  readonly tables: readonly PlannedTable[];
  /** Widths in characters, per column. */
  readonly widths: readonly number[];
  /** Fill colour → areas (`F2:F9`), status words and coverage. */
  readonly fills: ReadonlyMap<string, readonly string[]>;
  /** The autofilter's range. */
  readonly filter: string | null;
  /** The header row 1 the tool writes (its first table's columns): how a sheet of ours is recognised. */
  readonly signature: readonly string[];
  readonly chart: PlannedChart | null;
  /** Page setup (printout.ts, as the command line's): set only where ExcelApi 1.9 is supported. */
  readonly print: PrintSetup;
  /** The printed area (`A1:AB65`): the sheet's printed columns down to the chart's last row (printout.ts sheetLayout). */
  readonly printArea: string;
  /** Rows a new page starts at (the chart's numbers and the chart, on a page of their own). */
  readonly pageBreaksBefore: readonly number[];
  /** Areas whose texts wrap within their column's width (Daftar Inovasi, Temuan, Program RPJMD). */
  readonly wrap: readonly string[];
}

export interface SummaryPlan {
  readonly sheets: readonly PlannedSheet[];
}

/** Vertical runs of equal colours in a column: `F2:F5`. */
function fillRuns(
  column: number,
  firstRow: number,
  colours: readonly (string | null)[],
  out: Map<string, string[]>,
): void {
  const l = letters(column);
  for (let i = 0; i < colours.length;) {
    const colour = colours[i];
    let j = i + 1;
    while (j < colours.length && colours[j] === colour) j++;
    if (colour) {
      const a = firstRow + i;
      const b = firstRow + j - 1;
      const list = out.get(colour) ?? [];
      list.push(a === b ? `${l}${a}` : `${l}${a}:${l}${b}`);
      out.set(colour, list);
    }
    i = j;
  }
}

/** The options of a summary plan: what the page header names besides the sheet. */
export interface PlanOptions {
  /** The region (the reference's `daerah.nama`). */
  readonly region?: string;
}

function planSheet(sheet: SummarySheet, engineChart: SummaryChart | null, ctx: PrintContext): PlannedSheet {
  const chart = engineChart ? plannedChart(engineChart) : null;
  const tables: PlannedTable[] = [];
  const fills = new Map<string, string[]>();
  let row = 0; // last 1-based row used
  let filter: string | null = null;
  for (const [t, table] of sheet.tables.entries()) {
    if (t > 0) row++; // a blank row between tables
    const headerRow = ++row;
    const at = table.firstColumn ?? 0;
    const integer = table.columns.map(isIntegerColumn);
    const values: OutValue[][] = [];
    const formats: string[][] = [];
    const boldRows: number[] = [];
    for (const r of table.rows) {
      row++;
      const vs: OutValue[] = [];
      const fs: string[] = [];
      for (let c = 0; c < table.columns.length; c++) {
        const o = outCell(r.cells[c] ?? null, integer[c], ctx.lang);
        vs.push(o.value);
        fs.push(o.format);
      }
      values.push(vs);
      formats.push(fs);
      if (r.total) boldRows.push(row);
    }
    // Fills as the sheet module says (status words, coverage, the schedule's late and on-time words).
    const fill = sheet.def.fill;
    if (fill) {
      table.columns.forEach((label, c) => {
        const colours = table.rows.map((r) => {
          const v = r.cells[c];
          const colour = typeof v === 'string' ? fill(label, v) : null;
          return colour ? cssColour(colour) : null;
        });
        if (colours.some((x) => x !== null)) fillRuns(at + c, headerRow + 1, colours, fills);
      });
    }
    if (t === sheet.filterTable && table.columns.length)
      filter = `${letters(at)}${headerRow}:${letters(at + table.columns.length - 1)}${Math.max(headerRow, row)}`;
    tables.push({ headerRow, firstColumn: at, columns: table.columns, values, formats, boldRows });
  }
  // Widths, wrapping and page setup as the command line's writer has them (printout.ts sheetLayout).
  const layout = sheetLayout(sheet, ctx, engineChart);
  // Header labels always wrap (columns are as wide as their cells and the header's longest word).
  const wrap: string[] = layout.widths.length ? [`A1:${letters(layout.widths.length - 1)}1`] : [];
  // Runs of wrapped columns over the rows of each table (the chart's table and notes stay unwrapped).
  const spans: [number, number][] = [];
  sheet.tables.forEach((t, i) => {
    if (t.note) return;
    const first = tables[i].headerRow;
    const last = first + t.rows.length;
    const previous = spans[spans.length - 1];
    if (previous && previous[1] >= first - 2)
      previous[1] = last; // across the blank row between tables
    else spans.push([first, last]);
  });
  for (let c = 0; row > 0 && c < layout.wrap.length;) {
    if (!layout.wrap[c]) {
      c++;
      continue;
    }
    let d = c;
    while (d + 1 < layout.wrap.length && layout.wrap[d + 1]) d++;
    for (const [first, last] of spans) wrap.push(`${letters(c)}${first}:${letters(d)}${last}`);
    c = d + 1;
  }
  const { lastRow, lastColumn } = layout.printArea;
  return {
    base: sheet.name,
    tables,
    widths: layout.widths,
    fills,
    filter,
    signature: sheet.tables[0]?.columns ?? [],
    chart,
    print: layout.print,
    printArea: `A1:${letters(lastColumn - 1)}${lastRow}`,
    pageBreaksBefore: layout.pageBreaksBefore,
    wrap,
  };
}

/** `'Rekap OPD'!$H$10:$H$12` → `H10:H12` (the series' sheet is the chart's). */
const localRef = (ref: string) => ref.slice(ref.lastIndexOf('!') + 1).replace(/\$/g, '');

function plannedChart(c: SummaryChart): PlannedChart {
  return {
    name: c.name,
    title: c.title,
    headerRow: c.headerRow,
    columns: c.columns,
    header: c.header,
    rows: c.rows.map((r) => [...r]),
    series: chartSeries(c).map((s) => ({
      name: s.name,
      values: localRef(s.valuesRef),
      categories: localRef(s.categoriesRef),
    })),
    from: `${letters(c.anchor.fromColumn)}${c.anchor.fromRow + 1}`,
    to: `${letters(c.anchor.toColumn - 1)}${c.anchor.toRow}`,
    axisTitles: c.axisTitles,
    fontSize: c.fontSize,
    titleFontSize: chartTitlePoints(c),
    textOrientation: officeTextOrientation(c),
  };
}

/** The summary's sheets as they are written, in spec order. */
export function planSummary(summary: CitySummary, lang: Lang, options: PlanOptions = {}): SummaryPlan {
  const ctx = summaryPrintContext(summary, lang, options.region);
  const sheets = summary.sheets;
  // The same charts as the command line's, from one definition (the sheet modules).
  const charts = new Map(summaryCharts(sheets, lang).map((c) => [c.sheet, c]));
  return { sheets: sheets.map((s) => planSheet(s, charts.get(s.name) ?? null, ctx)) };
}

// ---------------------------------------------------------------------------------------------
// Ownership and names

/**
 * The remembered sheet names, one per output sheet of the registry's list (null where none), from
 * the setting's value (the names written last time). Every name the tool gives a sheet is its base
 * name or `base (n)`, so each is matched to its output sheet by name, not by position: a sheet
 * added to the registry anywhere in the list leaves the other sheets' memory intact.
 */
export function storedSheets(
  value: unknown,
  bases: readonly string[] = SUMMARY_SHEET_NAMES,
): (string | null)[] {
  let list: unknown = value;
  if (typeof value === 'string') {
    try {
      list = JSON.parse(value);
    } catch {
      list = null;
    }
  }
  const names = (Array.isArray(list) ? list : []).filter(
    (n): n is string => typeof n === 'string' && n.trim() !== '',
  );
  return bases.map((base) => names.find((n) => isNameOf(n, base)) ?? null);
}

/** `Rekap OPD` and `Rekap OPD (2)` are names of the output sheet `Rekap OPD` (case aside). */
function isNameOf(name: string, base: string): boolean {
  const n = lower(name);
  const b = lower(base);
  return n === b || (n.startsWith(`${b} (`) && /^ \(\d+\)$/.test(n.slice(b.length)));
}

/** Does a header row read back from a sheet start with the tool's header? */
export function sameSignature(row: readonly unknown[] | undefined, signature: readonly string[]): boolean {
  if (!row || !signature.length) return false;
  return signature.every((label, i) => String(row[i] ?? '').trim() === label);
}

const lower = (s: string) => s.trim().toLowerCase();

/**
 * Where each output sheet goes. `existing` are the workbook's sheet names; `owned[i]` the name of
 * the existing sheet of ours for output sheet i (null when there is none). Sheets of ours are all
 * replaced, so their names are free; a sheet that is not ours keeps its name, and the output then
 * goes under the sheet of ours it replaces, else the first free `Name (2)`, `Name (3)`…
 */
export function chooseTargets(
  bases: readonly string[],
  existing: readonly string[],
  owned: readonly (string | null)[],
): { targets: string[]; renamed: { from: string; to: string }[] } {
  const ours = new Set(owned.filter((n): n is string => n !== null).map(lower));
  const theirs = new Set(existing.map(lower).filter((n) => !ours.has(n)));
  const chosen = new Set<string>();
  const free = (name: string) => !theirs.has(lower(name)) && !chosen.has(lower(name));
  const targets = bases.map((base, i) => {
    let target = base;
    if (!free(base)) {
      const mine = owned[i];
      if (mine && free(mine)) target = mine;
      else {
        let k = 2;
        while (!free(`${base} (${k})`)) k++;
        target = `${base} (${k})`;
      }
    }
    chosen.add(lower(target));
    return target;
  });
  const renamed = bases.flatMap((base, i) =>
    lower(targets[i]) === lower(base) ? [] : [{ from: base, to: targets[i] }],
  );
  return { targets, renamed };
}

/**
 * Final order of the sheets: each new output sheet takes the place of the sheet of ours it
 * replaces; one that replaces none goes after the previous output sheet (or before the next one),
 * else at the end. Returns, per output sheet, its final 0-based position. `before` is the sheet
 * list before the swap; `removed` the names deleted by it (old output sheets, leftover staging).
 */
export function finalPositions(
  before: readonly string[],
  owned: readonly (string | null)[],
  removed: ReadonlySet<string>,
): number[] {
  const slotOf = new Map(owned.flatMap((n, i) => (n ? [[lower(n), i] as const] : [])));
  const order: (string | number)[] = [];
  for (const name of before) {
    const i = slotOf.get(lower(name));
    if (i !== undefined) order.push(i);
    else if (!removed.has(lower(name))) order.push(name);
  }
  for (let i = 0; i < owned.length; i++) {
    if (order.includes(i)) continue;
    const prev = order.findIndex((x) => typeof x === 'number' && x === i - 1);
    const next = order.findIndex((x) => typeof x === 'number' && x > i);
    if (prev >= 0) order.splice(prev + 1, 0, i);
    else if (next >= 0) order.splice(next, 0, i);
    else order.push(i);
  }
  return owned.map((_, i) => order.indexOf(i));
}

// ---------------------------------------------------------------------------------------------
// Queueing (inside the adapter's Excel.run)

export interface QueueOptions {
  /** ExcelApi 1.9: multi-area fills, the autofilter and the page layout. */
  readonly api19: boolean;
}

/** Queues a whole output sheet into `ws` (a new, very hidden staging sheet), syncing when the budget fills. */
export async function queueSummarySheet(
  batcher: SyncBatcher,
  ws: Excel.Worksheet,
  sheet: PlannedSheet,
  options: QueueOptions,
): Promise<void> {
  // Layout: widths, frozen header.
  for (const [c, w] of sheet.widths.entries()) {
    const l = letters(c);
    await batcher.reserve(opBytes(`${l}:${l}`, 0) + 200);
    ws.getRange(`${l}:${l}`).format.columnWidth = w * PT_PER_CHAR;
  }
  for (const table of sheet.tables) {
    const from = letters(table.firstColumn);
    const last = letters(table.firstColumn + table.columns.length - 1);
    const header = [...table.columns];
    await batcher.reserve(opBytes([header]) * 2 + opBytes([header.map(() => TEXT_FORMAT)]) + 600);
    const h = ws.getRange(`${from}${table.headerRow}:${last}${table.headerRow}`);
    h.numberFormat = [header.map(() => TEXT_FORMAT)];
    h.values = [header];
    h.format.font.bold = true;
    h.format.fill.color = HEADER_FILL;
    const first = table.headerRow + 1;
    const formats = table.formats;
    await writeRowBlocks(
      batcher,
      table.values,
      (start, block) => {
        const range = ws.getRange(`${from}${first + start}:${last}${first + start + block.length - 1}`);
        // Formats first: a text cell formatted as text keeps «1.02» and «=…» as written.
        range.numberFormat = formats.slice(start, start + block.length);
        range.values = block;
      },
      { opsPerBlock: 2, sizeOf: (row, i) => jsonBytes(row) + jsonBytes(formats[i]) + 2 },
    );
    for (const r of table.boldRows) {
      await batcher.reserve(opBytes(`${from}${r}:${last}${r}`, true) + 200);
      ws.getRange(`${from}${r}:${last}${r}`).format.font.bold = true;
    }
  }

  for (const [colour, areas] of sheet.fills) {
    const targets = options.api19
      ? addressLists(areas).map((a) => ({ a, f: () => ws.getRanges(a).format.fill }))
      : areas.map((a) => ({ a, f: () => ws.getRange(a).format.fill }));
    for (const t of targets) {
      await batcher.reserve(opBytes(t.a, colour) + 200);
      t.f().color = colour;
    }
  }
  if (sheet.filter && options.api19) {
    await batcher.reserve(opBytes(sheet.filter) + 200);
    ws.autoFilter.apply(ws.getRange(sheet.filter));
  }

  for (const area of sheet.wrap) {
    await batcher.reserve(opBytes(area, true) + 200);
    ws.getRange(area).format.wrapText = true;
  }

  const chart = sheet.chart;
  if (chart) {
    // The chart's data table below the sheet's own, column by column under the columns it repeats.
    const values = chart.header.map((h, k) => [[h], ...chart.rows.map((r) => [r[k]])]);
    const formats = values.map((col) =>
      col.map((v, i) => [i === 0 || typeof v[0] !== 'number' ? TEXT_FORMAT : GENERAL_FORMAT]),
    );
    await batcher.reserve(opBytes(values) + opBytes(formats) + 600 * (chart.columns.length + 1));
    const last = chart.headerRow + chart.rows.length;
    chart.columns.forEach((col, k) => {
      const l = letters(col);
      const range = ws.getRange(`${l}${chart.headerRow}:${l}${last}`);
      range.numberFormat = formats[k];
      range.values = values[k];
    });
    const first = Math.min(...chart.columns);
    const h = ws.getRange(
      `${letters(first)}${chart.headerRow}:${letters(Math.max(...chart.columns))}${chart.headerRow}`,
    );
    h.format.font.bold = true;
    h.format.fill.color = HEADER_FILL;
  }
}

/**
 * The frozen header and (ExcelApi 1.9) the print setup (pageLayout.ts), queued once the sheet is
 * visible: set on a very hidden staging sheet they may not be kept (office-js #3148, #1860).
 */
export async function queueSheetView(
  batcher: SyncBatcher,
  ws: Excel.Worksheet,
  sheet: PlannedSheet,
  options: QueueOptions,
): Promise<void> {
  await batcher.reserve(opBytes(1));
  ws.freezePanes.freezeRows(1);
  if (options.api19) await queuePrintSetup(batcher, ws, sheet.print, sheet.printArea, sheet.pageBreaksBefore);
}

/** What a chart may use beyond ExcelApi 1.7. */
export interface ChartOptions {
  /** ExcelApi 1.8: the category labels' angle (`ChartAxis.textOrientation`). */
  readonly api18: boolean;
}

/**
 * Queues a sheet's chart over the data table queued by `queueSummarySheet`: the first series from
 * `charts.add` (1.1), the others by `series.add` (1.7), each with its values and categories (1.7);
 * then its texts as the command line draws them (docs/spec/consolidation.md, *Printing and
 * reading*): axis titles, labels, axis titles and legend at the engine's size (1.1), the legend
 * below, the category labels turned where the engine turns them (1.8; level before it).
 */
export async function queueChart(
  batcher: SyncBatcher,
  ws: Excel.Worksheet,
  chart: PlannedChart,
  options: ChartOptions = { api18: false },
): Promise<void> {
  await batcher.reserve(
    opBytes(chart.title, chart.name, chart.from, chart.to, chart.series, chart.axisTitles) + 4000,
  );
  const [first, ...rest] = chart.series;
  const c = ws.charts.add('ColumnStacked', ws.getRange(first.values), 'Columns');
  c.name = chart.name;
  c.title.text = chart.title;
  const s0 = c.series.getItemAt(0);
  s0.name = first.name;
  s0.setXAxisValues(ws.getRange(first.categories));
  for (const s of rest) {
    const x = c.series.add(s.name);
    x.setValues(ws.getRange(s.values));
    x.setXAxisValues(ws.getRange(s.categories));
  }
  c.setPosition(chart.from, chart.to);
  c.title.format.font.size = chart.titleFontSize;
  c.title.format.font.bold = true;
  const axes = [
    [c.axes.categoryAxis, chart.axisTitles.category],
    [c.axes.valueAxis, chart.axisTitles.value],
  ] as const;
  for (const [axis, title] of axes) {
    axis.format.font.size = chart.fontSize;
    axis.title.text = title;
    axis.title.visible = true;
    axis.title.format.font.size = chart.fontSize;
    axis.title.format.font.bold = true;
  }
  if (options.api18 && chart.textOrientation !== 0)
    c.axes.categoryAxis.textOrientation = chart.textOrientation;
  c.legend.visible = true;
  c.legend.position = 'Bottom';
  c.legend.format.font.size = chart.fontSize;
}
