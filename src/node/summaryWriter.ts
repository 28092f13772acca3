/**
 * Writes the city summary (consolidation.md) as an .xlsx file with exceljs's streaming writer:
 * each row is committed as soon as it is written, so memory does not grow with the number of
 * rows. Bold frozen header, autofilter, widths, real dates and numbers, status colours.
 */
import { readFile, writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { CitySummary, SummaryCell, SummarySheet, columnWidths, isSummaryDate, summarySheets } from '../engine/consolidate';
import { CREATOR, DATE_FORMAT, setZipTimes } from './xlsxWriter';

const DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm';
const INTEGER_FORMAT = '#,##0';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

/** Fills of status words (Rekap OPD, Info Konsolidasi) and of coverage (Program RPJMD). */
const STATUS_FILLS: Readonly<Record<string, ExcelJS.Fill>> = {
  Siap: solid('FFC6EFCE'),
  'Perlu Perbaikan': solid('FFFFEB9C'),
  'Belum Mengirim': solid('FFD9D9D9'),
  'Tidak Terbaca': solid('FFFFC7CE'),
  Diganti: solid('FFFFC7CE'),
  Ada: solid('FFC6EFCE'),
  'Belum Ada Inovasi': solid('FFFFEB9C'),
};
const COLOURED_COLUMNS = new Set(['Status', 'Cakupan']);
const MONEY_OR_BYTES = /\(Rp\)|\(byte\)/;

/** A summary date (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]`, UTC) as a JS date, or null when it is no date. */
export function toDate(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(iso);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0));
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return Number.isNaN(date.getTime()) ? null : date;
}

function writeValue(cell: ExcelJS.Cell, value: SummaryCell, column: string): void {
  if (value === null) return;
  if (isSummaryDate(value)) {
    const date = toDate(value.date);
    if (!date) {
      cell.value = value.date;
      return;
    }
    cell.value = date;
    cell.numFmt = value.date.length > 10 ? DATE_TIME_FORMAT : DATE_FORMAT;
    return;
  }
  cell.value = value;
  if (typeof value === 'number' && MONEY_OR_BYTES.test(column)) cell.numFmt = INTEGER_FORMAT;
  if (typeof value === 'string' && COLOURED_COLUMNS.has(column) && STATUS_FILLS[value]) cell.fill = STATUS_FILLS[value];
}

function writeSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, sheet: SummarySheet): void {
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  ws.columns = columnWidths(sheet).map((width) => ({ width }));
  let r = 0;
  sheet.tables.forEach((table, t) => {
    if (t > 0) ws.getRow(++r).commit(); // a blank row between tables
    const headerRow = ++r;
    const header = ws.getRow(headerRow);
    table.columns.forEach((label, c) => {
      const cell = header.getCell(c + 1);
      cell.value = label;
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      cell.alignment = { vertical: 'middle' };
    });
    header.commit();
    for (const row of table.rows) {
      const xr = ws.getRow(++r);
      row.cells.forEach((value, c) => {
        const cell = xr.getCell(c + 1);
        writeValue(cell, value, table.columns[c]);
        if (row.total) cell.font = { bold: true };
      });
      xr.commit();
    }
    if (t === sheet.filterTable && table.columns.length > 0) {
      ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: Math.max(headerRow, r), column: table.columns.length } };
    }
  });
  ws.commit();
}

/** Writes the summary workbook to `outPath` (sheets in spec order); zip entries get the consolidation time, so equal runs give equal bytes. */
export async function writeSummaryXlsx(summary: CitySummary, outPath: string): Promise<void> {
  const date = toDate(summary.consolidatedAt) ?? new Date(0);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: outPath,
    useStyles: true,
    useSharedStrings: false,
    created: date,
    modified: date,
    creator: CREATOR,
    lastModifiedBy: CREATOR,
  } as ExcelJS.stream.xlsx.WorkbookStreamWriterOptions & { created: Date; modified: Date; creator: string; lastModifiedBy: string });
  for (const sheet of summarySheets(summary)) writeSheet(wb, sheet);
  await wb.commit();
  // The archive is small next to its rows' life in memory; stamping it keeps reruns byte-identical.
  const bytes = new Uint8Array(await readFile(outPath));
  setZipTimes(bytes, date);
  await writeFile(outPath, bytes);
}
