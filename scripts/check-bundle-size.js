#!/usr/bin/env node
// The task pane's bundle budget. After `npm run build`:
//
//   node scripts/check-bundle-size.js [distDir]
//
// Lists every JavaScript file of dist/ with its raw and gzip size, tells the initial JS (the scripts
// dist/taskpane.html loads) from the lazy chunks (loaded on demand, e.g. the .xlsx reader when a
// file is picked), and fails (exit 1) when the initial JS exceeds the budget, gzip.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const BUDGET_GZIP_BYTES = 300 * 1024; // initial JS, gzip
const HTML_ENTRY = 'taskpane.html';

function listJs(dir, base = dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listJs(full, base));
    else if (/\.m?js$/.test(entry.name)) out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out.sort();
}

/** Local script paths referenced by an HTML file (absolute URLs, e.g. the Office.js CDN, excluded). */
function initialScripts(html) {
  const found = [];
  // Attribute values may be unquoted: html-webpack-plugin minifies the page in production.
  const re = /<script\b[^>]*?\ssrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
  let m;
  while ((m = re.exec(html))) {
    const src = m[1] ?? m[2] ?? m[3];
    if (/^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(src)) continue;
    found.push(decodeURIComponent(src.replace(/^\.?\//, '').replace(/[?#].*$/, '')));
  }
  return found;
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function table(rows, header) {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => String(r[i]).length)));
  const line = (r) =>
    r
      .map((c, i) => (i === 0 || i === 1 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i])))
      .join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function main() {
  const dist = path.resolve(process.argv[2] || path.join(__dirname, '..', 'dist'));
  const htmlPath = path.join(dist, HTML_ENTRY);
  if (!fs.existsSync(htmlPath)) {
    console.error(`${path.relative(process.cwd(), htmlPath)} not found: run \`npm run build\` first.`);
    process.exit(1);
  }
  const initial = new Set(initialScripts(fs.readFileSync(htmlPath, 'utf8')));
  const files = listJs(dist);
  const missing = [...initial].filter((f) => !files.includes(f));
  if (missing.length) {
    console.error(`${HTML_ENTRY} loads scripts that are not in dist/: ${missing.join(', ')}`);
    process.exit(1);
  }
  if (initial.size === 0) {
    console.error(`${HTML_ENTRY} loads no local script: is the build complete?`);
    process.exit(1);
  }

  const sizes = files.map((file) => {
    const bytes = fs.readFileSync(path.join(dist, file));
    return {
      file,
      kind: initial.has(file) ? 'initial' : 'lazy',
      raw: bytes.length,
      gzip: zlib.gzipSync(bytes, { level: 9 }).length,
    };
  });
  sizes.sort((a, b) => (a.kind === b.kind ? b.gzip - a.gzip : a.kind === 'initial' ? -1 : 1));
  const sum = (kind, key) => sizes.filter((s) => s.kind === kind).reduce((n, s) => n + s[key], 0);
  const rows = sizes.map((s) => [s.file, s.kind, kb(s.raw), kb(s.gzip)]);
  rows.push(['total initial', '', kb(sum('initial', 'raw')), kb(sum('initial', 'gzip'))]);
  rows.push(['total lazy', '', kb(sum('lazy', 'raw')), kb(sum('lazy', 'gzip'))]);
  console.log(table(rows, ['file', 'load', 'raw', 'gzip']));

  if (!sizes.some((s) => s.kind === 'lazy' && /xlsx-reader/.test(s.file))) {
    console.log('\nnote: no lazy xlsx-reader chunk: is the .xlsx reader import()-ed by the task pane?');
  }
  const initialGzip = sum('initial', 'gzip');
  if (initialGzip > BUDGET_GZIP_BYTES) {
    console.error(`\nInitial JS is ${kb(initialGzip)} gzip, over the ${kb(BUDGET_GZIP_BYTES)} budget.`);
    process.exit(1);
  }
  console.log(`\nInitial JS ${kb(initialGzip)} gzip, within the ${kb(BUDGET_GZIP_BYTES)} budget.`);
}

module.exports = { initialScripts };

if (require.main === module) main();
