/** Why a file could not be read as a workbook (spec: consolidation.md, KON-03). */
export type ReadFailureCause =
  | 'legacyXls'
  | 'encrypted'
  | 'notXlsx'
  | 'corrupt'
  | 'noWorksheet'
  | 'tooLarge'
  | 'expandsTooLarge'
  | 'empty';

/**
 * `detail` is short and language-neutral: a file kind (`PDF`, `CSV/teks`, `DOCX`…), sizes
 * (`71 MB > 50 MB`) or a technical note on a corrupt archive. `describeCause` renders it.
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
  return detail === undefined ? { ok: false, cause } : { ok: false, cause, detail };
}

const KB = 1024;
const MB = 1024 * 1024;

/** Whole units, rounded up so that "more than the limit" never prints as equal to it. */
export function formatSize(bytes: number): string {
  if (bytes >= MB) return `${Math.ceil(bytes / MB)} MB`;
  if (bytes >= KB) return `${Math.ceil(bytes / KB)} KB`;
  return `${bytes} B`;
}
