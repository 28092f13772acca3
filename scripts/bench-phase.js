#!/usr/bin/env node
/**
 * One benchmark phase in its own process, so each phase's peak memory is its own.
 * Usage: [BENCH_READER=portable] node scripts/bench-phase.js parse|validate|consolidate|hash-floor DIR [OUT]
 * Prints one JSON line: { phase, ms, cpuMs, maxRssMb, baseRssMb, files, rows } (cpuMs: CPU time of
 * all the process's threads, less disturbed than `ms` by other work on a shared machine).
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
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.xlsx'))
  .sort()
  .map((f) => path.join(dir, f));
const reference = defaultReference();
const today = '2026-11-28';

/**
 * The exact bytes the content hash digests for each file (read, parsed and serialised here, not
 * timed): the `hash-floor` phase times SHA-256 over them alone, the least any validation must spend.
 */
function contentHashInputs() {
  const { useSha256 } = require('../lib/engine/hash');
  const { contentHash } = require('../lib/engine/contentHash');
  const { parseSubmission } = require('../lib/engine/parse');
  const { ReferenceIndex, canonicalProgramCode } = require('../lib/engine/reference/index');
  const index = ReferenceIndex.of(reference);
  const codes = { findBidang: (t) => index.findBidang(t), canonicalProgramCode };
  const inputs = [];
  for (const f of files) {
    const r = readXlsx(new Uint8Array(fs.readFileSync(f)));
    if (!r.ok) continue;
    const pieces = [];
    useSha256(() => ({
      update(text) {
        pieces.push(text);
        return this;
      },
      hex: () => '',
    }));
    contentHash(parseSubmission(r.workbook, codes, reference.parameter.headerSearchRows).submission);
    inputs.push(Buffer.from(pieces.join(''), 'utf8'));
  }
  require('../lib/cli/nativeHash').installNativeSha256();
  return inputs;
}

async function main() {
  if (phase === 'consolidate') {
    // The command line installs Node's zlib inflate itself; the portable measurement keeps fflate's.
    if (process.env.BENCH_READER === 'portable')
      require('../lib/cli/nativeInflate').installNativeInflate = () => {};
    require('../lib/cli/main'); // load modules before measuring
  }
  const hashInputs = phase === 'hash-floor' ? contentHashInputs() : [];
  if (global.gc) global.gc();
  const baseRss = process.memoryUsage().rss;
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  let rows = 0;
  if (phase === 'parse') {
    for (const f of files) {
      const r = readXlsx(new Uint8Array(fs.readFileSync(f)));
      if (r.ok) rows += r.workbook.sheets.reduce((n, s) => n + s.rows.length, 0);
    }
  } else if (phase === 'validate') {
    for (const f of files) {
      const r = readXlsx(new Uint8Array(fs.readFileSync(f)));
      if (r.ok)
        rows +=
          validateWorkbook(r.workbook, path.basename(f), { reference, today }).submission?.table?.rows
            .length ?? 0;
    }
  } else if (phase === 'hash-floor') {
    const { createHash } = require('node:crypto');
    for (const bytes of hashInputs) {
      createHash('sha256').update(bytes).digest('hex');
      rows += bytes.length; // bytes digested, for this phase
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
  const cpu = process.cpuUsage(cpu0);
  const maxRss = process.resourceUsage().maxRSS * 1024;
  console.log(
    JSON.stringify({
      phase,
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      maxRssMb: maxRss / 2 ** 20,
      baseRssMb: baseRss / 2 ** 20,
      files: files.length,
      rows,
    }),
  );
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
