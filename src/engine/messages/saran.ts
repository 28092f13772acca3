/**
 * *Saran*: what OPD staff do about a finding, one text per rule in each language
 * (docs/spec/feedback.md: every rule has one). A `Record` over the registry's rule ids, so a rule
 * added without its saran, in either language, fails to compile. A finding's own hint (the nearest
 * allowed value, the row it repeats) is more precise and is shown instead when it has one
 * (`findingSaran`).
 */
import type { RuleId } from '../rules/registry';

export type SaranCatalogue = Readonly<Record<RuleId, string>>;

const id: SaranCatalogue = {
  'STR-01': 'Gunakan templat terbaru; isi inovasi pada lembar «Inovasi».',
  'STR-02': 'Tambahkan kolom itu di baris judul lembar «Inovasi», atau salin isian ke templat terbaru.',
  'STR-03': 'Hapus kolom itu atau ganti judulnya dengan judul kolom templat.',
  'STR-04': 'Hapus salah satu kolom kembar, setelah memindahkan isiannya.',
  'STR-05': 'Lengkapi isian itu di lembar «Identitas».',
  'STR-06': 'Pilih nama perangkat daerah dari daftar di lembar «Identitas».',
  'STR-07': 'Salin isian ke templat versi terbaru.',
  'STR-08': 'Isi setidaknya satu inovasi di lembar «Inovasi», satu baris per inovasi.',
  'FMT-01': 'Isi sel itu.',
  'FMT-02': 'Pilih nilai dari daftar pilihan sel itu.',
  'FMT-03': 'Tulis tanggal dengan format HH/BB/TTTT, misalnya 05/11/2026.',
  'FMT-04': 'Tulis angka saja, tanpa huruf, titik ribuan, atau satuan.',
  'FMT-05': 'Isi 0 atau angka positif.',
  'FMT-06': 'Perpanjang atau persingkat nama inovasi.',
  'FMT-07': 'Tulis tautan lengkap yang diawali http:// atau https://.',
  'FMT-08': 'Perbaiki penulisannya sesuai contoh pada pesan masukan sel.',
  'FMT-09': 'Buka berkas di Excel, simpan, lalu kirim ulang.',
  'LOG-01': 'Periksa kedua tanggal: penerapan tidak mendahului uji coba.',
  'LOG-02': 'Isi tanggal yang sudah terjadi, atau kosongkan bila belum.',
  'LOG-03': 'Sesuaikan tahapan dengan tanggal uji coba dan penerapan yang diisi.',
  'LOG-04': 'Pilih «Tanpa Anggaran» bila anggaran 0, atau isi nilai anggarannya.',
  'LOG-05': 'Isi «Sumber Replikasi» dengan asal inovasi yang ditiru.',
  'LOG-06': 'Bedakan nama inovasi, atau hapus baris ganda.',
  'LOG-07': 'Perbarui tahapan dan tanggal penerapan, atau tetapkan target tahun penerapan yang baru.',
  'SOP-01': 'Isi jenis, nomor, dan tahun peraturan yang mendasari inovasi.',
  'SOP-02': 'Tulis jenis, nomor, dan tahun peraturan, misalnya Peraturan Wali Kota Nomor 12 Tahun 2024.',
  'SOP-03': 'Isi nomor SOP inovasi.',
  'SOP-04': 'Lengkapi komponen standar pelayanan itu.',
  'SOP-05': 'Isi jangka waktu penyelesaian dalam hari, lebih dari 0.',
  'SOP-06': 'Lengkapi rancang bangun dan pokok perubahan hingga jumlah kata minimal.',
  'SOP-07': 'Isi kolom itu untuk inovasi yang sudah diterapkan.',
  'RPJ-01': 'Pilih kode program dari daftar program RPJMD.',
  'RPJ-02': 'Sesuaikan urusan dengan program, atau pilih program dari urusan itu.',
  'RPJ-03': 'Periksa program: pilih program yang menjadi tanggung jawab perangkat daerah ini.',
  'RPJ-04': 'Periksa urusan: pilih bidang urusan yang menjadi kewenangan perangkat daerah ini.',
  'RPJ-05': 'Periksa tahun pelaporan di lembar «Identitas».',
  'RPJ-06': 'Tetapkan target tahun penerapan di dalam periode RPJMD.',
  'KON-01': 'Isi «Replikasi» Ya bila meniru, atau bedakan nama inovasinya.',
  'KON-02': 'Tidak perlu tindakan: berkas yang lebih baru dipakai.',
  'KON-03': 'Simpan ulang sebagai buku kerja Excel (.xlsx) tanpa kata sandi, lalu kirim ulang.',
  'KON-04': 'Minta persetujuan ulang berjenjang dengan tombol stempel di panel.',
  'KON-05': 'Periksa tahun pelaporan di lembar «Identitas».',
  'KON-06': 'Selesaikan persetujuan tingkat itu secepatnya.',
  'KON-07': 'Perbaiki sesuai catatan pengembalian, lalu stempel ulang.',
  'KON-08':
    'Kirim satu berkas saja untuk perangkat daerah ini: hapus berkas lama, atau perbaiki Perangkat Daerah di lembar «Identitas».',
  'KON-09': 'Periksa Perangkat Daerah di lembar «Identitas», atau beri berkas nama yang sesuai.',
  'KON-11': 'Pilih nama perangkat daerah dari daftar referensi di lembar «Identitas».',
  'KON-10':
    'Periksa sumber replikasi: pilih inovasi OPD lain yang sudah berstatus Penerapan dan berbentuk pelayanan publik (lihat lembar «Katalog Replikasi»).',
  'IID-01':
    'Tulis Nama Inovasi di lembar «Data Dukung» persis seperti di lembar «Inovasi» (pilih dari daftar).',
  'IID-02':
    'Pilih indikator, tingkat dan status dari daftar; tulis tautan yang diawali http(s) dan tanggal yang sah.',
  'IID-03': 'Lengkapi bukti: isi tautan dokumen atau nomor dokumennya.',
  'IID-04':
    'Turunkan tingkat yang diklaim, atau perbarui data inovasi (dasar hukum, jangka waktu) agar sesuai dengan bukti.',
  'IID-05': 'Periksa tanggal dokumen; bukti harus dokumen yang sudah terbit.',
  'IID-06': 'Tambahkan baris bukti untuk indikator wajib ini di lembar «Data Dukung».',
};

const en: SaranCatalogue = {
  'STR-01': 'Use the current template; enter innovations on the «Inovasi» sheet.',
  'STR-02': 'Add that column to the «Inovasi» header row, or copy the entries into the current template.',
  'STR-03': "Delete that column or rename it to one of the template's headers.",
  'STR-04': 'Delete one of the twin columns after moving its entries.',
  'STR-05': 'Fill in that field on the «Identitas» sheet.',
  'STR-06': 'Choose the agency name from the list on the «Identitas» sheet.',
  'STR-07': 'Copy the entries into the current template version.',
  'STR-08': 'Enter at least one innovation on the «Inovasi» sheet, one row per innovation.',
  'FMT-01': 'Fill in that cell.',
  'FMT-02': "Choose a value from the cell's list.",
  'FMT-03': 'Write the date as DD/MM/YYYY, for example 05/11/2026.',
  'FMT-04': 'Write digits only, without letters, thousands dots or units.',
  'FMT-05': 'Enter 0 or a positive number.',
  'FMT-06': "Lengthen or shorten the innovation's name.",
  'FMT-07': 'Write the full link, starting with http:// or https://.',
  'FMT-08': "Correct it as in the example of the cell's input message.",
  'FMT-09': 'Open the file in Excel, save it, and send it again.',
  'LOG-01': 'Check both dates: adoption does not come before the trial.',
  'LOG-02': 'Enter a date that has passed, or leave it empty if not yet.',
  'LOG-03': 'Make the stage agree with the trial and adoption dates entered.',
  'LOG-04': 'Choose «Tanpa Anggaran» when the budget is 0, or enter the budget.',
  'LOG-05': 'Fill in «Sumber Replikasi» with where the innovation was copied from.',
  'LOG-06': 'Give the innovations different names, or delete the duplicate row.',
  'LOG-07': 'Update the stage and adoption date, or set a new target year.',
  'SOP-01': 'Enter the type, number and year of the regulation behind the innovation.',
  'SOP-02': 'Write the type, number and year, for example Peraturan Wali Kota Nomor 12 Tahun 2024.',
  'SOP-03': "Enter the innovation's SOP number.",
  'SOP-04': 'Complete that component of the service standard.',
  'SOP-05': 'Enter the completion time in days, more than 0.',
  'SOP-06': 'Extend the design and main changes to the minimum word count.',
  'SOP-07': 'Fill in that column for an adopted innovation.',
  'RPJ-01': 'Choose the program code from the list of RPJMD programs.',
  'RPJ-02': 'Make the affair match the program, or choose a program of that affair.',
  'RPJ-03': 'Check the program: choose one this agency is responsible for.',
  'RPJ-04': 'Check the affair: choose one within this agency’s authority.',
  'RPJ-05': 'Check the reporting year on the «Identitas» sheet.',
  'RPJ-06': 'Set a target year within the RPJMD period.',
  'KON-01': 'Set «Replikasi» to Ya if it was copied, or give the innovation a different name.',
  'KON-02': 'Nothing to do: the newer file is used.',
  'KON-03': 'Save it again as an Excel workbook (.xlsx) without a password and send it again.',
  'KON-04': 'Ask for the approvals again, level by level, with the stamp button in the pane.',
  'KON-05': 'Check the reporting year on the «Identitas» sheet.',
  'KON-06': 'Complete that level’s approval as soon as possible.',
  'KON-07': 'Correct as the return note says, then stamp again.',
  'KON-08':
    'Send one file for this agency: delete the old one, or correct the agency on the «Identitas» sheet.',
  'KON-09': 'Check the agency on the «Identitas» sheet, or give the file a matching name.',
  'KON-11': "Choose the agency's name from the reference list on the «Identitas» sheet.",
  'KON-10':
    "Check the replication source: name another agency's innovation that is at the Penerapan stage and a public-service innovation (see the «Katalog Replikasi» sheet).",
  'IID-01':
    'Write the innovation name on the «Data Dukung» sheet exactly as on the «Inovasi» sheet (pick it from the list).',
  'IID-02':
    'Pick the indicator, level and status from the lists; write a link starting with http(s) and a valid date.',
  'IID-03': "Complete the evidence: give the document's link or its number.",
  'IID-04':
    "Lower the claimed level, or update the innovation's data (legal basis, time frame) to match the evidence.",
  'IID-05': 'Check the document date; evidence must be a document already issued.',
  'IID-06': 'Add an evidence row for this mandatory indicator on the «Data Dukung» sheet.',
};

export const SARAN: Readonly<Record<'id' | 'en', SaranCatalogue>> = { id, en };
