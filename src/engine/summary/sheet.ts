/**
 * What a summary sheet module declares (one module per sheet in sheets/, listed in order in
 * sheets/index.ts). Writers apply exactly this: the command line's (src/node/summaryWriter.ts)
 * and the add-in's (src/addin/summary.ts) know no sheet by name.
 */
import type { SummaryFill } from '../design/palette';
import type { Lang } from '../messages';
import type { PrintContext, PrintSetup, SummaryChart } from '../printout';
import type { SummarySheetData, SummarySource, SummaryTable } from './model';

export interface SummarySheetDef {
  /** The sheet's name in the workbook (spec: docs/spec/consolidation.md). */
  readonly name: string;
  /** Is the sheet written for this consolidation? Default yes (`Kesiapan IID` only when the reference has `iid`). */
  applies?(source: SummarySource): boolean;
  /**
   * The sheet's tables (columns and rows), written one below the other with a blank row between.
   * `earlier` holds the tables of the sheets listed before this one, by name.
   */
  tables(
    source: SummarySource,
    earlier: ReadonlyMap<string, readonly SummaryTable[]>,
  ): readonly SummaryTable[];
  /** Which table gets the autofilter (default 0). */
  readonly filterTable?: number;
  /** The fill of a text cell by its column label and value, or null; writers keep a total row's bold. */
  fill?(column: string, value: string): SummaryFill | null;
  /** Long texts wrap: columns wider than this (characters) are capped to it, and the sheet's texts wrap. */
  readonly wrapWidth?: number;
  /** The sheet's chart (a data table below its own, then the chart), or none. */
  chart?(sheet: SummarySheet, lang: Lang): SummaryChart | null;
  /**
   * How many of the first table's columns print (default all): a wide sheet's print area ends
   * before columns a reader does not scan on paper (`Daftar Inovasi`'s narratives), which stay in
   * the sheet.
   */
  printColumns?(columns: readonly string[]): number;
  /** How many identifying columns, from the first, repeat on each page when the sheet prints across pages. */
  repeatColumns?(columns: readonly string[]): number;
  /** Page setup; default printout.ts `printSetup(name, ctx)`: landscape A4, one page wide, row 1 repeated. */
  print?(ctx: PrintContext): PrintSetup;
  /**
   * Fixed column widths (characters) and which columns wrap, instead of widths measured from the
   * cells: a sheet laid out for one page of paper (`Ringkasan`), where a long title overflows its
   * empty neighbours and a list of names wraps in its own column.
   */
  readonly columns?: { readonly widths: readonly number[]; readonly wrap: readonly boolean[] };
  /**
   * Built after every other sheet, whatever its place in the list: `earlier` then holds the tables
   * of all the others, so a cover sheet (`Ringkasan`, `Tindak Lanjut`) takes each figure from the
   * sheet that shows it and cannot disagree with it.
   */
  readonly readsAll?: boolean;
}

/** An output sheet: its data and the module that made it (its fills, wrapping, chart, print setup). */
export interface SummarySheet extends SummarySheetData {
  readonly def: SummarySheetDef;
  /** What it was built from (its chart may need the reference: the misi's short names and order). */
  readonly source?: SummarySource;
}

/**
 * Builds every sheet of `defs`, returned in list order: each sees the tables of those before it;
 * the `readsAll` ones are built last and see every other sheet's.
 */
export function buildSheets(defs: readonly SummarySheetDef[], source: SummarySource): SummarySheet[] {
  const earlier = new Map<string, readonly SummaryTable[]>();
  const applying = defs.filter((def) => def.applies?.(source) ?? true);
  const built = new Map<SummarySheetDef, SummarySheet>();
  for (const def of [...applying.filter((d) => !d.readsAll), ...applying.filter((d) => d.readsAll)]) {
    const tables = def.tables(source, earlier);
    earlier.set(def.name, tables);
    built.set(def, { name: def.name, tables, filterTable: def.filterTable ?? 0, def, source });
  }
  return applying.map((def) => built.get(def)!);
}

/** Fills of the status words (Rekap OPD, Info Konsolidasi) and of coverage (Program RPJMD). */
export const STATUS_FILLS: Readonly<Record<string, SummaryFill>> = {
  Siap: 'green',
  'Perlu Perbaikan': 'amber',
  Konflik: 'red',
  'Berkas Tidak Dihitung': 'amber',
  'Belum Mengirim': 'grey',
  'Tidak Terbaca': 'red',
  Diganti: 'red',
  'Tahun Lain': 'amber',
  'Tahun Kosong': 'amber',
  'Berkas Konflik': 'red',
  'OPD Tidak Dikenal': 'red',
  Ada: 'green',
  'Belum Ada Inovasi': 'amber',
};

export const statusFill = (word: string): SummaryFill | null => STATUS_FILLS[word] ?? null;

/** Columns whose numbers are money or sizes, shown `#,##0` by both writers. */
export const isIntegerColumn = (label: string): boolean => /\(Rp\)|\(byte\)/.test(label);
