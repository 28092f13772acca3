/* global module */
// The user guide's screenshots (docs/panduan/): each a stable name, never a step number. The browser
// test (run-e2e.js) takes every one of them with guide('<name>') and fails when one is not taken;
// test/docs/panduan.test.ts checks that every image the guide names is listed here and committed, and
// that every image listed here or committed is named by the guide. Renaming a step changes nothing here.
'use strict';

const GUIDE_DIR = 'docs/panduan/gambar';

/** name → what the picture shows (for the reader of this list; the guide writes its own captions). */
const GUIDE_SHOTS = {
  // Staf OPD
  'isi-buat-lembar': 'the pane on a workbook without an Inovasi sheet: Buat Lembar Isian',
  'validasi-temuan': 'after Validasi: the counts and the findings first, grouped by row',
  'perbaiki-klik-temuan': 'a finding clicked: its cell selected in the sheet',
  'perbaiki-validasi-ulang': 'validated again after the fixes: no errors left, Stempel: Disusun ready',
  'stempel-formulir': 'the sign-off form opened (Formulir stempel) with name and position typed',
  'stempel-disusun': 'the chain after Stempel: Disusun',
  // Perencana Bappeda
  'konsolidasi-pilih-berkas': 'the Rekap tab with three OPD workbooks picked',
  'konsolidasi-hasil': 'Hasil per OPD: «n dari m OPD mengirim», the filter, the table',
  'konsolidasi-saring': 'the filter set to Perlu perbaikan',
  'ringkasan-lembar': 'the buttons to the city summary sheets',
  'umpan-balik-unduh': 'one feedback workbook per OPD, offered as downloads',
  'jadwal-referensi': 'the Referensi tab with a reference that carries a schedule (jadwal)',
  'jadwal-tepat-waktu': 'Hasil per OPD with the schedule: each level on time or late',
  // Kepala OPD and verifikator
  'stempel-kembalikan': 'the head returns the workbook with a required note (Kembalikan)',
  'stempel-verifikasi': 'the chain verified: Disusun, Disetujui Kepala OPD, Diverifikasi',
  // Auditor / verifikator
  'audit-temuan': 'the Audit tab: stamp status and findings with Terima temuan',
  'audit-terima-temuan': 'the accept dialog: reason and reviewer required',
  'audit-diterima': 'a finding accepted, with who and why',
  'audit-rantai-stempel': 'the chain in the Audit tab after an edit: every level Berubah',
  'audit-laporan': 'Ekspor Laporan Audit',
};

module.exports = { GUIDE_DIR, GUIDE_SHOTS };
