/**
 * A small, fast, streaming SpreadsheetML (.xlsx) writer: rows go out as they are added, so memory
 * stays flat however many rows a sheet has.
 *
 * Rows are serialised to XML text and UTF-8 encoded row by row into batches (`batchRows`, default
 * 500, or 1 MiB), each batch pushed through fflate's streaming `Zip` and `Deflate`; the compressed
 * bytes are gathered into chunks of `chunkBytes` and handed to a `ByteSink` (a file stream in Node,
 * an array in a test or a browser). `addRow` returns false when the sink asks to wait (or, with a
 * compressor working off the main thread, after each batch): `await writer.drain()` then.
 *
 * It uses nothing but strings, Uint8Array, TextEncoder and fflate (src/xlsx/tsconfig.json checks it
 * without Node or DOM types), so it runs in Node and in the task pane; a host may plug in a
 * native deflate or CRC-32 (`Compressor`, e.g. Node's zlib).
 *
 * What it writes: inline strings (XML-escaped, characters XML 1.0 cannot carry removed, leading or
 * trailing blanks kept with `xml:space="preserve"`), numbers, booleans, real Excel dates (serial
 * numbers with a date format), column widths, row heights, a frozen header, an autofilter (with its
 * `_xlnm._FilterDatabase` name), page setup (`pageSetup`, `headerFooter`, `_xlnm.Print_Titles`,
 * `_xlnm.Print_Area`), column charts (DrawingML chart and drawing parts), and a fixed style table:
 * wrapped (top-aligned) or not × bold or not × no fill, the header's light blue or a status colour
 * × General, a date, a date-time (`[$-421]d mmm yyyy`, English `[$-409]…`) or `#,##0`.
 * Equal input gives equal bytes: document dates and zip entry times come from `options.date`.
 */
import { Deflate, DeflateOptions, FlateError, Zip, ZipPassThrough } from 'fflate';
import { READER_DATE_FORMATS } from '../engine/design/formats';
import type { ChartSeries } from '../engine/printout';
import { SummaryFill, argb } from '../engine/design/palette';
import { excelSerial } from '../engine/isoDate';

export { excelSerial };

/** TextEncoder exists in Node and in browsers; looked up on globalThis so no host's types are needed (as decode.ts). */
interface TextEncoderLike {
  encode(text: string): Uint8Array;
  encodeInto(text: string, into: Uint8Array): { read: number; written: number };
}
const TextEncoder = (globalThis as unknown as { TextEncoder: new () => TextEncoderLike }).TextEncoder;

// ---------------------------------------------------------------------------------------------
// Where the bytes go

/** Receives the .xlsx bytes in order. */
export interface ByteSink {
  /** Takes a chunk (the writer never touches it again). False asks the writer to `drain` before more. */
  write(chunk: Uint8Array): boolean;
  /** Resolves when the sink can take more. */
  drain(): Promise<void>;
  /** Called once after the last chunk; resolves when everything is stored. */
  close(): Promise<void>;
  /** Called instead of `close` when writing failed half-way (optional). */
  abort?(error: unknown): void;
}

/** A sink that keeps the bytes in memory (tests, the browser); `bytes()` joins them after `close`. */
export function memorySink(): ByteSink & { bytes(): Uint8Array } {
  const chunks: Uint8Array[] = [];
  return {
    write: (chunk) => (chunks.push(chunk), true),
    drain: async () => undefined,
    close: async () => undefined,
    bytes: () =>
      concat(
        chunks,
        chunks.reduce((n, c) => n + c.length, 0),
      ),
  };
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1 && chunks[0].length === length) return chunks[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Styles: a fixed table, so the styles part is known before any cell is written

/** A fill of the engine's palette (engine/design/palette.ts). */
export type FillColour = SummaryFill;
export type NumberFormat = 'general' | 'date' | 'dateTime' | 'integer';

export interface CellStyle {
  readonly bold?: boolean;
  readonly fill?: FillColour | null;
  readonly format?: NumberFormat;
  /** Wrap the text within the column's width, top-aligned (a header: centred vertically). */
  readonly wrap?: boolean;
}

/** ARGB of each fill: the palette's colours with SpreadsheetML's `FF` alpha. */
export const FILL_ARGB: Readonly<Record<FillColour, string>> = {
  header: argb('header'),
  green: argb('green'),
  amber: argb('amber'),
  grey: argb('grey'),
  red: argb('red'),
};

const FILLS: readonly (FillColour | null)[] = [null, 'header', 'green', 'amber', 'grey', 'red'];
const FORMATS: readonly NumberFormat[] = ['general', 'date', 'dateTime', 'integer'];
/** numFmtId of each format: General, two custom ones, built-in 3 (`#,##0`). */
const FORMAT_IDS: readonly number[] = [0, 164, 165, 3];
const FORMAT_DATE = 1;
const FORMAT_DATE_TIME = 2;
const STYLE_COUNT = 2 * 2 * FILLS.length * FORMATS.length;

/** The cell style index (`s`) of a style; the table holds every combination. */
export function styleId(style: CellStyle): number {
  const fill = FILLS.indexOf(style.fill ?? null);
  const format = FORMATS.indexOf(style.format ?? 'general');
  if (fill < 0 || format < 0) throw new RangeError(`unknown style ${JSON.stringify(style)}`);
  return (
    (style.wrap ? 2 * FILLS.length * FORMATS.length : 0) +
    (style.bold ? FILLS.length * FORMATS.length : 0) +
    fill * FORMATS.length +
    format
  );
}

export const STYLE_DEFAULT = 0;
/** Bold, light-blue fill, vertically centred: a header row. */
export const STYLE_HEADER = styleId({ bold: true, fill: 'header' });
/** A header row whose labels wrap. */
export const STYLE_HEADER_WRAP = styleId({ bold: true, fill: 'header', wrap: true });

function stylesXml(lang: 'id' | 'en'): string {
  const dates = READER_DATE_FORMATS[lang];
  const fonts =
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>';
  let fills = `<fills count="${FILLS.length + 1}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>`;
  for (const f of FILLS) {
    if (f)
      fills += `<fill><patternFill patternType="solid"><fgColor rgb="${FILL_ARGB[f]}"/><bgColor indexed="64"/></patternFill></fill>`;
  }
  fills += '</fills>';
  let xfs = `<cellXfs count="${STYLE_COUNT}">`;
  for (let wrap = 0; wrap < 2; wrap++) {
    for (let bold = 0; bold < 2; bold++) {
      for (let fill = 0; fill < FILLS.length; fill++) {
        for (let format = 0; format < FORMATS.length; format++) {
          const fillId = fill === 0 ? 0 : fill + 1; // 0 none, 1 gray125 (required), then ours
          const header = FILLS[fill] === 'header';
          const alignment = wrap
            ? `<alignment vertical="${header ? 'center' : 'top'}" wrapText="1"/>`
            : header
              ? '<alignment vertical="center"/>'
              : '';
          xfs +=
            `<xf numFmtId="${FORMAT_IDS[format]}" fontId="${bold}" fillId="${fillId}" borderId="0" xfId="0"` +
            (format ? ' applyNumberFormat="1"' : '') +
            (bold ? ' applyFont="1"' : '') +
            (fill ? ' applyFill="1"' : '') +
            (alignment ? ` applyAlignment="1">${alignment}</xf>` : '/>');
        }
      }
    }
  }
  xfs += '</cellXfs>';
  return (
    XML_DECLARATION +
    `<styleSheet xmlns="${NS_MAIN}">` +
    `<numFmts count="2"><numFmt numFmtId="164" formatCode="${escapeXml(dates.date)}"/><numFmt numFmtId="165" formatCode="${escapeXml(dates.dateTime)}"/></numFmts>` +
    fonts +
    fills +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    xfs +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
    '</styleSheet>'
  );
}

// ---------------------------------------------------------------------------------------------
// Values

export type XlsxValue = string | number | boolean | Date | null | undefined;

/** Excel's longest cell text. */
export const MAX_CELL_TEXT = 32767;

/** XML 1.0 cannot carry C0 controls but tab/LF/CR, lone surrogates, U+FFFE and U+FFFF. */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/u;
// eslint-disable-next-line no-control-regex
const INVALID_XML_ALL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/gu;
const SPECIAL = /[&<>"\r]/;
const SPECIAL_ALL = /[&<>"\r]/g;
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\r': '&#13;',
};
const entity = (c: string): string => ENTITIES[c];
/** Excel reads `_xHHHH_` in cell text as an escaped character; a literal one is written `_x005F_xHHHH_`. */
const EXCEL_ESCAPE = /_(?=x[0-9A-Fa-f]{4}_)/g;

/**
 * Nothing to escape or drop: one anchored scan (faster than the two searches below), which sends
 * surrogate pairs, valid as they are, to the slow path too.
 */
// eslint-disable-next-line no-control-regex
const PLAIN_XML = /^[^&<>"\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]*$/;

/** Text as XML character data (also fit for a double-quoted attribute); characters XML cannot carry are dropped. */
export function escapeXml(text: string): string {
  if (PLAIN_XML.test(text)) return text;
  if (INVALID_XML.test(text)) text = text.replace(INVALID_XML_ALL, '');
  return SPECIAL.test(text) ? text.replace(SPECIAL_ALL, entity) : text;
}

/** Cell text: `escapeXml`, at most 32,767 characters, Excel's `_xHHHH_` escapes kept literal. */
function cellText(text: string): string {
  if (text.length > MAX_CELL_TEXT) {
    // Do not cut a surrogate pair in two.
    const cut = (text.charCodeAt(MAX_CELL_TEXT - 1) & 0xfc00) === 0xd800 ? MAX_CELL_TEXT - 1 : MAX_CELL_TEXT;
    text = text.substring(0, cut);
  }
  if (text.indexOf('_x') >= 0) text = text.replace(EXCEL_ESCAPE, '_x005F_');
  return escapeXml(text);
}

/** Does the text start or end with a blank an XML reader (or Excel) would drop without xml:space? */
function needsPreserve(text: string): boolean {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return (
    first === 32 ||
    first === 9 ||
    first === 10 ||
    first === 13 ||
    last === 32 ||
    last === 9 ||
    last === 10 ||
    last === 13
  );
}

const columnNames: string[] = [];

/** Column letters of a 0-based column index (0 → A, 26 → AA). */
export function columnName(index: number): string {
  let name = columnNames[index];
  if (name === undefined) {
    let n = index + 1;
    name = '';
    while (n > 0) {
      const m = (n - 1) % 26;
      name = String.fromCharCode(65 + m) + name;
      n = Math.floor((n - 1) / 26);
    }
    columnNames[index] = name;
  }
  return name;
}

/** A Date, also one made in another realm (a jest sandbox, a worker). */
function isDate(v: unknown): v is Date {
  return v instanceof Date || Object.prototype.toString.call(v) === '[object Date]';
}

/** `'Sheet name'` for a formula or defined name. */
function quotedSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

// ---------------------------------------------------------------------------------------------
// Package parts

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_DOC = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const ROOT_RELS =
  XML_DECLARATION +
  `<Relationships xmlns="${NS_PKG_REL}">` +
  `<Relationship Id="rId1" Type="${REL_DOC}/officeDocument" Target="xl/workbook.xml"/>` +
  `<Relationship Id="rId2" Type="${NS_PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/>` +
  `<Relationship Id="rId3" Type="${REL_DOC}/extended-properties" Target="docProps/app.xml"/>` +
  '</Relationships>';

/** W3CDTF without milliseconds: `2026-11-28T00:00:00Z`. */
function w3cdtf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A local-time Date whose fields equal the UTC fields of `date`: fflate stamps zip entries from
 * local fields, so this keeps the stamps independent of the time zone (except for a time that
 * falls in a local daylight-saving gap, which moves on by the gap).
 */
function localTwin(date: Date): Date {
  const d = new Date(
    date.getUTCFullYear(),
    date.getUTCMonth(),
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
  );
  const year = d.getFullYear();
  // Zip (MS-DOS) times span 1980–2107.
  if (!(year >= 1980)) return new Date(1980, 0, 1);
  if (year > 2107) return new Date(2107, 11, 31, 23, 59, 58);
  return d;
}

// ---------------------------------------------------------------------------------------------
// The writer

export interface XlsxStreamOptions {
  /** Created/modified date of the workbook and time stamp of every zip entry (default: now). */
  readonly date?: Date;
  /** Creator and last-modified-by (default `inovasi-daerah`). */
  readonly creator?: string;
  /** Language of date cells' month names (`[$-421]d mmm yyyy` or `[$-409]…`; default Indonesian). */
  readonly dateLang?: 'id' | 'en';
  /** Deflate level 0–9 (default 3). */
  readonly level?: number;
  /** Faster native deflate and/or CRC-32 than fflate's JavaScript ones, e.g. Node's zlib (default: fflate's). */
  readonly compressor?: Compressor;
  /** Rows serialised per batch before being compressed (default 500). */
  readonly batchRows?: number;
  /** Output is handed to the sink in chunks of about this many bytes (default 256 KiB). */
  readonly chunkBytes?: number;
}

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
  /** Margins in inches. */
  readonly margins?: {
    readonly left: number;
    readonly right: number;
    readonly top: number;
    readonly bottom: number;
    readonly header: number;
    readonly footer: number;
  };
  readonly gridLines?: boolean;
}

/**
 * One series of a column chart: cell references and the values they hold (cached in the chart part),
 * as the engine plans it (printout.ts); the fill may be left out (without one, a program without a
 * theme part — LibreOffice — draws no bar).
 */
export type ChartSeriesRef = Omit<ChartSeries, 'colour'> & { readonly colour?: string };

/** A column chart (DrawingML `barChart`, `barDir="col"`) anchored between two cells (0-based, `to` exclusive). */
export interface ColumnChart {
  readonly name: string;
  readonly title: string;
  readonly grouping: 'stacked' | 'clustered';
  readonly series: readonly ChartSeriesRef[];
  /** Axis titles (category axis, value axis), or none. */
  readonly axisTitles?: { readonly category: string; readonly value: string };
  /** Points of the axis labels, axis titles and legend; default 10. */
  readonly fontSize?: number;
  /** Points of the chart title; default `fontSize` + 2. */
  readonly titleFontSize?: number;
  /** Category labels turned by this many degrees (negative: rising to the right); default 0. */
  readonly labelAngle?: number;
  readonly anchor: {
    readonly fromColumn: number;
    readonly fromRow: number;
    readonly toColumn: number;
    readonly toRow: number;
  };
}

/** A cell range, 1-based, inclusive. */
export interface CellRange {
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstColumn: number;
  readonly lastColumn: number;
}

/**
 * Compresses one chunk of an entry as raw DEFLATE that continues the chunks before it: primed with
 * `dictionary` (the last ≤ 32 KiB of input before this chunk, null for the first), and, unless
 * `final`, ending with a sync flush (byte-aligned, no final block), so the outputs concatenate into
 * one valid stream. Must be deterministic for reproducible files.
 */
export type RawDeflateChunk = (
  data: Uint8Array,
  final: boolean,
  dictionary: Uint8Array | null,
  level: number,
) => Uint8Array;

/**
 * One zip entry's raw DEFLATE stream compressed elsewhere than on this thread (Node's zlib stream
 * works on libuv's thread pool): `push` hands over input (never changed again); compressed data
 * comes back through `ondata`, in order, the last call with `final`. `settle` resolves once the
 * stream has taken what was pushed (the caller's thread must yield for that to happen).
 */
export interface DeflateStream {
  push(chunk: Uint8Array, final: boolean): void;
  settle(): Promise<void>;
  /** Stops and frees the stream (the workbook is abandoned). */
  abort(): void;
}

export type DeflateStreamFactory = (
  level: number,
  ondata: (error: Error | null, data: Uint8Array, final: boolean) => void,
) => DeflateStream;

/** Native helpers for the zip entries (fflate still frames the archive); each part falls back to fflate's. */
export interface Compressor {
  /** A deflate off the main thread, preferred over `deflate`: rows are serialised while earlier ones are compressed. */
  readonly deflateStream?: DeflateStreamFactory;
  /** Raw DEFLATE chunk by chunk instead of fflate's streaming `Deflate`. */
  readonly deflate?: RawDeflateChunk;
  /** CRC-32 of `data` continuing `crc` (0 to start). */
  readonly crc32?: (data: Uint8Array, crc: number) => number;
}

const WINDOW = 32 * 1024;

/**
 * A deflated zip entry fed in chunks: fflate's streaming `Deflate` (as its `ZipDeflate` does) or a
 * `RawDeflateChunk`; the CRC by fflate or by `Compressor.crc32`.
 */
class Entry extends ZipPassThrough {
  flag: number;
  private readonly stream: Deflate | null;
  /** The off-thread stream, when the compressor has one. */
  readonly offThread: DeflateStream | null;
  /** Resolves when the entry's last compressed byte has been handed to the zip. */
  readonly done: Promise<void>;
  private dictionary: Uint8Array | null = null;
  private runningCrc = 0;

  constructor(
    filename: string,
    private readonly level: number,
    private readonly compressor: Compressor,
  ) {
    super(filename);
    this.compression = 8;
    // General-purpose flag bits 1–2: the compression option, as fflate sets them.
    this.flag = level === 1 ? 3 : level < 6 ? 2 : level === 9 ? 1 : 0;
    let finished = () => {};
    this.done = new Promise<void>((resolve) => (finished = resolve));
    this.offThread = compressor.deflateStream
      ? compressor.deflateStream(level, (error, data, final) => {
          this.ondata(error as FlateError | null, data as Uint8Array<ArrayBuffer>, final);
          if (final || error) finished();
        })
      : null;
    if (!this.offThread) finished();
    this.stream =
      compressor.deflate || this.offThread
        ? null
        : new Deflate({ level: level as DeflateOptions['level'] }, (data, final) =>
            this.ondata(null, data, final),
          );
  }

  push(chunk: Uint8Array, final = false): void {
    const crc32 = this.compressor.crc32;
    if (!crc32) return super.push(chunk, final);
    this.runningCrc = crc32(chunk, this.runningCrc);
    this.size += chunk.length;
    if (final) this.crc = this.runningCrc;
    this.process(chunk, final);
  }

  protected process(chunk: Uint8Array, final: boolean): void {
    let out: Uint8Array;
    try {
      if (this.offThread) {
        this.offThread.push(chunk, final);
        return;
      }
      if (this.stream) {
        this.stream.push(chunk, final);
        return;
      }
      out = this.compressor.deflate!(chunk, final, this.dictionary, this.level);
    } catch (e) {
      this.ondata(e as FlateError, null as unknown as Uint8Array<ArrayBuffer>, final);
      return;
    }
    if (!final && chunk.length > 0) {
      // The window the next chunk may refer back to: the last 32 KiB of input, across small chunks too.
      const prev = this.dictionary;
      if (chunk.length >= WINDOW || !prev)
        this.dictionary = chunk.subarray(Math.max(0, chunk.length - WINDOW));
      else {
        const keep = Math.min(prev.length, WINDOW - chunk.length);
        const joined = new Uint8Array(keep + chunk.length);
        joined.set(prev.subarray(prev.length - keep), 0);
        joined.set(chunk, keep);
        this.dictionary = joined;
      }
    }
    this.ondata(null, out as Uint8Array<ArrayBuffer>, final);
  }
}

const DEFAULT_LEVEL = 3;
/** Excel's sheet size. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
/** Bytes of encoded rows compressed at once (a longer row gets a batch of its own). */
const BATCH_BYTES = 1 << 20;
const EMPTY_BATCH = new Uint8Array(0);
const INVALID_SHEET_NAME = /[[\]:*?/\\]/;

interface FinishedSheet {
  readonly name: string;
  readonly autoFilter: CellRange | null;
  readonly print: SheetPrint | null;
  readonly charts: readonly ColumnChart[];
}

export class XlsxStreamWriter {
  private readonly zip: Zip;
  private readonly date: Date;
  private readonly zipTime: Date;
  private readonly creator: string;
  private readonly dateLang: 'id' | 'en';
  private readonly level: number;
  private readonly compressor: Compressor;
  readonly batchRows: number;
  private readonly chunkBytes: number;
  private readonly encoder = new TextEncoder();
  /** Entries still compressing off the main thread. */
  private readonly compressing = new Set<Entry>();
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  /** The sink asked us to wait. */
  private full = false;
  private error: unknown = null;
  private readonly sheets: FinishedSheet[] = [];
  private current: XlsxSheetStream | null = null;
  private finished = false;
  private bytesOut = 0;

  constructor(
    private readonly sink: ByteSink,
    options: XlsxStreamOptions = {},
  ) {
    this.date = options.date ?? new Date();
    this.dateLang = options.dateLang ?? 'id';
    this.zipTime = localTwin(this.date);
    this.creator = options.creator ?? 'inovasi-daerah';
    this.level = options.level ?? DEFAULT_LEVEL;
    this.compressor = options.compressor ?? {};
    this.batchRows = Math.max(1, options.batchRows ?? 500);
    this.chunkBytes = Math.max(1024, options.chunkBytes ?? 256 * 1024);
    this.zip = new Zip((err, chunk, final) => {
      if (err) {
        this.error ??= err;
        return;
      }
      this.output(chunk, final);
    });
    // First, so that file-type sniffers see an OOXML package.
    this.addPart('_rels/.rels', ROOT_RELS);
  }

  /** Bytes handed to the sink so far. */
  get bytesWritten(): number {
    return this.bytesOut;
  }

  /** Starts the next sheet (ending the previous one). Sheets appear in the order they are added. */
  addSheet(name: string, options: SheetOptions = {}): XlsxSheetStream {
    this.checkOpen();
    if (
      !name ||
      name.length > 31 ||
      INVALID_SHEET_NAME.test(name) ||
      name.startsWith("'") ||
      name.endsWith("'")
    )
      throw new RangeError(`invalid sheet name «${name}»`);
    const lower = name.toLowerCase();
    if (this.sheets.some((s) => s.name.toLowerCase() === lower) || this.current?.name.toLowerCase() === lower)
      throw new RangeError(`duplicate sheet name «${name}»`);
    this.current?.end();
    const index = this.sheets.length + 1;
    const entry = this.openEntry(`xl/worksheets/sheet${index}.xml`);
    this.current = new XlsxSheetStream(this, entry, name, index === 1, options);
    return this.current;
  }

  /** Resolves when the sink can take more (at once unless it asked to wait). */
  async drain(): Promise<void> {
    this.check();
    for (const entry of this.compressing) await entry.offThread!.settle();
    this.check();
    if (!this.full) return;
    await this.sink.drain();
    this.full = false;
  }

  /** Ends the last sheet, writes the workbook parts and closes the sink. */
  async finish(): Promise<void> {
    this.checkOpen();
    this.current?.end();
    this.current = null;
    this.finished = true;
    const sheets = this.sheets;
    let types =
      XML_DECLARATION +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>';
    sheets.forEach((_, i) => {
      types += `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`;
    });
    // Drawings and charts, numbered in sheet order.
    let drawings = 0;
    let chartCount = 0;
    const drawingOf = sheets.map((s) => (s.charts.length ? ++drawings : 0));
    for (let d = 1; d <= drawings; d++)
      types += `<Override PartName="/xl/drawings/drawing${d}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`;
    for (const s of sheets) {
      for (let k = 0; k < s.charts.length; k++)
        types += `<Override PartName="/xl/charts/chart${++chartCount}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`;
    }
    types +=
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
      '</Types>';
    this.addPart('[Content_Types].xml', types);

    const creator = escapeXml(this.creator);
    const when = w3cdtf(this.date);
    let titles = '';
    for (const s of sheets) titles += `<vt:lpstr>${escapeXml(s.name)}</vt:lpstr>`;
    this.addPart(
      'docProps/app.xml',
      XML_DECLARATION +
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
        `<Application>${creator}</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>` +
        `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
        `<TitlesOfParts><vt:vector size="${sheets.length}" baseType="lpstr">${titles}</vt:vector></TitlesOfParts>` +
        '<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>',
    );
    this.addPart(
      'docProps/core.xml',
      XML_DECLARATION +
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        `<dc:creator>${creator}</dc:creator><cp:lastModifiedBy>${creator}</cp:lastModifiedBy>` +
        `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
        '</cp:coreProperties>',
    );

    let workbook =
      XML_DECLARATION +
      `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>`;
    sheets.forEach((s, i) => {
      workbook += `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`;
    });
    workbook += '</sheets>';
    const filters = sheets
      .map((s, i) => {
        const q = quotedSheetName(s.name);
        let names = s.autoFilter
          ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeXml(`${q}!${rangeRef(s.autoFilter, true)}`)}</definedName>`
          : '';
        if (s.print?.printArea)
          names += `<definedName name="_xlnm.Print_Area" localSheetId="${i}">${escapeXml(`${q}!${rangeRef(s.print.printArea, true)}`)}</definedName>`;
        const t = s.print?.titleRows;
        const c = s.print?.titleColumns;
        const titles = [
          c && `${q}!$${columnName(c.first - 1)}:$${columnName(c.last - 1)}`,
          t && `${q}!$${t.first}:$${t.last}`,
        ]
          .filter(Boolean)
          .join(',');
        if (titles)
          names += `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(titles)}</definedName>`;
        return names;
      })
      .join('');
    if (filters) workbook += `<definedNames>${filters}</definedNames>`;
    workbook += '</workbook>';
    this.addPart('xl/workbook.xml', workbook);

    let rels = XML_DECLARATION + `<Relationships xmlns="${NS_PKG_REL}">`;
    sheets.forEach((_, i) => {
      rels += `<Relationship Id="rId${i + 1}" Type="${REL_DOC}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`;
    });
    rels += `<Relationship Id="rId${sheets.length + 1}" Type="${REL_DOC}/styles" Target="styles.xml"/></Relationships>`;
    this.addPart('xl/_rels/workbook.xml.rels', rels);
    this.addPart('xl/styles.xml', stylesXml(this.dateLang));
    let chartNo = 0;
    sheets.forEach((s, i) => {
      const d = drawingOf[i];
      if (!d) return;
      this.addPart(
        `xl/worksheets/_rels/sheet${i + 1}.xml.rels`,
        XML_DECLARATION +
          `<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${REL_DOC}/drawing" Target="../drawings/drawing${d}.xml"/></Relationships>`,
      );
      let drels = XML_DECLARATION + `<Relationships xmlns="${NS_PKG_REL}">`;
      s.charts.forEach((c, k) => {
        const n = ++chartNo;
        drels += `<Relationship Id="rId${k + 1}" Type="${REL_DOC}/chart" Target="../charts/chart${n}.xml"/>`;
        this.addPart(`xl/charts/chart${n}.xml`, chartXml(c));
      });
      this.addPart(`xl/drawings/_rels/drawing${d}.xml.rels`, drels + '</Relationships>');
      this.addPart(`xl/drawings/drawing${d}.xml`, drawingXml(s.charts));
    });

    await Promise.all([...this.compressing].map((e) => e.done));
    this.zip.end();
    this.check();
    this.flushOutput();
    await this.sink.close();
  }

  /** Gives up: tells the sink (which may remove what it wrote). */
  abort(error: unknown): void {
    this.finished = true;
    this.error ??= error;
    for (const entry of this.compressing) entry.offThread!.abort();
    this.compressing.clear();
    this.sink.abort?.(error);
  }

  // -- for XlsxSheetStream ------------------------------------------------------------------

  /** @internal */
  openEntry(name: string): Entry {
    const entry = new Entry(name, this.level, this.compressor);
    entry.mtime = this.zipTime;
    if (entry.offThread) {
      this.compressing.add(entry);
      void entry.done.then(() => this.compressing.delete(entry));
    }
    this.zip.add(entry);
    return entry;
  }

  /** @internal Pushes text into an entry; returns false when the caller should drain. */
  push(entry: Entry, text: string, final: boolean): boolean {
    return this.pushBytes(entry, this.encoder.encode(text), final);
  }

  /** @internal Pushes UTF-8 bytes (kept, never changed again) into an entry; returns false when the caller should drain. */
  pushBytes(entry: Entry, bytes: Uint8Array, final: boolean): boolean {
    entry.push(bytes, final);
    this.check();
    // Off the main thread, the caller must yield (drain) after each batch for compression to go on.
    return !this.full && !entry.offThread;
  }

  /** @internal */
  sheetEnded(sheet: FinishedSheet): void {
    this.sheets.push(sheet);
    if (this.current && this.current.name === sheet.name) this.current = null;
  }

  /** @internal Throws the first error of the zip or sink. */
  check(): void {
    if (this.error) throw this.error;
  }

  private checkOpen(): void {
    this.check();
    if (this.finished) throw new Error('the workbook is already finished');
  }

  // -- output ---------------------------------------------------------------------------------

  private addPart(name: string, xml: string): void {
    this.push(this.openEntry(name), xml, true);
  }

  private output(chunk: Uint8Array, final: boolean): void {
    // fflate may hand out views of buffers it reuses: copy what we keep.
    this.pending.push(chunk.slice());
    this.pendingBytes += chunk.length;
    if (final || this.pendingBytes >= this.chunkBytes) this.flushOutput();
  }

  private flushOutput(): void {
    if (!this.pendingBytes) return;
    const chunk = concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.bytesOut += this.pendingBytes;
    this.pendingBytes = 0;
    try {
      if (!this.sink.write(chunk)) this.full = true;
    } catch (e) {
      this.error ??= e;
    }
  }
}

const DEFAULT_MARGINS = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

/** printOptions, pageMargins, pageSetup, headerFooter: in the schema's order, after sheetData and autoFilter. */
function pageXml(print: SheetPrint | null): string {
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

const NS_DRAWING = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_CHART = 'http://schemas.openxmlformats.org/drawingml/2006/chart';

/** A sheet's drawing part: one two-cell anchored graphic frame per chart, chart k is the drawing's rId k. */
function drawingXml(charts: readonly ColumnChart[]): string {
  let xml = XML_DECLARATION + `<xdr:wsDr xmlns:xdr="${NS_DRAWING}" xmlns:a="${NS_A}">`;
  charts.forEach((c, i) => {
    const a = c.anchor;
    xml +=
      '<xdr:twoCellAnchor editAs="oneCell">' +
      `<xdr:from><xdr:col>${a.fromColumn}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.fromRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
      `<xdr:to><xdr:col>${a.toColumn}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.toRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(c.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${NS_CHART}"><c:chart xmlns:c="${NS_CHART}" xmlns:r="${NS_R}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
      '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>';
  });
  return xml + '</xdr:wsDr>';
}

/** Series fills when none is given (Office's accent colours). */
const PALETTE = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'];

function strCache(values: readonly string[]): string {
  let xml = `<c:strCache><c:ptCount val="${values.length}"/>`;
  values.forEach((v, i) => (xml += `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`));
  return xml + '</c:strCache>';
}

function numCache(values: readonly number[]): string {
  let xml = `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>`;
  values.forEach((v, i) => (xml += Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ''));
  return xml + '</c:numCache>';
}

/**
 * A chart part: a column chart whose series refer to the sheet's cells and cache their values (so
 * a reader that does not recalculate shows them). Hidden cells are still plotted: filtering the
 * sheet's table must not empty the chart (its data table shares the rows).
 */
/** A text body of `sz` points (chart text properties), turned `angle` degrees. */
function chartText(sz: number, angle = 0, bold = false): string {
  return `<c:txPr><a:bodyPr${angle ? ` rot="${Math.round(angle * 60000)}" vert="horz"` : ''}/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${Math.round(sz * 100)}"${bold ? ' b="1"' : ''}/></a:pPr><a:endParaRPr lang="id-ID"/></a:p></c:txPr>`;
}

/** A chart or axis title of `sz` points, bold, turned `angle` degrees. */
function chartTitle(text: string, sz: number, angle = 0): string {
  const size = Math.round(sz * 100);
  return (
    `<c:title><c:tx><c:rich><a:bodyPr${angle ? ` rot="${Math.round(angle * 60000)}" vert="horz"` : ''}/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="id-ID" sz="${size}" b="1"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`
  );
}

function chartXml(c: ColumnChart): string {
  const sz = c.fontSize ?? 10;
  let series = '';
  c.series.forEach((s, i) => {
    series +=
      `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
      `<c:tx><c:strRef><c:f>${escapeXml(s.nameRef)}</c:f>${strCache([s.name])}</c:strRef></c:tx>` +
      `<c:spPr><a:solidFill><a:srgbClr val="${/^[0-9A-Fa-f]{6}$/.test(s.colour ?? '') ? s.colour : PALETTE[i % PALETTE.length]}"/></a:solidFill></c:spPr>` +
      '<c:invertIfNegative val="0"/>' +
      `<c:cat><c:strRef><c:f>${escapeXml(s.categoriesRef)}</c:f>${strCache(s.categories)}</c:strRef></c:cat>` +
      `<c:val><c:numRef><c:f>${escapeXml(s.valuesRef)}</c:f>${numCache(s.values)}</c:numRef></c:val>` +
      '</c:ser>';
  });
  const stacked = c.grouping === 'stacked';
  return (
    XML_DECLARATION +
    `<c:chartSpace xmlns:c="${NS_CHART}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/><c:chart>` +
    chartTitle(c.title, c.titleFontSize ?? sz + 2) +
    '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>' +
    `<c:barChart><c:barDir val="col"/><c:grouping val="${c.grouping}"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="80"/>${stacked ? '<c:overlap val="100"/>' : ''}<c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>` +
    '<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>' +
    (c.axisTitles ? chartTitle(c.axisTitles.category, sz) : '') +
    '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    chartText(sz, c.labelAngle ?? 0) +
    '<c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    '<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>' +
    (c.axisTitles ? chartTitle(c.axisTitles.value, sz, -90) : '') +
    '<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    chartText(sz) +
    '<c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>' +
    '</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/>' +
    chartText(sz) +
    '</c:legend><c:plotVisOnly val="0"/><c:dispBlanksAs val="gap"/></c:chart>' +
    // An opaque white chart area with a thin border: the sheet's grid does not show through on paper.
    '<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr>' +
    '</c:chartSpace>'
  );
}

function rangeRef(r: CellRange, absolute: boolean): string {
  const d = absolute ? '$' : '';
  return `${d}${columnName(r.firstColumn - 1)}${d}${r.firstRow}:${d}${columnName(r.lastColumn - 1)}${d}${r.lastRow}`;
}

/** One worksheet being written: add rows in order, then `end` (or add the next sheet, or finish). */
export class XlsxSheetStream {
  /** UTF-8 of the rows since the last flush: each row is encoded as it is added (encoding one big joined string costs several times more). */
  private batch = new Uint8Array(BATCH_BYTES);
  private used = 0;
  private readonly encoder = new TextEncoder();
  private batchCount = 0;
  private rows = 0;
  private ended = false;
  private filter: CellRange | null = null;
  private readonly print: SheetPrint | null;
  private readonly charts: readonly ColumnChart[];

  /** @internal use `XlsxStreamWriter.addSheet` */
  constructor(
    private readonly book: XlsxStreamWriter,
    private readonly entry: Entry,
    readonly name: string,
    selected: boolean,
    options: SheetOptions,
  ) {
    const frozen = Math.max(0, Math.floor(options.frozenRows ?? 0));
    this.print = options.print ?? null;
    this.charts = options.charts ?? [];
    let head = XML_DECLARATION + `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">`;
    // The schema's order: sheetPr, dimension, sheetViews, sheetFormatPr, cols, sheetData, …
    if (this.print && (this.print.fitToWidth !== undefined || this.print.fitToHeight !== undefined))
      head += '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
    head += `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0">`;
    if (frozen > 0)
      head += `<pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${frozen + 1}" sqref="A${frozen + 1}"/>`;
    head += '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>';
    const widths = options.widths ?? [];
    let cols = '';
    widths.forEach((w, i) => {
      if (w !== undefined && Number.isFinite(w) && w > 0) {
        const width = Math.min(255, w);
        const hidden = options.hiddenColumns?.includes(i) ? ' hidden="1"' : '';
        cols += `<col min="${i + 1}" max="${i + 1}" width="${width}"${hidden} customWidth="1"/>`;
      }
    });
    if (cols) head += `<cols>${cols}</cols>`;
    head += '<sheetData>';
    this.append(head);
  }

  /** Rows added so far (the next row is `rowCount + 1`). */
  get rowCount(): number {
    return this.rows;
  }

  /** The autofilter range (filters must lie on this sheet; the last call wins). */
  setAutoFilter(range: CellRange): void {
    if (this.ended) throw new Error(`sheet «${this.name}» is already ended`);
    if (!(
      range.firstRow >= 1 &&
      range.firstColumn >= 1 &&
      range.lastRow >= range.firstRow &&
      range.lastColumn >= range.firstColumn
    ))
      throw new RangeError(`invalid autofilter range ${JSON.stringify(range)}`);
    this.filter = { ...range };
  }

  /**
   * Adds the next row. `styles` is one style index for every cell or one per cell (see `styleId`).
   * A Date gets a date format when its style has none. null/undefined cells are blank (kept only
   * when styled); an empty array is an empty row. `height` sets the row's height in points (e.g.
   * for wrapped texts; default: Excel's). Returns false when the caller should
   * `await drain()` before adding more.
   */
  addRow(
    values: readonly XlsxValue[],
    styles?: number | readonly (number | undefined)[],
    height?: number | null,
  ): boolean {
    if (this.ended) throw new Error(`sheet «${this.name}» is already ended`);
    if (this.rows >= MAX_ROWS)
      throw new RangeError(`sheet «${this.name}»: Excel holds at most ${MAX_ROWS} rows`);
    if (values.length > MAX_COLUMNS)
      throw new RangeError(`sheet «${this.name}»: Excel holds at most ${MAX_COLUMNS} columns`);
    const r = ++this.rows;
    const n = values.length;
    let ok = true;
    if (n > 0) {
      let xml = '';
      const rowText = String(r);
      for (let c = 0; c < n; c++) {
        const v = values[c];
        let s = styles === undefined ? 0 : typeof styles === 'number' ? styles : (styles[c] ?? 0);
        if (!(s >= 0 && s < STYLE_COUNT && (s | 0) === s)) throw new RangeError(`unknown style ${s}`);
        let body: string;
        let type = '';
        switch (typeof v) {
          case 'string':
            if (v === '') {
              body = '';
            } else {
              const text = cellText(v);
              type = ' t="inlineStr"';
              body = needsPreserve(text)
                ? `<is><t xml:space="preserve">${text}</t></is>`
                : `<is><t>${text}</t></is>`;
            }
            break;
          case 'number':
            body = Number.isFinite(v) ? `<v>${v}</v>` : '';
            break;
          case 'boolean':
            type = ' t="b"';
            body = v ? '<v>1</v>' : '<v>0</v>';
            break;
          default:
            if (isDate(v)) {
              const serial = excelSerial(v);
              if (serial === null) {
                const iso = Number.isFinite(v.getTime()) ? v.toISOString() : '';
                body = iso ? `<is><t>${iso.substring(0, 10)}</t></is>` : '';
                if (iso) type = ' t="inlineStr"';
              } else {
                const format = s % FORMATS.length;
                if (format !== FORMAT_DATE && format !== FORMAT_DATE_TIME)
                  s += (serial % 1 === 0 ? FORMAT_DATE : FORMAT_DATE_TIME) - format;
                body = `<v>${serial}</v>`;
              }
            } else {
              body = '';
            }
        }
        if (body === '' && s === 0) continue;
        const ref = columnName(c) + rowText;
        const style = s === 0 ? '' : ` s="${s}"`;
        xml += body === '' ? `<c r="${ref}"${style}/>` : `<c r="${ref}"${style}${type}>${body}</c>`;
      }
      const ht = height && height > 0 ? ` ht="${Math.min(409, height)}" customHeight="1"` : '';
      if (xml) ok = this.append(`<row r="${rowText}"${ht}>${xml}</row>`);
    }
    if (++this.batchCount >= this.book.batchRows) return this.flush(false) && ok;
    return ok;
  }

  /** Encodes text onto the batch; a full batch is sent first. Returns false when the caller should drain. */
  private append(text: string): boolean {
    let ok = true;
    const room = text.length * 3; // UTF-8 bytes per UTF-16 unit, at most
    if (room > this.batch.length - this.used) {
      if (this.used) ok = this.flush(false);
      if (room > this.batch.length) this.batch = new Uint8Array(room);
    }
    this.used += this.encoder.encodeInto(text, this.batch.subarray(this.used)).written;
    return ok;
  }

  /** Resolves when the sink can take more. */
  drain(): Promise<void> {
    return this.book.drain();
  }

  /** Writes what is left of the sheet and closes its part. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    let tail = '</sheetData>';
    if (this.filter) tail += `<autoFilter ref="${rangeRef(this.filter, false)}"/>`;
    tail += pageXml(this.print);
    // The sheet's relationship rId1 is its drawing (written by `finish`).
    if (this.charts.length) tail += '<drawing r:id="rId1"/>';
    tail += '</worksheet>';
    this.append(tail);
    this.flush(true);
    this.book.sheetEnded({
      name: this.name,
      autoFilter: this.filter,
      print: this.print,
      charts: this.charts,
    });
  }

  /** Hands the batch to the zip entry (which keeps it: a fresh buffer follows). */
  private flush(final: boolean): boolean {
    const bytes = this.batch.subarray(0, this.used);
    this.batch = final ? EMPTY_BATCH : new Uint8Array(BATCH_BYTES);
    this.used = 0;
    this.batchCount = 0;
    return bytes.length || final ? this.book.pushBytes(this.entry, bytes, final) : true;
  }
}
