/** What the task pane's source promises: a lazy .xlsx reader, Office only at the entry, two matching catalogues. */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { type UiKey, translator, uiKeys } from '../../src/taskpane/i18n';

const DIR = path.join(__dirname, '../../src/taskpane');

function sources(dir = DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

const read = (file: string) => readFileSync(file, 'utf8');
const rel = (file: string) => path.relative(DIR, file).split(path.sep).join('/');

describe('the task pane source', () => {
  test('the .xlsx reader is loaded with a dynamic import, so it is not in the initial bundle', () => {
    const src = read(path.join(DIR, 'lazyXlsx.ts'));
    expect(src).toMatch(/import\(['"].*xlsx\/readXlsx['"]\)/);
  });

  test('no file imports the .xlsx reader statically', () => {
    for (const file of sources()) {
      const staticImports =
        read(file).match(/^\s*(?:import|export)\b(?!\s+type\b)[^;]*?from\s+['"][^'"]*\/xlsx\/[^'"]*['"]/gm) ??
        [];
      expect({ file: rel(file), staticImports }).toEqual({ file: rel(file), staticImports: [] });
    }
  });

  test('only index.tsx touches the Office globals, and nothing calls Excel.run', () => {
    for (const file of sources()) {
      const text = read(file).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect({ file: rel(file), excel: /\bExcel\s*\./.test(text) }).toEqual({
        file: rel(file),
        excel: false,
      });
      if (rel(file) !== 'index.tsx')
        expect({ file: rel(file), office: /\bOffice\s*\./.test(text) }).toEqual({
          file: rel(file),
          office: false,
        });
    }
  });

  test('Indonesian and English catalogues have the same keys and no empty text', () => {
    expect(uiKeys('en').sort()).toEqual(uiKeys('id').sort());
    for (const lang of ['id', 'en'] as const) {
      const t = translator(lang);
      for (const key of uiKeys(lang))
        expect({ lang, key, empty: t(key as UiKey, { pesan: 'x' }).trim() === '' }).toEqual({
          lang,
          key,
          empty: false,
        });
    }
  });
});
