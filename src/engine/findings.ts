/** A finding (temuan) is a value: rule id, where, what was seen, and parameters for the message. */
import type { RuleId } from './rules/registry';

export type Severity = 'error' | 'warning' | 'info';

export type FindingStatus = 'open' | 'accepted';

/** The value as read: string, number, ISO date `YYYY-MM-DD`, or null. */
export type FindingValue = string | number | null;

export type MessageParams = Readonly<Record<string, string | number>>;

/** The hints a finding can carry; each is `hint.<key>` in the message catalogues. */
export const HINT_KEYS = ['nearest', 'sameRow', 'minWords', 'dasarHukum', 'positiveDays'] as const;
export type HintKey = (typeof HINT_KEYS)[number];

export interface Hint {
  /** Catalogue key of the hint text (`nearest`, `sameRow`, …). */
  readonly key: HintKey;
  readonly params: MessageParams;
}

export interface Finding {
  readonly rule: RuleId;
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

/**
 * Longest quote of a value in a report's `value` or in a message, in UTF-16 code units: a finding
 * quotes what it is about, it does not copy it. Without a cap a report grows with the product of
 * a value's length and the number of findings quoting it (500 rows × 31 cells sharing one
 * 32,767-character string: 1.5 GB, then a crash). The finding id and the content hash still use
 * the whole value (docs/decisions.md).
 */
export const MAX_QUOTED_CHARS = 200;

/** `text` cut to MAX_QUOTED_CHARS with `…` (never inside a surrogate pair); shorter text as is. */
export function quoteText(text: string, max: number = MAX_QUOTED_CHARS): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // a high surrogate whose pair would be cut off
  return text.substring(0, end) + '…';
}

/** A finding's value as reports quote it: strings shortened (quoteText), numbers and null as they are. */
export function quoteValue(value: FindingValue): FindingValue {
  return typeof value === 'string' ? quoteText(value) : value;
}
