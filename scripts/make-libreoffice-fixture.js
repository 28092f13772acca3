#!/usr/bin/env node
/**
 * Builds test/fixtures/libreoffice/dinsos-libreoffice.xlsx: a submission that LibreOffice Calc
 * wrote (its own shared strings, styles and cached formula results), so the reader is tested on a
 * workbook we did not write. Needs `apt-get install -y libreoffice-calc-nogui`; the result is
 * committed, so CI does not need LibreOffice. Steps: exceljs writes a draft → soffice converts it
 * to .ods → soffice converts the .ods back to .xlsx (LibreOffice's own writer).
 */
const ExcelJS = require('exceljs');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { COLUMNS } = require('../lib/engine/schema');

const words = (n) =>
  Array.from(
    { length: n },
    (_, i) => ['bantuan', 'sosial', 'tepat', 'sasaran', 'data', 'terpadu'][i % 6],
  ).join(' ');
const base = {
  'Nama Inovasi': 'Kartu Bitung Peduli Lansia',
  'Tahapan Inovasi': 'Penerapan',
  Inisiator: 'OPD',
  'Nama Inisiator': 'Bidang Rehabilitasi Sosial',
  'Jenis Inovasi': 'Non Digital',
  'Bentuk Inovasi': 'Inovasi Pelayanan Publik',
  'Urusan Pemerintahan': '1.06',
  'Kode Program RPJMD': '1.06.04 - PROGRAM REHABILITASI SOSIAL',
  'Tanggal Uji Coba': '12 Maret 2024',
  'Tanggal Penerapan': new Date(Date.UTC(2025, 0, 6)),
  'Dasar Hukum': 'Peraturan Wali Kota Bitung Nomor 21 Tahun 2024',
  'Nomor SOP': 'SOP/DINSOS/03/2024',
  Permasalahan: 'Lansia terlantar belum terdata',
  'Rancang Bangun': words(320),
  Tujuan: 'Pendataan dan layanan lansia',
  Manfaat: 'Lansia mendapat layanan rutin',
  'Hasil Inovasi': '412 lansia terlayani',
  'Anggaran (Rp)': 'Rp 75.000.000',
  'Sumber Anggaran': 'APBD',
  Replikasi: 'Tidak',
  'Jumlah Penerima Manfaat': { formula: '400+12', result: 412 },
  'Tautan Data Dukung': 'https://bitungkota.go.id/inovasi/lansia',
  'SP Persyaratan': 'KTP, KK',
  'SP Prosedur': 'Pendaftaran di kelurahan, verifikasi, kartu terbit',
  'SP Jangka Waktu (hari)': '7 hari',
  'SP Biaya/Tarif (Rp)': 0,
  'SP Produk Layanan': 'Kartu Bitung Peduli Lansia',
  'SP Penanganan Pengaduan': 'SMS 0812-4455-6677',
};
const rows = [
  base,
  {
    ...base,
    'Nama Inovasi': 'Dapur Umum Keliling',
    'Tahapan Inovasi': 'Uji Coba ',
    'Tanggal Penerapan': null,
    'Target Tahun Penerapan': 2027,
    'SP Prosedur': null,
    'Anggaran (Rp)': '1,5 juta',
  },
  {
    ...base,
    'Nama Inovasi': 'Kartu Bitung Peduli Lansia',
    'Jumlah Penerima Manfaat': { formula: '1/0', result: { error: '#DIV/0!' } },
    'Kode Program RPJMD': '1.06.99',
  },
];

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-fixture-'));
  const wb = new ExcelJS.Workbook();
  const id = wb.addWorksheet('Identitas');
  [
    ['Perangkat Daerah', 'Dinas Sosial'],
    ['Tahun Pelaporan', 2026],
    ['Nama Penanggung Jawab', 'Drs. Hendra Pangkey'],
    ['Email', 'dinsos@bitungkota.go.id'],
    ['Telepon', '0438 21 0 99'],
    ['Tanggal Pengisian', '20/10/2026'],
  ].forEach((r) => id.addRow(r));
  const sheet = wb.addWorksheet('Inovasi');
  sheet.addRow(['DAFTAR INOVASI DINAS SOSIAL KOTA BITUNG 2026']);
  const labels = COLUMNS.map((c) => c.label);
  sheet.addRow(labels);
  rows.forEach((r, i) => sheet.addRow(labels.map((l) => (l === 'No' ? i + 1 : (r[l] ?? null)))));
  const draft = path.join(dir, 'dinsos-libreoffice.xlsx');
  await wb.xlsx.writeFile(draft);
  execFileSync('soffice', ['--headless', '--convert-to', 'ods', '--outdir', dir, draft], {
    stdio: 'inherit',
  });
  fs.unlinkSync(draft);
  execFileSync(
    'soffice',
    [
      '--headless',
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      dir,
      path.join(dir, 'dinsos-libreoffice.ods'),
    ],
    { stdio: 'inherit' },
  );
  const target = path.join(__dirname, '..', 'test', 'fixtures', 'libreoffice', 'dinsos-libreoffice.xlsx');
  fs.copyFileSync(draft, target);
  console.log(`wrote ${target}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
