#!/usr/bin/env node
/**
 * `npm run demo`: validates the shipped sample workbooks in examples/ and consolidates them into a
 * city summary workbook, printing what a planner would see. The sample contains
 * honest mistakes on purpose, so findings (exit 1 of the CLI) are the expected outcome here.
 */
const path = require('node:path');
const { run } = require('../lib/cli/main');

const root = path.join(__dirname, '..');
const examples = path.join(root, 'examples');
const io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  progress: false,
  today: () => '2026-11-28',
};

async function main() {
  console.log(`== validate ${path.relative(root, examples)}/ (--today 2026-11-28) ==\n`);
  const code = await run(['validate', examples, '--today', '2026-11-28'], io);
  if (code === 2) process.exit(2);
  const out = path.join(root, 'out', 'rekap-kota-bitung.xlsx');
  console.log(`\n== consolidate ${path.relative(root, examples)}/ → ${path.relative(root, out)} ==\n`);
  const consolidated = await run(['consolidate', examples, '--today', '2026-11-28', '--out', out, '--json', path.join(root, 'out', 'rekap-kota-bitung.json')], io);
  if (consolidated === 2) process.exit(2);
  console.log('\nSelesai. Temuan di atas adalah kesalahan contoh yang disengaja (lihat examples/README.md).');
}

main().catch((e) => {
  console.error(`demo gagal: ${e.message}`);
  process.exit(2);
});
