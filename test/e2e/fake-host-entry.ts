/**
 * Browser entry of the end-to-end harness (bundled by test/e2e/run-e2e.js, loaded before the
 * production task pane): installs the fake Excel host as `window.Office` and `window.Excel`.
 *
 * For the runner's assertions it exposes `window.__fakeWorkbook` (the document: sheets, cells,
 * fills, tables, selection…) and `window.__fakeExcel` (the whole fake: sync stats, setEditing,
 * fireChange…); for seeding the fake from the sample workbooks, `window.__e2e.readXlsx` (the
 * project's .xlsx reader).
 *
 * Query parameters of the harness page: `lang` (Office display language, default id-ID) and
 * `api` (highest supported ExcelApi set, default the fake's 1.18), e.g. `harness.html?lang=en-US&api=1.7`.
 */
import { readXlsx } from '../../src/xlsx/readXlsx';
import { createFakeExcel, installFakeOffice, FakeExcel, HostWorkbook } from '../fake-excel';

// Not a global declaration: the test globals must not leak into the task pane's types.
const harnessWindow = window as unknown as Window & {
  __fakeExcel: FakeExcel;
  __fakeWorkbook: HostWorkbook;
  __e2e: { readXlsx: typeof readXlsx };
};

const params = new URLSearchParams(window.location.search);
const fake = createFakeExcel({
  displayLanguage: params.get('lang') ?? undefined,
  apiVersion: params.get('api') ?? undefined,
});
installFakeOffice(harnessWindow, fake);
harnessWindow.__fakeExcel = fake;
harnessWindow.__fakeWorkbook = fake.workbook;
harnessWindow.__e2e = { readXlsx };
