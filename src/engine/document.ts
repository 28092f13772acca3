/**
 * Printable documents as plain data (the feedback per OPD is one; readiness and replication lists
 * are next): a document is one workbook of one or more sheets, each a column of blocks — a title,
 * label/value rows, tables, a signature block — with column widths and a page setup. The engine
 * also lays a sheet out row by row (`documentRows`), so every writer puts the same rows in the
 * same places: src/xlsx/documentXlsx.ts writes them for the command line and the task pane.
 *
 * To add a document: build a `DocumentModel` in the engine (its words from a catalogue), then hand
 * it to the shell's one "write these documents" call (src/cli/documents.ts `writeDocumentFiles`,
 * src/taskpane/documentFiles.ts `documentFiles`). No writer changes.
 */
import { PrintContext, PrintSetup, printSetup, wrappedRowHeight } from './printout';
import { SummaryCell } from './summary/model';

export type DocumentBlock =
  /** A bold line (row 1 of a document, as a rule). */
  | { readonly kind: 'title'; readonly text: string }
  /** Label → value rows: the label bold in column A, the value in B running on to the right. */
  | { readonly kind: 'fields'; readonly rows: readonly (readonly [string, string])[] }
  /** Empty rows. */
  | { readonly kind: 'gap'; readonly rows: number }
  /**
   * A table: a header row (bold, filled, wrapped), then its rows, or `emptyNote` when it has none.
   * The first table's header repeats on every printed page.
   */
  | {
      readonly kind: 'table';
      readonly columns: readonly string[];
      readonly rows: readonly (readonly SummaryCell[])[];
      /** Per column: are its texts wrapped within the width (rows then get the height they need). */
      readonly wrap: readonly boolean[];
      readonly emptyNote: string;
      /**
       * Trailing columns kept for programs (a finding's ID): written hidden and outside the
       * printed area (docs/spec/feedback.md). Default 0.
       */
      readonly hiddenTrailing?: number;
    }
  /** A heading, then one line per entry to fill in by hand (`Nama ________`). */
  | { readonly kind: 'signature'; readonly title: string; readonly lines: readonly string[] };

export interface DocumentSheet {
  readonly name: string;
  readonly blocks: readonly DocumentBlock[];
  /** Column widths in characters. */
  readonly widths: readonly number[];
  /** The page header's title and what it names besides (region, year, language); landscape unless said. */
  readonly print: {
    readonly title: string;
    readonly context: PrintContext;
    readonly orientation?: PrintSetup['orientation'];
  };
}

export interface DocumentModel {
  /** Suggested file name (`umpan-balik-dinkes-2026.xlsx`). */
  readonly fileName: string;
  readonly sheets: readonly DocumentSheet[];
}

/** How a cell is shown: plain, bold, a table header, a wrapped table cell. */
export type DocumentStyle = 'plain' | 'bold' | 'header' | 'wrap';

export interface DocumentRow {
  readonly values: readonly SummaryCell[];
  /** One style for the whole row, or one per cell. */
  readonly styles: DocumentStyle | readonly DocumentStyle[];
  /** Points, or null for the default height. */
  readonly height: number | null;
}

export interface DocumentLayout {
  readonly rows: readonly DocumentRow[];
  readonly print: PrintSetup;
  /** The printed area's last column (1-based): the widest table's, without its hidden columns. */
  readonly lastColumn: number;
  /** 0-based columns written hidden. */
  readonly hiddenColumns: readonly number[];
}

/** Where a signature is written by hand. */
const BLANK_LINE = '________________________________________';
/** A line to write on by hand: taller than a printed one. */
const HANDWRITING_HEIGHT = 28;

/** A sheet's rows from row 1, and its page setup (the first table's header repeated on every page). */
export function documentRows(sheet: DocumentSheet): DocumentLayout {
  const rows: DocumentRow[] = [];
  const blank: DocumentRow = { values: [], styles: 'plain', height: null };
  let titleRow: number | null = null;
  let lastColumn = 1;
  const hiddenColumns: number[] = [];
  for (const block of sheet.blocks) {
    switch (block.kind) {
      case 'title':
        rows.push({ values: [block.text], styles: 'bold', height: null });
        break;
      case 'fields':
        for (const [label, value] of block.rows)
          rows.push({ values: [label, value], styles: ['bold', 'plain'], height: null });
        break;
      case 'gap':
        for (let i = 0; i < block.rows; i++) rows.push(blank);
        break;
      case 'table': {
        const { columns, wrap } = block;
        rows.push({
          values: [...columns],
          styles: 'header',
          height: wrappedRowHeight(columns, sheet.widths, wrap),
        });
        titleRow ??= rows.length;
        const hidden = block.hiddenTrailing ?? 0;
        lastColumn = Math.max(lastColumn, columns.length - hidden);
        for (let c = columns.length - hidden; c < columns.length; c++)
          if (!hiddenColumns.includes(c)) hiddenColumns.push(c);
        for (const cells of block.rows) {
          rows.push({
            values: cells,
            styles: cells.map((v, c) => (wrap[c] && v !== null ? 'wrap' : 'plain')),
            height: wrappedRowHeight(cells, sheet.widths, wrap),
          });
        }
        if (!block.rows.length) rows.push({ values: [block.emptyNote], styles: 'plain', height: null });
        break;
      }
      case 'signature':
        rows.push({ values: [block.title], styles: 'bold', height: null });
        for (const line of block.lines)
          rows.push({ values: [line, BLANK_LINE], styles: 'plain', height: HANDWRITING_HEIGHT });
        break;
    }
  }
  const setup = printSetup(sheet.print.title, sheet.print.context, titleRow);
  const print = sheet.print.orientation ? { ...setup, orientation: sheet.print.orientation } : setup;
  return { rows, print, lastColumn, hiddenColumns };
}
