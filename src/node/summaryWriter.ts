/**
 * Writes the city summary (docs/spec/consolidation.md) as an .xlsx file with our streaming SpreadsheetML
 * writer (xlsxStream.ts): rows are serialised and compressed in batches straight into the file, so
 * memory does not grow with the number of rows. Bold frozen header, autofilter, widths, real dates
 * and numbers, status colours, bold total rows.
 */
import { createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import * as zlib from 'node:zlib';
import {
  CitySummary,
  SummaryCell,
  SummarySheet,
  isIntegerColumn,
  isSummaryDate,
} from '../engine/consolidate';
import { isoToDate } from '../engine/isoDate';
import { Lang } from '../engine/messages';
import {
  PrintContext,
  SummaryChart,
  chartSeries,
  chartTitlePoints,
  sheetLayout,
  summaryCharts,
  summaryPrintContext,
  wrappedRowHeight,
} from '../engine/printout';
import { TOOL_NAME as CREATOR } from '../engine/version';
import { sheetPrint } from '../xlsx/sheetPrint';

export { sheetPrint };
import {
  ByteSink,
  ColumnChart,
  Compressor,
  STYLE_HEADER_WRAP,
  XlsxStreamWriter,
  XlsxValue,
  styleId,
} from '../xlsx/xlsxStream';

/** Deflate level, measured on the 60 × 300 bench: zlib 1/3/6 ≈ 270/300/410 ms for 3.84/3.60/3.17 MB; fflate 1/3/6 ≈ 850/730/910 ms. */
const LEVEL = 3;

/**
 * Node's zlib as the writer's compressor: its deflate is several times faster than fflate's
 * JavaScript one (the summary's writing time falls from ≈ 750 to ≈ 300 ms), its CRC-32 too
 * (Node ≥ 20.15). Equal input gives equal bytes with the same Node build; Node's zlib picks its
 * hash by CPU features, so the bytes (not the content) may differ between machines. Pass
 * `{ crc32 }` only instead for machine-independent bytes at fflate's speed.
 */
export const nodeCompressor: Compressor = {
  deflate: (data, final, dictionary, level) =>
    zlib.deflateRawSync(data, {
      level,
      finishFlush: final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH,
      ...(dictionary ? { dictionary } : {}),
    }),
  crc32: typeof zlib.crc32 === 'function' ? (data, crc) => zlib.crc32(data, crc) : undefined,
};

/** Input a zlib stream may queue before the writer waits for it: a few batches. */
const OFF_THREAD_QUEUE = 4 << 20;

/**
 * `nodeCompressor` with each entry deflated by a zlib stream on libuv's thread pool, so the main
 * thread serialises the next rows meanwhile (what the command line uses; 60 × 300 summary: ≈ 180
 * → 140 ms). One stream per entry, no flushes: the bytes do not depend on how rows were batched.
 */
export const nodeCompressorOffThread: Compressor = {
  ...nodeCompressor,
  deflateStream: (level, ondata) => {
    const z = zlib.createDeflateRaw({ level, chunkSize: 256 * 1024 });
    z.on('data', (data: Buffer) => ondata(null, data, false));
    z.on('end', () => ondata(null, new Uint8Array(0), true));
    z.on('error', (e) => ondata(e, new Uint8Array(0), true));
    return {
      push(chunk, final) {
        if (chunk.length) z.write(chunk);
        if (final) z.end();
      },
      // One turn of the event loop lets zlib's callbacks run and start on what is queued; more
      // only while it holds more than a few batches.
      settle: () =>
        new Promise<void>((resolve) => {
          if (z.writableLength <= OFF_THREAD_QUEUE || z.destroyed) return void setImmediate(resolve);
          const done = () => {
            z.off('drain', done);
            z.off('close', done);
            resolve();
          };
          z.on('drain', done);
          z.on('close', done);
        }),
      abort: () => z.destroy(),
    };
  },
};

/** A summary date as a JS date (engine/isoDate.ts), kept under its old name for the writer's readers. */
export const toDate = isoToDate;

/** A sink writing to a file through a Node write stream (its backpressure respected); on abort the partial file is removed. */
export function fileSink(path: string, { highWaterMark = 4 << 20 } = {}): ByteSink {
  // A few MB in flight before the writer waits: the disk keeps up; Node's default 16 KiB made the
  // writer stop at every chunk.
  const stream = createWriteStream(path, { highWaterMark });
  let failure: unknown = null;
  stream.on('error', (e) => (failure ??= e));
  return {
    write(chunk) {
      if (failure) throw failure;
      return stream.write(chunk);
    },
    drain() {
      if (failure) return Promise.reject(failure);
      if (!stream.writableNeedDrain) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const done = (e?: unknown) => {
          stream.off('drain', done);
          stream.off('error', done);
          if (e) reject(e);
          else resolve();
        };
        stream.on('drain', done);
        stream.on('error', done);
      });
    },
    close() {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        stream.once('error', reject);
        stream.once('close', () => (failure ? reject(failure) : resolve()));
        stream.end();
      });
    },
    abort() {
      stream.destroy();
      stream.once('close', () => void unlink(path).catch(() => undefined));
    },
  };
}

const DATE = styleId({ format: 'date' });
const DATE_TIME = styleId({ format: 'dateTime' });
const BOLD_DATE = styleId({ bold: true, format: 'date' });
const BOLD_DATE_TIME = styleId({ bold: true, format: 'dateTime' });
const INTEGER = styleId({ format: 'integer' });
const BOLD_INTEGER = styleId({ bold: true, format: 'integer' });
const BOLD = styleId({ bold: true });
const WRAP = styleId({ wrap: true });

/** A chart of the engine's as the writer's column chart. */
export function columnChart(c: SummaryChart): ColumnChart {
  return {
    name: c.name,
    title: c.title,
    grouping: 'stacked',
    series: chartSeries(c),
    anchor: c.anchor,
    axisTitles: c.axisTitles,
    fontSize: c.fontSize,
    titleFontSize: chartTitlePoints(c),
    labelAngle: c.labelAngle,
  };
}

async function writeSheet(
  book: XlsxStreamWriter,
  sheet: SummarySheet,
  ctx: PrintContext,
  chart: SummaryChart | null,
): Promise<void> {
  const layout = sheetLayout(sheet, ctx, chart);
  const ws = book.addSheet(sheet.name, {
    widths: layout.widths,
    frozenRows: 1,
    print: { ...sheetPrint(layout.print, layout.printArea), pageBreaksBefore: layout.pageBreaksBefore },
    charts: chart ? [columnChart(chart)] : [],
  });
  const wrapping = layout.wrap.some(Boolean);
  let r = 0;
  for (const [t, table] of sheet.tables.entries()) {
    if (t > 0) {
      ws.addRow([]); // a blank row between tables
      r++;
    }
    const headerRow = ++r;
    // A table may start further right (`firstColumn`): the cells before it stay empty.
    const at = table.firstColumn ?? 0;
    const pad = new Array<null>(at).fill(null);
    const header: XlsxValue[] = [...pad, ...table.columns];
    // Header labels always wrap: columns are as wide as their cells and the header's longest word.
    const headerStyles: number[] = [...pad.map(() => 0), ...table.columns.map(() => STYLE_HEADER_WRAP)];
    ws.addRow(
      header,
      headerStyles,
      wrappedRowHeight(
        header as SummaryCell[],
        layout.widths,
        header.map(() => true),
      ),
    );
    const integer = table.columns.map(isIntegerColumn);
    const fill = sheet.def.fill;
    const n = table.columns.length;
    const values: XlsxValue[] = [];
    const styles: number[] = [];
    for (const row of table.rows) {
      r++;
      const cells = row.cells;
      const bold = row.total === true;
      values.length = 0;
      styles.length = 0;
      for (let c = 0; c < at; c++) {
        values.push(null);
        styles.push(0);
      }
      for (let c = 0; c < cells.length; c++) {
        const v: SummaryCell = cells[c];
        let style = bold ? BOLD : 0;
        let value: XlsxValue;
        if (v !== null && typeof v === 'object' && isSummaryDate(v)) {
          const date = toDate(v.date);
          if (date) {
            value = date;
            const withTime = v.date.length > 10;
            style = bold ? (withTime ? BOLD_DATE_TIME : BOLD_DATE) : withTime ? DATE_TIME : DATE;
          } else {
            value = v.date;
          }
        } else if (typeof v === 'number') {
          value = v;
          if (integer[c]) style = bold ? BOLD_INTEGER : INTEGER;
        } else {
          value = v as string | null;
          const colour = fill && typeof v === 'string' && c < n ? fill(table.columns[c], v) : null;
          if (colour) style = styleId({ bold, fill: colour });
        }
        values.push(value);
        styles.push(layout.wrap[at + c] && value !== null && !table.note ? style + WRAP : style);
      }
      const height =
        wrapping && !table.note
          ? wrappedRowHeight(
              (at ? [...pad, ...cells] : cells) as readonly SummaryCell[],
              layout.widths,
              layout.wrap,
            )
          : null;
      if (!ws.addRow(values, styles, height)) await ws.drain();
    }
    if (t === sheet.filterTable && n > 0) {
      ws.setAutoFilter({
        firstRow: headerRow,
        lastRow: Math.max(headerRow, r),
        firstColumn: at + 1,
        lastColumn: at + n,
      });
    }
  }
  if (chart) {
    // The chart's data table below the sheet's own, a blank row between (the chart goes below it).
    while (r < chart.headerRow - 1) {
      ws.addRow([]);
      r++;
    }
    for (let i = 0; i <= chart.rows.length; i++) {
      const cells = i === 0 ? chart.header : chart.rows[i - 1];
      const values: XlsxValue[] = [];
      const styles: number[] = [];
      cells.forEach((v, k) => {
        values[chart.columns[k]] = v;
        styles[chart.columns[k]] =
          i === 0 ? STYLE_HEADER_WRAP : typeof v === 'string' && layout.wrap[chart.columns[k]] ? WRAP : 0;
      });
      const row = Array.from(values, (v) => v ?? null);
      const wrapped = i === 0 ? layout.widths.map(() => true) : layout.wrap;
      ws.addRow(
        row,
        Array.from(styles, (s) => s ?? 0),
        i === 0 || wrapping ? wrappedRowHeight(row as SummaryCell[], layout.widths, wrapped) : null,
      );
      r++;
    }
  }
  ws.end();
}

export interface SummaryWriteOptions {
  /** The region named in every page header (the reference's `daerah.nama`). */
  readonly region?: string;
  /** Language of chart titles and of the page footer (default: the report's). */
  readonly lang?: Lang;
  /** Called before each sheet is written (progress). */
  readonly onSheet?: (index: number, count: number, name: string) => void;
}

/** Writes the summary workbook to `outPath` (sheets in spec order); dates and zip entry times are the consolidation time, so equal runs give equal bytes. */
export async function writeSummaryXlsx(
  summary: CitySummary,
  outPath: string,
  options: SummaryWriteOptions = {},
): Promise<void> {
  const date = toDate(summary.consolidatedAt) ?? new Date(0);
  const lang = options.lang ?? summary.report.lang;
  const ctx = summaryPrintContext(summary, lang, options.region);
  const sheets = summary.sheets;
  const charts = summaryCharts(sheets, lang);
  const book = new XlsxStreamWriter(fileSink(outPath), {
    date,
    creator: CREATOR,
    level: LEVEL,
    compressor: nodeCompressorOffThread,
    dateLang: lang,
  });
  try {
    for (const [i, sheet] of sheets.entries()) {
      options.onSheet?.(i, sheets.length, sheet.name);
      await writeSheet(book, sheet, ctx, charts.find((c) => c.sheet === sheet.name) ?? null);
    }
    await book.finish();
  } catch (e) {
    book.abort(e);
    throw e;
  }
}
