/**
 * The engine's import boundary (eslint.config.js) holds at every depth: an engine file that reaches
 * into a shell (src/cli, src/node, src/xlsx, src/addin, src/taskpane) or a Node API fails the lint,
 * from src/engine/ and from its sub-folders (issue 14: `../../xlsx/…` used to pass).
 */
import { ESLint } from 'eslint';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
// The project's own configuration, loaded through Jest's require (ESLint would load it with a
// dynamic import, which Jest's module sandbox does not run).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(path.join(ROOT, 'eslint.config.js'));
const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: config });

/** The rules an engine file importing `specifier` breaks (the file is linted from memory, never written). */
async function violations(file: string, specifier: string): Promise<string[]> {
  const code = `import { x } from '${specifier}';\nexport const y = x;\n`;
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result.messages.map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

const FORBIDDEN: [file: string, specifier: string][] = [
  ['src/engine/probe.ts', '../xlsx/readXlsx'],
  ['src/engine/reference/probe.ts', '../../xlsx/readXlsx'],
  ['src/engine/reference/probe.ts', '../../xlsx'],
  ['src/engine/rules/probe.ts', '../../node/template'],
  ['src/engine/rules/probe.ts', '../../cli/main'],
  ['src/engine/messages/probe.ts', '../../addin/excelAdapter'],
  ['src/engine/messages/probe.ts', '../../taskpane/controller'],
  ['src/engine/reference/deeper/probe.ts', '../../../xlsx/zip'],
  ['src/engine/probe.ts', 'node:fs'],
  ['src/engine/reference/probe.ts', 'fs/promises'],
  ['src/engine/reference/probe.ts', 'path'],
  ['src/engine/probe.ts', 'exceljs'],
];

const ALLOWED: [file: string, specifier: string][] = [
  ['src/engine/probe.ts', './grid'],
  ['src/engine/reference/probe.ts', '../messages'],
  ['src/engine/reference/probe.ts', './model'],
  ['src/engine/rules/probe.ts', '../reference/index'],
  ['src/engine/probe.ts', '@noble/hashes/sha256'],
];

describe('the engine import boundary', () => {
  test.each(FORBIDDEN)('%s importing %s fails the lint', async (file, specifier) => {
    const found = await violations(file, specifier);
    expect(found).toEqual([expect.stringMatching(/^no-restricted-imports: /)]);
  });

  test.each(ALLOWED)('%s importing %s passes', async (file, specifier) => {
    expect(await violations(file, specifier)).toEqual([]);
  });

  test('outside the engine, the same imports are fine (the rule is the engine’s)', async () => {
    expect(await violations('src/cli/probe.ts', '../xlsx/readXlsx')).toEqual([]);
    expect(await violations('src/cli/sub/probe.ts', '../../node/template')).toEqual([]);
  });
});
