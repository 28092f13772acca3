/**
 * The streaming writer's workbook: starts sheets, frames the zip (fflate's `Zip`) around their
 * entries, gathers the compressed bytes into chunks for the `ByteSink` with its backpressure, and
 * adds the remaining package parts on `finish`.
 */
import { Zip } from 'fflate';
import { ByteSink, Utf8Encoder, concat } from './byteSink';
import { stylesXml } from './cellStyles';
import { chartXml, drawingRelsXml, drawingXml, sheetRelsXml } from './columnCharts';
import { Compressor, Entry, localTwin } from './deflateEntry';
import type { SheetOptions } from './sheetLayout';
import {
  FinishedSheet,
  ROOT_RELS,
  appXml,
  contentTypesXml,
  coreXml,
  drawingNumbers,
  workbookRelsXml,
  workbookXml,
} from './workbookParts';
import { SheetBook, XlsxSheetStream } from './xlsxSheetStream';

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

const DEFAULT_LEVEL = 3;
const INVALID_SHEET_NAME = /[[\]:*?/\\]/;

export class XlsxStreamWriter implements SheetBook {
  private readonly zip: Zip;
  private readonly date: Date;
  private readonly zipTime: Date;
  private readonly creator: string;
  private readonly dateLang: 'id' | 'en';
  private readonly level: number;
  private readonly compressor: Compressor;
  readonly batchRows: number;
  private readonly chunkBytes: number;
  private readonly encoder = new Utf8Encoder();
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
    this.addPart('[Content_Types].xml', contentTypesXml(sheets));
    this.addPart('docProps/app.xml', appXml(this.creator, sheets));
    this.addPart('docProps/core.xml', coreXml(this.creator, this.date));
    this.addPart('xl/workbook.xml', workbookXml(sheets));
    this.addPart('xl/_rels/workbook.xml.rels', workbookRelsXml(sheets));
    this.addPart('xl/styles.xml', stylesXml(this.dateLang));
    // Drawings and charts, numbered in sheet order.
    const drawingOf = drawingNumbers(sheets);
    let chartNo = 0;
    sheets.forEach((s, i) => {
      const d = drawingOf[i];
      if (!d) return;
      this.addPart(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, sheetRelsXml(d));
      const firstChart = chartNo + 1;
      for (const c of s.charts) this.addPart(`xl/charts/chart${++chartNo}.xml`, chartXml(c));
      this.addPart(`xl/drawings/_rels/drawing${d}.xml.rels`, drawingRelsXml(firstChart, s.charts.length));
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
