/**
 * The engine's import boundary (eslint.config.js) holds at every depth and in every form: an engine
 * file that reaches into a shell (src/cli, src/node, src/xlsx, src/addin, src/taskpane), a Node API
 * or a UI library fails the lint, from src/engine/ and from its sub-folders (issue 14: `../../xlsx/…`
 * used to pass), whether by a static import, a re-export, a dynamic `import()` or an `import()` type
 * (issue 19: the last two used to pass).
 */
import { ESLint } from 'eslint';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
// The project's own configuration, loaded through Jest's require (ESLint would load it with a
// dynamic import, which Jest's module sandbox does not run).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(path.join(ROOT, 'eslint.config.js'));
const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: config });

/** The ways a file can depend on a module, each a small program that uses it. */
const FORMS = {
  static: (s: string) => `import { x } from '${s}';\nexport const y = x;\n`,
  reexport: (s: string) => `export { x } from '${s}';\n`,
  dynamic: (s: string) => `export async function y() {\n  return (await import('${s}')).x;\n}\n`,
  importType: (s: string) => `export type Y = import('${s}').X;\n`,
} as const;
type Form = keyof typeof FORMS;

/** The rules a file with `code` breaks (the file is linted from memory, never written). */
async function lint(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result.messages.map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

const violations = (file: string, specifier: string, form: Form = 'static') =>
  lint(file, FORMS[form](specifier));

const FORBIDDEN: [file: string, specifier: string][] = [
  ['src/engine/probe.ts', '../xlsx/readXlsx'],
  ['src/engine/reference/probe.ts', '../../xlsx/readXlsx'],
  ['src/engine/reference/probe.ts', '../../xlsx'],
  ['src/engine/rules/probe.ts', '../../node/template'],
  ['src/engine/rules/probe.ts', '../../cli/main'],
  ['src/engine/messages/probe.ts', '../../addin/excelAdapter'],
  ['src/engine/messages/probe.ts', '../../addin/port'],
  ['src/engine/messages/probe.ts', '../../taskpane/controller'],
  ['src/engine/reference/deeper/probe.ts', '../../../xlsx/zip'],
  ['src/engine/probe.ts', 'node:fs'],
  ['src/engine/probe.ts', 'node:fs/promises'],
  ['src/engine/reference/probe.ts', 'fs/promises'],
  ['src/engine/reference/probe.ts', 'path'],
  ['src/engine/probe.ts', 'exceljs'],
  ['src/engine/probe.ts', 'react'],
  ['src/engine/probe.ts', '@fluentui/react-components'],
];

const ALLOWED: [file: string, specifier: string][] = [
  ['src/engine/probe.ts', './grid'],
  ['src/engine/reference/probe.ts', '../messages'],
  ['src/engine/reference/probe.ts', './model'],
  ['src/engine/rules/probe.ts', '../reference/index'],
  ['src/engine/probe.ts', '@noble/hashes/sha256'],
  ['src/engine/probe.ts', './nodeless'],
  ['src/engine/probe.ts', './pathways'],
];

const EXPECTED_RULE: Record<Form, RegExp> = {
  static: /^no-restricted-imports: /,
  reexport: /^no-restricted-imports: /,
  dynamic: /^no-restricted-syntax: .*\(dynamic import\)$/,
  importType: /^no-restricted-syntax: .*\(import type\)$/,
};

const cases = <T extends unknown[]>(rows: T[]) =>
  (Object.keys(FORMS) as Form[]).flatMap((form) => rows.map((r) => [form, ...r] as [Form, ...T]));

describe('the engine import boundary', () => {
  test.each(cases(FORBIDDEN))('%s: %s depending on %s fails the lint', async (form, file, specifier) => {
    expect(await violations(file, specifier, form)).toEqual([expect.stringMatching(EXPECTED_RULE[form])]);
  });

  test.each(cases(ALLOWED))('%s: %s depending on %s passes', async (form, file, specifier) => {
    expect(await violations(file, specifier, form)).toEqual([]);
  });

  test('a dynamic import by a computed name fails too (the boundary could not be checked)', async () => {
    const found = await lint(
      'src/engine/probe.ts',
      'export const y = (name: string) => import(`../${name}`);\n',
    );
    expect(found).toEqual([
      expect.stringMatching(/^no-restricted-syntax: The engine loads no module by a computed name/),
    ]);
  });

  test('outside the engine, the same imports are fine (the rule is the engine’s)', async () => {
    for (const form of Object.keys(FORMS) as Form[]) {
      expect(await violations('src/cli/probe.ts', '../xlsx/readXlsx', form)).toEqual([]);
      expect(await violations('src/cli/sub/probe.ts', '../../node/template', form)).toEqual([]);
    }
  });
});
