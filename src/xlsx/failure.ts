/** Why a file could not be read as a workbook (docs/spec/consolidation.md, KON-03). */
export const READ_FAILURE_CAUSES = [
  'legacyXls',
  'encrypted',
  'notXlsx',
  'corrupt',
  'noWorksheet',
  'tooLarge',
  'expandsTooLarge',
  'tooManyCells',
  'empty',
] as const;
export type ReadFailureCause = (typeof READ_FAILURE_CAUSES)[number];

/**
 * `detail` is short and language-neutral: a file kind (`PDF`, `CSV/teks`, `DOCX`…), sizes
 * (`71 MB > 50 MB`), the cell budget (`5000000`) or a technical note on a corrupt archive.
 * `describeCause` renders it.
 */
export interface ReadFailure {
  ok: false;
  cause: ReadFailureCause;
  detail?: string;
}

/** Thrown inside the reader, turned into a `ReadFailure` at the public boundary. */
export class XlsxReadError extends Error {
  constructor(
    readonly reason: ReadFailureCause,
    readonly detail?: string,
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
    this.name = 'XlsxReadError';
  }
}

export function failure(cause: ReadFailureCause, detail?: string): ReadFailure {
  return detail === undefined
    ? { ok: false, cause }
    : { ok: false, cause, detail: excerpt(detail, MAX_DETAIL_CHARS) };
}

/** A detail is shown to people inside a sentence: short, whatever the file put in it. */
const MAX_DETAIL_CHARS = 120;
/** Of a name taken from the file (a tag, a part, a sheet) quoted in a detail. */
const MAX_NAME_CHARS = 40;
/** Control characters, lone surrogates and U+FFFD (what undecodable bytes became). */
const UNPRINTABLE = /[\p{Cc}\p{Cs}\uFFFD]/gu;

/**
 * Text from a damaged file made fit for a message: unprintable characters become `?`, and what is
 * longer than `max` characters is cut with `…`. A tag name can be a megabyte of binary garbage.
 */
export function excerpt(text: string, max: number = MAX_NAME_CHARS): string {
  const clean = text.length > max * 4 ? text.substring(0, max * 4) : text;
  const chars = Array.from(clean.replace(UNPRINTABLE, '?'));
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : chars.join('');
}

const KB = 1024;
const MB = 1024 * 1024;

/** Whole units, rounded up so that "more than the limit" never prints as equal to it. */
export function formatSize(bytes: number): string {
  if (bytes >= MB) return `${Math.ceil(bytes / MB)} MB`;
  if (bytes >= KB) return `${Math.ceil(bytes / KB)} KB`;
  return `${bytes} B`;
}
