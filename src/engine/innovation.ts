/**
 * Which innovation a finding is about (docs/spec/report-and-cli.md, `inovasi`): the `nama` of its row as
 * written, so that no reader has to look up what `Inovasi!N4` was; and the cell reference a person
 * reads, always with its sheet.
 */
import { Finding, quoteText } from './findings';
import { SubmissionRow, rawOf } from './parse';
import { EvidenceMatch } from './iid/estimate';
import { evRaw } from './iid/evidence';
import { FileValidation } from './validate';
import { cellText } from './values';

/** Longest innovation name quoted in a finding line (the JSON keeps MAX_QUOTED_CHARS). */
const NAME_IN_LINE = 60;

/**
 * A function giving the `nama` (trimmed, quoted as reports quote values) of a finding's innovation
 * row, or null for a file-level, Identitas or header finding, or a row whose `nama` is empty. A
 * finding on a `Data Dukung` row gets the innovation that row names: the matched `Inovasi` row's
 * `nama`, else the row's own `Nama Inovasi` text as written, as the finding's parameters carry it
 * (docs/decisions.md, "Nama Inovasi of an evidence finding").
 */
export function innovationOf(
  v: Pick<FileValidation, 'submission' | 'iid'>,
): (f: Pick<Finding, 'sheet' | 'row'>) => string | null {
  const table = v.submission?.table;
  if (!table) return () => null;
  const evidence = v.submission?.dataDukung;
  let names: Map<number, string> | null = null;
  let evidenceNames: Map<number, string> | null = null;
  return (f) => {
    if (f.row === null) return null;
    if (evidence && f.sheet === evidence.sheet && evidence.headerRow !== null && f.row > evidence.headerRow) {
      evidenceNames ??= evidenceInnovations(table.rows, v.iid?.bukti ?? []);
      return evidenceNames.get(f.row) ?? null;
    }
    if (f.sheet !== table.sheet || f.row <= table.headerRow) return null;
    names ??= innovationNames(table.rows);
    return names.get(f.row) ?? null;
  };
}

/** Worksheet row → quoted `nama`, for every innovation row with one. */
function innovationNames(rows: readonly SubmissionRow[]): Map<number, string> {
  const names = new Map<number, string>();
  for (const row of rows) {
    const nama = cellText(rawOf(row, 'nama')).trim();
    if (nama) names.set(row.row, quoteText(nama));
  }
  return names;
}

/** `Data Dukung` row → quoted name of the innovation it names (matched row's `nama`, else its own text). */
function evidenceInnovations(
  rows: readonly SubmissionRow[],
  matches: readonly EvidenceMatch[],
): Map<number, string> {
  const names = new Map<number, string>();
  for (const m of matches) {
    const nama = m.inovasi === null ? '' : cellText(rawOf(rows[m.inovasi], 'nama')).trim();
    const text = nama || cellText(evRaw(m.evidence, 'inovasi')).trim();
    if (text) names.set(m.evidence.row, quoteText(text));
  }
  return names;
}

/** `Inovasi!N4`; a sheet name with spaces or punctuation is quoted as Excel does (`'Data Dukung'!B3`); the sheet alone without a cell. */
export function sheetCell(sheet: string | null, cell: string | null): string {
  if (sheet === null) return cell ?? '';
  const name = /^[\p{L}\p{N}_]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return cell ? `${name}!${cell}` : sheet;
}

/** An innovation name cut for one line of text: `«Apotek Keliling Pulau Lembeh»`. */
export function quotedName(nama: string): string {
  return `«${quoteText(nama, NAME_IN_LINE)}»`;
}
