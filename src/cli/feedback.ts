/** `consolidate … --umpan-balik DIR`: one feedback workbook per submitted OPD (src/engine/feedback.ts). */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CitySummary } from '../engine/consolidate';
import { FeedbackDocument, feedbackDocuments } from '../engine/feedback';
import { usageError } from './args';
import { CLI_TEXTS } from './texts';
import { Common, Io } from './common';
import { writeDocumentFiles } from './documents';
import { PlannedOutput, checkOutputs, realLocation } from './output';

/** The closing line: how many were written where. */
export function feedbackWritten(lang: Common['lang'], count: number, dir: string): string {
  return `${CLI_TEXTS[lang].feedbackWritten(count, dir)}\n`;
}

/**
 * The option's value, checked before any work: a folder (or a name not yet taken), not inside an
 * input folder — compared by real path, so a link to the input folder is the input folder (the
 * next run over that folder would read the feedback files as submissions).
 */
export async function feedbackDirOption(
  value: string | true | undefined,
  positionals: readonly string[],
): Promise<string | null> {
  if (value === undefined) return null;
  if (typeof value !== 'string') throw usageError((t) => t.usage.feedbackNeedsFolder);
  const existing = await fs.stat(value).catch(() => null);
  if (/\.xlsx$/i.test(value) || (existing && !existing.isDirectory()))
    throw usageError((t) => t.usage.feedbackNotFile(value));
  const target = await realLocation(value);
  for (const p of positionals) {
    const isDir = await fs.stat(p).then(
      (s) => s.isDirectory(),
      () => false,
    );
    const folder = isDir ? await realLocation(p) : null;
    if (folder !== null && (target === folder || target.startsWith(folder + path.sep)))
      throw usageError((t) => t.usage.feedbackInsideInput(value, p));
  }
  return value;
}

/**
 * The documents of `summary`, their paths in `dir` checked as every output is (never over an input,
 * nor over a workbook that is not an earlier feedback file, nor over `others` — the summary and the
 * JSON of the same run) before anything of the run is written.
 */
export async function planFeedbackFiles(
  summary: CitySummary,
  dir: string,
  inputs: readonly string[],
  c: Pick<Common, 'lang' | 'reference'>,
  others: readonly PlannedOutput[] = [],
): Promise<FeedbackDocument[]> {
  const docs = feedbackDocuments(summary, { region: c.reference.daerah.nama, lang: c.lang });
  // One plan with the run's other outputs: a feedback file never lands on the summary or the JSON.
  await checkOutputs(
    docs.map((d) => ({ file: path.join(dir, d.fileName), label: '--umpan-balik', kind: 'feedback' })),
    inputs,
    others,
  );
  return docs;
}

/** Writes the planned documents into `dir` (created when missing), each through a temporary name. */
export async function writeFeedbackFiles(
  summary: CitySummary,
  docs: readonly FeedbackDocument[],
  dir: string,
  c: Pick<Common, 'lang' | 'quiet'>,
  io: Io,
): Promise<void> {
  await writeDocumentFiles(docs, dir, summary.consolidatedAt, CLI_TEXTS[c.lang].writingFeedback, c, io);
}
