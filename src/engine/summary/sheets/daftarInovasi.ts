/** `Daftar Inovasi` (docs/spec/consolidation.md): every innovation row of the counted workbooks, with its open findings counted. */
import { SubmissionRow, isEmptyOf, rawOf, okValueOf } from '../../parse';
import { COLUMNS, ColumnDef } from '../../schema';
import { cellText } from '../../values';
import {
  SummaryCell,
  SummaryRow,
  SummarySource,
  SummaryTable,
  openCountsByRow,
  opdCode,
  opdName,
  rowsOf,
  summaryDate,
} from '../model';
import { SummarySheetDef } from '../sheet';

export const SHEET_DAFTAR_INOVASI = 'Daftar Inovasi';

/** Narrative columns: after Galat and Peringatan, so the print area can end before them (docs/spec/consolidation.md). */
const NARRATIVE_KEYS: ReadonlySet<string> = new Set([
  'masalah',
  'rancangBangun',
  'tujuan',
  'manfaat',
  'hasil',
  'spPersyaratan',
  'spProsedur',
  'spProduk',
  'spPengaduan',
]);

/** Spec columns carried into `Daftar Inovasi` before Galat: all but `status` (the tool's own, possibly stale, flag) and the narratives. */
export const DAFTAR_SPEC_COLUMNS: readonly ColumnDef[] = COLUMNS.filter(
  (c) => c.key !== 'status' && !NARRATIVE_KEYS.has(c.key),
);
/** The narrative columns, last, in spec order. */
export const DAFTAR_NARRATIVE_COLUMNS: readonly ColumnDef[] = COLUMNS.filter((c) =>
  NARRATIVE_KEYS.has(c.key),
);

export const DAFTAR_COLUMNS: readonly string[] = [
  'Kode OPD',
  'Perangkat Daerah',
  'Berkas',
  'Baris',
  ...DAFTAR_SPEC_COLUMNS.map((c) => c.label),
  'Galat',
  'Peringatan',
  ...DAFTAR_NARRATIVE_COLUMNS.map((c) => c.label),
];

/** A cell's canonical value: the parsed value (dates as dates), else its trimmed text, else null. */
function canonicalCell(def: ColumnDef, row: SubmissionRow): SummaryCell {
  const value = okValueOf(row, def.key);
  if (value !== null) return def.type === 'date' ? summaryDate(String(value)) : value;
  if (isEmptyOf(row, def.key)) return null;
  return cellText(rawOf(row, def.key)) || null;
}

function buildDaftar({ ordered }: SummarySource): SummaryTable {
  const rows: SummaryRow[] = [];
  for (const e of ordered) {
    const open = openCountsByRow(e);
    for (const row of rowsOf(e)) {
      const c = open.get(row.row);
      rows.push({
        cells: [
          opdCode(e),
          opdName(e),
          e.file,
          row.row,
          ...DAFTAR_SPEC_COLUMNS.map((def) => canonicalCell(def, row)),
          c?.errors ?? 0,
          c?.warnings ?? 0,
          ...DAFTAR_NARRATIVE_COLUMNS.map((def) => canonicalCell(def, row)),
        ],
      });
    }
  }
  return { columns: DAFTAR_COLUMNS, rows };
}

export const daftarInovasiSheet: SummarySheetDef = {
  name: SHEET_DAFTAR_INOVASI,
  tables: (source) => [buildDaftar(source)],
  wrapWidth: 20,
  // On paper: up to Peringatan (the narratives stay in the sheet), Kode OPD … Nama Inovasi on every page across.
  printColumns: (columns) => columns.indexOf('Peringatan') + 1,
  repeatColumns: (columns) => columns.indexOf('Nama Inovasi') + 1,
};
