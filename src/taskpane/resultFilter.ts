/**
 * *Hasil per OPD* in the pane (issue 25): how many OPDs of the reference sent a workbook that counts,
 * and which rows a filter shows. The rows are `Rekap OPD`'s (docs/spec/consolidation.md): one per
 * reference OPD with an OPD status, then one per file that does not count with its standing, then
 * Total Kota, whose Status is «n dari m OPD mengirim».
 */
import { STANDING_WORD, type Standing } from '../engine/consolidation/selection';
import type { OpdStatus } from '../engine/summary/model';
import { sentCounts } from '../engine/summary/sheets/rekapOpd';
import type { ConsolidationRow } from './state';

export type ResultFilter = 'all' | 'sent' | 'notSent' | 'fix';

export const RESULT_FILTERS: readonly ResultFilter[] = ['all', 'sent', 'notSent', 'fix'];

/** An OPD whose workbook counts: the n of «n dari m». */
const COUNTED: ReadonlySet<string> = new Set<OpdStatus>(['Siap', 'Perlu Perbaikan']);
const NOT_SENT: OpdStatus = 'Belum Mengirim';
/** OPD rows the planner must chase: findings to fix, files in conflict, files that do not count. */
const OPD_NEEDS_FIXING: ReadonlySet<string> = new Set<OpdStatus>([
  'Perlu Perbaikan',
  'Konflik',
  'Berkas Tidak Dihitung',
]);
/** File rows that need the planner's attention: every file set aside except an older revision. */
const FILE_NEEDS_FIXING: ReadonlySet<string> = new Set(
  (Object.keys(STANDING_WORD) as Standing[])
    .filter((s) => s !== 'dihitung' && s !== 'diganti')
    .map((s) => STANDING_WORD[s]),
);

/** Does the row pass the filter? Total Kota shows only under «all» (it is the city's total, not a filtered one). */
export function passes(row: ConsolidationRow, filter: ResultFilter): boolean {
  if (row.total) return filter === 'all';
  switch (filter) {
    case 'all':
      return true;
    case 'sent':
      return COUNTED.has(row.status);
    case 'notSent':
      return row.status === NOT_SENT;
    case 'fix':
      return OPD_NEEDS_FIXING.has(row.status) || FILE_NEEDS_FIXING.has(row.status);
  }
}

/** Rows per filter (Total Kota not counted). */
export function filterCounts(rows: readonly ConsolidationRow[]): Record<ResultFilter, number> {
  const body = rows.filter((r) => !r.total);
  const count = (f: ResultFilter) => body.filter((r) => passes(r, f)).length;
  return { all: body.length, sent: count('sent'), notSent: count('notSent'), fix: count('fix') };
}

/**
 * «n dari m OPD mengirim» as the engine counted it (Total Kota's Status: n reference OPDs with a
 * workbook that counts, of the reference's m); without that row, counted from the OPD rows the same way.
 */
export function sentTally(rows: readonly ConsolidationRow[]): { readonly n: number; readonly m: number } {
  const total = rows.find((r) => r.total);
  const fromEngine = total ? sentCounts(total.status) : null;
  if (fromEngine) return fromEngine;
  const opds = rows.filter(
    (r) => !r.total && (COUNTED.has(r.status) || r.status === NOT_SENT || OPD_NEEDS_FIXING.has(r.status)),
  );
  return { n: opds.filter((r) => COUNTED.has(r.status)).length, m: opds.length };
}
