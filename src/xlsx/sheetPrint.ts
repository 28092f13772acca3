/** The engine's page setup (printout.ts) as the streaming writer's `SheetPrint` (both shells). */
import { PrintSetup, headerFooterCode } from '../engine/printout';
import { SheetPrint } from './xlsxStream';

/** A page setup of the engine's as the writer's (header and footer as SpreadsheetML codes). */
export function sheetPrint(
  print: PrintSetup,
  area: { lastRow: number; lastColumn: number } | null,
): SheetPrint {
  return {
    orientation: print.orientation,
    paperSize: print.paperSize,
    // A fixed scale replaces fitting (the writer turns fit-to-page on when either fit is set).
    ...(print.scale !== undefined
      ? { scale: print.scale }
      : { fitToWidth: print.fitToWidth, fitToHeight: print.fitToHeight }),
    titleRows: print.titleRows,
    titleColumns: print.titleColumns ?? null,
    printArea: area && { firstRow: 1, firstColumn: 1, lastRow: area.lastRow, lastColumn: area.lastColumn },
    header: headerFooterCode(print.header),
    footer: headerFooterCode(print.footer),
    margins: print.margins,
    gridLines: print.gridLines,
  };
}
