/**
 * How many findings one file lists (docs/decisions.md): the first MAX_FINDINGS_PER_FILE one by one,
 * the rest counted per rule and column in summarising findings.
 */
import { Finding } from './findings';

/**
 * Findings listed one by one per file. Past it, the findings of each rule and column are counted,
 * not listed: one summarising finding per rule and column (at the cell of the first one left out,
 * its count in `ringkasan`). Bounds the report's size and the time to build it: 50,000 rows with
 * one filled cell each made 700,000 findings, 2.2 GB and a 313 MB report. Severity overrides
 * (`off`) apply before counting.
 */
export const MAX_FINDINGS_PER_FILE = 10_000;

/** Keeps the first `limit` findings; counts the rest by rule, sheet and column (see MAX_FINDINGS_PER_FILE). */
export class FindingBudget {
  private readonly kept: Finding[] = [];
  /** Left-out findings by rule, then column key (then sheet, rarely more than one). */
  private readonly left = new Map<string, Map<string, Group[]>>();
  constructor(readonly limit: number = MAX_FINDINGS_PER_FILE) {}

  add(f: Finding): void {
    if (this.kept.length < this.limit) {
      this.kept.push(f);
      return;
    }
    // Hundreds of thousands of findings can arrive here: no key strings built per finding.
    let byColumn = this.left.get(f.rule);
    if (!byColumn) this.left.set(f.rule, (byColumn = new Map()));
    let groups = byColumn.get(f.columnKey);
    if (!groups) byColumn.set(f.columnKey, (groups = []));
    const group = groups.find((g) => g.first.sheet === f.sheet);
    if (group) group.count++;
    else groups.push({ first: f, count: 1 });
  }

  /**
   * The findings kept, then one summarising finding per group left out — or the finding itself
   * when it is alone in its group (unknown header columns, each its own column, stay listed).
   */
  findings(): Finding[] {
    const out = this.kept.slice();
    for (const byColumn of this.left.values())
      for (const groups of byColumn.values())
        for (const { first, count } of groups)
          out.push(count === 1 ? first : summaryFinding(first, count, this.limit));
    return out;
  }
}

interface Group {
  readonly first: Finding;
  count: number;
}

/**
 * Stands for `count` findings of one rule and column not listed: located at the first of them,
 * no value, its message says how many (`summary` in the catalogues). Never acceptable by an auditor.
 */
function summaryFinding(first: Finding, count: number, limit: number): Finding {
  return {
    ...first,
    rowKey: '*',
    value: null,
    params: {
      ringkasan: count,
      aturan: first.rule,
      kolom: first.column ?? '',
      sel: first.cell ?? '-',
      batas: limit,
    },
    hint: null,
  };
}

/** A summarising finding (FindingBudget) rather than one about a single cell. */
export function isSummaryFinding(f: Pick<Finding, 'params'>): boolean {
  return f.params.ringkasan !== undefined;
}
