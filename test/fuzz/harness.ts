/**
 * What every input must end in, fuzzed or replayed: a report, or one KON-03 with a cause in both
 * languages; never an exception, never a reader bug hidden as "corrupt", within 5 seconds.
 */
import { validateBytes } from '../../src/cli/inputs';
import { findingMessage } from '../../src/engine/messages';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { withStampFinding } from '../../src/engine/audit';
import { parseReferenceJson } from '../../src/engine/reference/load';
import { Reference } from '../../src/engine/reference/model';
import { buildReport, type ValidationReport } from '../../src/engine/report';
import { READ_FAILURE_CAUSES, readXlsxUnguarded, type ReadFailureCause } from '../../src/xlsx/readXlsx';
import { nodeRawInflate } from '../../src/cli/nativeInflate';
import { useRawInflate } from '../../src/xlsx/zip';

export const MAX_MS_PER_INPUT = 5000;

/**
 * The reference of the examples: the sample with a 2026 schedule in Asia/Makassar, so every input
 * also runs the schedule and its day arithmetic (a stamp dated in year 10000 once crashed it).
 */
function scheduledReference(): Reference {
  const json: unknown = JSON.parse(
    readFileSync(path.join(__dirname, '..', '..', 'examples', 'referensi-2026.json'), 'utf8'),
  );
  const loaded = parseReferenceJson(json);
  if (!loaded.ok) throw new Error('examples/referensi-2026.json does not load');
  return loaded.reference;
}

export const FUZZ_REFERENCE = scheduledReference();
const OPTIONS = { reference: FUZZ_REFERENCE, today: '2026-11-28' };
/** A KON-03 message is a sentence a person reads: short, printable, whatever the file holds. */
const MAX_MESSAGE_CHARS = 260;
const UNPRINTABLE = /[\p{Cc}\p{Cs}\uFFFD]/u;

const CAUSES: readonly ReadFailureCause[] = READ_FAILURE_CAUSES;

export interface Outcome {
  /** `report` (the workbook was read and validated) or the KON-03 cause. */
  readonly kind: 'report' | ReadFailureCause;
  readonly ms: number;
  /** What is wrong, when something is: an exception (with where it was thrown) or a broken promise. */
  readonly problem: string | null;
}

/**
 * What is wrong with the two reports (Indonesian, English) of one validated input, or null: each
 * holds the one file under its name, counts what its findings say, and differs from the other only
 * in wording — the same findings (ids, rules, cells), each with a message to show.
 */
export function reportProblem(reports: readonly ValidationReport[], name: string): string | null {
  for (const report of reports) {
    if (report.files.length !== 1 || report.files[0].file !== name || report.stats.files !== 1)
      return `${report.lang} report: not one file named ${name}`;
    const [file] = report.files;
    const open = (severity: string) =>
      file.findings.filter((f) => f.severity === severity && f.status === 'open').length;
    const counted = { errors: open('error'), warnings: open('warning'), infos: open('info') };
    if (
      file.stats.errors !== counted.errors ||
      file.stats.warnings !== counted.warnings ||
      file.stats.infos !== counted.infos
    )
      return `${report.lang} report: stats ${JSON.stringify(file.stats)} for findings ${JSON.stringify(counted)}`;
    if (report.valid !== (counted.errors === 0) || file.valid !== report.valid)
      return `${report.lang} report: valid is ${String(report.valid)} with ${counted.errors} open errors`;
    const unshown = file.findings.find((f) => typeof f.message !== 'string' || f.message.trim() === '');
    if (unshown) return `${report.lang} report: ${unshown.rule} at ${String(unshown.cell)} has no message`;
  }
  const what = (r: ValidationReport) =>
    r.files[0].findings.map((f) => `${f.id} ${f.rule} ${String(f.cell)}`).join(', ');
  if (what(reports[0]) !== what(reports[1]))
    return 'the Indonesian and English reports hold different findings';
  return null;
}

function describeError(stage: string, e: unknown): string {
  if (!(e instanceof Error)) return `${stage} threw ${String(e)}`;
  const frame =
    e.stack
      ?.split('\n')
      .find((l) => l.includes('/src/'))
      ?.trim() ?? '';
  return `${stage} threw ${e.name}: ${e.message.substring(0, 200)} ${frame}`;
}

/** Reads and validates `bytes` as the command line does, and checks the outcome. */
export function checkInput(bytes: Uint8Array, name = 'fuzz.xlsx'): Outcome {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let kind: Outcome['kind'];
  let portable: string;
  try {
    // The reader without its catch-all: an error it did not foresee is a bug to fix, even though
    // readXlsx would call it "corrupt".
    const read = readXlsxUnguarded(bytes);
    kind = read.ok ? 'report' : read.cause;
    portable = read.ok ? JSON.stringify(read.workbook) : read.cause;
  } catch (e) {
    return { kind: 'corrupt', ms: elapsed(), problem: describeError('readXlsx', e) };
  }
  // The command line inflates with Node's zlib: it must read every input exactly as fflate does.
  try {
    useRawInflate(nodeRawInflate);
    const read = readXlsxUnguarded(bytes);
    const native = read.ok ? JSON.stringify(read.workbook) : read.cause;
    if (native !== portable)
      return {
        kind,
        ms: elapsed(),
        problem: `native inflate read ${read.ok ? 'a different workbook' : read.cause}, fflate ${kind}`,
      };
  } catch (e) {
    return { kind, ms: elapsed(), problem: describeError('readXlsx (native inflate)', e) };
  } finally {
    useRawInflate(null);
  }
  try {
    // With KON-04 too, as consolidate and audit add it (it dates the stamps an edit broke).
    const validation = withStampFinding(validateBytes(bytes, name, OPTIONS), OPTIONS.reference);
    // Through JSON, as the command line prints it.
    const reports = (['id', 'en'] as const).map(
      (lang) =>
        JSON.parse(JSON.stringify(buildReport([validation], { ...OPTIONS, lang }))) as ValidationReport,
    );
    const kon03 = validation.findings.filter((f) => f.rule === 'KON-03');
    let problem: string | null = null;
    if (kind === 'report') {
      if (validation.submission === null || kon03.length > 0) problem = 'a readable workbook got KON-03';
    } else {
      const messages = kon03.map((f) => [findingMessage(f, 'id'), findingMessage(f, 'en')]);
      if (validation.findings.length !== 1 || kon03.length !== 1)
        problem = `${kind}: not exactly one finding, KON-03`;
      else if (kon03[0].params.kode !== kind || !CAUSES.includes(kind))
        problem = `KON-03 with cause ${String(kon03[0].params.kode)}, read ${kind}`;
      else if (messages[0].some((m) => /\{sebab/.test(m) || m.length < 30))
        problem = `KON-03 message not rendered: ${messages[0].join(' / ')}`;
      else if (messages[0].some((m) => m.length > MAX_MESSAGE_CHARS || UNPRINTABLE.test(m)))
        problem = `KON-03 message not fit to show: ${messages[0].join(' / ')}`;
    }
    if (!problem) problem = reportProblem(reports, name);
    const ms = elapsed();
    if (!problem && ms > MAX_MS_PER_INPUT) problem = `took ${ms} ms`;
    return { kind, ms, problem };
  } catch (e) {
    return { kind, ms: elapsed(), problem: describeError('validate/report', e) };
  }
}
