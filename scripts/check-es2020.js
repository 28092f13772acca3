#!/usr/bin/env node
// The pane's scripts must load on the oldest WebKit Excel runs on (Safari 14–16.3: Excel on
// macOS 12 and iPadOS 15). After `npm run build`:
//
//   node scripts/check-es2020.js [distDir]
//
// Parses every .js of dist/ as ES2020 (acorn, the parser webpack itself uses) and rejects a regular
// expression with a look-behind (`(?<=`, `(?<!`), which acorn accepts (ES2018) but WebKit before
// Safari 16.4 cannot parse: either leaves the pane blank. Exit 1 with file:line:column per problem.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const acorn = require('acorn');

const LOOK_BEHIND = /\(\?<[=!]/;

/** Problems of one script's source: parse errors as ES2020 and look-behinds (regex literals and strings given to RegExp). */
function checkSource(source, fileName = 'script.js') {
  const problems = [];
  const tokens = [];
  try {
    acorn.parse(source, {
      ecmaVersion: 2020,
      sourceType: 'script',
      allowHashBang: true,
      locations: true,
      onToken: tokens,
    });
  } catch (err) {
    const where = err.loc ? `${err.loc.line}:${err.loc.column + 1}` : '?';
    const pos = typeof err.pos === 'number' ? err.pos : 0;
    problems.push(
      `${fileName}:${where}: not ES2020 (${err.message.replace(/ \(\d+:\d+\)$/, '')}) near ${JSON.stringify(source.slice(Math.max(0, pos - 30), pos + 30))}`,
    );
    return problems;
  }
  for (const t of tokens) {
    const label = t.type.label;
    const text =
      label === 'regexp'
        ? t.value.pattern
        : label === 'string' || label === 'template'
          ? String(t.value ?? '')
          : null;
    if (text !== null && LOOK_BEHIND.test(text)) {
      problems.push(
        `${fileName}:${t.loc.start.line}:${t.loc.start.column + 1}: regular expression look-behind ${JSON.stringify(text.slice(0, 60))} (WebKit before Safari 16.4 cannot parse it)`,
      );
    }
  }
  return problems;
}

function listJs(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listJs(full));
    else if (/\.m?js$/.test(entry.name)) out.push(full);
  }
  return out.sort();
}

/** Every script of a build folder checked: `{ files, problems }`. */
function checkDist(dir) {
  const files = listJs(dir);
  const problems = files.flatMap((f) => checkSource(fs.readFileSync(f, 'utf8'), path.relative(dir, f)));
  return { files, problems };
}

if (require.main === module) {
  const dir = path.resolve(process.argv[2] || path.join(__dirname, '..', 'dist'));
  const { files, problems } = checkDist(dir);
  if (!files.length) {
    console.error(`${dir}: no scripts (run \`npm run build\` first)`);
    process.exit(1);
  }
  for (const p of problems) console.error(p);
  console.log(
    problems.length
      ? `${problems.length} problem(s) in ${files.length} scripts`
      : `${files.length} scripts parse as ES2020, no look-behind`,
  );
  process.exit(problems.length ? 1 : 0);
}

module.exports = { checkSource, checkDist };
