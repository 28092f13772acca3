/**
 * Writes one feedback document (src/engine/feedback.ts) as a small print-ready .xlsx with the
 * streaming writer: title, the label/value block, the findings table (header repeated on every
 * printed page, long texts wrapped), then the verifier's space.
 */
import { SummaryCell } from '../engine/consolidate';
import { FeedbackDocument } from '../engine/feedback';
import { wrappedRowHeight } from '../engine/printout';
import { TOOL_NAME as CREATOR } from '../engine/version';
import { fileSink, nodeCompressor, sheetPrint, toDate } from './summaryWriter';
import { STYLE_HEADER_WRAP, XlsxStreamWriter, XlsxValue, styleId } from './xlsxStream';

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

/** Writes the document to `outPath`; `date` stamps the workbook (equal input, equal bytes). */
export async function writeFeedbackXlsx(doc: FeedbackDocument, outPath: string, date: string): Promise<void> {
  const rows = feedbackRows(doc);
  const book = new XlsxStreamWriter(fileSink(outPath), { date: toDate(date) ?? new Date(0), creator: CREATOR, compressor: nodeCompressor });
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
