/**
 * `Info Konsolidasi` (docs/spec/consolidation.md): when and with what the summary was made, the
 * consolidation year and how it was chosen, the JSON report's totals (every file) beside `Rekap
 * OPD`'s `Total Kota` (counting files only), and every input file with its status.
 */
import { referenceId } from '../../reference/load';
import { RULES_VERSION } from '../../rules/registry';
import { TOOL_NAME, TOOL_VERSION } from '../../version';
import { SummaryCell, SummaryRow, SummarySource, SummaryTable, summaryDate } from '../model';
import { SummarySheetDef, statusFill } from '../sheet';
import { REKAP_COLUMNS, SHEET_REKAP_OPD } from './rekapOpd';
import { consolidationYearText } from '../../consolidation/selection';

export const SHEET_INFO = 'Info Konsolidasi';

export const INFO_ABOUT_COLUMNS = ['Keterangan', 'Nilai'] as const;
export const INFO_TOTALS_COLUMNS = ['Ukuran', 'Semua Berkas (Laporan JSON)', 'Total Kota'] as const;
export const INFO_FILES_COLUMNS = ['Berkas', 'Ukuran (byte)', 'SHA-256', 'Status'] as const;

/** The sheet's three tables: about (Keterangan | Nilai), totals, files (Berkas | Ukuran (byte) | SHA-256 | Status, in input order). */
export interface InfoSheet {
  readonly about: SummaryTable;
  readonly totals: SummaryTable;
  readonly files: SummaryTable;
}

function buildInfo(s: SummarySource, rekap: SummaryTable): SummaryTable[] {
  const about: SummaryRow[] = [
    ['Waktu Konsolidasi', summaryDate(s.consolidatedAt)],
    ['Alat', `${TOOL_NAME} ${TOOL_VERSION}`],
    ['Versi Aturan', RULES_VERSION],
    ['Referensi', referenceId(s.reference)],
    ['Tanggal Validasi', summaryDate(s.today)],
    ['Bahasa Pesan', s.lang],
    ['Tahun Konsolidasi', s.tahun.tahun],
    ['Tahun Dipilih', consolidationYearText(s.tahun, 'id')],
  ].map((cells) => ({ cells: cells as SummaryCell[] }));

  const total = rekap.rows[rekap.rows.length - 1].cells;
  const at = (label: (typeof REKAP_COLUMNS)[number]) => total[rekap.columns.indexOf(label)];
  const r = s.report.stats;
  const counted = s.entries.filter((e) => e.standing === 'dihitung').length;
  const totals: SummaryRow[] = [
    ['Berkas', r.files, counted],
    ['Baris Inovasi', r.rows, at('Jumlah Inovasi')],
    ['Galat', r.errors, at('Galat')],
    ['Peringatan', r.warnings, at('Peringatan')],
    ['Info', r.infos, null],
    ['Temuan Diterima', r.accepted, at('Temuan Diterima')],
  ].map((cells) => ({ cells: cells as SummaryCell[] }));

  const files: SummaryRow[] = s.entries.map((e) => ({ cells: [e.file, e.size, e.sha256, e.status] }));
  return [
    { columns: INFO_ABOUT_COLUMNS, rows: about },
    { columns: INFO_TOTALS_COLUMNS, rows: totals },
    { columns: INFO_FILES_COLUMNS, rows: files },
  ];
}

export const infoKonsolidasiSheet: SummarySheetDef = {
  name: SHEET_INFO,
  tables: (source, earlier) => buildInfo(source, earlier.get(SHEET_REKAP_OPD)![0]),
  filterTable: 2,
  fill: (column, value) => (column === 'Status' ? statusFill(value) : null),
};
