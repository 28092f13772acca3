/**
 * One feedback document (src/engine/feedback.ts) as a small print-ready .xlsx, with the streaming
 * writer: title, the label/value block, the findings table (header repeated on every printed page,
 * long texts wrapped), then the verifier's space. No Node or DOM API: the command line writes it to
 * a file (src/node/feedbackWriter.ts), the task pane to memory for a download (`feedbackXlsxBytes`).
 */
import { SummaryCell } from '../engine/consolidate';
import { FeedbackDocument } from '../engine/feedback';
import { isoToDate } from '../engine/isoDate';
import { wrappedRowHeight } from '../engine/printout';
import { TOOL_NAME as CREATOR } from '../engine/version';
import { sheetPrint } from './sheetPrint';
import { ByteSink, Compressor, STYLE_HEADER_WRAP, XlsxStreamWriter, XlsxValue, memorySink, styleId } from './xlsxStream';

const BOLD = styleId({ bold: true });
const WRAP = styleId({ wrap: true });
/** Where the verifier writes by hand. */
const BLANK_LINE = '________________________________________';
/** A line to write on by hand: taller than a printed one. */
const HANDWRITING_HEIGHT = 28;

/** The rows of a document as written (values, styles, height), in order from row 1. */
export function feedbackRows(doc: FeedbackDocument): { values: XlsxValue[]; styles: number | number[]; height: number | null }[] {
  const rows: { values: XlsxValue[]; styles: number | number[]; height: number | null }[] = [];
  rows.push({ values: [doc.title], styles: BOLD, height: null });
  for (const [label, value] of doc.about) rows.push({ values: [label, value], styles: [BOLD, 0], height: null });
  while (rows.length < doc.headerRow - 1) rows.push({ values: [], styles: 0, height: null });
  rows.push({ values: [...doc.columns], styles: STYLE_HEADER_WRAP, height: wrappedRowHeight(doc.columns, doc.widths, doc.wrap) });
  for (const cells of doc.rows) {
    rows.push({
      values: cells.map((v) => (typeof v === 'object' && v !== null ? v.date : v)),
      styles: cells.map((v, c) => (doc.wrap[c] && v !== null ? WRAP : 0)),
      height: wrappedRowHeight(cells as SummaryCell[], doc.widths, doc.wrap),
    });
  }
  if (!doc.rows.length) rows.push({ values: [doc.emptyNote], styles: 0, height: null });
  rows.push({ values: [], styles: 0, height: null }, { values: [], styles: 0, height: null });
  rows.push({ values: [doc.signature.title], styles: BOLD, height: null });
  for (const line of doc.signature.lines) rows.push({ values: [line, BLANK_LINE], styles: 0, height: HANDWRITING_HEIGHT });
  return rows;
}

/** Writes the document into `sink`; `date` stamps the workbook (equal input, equal bytes). */
export async function writeFeedback(doc: FeedbackDocument, sink: ByteSink, date: string, compressor?: Compressor): Promise<void> {
  const rows = feedbackRows(doc);
  const book = new XlsxStreamWriter(sink, { date: isoToDate(date) ?? new Date(0), creator: CREATOR, ...(compressor ? { compressor } : {}) });
  try {
    const ws = book.addSheet(doc.sheetName, {
      widths: doc.widths,
      print: sheetPrint(doc.print, { lastRow: rows.length, lastColumn: doc.columns.length }),
    });
    for (const r of rows) if (!ws.addRow(r.values, r.styles, r.height)) await ws.drain();
    await book.finish();
  } catch (e) {
    book.abort(e);
    throw e;
  }
}

/** The document's .xlsx bytes, in memory with fflate's deflate (the task pane's download). */
export async function feedbackXlsxBytes(doc: FeedbackDocument, date: string): Promise<Uint8Array> {
  const sink = memorySink();
  await writeFeedback(doc, sink, date);
  return sink.bytes();
}
