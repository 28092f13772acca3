/** `consolidate … --umpan-balik DIR`: one feedback workbook per submitted OPD (src/engine/feedback.ts). */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CitySummary } from '../engine/consolidate';
import { FeedbackDocument, feedbackDocuments } from '../engine/feedback';
import { UsageError } from './args';
import { Common, Io } from './common';
import { writeDocumentFiles } from './documents';
import { checkOutputs } from './output';

const WORDS = {
  id: { writing: 'Menulis umpan balik', written: (n: number, dir: string) => `${n} umpan balik OPD ditulis ke ${dir}` },
  en: { writing: 'Writing feedback', written: (n: number, dir: string) => `${n} agency feedback files written to ${dir}` },
} as const;

/** The closing line: how many were written where. */
export function feedbackWritten(lang: Common['lang'], count: number, dir: string): string {
  return `${WORDS[lang].written(count, dir)}\n`;
}

/**
 * The option's value, checked before any work: a folder name, not inside an input folder (the
 * next run over that folder would read the feedback files as submissions).
 */
export async function feedbackDirOption(value: string | true | undefined, positionals: readonly string[]): Promise<string | null> {
  if (value === undefined) return null;
  if (typeof value !== 'string') throw new UsageError('--umpan-balik memerlukan nama folder.', '--umpan-balik needs a folder name.');
  if (/\.xlsx$/i.test(value)) throw new UsageError(`--umpan-balik memerlukan folder, bukan berkas ${value}.`, `--umpan-balik needs a folder, not the file ${value}.`);
  const target = path.resolve(value);
  for (const p of positionals) {
    const folder = path.resolve(p);
    const isDir = await fs.stat(folder).then((s) => s.isDirectory(), () => false);
    if (isDir && (target === folder || target.startsWith(folder + path.sep)))
      throw new UsageError(
        `--umpan-balik ${value} ada di dalam folder masukan ${p}; pilih folder lain.`,
        `--umpan-balik ${value} lies inside the input folder ${p}; choose another folder.`,
      );
  }
  return value;
}

/**
 * The documents of `summary`, their paths in `dir` checked as every output is (never over an input,
 * nor over a workbook that is not an earlier feedback file) before anything of the run is written.
 */
export async function planFeedbackFiles(
  summary: CitySummary,
  dir: string,
  inputs: readonly string[],
  c: Pick<Common, 'lang' | 'reference'>,
): Promise<FeedbackDocument[]> {
  const docs = feedbackDocuments(summary, { region: c.reference.daerah.nama, lang: c.lang });
  await checkOutputs(
    docs.map((d) => ({ file: path.join(dir, d.fileName), label: '--umpan-balik', kind: 'feedback' })),
    inputs,
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
  await writeDocumentFiles(docs, dir, summary.consolidatedAt, WORDS[c.lang].writing, c, io);
}
