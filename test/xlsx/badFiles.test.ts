import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { validateFile } from '../../src/cli/inputs';
import { findingMessage } from '../../src/engine/messages';
import { defaultReference } from '../../src/engine/reference/load';
import type { ReadFailure, ReadFailureCause, ReadSuccess } from '../../src/xlsx/readXlsx';
import { readXlsx } from '../../src/xlsx/readXlsx';
import { useRawInflate } from '../../src/xlsx/zip';
import { nodeRawInflate } from '../../src/cli/nativeInflate';
import { collectGarbage, MB } from './memory';

interface BadFile {
  name: string;
  file: string;
  cause: ReadFailureCause;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generateBadFiles } = require('../../scripts/generate-bad-files.js') as {
  generateBadFiles(dir: string): BadFile[];
};

/**
 * Growth of the resident set while one file is refused; the zip bombs expand to ~300 MB. Memory,
 * unlike time, does not depend on how busy the machine is: no test here has a wall-clock limit
 * (a file that hangs the reader still fails, on Jest's timeout). Times are printed with LIMITS_REPORT=1.
 */
const MAX_RSS_GROWTH = 400 * MB;

/** Jest's own limit, only to end a hang: generous, since a busy machine may be many times slower. */
const HANG_MS = 300_000;

/** The cause and detail of a read, as one comparable value. */
const outcome = (r: ReadSuccess | ReadFailure) => (r.ok ? 'read' : `${r.cause}: ${r.detail ?? ''}`);

/** Time and memory of one refusal, printed when LIMITS_REPORT is set (each test prints its own). */
function report(line: string): void {
  if (process.env.LIMITS_REPORT) console.log(line);
}

/**
 * What a person reads for each file, in both languages: the KON-03 message with its cause. A
 * password-protected file must never be called an old .xls, and each cause names what is wrong.
 */
const EXPECTED: [name: string, cause: ReadFailureCause, id: string, en: string][] = [
  [
    'legacy.xls',
    'legacyXls',
    'Berkas tidak dapat dibaca: format Excel lama (.xls), bukan .xlsx; simpan ulang sebagai .xlsx.',
    'The file cannot be read: an old Excel format (.xls), not .xlsx; save it again as .xlsx.',
  ],
  [
    'encrypted.xlsx',
    'encrypted',
    'Berkas tidak dapat dibaca: berkas dilindungi kata sandi (terenkripsi).',
    'The file cannot be read: the workbook is protected with a password (encrypted).',
  ],
  [
    'renamed-csv.xlsx',
    'notXlsx',
    'Berkas tidak dapat dibaca: bukan berkas Excel .xlsx (CSV/teks).',
    'The file cannot be read: not an Excel .xlsx file (CSV/text).',
  ],
  [
    'renamed-pdf.xlsx',
    'notXlsx',
    'Berkas tidak dapat dibaca: bukan berkas Excel .xlsx (berkas PDF).',
    'The file cannot be read: not an Excel .xlsx file (a PDF file).',
  ],
  [
    'text.xlsx',
    'notXlsx',
    'Berkas tidak dapat dibaca: bukan berkas Excel .xlsx (CSV/teks).',
    'The file cannot be read: not an Excel .xlsx file (CSV/text).',
  ],
  [
    'truncated.xlsx',
    'corrupt',
    'Berkas tidak dapat dibaca: berkas .xlsx rusak atau tidak lengkap (rincian teknis: zip end record missing (truncated file?)).',
    'The file cannot be read: the .xlsx file is damaged or incomplete (technical detail: zip end record missing (truncated file?)).',
  ],
  [
    'empty.xlsx',
    'empty',
    'Berkas tidak dapat dibaca: berkas kosong (0 bait).',
    'The file cannot be read: the file is empty (0 bytes).',
  ],
  [
    'zip-bomb.xlsx',
    'expandsTooLarge',
    'Berkas tidak dapat dibaca: isi berkas terlalu besar setelah diekstrak (302 MB > 300 MB).',
    'The file cannot be read: the file expands to more data than allowed when unpacked (302 MB > 300 MB).',
  ],
  [
    'zip-bomb-lying.xlsx',
    'expandsTooLarge',
    'Berkas tidak dapat dibaca: isi berkas terlalu besar setelah diekstrak (> 300 MB).',
    'The file cannot be read: the file expands to more data than allowed when unpacked (> 300 MB).',
  ],
  [
    'entity-expansion.xlsx',
    'corrupt',
    'Berkas tidak dapat dibaca: berkas .xlsx rusak atau tidak lengkap (rincian teknis: DTD declaration in an xlsx part).',
    'The file cannot be read: the .xlsx file is damaged or incomplete (technical detail: DTD declaration in an xlsx part).',
  ],
  [
    'no-worksheet.xlsx',
    'noWorksheet',
    'Berkas tidak dapat dibaca: buku kerja tidak berisi lembar kerja.',
    'The file cannot be read: the workbook contains no worksheet.',
  ],
  [
    'too-many-cells.xlsx',
    'tooManyCells',
    'Berkas tidak dapat dibaca: lembar kerja berisi terlalu banyak sel (lebih dari 5.000.000).',
    'The file cannot be read: the worksheets hold too many cells (more than 5,000,000).',
  ],
  [
    'biff2.xls',
    'legacyXls',
    'Berkas tidak dapat dibaca: format Excel lama (.xls), bukan .xlsx; simpan ulang sebagai .xlsx.',
    'The file cannot be read: an old Excel format (.xls), not .xlsx; save it again as .xlsx.',
  ],
  [
    'biff3.xls',
    'legacyXls',
    'Berkas tidak dapat dibaca: format Excel lama (.xls), bukan .xlsx; simpan ulang sebagai .xlsx.',
    'The file cannot be read: an old Excel format (.xls), not .xlsx; save it again as .xlsx.',
  ],
  [
    'biff4.xls',
    'legacyXls',
    'Berkas tidak dapat dibaca: format Excel lama (.xls), bukan .xlsx; simpan ulang sebagai .xlsx.',
    'The file cannot be read: an old Excel format (.xls), not .xlsx; save it again as .xlsx.',
  ],
  [
    'encrypted-legacy.xls',
    'encrypted',
    'Berkas tidak dapat dibaca: berkas dilindungi kata sandi (terenkripsi).',
    'The file cannot be read: the workbook is protected with a password (encrypted).',
  ],
  [
    'duplicate-entry.xlsx',
    'corrupt',
    'Berkas tidak dapat dibaca: berkas .xlsx rusak atau tidak lengkap (rincian teknis: duplicate zip entry: xl/worksheets/sheet1.xml).',
    'The file cannot be read: the .xlsx file is damaged or incomplete (technical detail: duplicate zip entry: xl/worksheets/sheet1.xml).',
  ],
];

describe('the generated corpus of bad files', () => {
  // The corpus is written once and only read by the tests; no test depends on another's results.
  let folder: string;
  let corpus: BadFile[];
  const options = { reference: defaultReference(), today: '2026-11-28' };
  const read = (name: string) => readXlsx(new Uint8Array(fs.readFileSync(path.join(folder, name))));

  beforeAll(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'inovasi-bad-files-'));
    corpus = generateBadFiles(folder);
  }, HANG_MS);

  afterAll(() => {
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('holds every kind of bad input, each file small', () => {
    expect(corpus.map((f) => f.name).sort()).toEqual(EXPECTED.map(([name]) => name).sort());
    for (const { name, cause } of corpus)
      expect([name, cause]).toEqual(EXPECTED.find(([n]) => n === name)!.slice(0, 2));
    for (const { file } of corpus) expect(fs.statSync(file).size).toBeLessThan(1024 * 1024);
  });

  // One read per file for both checks (the slow files take seconds each).
  it(
    'gives each file its expected cause from the reader, and names the kind of a renamed file and the reason of a refused one',
    () => {
      const DETAILS: Record<string, string | RegExp> = {
        'renamed-csv.xlsx': 'CSV/teks',
        'renamed-pdf.xlsx': 'PDF',
        'zip-bomb.xlsx': '302 MB > 300 MB', // refused on its declared size
        'zip-bomb-lying.xlsx': '> 300 MB', // caught while inflating
        'entity-expansion.xlsx': /DTD/,
        'too-many-cells.xlsx': '5000000',
      };
      for (const { name, cause } of corpus) {
        const result = read(name);
        expect({ name, cause: result.ok ? 'read' : result.cause }).toEqual({ name, cause });
        const detail = DETAILS[name];
        if (detail !== undefined)
          expect({ name, detail: result.ok ? undefined : result.detail }).toEqual({
            name,
            detail: typeof detail === 'string' ? detail : expect.stringMatching(detail),
          });
      }
    },
    HANG_MS,
  );

  // The table of file → cause, as the command line reports it (validateFile → one KON-03).
  it.each(EXPECTED)(
    '%s → %s: one KON-03 through the command line path',
    async (name, cause, id, en) => {
      collectGarbage();
      const rssBefore = process.memoryUsage().rss;
      const started = Date.now();
      const { validation, bytes } = await validateFile(path.join(folder, name), options);
      const elapsed = Date.now() - started;
      const rssGrowth = process.memoryUsage().rss - rssBefore;
      report(`${name}\t${cause}\t${elapsed} ms\t+${Math.round(rssGrowth / MB)} MB rss`);

      expect(validation.findings).toHaveLength(1);
      const [finding] = validation.findings;
      expect({ rule: finding.rule, severity: finding.severity, kode: finding.params.kode }).toEqual({
        rule: 'KON-03',
        severity: 'error',
        kode: cause,
      });
      expect(findingMessage(finding, 'id')).toBe(id);
      expect(findingMessage(finding, 'en')).toBe(en);
      expect(validation.submission).toBeNull();
      expect(bytes === null || bytes.length < MB).toBe(true);
      expect(rssGrowth).toBeLessThan(MAX_RSS_GROWTH);
    },
    HANG_MS,
  );

  it(
    'gives each file the same cause and detail with the native inflater the command line installs, in bounded memory',
    () => {
      for (const { name } of corpus) {
        const portable = read(name); // fflate, the reader's own inflater
        collectGarbage();
        const rssBefore = process.memoryUsage().rss;
        const started = Date.now();
        useRawInflate(nodeRawInflate);
        let native: ReadSuccess | ReadFailure;
        try {
          native = read(name);
        } finally {
          useRawInflate(null);
        }
        const rssGrowth = process.memoryUsage().rss - rssBefore;
        report(`${name}\tnative inflate\t${Date.now() - started} ms\t+${Math.round(rssGrowth / MB)} MB rss`);
        expect({ name, outcome: outcome(native) }).toEqual({ name, outcome: outcome(portable) });
        expect({ name, bounded: rssGrowth < MAX_RSS_GROWTH }).toEqual({ name, bounded: true });
      }
    },
    HANG_MS,
  );

  it('words each cause specifically: a password is not an old .xls, a renamed file is not damaged', () => {
    const message = (name: string, lang: 0 | 1) => EXPECTED.find(([n]) => n === name)![lang === 0 ? 2 : 3];
    expect(message('encrypted.xlsx', 0)).toContain('kata sandi');
    expect(message('encrypted-legacy.xls', 1)).toContain('password');
    for (const old of ['biff2.xls', 'biff3.xls', 'biff4.xls'])
      expect(message(old, 1)).toContain('old Excel format');
    expect(message('encrypted.xlsx', 1)).toContain('password');
    for (const lang of [0, 1] as const) {
      expect(message('encrypted.xlsx', lang)).not.toContain('.xls');
      expect(message('legacy.xls', lang)).toContain('.xls)');
      for (const renamed of ['renamed-csv.xlsx', 'renamed-pdf.xlsx', 'text.xlsx']) {
        expect(message(renamed, lang)).toMatch(/(bukan berkas Excel|not an Excel) \.xlsx/);
        expect(message(renamed, lang)).not.toMatch(/rusak|damaged|kata sandi|password/);
      }
    }
  });
});
