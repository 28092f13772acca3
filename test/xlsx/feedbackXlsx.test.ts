/**
 * The feedback workbook made in memory (src/xlsx/documentXlsx.ts, what the task pane downloads):
 * read back with the project's reader, it holds the engine's feedback document — the sheet, the OPD,
 * one line per rule and row, in order — and it is byte for byte what the command line writes to a file.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consolidate, ConsolidationInput } from '../../src/engine/consolidate';
import { feedbackDocuments } from '../../src/engine/feedback';
import { defaultReference } from '../../src/engine/reference/load';
import { validateWorkbook } from '../../src/engine/validate';
import { documentRows } from '../../src/engine/document';
import { writeDocumentXlsx as writeFeedbackXlsx } from '../../src/node/documentWriter';
import { documentXlsxBytes as feedbackXlsxBytes } from '../../src/xlsx/documentXlsx';
import { readXlsx } from '../../src/xlsx/readXlsx';
import { TODAY, VALID_IDENTITAS, buildGrid, inisiatifRow, validRow } from '../helpers/workbook';

const REF = defaultReference();
const AT = '2026-11-28T09:30:00';
const identity = (opd: string) =>
  VALID_IDENTITAS.map(([l, v]) => [l, l === 'Perangkat Daerah' ? opd : v] as [string, never]);
const input = (file: string, opd: string, rows: ReturnType<typeof validRow>[]): ConsolidationInput => ({
  file,
  size: 1,
  sha256: null,
  validation: validateWorkbook(buildGrid({ identitas: identity(opd), rows }), file, {
    reference: REF,
    today: TODAY,
  }),
});
const summary = consolidate(
  [
    input('dinkes.xlsx', 'Dinas Kesehatan', [
      validRow(),
      validRow({ 'Nama Inovasi': 'Layanan Antar Obat', 'Anggaran (Rp)': -5 }),
    ]),
    input('dlh.xlsx', 'Dinas Lingkungan Hidup', [
      inisiatifRow({ 'Nama Inovasi': 'Bank Sampah Digital Kelurahan' }),
    ]),
  ],
  { reference: REF, today: TODAY, consolidatedAt: AT },
);

describe('feedback workbook in memory (the task pane)', () => {
  for (const lang of ['id', 'en'] as const) {
    test(`${lang}: the engine's document, read back: sheet, OPD, one line per rule and row; no other OPD`, async () => {
      const docs = feedbackDocuments(summary, { region: 'Kota Bitung', lang });
      expect(docs.map((d) => d.file)).toEqual(['dinkes.xlsx', 'dlh.xlsx']);
      for (const doc of docs) {
        const read = readXlsx(await feedbackXlsxBytes(doc, AT));
        if (!read.ok) throw new Error('unreadable');
        const [sheet] = read.workbook.sheets;
        // The findings sheet, then the replication sheet (the one place another OPD's data appears: docs/spec/feedback.md §5).
        expect(read.workbook.sheets.map((s) => s.name)).toEqual(doc.sheets.map((s) => s.name));
        expect(doc.sheets.map((s) => s.name)).toEqual(
          lang === 'id' ? ['Umpan Balik', 'Replikasi'] : ['Feedback', 'Replication'],
        );
        expect(sheet.name).toBe(doc.sheetName);
        const rows = sheet.rows.map((r) => r ?? []);
        expect(rows[0][0]).toBe(doc.title);
        const about = Object.fromEntries(rows.slice(1, doc.about.length + 1).map((r) => [r[0], r[1]]));
        expect(about[lang === 'id' ? 'Perangkat Daerah' : 'Agency']).toBe(doc.opdName ?? undefined);
        expect(rows[doc.headerRow - 1]).toEqual([...doc.columns]);
        const body = rows.slice(doc.headerRow, doc.headerRow + doc.rows.length);
        // One line per rule and row: every finding's id once, in order, in the last column.
        expect(body.flatMap((r) => String(r[r.length - 1]).split(' '))).toEqual(
          doc.findings.map((f) => f.id),
        );
        expect(body.map((r) => r[2])).toEqual(doc.rows.map((r) => r[2]));
        expect(rows.length).toBe(documentRows(doc.sheets[0]).rows.length);
        const other = docs.find((d) => d !== doc)!;
        expect(JSON.stringify(rows)).not.toContain(other.file);
      }
    });
  }

  test('the same bytes as the command line writes (one writer for both shells)', async () => {
    const [doc] = feedbackDocuments(summary, { region: 'Kota Bitung', lang: 'id' });
    const dir = mkdtempSync(join(tmpdir(), 'umpan-'));
    try {
      await writeFeedbackXlsx(doc, join(dir, doc.fileName), AT);
      const fromFile = readXlsx(new Uint8Array(readFileSync(join(dir, doc.fileName))));
      const inMemory = readXlsx(await feedbackXlsxBytes(doc, AT));
      // Node's zlib and fflate may deflate differently: the content is compared.
      expect(inMemory).toEqual(fromFile);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
