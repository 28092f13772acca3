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
 *
 * This file is the writer's public entry: the parts live beside it (byteSink, cellText, cellStyles,
 * sheetLayout, columnCharts, workbookParts, deflateEntry, xlsxSheetStream, xlsxStreamWriter).
 */
export { excelSerial } from '../engine/isoDate';
export { memorySink } from './byteSink';
export type { ByteSink } from './byteSink';
export { MAX_CELL_TEXT, columnName, escapeXml } from './cellText';
export type { XlsxValue } from './cellText';
export { FILL_ARGB, STYLE_DEFAULT, STYLE_HEADER, STYLE_HEADER_WRAP, styleId } from './cellStyles';
export type { CellStyle, FillColour, NumberFormat } from './cellStyles';
export type { ChartSeriesRef, ColumnChart } from './columnCharts';
export type { Compressor, DeflateStream, DeflateStreamFactory, RawDeflateChunk } from './deflateEntry';
export type { CellRange, SheetOptions, SheetPrint } from './sheetLayout';
export { XlsxSheetStream } from './xlsxSheetStream';
export { XlsxStreamWriter } from './xlsxStreamWriter';
export type { XlsxStreamOptions } from './xlsxStreamWriter';
