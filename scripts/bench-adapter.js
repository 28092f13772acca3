#!/usr/bin/env node
/**
 * Runs the Office adapter against the fake Excel host for 5,000 and 20,000 rows and prints
 * [{rows, syncs, maxPayloadBytes}] as JSON. The adapter and the fake are TypeScript: they are
 * transpiled on load with the project's own compiler (no extra dependency).
 */
const fs = require('node:fs');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, jsx: ts.JsxEmit.ReactJSX },
    fileName: filename,
  });
  module._compile(outputText, filename);
};

const { measureAdapterBudget } = require('../test/fake-excel/budget.ts');

(async () => {
  const out = [];
  for (const rows of [5000, 20000]) out.push({ rows, ...(await measureAdapterBudget(rows)) });
  process.stdout.write(JSON.stringify(out));
})().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
