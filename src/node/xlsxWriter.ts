/**
 * Writing .xlsx files from Node with exceljs: a generic "rows → sheets" writer (reference workbook,
 * fixtures) and a byte-stable way to save any exceljs workbook.
 *
 * exceljs stamps every zip entry with the wall-clock time, so two runs of the same program give
 * different bytes. `workbookBytes` rewrites those stamps to one fixed moment (the workbook's
 * `modified` date unless told otherwise), so that generated files are reproducible.
 */
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { TOOL_NAME } from '../engine/version';
import { columnLetter as letters } from '../engine/grid';

export type SheetCell = string | number | boolean | Date | null;

export interface SheetSpec {
  readonly name: string;
  readonly rows: ReadonlyArray<ReadonlyArray<SheetCell>>;
  /** Column widths in characters, by column position. */
  readonly widths?: readonly number[];
  /** Row 1 is a header: bold, frozen below, with an autofilter over the table. */
  readonly header?: boolean;
  readonly state?: 'visible' | 'hidden' | 'veryHidden';
}

export interface WriteOptions {
  /** Workbook creator (default `inovasi-daerah`). */
  readonly creator?: string;
  /** Created/modified date of the workbook and of its zip entries (default: now). */
  readonly date?: Date;
}

export const CREATOR = TOOL_NAME;
export const DATE_FORMAT = 'dd/mm/yyyy';

/** An exceljs workbook holding `sheets`; dates get the `dd/mm/yyyy` format. */
export function sheetsWorkbook(sheets: readonly SheetSpec[], options: WriteOptions = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const date = options.date ?? new Date();
  wb.creator = options.creator ?? CREATOR;
  wb.lastModifiedBy = options.creator ?? CREATOR;
  wb.created = date;
  wb.modified = date;
  for (const spec of sheets) {
    const width = spec.rows.reduce((max, r) => Math.max(max, r.length), 0);
    const ws = wb.addWorksheet(spec.name, {
      state: spec.state ?? 'visible',
      views: spec.header ? [{ state: 'frozen', xSplit: 0, ySplit: 1 }] : undefined,
    });
    spec.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === null || value === undefined) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = value;
        if (value instanceof Date) cell.numFmt = DATE_FORMAT;
      });
    });
    spec.widths?.forEach((w, c) => {
      ws.getColumn(c + 1).width = w;
    });
    if (spec.header && spec.rows.length > 0 && width > 0) {
      const header = ws.getRow(1);
      header.font = { bold: true };
      header.alignment = { vertical: 'middle', wrapText: true };
      for (let c = 1; c <= width; c++) {
        header.getCell(c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
      }
      ws.autoFilter = `A1:${letters(width - 1)}${Math.max(1, spec.rows.length)}`;
    }
  }
  return wb;
}

/** Writes `sheets` as an .xlsx file (bold frozen header row with autofilter where `header` is set). */
export async function writeSheetsXlsx(
  sheets: readonly SheetSpec[],
  outPath: string,
  options: WriteOptions = {},
): Promise<void> {
  await writeWorkbook(sheetsWorkbook(sheets, options), outPath, options.date);
}

/** The workbook's .xlsx bytes, every zip entry stamped with `date` (default: the workbook's modified date). */
export async function workbookBytes(wb: ExcelJS.Workbook, date?: Date): Promise<Uint8Array> {
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  setZipTimes(bytes, date ?? wb.modified ?? wb.created ?? new Date());
  return bytes;
}

/** Saves the workbook to `outPath` with stable zip timestamps (see `workbookBytes`). */
export async function writeWorkbook(wb: ExcelJS.Workbook, outPath: string, date?: Date): Promise<void> {
  await writeFile(outPath, await workbookBytes(wb, date));
}

/**
 * Rewrites the modification time of every entry of a zip archive in place (central directory and
 * local headers), as MS-DOS time/date from the UTC fields of `date` (clamped to 1980–2107).
 * Archives it cannot walk are left unchanged.
 */
export function setZipTimes(zip: Uint8Array, date: Date): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const year = Math.min(2107, Math.max(1980, date.getUTCFullYear()));
  const dosDate = ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const dosTime =
    (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);

  // End of central directory: the last "PK\5\6" within the final 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return;
  const entries = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  for (let n = 0; n < entries; n++) {
    if (p + 46 > zip.length || view.getUint32(p, true) !== 0x02014b50) return;
    view.setUint16(p + 12, dosTime, true);
    view.setUint16(p + 14, dosDate, true);
    const local = view.getUint32(p + 42, true);
    if (local + 30 <= zip.length && view.getUint32(local, true) === 0x04034b50) {
      view.setUint16(local + 10, dosTime, true);
      view.setUint16(local + 12, dosDate, true);
    }
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
}
