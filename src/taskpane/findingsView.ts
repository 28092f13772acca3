/** How the task pane lists findings: grouped by row, filtered by severity and rule. Pure functions. */
import type { Severity } from '../engine/findings';
import type { IdentifiedFinding } from '../engine/validate';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export interface FindingFilter {
  /** Severities shown; all three by default. */
  readonly severities: ReadonlySet<Severity>;
  /** One rule id, or null for every rule. */
  readonly rule: string | null;
}

export const ALL_FINDINGS: FindingFilter = { severities: new Set(SEVERITIES), rule: null };

export interface FindingGroup {
  /** `file` for findings outside the innovation rows (file, Identitas, other sheets), else `row:<n>`. */
  readonly key: string;
  /** Worksheet row of the innovation sheet, or null for the `Berkas/Identitas` group. */
  readonly row: number | null;
  readonly findings: readonly IdentifiedFinding[];
}

export function applyFilter(
  findings: readonly IdentifiedFinding[],
  filter: FindingFilter,
): IdentifiedFinding[] {
  return findings.filter(
    (f) => filter.severities.has(f.severity) && (filter.rule === null || f.rule === filter.rule),
  );
}

/** Rule ids present, in catalogue-like order (family then number). */
export function rulesPresent(findings: readonly IdentifiedFinding[]): string[] {
  return [...new Set(findings.map((f) => f.rule))].sort();
}

/**
 * Groups in display order: `Berkas/Identitas` first, then the innovation sheet's rows ascending.
 * A finding belongs to a row group only when it sits on the innovation sheet with a row number.
 */
export function groupByRow(
  findings: readonly IdentifiedFinding[],
  tableSheet: string | null,
): FindingGroup[] {
  const file: IdentifiedFinding[] = [];
  const rows = new Map<number, IdentifiedFinding[]>();
  for (const f of findings) {
    if (f.row === null || f.row === 0 || tableSheet === null || f.sheet !== tableSheet) {
      file.push(f);
      continue;
    }
    const list = rows.get(f.row) ?? [];
    list.push(f);
    rows.set(f.row, list);
  }
  const groups: FindingGroup[] = [];
  if (file.length) groups.push({ key: 'file', row: null, findings: file });
  for (const row of [...rows.keys()].sort((a, b) => a - b))
    groups.push({ key: `row:${row}`, row, findings: rows.get(row) ?? [] });
  return groups;
}
