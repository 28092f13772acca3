/**
 * A page setup of the engine's print plan (printout.ts `PrintSetup`: the summary's sheets, the
 * template's) queued through ExcelApi 1.9 `worksheet.pageLayout`; the caller checks support. It
 * rides on a sync the caller makes anyway. Header and footer strings go as the engine wrote them
 * (Excel's codes; the print date as text, never `&D`).
 */
import type { PrintSetup } from '../engine/printout';
import { SyncBatcher, letters, opBytes } from './chunks';

const POINTS_PER_INCH = 72;

/**
 * Orientation, A4, a fixed scale or fit to pages, repeated rows and columns, the print area,
 * manual page breaks, gridlines, margins (inches → points), header and footer.
 */
export async function queuePrintSetup(
  batcher: SyncBatcher,
  ws: Excel.Worksheet,
  print: PrintSetup,
  printArea: string | null = null,
  pageBreaksBefore: readonly number[] = [],
): Promise<void> {
  const { header, footer, margins } = print;
  await batcher.reserve(
    opBytes(header.left, header.center, header.right, footer.left, footer.center, footer.right) +
      200 * (19 + pageBreaksBefore.length),
  );
  const layout = ws.pageLayout;
  layout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  if (print.paperSize === 9) layout.paperSize = 'A4';
  // A readable fixed scale across pages, or one page wide (printout.ts readablePrint).
  layout.zoom =
    print.scale !== undefined
      ? { scale: print.scale }
      : print.fitToHeight > 0
        ? { horizontalFitToPages: print.fitToWidth, verticalFitToPages: print.fitToHeight }
        : { horizontalFitToPages: print.fitToWidth };
  if (print.titleRows) layout.setPrintTitleRows(`$${print.titleRows.first}:$${print.titleRows.last}`);
  if (print.titleColumns)
    layout.setPrintTitleColumns(
      `$${letters(print.titleColumns.first - 1)}:$${letters(print.titleColumns.last - 1)}`,
    );
  if (printArea) layout.setPrintArea(printArea);
  for (const row of pageBreaksBefore) ws.horizontalPageBreaks.add(`A${row}`);
  layout.printGridlines = print.gridLines;
  layout.leftMargin = margins.left * POINTS_PER_INCH;
  layout.rightMargin = margins.right * POINTS_PER_INCH;
  layout.topMargin = margins.top * POINTS_PER_INCH;
  layout.bottomMargin = margins.bottom * POINTS_PER_INCH;
  layout.headerMargin = margins.header * POINTS_PER_INCH;
  layout.footerMargin = margins.footer * POINTS_PER_INCH;
  const hf = layout.headersFooters.defaultForAllPages;
  hf.leftHeader = header.left;
  hf.centerHeader = header.center;
  hf.rightHeader = header.right;
  hf.leftFooter = footer.left;
  hf.centerFooter = footer.center;
  hf.rightFooter = footer.right;
}
