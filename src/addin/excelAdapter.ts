/**
 * The Office adapter: the only code that calls `Excel.run` (docs/spec/addin.md). It turns the workbook into
 * the engine's grid and writes the flags, the template, the stamp and the history back.
 * `createExcelAdapter` composes the parts below over one shared session; each file owns one concern:
 *
 *   session.ts      the core: hosts, `run` (Office errors → AdapterError), the last read, sheet proxies
 *   read.ts         readSubmission / readRows: used ranges (and notes) into the grid; row blocks on refusal
 *   fills.ts        cell fills read and set in batches (multi-area ranges with ExcelApi 1.9)
 *   writeFlags.ts   writeFlags: fills, notes, `_tanda`, `Status Validasi` (plans: flags.ts)
 *   temuanSheet.ts  the `Temuan` sheet staged very hidden and swapped in
 *   clearFlags.ts   clearFlags (*Hapus Tanda*): undoes what the tool wrote
 *   writeSummary.ts writeSummary: the city summary's sheets staged and swapped in (plans: summary.ts)
 *   template.ts     createTemplate: the submission form
 *   stamp.ts        writeStempel: the sign-off chain's very hidden `_stempel` sheet (version 2) and its Riwayat event
 *   history.ts      appendHistory and the Riwayat rows `writeFlags` carries
 *   settings.ts     document settings
 *   events.ts       onRowsChanged: debounced change events for live validation
 *   selection.ts    selectCell
 *   files.ts        fileOffer / openWorkbook: a file the pane made, downloaded or opened as a new workbook
 * Underneath: chunks.ts (payload sizing and sync batching), grid.ts (ranges → grid), errors.ts.
 *
 * Round trips. Validating a sheet is `readSubmission` + `writeFlags` in at most four syncs:
 *   1. read   — the worksheets collection (names, visibility);
 *   2. read   — every sheet's used range (values, number formats, value types) and, with ExcelApi
 *               1.18, the texts of its notes, in one batch;
 *   3. write  — the reads the writes depend on (each cell-to-flag's own fill, the notes there now,
 *               the user's notes located by their place in the collection as read in 2, a fresh
 *               sheet list), together with the new `Temuan` written into a very hidden staging
 *               sheet, which depends on nothing;
 *   4. write  — the rest of the staged `Temuan`, `_tanda` (the remembered fills), restored and new
 *               fills, notes, `Status Validasi`, and the staging sheet renamed over the old `Temuan`
 *               last, so a failure leaves either the old `Temuan` or the new one, never half of it.
 *               Riwayat events passed to `writeFlags` go in here too: a trace before every other
 *               write, the run's own event after the last (its used range is read in 3).
 * One more read happens only when the user's notes changed between 2 and 3, or when Excel returns
 * a fill for merged areas instead of single cells.
 *
 * Payload. Every operation is sized before it is queued (chunks.ts) and a sync is made early only
 * when the next operation would take the request over the 4 MB budget; blocks of rows fill what a
 * sync has left. A 5,000-row sheet fits in the four syncs (about 3.3 MB at most); larger sheets
 * need about one more sync per 3.8 MB of writes. Excel on the web also refuses a response over
 * 5 MB: when reading the whole workbook at once is refused, it is read again in row blocks (more
 * syncs, the same grid).
 *
 * The city summary (`writeSummary`, planned in summary.ts) is written the same way: new sheets very
 * hidden under staging names in budgeted syncs, swapped in by the last one.
 *
 * State. The last read is kept (session.ts) so `writeFlags` needs no re-read.
 *
 * Safety. Only what the tool wrote is undone: a fill is restored only where the tool's colour is
 * still there, a note deleted only when its text is the tool's, a `Status Validasi` cell cleared
 * only while it holds a status text.
 */
import { clearFlags } from './clearFlags';
import { AdapterError } from './errors';
import { onRowsChanged } from './events';
import { fileOffer, openWorkbook } from './files';
import { appendHistory } from './history';
import { ExcelHost, OfficeHost, WorkbookPort } from './port';
import { readRows, readSubmission } from './read';
import { selectCell } from './selection';
import { appendEvidenceRow } from './evidenceRow';
import { createSession } from './session';
import { getSetting, setSetting } from './settings';
import { writeStempel } from './stamp';
import { createTemplate } from './template';
import { writeFlags } from './writeFlags';
import { writeSummary } from './writeSummary';

export { changedRows } from './events';

export interface AdapterOptions {
  /** Quiet time before `onRowsChanged` reports (default 400 ms). */
  readonly debounceMs?: number;
  /** The clock, for `Date.now()`-based staging names (tests). */
  readonly now?: () => number;
}

export function createExcelAdapter(
  excelGlobal?: ExcelHost,
  office?: OfficeHost,
  options: AdapterOptions = {},
): WorkbookPort {
  const debounceMs = options.debounceMs ?? 400;
  const session = createSession(excelGlobal, office, options.now ?? (() => Date.now()));
  return {
    readSubmission: () => readSubmission(session),
    readRows: (sheet, rows) => readRows(session, sheet, rows),
    writeFlags: (validation, lang, history) => writeFlags(session, validation, lang, history),
    writeSummary: (summary, lang, options) => writeSummary(session, summary, lang, options),
    clearFlags: () => clearFlags(session),
    selectCell: (sheet, cell) => selectCell(session, sheet, cell),
    appendEvidenceRow: (write) => appendEvidenceRow(session, write),
    createTemplate: (reference, opd) => createTemplate(session, reference, opd),
    onRowsChanged: (handler, sheet) => onRowsChanged(session, debounceMs, handler, sheet),
    writeStempel: (write, events) => writeStempel(session, write, events),
    appendHistory: (events) => appendHistory(session, events),
    getSetting: <T = unknown>(key: string) => getSetting<T>(session, key),
    setSetting: (key, value) => setSetting(session, key, value),
    displayLanguage: session.lang,
    isSupported: session.supports,
    fileOffer: () => fileOffer(session),
    openWorkbook: (bytes) => openWorkbook(session, bytes),
  };
}

export { AdapterError };
