/** Adding IID columns to a summary table built without them (the `Rekap OPD` columns of docs/spec/iid.md). */
import type { SummaryCell, SummaryTable } from '../summary/model';

/** The table with `labels` inserted before the column `before` (at the end when absent); `cells[i]` fills row i. */
export function insertColumns(
  table: SummaryTable,
  before: string,
  labels: readonly string[],
  cells: readonly (readonly SummaryCell[])[],
): SummaryTable {
  const at0 = table.columns.indexOf(before);
  const at = at0 < 0 ? table.columns.length : at0;
  const splice = <T>(list: readonly T[], items: readonly T[]) => [
    ...list.slice(0, at),
    ...items,
    ...list.slice(at),
  ];
  return {
    columns: splice(table.columns, labels),
    rows: table.rows.map((r, i) => ({ ...r, cells: splice(r.cells, cells[i] ?? labels.map(() => null)) })),
  };
}
