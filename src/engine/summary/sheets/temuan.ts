/** `Temuan` (docs/spec/consolidation.md): every finding of every file (counting files first, in `Rekap OPD` order, then the files set aside in theirs), in the run's language. */
import { SEVERITY_WORDS, findingHint, findingMessage } from '../../messages';
import { SummaryRow, SummarySource, SummaryTable, opdCode, opdName } from '../model';
import { SummarySheetDef } from '../sheet';
import { STANDING_WORD } from '../../consolidation/selection';
import { innovationOf } from '../../innovation';

export const SHEET_TEMUAN_KOTA = 'Temuan';

/**
 * `Status Berkas` is the file's `Rekap OPD` status (`Dihitung` for a counting file); `Nama Inovasi`
 * the finding's innovation row; `Jenis` the severity (was `Tingkat`, a word now kept for the
 * sign-off level).
 */
export const TEMUAN_COLUMNS = [
  'No',
  'Kode OPD',
  'Perangkat Daerah',
  'Berkas',
  'Status Berkas',
  'Lembar',
  'Sel',
  'Baris',
  'Nama Inovasi',
  'Kolom',
  'Aturan',
  'Jenis',
  'Pesan',
  'Saran',
  'Dasar',
  'Status',
  'Alasan',
  'Pemeriksa',
  'ID',
] as const;

/** `Status` of a finding in `Temuan` (`Ringkasan` counts the open ones by it). */
export const FINDING_STATUS_WORD = { open: 'Terbuka', accepted: 'Diterima' } as const;
/** `Jenis`: the severity's Indonesian word, whatever the run's language (the sheet's labels are the spec's). */
export const SEVERITY_WORD = SEVERITY_WORDS.id;

function buildTemuan({ ordered, others, lang }: SummarySource): SummaryTable {
  const rows: SummaryRow[] = [];
  for (const e of [...ordered, ...others]) {
    const nameOf = innovationOf(e.validation);
    for (const f of e.validation.findings) {
      rows.push({
        cells: [
          rows.length + 1,
          opdCode(e),
          opdName(e),
          e.file,
          STANDING_WORD[e.standing],
          f.sheet,
          f.cell,
          f.row,
          nameOf(f),
          f.column,
          f.rule,
          SEVERITY_WORD[f.severity],
          findingMessage(f, lang),
          findingHint(f, lang),
          f.basis,
          f.status === 'accepted' ? FINDING_STATUS_WORD.accepted : FINDING_STATUS_WORD.open,
          f.decision?.reason || null,
          f.decision?.reviewer || null,
          f.id,
        ],
      });
    }
  }
  return { columns: TEMUAN_COLUMNS, rows };
}

export const temuanSheet: SummarySheetDef = {
  name: SHEET_TEMUAN_KOTA,
  tables: (source) => [buildTemuan(source)],
  wrapWidth: 30,
  // The finding ID is for programs: outside the print; No … Perangkat Daerah repeat on pages across.
  printColumns: (columns) => columns.indexOf('ID'),
  repeatColumns: (columns) => columns.indexOf('Perangkat Daerah') + 1,
};
