/**
 * The user guide (docs/panduan/, issue 25): every image a page names is one the browser test takes
 * (test/e2e/guide-shots.js) and is committed; every image listed or committed is named by a page;
 * and the browser test calls guide('<name>') for every listed name, so a step renamed or dropped
 * fails here or in `npm run test:e2e`, never orphaning an image silently.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { GUIDE_DIR, GUIDE_SHOTS } = require('../e2e/guide-shots.js') as {
  GUIDE_DIR: string;
  GUIDE_SHOTS: Record<string, string>;
};
const PANDUAN = path.join(ROOT, 'docs/panduan');
const pages = readdirSync(PANDUAN).filter((f) => f.endsWith('.md'));
const listed = Object.keys(GUIDE_SHOTS);

/** Every image a page names: `![…](gambar/<name>.png)`, as [page, relative path]. */
function imagesNamed(): [string, string][] {
  return pages.flatMap((page) =>
    [...readFileSync(path.join(PANDUAN, page), 'utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map(
      (m): [string, string] => [page, m[1]],
    ),
  );
}

const shotName = (rel: string): string | null => /^gambar\/([a-z0-9-]+)\.png$/.exec(rel)?.[1] ?? null;

describe('docs/panduan', () => {
  test('one page per role, and an index linking to each', () => {
    expect(pages.sort()).toEqual([
      'README.md',
      'auditor-verifikator.md',
      'perencana-bappeda.md',
      'staf-opd.md',
    ]);
    const index = readFileSync(path.join(PANDUAN, 'README.md'), 'utf8');
    for (const page of pages.filter((p) => p !== 'README.md')) expect(index).toContain(`](${page})`);
  });

  test('the images live where the browser test writes them', () => {
    expect(path.join(ROOT, GUIDE_DIR)).toBe(path.join(PANDUAN, 'gambar'));
  });

  test('every image a page names is a guide shot of the browser test, and is committed', () => {
    const named = imagesNamed();
    expect(named.length).toBeGreaterThanOrEqual(listed.length);
    const wrong = named.filter(([, rel]) => {
      const name = shotName(rel);
      return name === null || !listed.includes(name) || !existsSync(path.join(PANDUAN, rel));
    });
    expect(wrong).toEqual([]);
  });

  test('every guide shot is named by a page, and no image in gambar/ is left over', () => {
    const named = new Set(imagesNamed().map(([, rel]) => shotName(rel)));
    expect(listed.filter((name) => !named.has(name))).toEqual([]);
    const files = readdirSync(path.join(PANDUAN, 'gambar'));
    expect(files.filter((f) => !listed.includes(f.replace(/\.png$/, '')))).toEqual([]);
  });

  test("the browser test takes every guide shot (guide('<name>') in run-e2e.js), and names no other", () => {
    const source = readFileSync(path.join(ROOT, 'test/e2e/run-e2e.js'), 'utf8');
    const taken = [...source.matchAll(/\bguide\('([a-z0-9-]+)'/g)].map((m) => m[1]);
    expect([...new Set(taken)].sort()).toEqual([...listed].sort());
  });

  test("each step's image is a PNG no wider than the pane (320 px)", () => {
    for (const name of listed) {
      const bytes = readFileSync(path.join(PANDUAN, 'gambar', `${name}.png`));
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(bytes.readUInt32BE(16)).toBeLessThanOrEqual(320);
    }
  });
});

describe("the pane's help (assets/bantuan.html)", () => {
  const html = readFileSync(path.join(ROOT, 'assets/bantuan.html'), 'utf8');

  test('in Indonesian, one section per role of the guide, pointing at docs/panduan/', () => {
    expect(html).toContain('<html lang="id">');
    expect(html).toContain('docs/panduan/');
    for (const page of pages) expect(html).toContain(page);
    expect(html).not.toMatch(/lihat README proyek/);
  });

  test('its images are guide shots (copied to dist/panduan/gambar/ by webpack)', () => {
    const images = [...html.matchAll(/<img[^>]*\ssrc="panduan\/gambar\/([a-z0-9-]+)\.png"/g)].map(
      (m) => m[1],
    );
    expect(images.length).toBeGreaterThan(0);
    expect(images.filter((name) => !listed.includes(name))).toEqual([]);
    expect(readFileSync(path.join(ROOT, 'webpack.config.js'), 'utf8')).toContain(
      "from: 'docs/panduan/gambar/*.png', to: 'panduan/gambar/[name][ext]'",
    );
  });
});
