#!/usr/bin/env node
/**
 * The browser test under load (issue 11): starts CPU-bound busy loops beside it and runs the e2e
 * (test/e2e/run-e2e.js) again and again, then prints how many runs passed and failed, and for each
 * failed run the step that failed. The busy loops are always stopped, whatever happens.
 *
 *   npm run test:e2e:stress                      (build once, 20 runs, 2 busy loops)
 *   npm run test:e2e:stress -- --runs 5 --busy 3 --no-build
 *
 * Exit code 1 when any run failed.
 */
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const E2E = path.join(ROOT, 'test', 'e2e', 'run-e2e.js');

function parseArgs(argv) {
  const options = { runs: 20, busy: 2, build: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new Error(`${a.split('=')[0]} needs a whole number, not ${v}`);
      return n;
    };
    if (a === '--runs' || a.startsWith('--runs=')) options.runs = value();
    else if (a === '--busy' || a.startsWith('--busy=')) options.busy = value();
    else if (a === '--no-build') options.build = false;
    else if (a === '--help' || a === '-h') {
      console.log('usage: e2e-stress [--runs N (20)] [--busy N busy loops (2)] [--no-build]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (options.runs < 1) throw new Error('--runs must be at least 1');
  return options;
}

/** CPU-bound children: a node process spinning forever each. */
const busyLoops = [];
function startBusyLoops(n) {
  for (let i = 0; i < n; i++) {
    const child = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
    busyLoops.push(child);
  }
}
function stopBusyLoops() {
  for (const child of busyLoops.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
  }
}
process.on('exit', stopBusyLoops);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    stopBusyLoops();
    process.exit(130);
  });
}

/** One e2e run: its exit code and the names of the steps that failed. */
function runOnce() {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [E2E], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => {
      // run-e2e.js prints `FAIL  <step>` and the error's first lines under it.
      const lines = out.split('\n');
      const failed = lines.flatMap((l, i) =>
        l.startsWith('FAIL') ? [l.trim(), ...lines.slice(i + 1, i + 3).map((x) => `  ${x.trim()}`)] : [],
      );
      const summary = /(\d+) passed, (\d+) failed/.exec(out);
      resolve({ ok: code === 0, code, failed, summary: summary ? summary[0] : 'no summary', output: out });
    });
  });
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.build) {
    console.log('building the production bundle (npm run build) …');
    const built = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npm run build failed');
  }
  startBusyLoops(options.busy);
  console.log(
    `${options.busy} busy loop(s) running (pids ${busyLoops.map((c) => c.pid).join(', ') || '-'}); ${options.runs} e2e run(s)`,
  );
  const results = [];
  try {
    for (let i = 1; i <= options.runs; i++) {
      const started = Date.now();
      const r = await runOnce();
      results.push(r);
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`run ${i}/${options.runs}: ${r.ok ? 'passed' : 'FAILED'} (${r.summary}, ${secs} s)`);
      if (!r.ok) for (const line of r.failed) console.log(`    ${line}`);
    }
  } finally {
    stopBusyLoops();
  }
  const passed = results.filter((r) => r.ok).length;
  console.log(
    `\ne2e under load: ${passed} of ${results.length} runs passed, ${results.length - passed} failed (${options.busy} busy loops)`,
  );
  process.exitCode = passed === results.length ? 0 : 1;
}

main().catch((err) => {
  stopBusyLoops();
  console.error(err.message);
  process.exitCode = 1;
});
