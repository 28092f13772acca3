/** `consolidate … --umpan-balik DIR`: one feedback workbook per submitted OPD (src/engine/feedback.ts). */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CitySummary } from '../engine/consolidate';
import { FeedbackDocument, feedbackDocuments } from '../engine/feedback';
import { writeFeedbackXlsx } from '../node/feedbackWriter';
import { UsageError } from './args';
import { Common, Io } from './common';
import { PlannedOutput, checkOutputs, realLocation, writeAtomically } from './output';

const WORDS = {
  id: { writing: 'Menulis umpan balik', written: (n: number, dir: string) => `${n} umpan balik OPD ditulis ke ${dir}` },
  en: { writing: 'Writing feedback', written: (n: number, dir: string) => `${n} agency feedback files written to ${dir}` },
} as const;

/** The closing line: how many were written where. */
export function feedbackWritten(lang: Common['lang'], count: number, dir: string): string {
  return `${WORDS[lang].written(count, dir)}\n`;
}

/**
 * The option's value, checked before any work: a folder (or a name not yet taken), not inside an
 * input folder — compared by real path, so a link to the input folder is the input folder (the
 * next run over that folder would read the feedback files as submissions).
 */
export async function feedbackDirOption(value: string | true | undefined, positionals: readonly string[]): Promise<string | null> {
  if (value === undefined) return null;
  if (typeof value !== 'string') throw new UsageError('--umpan-balik memerlukan nama folder.', '--umpan-balik needs a folder name.');
  const existing = await fs.stat(value).catch(() => null);
  if (/\.xlsx$/i.test(value) || (existing && !existing.isDirectory()))
    throw new UsageError(`--umpan-balik memerlukan folder, bukan berkas ${value}.`, `--umpan-balik needs a folder, not the file ${value}.`);
  const target = await realLocation(value);
  for (const p of positionals) {
    const isDir = await fs.stat(p).then((s) => s.isDirectory(), () => false);
    const folder = isDir ? await realLocation(p) : null;
    if (folder !== null && (target === folder || target.startsWith(folder + path.sep)))
      throw new UsageError(
        `--umpan-balik ${value} ada di dalam folder masukan ${p}; pilih folder lain.`,
        `--umpan-balik ${value} lies inside the input folder ${p}; choose another folder.`,
      );
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
  const w = WORDS[c.lang];
  for (const [i, doc] of docs.entries()) {
    if (io.progress && !c.quiet) io.stderr(`\r${w.writing} [${i + 1}/${docs.length}] ${doc.fileName}\x1b[K`);
    await writeAtomically(path.join(dir, doc.fileName), (tmp) => writeFeedbackXlsx(doc, tmp, summary.consolidatedAt));
  }
  if (io.progress && !c.quiet && docs.length) io.stderr('\r\x1b[K');
}
