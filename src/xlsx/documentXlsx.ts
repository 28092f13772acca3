/**
 * A document of the engine's (src/engine/document.ts) as a print-ready .xlsx, with the streaming
 * writer: each sheet's rows as `documentRows` lays them out, widths, page setup. No Node or DOM
 * API: the command line writes it to a file (src/node/documentWriter.ts), the task pane to memory
 * for a download (`documentXlsxBytes`).
 */
import { DocumentModel, DocumentStyle, documentRows } from '../engine/document';
import { isoToDate } from '../engine/isoDate';
import { SummaryCell, isSummaryDate } from '../engine/summary/model';
import { TOOL_NAME as CREATOR } from '../engine/version';
import { sheetPrint } from './sheetPrint';
import {
  ByteSink,
  Compressor,
  STYLE_HEADER_WRAP,
  XlsxStreamWriter,
  XlsxValue,
  memorySink,
  styleId,
} from './xlsxStream';

const STYLES: Readonly<Record<DocumentStyle, number>> = {
  plain: 0,
  bold: styleId({ bold: true }),
  header: STYLE_HEADER_WRAP,
  wrap: styleId({ wrap: true }),
};
const DATE_STYLES: Readonly<Record<DocumentStyle, number>> = {
  plain: styleId({ format: 'date' }),
  bold: styleId({ bold: true, format: 'date' }),
  header: STYLE_HEADER_WRAP,
  wrap: styleId({ wrap: true, format: 'date' }),
};

/** A cell as written: a date cell as a real date (shown `dd/mm/yyyy`), else as it is. */
function cell(v: SummaryCell, style: DocumentStyle): [XlsxValue, number] {
  if (v !== null && typeof v === 'object' && isSummaryDate(v)) {
    const date = isoToDate(v.date);
    return date ? [date, DATE_STYLES[style]] : [v.date, STYLES[style]];
  }
  return [v, STYLES[style]];
}

/** Writes the document into `sink`; `date` (ISO) stamps the workbook (equal input, equal bytes). */
export async function writeDocument(
  doc: DocumentModel,
  sink: ByteSink,
  date: string,
  compressor?: Compressor,
): Promise<void> {
  const book = new XlsxStreamWriter(sink, {
    date: isoToDate(date) ?? new Date(0),
    creator: CREATOR,
    dateLang: doc.sheets[0]?.print.context.lang ?? 'id',
    ...(compressor ? { compressor } : {}),
  });
  try {
    for (const sheet of doc.sheets) {
      const layout = documentRows(sheet);
      const ws = book.addSheet(sheet.name, {
        widths: sheet.widths,
        hiddenColumns: layout.hiddenColumns,
        print: sheetPrint(layout.print, { lastRow: layout.rows.length, lastColumn: layout.lastColumn }),
      });
      for (const r of layout.rows) {
        const values: XlsxValue[] = [];
        const styles: number[] = [];
        r.values.forEach((v, c) => {
          const [value, style] = cell(v, typeof r.styles === 'string' ? r.styles : r.styles[c]);
          values.push(value);
          styles.push(style);
        });
        if (
          !ws.addRow(
            values,
            typeof r.styles === 'string' && !values.some((v) => v instanceof Date)
              ? STYLES[r.styles]
              : styles,
            r.height,
          )
        )
          await ws.drain();
      }
    }
    await book.finish();
  } catch (e) {
    book.abort(e);
    throw e;
  }
}

/** The document's .xlsx bytes, in memory with fflate's deflate (the task pane's download). */
export async function documentXlsxBytes(doc: DocumentModel, date: string): Promise<Uint8Array> {
  const sink = memorySink();
  await writeDocument(doc, sink, date);
  return sink.bytes();
}
