import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ReadFailureCause } from '../../src/xlsx/readXlsx';
import { readXlsx } from '../../src/xlsx/readXlsx';

interface BadFile {
  name: string;
  file: string;
  cause: ReadFailureCause;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generateBadFiles } = require('../../scripts/generate-bad-files.js') as {
  generateBadFiles(dir: string): BadFile[];
};

const MAX_MS_PER_FILE = 5000;

describe('the generated corpus of bad files', () => {
  let folder: string;
  let corpus: BadFile[];

  beforeAll(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'inovasi-bad-files-'));
    corpus = generateBadFiles(folder);
  });

  afterAll(() => {
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('holds every kind of bad input, each file small', () => {
    expect(corpus.map((f) => f.name).sort()).toEqual(
      [
        'empty.xlsx',
        'encrypted.xlsx',
        'entity-expansion.xlsx',
        'legacy.xls',
        'no-worksheet.xlsx',
        'renamed-csv.xlsx',
        'renamed-pdf.xlsx',
        'text.xlsx',
        'truncated.xlsx',
        'zip-bomb-lying.xlsx',
        'zip-bomb.xlsx',
      ].sort(),
    );
    for (const { file } of corpus) expect(fs.statSync(file).size).toBeLessThan(1024 * 1024);
  });

  it('gives each file its expected cause, quickly', () => {
    for (const { name, file, cause } of corpus) {
      const started = Date.now();
      const result = readXlsx(new Uint8Array(fs.readFileSync(file)));
      const elapsed = Date.now() - started;
      expect({ name, cause: result.ok ? 'read' : result.cause }).toEqual({ name, cause });
      expect({ name, elapsed: elapsed < MAX_MS_PER_FILE }).toEqual({ name, elapsed: true });
    }
  });

  it('names the kind of a renamed file and the reason of a refused one', () => {
    const detailOf = (name: string) => {
      const result = readXlsx(new Uint8Array(fs.readFileSync(path.join(folder, name))));
      return result.ok ? undefined : result.detail;
    };
    expect(detailOf('renamed-csv.xlsx')).toBe('CSV/teks');
    expect(detailOf('renamed-pdf.xlsx')).toBe('PDF');
    expect(detailOf('zip-bomb.xlsx')).toBe('302 MB > 300 MB'); // refused on its declared size
    expect(detailOf('zip-bomb-lying.xlsx')).toBe('> 300 MB'); // caught while inflating
    expect(detailOf('entity-expansion.xlsx')).toMatch(/DTD/);
  });
});
