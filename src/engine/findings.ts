/** A finding (temuan) is a value: rule id, where, what was seen, and parameters for the message. */

export type Severity = 'error' | 'warning' | 'info';

export type FindingStatus = 'open' | 'accepted';

/** The value as read: string, number, ISO date `YYYY-MM-DD`, or null. */
export type FindingValue = string | number | null;

export type MessageParams = Readonly<Record<string, string | number>>;

export interface Hint {
  /** Catalogue key of the hint text (`nearest`, `sameRow`, …). */
  readonly key: string;
  readonly params: MessageParams;
}

export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  /** Sheet name as in the workbook, or null for a file-level finding. */
  readonly sheet: string | null;
  /** A1 address, or null. */
  readonly cell: string | null;
  /** 1-based worksheet row, or null. */
  readonly row: number | null;
  /** 0-based column position in the sheet (for ordering), or null. */
  readonly col: number | null;
  /** Column label shown to people (`SP Prosedur`), or null. */
  readonly column: string | null;
  /** Column or identity key (or the header text of an unknown column), for the finding id; '' when none. */
  readonly columnKey: string;
  /** Row key for the finding id: `nama#k`, `row:n`, or '' outside the rows. */
  readonly rowKey: string;
  readonly value: FindingValue;
  readonly params: MessageParams;
  readonly hint: Hint | null;
  /** Legal or administrative basis, when the rule has one. */
  readonly basis: string | null;
}
