/**
 * Comments and docs lead somewhere from a fresh clone (issue 19): a `.md` file named with a path
 * exists in the repository; a bare spec name (`signoff.md`) is cited as `docs/spec/signoff.md`
 * (except beside it, inside docs/spec/ itself); and nothing points outside the repository (the
 * spec's old home `../shared/spec`, a machine's own folders).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const ROOTS = [
  'src',
  'test',
  'scripts',
  'docs',
  'examples',
  'README.md',
  'eslint.config.js',
  'jest.config.js',
  'webpack.config.js',
  'manifest.xml',
];
const TEXT = /\.(ts|tsx|js|md|json|html|xml|yml|yaml)$/;
const SKIP = new Set(['node_modules', 'fixtures', 'lib', 'dist']);
const mdIn = (folder: string) =>
  fs.readdirSync(path.join(ROOT, folder)).filter((f) => f.endsWith('.md') && f !== 'README.md');
const SPEC = new Set(mdIn('docs/spec'));
/** Bare names that must be cited by path: the spec's files, and the docs' own (`decisions.md` → `docs/decisions.md`). */
const CITED_BY_PATH = new Map<string, string>([
  ...mdIn('docs').map((f): [string, string] => [f, `docs/${f}`]),
  ...[...SPEC].map((f): [string, string] => [f, `docs/spec/${f}`]),
]);

function* files(rel: string): Generator<string> {
  const abs = path.join(ROOT, rel);
  if (!fs.existsSync(abs)) return;
  if (fs.statSync(abs).isDirectory()) {
    for (const e of fs.readdirSync(abs)) if (!SKIP.has(e)) yield* files(path.join(rel, e));
  } else if (TEXT.test(rel)) yield rel;
}

/** Whether `abs` is a file of this repository (a path leading out of it never counts, whatever lies beside the clone). */
const inRepo = (abs: string): boolean => !path.relative(ROOT, abs).startsWith('..') && fs.existsSync(abs);

/** `file:line: text` for every citation that leads nowhere in the repository. */
function problemsOf(rel: string, text: string): string[] {
  const out: string[] = [];
  const dir = path.dirname(rel);
  text.split('\n').forEach((line, i) => {
    const at = `${rel}:${i + 1}`;
    if (/(?:\.\.\/)+shared\b|\bshared\/spec\b|\/work\/|\/home\/\w/.test(line))
      out.push(`${at}: points outside the repository: ${line.trim()}`);
    // A name in quotes is a file the code opens (`path.join(…, 'rules.md')`), not a citation.
    for (const m of line.matchAll(/(?<![\w.:/'"-])([\w./-]*?)([\w-]+\.md)\b/g)) {
      const [, folder, name] = m;
      if (folder === '') {
        const beside = fs.existsSync(path.join(ROOT, dir, name));
        const cite = CITED_BY_PATH.get(name);
        if (cite && !beside) out.push(`${at}: cite ${cite}, not ${name}`);
        continue;
      }
      const cited = folder + name;
      if (!inRepo(path.join(ROOT, cited)) && !inRepo(path.join(ROOT, dir, cited)))
        out.push(`${at}: ${cited} does not exist`);
    }
  });
  return out;
}

describe('citations', () => {
  test('the spec is in the repository', () => {
    expect([...SPEC]).toEqual(
      expect.arrayContaining(['rules.md', 'signoff.md', 'audit.md', 'consolidation.md']),
    );
  });

  test('every comment and doc cites the spec and the docs by a path that exists in the repository', () => {
    const found = ROOTS.flatMap((r) => [...files(r)]).flatMap((rel) =>
      rel === path.join('test', 'lint', 'citations.test.ts')
        ? []
        : problemsOf(rel, fs.readFileSync(path.join(ROOT, rel), 'utf8')),
    );
    expect(found).toEqual([]);
  });

  test('the check sees each kind of bad citation', () => {
    expect(problemsOf('src/engine/x.ts', '// (signoff.md) and `rules.md`')).toHaveLength(2);
    expect(problemsOf('src/engine/x.ts', '// see ../shared/spec/signoff.md')).toHaveLength(2);
    expect(problemsOf('docs/x.md', 'see docs/spec/nope.md')).toEqual([
      'docs/x.md:1: docs/spec/nope.md does not exist',
    ]);
    expect(problemsOf('docs/x.md', 'see /work/main/docs/decisions.md')).toEqual([
      'docs/x.md:1: points outside the repository: see /work/main/docs/decisions.md',
      'docs/x.md:1: /work/main/docs/decisions.md does not exist',
    ]);
    expect(
      problemsOf(
        'src/engine/x.ts',
        '// docs/spec/signoff.md, docs/decisions.md, https://example.org/a/signoff.md',
      ),
    ).toEqual([]);
    expect(problemsOf('docs/spec/x.md', 'see signoff.md')).toEqual([]);
    expect(problemsOf('src/cli/x.ts', '// decisions.md, "Command line"')).toEqual([
      'src/cli/x.ts:1: cite docs/decisions.md, not decisions.md',
    ]);
  });
});
