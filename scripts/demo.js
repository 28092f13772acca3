#!/usr/bin/env node
/**
 * `npm run demo`: validates the shipped sample workbooks in examples/ and consolidates them into a
 * city summary workbook, printing what a planner would see. The sample contains
 * honest mistakes on purpose, so findings (exit 1 of the CLI) are the expected outcome here.
 *
 * It uses examples/referensi-2026.json: the Bitung sample with a 2026 sign-off schedule (jadwal),
 * so that on 28 November 2026 the output shows who is late: the Disusun and Kepala OPD deadlines
 * have passed (Lewat n hari, KON-06), the verifier's has not (Belum jatuh tempo). Some examples
 * carry a sign-off chain (examples/README.md, column «persetujuan (demo)»): on time, late, returned
 * for revision (KON-07), broken by an edit (KON-04 in the consolidation), a version-1 stamp.
 */
const path = require('node:path');
const { run } = require('../lib/cli/main');
/** Rules that compare files, or a file with the consolidation (docs/spec/rules.md): validate never raises them. */
const { CROSS_RULES: CROSS_FILE_RULES } = require('../lib/engine/consolidate');

const root = path.join(__dirname, '..');
const examples = path.join(root, 'examples');
const referensi = path.join(examples, 'referensi-2026.json');
const io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  progress: false,
  today: () => '2026-11-28',
};

async function main() {
  const ref = path.relative(root, referensi);
  console.log(`== validate ${path.relative(root, examples)}/ (--today 2026-11-28 --referensi ${ref}) ==\n`);
  const code = await run(['validate', examples, '--today', '2026-11-28', '--referensi', referensi], io);
  if (code === 2) process.exit(2);
  const out = path.join(root, 'out', 'rekap-kota-bitung.xlsx');
  console.log(`\n== consolidate ${path.relative(root, examples)}/ → ${path.relative(root, out)} ==\n`);
  const consolidated = await run(
    [
      'consolidate',
      examples,
      '--today',
      '2026-11-28',
      '--referensi',
      referensi,
      '--out',
      out,
      '--json',
      path.join(root, 'out', 'rekap-kota-bitung.json'),
    ],
    io,
  );
  if (consolidated === 2) process.exit(2);
  // Why the two totals differ: the cross-file rules exist only in a consolidation.
  const report = require(path.join(root, 'out', 'rekap-kota-bitung.json'));
  const crossFile = report.files.flatMap((f) => f.findings).filter((f) => CROSS_FILE_RULES.has(f.rule));
  const count = (severity) => crossFile.filter((f) => f.severity === severity && f.status === 'open').length;
  console.log(
    `\nconsolidate menghitung lebih banyak galat dan peringatan daripada validate: ${count('error')} galat dan ` +
      `${count('warning')} peringatan berasal dari aturan lintas berkas (${[...CROSS_FILE_RULES].join(', ')}), yang hanya berjalan saat konsolidasi.`,
  );
  console.log('\nSelesai. Temuan di atas adalah kesalahan contoh yang disengaja (lihat examples/README.md).');
}

main().catch((e) => {
  console.error(`demo gagal: ${e.message}`);
  process.exit(2);
});
