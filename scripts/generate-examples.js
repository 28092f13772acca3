#!/usr/bin/env node
/**
 * Writes a set of FICTITIOUS Kota Bitung OPD submission workbooks (template version 1) into
 * `examples/` (or the folder named as the first argument), plus `examples/README.md` listing each
 * file and the mistakes it contains on purpose, with the findings the validator should make.
 *
 *   npm run build:cli && node scripts/generate-examples.js [FOLDER]
 *
 * This file owns the HOW: turning a row spec into cell values (codes written as staff write them,
 * legal bases, SOP numbers, the "Rancang Bangun" text), the three layouts (template, title rows,
 * reordered columns), where each planted mistake must be reported, and the README. The WHAT (the
 * workbooks, their innovations and planted mistakes, and the sentence pools) is data in
 * `scripts/examples-data/`; its README.md describes the fields.
 *
 * Deterministic: a seeded PRNG per workbook, fixed dates, and fixed zip timestamps, so two runs
 * produce byte-identical files. Rows are consistent with the default reference: every program code
 * is an RPJMD program of that OPD and the urusan is that program's bidang, except where a mistake
 * is planted on purpose.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const { templateWorkbook } = require('../lib/node/template');
const { sheetsWorkbook, writeWorkbook } = require('../lib/node/xlsxWriter');
const { defaultReference } = require('../lib/engine/reference/load');
const { COLUMNS, IDENTITY } = require('../lib/engine/schema');
const { columnLetter: letters } = require('../lib/engine/grid');
const { slug } = require('../lib/engine/feedback');
const { buildReplication } = require('../lib/engine/replication');
const { validateBytes } = require('../lib/cli/inputs');
const {
  addStempel,
  checkStempelSpec,
  expectedText,
  stempelNotes,
  TABLE_HEAD,
} = require('./examples-stempel');
const {
  addDataDukung,
  checkEvidenceSpec,
  iidNotes,
  IID_RULE_TEXT,
  IID_SEVERITY_TEXT,
} = require('./examples-iid');

// ---------------------------------------------------------------------------------------------
// Deterministic helpers

/** FNV-1a of a string: the seed of one workbook's PRNG. */
function hashSeed(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    shuffle: (list) => {
      const out = list.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
  };
}

const utc = (y, m, d, h = 0) => new Date(Date.UTC(y, m - 1, d, h));
const pad2 = (n) => String(n).padStart(2, '0');
const BULAN = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];
const countWords = (text) => (text.match(/[\p{L}\p{N}]+/gu) || []).length;

// ---------------------------------------------------------------------------------------------
// The data: scripts/examples-data/ (see its README.md). Read once, checked for unknown keys.

const DATA_DIR = path.join(__dirname, 'examples-data');
const readJson = (name) => JSON.parse(fs.readFileSync(path.join(DATA_DIR, name), 'utf8'));

/** Sentence pools for "Rancang Bangun" (the IID profile asks for at least 300 words). */
const POOLS = readJson('rancang-bangun.json');

/** The keys a workbook, a row and its standar pelayanan may have (README.md says what each means). */
const WORKBOOK_KEYS =
  'kode file sing tahun layout filled pj opdText extraColumn stempel editAfterStamp rows dataDukung'.split(
    ' ',
  );
const ROW_KEYS = [
  ...'n t ini j b p uc tp tg sas kanal m tu mf h a sa rep pm sp'.split(' '),
  ...'dh programText short ket set expect note'.split(' '),
];
const SP_KEYS = 's pr w bi pk pg'.split(' ');

/** A misspelt key would silently drop a value from the workbooks: refuse it. */
function checkKeys(object, allowed, where) {
  const unknown = Object.keys(object).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) throw new Error(`${where}: unknown key(s) ${unknown.join(', ')}`);
}

function checkRow(row, where) {
  checkKeys(row, ROW_KEYS, where);
  if (row.sp) checkKeys(row.sp, SP_KEYS, `${where} sp`);
  const columns = COLUMNS.map((c) => c.key);
  checkKeys(row.set ?? {}, columns, `${where} set`);
  for (const [, key] of row.expect ?? []) checkKeys({ [key]: true }, columns, `${where} expect`);
}

/** The workbooks, in the order of the README table: the files `NN-name.json`, sorted by name. */
const WORKBOOKS = fs
  .readdirSync(DATA_DIR)
  .filter((name) => /^\d\d-.+\.json$/.test(name))
  .sort()
  .map((name) => {
    const wb = readJson(name);
    checkKeys(wb, WORKBOOK_KEYS, name);
    wb.rows.forEach((row, i) => checkRow(row, `${name} row ${i + 1}`));
    checkStempelSpec(wb, name);
    checkEvidenceSpec(wb, name);
    return wb;
  });

function fill(text, vars) {
  return text.replace(/\{(\w+)\}/g, (_, k) => vars[k]);
}

/** A "Rancang Bangun" text of at least `minWords` words (or a short one, for a planted mistake). */
function rancangBangun(rng, inov, vars, minWords, short) {
  const opening = `Rancang bangun inovasi ${inov.n} disusun oleh ${vars.opd} untuk menjawab permasalahan yang dihadapi ${vars.sasaran}. ${inov.m}`;
  if (short) {
    return `${opening} Inovasi ini akan dilaksanakan bertahap bersama kelurahan dan relawan setempat.`;
  }
  const latar = rng.shuffle(POOLS.latar).slice(0, 3);
  const design = [POOLS.rancangan[0], ...rng.shuffle(POOLS.rancangan.slice(1)).slice(0, 4)];
  const channel = rng.shuffle(inov.j === 'D' ? POOLS.digital : POOLS.nonDigital).slice(0, 2);
  const pantau = rng.shuffle(POOLS.pantau);
  const p1 = [opening, ...latar];
  const p2 = [...design, ...channel];
  const p3 = pantau.slice(0, 3);
  const closing = `Dengan rancangan tersebut, ${inov.n} diharapkan memberi manfaat nyata bagi ${vars.sasaran} sekaligus mendukung pencapaian sasaran RPJMD ${vars.kota}.`;
  let spare = pantau.slice(3);
  const text = () =>
    [p1.join(' '), p2.join(' '), [...p3, closing].join(' ')].map((p) => fill(p, vars)).join('\n');
  while (countWords(text()) < minWords && spare.length > 0) {
    p3.push(spare[0]);
    spare = spare.slice(1);
  }
  return text();
}

// ---------------------------------------------------------------------------------------------
// Turning a row spec into cell values

const JENIS = { D: 'Digital', N: 'Non Digital' };
const BENTUK = {
  TK: 'Inovasi Tata Kelola Pemerintahan Daerah',
  PP: 'Inovasi Pelayanan Publik',
  LU: 'Inovasi Daerah Lainnya Sesuai Urusan',
};

function dateValue(spec) {
  if (spec === undefined || spec === null) return null;
  if (typeof spec === 'string') return spec; // a date typed as text, e.g. "12 Maret 2025"
  return utc(spec[0], spec[1], spec[2]);
}

function yearOf(spec) {
  if (Array.isArray(spec)) return spec[0];
  if (typeof spec === 'string') return Number(spec.match(/(\d{4})$/)[1]);
  return null;
}

function legalBasis(rng, wb, opd, year, k) {
  const n = rng.int(3, 48);
  switch (k % 3) {
    case 0:
      return `Peraturan Wali Kota Bitung Nomor ${n} Tahun ${year}`;
    case 1:
      return `Keputusan Wali Kota Bitung Nomor 188.45/HKM/SK/${rng.int(100, 480)}/${year}`;
    default:
      return `Keputusan Kepala ${opd.nama} Nomor 800/${rng.int(10, 250)}/${wb.sing}/${year}`;
  }
}

/** The cell values of one innovation row, by column key. */
function rowValues(ref, wb, opd, rng, inov, i) {
  const program = ref.rpjmd.program.find((p) => p.kode === inov.p);
  const bidangCode = inov.p.split('.').slice(0, 2).join('.');
  const bidang = ref.nomenklatur.bidang.find((b) => b.kode === bidangCode);
  const isTemplate = wb.layout === 'template';
  const vars = {
    opd: opd.nama,
    kota: ref.daerah.nama,
    sasaran: inov.sas,
    kanal: inov.kanal,
  };
  const penerapan = inov.t === 'Penerapan';
  const ujiCoba = inov.t === 'Uji Coba';
  const year = yearOf(inov.tp) ?? yearOf(inov.uc) ?? wb.tahun;

  // How staff write codes: the drop-down form (`1.02 Kesehatan`, `1.02.02 - PROGRAM …`) or the bare code.
  const urusan = rng.chance(0.6) ? `${bidang.kode} ${bidang.singkat}` : bidang.kode;
  let programText = inov.programText;
  if (!programText) programText = rng.chance(0.5) && program ? `${program.kode} - ${program.nama}` : inov.p;

  let dasarHukum = null;
  if (inov.dh) dasarHukum = inov.dh;
  else if (penerapan || (ujiCoba && rng.chance(0.4))) dasarHukum = legalBasis(rng, wb, opd, year, i);
  let nomorSop = null;
  if (penerapan || (ujiCoba && rng.chance(0.3))) nomorSop = `SOP/${wb.sing}/${pad2(i + 1)}/${year}`;

  const sp = inov.sp;
  const values = {
    no: i + 1,
    nama: inov.n,
    tahapan: inov.t,
    inisiator: inov.ini[0],
    namaInisiator: inov.ini[1],
    jenis: isTemplate ? JENIS[inov.j] : inov.j === 'D' && rng.chance(0.5) ? 'Daring' : JENIS[inov.j],
    bentuk: BENTUK[inov.b],
    urusan,
    program: programText,
    targetPenerapan: penerapan ? null : (inov.tg ?? null),
    tglUjiCoba: inov.t === 'Inisiatif' ? null : dateValue(inov.uc),
    tglPenerapan: penerapan ? dateValue(inov.tp) : null,
    dasarHukum,
    nomorSop,
    masalah: inov.m,
    rancangBangun: rancangBangun(rng, inov, vars, 320, inov.short === true),
    tujuan: inov.tu,
    manfaat: inov.mf,
    hasil: inov.h ?? null,
    anggaran: inov.a,
    sumberAnggaran: inov.sa,
    replikasi: inov.rep ? 'Ya' : 'Tidak',
    sumberReplikasi: inov.rep ?? null,
    penerimaManfaat: penerapan ? (inov.pm ?? null) : null,
    tautan: penerapan || (ujiCoba && inov.h) ? `https://bitungkota.go.id/inovasi/${slug(inov.n)}` : null,
    spPersyaratan: sp ? sp.s : null,
    spProsedur: sp ? sp.pr : null,
    spJangkaWaktu: sp ? sp.w : null,
    spBiaya: sp ? sp.bi : null,
    spProduk: sp ? sp.pk : null,
    spPengaduan: sp ? sp.pg : null,
    status: null,
  };
  for (const [key, value] of Object.entries(inov.set ?? {})) values[key] = value;
  return values;
}

function identityValues(wb, opd) {
  return {
    opd: wb.opdText ?? opd.nama,
    tahun: wb.tahun,
    penanggungJawab: wb.pj[0],
    jabatan: wb.pj[1],
    email: wb.pj[2],
    telepon: wb.pj[3],
    tanggalPengisian: utc(wb.filled[0], wb.filled[1], wb.filled[2]),
    versiTemplat: '1',
  };
}

// ---------------------------------------------------------------------------------------------
// Layouts

const KEYS = COLUMNS.map((c) => c.key);
const LABEL = Object.fromEntries(COLUMNS.map((c) => [c.key, c.label]));
const IDENTITY_LABEL = Object.fromEntries(IDENTITY.map((d) => [d.key, d.label]));

/** The column order staff used in the hand-made workbook: a different order, some aliases, no Status. */
const REORDERED = [
  ['no', 'No'],
  ['nama', 'Nama Inovasi'],
  ['urusan', 'Urusan'],
  ['program', 'Kode Program'],
  ['tahapan', 'Tahapan'],
  ['jenis', 'Jenis Inovasi'],
  ['bentuk', 'Bentuk Inovasi'],
  ['inisiator', 'Inisiator'],
  ['namaInisiator', 'Nama Inisiator'],
  ['masalah', 'Permasalahan'],
  ['tujuan', 'Tujuan'],
  ['manfaat', 'Manfaat'],
  ['rancangBangun', 'Rancang Bangun'],
  ['tglUjiCoba', 'Tanggal Uji Coba'],
  ['tglPenerapan', 'Tanggal Penerapan'],
  ['targetPenerapan', 'Target Penerapan'],
  ['dasarHukum', 'Dasar Hukum'],
  ['nomorSop', 'Nomor SOP'],
  ['hasil', 'Hasil Inovasi'],
  ['penerimaManfaat', 'Jumlah Penerima Manfaat'],
  ['tautan', 'Tautan'],
  ['anggaran', 'Anggaran'],
  ['sumberAnggaran', 'Sumber Anggaran'],
  ['replikasi', 'Replikasi'],
  ['sumberReplikasi', 'Sumber Replikasi'],
  ['spPersyaratan', 'Persyaratan'],
  ['spProsedur', 'Prosedur'],
  ['spJangkaWaktu', 'Jangka Waktu'],
  ['spBiaya', 'Biaya'],
  ['spProduk', 'Produk Layanan'],
  ['spPengaduan', 'Pengaduan'],
];

const IDENTITY_ALIASES = {
  opd: 'Nama OPD',
  tahun: 'Tahun',
  penanggungJawab: 'Penanggung Jawab',
  jabatan: 'Jabatan',
  email: 'E-mail',
  telepon: 'No. HP',
  tanggalPengisian: 'Tanggal Pengisian',
  versiTemplat: 'Versi Templat',
};

/** Workbook from the template writer, then filled in as staff would. */
function fromTemplate(ref, wb, opd, date, identity, rows) {
  const book = templateWorkbook(ref, { opd, tahun: wb.tahun, date });
  const ident = book.getWorksheet('Identitas');
  IDENTITY.forEach((def, r) => {
    if (def.key === 'versiTemplat' || def.key === 'tahun') return;
    ident.getCell(r + 1, 2).value = identity[def.key];
  });
  const sheet = book.getWorksheet('Inovasi');
  rows.forEach((values, r) => {
    KEYS.forEach((key, c) => {
      if (values[key] !== null && values[key] !== undefined) sheet.getCell(r + 2, c + 1).value = values[key];
    });
  });
  const layout = { sheet: 'Inovasi', headerRow: 1, columns: KEYS.slice() };
  if (wb.extraColumn) {
    const c = KEYS.length + 1;
    const header = sheet.getCell(1, c);
    header.value = wb.extraColumn;
    header.font = { bold: true };
    sheet.getColumn(c).width = 36;
    wb.rows.forEach((inov, r) => {
      if (inov.ket) sheet.getCell(r + 2, c).value = inov.ket;
    });
    layout.extraHeader = `${letters(c - 1)}1`;
  }
  return { book, layout, identityCell: (key) => `B${IDENTITY.findIndex((d) => d.key === key) + 1}` };
}

/** A hand-made workbook: plain sheets, optionally title rows above the header and another column order. */
function handMade(wb, opd, date, identity, rows, order, titleRows) {
  const identKeys = IDENTITY.map((d) => d.key);
  const identRows = identKeys.map((k) => [
    wb.layout === 'reordered' ? IDENTITY_ALIASES[k] : IDENTITY_LABEL[k],
    identity[k],
  ]);
  const header = order.map(([, label]) => label);
  const dataRows = rows.map((values) =>
    order.map(([key]) => (values[key] === undefined ? null : values[key])),
  );
  const inovasiRows = [...titleRows, header, ...dataRows];
  const widths = order.map(([key]) =>
    ['nama', 'dasarHukum', 'program', 'bentuk', 'urusan', 'tautan'].includes(key)
      ? 34
      : ['masalah', 'rancangBangun', 'tujuan', 'manfaat', 'hasil'].includes(key)
        ? 48
        : key.startsWith('sp')
          ? 26
          : 14,
  );
  const book = sheetsWorkbook(
    [
      { name: 'Identitas', rows: identRows, widths: [24, 48] },
      { name: 'Inovasi', rows: inovasiRows, widths },
    ],
    { date },
  );
  const headerRow = titleRows.length + 1;
  const sheet = book.getWorksheet('Inovasi');
  const lastCol = letters(order.length - 1);
  sheet.getRow(headerRow).font = { bold: true };
  sheet.getRow(headerRow).alignment = { wrapText: true, vertical: 'middle' };
  for (let c = 1; c <= order.length; c++) {
    sheet.getCell(headerRow, c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
  }
  order.forEach(([key], c) => {
    if (key === 'anggaran' || key === 'spBiaya') {
      for (let r = headerRow + 1; r <= headerRow + rows.length; r++) {
        const cell = sheet.getCell(r, c + 1);
        if (typeof cell.value === 'number') cell.numFmt = '#,##0';
      }
    }
  });
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow }];
  sheet.autoFilter = `A${headerRow}:${lastCol}${headerRow + rows.length}`;
  if (titleRows.length > 0) {
    sheet.mergeCells(`A1:${letters(Math.min(order.length, 8) - 1)}1`);
    sheet.getCell('A1').font = { bold: true, size: 14 };
    sheet.getCell('A2').font = { italic: true };
  }
  const ident = book.getWorksheet('Identitas');
  ident.getColumn(1).font = { bold: true };
  ident.getCell('B7').numFmt = 'dd/mm/yyyy';
  return {
    book,
    layout: { sheet: 'Inovasi', headerRow, columns: order.map(([key]) => key) },
    identityCell: (key) => `B${identKeys.indexOf(key) + 1}`,
  };
}

function buildWorkbook(ref, wb) {
  const opd = ref.opd.find((o) => o.kode === wb.kode);
  if (!opd) throw new Error(`OPD ${wb.kode} is not in the reference`);
  const rng = prng(hashSeed(wb.file));
  const date = utc(wb.filled[0], wb.filled[1], wb.filled[2], 1);
  const identity = identityValues(wb, opd);
  const rows = wb.rows.map((inov, i) => rowValues(ref, wb, opd, rng, inov, i));
  let built;
  if (wb.layout === 'template') {
    built = fromTemplate(ref, wb, opd, date, identity, rows);
  } else if (wb.layout === 'title') {
    const titleRows = [
      [`DAFTAR INOVASI DAERAH ${opd.nama.toUpperCase()} ${ref.daerah.nama.toUpperCase()} TAHUN ${wb.tahun}`],
      [`Keadaan per ${wb.filled[2]} ${BULAN[wb.filled[1] - 1]} ${wb.filled[0]}`],
      [],
    ];
    built = handMade(
      wb,
      opd,
      date,
      identity,
      rows,
      KEYS.filter((k) => k !== 'status').map((k) => [k, LABEL[k]]),
      titleRows,
    );
  } else {
    built = handMade(wb, opd, date, identity, rows, REORDERED, []);
  }

  // Where the planted mistakes must be reported.
  const { layout } = built;
  const expected = [];
  if (layout.extraHeader)
    expected.push({
      rule: 'STR-03',
      cell: layout.extraHeader,
      note: `kolom «${wb.extraColumn}» tidak dikenal`,
    });
  wb.rows.forEach((inov, i) => {
    for (const [rule, key] of inov.expect ?? []) {
      const col = layout.columns.indexOf(key);
      const cell = `${letters(col)}${layout.headerRow + 1 + i}`;
      expected.push({ rule, cell, row: layout.headerRow + 1 + i, nama: inov.n });
    }
  });
  // The evidence sheet before the stamps, which cover it (docs/spec/iid.md).
  expected.push(...addDataDukung(built.book, wb));
  return { book: built.book, date, expected, layout, opd };
}

// ---------------------------------------------------------------------------------------------
// README

const RULE_TEXT = {
  'STR-03': 'kolom tambahan yang tidak dikenal',
  'FMT-02': 'tahapan salah ketik («Penerapn»)',
  'FMT-04': 'anggaran ditulis «1,5 juta»',
  'LOG-01': 'tanggal penerapan lebih awal dari tanggal uji coba',
  'LOG-04': 'anggaran 0 dengan sumber APBD',
  'LOG-05': 'replikasi «Ya» tanpa sumber replikasi',
  'LOG-06': 'nama inovasi sama dengan baris sebelumnya',
  'LOG-07': 'uji coba dengan target penerapan 2025 yang sudah lewat',
  'RPJ-01': 'kode program 2.16.01 tidak ada dalam RPJMD',
  'RPJ-03': 'program keolahragaan bukan tanggung jawab OPD yang disebut Identitas',
  'RPJ-04': 'urusan kepemudaan dan olahraga bukan kewenangan OPD yang disebut Identitas',
  'SOP-02': 'dasar hukum berupa surat edaran tanpa nomor dan tahun',
  'SOP-03': 'tahap Penerapan tanpa Nomor SOP',
  'SOP-04': 'pelayanan publik tanpa «SP Penanganan Pengaduan»',
  'SOP-06': 'rancang bangun kurang dari 300 kata pada tahap Uji Coba',
  ...IID_RULE_TEXT,
};

/** Default severities (docs/spec/rules.md) of the planted findings that are not errors. */
const SEVERITY_TEXT = {
  'STR-03': 'peringatan',
  'LOG-07': 'peringatan',
  'SOP-02': 'peringatan',
  'SOP-06': 'peringatan',
  'RPJ-03': 'peringatan',
  'RPJ-04': 'peringatan',
  ...IID_SEVERITY_TEXT,
};

const LAYOUT_TEXT = {
  template: 'templat',
  title: 'buatan sendiri; judul di baris 1–2, header di baris 4',
  reordered: 'buatan sendiri; urutan kolom lain, label alias, tanpa kolom Status Validasi',
};

function readme(ref, results) {
  const lines = [];
  lines.push('# Contoh berkas usulan inovasi (data fiktif)');
  lines.push('');
  lines.push(
    `Berkas-berkas ini dibuat oleh \`scripts/generate-examples.js\` (\`npm run examples\`) untuk ${ref.daerah.nama}, ` +
      'dengan referensi bawaan (`bitung-contoh`). **Seluruh isi fiktif**: nama inovasi, nama pejabat, nomor ' +
      'peraturan, nomor SOP, angka, dan tautan hanya contoh, tidak menggambarkan data atau pejabat yang sebenarnya.',
  );
  lines.push('');
  lines.push(
    'Sebagian besar baris sah dan konsisten dengan referensi (kode program dari RPJMD yang menjadi tanggung jawab ' +
      'OPD tersebut, urusan = bidang program itu). Beberapa kesalahan yang lazim dibuat staf sengaja ditanam; ' +
      'tabel di bawah menyebut temuan yang seharusnya muncul saat `validate` dijalankan (tanggal validasi setelah ' +
      '31 Oktober 2026). Berkas lain tidak boleh menghasilkan temuan.',
  );
  lines.push('');
  lines.push(...TABLE_HEAD);
  for (const r of results) {
    const found = r.expected.length
      ? r.expected.map((e) => expectedText(e, RULE_TEXT, SEVERITY_TEXT)).join('<br>')
      : 'tidak ada';
    const opdText = r.spec.opdText ? `${r.opd.nama} (ditulis «${r.spec.opdText}»)` : r.opd.nama;
    lines.push(
      `| \`${r.spec.file}\` | ${opdText} | ${r.spec.tahun} | ${r.spec.rows.length} | ${LAYOUT_TEXT[r.spec.layout]} | ${found} | ${r.chain.summary} |`,
    );
  }
  lines.push('');
  lines.push('Catatan:');
  lines.push('');
  lines.push(
    '- Bentuk nilai yang sah tetapi beragam sengaja dipakai: urusan `1.02` atau `1.02 Kesehatan`, program `1.02.02` ' +
      'atau `1.02.02 - PROGRAM …`, tanggal sebagai tanggal Excel atau teks (`12 Maret 2025`, `05/08/2025`), ' +
      'anggaran sebagai angka atau teks `Rp 450.000.000`, jenis `Daring`, nama OPD berupa alias (`Dishub`, `Bappelitbang`).',
  );
  lines.push(...stempelNotes());
  lines.push(...iidNotes(results));
  lines.push(...replicationNotes(results));
  lines.push(
    '- Berkas dibuat deterministik: menjalankan skrip dua kali menghasilkan berkas yang identik byte demi byte.',
  );
  lines.push('');
  return lines.join('\n');
}

/** What the consolidation makes of each declared replication (docs/spec/replication.md), as `Katalog Replikasi` shows it. */
const SOURCE_TEXT = {
  inovasi: (s) => `inovasi «${s.innovation.nama}» (${s.innovation.opd.nama}) — tertaut di katalog`,
  opd: (s) => `hanya OPD: ${s.opd.nama}`,
  sendiri: () => 'OPD sendiri',
  luar: () => 'luar daerah',
  tidakDikenali: (s) => (s.saran ? `tidak dikenali (mungkin «${s.saran.nama}»)` : 'tidak dikenali'),
};

/**
 * The README's replication note, from the engine itself: the workbooks of the consolidation year
 * read back and matched as `consolidate` does (the 2025 workbook does not count).
 */
function replicationNotes(results) {
  const ref = defaultReference();
  const counting = results
    .filter((r) => r.spec.tahun === 2026)
    .map((r) => ({
      file: r.spec.file,
      validation: validateBytes(r.bytes, r.spec.file, { reference: ref, today: '2026-11-28' }),
    }));
  const result = buildReplication(counting, ref);
  const items = result.replications.map(
    (x) =>
      `\`${x.innovation.file}\` baris ${x.innovation.row.row} «${x.innovation.nama}» (sumber «${x.sumber || '–'}»: ${SOURCE_TEXT[x.source.jenis](x.source)})`,
  );
  return [
    `- Replikasi: ${result.catalogue.length} inovasi pelayanan publik yang sudah diterapkan masuk lembar \`Katalog Replikasi\` ringkasan kota. ` +
      `Replikasi yang dinyatakan: ${items.join('; ')}.`,
  ];
}

// ---------------------------------------------------------------------------------------------

/** Writes every example workbook and the README into `outDir`; returns what was written. */
async function generate(outDir) {
  const ref = defaultReference();
  fs.mkdirSync(outDir, { recursive: true });
  const results = [];
  for (const spec of WORKBOOKS) {
    const built = buildWorkbook(ref, spec);
    const chain = await addStempel(ref, spec, built);
    built.expected.push(...chain.expected);
    await writeWorkbook(built.book, path.join(outDir, spec.file), built.date);
    const bytes = new Uint8Array(fs.readFileSync(path.join(outDir, spec.file)));
    results.push({ spec, opd: built.opd, expected: built.expected, layout: built.layout, chain, bytes });
  }
  fs.writeFileSync(path.join(outDir, 'README.md'), readme(ref, results));
  // The OPD the Identitas names (an alias names its own OPD; a copied Identitas names another one).
  const named = (r) =>
    ref.opd.find((o) => o.nama === r.spec.opdText || o.alias.includes(r.spec.opdText)) ?? r.opd;
  return results.map((r) => ({
    file: r.spec.file,
    tahun: r.spec.tahun,
    opd: named(r).kode,
    expected: r.expected,
  }));
}

module.exports = { generate, WORKBOOKS };

if (require.main === module) {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, '..', 'examples'));
  generate(outDir).then(
    (written) => {
      for (const w of written) {
        const rules = w.expected.map((e) => `${e.rule}@${e.cell}`).join(', ') || '-';
        console.log(`${w.file.padEnd(26)} ${rules}`);
      }
      console.log(`${written.length} berkas dan README.md ditulis ke ${outDir}`);
    },
    (err) => {
      console.error(err && err.stack ? err.stack : err);
      process.exit(1);
    },
  );
}
