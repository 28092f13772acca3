/** @jest-environment jsdom */
import './setup';
/** The Konsolidasi tab's feedback per OPD (issue 13): button after a run, progress and Cancel, one download link per OPD. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { FileOffer } from '../../src/addin/port';
import { consolidate } from '../../src/engine/consolidate';
import { feedbackDocuments } from '../../src/engine/feedback';
import { defaultReference } from '../../src/engine/reference/load';
import { validateWorkbook } from '../../src/engine/validate';
import * as documentXlsx from '../../src/xlsx/documentXlsx';
import { readXlsx } from '../../src/xlsx/readXlsx';
import { TODAY, click, panel, renderPane, text } from './fixtures';

const EXAMPLES = path.join(__dirname, '../../examples');
// Two real workbooks read, validated (IID estimate included) and consolidated in jsdom: 4.4 s alone, over
// Jest's 5 s default in a full parallel run on two shared cores. Not a speed claim (that is npm run bench).
jest.setTimeout(20_000);

const NAMES = ['dinkes-2026.xlsx', 'dlh-2026.xlsx'];

const WORDS = {
  id: {
    pick: 'Pilih berkas isian OPD',
    run: 'Konsolidasi',
    make: 'Buat Umpan Balik OPD',
    cancel: 'Batalkan umpan balik',
    cancelled: 'Pembuatan umpan balik dibatalkan.',
    of: 'dari',
  },
  en: {
    pick: 'Choose OPD submission files',
    run: 'Consolidate',
    make: 'Make agency feedback files',
    cancel: 'Cancel feedback',
    cancelled: 'Making feedback files was cancelled.',
    of: 'of',
  },
} as const;

async function example(name: string): Promise<File> {
  return new File([new Uint8Array(await fs.readFile(path.join(EXAMPLES, name)))], name);
}

/** What the engine names the files for the same workbooks (the command line's `--umpan-balik`). */
async function engineFileNames(): Promise<string[]> {
  const reference = defaultReference();
  const inputs = await Promise.all(
    NAMES.map(async (file) => {
      const read = readXlsx(new Uint8Array(await fs.readFile(path.join(EXAMPLES, file))));
      if (!read.ok) throw new Error(`unreadable ${file}`);
      return {
        file,
        size: 1,
        sha256: null,
        validation: validateWorkbook(read.workbook, file, { reference, today: TODAY }),
      };
    }),
  );
  const summary = consolidate(inputs, { reference, today: TODAY, consolidatedAt: '2026-11-28T09:30:00' });
  return feedbackDocuments(summary, { region: reference.daerah.nama, lang: 'id' }).map((d) => d.fileName);
}

let created: Blob[] = [];
let revoked: string[] = [];
beforeEach(() => {
  created = [];
  revoked = [];
  // jsdom has no object URLs.
  Object.defineProperty(URL, 'createObjectURL', {
    configurable: true,
    writable: true,
    value: (b: Blob) => `blob:test/${created.push(b)}`,
  });
  Object.defineProperty(URL, 'revokeObjectURL', {
    configurable: true,
    writable: true,
    value: (u: string) => void revoked.push(u),
  });
});

async function consolidated(language: 'id' | 'en', fileOffer: FileOffer = 'download') {
  const rendered = await renderPane(undefined, { tab: 'konsolidasi', language, fileOffer });
  const files = await Promise.all(NAMES.map(example));
  await act(async () => {
    fireEvent.change(within(panel()).getByLabelText(WORDS[language].pick), { target: { files } });
  });
  expect(within(panel()).queryByRole('button', { name: WORDS[language].make })).toBeNull();
  await act(async () => {
    fireEvent.click(within(panel()).getByRole('button', { name: WORDS[language].run }));
  });
  await screen.findByTestId('results');
  return rendered;
}

const links = () => within(screen.getByTestId('feedback-files')).getAllByRole('link') as HTMLAnchorElement[];

describe('Konsolidasi: feedback per OPD', () => {
  test.each(['id', 'en'] as const)(
    'after a run the button makes one download link per submitted OPD, named as the engine names them (%s)',
    async (language) => {
      await consolidated(language);
      const expected = await engineFileNames();
      expect(expected).toHaveLength(2);
      await click(within(panel()).getByRole('button', { name: WORDS[language].make }));
      await waitFor(() => expect(screen.getByTestId('feedback-files')).toBeTruthy());
      expect(links().map((a) => a.getAttribute('download'))).toEqual(expected);
      expect(links().map((a) => a.textContent)).toEqual(['Dinas Kesehatan', 'Dinas Lingkungan Hidup']);
      expect(links().map((a) => a.getAttribute('href'))).toEqual(['blob:test/1', 'blob:test/2']);
      expect(created.map((b) => b.type)).toEqual(
        Array(2).fill('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
      );
      // The bytes are a workbook with the feedback sheet in the pane's language.
      const read = readXlsx(new Uint8Array(await created[0].arrayBuffer()));
      if (!read.ok) throw new Error('unreadable');
      // The feedback sheet in the pane's language, then its replication sheet (docs/spec/feedback.md §5).
      expect(read.workbook.sheets.map((s) => s.name)).toEqual(
        language === 'id' ? ['Umpan Balik', 'Replikasi'] : ['Feedback', 'Replication'],
      );

      // Made again: the old links are revoked and replaced.
      await click(within(panel()).getByRole('button', { name: WORDS[language].make }));
      await waitFor(() =>
        expect(links().map((a) => a.getAttribute('href'))).toEqual(['blob:test/3', 'blob:test/4']),
      );
      expect(revoked).toEqual(['blob:test/1', 'blob:test/2']);
    },
    20_000,
  ); // two feedback runs with a cold lazy chunk: over 5 s on a loaded machine

  test.each(['id', 'en'] as const)(
    'progress per file, and Cancel stops it: no links, a cancelled notice (%s)',
    async (language) => {
      const { controller } = await consolidated(language);
      const expected = await engineFileNames();
      // The first file's writing waits until the test lets it go.
      const write = documentXlsx.documentXlsxBytes;
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const spy = jest.spyOn(documentXlsx, 'documentXlsxBytes').mockImplementation(async (...args) => {
        await gate;
        return write(...args);
      });
      let run: Promise<void> = Promise.resolve();
      await act(async () => {
        run = controller.makeFeedback();
      });
      await waitFor(() => expect(text(panel())).toContain(`1 ${WORDS[language].of} 2: ${expected[0]}`));
      expect(within(panel()).getByRole('progressbar')).toBeTruthy();
      await act(async () => {
        fireEvent.click(within(panel()).getByRole('button', { name: WORDS[language].cancel }));
        release();
        await run;
      });
      spy.mockRestore();
      await waitFor(() => expect(text(screen.getByTestId('notices'))).toContain(WORDS[language].cancelled));
      expect(screen.queryByTestId('feedback-files')).toBeNull();
      expect(within(panel()).queryByRole('button', { name: WORDS[language].cancel })).toBeNull();
      expect(created).toEqual([]);
    },
  );

  // Issue 22: Excel for Mac and iPad (WKWebView) and Windows (WebView2) drop a download from the pane.
  test('where downloads go nowhere, each file opens as a new workbook instead of a link', async () => {
    const { port } = await consolidated('id', 'newWorkbook');
    await click(within(panel()).getByRole('button', { name: WORDS.id.make }));
    await waitFor(() => expect(screen.getByTestId('feedback-files')).toBeTruthy());
    expect(within(screen.getByTestId('feedback-files')).queryAllByRole('link')).toEqual([]);
    expect(text(panel())).toContain('dibuka sebagai buku kerja baru');
    await click(
      within(screen.getByTestId('feedback-files')).getByRole('button', { name: 'Buka Dinas Kesehatan' }),
    );
    expect(port.openedWorkbooks).toHaveLength(1);
    expect(port.openedWorkbooks[0]).toEqual(new Uint8Array(await created[0].arrayBuffer()));
    const read = readXlsx(port.openedWorkbooks[0]);
    expect(read.ok && read.workbook.sheets.map((s) => s.name)).toEqual(['Umpan Balik', 'Replikasi']);
  });

  test('where neither works (below ExcelApi 1.8 off the web), the pane says what to do and makes nothing', async () => {
    await consolidated('id', 'none');
    await click(within(panel()).getByRole('button', { name: WORDS.id.make }));
    await waitFor(() => expect(text(screen.getByTestId('notices'))).toContain('Excel untuk web'));
    expect(text(screen.getByTestId('notices'))).toContain('inovasi-daerah consolidate --umpan-balik');
    expect(screen.queryByTestId('feedback-files')).toBeNull();
    expect(created).toEqual([]);
  });
});
