// The pane must load on the oldest WebKit Excel runs on (Safari 14–16.3: Excel on macOS 12 and
// iPadOS 15, issue 22): every script of the production build parses as ES2020 and has no regex
// look-behind. The build is the real one (webpack.config.js, production), into a temporary folder.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkSource, checkDist } = require(path.join(ROOT, 'scripts', 'check-es2020.js')) as {
  checkSource(source: string, fileName?: string): string[];
  checkDist(dir: string): { files: string[]; problems: string[] };
};

describe('the ES2020 check', () => {
  it('rejects what old WebKit cannot parse: class static blocks, class fields, look-behinds (literal or given to RegExp)', () => {
    expect(checkSource('class A { static { this.x = 1; } }')).toHaveLength(1);
    expect(checkSource('class A { x = 1; }')).toHaveLength(1);
    expect(checkSource('a ??= 1;')).toHaveLength(1);
    expect(checkSource('var r = /(?<!\\d)20\\d\\d/u;')[0]).toMatch(/look-behind/);
    expect(checkSource('var r = new RegExp("(?<=x)y");')[0]).toMatch(/look-behind/);
  });

  it('accepts ES2020 (optional chaining, ?? , named groups, look-ahead)', () => {
    expect(
      checkSource('var c = a?.b ?? 1; var d = /(?<name>x)(?!y)/u; class B { constructor() { this.x = 1; } }'),
    ).toEqual([]);
  });
});

describe('the production build', () => {
  it('emits only ES2020 without look-behind, the dependencies included', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'inovasi-es2020-'));
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const webpack = require('webpack') as typeof import('webpack');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const makeConfig = require(path.join(ROOT, 'webpack.config.js')) as (
        env: object,
        argv: object,
      ) => Promise<import('webpack').Configuration>;
      const config = await makeConfig({}, { mode: 'production' });
      const stats = await new Promise<import('webpack').Stats>((resolve, reject) =>
        webpack({ ...config, context: ROOT, output: { ...config.output, path: out } }, (err, s) =>
          err || !s ? reject(err) : resolve(s),
        ),
      );
      expect(stats.hasErrors() ? stats.toString('errors-only') : '').toBe('');
      const { files, problems } = checkDist(out);
      expect(files.map((f) => path.basename(f)).some((f) => f.startsWith('vendors.'))).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 300_000);
});
