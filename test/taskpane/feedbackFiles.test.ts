/** Feedback files made in the pane (src/taskpane/feedbackFiles.ts): the engine's documents, progress, cancel. */
import { consolidate, ConsolidationInput } from '../../src/engine/consolidate';
import { feedbackDocuments } from '../../src/engine/feedback';
import { defaultReference } from '../../src/engine/reference/load';
import { validateWorkbook } from '../../src/engine/validate';
import { FeedbackCancelled, feedbackFiles } from '../../src/taskpane/feedbackFiles';
import { loadFeedbackFiles } from '../../src/taskpane/lazyFeedback';
import { readXlsx } from '../../src/xlsx/readXlsx';
import { TODAY, VALID_IDENTITAS, buildGrid, validRow } from '../helpers/workbook';

const REF = defaultReference();
const identity = (opd: string) =>
  VALID_IDENTITAS.map(([l, v]) => [l, l === 'Perangkat Daerah' ? opd : v] as [string, never]);
const input = (file: string, opd: string): ConsolidationInput => ({
  file,
  size: 1,
  sha256: null,
  validation: validateWorkbook(buildGrid({ identitas: identity(opd), rows: [validRow()] }), file, {
    reference: REF,
    today: TODAY,
  }),
});
const summary = consolidate(
  [input('dinkes.xlsx', 'Dinas Kesehatan'), input('dlh.xlsx', 'Dinas Lingkungan Hidup')],
  {
    reference: REF,
    today: TODAY,
    consolidatedAt: '2026-11-28T09:30:00',
  },
);

test('one workbook per submitted OPD, named and holding what the engine says, with progress', async () => {
  const progress: string[] = [];
  const files = await feedbackFiles(summary, {
    region: 'Kota Bitung',
    lang: 'en',
    onProgress: (n, total, opd) => progress.push(`${n}/${total} ${opd}`),
  });
  const docs = feedbackDocuments(summary, { region: 'Kota Bitung', lang: 'en' });
  expect(files.map((f) => f.fileName)).toEqual(docs.map((d) => d.fileName));
  expect(progress).toEqual(['1/2 Dinas Kesehatan', '2/2 Dinas Lingkungan Hidup']);
  for (const [i, f] of files.entries()) {
    const read = readXlsx(f.bytes);
    if (!read.ok) throw new Error('unreadable');
    expect(read.workbook.sheets.map((s) => s.name)).toEqual(['Feedback', 'Replication']);
    expect(read.workbook.sheets[0].rows[0]?.[0]).toBe(docs[i].title);
  }
});

test('cancel: stops before the next file and offers none', async () => {
  const abort = new AbortController();
  const run = feedbackFiles(summary, {
    region: '',
    lang: 'id',
    signal: abort.signal,
    onProgress: (n) => n === 1 && abort.abort(),
  });
  await expect(run).rejects.toBeInstanceOf(FeedbackCancelled);
});

test('the lazy loader gives the same module', async () => {
  expect((await loadFeedbackFiles()).feedbackFiles).toBe(feedbackFiles);
});
