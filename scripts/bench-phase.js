#!/usr/bin/env node
/**
 * One benchmark phase in its own process, so each phase's peak memory is its own.
 * Usage: [BENCH_READER=portable] node scripts/bench-phase.js parse|validate|consolidate DIR [OUT]
 * Prints one JSON line: { phase, ms, maxRssMb, baseRssMb, files, rows }.
 */
const fs = require('node:fs');
const path = require('node:path');
const { readXlsx } = require('../lib/xlsx/readXlsx');
require('../lib/cli/nativeHash').installNativeSha256(); // as the command line does
// The command line inflates with Node's zlib; BENCH_READER=portable keeps fflate's (the task pane's reader).
if (process.env.BENCH_READER !== 'portable') require('../lib/cli/nativeInflate').installNativeInflate();
const { validateWorkbook } = require('../lib/engine/validate');
const { defaultReference } = require('../lib/engine/reference/load');

const [phase, dir, out] = process.argv.slice(2);
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort().map((f) => path.join(dir, f));
const reference = defaultReference();
const today = '2026-11-28';

async function main() {
  if (phase === 'consolidate') require('../lib/cli/main'); // load modules before measuring
  if (global.gc) global.gc();
  const baseRss = process.memoryUsage().rss;
  const t0 = process.hrtime.bigint();
  let rows = 0;
  if (phase === 'parse') {
    for (const f of files) {
      const r = readXlsx(new Uint8Array(fs.readFileSync(f)));
      if (r.ok) rows += r.workbook.sheets.reduce((n, s) => n + s.rows.length, 0);
    }
  } else if (phase === 'validate') {
    for (const f of files) {
      const r = readXlsx(new Uint8Array(fs.readFileSync(f)));
      if (r.ok) rows += validateWorkbook(r.workbook, path.basename(f), { reference, today }).submission?.table?.rows.length ?? 0;
    }
  } else if (phase === 'consolidate') {
    const { run } = require('../lib/cli/main');
    const quiet = { stdout: () => {}, stderr: () => {}, progress: false, today: () => today };
    const code = await run(['consolidate', dir, '--out', out, '--today', today, '--quiet'], quiet);
    if (code === 2) throw new Error('consolidate failed with exit 2');
  } else {
    throw new Error(`unknown phase ${phase}`);
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const maxRss = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({ phase, ms, maxRssMb: maxRss / 2 ** 20, baseRssMb: baseRss / 2 ** 20, files: files.length, rows }));
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
