/**
 * The sign-off chains of the example workbooks (docs/spec/signoff.md), for scripts/generate-examples.js.
 *
 * A workbook's `stempel` list (scripts/examples-data/README.md) becomes a very hidden `_stempel`
 * sheet as the add-in writes it: version 2 (STEMPEL_HEADER, one row per stamp or return, made by
 * the engine's `stempelRowCells`), or version 1 (docs/spec/audit.md's label/value pairs) for a single stamp
 * of the older tool. Each stamp carries the engine's content hash of the workbook as generated, so
 * the chain is valid unless `editAfterStamp` changes a cell after stamping (the chain then breaks:
 * KON-04 "isi berubah"). The finished workbook is read back and its chain checked against what the
 * data declares, so a hash that does not match stops the generator.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const { workbookBytes } = require('../lib/node/xlsxWriter');
const { validateBytes } = require('../lib/cli/inputs');
const { countFindings } = require('../lib/engine/validate');
const { stempelRowCells, STEMPEL_HEADER, chainWord, scheduleWord } = require('../lib/engine/signoff');
const { parseReferenceJson, referenceId } = require('../lib/engine/reference/load');
const { RULES_VERSION } = require('../lib/engine/rules/registry');
const { TOOL_NAME, TOOL_VERSION } = require('../lib/engine/version');
const { SHEET_STEMPEL } = require('../lib/engine/schema');
const { columnLetter } = require('../lib/engine/grid');

/** The demo's validation date and reference (scripts/demo.js): the chain is checked as the demo shows it. */
const DEMO_TODAY = '2026-11-28';
const DEMO_REFERENCE = path.join(__dirname, '..', 'examples', 'referensi-2026.json');

const STEMPEL_KEYS = 'tingkat kembali versi waktu oleh jabatan catatan'.split(' ');
const EDIT_KEYS = 'row key value note'.split(' ');

function checkKeys(object, allowed, where) {
  const unknown = Object.keys(object).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) throw new Error(`${where}: unknown key(s) ${unknown.join(', ')}`);
}

/** Refuses a misspelt key, a return without a note, a version-1 stamp that is not alone. */
function checkStempelSpec(wb, where) {
  const list = wb.stempel ?? [];
  list.forEach((s, i) => {
    checkKeys(s, STEMPEL_KEYS, `${where} stempel ${i + 1}`);
    if (!s.tingkat || !s.waktu || !s.oleh)
      throw new Error(`${where} stempel ${i + 1}: tingkat, waktu and oleh are required`);
    if (s.kembali && !s.catatan) throw new Error(`${where} stempel ${i + 1}: a return needs its catatan`);
    if (s.versi === 1 && (list.length !== 1 || s.tingkat !== 'penyusun'))
      throw new Error(`${where}: a version-1 stamp is a single penyusun stamp`);
  });
  if (wb.editAfterStamp) {
    checkKeys(wb.editAfterStamp, EDIT_KEYS, `${where} editAfterStamp`);
    if (list.length === 0) throw new Error(`${where}: editAfterStamp without a stamp`);
  }
}

/** The rows of `_stempel` for the content hash `hash`; `counts` as the stamping validation found them. */
function stempelSheetRows(list, hash, counts, referensi) {
  const common = {
    hashIsi: hash,
    versiAturan: RULES_VERSION,
    referensi,
    alat: `${TOOL_NAME} ${TOOL_VERSION}`,
    galat: counts.errors,
    peringatan: counts.warnings,
    diterima: counts.accepted,
  };
  if (list[0].versi === 1) {
    const s = list[0];
    const fields = { versi: 1, contentHash: hash, waktu: s.waktu, ...common, oleh: s.oleh };
    delete fields.hashIsi;
    return Object.entries(fields).map(([k, v]) => [k, v]);
  }
  const rows = list.map((s) =>
    stempelRowCells({
      ...common,
      tingkat: s.tingkat,
      kembali: s.kembali === true,
      waktu: s.waktu,
      oleh: s.oleh,
      jabatan: s.jabatan,
      catatan: s.catatan,
    }),
  );
  return [[...STEMPEL_HEADER], ...rows];
}

let demoReference = null;
function demoRef() {
  if (!demoReference) {
    const result = parseReferenceJson(JSON.parse(fs.readFileSync(DEMO_REFERENCE, 'utf8')));
    if (!result.ok) throw new Error(`${DEMO_REFERENCE}: ${JSON.stringify(result.problems)}`);
    demoReference = result.reference;
  }
  return demoReference;
}

/** What the data declares: the reached level, returned, changed. */
function intended(list, edited) {
  const last = list[list.length - 1];
  const stamped = list.filter((s) => !s.kembali).map((s) => s.tingkat);
  return {
    berubah: edited,
    dikembalikan: !edited && last.kembali === true,
    tingkat: edited ? null : (stamped[stamped.length - 1] ?? null),
  };
}

/**
 * Adds the declared `_stempel` sheet to `built.book` (and applies `editAfterStamp` after hashing).
 * Returns the findings the chain adds to `validate` (KON-07 of a return) and the README's words for
 * the chain as the demo shows it (every workbook, stamped or not).
 */
async function addStempel(ref, wb, built) {
  const list = wb.stempel ?? [];
  if (list.length === 0) return { expected: [], summary: summaryOf(await demoPersetujuan(wb, built)) };
  const options = { reference: ref, today: DEMO_TODAY };
  const before = validateBytes(await workbookBytes(built.book, built.date), wb.file, options);
  if (!before.contentHash) throw new Error(`${wb.file}: no content hash`);
  const counts = countFindings(before.findings);
  if (counts.errors > 0)
    throw new Error(`${wb.file}: a stamp needs a validation without open errors (${counts.errors})`);

  const edit = wb.editAfterStamp;
  if (edit) {
    const col = built.layout.columns.indexOf(edit.key);
    if (col < 0) throw new Error(`${wb.file} editAfterStamp: no column ${edit.key}`);
    const sheet = built.book.getWorksheet(built.layout.sheet);
    sheet.getCell(`${columnLetter(col)}${built.layout.headerRow + edit.row}`).value = edit.value;
  }
  const rows = stempelSheetRows(list, before.contentHash, counts, referenceId(ref));
  const ws = built.book.addWorksheet(SHEET_STEMPEL, { state: 'veryHidden' });
  rows.forEach((cells, r) =>
    cells.forEach((v, c) => {
      if (v === '' || v === null || v === undefined) return;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = v;
      cell.numFmt = typeof v === 'number' ? 'General' : '@';
    }),
  );

  // Read back as the demo reads it: the chain must be what the data says.
  const p = await demoPersetujuan(wb, built);
  const want = intended(list, Boolean(edit));
  const got = { berubah: p.berubah, dikembalikan: p.dikembalikan, tingkat: want.berubah ? null : p.tingkat };
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    throw new Error(`${wb.file}: chain ${JSON.stringify(got)}, data says ${JSON.stringify(want)}`);
  }
  const expected = p.dikembalikan
    ? [
        {
          rule: 'KON-07',
          cell: null,
          severity: 'info',
          text: `dikembalikan untuk perbaikan oleh tingkat «${p.kembali.tingkat}»`,
        },
      ]
    : [];
  return { expected, summary: summaryOf(p) };
}

/** The chain and schedule of the workbook as it is now, read back as `npm run demo` reads it. */
async function demoPersetujuan(wb, built) {
  const bytes = await workbookBytes(built.book, built.date);
  return validateBytes(bytes, wb.file, { reference: demoRef(), today: DEMO_TODAY }).persetujuan;
}

/** `Disetujui Kepala OPD; Disusun: Tepat waktu, …` (the Rekap OPD words). */
function summaryOf(p) {
  const label = (key) => p.levels.find((l) => l.level.kunci === key).level.label;
  const jadwal = p.jadwal.map((j) => `${label(j.tingkat)}: ${scheduleWord(j)}`).join(', ');
  const versi = p.versi === 1 ? ' (stempel versi 1)' : '';
  return `${chainWord(p)}${versi}${jadwal ? `; ${jadwal}` : ''}`;
}

/** The README's words for one expected finding (a file-level one has no cell). */
function expectedText(e, ruleText, severityText) {
  const severity = e.severity ?? severityText[e.rule] ?? 'galat';
  return `\`${e.rule}\` ${e.cell ?? 'berkas'} (${severity}): ${e.text ?? ruleText[e.rule]}`;
}

const TABLE_HEAD = [
  '| berkas | perangkat daerah | tahun | baris | bentuk berkas | temuan yang diharapkan | persetujuan (demo) |',
  '| --- | --- | --- | --- | --- | --- | --- |',
];

/** The README's notes on the chains and on what consolidation adds (KON-04, KON-06; the files set aside: KON-05, KON-08, KON-09). */
function stempelNotes() {
  return [
    '- Kolom «persetujuan (demo)»: rantai persetujuan berjenjang (lembar `_stempel` yang sangat tersembunyi, ' +
      'versi 2 seperti ditulis add-in; `diskan-2025.xlsx` masih memakai stempel versi 1 dari alat lama) ' +
      'sebagaimana ditampilkan `npm run demo`, yaitu dengan `--referensi examples/referensi-2026.json` ' +
      '(batas Disusun 31 Oktober, Disetujui Kepala OPD 20 November, Diverifikasi 15 Desember 2026) dan ' +
      `\`--today ${DEMO_TODAY}\`. Setiap stempel memuat hash isi yang dihitung alat ini sendiri, jadi sah, kecuali ` +
      'di `bpkpd-2026.xlsx`: jumlah penerima manfaat baris 2 («Bayar PBB Lewat QRIS») diubah setelah Kepala Badan menyetujui, sehingga rantainya putus.',
    '- Saat dikonsolidasikan, `KON-04` muncul untuk setiap berkas yang belum mencapai tingkat «Disetujui Kepala OPD» ' +
      '(berkas yang belum distempel, `diskan-2025.xlsx` yang baru Disusun) atau yang isinya berubah setelah distempel ' +
      '(`bpkpd-2026.xlsx`, «Isi berubah setelah distempel pada 2026-11-04»). Dengan referensi demo, `validate` dan ' +
      '`consolidate` juga menandai setiap tingkat yang terlambat atau lewat batas dengan `KON-06`.',
    '- Dua berkas sengaja tidak dihitung dalam konsolidasi 2026 (tahun jadwal referensi demo): `diskan-2025.xlsx` ' +
      'adalah laporan tahun lalu (`KON-05`, baris berkas «Tahun Lain»; Dinas Perikanan «Belum Mengirim»), dan ' +
      '`dispora-2026.xlsx` berisi inovasi Dispora tetapi lembar Identitasnya disalin dari Disdikbud: nama berkas ' +
      'menyebut OPD lain (`KON-09`), dan karena kedua berkas tidak punya satu pun inovasi yang sama, alat tidak ' +
      'dapat memastikan mana yang benar (`KON-08`): keduanya «Berkas Konflik», Disdikbud «Konflik», Dispora ' +
      '«Belum Mengirim». Karena itu `consolidate` menghitung lebih banyak galat dan peringatan daripada `validate`: ' +
      'aturan lintas berkas (`KON-*`) hanya berjalan saat konsolidasi.',
  ];
}

module.exports = { addStempel, checkStempelSpec, expectedText, stempelNotes, TABLE_HEAD, DEMO_TODAY };
