/**
 * The audit report as an .xlsx, for hosts where a download from the pane goes nowhere (Excel for
 * Mac and iPad, Windows' WebView2): Excel opens it as a new workbook (`openWorkbook`,
 * ExcelApi 1.8), which takes a workbook, not a CSV. The same rows as the CSV (`auditRows`), header
 * bold and frozen. The writer is imported on demand, so it stays out of the initial bundle.
 */
import { auditColumns, auditRows } from '../engine/audit';
import type { Lang } from '../engine/messages';
import type { FileValidation } from '../engine/validate';

/** The audit report's rows as an .xlsx workbook (one sheet, `Laporan Audit`). */
export async function auditXlsxBytes(
  files: readonly FileValidation[],
  lang: Lang,
  date: Date,
): Promise<Uint8Array> {
  const { XlsxStreamWriter, memorySink, STYLE_HEADER } = await import('../xlsx/xlsxStream');
  const header = auditColumns(files[0]?.persetujuan.levels.map((l) => l.level));
  const rows = auditRows(files, lang);
  const sink = memorySink();
  const book = new XlsxStreamWriter(sink, { date });
  try {
    const ws = book.addSheet(lang === 'id' ? 'Laporan Audit' : 'Audit Report', {
      frozenRows: 1,
      widths: header.map((h) => Math.min(Math.max(h.length + 2, 12), 40)),
    });
    ws.addRow(header, STYLE_HEADER);
    for (const r of rows) if (!ws.addRow(r)) await ws.drain();
    await book.finish();
  } catch (e) {
    book.abort(e);
    throw e;
  }
  return sink.bytes();
}
