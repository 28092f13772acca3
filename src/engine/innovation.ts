/**
 * Which innovation a finding is about (docs/spec/report-and-cli.md, `inovasi`): the `nama` of its row as
 * written, so that no reader has to look up what `Inovasi!N4` was; and the cell reference a person
 * reads, always with its sheet.
 */
import { Finding, quoteText } from './findings';
import { rawOf } from './parse';
import { FileValidation } from './validate';
import { cellText } from './values';

/** Longest innovation name quoted in a finding line (the JSON keeps MAX_QUOTED_CHARS). */
const NAME_IN_LINE = 60;

/**
 * A function giving the `nama` (trimmed, quoted as reports quote values) of a finding's innovation
 * row, or null for a file-level, Identitas or header finding, or a row whose `nama` is empty.
 */
export function innovationOf(
  v: Pick<FileValidation, 'submission'>,
): (f: Pick<Finding, 'sheet' | 'row'>) => string | null {
  const table = v.submission?.table;
  if (!table) return () => null;
  let names: Map<number, string> | null = null;
  return (f) => {
    if (f.sheet !== table.sheet || f.row === null || f.row <= table.headerRow) return null;
    if (!names) {
      names = new Map();
      for (const row of table.rows) {
        const nama = cellText(rawOf(row, 'nama')).trim();
        if (nama) names.set(row.row, quoteText(nama));
      }
    }
    return names.get(f.row) ?? null;
  };
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
