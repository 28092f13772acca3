/** What every check receives, and how a check turns a cause into a located finding. */
import { Finding, Hint, MessageParams, Severity } from '../findings';
import { CellValue, a1 } from '../grid';
import { SubmissionRow, Submission, rawOf } from '../parse';
import { Opd, Parameters } from '../reference/model';
import { ReferenceIndex } from '../reference/index';
import { COLUMN_BY_KEY, ColumnKey, IDENTITY, IdentityKey, SHEET_IDENTITAS } from '../schema';
import { normalise } from '../text';
import { cellText, cellValueForReport, isEmptyCell } from '../values';

/** The value as read; an empty cell (nothing, spaces or `-`) is null. */
const seen = (raw: CellValue) => (isEmptyCell(raw) ? null : cellValueForReport(raw));
import { RuleId, ruleDef } from './registry';

export interface RuleContext {
  readonly submission: Submission;
  readonly index: ReferenceIndex;
  readonly params: Parameters;
  /** Validation date, ISO `YYYY-MM-DD` (LOG-02). */
  readonly today: string;
  /** The submitting OPD when it is in the reference. */
  readonly opd: Opd | null;
  /** A valid reporting year, or null. */
  readonly tahun: number | null;
}

export interface RowContext {
  readonly row: SubmissionRow;
  /** Row key for finding ids: `nama#k` or `row:n`. */
  readonly rowKey: string;
}

export type Emit = (f: Finding) => void;

export interface FindingExtras {
  readonly params?: MessageParams;
  readonly hint?: Hint | null;
  readonly severity?: Severity;
  readonly basis?: string;
}

/** A finding at a place its check worked out itself (the IID rules on `Data Dukung`). */
export type Located = Omit<Finding, 'rule' | 'severity' | 'params' | 'hint' | 'basis'>;

export function locatedFinding(rule: RuleId, located: Located, extras: FindingExtras = {}): Finding {
  return finish(rule, located, extras);
}

function finish(rule: RuleId, located: Located, extras: FindingExtras): Finding {
  const def = ruleDef(rule);
  // One literal with every field in a fixed order (no spread): cheap when a file makes many.
  return {
    rule,
    severity: extras.severity ?? def.severity,
    sheet: located.sheet,
    cell: located.cell,
    row: located.row,
    col: located.col,
    column: located.column,
    columnKey: located.columnKey,
    rowKey: located.rowKey,
    value: located.value,
    params: extras.params ?? {},
    hint: extras.hint ?? null,
    basis: extras.basis ?? def.basis,
  };
}

/**
 * A finding about a row's column. It points at the column's cell; where an optional column is
 * absent from the sheet, at the row's `nama` cell (docs/spec/rules.md, "which cell a finding points at").
 */
export function rowFinding(
  ctx: RuleContext,
  rc: RowContext,
  rule: RuleId,
  key: ColumnKey,
  extras: FindingExtras = {},
): Finding {
  const table = ctx.submission.table!;
  const cell = rc.row.cells[key];
  const col = cell.col ?? rc.row.cells.nama.col;
  const r0 = rc.row.row - 1;
  return finish(
    rule,
    {
      sheet: table.sheet,
      cell: col === null ? null : a1(r0, col),
      row: rc.row.row,
      col,
      column: COLUMN_BY_KEY[key].label,
      columnKey: key,
      rowKey: rc.rowKey,
      value: seen(cell.raw),
    },
    extras,
  );
}

/** A finding about an identity value: its value cell (column B), or null when the label row is missing. */
export function identityFinding(
  ctx: RuleContext,
  rule: RuleId,
  key: IdentityKey,
  extras: FindingExtras = {},
): Finding {
  const field = ctx.submission.identity[key];
  const def = IDENTITY.find((d) => d.key === key)!;
  const row = field.row;
  return finish(
    rule,
    {
      sheet: ctx.submission.identitasSheet ?? SHEET_IDENTITAS,
      cell: row === null ? null : a1(row - 1, 1),
      row,
      col: row === null ? null : 1,
      column: def.label,
      columnKey: key,
      rowKey: '',
      value: seen(field.raw),
    },
    extras,
  );
}

/** A finding with no cell of its own (file or sheet level). */
export function sheetFinding(
  rule: RuleId,
  where: {
    sheet: string | null;
    column?: string | null;
    columnKey?: string;
    row?: number | null;
    col?: number | null;
    value?: string | null;
  },
  extras: FindingExtras = {},
): Finding {
  const { sheet, row = null, col = null } = where;
  return finish(
    rule,
    {
      sheet,
      cell: row !== null && col !== null ? a1(row - 1, col) : null,
      row,
      col,
      column: where.column ?? null,
      columnKey: where.columnKey ?? '',
      rowKey: '',
      value: where.value ?? null,
    },
    extras,
  );
}

// Row names and keys are needed by the row rules, the finding ids and KON-01 alike: each table's
// are computed once (the rows array is never changed after parsing).
const namesOfRows = new WeakMap<readonly SubmissionRow[], readonly string[]>();
const keysOfRows = new WeakMap<readonly SubmissionRow[], readonly string[]>();

/** Each row's `nama` after normalisation, in sheet order ('' when empty, spaces or `-`). */
export function normalisedNames(rows: readonly SubmissionRow[]): readonly string[] {
  let names = namesOfRows.get(rows);
  if (!names) {
    names = rows.map((r) => normalise(cellText(rawOf(r, 'nama'))));
    namesOfRows.set(rows, names);
  }
  return names;
}

/** Row keys (`nama#k`, or `row:n` when nama is empty), in sheet order. */
export function rowKeys(rows: readonly SubmissionRow[]): readonly string[] {
  let keys = keysOfRows.get(rows);
  if (!keys) {
    const counts = new Map<string, number>();
    const names = normalisedNames(rows);
    keys = rows.map((r, i) => {
      const name = names[i];
      if (!name) return `row:${r.row}`; // empty, spaces or `-` normalise to nothing
      const k = (counts.get(name) ?? 0) + 1;
      counts.set(name, k);
      return `${name}#${k}`;
    });
    keysOfRows.set(rows, keys);
  }
  return keys;
}

export const nearestHint = (value: string | null): Hint | null =>
  value === null ? null : { key: 'nearest', params: { nilai: value } };
