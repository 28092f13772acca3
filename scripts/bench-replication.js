#!/usr/bin/env node
/**
 * The replication benchmark (docs/spec/replication.md, Performance): a province-sized synthetic
 * consolidation — 20,000 workbooks × 10 rows = 200,000 rows, one OPD each, a tenth of the rows
 * declared replications with every kind of source — consolidated by the engine with the
 * replication step and, side by side in the same process, with that step replaced by an empty
 * result (the consolidation as it was before replication). Interleaved, median of BENCH_REPS
 * (default 3), by wall clock and by the process's CPU time. Prints one JSON line: { rows, files,
 * catalogue, replications, withMs, withoutMs, ratio, withRuns, withoutRuns, withCpuMs, withoutCpuMs,
 * cpuRatio }.
 * Usage: node scripts/bench-replication.js [WORKBOOKS] [ROWS_PER_WORKBOOK]
 */
const { COLUMNS } = require('../lib/engine/schema');
const { defaultReference } = require('../lib/engine/reference/load');
const { validateWorkbook } = require('../lib/engine/validate');
const { consolidate } = require('../lib/engine/consolidate');
const build = require('../lib/engine/replication/build');

const WORKBOOKS = Number(process.argv[2] || 20000);
const ROWS = Number(process.argv[3] || 10);
const REPS = Number(process.env.BENCH_REPS || 3);
const today = '2026-11-28';
const WORDS =
  'layanan antrean digital cepat posyandu terpadu sehat warga kelurahan perizinan sampah pintar bansos sekolah pasar nelayan'.split(
    ' ',
  );

/** The sample reference with one synthetic OPD per workbook (a province has that many units), short design texts allowed. */
function provinceReference() {
  const ref = defaultReference();
  const opd = [...ref.opd];
  for (let i = 0; i < WORKBOOKS; i++)
    opd.push({ kode: `UNIT-${i}`, nama: `Unit Layanan Wilayah ${i}`, alias: [], bidang: ['1.02'] });
  return { ...ref, opd, parameter: { ...ref.parameter, minWords: 3 } };
}

const name = (file, row) =>
  `${WORDS[(file + row) % WORDS.length]} ${WORDS[(file * 7 + row * 3) % WORDS.length]} ${file} ${row}`;

/** A replication's source, by kind in turn: another unit's innovation, another unit, itself, outside, a typo of a name. */
function source(file, row, k) {
  const other = (file * 31 + row * 17 + 1) % WORKBOOKS;
  switch (k % 10) {
    case 0:
    case 1:
    case 2:
    case 3:
    case 4:
      return `replikasi ${name(other === file ? (file + 1) % WORKBOOKS : other, (row + 1) % ROWS)} dari daerah tetangga`;
    case 5:
    case 6:
      return `Unit Layanan Wilayah ${other === file ? (file + 1) % WORKBOOKS : other}`;
    case 7:
      return `Unit Layanan Wilayah ${file}`;
    case 8:
      return 'Kabupaten Minahasa Utara';
    default:
      return `${name(other, row).replace(/a/, '')}x`;
  }
}

function grid(file) {
  const labels = COLUMNS.map((c) => c.label);
  const rows = [labels];
  for (let r = 0; r < ROWS; r++) {
    const replication = (file * ROWS + r) % 10 === 0;
    const penerapan = r % 3 !== 0;
    const v = {
      'Nama Inovasi': name(file, r),
      'Tahapan Inovasi': penerapan ? 'Penerapan' : 'Uji Coba',
      Inisiator: 'OPD',
      'Nama Inisiator': 'Bidang Pelayanan',
      'Jenis Inovasi': 'Digital',
      'Bentuk Inovasi': 'Inovasi Pelayanan Publik',
      'Urusan Pemerintahan': '1.02',
      'Kode Program RPJMD': '1.02.02',
      'Tanggal Uji Coba': '2024-03-01',
      'Tanggal Penerapan': penerapan ? '2025-01-15' : null,
      'Dasar Hukum': 'Peraturan Wali Kota Bitung Nomor 12 Tahun 2024',
      'Nomor SOP': `SOP/${r}`,
      Permasalahan: 'antrean panjang',
      'Rancang Bangun': 'rancang bangun layanan terpadu',
      Tujuan: 'cepat',
      Manfaat: 'warga terlayani',
      'Hasil Inovasi': 'waktu tunggu turun',
      'Anggaran (Rp)': 1000000,
      'Sumber Anggaran': 'APBD',
      Replikasi: replication ? 'Ya' : 'Tidak',
      'Sumber Replikasi': replication ? source(file, r, Math.floor((file * ROWS + r) / 10)) : null,
      'Jumlah Penerima Manfaat': 100 + r,
      'Tautan Data Dukung': 'https://contoh.go.id/data',
      'SP Persyaratan': 'KTP',
      'SP Prosedur': 'datang',
      'SP Jangka Waktu (hari)': 1,
      'SP Biaya/Tarif (Rp)': 0,
      'SP Produk Layanan': 'dokumen',
      'SP Penanganan Pengaduan': 'SMS',
    };
    rows.push(labels.map((l) => (l in v ? v[l] : null)));
  }
  const identitas = [
    ['Perangkat Daerah', `Unit Layanan Wilayah ${file}`],
    ['Tahun Pelaporan', 2026],
    ['Nama Penanggung Jawab', 'Kepala Unit'],
    ['Email', `unit${file}@contoh.go.id`],
  ];
  return {
    sheets: [
      { name: 'Identitas', rows: identitas },
      { name: 'Inovasi', rows },
    ],
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function main() {
  const reference = provinceReference();
  const inputs = [];
  for (let f = 0; f < WORKBOOKS; f++) {
    const file = `unit-${f}.xlsx`;
    inputs.push({
      file,
      size: 0,
      sha256: null,
      validation: validateWorkbook(grid(f), file, { reference, today }),
    });
  }
  const real = build.buildReplication;
  const empty = real([], reference);
  // Only the figures of a run are kept: no summary stays alive while the next run is timed (its
  // garbage would slow that run's collector, whichever side it is).
  const time = (withReplication) => {
    build.buildReplication = withReplication ? real : () => empty;
    if (global.gc) global.gc();
    const t0 = process.hrtime.bigint();
    const cpu0 = process.cpuUsage();
    const summary = consolidate(inputs, { reference, today });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const cpu = process.cpuUsage(cpu0);
    const r = summary.replikasi;
    return {
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      files: r.files,
      catalogue: r.catalogue.length,
      replications: r.replications.length,
      linked: r.replications.filter((x) => x.source.jenis === 'inovasi').length,
    };
  };
  const withRuns = [];
  const withoutRuns = [];
  let last = null;
  for (let r = 0; r < REPS; r++) {
    // Alternating which goes first.
    if (r % 2) withoutRuns.push(time(false));
    last = time(true);
    withRuns.push(last);
    if (r % 2 === 0) withoutRuns.push(time(false));
  }
  const withMs = withRuns.map((x) => x.ms);
  const withoutMs = withoutRuns.map((x) => x.ms);
  build.buildReplication = real;
  // The replication step alone on the same counting files, for the profile of the figure.
  const alone = [];
  for (let r = 0; r < REPS; r++) {
    if (global.gc) global.gc();
    const t0 = process.hrtime.bigint();
    real(last.files, reference);
    alone.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const rows = inputs.reduce((n, i) => n + (i.validation.submission?.table?.rows.length ?? 0), 0);
  const result = {
    files: WORKBOOKS,
    rows,
    catalogue: last.catalogue,
    replications: last.replications,
    linked: last.linked,
    withMs: median(withMs),
    withoutMs: median(withoutMs),
    replicationMs: median(alone),
    // Every run, in the order they ran (interleaved), for the side-by-side table of docs/performance.md.
    withRuns: withMs.map(Math.round),
    withoutRuns: withoutMs.map(Math.round),
    // CPU time of the process (every thread, the collector's too): on a shared machine it varies far
    // less with the other processes' load than wall-clock time does.
    withCpuMs: median(withRuns.map((x) => x.cpuMs)),
    withoutCpuMs: median(withoutRuns.map((x) => x.cpuMs)),
  };
  result.ratio = result.withMs / result.withoutMs;
  result.cpuRatio = result.withCpuMs / result.withoutCpuMs;
  console.log(JSON.stringify(result));
}

main();
