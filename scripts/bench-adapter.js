#!/usr/bin/env node
/**
 * Runs the Office adapter against the fake Excel host for 5,000 and 20,000 rows and prints
 * [{rows, syncs, maxPayloadBytes, maxResponseBytes, …}] as JSON (the last one with Excel on the web's 5 MB
 * response cap). The adapter and the fake are TypeScript: they are
 * transpiled on load with the project's own compiler (no extra dependency).
 */
const fs = require('node:fs');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      jsx: ts.JsxEmit.ReactJSX,
    },
    fileName: filename,
  });
  module._compile(outputText, filename);
};

const { measureAdapterBudget } = require('../test/fake-excel/budget.ts');

(async () => {
  const out = [];
  // Desktop Excel (no response cap): the fake's default is now Excel on the web.
  for (const rows of [5000, 20000])
    out.push({ rows, ...(await measureAdapterBudget(rows, { responseLimitBytes: Infinity })) });
  // Excel on the web refuses a response over 5 MB: the adapter reads the first rows with the sizes, the rest in row blocks.
  out.push({
    rows: 5000,
    web: true,
    ...(await measureAdapterBudget(5000, { responseLimitBytes: 5 * 1024 * 1024 })),
  });
  process.stdout.write(JSON.stringify(out));
})().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
