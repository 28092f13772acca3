/**
 * *Hasil per OPD* in the pane (issue 25): how many OPDs of the reference sent a workbook, and which rows
 * a filter shows. The status words are the `Rekap OPD` Status column's (docs/spec/consolidation.md).
 */
import type { RekapStatus } from '../engine/summary/model';
import type { ConsolidationRow } from './state';

export type ResultFilter = 'all' | 'sent' | 'notSent' | 'fix';

export const RESULT_FILTERS: readonly ResultFilter[] = ['all', 'sent', 'notSent', 'fix'];

const NOT_SENT: RekapStatus = 'Belum Mengirim';
/** A file the OPD must send again: findings to fix, or a file that could not be read. */
const NEEDS_FIXING: ReadonlySet<string> = new Set<RekapStatus>(['Perlu Perbaikan', 'Tidak Terbaca']);
/** An older file of an OPD that sent a newer one: a row of the table, not another OPD. */
const REPLACED: RekapStatus = 'Diganti';

/** Does the row pass the filter? The Total Kota row shows only under «all». */
export function passes(row: ConsolidationRow, filter: ResultFilter): boolean {
  if (row.total) return filter === 'all';
  switch (filter) {
    case 'all':
      return true;
    case 'sent':
      return row.status !== NOT_SENT;
    case 'notSent':
      return row.status === NOT_SENT;
    case 'fix':
      return NEEDS_FIXING.has(row.status);
  }
}

/** Rows per filter (the Total Kota row not counted). */
export function filterCounts(rows: readonly ConsolidationRow[]): Record<ResultFilter, number> {
  const body = rows.filter((r) => !r.total);
  return {
    all: body.length,
    sent: body.filter((r) => passes(r, 'sent')).length,
    notSent: body.filter((r) => passes(r, 'notSent')).length,
    fix: body.filter((r) => passes(r, 'fix')).length,
  };
}

/**
 * «n dari m OPD mengirim»: m counts the reference's OPDs (rows with a Kode OPD, an older replaced file
 * not counted twice), n those of them that sent a workbook. A workbook of an OPD outside the reference
 * or an unreadable file has no code: it is a row of the table but not one of the m.
 */
export function sentTally(rows: readonly ConsolidationRow[]): { readonly n: number; readonly m: number } {
  const opds = rows.filter((r) => !r.total && r.code !== '' && r.status !== REPLACED);
  return { n: opds.filter((r) => r.status !== NOT_SENT).length, m: opds.length };
}
