/**
 * One worksheet part being written: each row serialised to XML and UTF-8 encoded into a batch as it
 * is added, each full batch handed to the workbook's zip entry for compression.
 */
import { excelSerial } from '../engine/isoDate';
import { Utf8Encoder } from './byteSink';
import { FORMATS, FORMAT_DATE, FORMAT_DATE_TIME, STYLE_COUNT } from './cellStyles';
import { XlsxValue, cellText, columnName, isDate, needsPreserve, rangeRef } from './cellText';
import type { ColumnChart } from './columnCharts';
import type { Entry } from './deflateEntry';
import { NS_MAIN, NS_R, XML_DECLARATION } from './ooxml';
import { CellRange, SheetOptions, SheetPrint, pageXml } from './sheetLayout';
import type { FinishedSheet } from './workbookParts';

/** Excel's sheet size. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
/** Bytes of encoded rows compressed at once (a longer row gets a batch of its own). */
const BATCH_BYTES = 1 << 20;
const EMPTY_BATCH = new Uint8Array(0);

/** What a sheet needs of its workbook (`XlsxStreamWriter`). */
export interface SheetBook {
  readonly batchRows: number;
  drain(): Promise<void>;
  pushBytes(entry: Entry, bytes: Uint8Array, final: boolean): boolean;
  sheetEnded(sheet: FinishedSheet): void;
}

/** One worksheet being written: add rows in order, then `end` (or add the next sheet, or finish). */
export class XlsxSheetStream {
  /** UTF-8 of the rows since the last flush: each row is encoded as it is added (encoding one big joined string costs several times more). */
  private batch = new Uint8Array(BATCH_BYTES);
  private used = 0;
  private readonly encoder = new Utf8Encoder();
  private batchCount = 0;
  private rows = 0;
  private ended = false;
  private filter: CellRange | null = null;
  private readonly print: SheetPrint | null;
  private readonly charts: readonly ColumnChart[];

  /** @internal use `XlsxStreamWriter.addSheet` */
  constructor(
    private readonly book: SheetBook,
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
