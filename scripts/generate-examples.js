#!/usr/bin/env node
/**
 * Writes a set of FICTITIOUS Kota Bitung OPD submission workbooks (template version 1) into
 * `examples/` (or the folder named as the first argument), plus `examples/README.md` listing each
 * file and the mistakes it contains on purpose, with the findings the validator should make.
 *
 *   npm run build:cli && node scripts/generate-examples.js [FOLDER]
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

function slug(text) {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
}


// ---------------------------------------------------------------------------------------------
// Sentence pools for "Rancang Bangun" (the IID profile asks for at least 300 words)

const LATAR = [
  'Selama ini pelayanan masih bergantung pada kehadiran langsung di kantor, pencatatan manual, dan koordinasi lintas unit yang tidak terjadwal, sehingga waktu tunggu menjadi panjang dan data sulit ditelusuri kembali.',
  'Kondisi geografis {kota} yang terdiri atas wilayah daratan dan Pulau Lembeh membuat sebagian warga harus menempuh perjalanan laut dengan biaya yang tidak sedikit untuk mendapatkan layanan dasar.',
  'Hasil evaluasi internal tahun sebelumnya menunjukkan bahwa keluhan terbanyak berkaitan dengan kejelasan persyaratan, kepastian waktu penyelesaian, dan minimnya informasi tentang status permohonan.',
  'Keterbatasan jumlah petugas dan anggaran menuntut cara kerja yang lebih efisien tanpa mengurangi mutu layanan yang diterima masyarakat.',
  'Di sisi lain, penggunaan telepon pintar dan aplikasi pesan di kalangan warga terus meningkat, termasuk di kelurahan pesisir, sehingga terbuka peluang untuk mendekatkan layanan.',
  'Data yang tersebar di beberapa unit kerja juga menyulitkan pimpinan untuk mengambil keputusan yang cepat dan tepat sasaran.',
];

const RANCANGAN = [
  'Pokok perubahan yang dibawa inovasi ini adalah pergeseran dari pola menunggu di kantor menjadi pola menjemput kebutuhan {sasaran} melalui {kanal}.',
  'Alur kerja disederhanakan menjadi empat langkah, yaitu pendaftaran, verifikasi, penyelesaian, dan penyerahan hasil, dan setiap langkah memiliki penanggung jawab serta batas waktu yang jelas.',
  'Seluruh persyaratan diumumkan secara terbuka di kantor, di laman resmi pemerintah kota, dan melalui media sosial, sehingga warga dapat menyiapkan berkas sebelum datang.',
  'Petugas pelaksana dibekali pelatihan singkat tentang prosedur baru, etika pelayanan, dan cara mencatat setiap permohonan pada lembar kendali yang sama.',
  'Koordinasi dengan kelurahan, kecamatan, dan perangkat daerah terkait dilakukan melalui rapat bulanan serta grup pesan yang dipantau langsung oleh koordinator inovasi.',
  'Untuk menjangkau wilayah yang sulit diakses, tim menyusun jadwal kunjungan bergilir yang disepakati bersama lurah, kepala lingkungan, dan tokoh masyarakat setempat.',
  'Setiap permohonan atau kegiatan diberi nomor registrasi sehingga perkembangannya dapat ditanyakan dan ditelusuri tanpa harus datang kembali ke kantor.',
  'Inovasi ini tidak menambah struktur organisasi baru, tetapi mengoptimalkan sumber daya yang sudah ada dengan pembagian tugas yang lebih tegas di antara bidang dan seksi.',
  'Kerja sama dengan pihak lain, seperti perbankan, perguruan tinggi, gereja dan masjid, serta organisasi masyarakat, dijajaki untuk memperluas jangkauan tanpa membebani anggaran daerah.',
  'Tahap uji coba dilaksanakan di beberapa kelurahan terpilih dengan mempertimbangkan jumlah penduduk, jarak ke pusat layanan, dan kesiapan aparat setempat.',
];

const DIGITAL = [
  'Aplikasi dibangun di atas infrastruktur milik pemerintah kota sehingga data tersimpan aman, memiliki cadangan harian, dan dapat diintegrasikan dengan sistem lain melalui antarmuka yang terdokumentasi.',
  'Antarmuka dirancang sederhana, dapat dibuka melalui telepon pintar dengan koneksi terbatas, dan dilengkapi panduan bergambar dalam bahasa yang mudah dipahami.',
  'Notifikasi otomatis dikirimkan kepada pengguna ketika berkas diterima, diverifikasi, dan selesai diproses, sehingga tidak ada lagi pertanyaan berulang di loket.',
  'Data yang terkumpul ditampilkan dalam dasbor sederhana sehingga pimpinan dapat melihat jumlah layanan, waktu penyelesaian, dan sebaran wilayah setiap minggu.',
];

const NON_DIGITAL = [
  'Pelaksanaan di lapangan menggunakan formulir sederhana yang sama di semua lokasi, kemudian direkap setiap pekan oleh petugas administrasi ke dalam satu buku register.',
  'Kader dan relawan setempat dilibatkan sebagai penghubung antara petugas dan warga, terutama untuk menyampaikan jadwal dan mengingatkan kelengkapan berkas.',
  'Sarana pendukung seperti meja layanan keliling, papan informasi, pengeras suara, dan kotak saran disiapkan di setiap titik layanan.',
];

const PANTAU = [
  'Pemantauan dilakukan setiap bulan dengan membandingkan jumlah layanan, waktu penyelesaian, dan jumlah pengaduan sebelum dan sesudah inovasi diterapkan.',
  'Survei kepuasan masyarakat dilaksanakan setiap semester sesuai pedoman survei kepuasan masyarakat yang berlaku bagi unit penyelenggara pelayanan publik.',
  'Hasil pemantauan dibahas dalam rapat evaluasi yang dipimpin kepala perangkat daerah dan menjadi dasar perbaikan prosedur pada periode berikutnya.',
  'Agar berkelanjutan, inovasi ini dimasukkan ke dalam rencana kerja tahunan, dituangkan dalam standar operasional prosedur, dan dianggarkan secara rutin.',
  'Pengetahuan tentang pelaksanaan inovasi didokumentasikan dalam buku saku sehingga dapat dipelajari petugas baru maupun perangkat daerah lain yang ingin mereplikasinya.',
  'Risiko utama yang diantisipasi adalah pergantian petugas, gangguan jaringan, dan keterbatasan anggaran; untuk itu disiapkan petugas cadangan dan prosedur manual sebagai alternatif.',
  'Indikator keberhasilan yang digunakan antara lain jumlah penerima manfaat, persentase layanan yang selesai tepat waktu, dan nilai indeks kepuasan masyarakat.',
  'Keterlibatan masyarakat dijaga melalui forum konsultasi publik yang diadakan sekurang-kurangnya sekali setahun bersama tokoh agama, tokoh adat, dan perwakilan kelurahan.',
];

function fill(text, vars) {
  return text.replace(/\{(\w+)\}/g, (_, k) => vars[k]);
}

/** A "Rancang Bangun" text of at least `minWords` words (or a short one, for a planted mistake). */
function rancangBangun(rng, inov, vars, minWords, short) {
  const opening = `Rancang bangun inovasi ${inov.n} disusun oleh ${vars.opd} untuk menjawab permasalahan yang dihadapi ${vars.sasaran}. ${inov.m}`;
  if (short) {
    return `${opening} Inovasi ini akan dilaksanakan bertahap bersama kelurahan dan relawan setempat.`;
  }
  const latar = rng.shuffle(LATAR).slice(0, 3);
  const design = [RANCANGAN[0], ...rng.shuffle(RANCANGAN.slice(1)).slice(0, 4)];
  const channel = rng.shuffle(inov.j === 'D' ? DIGITAL : NON_DIGITAL).slice(0, 2);
  const pantau = rng.shuffle(PANTAU);
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
// The workbooks. Field names: n nama, t tahapan, ini [inisiator, nama inisiator], j D/N (jenis),
// b TK/PP/LU (bentuk), p program code, uc / tp dates of uji coba / penerapan, tg target year,
// sas sasaran (who benefits), kanal (how it reaches them), m masalah, tu tujuan, mf manfaat,
// h hasil, a anggaran, sa sumber anggaran, rep sumber replikasi (implies Replikasi = Ya),
// pm penerima manfaat, sp standar pelayanan {s, pr, w, bi, pk, pg}, set raw cell overrides,
// expect the findings a planted mistake must produce ([rule, column key]), short a short
// rancang bangun.

const JENIS = { D: 'Digital', N: 'Non Digital' };
const BENTUK = {
  TK: 'Inovasi Tata Kelola Pemerintahan Daerah',
  PP: 'Inovasi Pelayanan Publik',
  LU: 'Inovasi Daerah Lainnya Sesuai Urusan',
};

const pengaduan = (unit, wa) =>
  `Melalui SP4N-LAPOR!, kotak saran di kantor ${unit}, dan WhatsApp ${wa}; ditanggapi paling lama 5 hari kerja.`;

const WORKBOOKS = [
  {
    kode: 'DINKES',
    file: 'dinkes-2026.xlsx',
    sing: 'DINKES',
    tahun: 2026,
    layout: 'template',
    filled: [2026, 10, 8],
    pj: [
      'dr. Meiske Tangkudung, M.Kes',
      'Sekretaris Dinas Kesehatan',
      'dinkes@bitungkota.go.id',
      '(0438) 21045',
    ],
    rows: [
      {
        n: 'Posyandu Digital Bitung Sehat',
        t: 'Penerapan',
        ini: ['OPD', 'Dinas Kesehatan Kota Bitung'],
        j: 'D',
        b: 'PP',
        p: '1.02.05',
        uc: [2024, 2, 5],
        tp: [2024, 8, 12],
        sas: 'ibu hamil, bayi, dan balita',
        kanal: 'aplikasi Posyandu Digital di telepon kader',
        m: 'Pencatatan penimbangan balita di 68 posyandu masih memakai buku KIA dan register kertas, sehingga balita berisiko stunting terlambat dirujuk.',
        tu: 'Mencatat hasil penimbangan secara daring dan memberi tanda dini bagi balita yang berat badannya tidak naik.',
        mf: 'Kader dan bidan kelurahan mengetahui balita berisiko pada hari yang sama; orang tua menerima pengingat jadwal posyandu.',
        h: 'Sebanyak 64 dari 68 posyandu mencatat secara daring; rujukan balita berisiko naik dari 41% menjadi 87% dalam satu tahun.',
        a: 185000000,
        sa: 'APBD',
        pm: 9120,
        sp: {
          s: 'Buku KIA atau NIK ibu dan anak',
          pr: 'Daftar di meja 1, penimbangan, pencatatan di aplikasi oleh kader, konseling gizi, rujukan bila perlu',
          w: 1,
          bi: 0,
          pk: 'Catatan tumbuh kembang anak dan surat rujukan bila diperlukan',
          pg: pengaduan('Dinas Kesehatan', '0811-4300-2101'),
        },
      },
      {
        n: 'Si-CEPAT TB: Sistem Cepat Pelacakan Tuberkulosis',
        t: 'Penerapan',
        ini: ['ASN', 'dr. Arnold Wowor (Puskesmas Girian Weru)'],
        j: 'D',
        b: 'LU',
        p: '1.02.02',
        uc: [2024, 5, 20],
        tp: [2025, 1, 6],
        sas: 'penderita tuberkulosis dan keluarganya',
        kanal: 'pelacakan kontak berbasis aplikasi dan kunjungan rumah',
        m: 'Angka putus berobat tuberkulosis di Kota Bitung masih 11% dan pelacakan kontak serumah belum tercatat rapi.',
        tu: 'Menemukan kasus baru lebih cepat dan memastikan penderita menuntaskan pengobatan enam bulan.',
        mf: 'Kontak serumah diperiksa dalam 14 hari; petugas menerima pengingat minum obat pasien.',
        h: 'Angka putus berobat turun menjadi 4% pada 2025; 1.340 kontak serumah diperiksa.',
        a: 96500000,
        sa: 'APBN',
        pm: 1340,
      },
      {
        n: 'Ambulans Laut Gratis Pulau Lembeh',
        t: 'Penerapan',
        ini: ['Kepala Daerah', 'Wali Kota Bitung'],
        j: 'N',
        b: 'PP',
        p: '1.02.02',
        uc: [2023, 11, 1],
        tp: [2024, 3, 4],
        sas: 'warga Kecamatan Lembeh Selatan dan Lembeh Utara',
        kanal: 'perahu ambulans yang bersiaga 24 jam di dermaga Papusungan',
        m: 'Pasien gawat darurat dari Pulau Lembeh harus menyewa perahu sendiri untuk menyeberang ke rumah sakit di daratan.',
        tu: 'Menyediakan penyeberangan pasien gawat darurat tanpa biaya dalam waktu kurang dari 30 menit.',
        mf: 'Pasien tertangani lebih cepat dan keluarga tidak menanggung biaya sewa perahu.',
        h: 'Sebanyak 412 pasien diseberangkan pada 2025 dengan waktu tanggap rata-rata 22 menit.',
        a: 'Rp 450.000.000',
        sa: 'APBD',
        pm: 412,
        sp: {
          s: 'Surat rujukan puskesmas atau keterangan gawat darurat dari petugas',
          pr: 'Hubungi call center 112, petugas menjemput di dermaga terdekat, pasien diantar ke RSUD',
          w: 1,
          bi: 0,
          pk: 'Layanan penyeberangan pasien dan serah terima di IGD',
          pg: pengaduan('Dinas Kesehatan', 'call center 112'),
        },
      },
      {
        n: 'Gerakan Ibu Hamil Sehat Cegah Stunting (GEMAS CETING)',
        t: 'Uji Coba',
        ini: ['OPD', 'Bidang Kesehatan Masyarakat'],
        j: 'N',
        b: 'LU',
        p: '1.02.05',
        uc: [2025, 9, 15],
        tg: 2027,
        sas: 'ibu hamil di kelurahan dengan prevalensi stunting tinggi',
        kanal: 'kelas ibu hamil dan kunjungan rumah oleh kader',
        m: 'Sebagian ibu hamil baru memeriksakan kehamilan setelah trimester kedua dan kurang mendapat tablet tambah darah.',
        tu: 'Meningkatkan kunjungan antenatal pertama pada trimester pertama dan kepatuhan minum tablet tambah darah.',
        mf: 'Risiko bayi lahir dengan berat badan rendah berkurang.',
        a: 75000000,
        sa: 'APBD',
      },
      {
        n: 'SiAntre Puskesmas: Antrean Daring Puskesmas',
        t: 'Uji Coba',
        ini: ['ASN', 'Tim Teknologi Informasi Dinas Kesehatan'],
        j: 'D',
        b: 'PP',
        p: '1.02.02',
        uc: [2026, 3, 2],
        tg: 2026,
        sas: 'pasien rawat jalan puskesmas',
        kanal: 'nomor antrean melalui WhatsApp dan laman puskesmas',
        m: 'Pasien puskesmas mengantre sejak subuh untuk mendapatkan nomor antrean, padahal pelayanan baru dimulai pukul 08.00.',
        tu: 'Mengurangi waktu tunggu di puskesmas dengan antrean daring.',
        mf: 'Pasien datang sesuai perkiraan jam layanan; ruang tunggu tidak lagi penuh sesak.',
        h: 'Pada uji coba di dua puskesmas, waktu tunggu rata-rata turun dari 95 menit menjadi 40 menit.',
        a: 60000000,
        sa: 'APBD',
        sp: {
          s: 'Nomor induk kependudukan atau nomor kartu BPJS Kesehatan',
          pr: 'Kirim pesan ke nomor antrean, terima nomor dan perkiraan jam layanan, datang 15 menit sebelumnya',
          w: 1,
          bi: 0,
          pk: 'Nomor antrean rawat jalan',
          pg: null,
        },
        expect: [['SOP-04', 'spPengaduan']],
      },
      {
        n: 'Kelas Kader Kesehatan Berbasis Jemaat',
        t: 'Penerapan',
        ini: ['Masyarakat', 'Badan Pekerja Majelis Jemaat se-Kota Bitung'],
        j: 'N',
        b: 'LU',
        p: '1.02.05',
        // Planted mistake: the dates are swapped (penerapan before uji coba).
        uc: [2025, 6, 10],
        tp: [2025, 3, 3],
        sas: 'kader kesehatan dan anggota jemaat',
        kanal: 'kelas kader setelah ibadah kolom di gereja dan masjid',
        m: 'Jumlah kader aktif menurun dan pengetahuan kader tentang penyakit tidak menular masih rendah.',
        tu: 'Melatih kader kesehatan dari lingkungan rumah ibadah agar deteksi dini penyakit tidak menular menjangkau lebih banyak warga.',
        mf: 'Pemeriksaan tekanan darah dan gula darah tersedia di tingkat kolom dan lingkungan.',
        h: 'Sebanyak 230 kader baru terlatih dan 5.800 warga diperiksa tekanan darahnya.',
        a: 48000000,
        sa: 'APBD',
        pm: 5800,
        expect: [['LOG-01', 'tglPenerapan']],
      },
      {
        n: 'e-Rujukan Terpadu Puskesmas dan RSUD',
        t: 'Inisiatif',
        ini: ['OPD', 'Dinas Kesehatan Kota Bitung'],
        j: 'D',
        b: 'TK',
        p: '1.02.02',
        tg: 2027,
        sas: 'pasien rujukan dan petugas puskesmas',
        kanal: 'sistem rujukan daring yang terhubung ke rumah sakit',
        m: 'Rujukan dari puskesmas ke rumah sakit masih memakai surat kertas sehingga rumah sakit tidak tahu lebih dulu kondisi pasien.',
        tu: 'Menghubungkan 10 puskesmas dengan RSUD dalam satu sistem rujukan elektronik.',
        mf: 'Rumah sakit menyiapkan tempat tidur sebelum pasien tiba; rujukan balik tercatat.',
        a: 0,
        sa: 'Tanpa Anggaran',
      },
      {
        n: 'SIPINTAR Nakes: Pelatihan Berjenjang Tenaga Kesehatan Daring',
        t: 'Uji Coba',
        ini: ['ASN', 'Seksi Sumber Daya Manusia Kesehatan'],
        j: 'D',
        b: 'TK',
        p: '1.02.03',
        uc: '05/08/2025',
        tg: 2026,
        sas: 'tenaga kesehatan puskesmas',
        kanal: 'kelas daring dan modul belajar mandiri',
        m: 'Pelatihan tenaga kesehatan sering mengharuskan petugas meninggalkan puskesmas berhari-hari.',
        tu: 'Menyediakan pelatihan berjenjang yang dapat diikuti tanpa meninggalkan tempat tugas.',
        mf: 'Kompetensi tenaga kesehatan meningkat tanpa mengganggu pelayanan.',
        a: 35000000,
        sa: 'APBD',
      },
      {
        n: 'Pojok Gizi Pesisir (POGIPES)',
        t: 'Penerapan',
        ini: ['ASN', 'Tim Gizi Puskesmas Aertembaga'],
        j: 'N',
        b: 'LU',
        p: '1.02.05',
        uc: [2024, 7, 1],
        tp: [2025, 2, 3],
        sas: 'balita gizi kurang di kelurahan pesisir',
        kanal: 'pojok konseling gizi di puskesmas dan posyandu',
        m: 'Balita gizi kurang di kelurahan pesisir jarang mendapat konseling gizi yang berkelanjutan.',
        tu: 'Memberi konseling dan demonstrasi masak berbahan ikan lokal bagi keluarga balita gizi kurang.',
        mf: 'Orang tua mampu menyiapkan makanan bergizi dari bahan pangan lokal yang murah.',
        h: 'Sebanyak 71% balita gizi kurang yang mengikuti program naik berat badannya dalam tiga bulan.',
        a: 52000000,
        sa: 'CSR',
        rep: 'Pojok Gizi (POZI), Kabupaten Bantaeng',
        pm: 640,
      },
    ],
  },
  {
    kode: 'DIKBUD',
    file: 'disdikbud-2026.xlsx',
    sing: 'DIKBUD',
    tahun: 2026,
    layout: 'template',
    filled: [2026, 10, 2],
    pj: [
      'Drs. Hanny Lumingkewas, M.Pd',
      'Kepala Bidang Pembinaan Sekolah Dasar',
      'disdikbud@bitungkota.go.id',
      '0813-4011-2275',
    ],
    rows: [
      {
        n: 'Sekolah Pesisir Ramah Anak (SEPERAK)',
        t: 'Penerapan',
        ini: ['OPD', 'Dinas Pendidikan dan Kebudayaan'],
        j: 'N',
        b: 'LU',
        p: '1.01.02',
        uc: [2024, 1, 15],
        tp: [2024, 7, 15],
        sas: 'siswa sekolah dasar di kelurahan pesisir',
        kanal: 'pendampingan sekolah dan forum orang tua',
        m: 'Angka tidak masuk sekolah di SD pesisir tinggi pada musim melaut karena anak ikut membantu orang tua.',
        tu: 'Menurunkan angka tidak masuk sekolah dan putus sekolah di SD pesisir.',
        mf: 'Anak nelayan tetap bersekolah; orang tua terlibat dalam kegiatan sekolah.',
        h: 'Kehadiran siswa di 14 SD pesisir naik dari 86% menjadi 95%.',
        a: 120000000,
        sa: 'APBD',
        pm: 3150,
      },
      {
        n: 'Penerimaan Murid Baru Daring Kota Bitung',
        t: 'Penerapan',
        ini: ['OPD', 'Dinas Pendidikan dan Kebudayaan'],
        j: 'D',
        b: 'PP',
        p: '1.01.02',
        uc: [2023, 5, 2],
        tp: [2024, 6, 3],
        sas: 'calon murid SD dan SMP serta orang tuanya',
        kanal: 'laman pendaftaran daring dan posko bantuan di sekolah',
        m: 'Pendaftaran murid baru secara langsung menimbulkan antrean panjang dan dugaan titipan.',
        tu: 'Menyelenggarakan penerimaan murid baru yang transparan, objektif, dan akuntabel.',
        mf: 'Orang tua mendaftar dari rumah dan dapat memantau hasil seleksi secara terbuka.',
        h: 'Sebanyak 6.870 pendaftar dilayani secara daring pada 2025 tanpa antrean di sekolah.',
        a: 210000000,
        sa: 'APBD',
        pm: 6870,
        sp: {
          s: 'Kartu keluarga, akta kelahiran, dan rapor (untuk SMP)',
          pr: 'Buat akun, isi formulir, unggah berkas, verifikasi sekolah, pengumuman, daftar ulang',
          w: 14,
          bi: 0,
          pk: 'Bukti pendaftaran dan pengumuman hasil seleksi',
          pg: pengaduan('Dinas Pendidikan dan Kebudayaan', '0813-4011-2275'),
        },
      },
      {
        n: 'Gerakan Literasi Numerasi Guru Penggerak (GELORA NUMERASI)',
        t: 'Uji Coba',
        ini: ['ASN', 'Komunitas Guru Penggerak Kota Bitung'],
        j: 'N',
        b: 'LU',
        p: '1.01.04',
        uc: [2025, 8, 4],
        tg: 2027,
        sas: 'guru dan siswa kelas rendah',
        kanal: 'komunitas belajar guru di gugus sekolah',
        m: 'Hasil asesmen nasional menunjukkan kemampuan numerasi siswa SD di Kota Bitung di bawah rata-rata provinsi.',
        tu: 'Meningkatkan kemampuan guru mengajar numerasi dengan metode konkret dan kontekstual.',
        mf: 'Siswa belajar berhitung dengan benda di sekitar mereka; guru saling berbagi praktik baik.',
        h: 'Uji coba di 12 SD: skor numerasi naik 9 poin dibanding kelas pembanding.',
        a: 65000000,
        sa: 'APBD',
      },
      {
        n: 'Bitung Membaca Sampai Pulau',
        t: 'Penerapan',
        ini: ['Masyarakat', 'Forum Taman Baca Masyarakat Kota Bitung'],
        j: 'N',
        b: 'LU',
        p: '1.01.02',
        uc: '12 Maret 2025',
        tp: [2025, 9, 1],
        sas: 'anak-anak di Pulau Lembeh dan kelurahan pinggiran',
        kanal: 'perahu dan motor pustaka keliling',
        m: 'Anak-anak di Pulau Lembeh jarang mendapat akses buku bacaan di luar buku pelajaran.',
        tu: 'Membawa buku bacaan bermutu secara rutin ke kelurahan yang jauh dari perpustakaan.',
        mf: 'Minat baca anak meningkat; taman baca masyarakat menjadi tempat belajar bersama.',
        h: 'Perahu pustaka melayani 17 kelurahan dua kali sebulan; 4.200 peminjaman buku tercatat.',
        a: 88000000,
        sa: 'Hibah',
        pm: 2600,
      },
      {
        n: 'Galeri Budaya Digital Tulude',
        t: 'Inisiatif',
        ini: ['OPD', 'Bidang Kebudayaan'],
        j: 'D',
        b: 'LU',
        p: '2.22.02',
        tg: 2028,
        sas: 'pelajar, pelaku budaya, dan wisatawan',
        kanal: 'galeri daring berisi foto, video, dan cerita tradisi Tulude',
        m: 'Dokumentasi tradisi Tulude dan kesenian Sangihe-Talaud di Kota Bitung tersebar dan mulai hilang.',
        tu: 'Menghimpun dan menyajikan dokumentasi budaya dalam satu galeri digital.',
        mf: 'Generasi muda mengenal tradisi daerahnya; sekolah memiliki bahan ajar muatan lokal.',
        a: 0,
        sa: 'Tanpa Anggaran',
      },
      {
        n: 'SI-RAPID: Rapor Pendidik Daring',
        t: 'Uji Coba',
        ini: ['ASN', 'Seksi Tenaga Pendidik'],
        j: 'D',
        b: 'TK',
        p: '1.01.04',
        uc: [2026, 1, 12],
        tg: 2026,
        sas: 'guru dan kepala sekolah',
        kanal: 'rapor kinerja daring yang dapat diisi dari sekolah',
        m: 'Penilaian kinerja guru masih dikumpulkan dalam bentuk kertas dan sering terlambat direkap.',
        tu: 'Mempercepat rekapitulasi penilaian kinerja guru.',
        mf: 'Dinas memperoleh data kinerja guru tepat waktu untuk perencanaan pelatihan.',
        a: 40000000,
        sa: 'APBD',
      },
    ],
  },
  {
    kode: 'DUKCAPIL',
    file: 'disdukcapil-2026.xlsx',
    sing: 'DUKCAPIL',
    tahun: 2026,
    layout: 'template',
    filled: [2026, 9, 29],
    pj: [
      'Ronald Pangemanan, S.STP, M.Si',
      'Kepala Bidang Pelayanan Pendaftaran Penduduk',
      'dukcapil@bitungkota.go.id',
      '0812-4455-7781',
    ],
    rows: [
      {
        n: 'Si-PANDAI Layanan Akta Kelahiran Daring',
        t: 'Penerapan',
        ini: ['OPD', 'Dinas Kependudukan dan Pencatatan Sipil'],
        j: 'D',
        b: 'PP',
        p: '2.12.03',
        uc: [2023, 9, 4],
        tp: [2024, 2, 1],
        sas: 'orang tua bayi baru lahir',
        kanal: 'permohonan akta kelahiran daring dari rumah sakit dan puskesmas',
        m: 'Banyak bayi belum memiliki akta kelahiran karena orang tua harus datang ke kantor Dukcapil dengan berkas lengkap.',
        tu: 'Menerbitkan akta kelahiran tanpa orang tua datang ke kantor.',
        mf: 'Akta kelahiran dan kartu keluarga baru dikirim dalam bentuk elektronik dan dapat dicetak sendiri.',
        h: 'Cakupan kepemilikan akta kelahiran anak naik dari 91% menjadi 98%.',
        a: 95000000,
        sa: 'APBD',
        pm: 3480,
        sp: {
          s: 'Surat keterangan lahir, KTP-el kedua orang tua, kartu keluarga',
          pr: 'Petugas fasilitas kesehatan mengunggah berkas, verifikasi Dukcapil, tanda tangan elektronik, dokumen dikirim',
          w: 1,
          bi: 0,
          pk: 'Akta kelahiran dan kartu keluarga elektronik',
          pg: pengaduan('Dinas Kependudukan dan Pencatatan Sipil', '0812-4455-7781'),
        },
      },
      {
        n: 'Jemput Bola KTP-el Pulau Lembeh',
        t: 'Penerapan',
        ini: ['OPD', 'Dinas Kependudukan dan Pencatatan Sipil'],
        j: 'N',
        b: 'PP',
        p: '2.12.02',
        uc: [2024, 4, 16],
        tp: [2024, 10, 1],
        sas: 'warga Pulau Lembeh, lansia, dan penyandang disabilitas',
        kanal: 'tim perekaman keliling yang menyeberang ke Pulau Lembeh',
        m: 'Warga Pulau Lembeh harus menyeberang dan menginap untuk merekam KTP-el, sehingga banyak yang menunda.',
        tu: 'Merekam dan mencetak KTP-el langsung di kelurahan-kelurahan Pulau Lembeh.',
        mf: 'Warga tidak menanggung biaya penyeberangan; lansia dan penyandang disabilitas dilayani di rumah.',
        h: 'Sebanyak 2.150 warga Pulau Lembeh merekam KTP-el dalam setahun.',
        a: 70000000,
        sa: 'APBD',
        pm: 2150,
        sp: {
          s: 'Kartu keluarga; berusia 17 tahun atau sudah menikah',
          pr: 'Jadwal diumumkan kelurahan, warga datang ke kantor kelurahan, perekaman, pencetakan di tempat',
          w: 1,
          bi: 0,
          pk: 'KTP-el',
          pg: pengaduan('Dinas Kependudukan dan Pencatatan Sipil', '0812-4455-7781'),
        },
      },
      {
        n: 'Satu Hari Jadi Akta Kematian (SAHAJA)',
        t: 'Penerapan',
        ini: ['ASN', 'Seksi Kematian dan Perubahan Status Anak'],
        j: 'N',
        b: 'PP',
        p: '2.12.03',
        uc: [2024, 6, 3],
        tp: [2025, 1, 2],
        sas: 'ahli waris penduduk yang meninggal dunia',
        kanal: 'loket khusus dan laporan kematian dari kelurahan',
        m: 'Akta kematian baru diurus ketika ahli waris membutuhkannya, sehingga data penduduk tidak mutakhir.',
        tu: 'Menerbitkan akta kematian pada hari yang sama dengan pelaporan.',
        mf: 'Data kependudukan mutakhir; ahli waris segera dapat mengurus hak-haknya.',
        h: 'Rata-rata penerbitan akta kematian turun dari 7 hari menjadi 1 hari.',
        a: 25000000,
        sa: 'APBD',
        pm: 980,
        sp: {
          s: 'Surat keterangan kematian, KTP-el pelapor, kartu keluarga',
          pr: 'Pelaporan di loket atau kelurahan, verifikasi, penerbitan akta dan pemutakhiran kartu keluarga',
          w: 1,
          bi: 0,
          pk: 'Akta kematian dan kartu keluarga baru',
          pg: pengaduan('Dinas Kependudukan dan Pencatatan Sipil', '0812-4455-7781'),
        },
        // Planted mistake: running, but the SOP number was not filled in.
        set: { nomorSop: null },
        expect: [['SOP-03', 'nomorSop']],
      },
      {
        n: 'KIA Goes to School',
        t: 'Penerapan',
        ini: ['OPD', 'Dinas Kependudukan dan Pencatatan Sipil'],
        j: 'N',
        b: 'PP',
        p: '2.12.02',
        uc: [2024, 8, 5],
        tp: [2025, 2, 10],
        sas: 'anak usia sekolah',
        kanal: 'perekaman dan penyerahan Kartu Identitas Anak di sekolah',
        m: 'Kepemilikan Kartu Identitas Anak masih rendah karena orang tua enggan datang ke kantor hanya untuk kartu anak.',
        tu: 'Menerbitkan Kartu Identitas Anak langsung di sekolah.',
        mf: 'Anak memiliki identitas resmi untuk layanan pendidikan, kesehatan, dan perbankan.',
        h: 'Cakupan KIA naik dari 38% menjadi 71% dalam satu tahun ajaran.',
        a: 45000000,
        sa: 'APBD',
        pm: 11200,
        sp: {
          s: 'Kartu keluarga, akta kelahiran, pas foto untuk anak usia 5 tahun ke atas',
          pr: 'Sekolah mengumpulkan data, petugas datang ke sekolah, pencetakan, penyerahan di sekolah',
          w: 3,
          bi: 0,
          pk: 'Kartu Identitas Anak',
          pg: pengaduan('Dinas Kependudukan dan Pencatatan Sipil', '0812-4455-7781'),
        },
      },
      {
        n: 'Anjungan Dukcapil Mandiri Kelurahan',
        t: 'Penerapan',
        ini: ['OPD', 'Dinas Kependudukan dan Pencatatan Sipil'],
        j: 'D',
        b: 'PP',
        p: '2.12.02',
        uc: [2025, 1, 20],
        tp: [2025, 7, 1],
        sas: 'warga yang membutuhkan cetak dokumen kependudukan',
        kanal: 'anjungan cetak mandiri di kantor kecamatan',
        m: 'Warga harus datang ke kantor dinas hanya untuk mencetak ulang kartu keluarga atau akta.',
        tu: 'Menyediakan anjungan cetak mandiri di kantor kecamatan.',
        mf: 'Cetak dokumen dapat dilakukan sendiri kapan saja pada jam kerja kecamatan.',
        h: 'Empat anjungan mencetak 3.900 dokumen pada semester pertama 2026.',
        a: 310000000,
        sa: 'APBD',
        pm: 3900,
        sp: {
          s: 'KTP-el dan nomor permohonan yang telah disetujui',
          pr: 'Pindai KTP-el di anjungan, pilih dokumen, cetak',
          w: 1,
          bi: 0,
          pk: 'Cetakan kartu keluarga, akta, dan biodata penduduk',
          pg: pengaduan('Dinas Kependudukan dan Pencatatan Sipil', '0812-4455-7781'),
        },
        // Planted mistake: a typo in the stage.
        set: { tahapan: 'Penerapn' },
        expect: [['FMT-02', 'tahapan']],
      },
      {
        n: 'Layanan Adminduk Malam Rabu (LAMARU)',
        t: 'Uji Coba',
        ini: ['ASN', 'Kepala Seksi Identitas Penduduk'],
        j: 'N',
        b: 'PP',
        p: '2.12.02',
        uc: [2026, 5, 6],
        tg: 2027,
        sas: 'pekerja pabrik dan pelabuhan',
        kanal: 'loket yang buka pukul 18.00 sampai 21.00 setiap Rabu',
        m: 'Pekerja pabrik perikanan dan pelabuhan tidak dapat datang pada jam kerja kantor.',
        tu: 'Membuka layanan administrasi kependudukan pada malam hari.',
        mf: 'Pekerja tidak perlu izin kerja untuk mengurus dokumen.',
        a: 18000000,
        sa: 'APBD',
        sp: {
          s: 'Sesuai jenis dokumen yang dimohon',
          pr: 'Ambil nomor antrean, verifikasi berkas, perekaman atau penerbitan dokumen',
          w: 1,
          bi: 0,
          pk: 'Dokumen kependudukan',
          pg: pengaduan('Dinas Kependudukan dan Pencatatan Sipil', '0812-4455-7781'),
        },
      },
      {
        // Planted mistake: the row was copied for the Lembeh Utara schedule and kept its name.
        n: 'Jemput Bola KTP-el Pulau Lembeh',
        t: 'Uji Coba',
        ini: ['OPD', 'Dinas Kependudukan dan Pencatatan Sipil'],
        j: 'N',
        b: 'PP',
        p: '2.12.02',
        uc: [2026, 4, 14],
        tg: 2027,
        sas: 'warga Kecamatan Lembeh Utara',
        kanal: 'perekaman keliling ke kelurahan Lembeh Utara',
        m: 'Jadwal jemput bola sebelumnya belum menjangkau kelurahan di Lembeh Utara.',
        tu: 'Memperluas perekaman KTP-el keliling ke seluruh kelurahan di Lembeh Utara.',
        mf: 'Seluruh warga wajib KTP-el di Pulau Lembeh terlayani.',
        a: 30000000,
        sa: 'APBD',
        sp: {
          s: 'Kartu keluarga; berusia 17 tahun atau sudah menikah',
          pr: 'Jadwal diumumkan kelurahan, perekaman, pencetakan di tempat',
          w: 1,
          bi: 0,
          pk: 'KTP-el',
          pg: pengaduan('Dinas Kependudukan dan Pencatatan Sipil', '0812-4455-7781'),
        },
        expect: [['LOG-06', 'nama']],
      },
      {
        n: 'Pencatatan Perkawinan Terpadu Gereja dan Dukcapil (PENTAS)',
        t: 'Inisiatif',
        ini: ['Masyarakat', 'Badan Kerja Sama Antar Gereja Kota Bitung'],
        j: 'N',
        b: 'PP',
        p: '2.12.03',
        tg: 2027,
        sas: 'pasangan yang menikah di gereja',
        kanal: 'petugas pencatatan sipil hadir di gereja saat pemberkatan',
        m: 'Banyak perkawinan yang sudah diberkati di gereja belum dicatatkan di Dukcapil.',
        tu: 'Menerbitkan akta perkawinan pada hari pemberkatan.',
        mf: 'Pasangan langsung memperoleh akta perkawinan dan kartu keluarga baru.',
        a: 0,
        sa: 'Tanpa Anggaran',
      },
    ],
  },
  {
    kode: 'DPMPTSP',
    file: 'dpmptsp-2026.xlsx',
    sing: 'DPMPTSP',
    tahun: 2026,
    layout: 'title',
    filled: [2026, 10, 12],
    pj: [
      'Stevie Mandagi, SE, MM',
      'Kepala Bidang Pelayanan Perizinan',
      'dpmptsp@bitungkota.go.id',
      '(0438) 30212',
    ],
    rows: [
      {
        n: 'Izin Antar ke Rumah (IZIN ANTAR)',
        t: 'Penerapan',
        ini: ['OPD', 'DPMPTSP Kota Bitung'],
        j: 'N',
        b: 'PP',
        p: '2.18.04',
        uc: [2024, 3, 1],
        tp: [2024, 9, 2],
        sas: 'pelaku usaha mikro dan kecil',
        kanal: 'pengantaran dokumen izin oleh kurir kantor',
        m: 'Pelaku usaha mikro harus datang dua kali ke kantor: saat mengajukan dan saat mengambil izin.',
        tu: 'Mengantar dokumen izin yang sudah terbit ke alamat pemohon.',
        mf: 'Pelaku usaha menghemat waktu dan biaya transportasi.',
        h: 'Sebanyak 1.120 dokumen izin diantar pada 2025; 96% tiba dalam 2 hari kerja.',
        a: 40000000,
        sa: 'APBD',
        pm: 1120,
        sp: {
          s: 'Formulir permohonan dan dokumen sesuai jenis izin',
          pr: 'Ajukan di loket atau OSS, verifikasi, penerbitan, pengantaran ke alamat pemohon',
          w: 2,
          bi: 0,
          pk: 'Dokumen izin yang diantar',
          pg: pengaduan('DPMPTSP', '0811-4311-0438'),
        },
      },
      {
        n: 'Mal Pelayanan Publik Bitung Terintegrasi',
        t: 'Penerapan',
        ini: ['Kepala Daerah', 'Wali Kota Bitung'],
        j: 'D',
        b: 'PP',
        p: '2.18.04',
        uc: [2023, 8, 14],
        tp: [2024, 1, 22],
        sas: 'warga dan pelaku usaha',
        kanal: 'satu gedung layanan dengan antrean terpadu',
        m: 'Warga harus berpindah dari satu kantor ke kantor lain untuk mengurus beberapa layanan sekaligus.',
        tu: 'Menghimpun layanan instansi pusat, daerah, dan BUMN dalam satu tempat.',
        mf: 'Layanan lebih cepat dan terpantau dalam satu sistem antrean.',
        h: 'Sebanyak 28 instansi membuka gerai; rata-rata 450 pengunjung per hari.',
        a: 'Rp 1.250.000.000',
        sa: 'APBD',
        pm: 98000,
        sp: {
          s: 'Sesuai jenis layanan masing-masing gerai',
          pr: 'Ambil antrean terpadu, dilayani di gerai, survei kepuasan setelah layanan',
          w: 1,
          bi: 0,
          pk: 'Produk layanan masing-masing gerai',
          pg: pengaduan('Mal Pelayanan Publik', '0811-4311-0438'),
        },
      },
      {
        n: 'Klinik Investasi Pelaku UMKM',
        t: 'Uji Coba',
        ini: ['ASN', 'Seksi Pengembangan Iklim Penanaman Modal'],
        j: 'N',
        b: 'PP',
        p: '2.18.04',
        uc: [2026, 2, 9],
        tg: 2027,
        sas: 'pelaku UMKM yang ingin naik kelas',
        kanal: 'konsultasi tatap muka setiap Kamis di Mal Pelayanan Publik',
        m: 'Pelaku UMKM tidak memahami perizinan berusaha berbasis risiko dan persyaratan pembiayaan.',
        tu: 'Memberi konsultasi perizinan dan akses pembiayaan bagi UMKM.',
        mf: 'UMKM memperoleh NIB, sertifikat standar, dan rujukan ke perbankan.',
        a: 25000000,
        sa: 'APBD',
        sp: {
          s: 'KTP-el dan keterangan usaha',
          pr: 'Daftar konsultasi, konsultasi, pendampingan pengisian OSS',
          w: 1,
          bi: 0,
          pk: 'NIB dan catatan konsultasi',
          pg: pengaduan('DPMPTSP', '0811-4311-0438'),
        },
        // Planted mistake: money written in words.
        set: { anggaran: '1,5 juta' },
        expect: [['FMT-04', 'anggaran']],
      },
      {
        n: 'Peta Peluang Investasi Digital Bitung (PEPINDIG)',
        t: 'Penerapan',
        ini: ['OPD', 'Bidang Promosi Penanaman Modal'],
        j: 'D',
        b: 'LU',
        p: '2.18.03',
        uc: [2024, 10, 7],
        tp: [2025, 4, 14],
        sas: 'calon investor',
        kanal: 'peta daring peluang investasi perikanan, pariwisata, dan logistik',
        m: 'Informasi peluang investasi di Kawasan Ekonomi Khusus dan sekitarnya tersebar di banyak dokumen.',
        tu: 'Menyajikan peluang investasi dalam satu peta daring yang mudah dibagikan.',
        mf: 'Calon investor memperoleh data lahan, tata ruang, dan insentif dengan cepat.',
        h: 'Peta diakses 14.000 kali; 9 minat investasi tindak lanjut tercatat.',
        a: 80000000,
        sa: 'APBD',
        pm: 14000,
      },
      {
        n: 'Layanan Perizinan Malam Hari (LAPERMA)',
        t: 'Penerapan',
        ini: ['ASN', 'Bidang Pelayanan Perizinan'],
        j: 'N',
        b: 'PP',
        p: '2.18.04',
        uc: [2025, 2, 3],
        tp: [2025, 8, 4],
        sas: 'pekerja dan pelaku usaha yang sibuk pada siang hari',
        kanal: 'loket perizinan yang buka sampai pukul 21.00',
        m: 'Pelaku usaha yang bekerja pada siang hari sulit mengurus izin pada jam kantor.',
        tu: 'Memperpanjang jam layanan perizinan dua hari dalam seminggu.',
        mf: 'Pelaku usaha tidak perlu meninggalkan usahanya pada siang hari.',
        h: 'Rata-rata 35 pemohon dilayani setiap malam layanan.',
        a: 15000000,
        sa: 'APBD',
        pm: 2900,
        sp: {
          s: 'Sesuai jenis izin',
          pr: 'Ambil antrean, verifikasi berkas, pemrosesan',
          w: 3,
          bi: 0,
          pk: 'Dokumen perizinan',
          pg: pengaduan('DPMPTSP', '0811-4311-0438'),
        },
        // Planted mistake: the legal basis names no regulation type, number and year.
        dh: 'Surat Edaran Kepala DPMPTSP tentang Layanan Perizinan Malam Hari',
        expect: [['SOP-02', 'dasarHukum']],
      },
      {
        n: 'Pendampingan NIB Nelayan dan UMKM Pesisir',
        t: 'Uji Coba',
        ini: ['OPD', 'DPMPTSP Kota Bitung'],
        j: 'N',
        b: 'LU',
        p: '2.18.04',
        uc: [2026, 6, 15],
        tg: 2027,
        sas: 'nelayan dan pelaku usaha pesisir',
        kanal: 'pendampingan di kantor kelurahan pesisir',
        m: 'Banyak nelayan dan pedagang ikan belum memiliki Nomor Induk Berusaha sehingga sulit mengakses bantuan.',
        tu: 'Mendampingi nelayan dan UMKM pesisir memperoleh NIB.',
        mf: 'Nelayan dan UMKM dapat mengakses bantuan pemerintah dan kredit usaha.',
        a: 20000000,
        sa: 'APBD',
      },
    ],
  },
  {
    kode: 'DISHUB',
    file: 'dishub-2026.xlsx',
    sing: 'DISHUB',
    tahun: 2026,
    layout: 'reordered',
    opdText: 'Dishub',
    filled: [2026, 9, 21],
    pj: ['Marlon Sondakh, ST', 'Sekretaris Dinas Perhubungan', 'dishub@bitungkota.go.id', '0852-9870-1144'],
    rows: [
      {
        n: 'SI-KIR: Uji Berkala Kendaraan Daring',
        t: 'Penerapan',
        ini: ['OPD', 'UPTD Pengujian Kendaraan Bermotor'],
        j: 'D',
        b: 'PP',
        p: '2.15.02',
        uc: [2024, 2, 12],
        tp: [2024, 8, 1],
        sas: 'pemilik kendaraan angkutan barang dan orang',
        kanal: 'pendaftaran uji berkala daring dan kartu uji elektronik',
        m: 'Pemilik kendaraan mengantre seharian untuk uji berkala dan rawan pungutan di luar ketentuan.',
        tu: 'Menjadwalkan uji berkala secara daring dan membayar retribusi nontunai.',
        mf: 'Waktu layanan pasti dan pembayaran tercatat.',
        h: 'Sebanyak 5.400 kendaraan diuji dengan jadwal daring pada 2025.',
        a: 130000000,
        sa: 'APBD',
        pm: 5400,
        sp: {
          s: 'STNK, buku uji lama, bukti bayar retribusi',
          pr: 'Daftar daring, bayar retribusi, uji kendaraan sesuai jadwal, terbit kartu uji elektronik',
          w: 1,
          bi: 85000,
          pk: 'Kartu uji berkala elektronik',
          pg: pengaduan('Dinas Perhubungan', '0852-9870-1144'),
        },
      },
      {
        n: 'Parkir Nontunai Pasar Girian',
        t: 'Uji Coba',
        ini: ['ASN', 'Bidang Lalu Lintas'],
        j: 'D',
        b: 'PP',
        p: '2.15.02',
        uc: [2026, 7, 1],
        tg: 2027,
        sas: 'pengunjung Pasar Girian dan juru parkir',
        kanal: 'pembayaran parkir dengan QRIS',
        m: 'Retribusi parkir tunai di Pasar Girian sulit diawasi dan sering tidak disetor penuh.',
        tu: 'Menerapkan pembayaran parkir nontunai di kawasan pasar.',
        mf: 'Pendapatan retribusi tercatat langsung di kas daerah.',
        a: 22000000,
        sa: 'APBD',
        sp: {
          s: 'Tidak ada persyaratan khusus',
          pr: 'Pindai QRIS juru parkir, bayar, simpan bukti',
          w: 1,
          bi: 2000,
          pk: 'Bukti pembayaran parkir',
          pg: pengaduan('Dinas Perhubungan', '0852-9870-1144'),
        },
      },
      {
        n: 'Angkutan Sekolah Gratis Lembeh',
        t: 'Penerapan',
        ini: ['Kepala Daerah', 'Wali Kota Bitung'],
        j: 'N',
        b: 'PP',
        p: '2.15.02',
        uc: [2024, 7, 15],
        tp: [2025, 1, 6],
        sas: 'pelajar Pulau Lembeh',
        kanal: 'bus dan perahu sekolah terjadwal',
        m: 'Pelajar dari kelurahan di Pulau Lembeh menempuh perjalanan jauh dengan biaya sendiri menuju sekolah.',
        tu: 'Menyediakan angkutan sekolah gratis dan terjadwal.',
        mf: 'Pelajar tiba tepat waktu dan orang tua menghemat biaya.',
        h: 'Sebanyak 760 pelajar terangkut setiap hari sekolah.',
        a: 540000000,
        sa: 'APBD',
        pm: 760,
        sp: {
          s: 'Kartu pelajar',
          pr: 'Naik di halte atau dermaga yang ditentukan sesuai jadwal',
          w: 1,
          bi: 0,
          pk: 'Layanan angkutan pelajar',
          pg: pengaduan('Dinas Perhubungan', '0852-9870-1144'),
        },
      },
      {
        n: 'Zona Selamat Sekolah Berbasis Komunitas',
        t: 'Inisiatif',
        ini: ['Masyarakat', 'Komite Sekolah SD Negeri se-Kecamatan Maesa'],
        j: 'N',
        b: 'LU',
        p: '2.15.02',
        tg: 2027,
        sas: 'siswa yang berjalan kaki ke sekolah',
        kanal: 'relawan penyeberang dan marka zona selamat sekolah',
        m: 'Banyak sekolah dasar berada di tepi jalan utama tanpa penyeberangan yang aman.',
        tu: 'Membentuk zona selamat sekolah yang dijaga relawan orang tua.',
        mf: 'Risiko kecelakaan siswa di depan sekolah berkurang.',
        a: 0,
        sa: 'Tanpa Anggaran',
      },
    ],
  },
  {
    kode: 'DINSOS',
    file: 'dinsos-2026.xlsx',
    sing: 'DINSOS',
    tahun: 2026,
    layout: 'template',
    filled: [2026, 10, 20],
    pj: [
      'Jeane Kalalo, S.Sos',
      'Kepala Bidang Rehabilitasi Sosial',
      'dinsos@bitungkota.go.id',
      '0813-5600-4412',
    ],
    rows: [
      {
        n: 'Sistem Layanan dan Rujukan Terpadu Bitung',
        t: 'Penerapan',
        ini: ['OPD', 'Dinas Sosial'],
        j: 'N',
        b: 'PP',
        p: '1.06.04',
        uc: [2023, 10, 2],
        tp: [2024, 4, 1],
        sas: 'keluarga miskin dan rentan',
        kanal: 'satu pintu layanan sosial dengan fasilitator kelurahan',
        m: 'Keluarga miskin harus mendatangi banyak kantor untuk mengakses bantuan sosial yang berbeda-beda.',
        tu: 'Menyatukan pengaduan, rujukan, dan layanan sosial dalam satu pintu.',
        mf: 'Keluarga miskin terlayani lebih cepat dan rujukannya terpantau.',
        h: 'Sebanyak 3.250 rujukan ditangani; 82% selesai dalam 14 hari.',
        a: 140000000,
        sa: 'APBD',
        pm: 3250,
        sp: {
          s: 'KTP-el dan kartu keluarga',
          pr: 'Datang ke pos layanan atau fasilitator kelurahan, asesmen, rujukan, pemantauan',
          w: 14,
          bi: 0,
          pk: 'Rujukan layanan sosial',
          pg: pengaduan('Dinas Sosial', '0813-5600-4412'),
        },
      },
      {
        n: 'Pemutakhiran Data Sosial Ekonomi Keliling (PEDULI)',
        t: 'Penerapan',
        ini: ['ASN', 'Seksi Data dan Informasi Kesejahteraan Sosial'],
        j: 'D',
        b: 'TK',
        p: '1.06.02',
        uc: [2024, 9, 2],
        tp: [2025, 3, 3],
        sas: 'keluarga dalam data terpadu sosial ekonomi',
        kanal: 'verifikasi lapangan dengan aplikasi di telepon pendamping',
        m: 'Data penerima bantuan sosial tidak mutakhir sehingga ada penerima yang sudah mampu dan warga miskin yang terlewat.',
        tu: 'Memutakhirkan data sosial ekonomi keluarga secara berkala dari kelurahan.',
        mf: 'Bantuan sosial lebih tepat sasaran.',
        h: 'Sebanyak 21.400 keluarga diverifikasi ulang; 1.870 data diperbaiki.',
        // Planted mistake: no amount although the source is APBD.
        a: 0,
        sa: 'APBD',
        pm: 21400,
        expect: [['LOG-04', 'sumberAnggaran']],
      },
      {
        n: 'Rumah Singgah Lansia Terlantar',
        t: 'Uji Coba',
        ini: ['OPD', 'Bidang Rehabilitasi Sosial'],
        j: 'N',
        b: 'LU',
        p: '1.06.04',
        uc: [2026, 2, 2],
        tg: 2027,
        sas: 'lansia terlantar',
        kanal: 'rumah singgah dan pendampingan keluarga',
        m: 'Lansia terlantar yang ditemukan petugas belum memiliki tempat perawatan sementara.',
        tu: 'Menyediakan perawatan sementara sampai lansia kembali ke keluarga atau dirujuk ke panti.',
        mf: 'Lansia terlantar mendapat tempat tinggal, makanan, dan perawatan kesehatan.',
        a: 90000000,
        sa: 'APBD',
        // Planted mistake: a replication whose source is not named.
        set: { replikasi: 'Ya' },
        expect: [['LOG-05', 'sumberReplikasi']],
      },
      {
        n: 'Kartu Bitung Peduli Disabilitas',
        t: 'Uji Coba',
        ini: ['Masyarakat', 'Persatuan Penyandang Disabilitas Indonesia Kota Bitung'],
        j: 'N',
        b: 'LU',
        p: '1.06.04',
        uc: [2026, 8, 3],
        tg: 2027,
        sas: 'penyandang disabilitas',
        kanal: 'kartu identitas layanan prioritas',
        m: 'Penyandang disabilitas belum mendapat prioritas dan kemudahan pada layanan publik.',
        tu: 'Memberi kartu layanan prioritas bagi penyandang disabilitas.',
        mf: 'Penyandang disabilitas dilayani lebih dahulu di kantor pemerintah.',
        a: 12000000,
        sa: 'APBD',
        // Planted mistake: the design text is far too short.
        short: true,
        expect: [['SOP-06', 'rancangBangun']],
      },
      {
        n: 'Dapur Umum Siaga Bencana Sosial',
        t: 'Penerapan',
        ini: ['OPD', 'Tagana Kota Bitung'],
        j: 'N',
        b: 'LU',
        p: '1.06.02',
        uc: [2024, 1, 8],
        tp: [2024, 6, 3],
        sas: 'korban bencana dan kebakaran permukiman',
        kanal: 'dapur umum bergerak yang siap dalam enam jam',
        m: 'Korban kebakaran permukiman padat sering belum mendapat makanan pada hari pertama.',
        tu: 'Menyiapkan dapur umum bergerak dan relawan terlatih.',
        mf: 'Korban bencana memperoleh makanan siap saji dalam enam jam.',
        h: 'Dapur umum dioperasikan pada 9 kejadian dengan 2.300 porsi per hari.',
        a: 65000000,
        sa: 'APBD',
        pm: 1450,
      },
      {
        n: 'Lapor Sosial Cepat (LASO CEPAT)',
        t: 'Inisiatif',
        ini: ['ASN', 'Bidang Perlindungan dan Jaminan Sosial'],
        j: 'D',
        b: 'PP',
        p: '1.06.02',
        tg: 2027,
        sas: 'warga yang menemukan masalah sosial di lingkungannya',
        kanal: 'nomor WhatsApp dan formulir daring',
        m: 'Laporan warga tentang anak jalanan, lansia terlantar, dan orang dengan gangguan jiwa tidak tercatat terpusat.',
        tu: 'Menyediakan kanal laporan sosial dengan waktu tanggap yang jelas.',
        mf: 'Masalah sosial ditangani lebih cepat.',
        a: 0,
        sa: 'Tanpa Anggaran',
      },
    ],
  },
  {
    kode: 'DLH',
    file: 'dlh-2026.xlsx',
    sing: 'DLH',
    tahun: 2026,
    layout: 'template',
    filled: [2026, 10, 1],
    pj: [
      'Ir. Fenny Walangitan',
      'Kepala Bidang Pengelolaan Sampah',
      'dlh@bitungkota.go.id',
      '0821-9344-2210',
    ],
    rows: [
      {
        n: 'Bank Sampah Digital Bitung Bersih',
        t: 'Penerapan',
        ini: ['OPD', 'Dinas Lingkungan Hidup'],
        j: 'D',
        b: 'LU',
        p: '2.11.11',
        uc: [2024, 3, 4],
        tp: [2024, 9, 2],
        sas: 'nasabah bank sampah di kelurahan',
        kanal: 'aplikasi tabungan sampah',
        m: 'Pencatatan tabungan di bank sampah masih manual sehingga nasabah ragu dan bank sampah sulit berkembang.',
        tu: 'Mencatat setoran dan saldo nasabah bank sampah secara digital.',
        mf: 'Nasabah melihat saldo kapan saja; volume sampah terpilah meningkat.',
        h: 'Sebanyak 31 bank sampah aktif memakai aplikasi; 412 ton sampah terpilah pada 2025.',
        a: 75000000,
        sa: 'APBD',
        pm: 4100,
      },
      {
        n: 'SI-ANGKUT: Angkut Sampah Terjadwal Berbasis Aplikasi',
        t: 'Uji Coba',
        ini: ['ASN', 'UPTD Persampahan'],
        j: 'D',
        b: 'PP',
        p: '2.11.11',
        uc: [2026, 4, 6],
        tg: 2027,
        sas: 'rumah tangga dan pelaku usaha',
        kanal: 'jadwal angkut dan pelacakan truk melalui aplikasi',
        m: 'Warga tidak tahu jadwal truk sampah sehingga sampah menumpuk di tepi jalan.',
        tu: 'Mengumumkan jadwal angkut dan posisi truk secara langsung.',
        mf: 'Sampah dikeluarkan tepat waktu dan tidak menumpuk.',
        a: 55000000,
        sa: 'APBD',
        sp: {
          s: 'Terdaftar sebagai pelanggan retribusi sampah',
          pr: 'Unduh aplikasi, daftar alamat, terima jadwal dan notifikasi truk',
          w: 1,
          bi: 15000,
          pk: 'Jadwal dan layanan angkut sampah',
          pg: pengaduan('Dinas Lingkungan Hidup', '0821-9344-2210'),
        },
      },
      {
        n: 'Pantai Bersih Selat Lembeh (PANTAS LEMBEH)',
        t: 'Penerapan',
        ini: ['Masyarakat', 'Komunitas Penyelam Selat Lembeh'],
        j: 'N',
        b: 'LU',
        p: '2.11.03',
        uc: [2024, 5, 5],
        tp: [2024, 11, 3],
        sas: 'warga pesisir, penyelam, dan pelaku wisata',
        kanal: 'aksi bersih pantai dan bawah laut bulanan',
        m: 'Sampah plastik di pantai dan dasar laut Selat Lembeh merusak terumbu karang dan citra wisata selam.',
        tu: 'Menggerakkan aksi bersih pantai dan bawah laut secara rutin.',
        mf: 'Pantai lebih bersih dan ekosistem laut terjaga.',
        h: 'Sebanyak 18 ton sampah diangkat dari pantai dan dasar laut dalam 12 bulan.',
        a: 30000000,
        sa: 'CSR',
        pm: 2300,
      },
      {
        n: 'Uji Emisi Keliling Kendaraan Dinas',
        t: 'Penerapan',
        ini: ['OPD', 'Bidang Pengendalian Pencemaran'],
        j: 'N',
        b: 'TK',
        p: '2.11.03',
        uc: [2025, 2, 10],
        tp: [2025, 8, 11],
        sas: 'kendaraan dinas pemerintah kota',
        kanal: 'alat uji emisi yang dibawa ke kantor-kantor',
        m: 'Emisi kendaraan dinas tidak pernah diukur dan banyak kendaraan tua yang berasap.',
        tu: 'Menguji emisi seluruh kendaraan dinas setiap tahun.',
        mf: 'Kendaraan yang tidak lulus diperbaiki; pencemaran udara berkurang.',
        h: 'Sebanyak 640 kendaraan dinas diuji; 112 diperbaiki setelah tidak lulus.',
        a: 28000000,
        sa: 'APBD',
        pm: 640,
      },
      {
        n: 'Sedekah Sampah Jemaat',
        t: 'Inisiatif',
        ini: ['Masyarakat', 'Majelis Jemaat GMIM Bitung'],
        j: 'N',
        b: 'LU',
        p: '2.11.11',
        tg: 2027,
        sas: 'jemaat dan warga sekitar rumah ibadah',
        kanal: 'titik kumpul sampah terpilah di rumah ibadah',
        m: 'Sampah anorganik rumah tangga belum terpilah dan nilai ekonominya terbuang.',
        tu: 'Mengumpulkan sampah terpilah dari jemaat untuk membiayai kegiatan sosial.',
        mf: 'Sampah berkurang dan hasil penjualannya membantu warga kurang mampu.',
        a: 0,
        sa: 'Tanpa Anggaran',
        rep: 'Sedekah Sampah, Kota Yogyakarta',
      },
    ],
  },
  {
    kode: 'BAPPEDA',
    file: 'bappelitbang-2026.xlsx',
    sing: 'BAPPELITBANG',
    tahun: 2026,
    layout: 'template',
    opdText: 'Bappelitbang',
    filled: [2026, 10, 14],
    pj: [
      'Dr. Yopie Mewengkang, SE, M.Si',
      'Kepala Bidang Penelitian dan Pengembangan',
      'bappelitbang@bitungkota.go.id',
      '(0438) 21210',
    ],
    rows: [
      {
        n: 'e-Musrenbang Kelurahan Bitung',
        t: 'Penerapan',
        ini: ['OPD', 'Bappelitbang Kota Bitung'],
        j: 'D',
        b: 'TK',
        p: '5.01.02',
        uc: [2024, 1, 10],
        tp: [2025, 1, 6],
        sas: 'kelurahan, kecamatan, dan perangkat daerah',
        kanal: 'usulan musrenbang daring yang dapat dilacak',
        m: 'Usulan musrenbang kelurahan tercatat di kertas dan warga tidak tahu nasib usulannya.',
        tu: 'Mencatat dan menelusuri usulan musrenbang dari kelurahan sampai APBD.',
        mf: 'Warga dapat melihat usulan yang diterima, ditunda, atau ditolak beserta alasannya.',
        h: 'Seluruh 69 kelurahan menginput 1.870 usulan secara daring pada musrenbang 2026.',
        a: 110000000,
        sa: 'APBD',
        pm: 69,
      },
      {
        n: 'Dasbor Capaian RPJMD (DACARI)',
        t: 'Uji Coba',
        ini: ['ASN', 'Bidang Perencanaan, Pengendalian dan Evaluasi'],
        j: 'D',
        b: 'TK',
        p: '5.01.02',
        uc: [2026, 3, 16],
        tg: 2026,
        sas: 'pimpinan daerah dan perangkat daerah',
        kanal: 'dasbor capaian indikator RPJMD yang diperbarui setiap triwulan',
        m: 'Capaian indikator RPJMD baru diketahui pada akhir tahun saat penyusunan laporan.',
        tu: 'Menampilkan capaian indikator RPJMD setiap triwulan.',
        mf: 'Pimpinan daerah dapat mengambil langkah perbaikan sebelum akhir tahun.',
        a: 60000000,
        sa: 'APBD',
      },
      {
        n: 'Bitung Innovation Award',
        t: 'Penerapan',
        ini: ['Kepala Daerah', 'Wali Kota Bitung'],
        j: 'N',
        b: 'TK',
        p: '5.05.02',
        uc: [2023, 6, 5],
        tp: [2024, 5, 20],
        sas: 'perangkat daerah, ASN, dan masyarakat',
        kanal: 'kompetisi inovasi tahunan dengan pendampingan',
        m: 'Jumlah inovasi daerah yang dilaporkan ke Indeks Inovasi Daerah masih sedikit dan datanya tidak lengkap.',
        tu: 'Mendorong perangkat daerah dan masyarakat menghasilkan dan mendokumentasikan inovasi.',
        mf: 'Jumlah dan mutu inovasi yang dilaporkan meningkat.',
        h: 'Sebanyak 86 inovasi didaftarkan pada 2025, naik dari 31 pada 2023.',
        a: 150000000,
        sa: 'APBD',
        pm: 86,
      },
      {
        n: 'Kajian Cepat Berbasis Data Kelurahan (KACE DATA)',
        t: 'Inisiatif',
        ini: ['ASN', 'Bidang Penelitian dan Pengembangan'],
        j: 'D',
        b: 'TK',
        p: '5.05.02',
        tg: 2027,
        sas: 'perencana di perangkat daerah',
        kanal: 'kajian singkat dua mingguan berbasis data kelurahan',
        m: 'Kajian kebijakan memakan waktu lama sehingga hasilnya terlambat untuk penganggaran.',
        tu: 'Menyediakan kajian cepat yang siap dipakai dalam siklus perencanaan.',
        mf: 'Keputusan perencanaan lebih berbasis bukti.',
        a: 0,
        sa: 'Tanpa Anggaran',
      },
    ],
  },
  {
    kode: 'KOMINFO',
    file: 'diskominfo-2026.xlsx',
    sing: 'DISKOMINFO',
    tahun: 2026,
    layout: 'template',
    extraColumn: 'Keterangan',
    filled: [2026, 10, 16],
    pj: [
      'Andre Kaunang, S.Kom, M.T',
      'Kepala Bidang Aplikasi Informatika',
      'diskominfo@bitungkota.go.id',
      '0811-4322-0199',
    ],
    rows: [
      {
        n: 'Bitung Satu Data (BISA DATA)',
        t: 'Penerapan',
        ini: ['OPD', 'Dinas Komunikasi dan Informatika'],
        j: 'D',
        b: 'TK',
        p: '2.20.02',
        uc: [2023, 11, 6],
        tp: [2024, 6, 3],
        sas: 'perangkat daerah dan masyarakat',
        kanal: 'portal data terbuka',
        m: 'Data sektoral perangkat daerah berbeda-beda versi dan sulit ditemukan.',
        tu: 'Menghimpun data sektoral dalam satu portal dengan wali data di setiap perangkat daerah.',
        mf: 'Satu versi data untuk perencanaan dan publik.',
        h: 'Sebanyak 640 set data dari 35 perangkat daerah terbit di portal.',
        a: 95000000,
        sa: 'APBD',
        pm: 35,
        ket: 'Sudah diusulkan pada IGA 2025',
      },
      {
        n: 'Lapor Bitung: Aplikasi Pengaduan Warga',
        t: 'Penerapan',
        ini: ['Kepala Daerah', 'Wali Kota Bitung'],
        j: 'D',
        b: 'PP',
        p: '2.16.02',
        uc: [2024, 2, 1],
        tp: [2024, 7, 1],
        sas: 'warga Kota Bitung',
        kanal: 'aplikasi dan kanal WhatsApp pengaduan terintegrasi SP4N-LAPOR!',
        m: 'Pengaduan warga tersebar di media sosial dan tidak ada kepastian tindak lanjut.',
        tu: 'Menyediakan satu kanal pengaduan dengan waktu tanggap yang terukur.',
        mf: 'Warga mengetahui status pengaduannya; perangkat daerah terpantau kecepatan tanggapnya.',
        h: 'Sebanyak 4.870 pengaduan ditangani pada 2025; 91% ditanggapi dalam 3 hari.',
        a: 120000000,
        sa: 'APBD',
        pm: 4870,
        sp: {
          s: 'Identitas pelapor (dapat dirahasiakan)',
          pr: 'Kirim pengaduan, verifikasi admin, diteruskan ke perangkat daerah, tindak lanjut, penutupan',
          w: 5,
          bi: 0,
          pk: 'Tanggapan dan tindak lanjut pengaduan',
          pg: 'Pengaduan atas layanan Lapor Bitung sendiri melalui SP4N-LAPOR! dan surel diskominfo@bitungkota.go.id.',
        },
      },
      {
        n: 'Wi-Fi Publik Kelurahan Pesisir',
        t: 'Penerapan',
        ini: ['OPD', 'Bidang Infrastruktur TIK'],
        j: 'D',
        b: 'LU',
        p: '2.16.03',
        uc: [2024, 9, 2],
        tp: [2025, 3, 3],
        sas: 'warga kelurahan pesisir dan pelajar',
        kanal: 'titik akses internet gratis di kantor kelurahan dan balai warga',
        m: 'Kelurahan pesisir dan Pulau Lembeh memiliki akses internet yang lemah dan mahal.',
        tu: 'Menyediakan internet gratis untuk layanan publik dan belajar.',
        mf: 'Warga dapat mengakses layanan daring pemerintah dari kelurahan.',
        h: 'Sebanyak 42 titik Wi-Fi publik aktif dengan rata-rata 3.100 pengguna per hari.',
        a: 'Rp 380.000.000',
        sa: 'APBD',
        pm: 3100,
      },
      {
        n: 'SI-TTE: Tanda Tangan Elektronik ASN',
        t: 'Uji Coba',
        ini: ['ASN', 'Bidang Persandian dan Keamanan Informasi'],
        j: 'D',
        b: 'TK',
        p: '2.21.02',
        // Planted mistake (warning): the target year has passed and it is still a trial.
        uc: [2024, 10, 1],
        tg: 2025,
        sas: 'pejabat penandatangan dokumen',
        kanal: 'sertifikat elektronik dan aplikasi naskah dinas',
        m: 'Penandatanganan naskah dinas menunggu pejabat berada di kantor.',
        tu: 'Menerapkan tanda tangan elektronik tersertifikasi pada naskah dinas.',
        mf: 'Naskah dinas selesai lebih cepat dan aman.',
        a: 45000000,
        sa: 'APBD',
        ket: 'Menunggu sertifikat elektronik dari BSrE',
        expect: [['LOG-07', 'targetPenerapan']],
      },
      {
        n: 'Command Center Bitung Smart City',
        t: 'Uji Coba',
        ini: ['Kepala Daerah', 'Wali Kota Bitung'],
        j: 'D',
        b: 'TK',
        p: '2.16.01',
        // Planted mistake: a national program code that is not in the RPJMD.
        programText: '2.16.01 - PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA',
        uc: [2026, 1, 19],
        tg: 2027,
        sas: 'pimpinan daerah dan perangkat daerah',
        kanal: 'ruang kendali yang menampilkan CCTV, pengaduan, dan data layanan',
        m: 'Informasi kejadian di kota (banjir, kebakaran, kemacetan) terlambat sampai ke pimpinan.',
        tu: 'Memantau kota dan layanan publik dari satu ruang kendali.',
        mf: 'Tanggap darurat dan koordinasi antarperangkat daerah lebih cepat.',
        a: 250000000,
        sa: 'APBD',
        ket: 'Perlu konfirmasi kode program ke Bappelitbang',
        expect: [['RPJ-01', 'program']],
      },
      {
        n: 'Podcast Informasi Publik Bitung Bacirita',
        t: 'Penerapan',
        ini: ['ASN', 'Bidang Informasi dan Komunikasi Publik'],
        j: 'D',
        b: 'LU',
        p: '2.16.02',
        uc: [2024, 4, 1],
        tp: [2024, 8, 5],
        sas: 'warga dan generasi muda',
        kanal: 'siniar mingguan di media sosial pemerintah kota',
        m: 'Informasi program pemerintah kurang menjangkau generasi muda.',
        tu: 'Menyampaikan informasi publik dalam format siniar yang santai.',
        mf: 'Warga memahami program pemerintah dan dapat bertanya langsung.',
        h: 'Sebanyak 96 episode tayang dengan 180.000 kali putar.',
        a: 20000000,
        sa: 'APBD',
        pm: 180000,
      },
    ],
  },
  {
    kode: 'KEC-MADIDIR',
    file: 'kec-madidir-2026.xlsx',
    sing: 'KEC-MDR',
    tahun: 2026,
    layout: 'template',
    filled: [2026, 9, 30],
    pj: [
      'Hendra Lontoh, S.IP',
      'Sekretaris Kecamatan Madidir',
      'kec.madidir@bitungkota.go.id',
      '0853-4000-7720',
    ],
    rows: [
      {
        n: 'Surat Keterangan Kelurahan Sehari Jadi (SUKET SEHARI)',
        t: 'Penerapan',
        ini: ['OPD', 'Kecamatan Madidir'],
        j: 'D',
        b: 'PP',
        p: '7.01.02',
        uc: [2024, 8, 1],
        tp: [2025, 1, 13],
        sas: 'warga enam kelurahan di Kecamatan Madidir',
        kanal: 'permohonan surat keterangan melalui WhatsApp kelurahan',
        m: 'Surat keterangan dari kelurahan sering memerlukan dua sampai tiga kali kedatangan.',
        tu: 'Menerbitkan surat keterangan kelurahan pada hari yang sama.',
        mf: 'Warga cukup datang sekali untuk mengambil surat yang sudah ditandatangani.',
        h: 'Sebanyak 3.600 surat keterangan terbit, 94% pada hari yang sama.',
        a: 12000000,
        sa: 'APBD',
        pm: 3600,
        sp: {
          s: 'KTP-el, kartu keluarga, surat pengantar lingkungan',
          pr: 'Kirim foto berkas melalui WhatsApp, verifikasi, tanda tangan lurah, ambil di kantor kelurahan',
          w: 1,
          bi: 0,
          pk: 'Surat keterangan kelurahan',
          pg: pengaduan('Kecamatan Madidir', '0853-4000-7720'),
        },
      },
      {
        n: 'Camat Ngantor di Kelurahan',
        t: 'Penerapan',
        ini: ['ASN', 'Camat Madidir'],
        j: 'N',
        b: 'TK',
        p: '7.01.02',
        uc: [2024, 3, 4],
        tp: [2024, 7, 1],
        sas: 'warga dan aparat kelurahan',
        kanal: 'camat berkantor bergiliran di kelurahan setiap Kamis',
        m: 'Masalah di kelurahan lambat sampai ke camat dan tindak lanjutnya tidak terpantau.',
        tu: 'Mendekatkan pengambilan keputusan kecamatan ke warga.',
        mf: 'Keluhan warga langsung ditangani dan dicatat tindak lanjutnya.',
        h: 'Sebanyak 210 keluhan warga dicatat dan 176 selesai ditindaklanjuti.',
        a: 0,
        sa: 'Tanpa Anggaran',
        pm: 1800,
      },
      {
        n: 'Lorong Tangguh Bencana Madidir',
        t: 'Uji Coba',
        ini: ['Masyarakat', 'Forum Pengurangan Risiko Bencana Kelurahan Madidir Ure'],
        j: 'N',
        b: 'LU',
        p: '7.01.03',
        uc: [2026, 5, 18],
        tg: 2027,
        sas: 'warga permukiman padat di lereng dan bantaran sungai',
        kanal: 'relawan lorong, jalur evakuasi, dan simulasi berkala',
        m: 'Permukiman padat di lereng dan bantaran sungai rawan longsor dan banjir, tetapi warga belum mengenal jalur evakuasi.',
        tu: 'Membentuk relawan dan jalur evakuasi di setiap lorong permukiman padat.',
        mf: 'Warga siap menghadapi bencana dan tahu titik kumpul.',
        a: 18000000,
        sa: 'APBD',
      },
      {
        n: 'Posyandu Lansia Kelurahan Pateten',
        t: 'Inisiatif',
        ini: ['Masyarakat', 'PKK Kelurahan Pateten'],
        j: 'N',
        b: 'LU',
        p: '7.01.03',
        tg: 2027,
        sas: 'lansia di Kelurahan Pateten',
        kanal: 'pos pelayanan bulanan di balai kelurahan',
        m: 'Lansia jarang memeriksakan kesehatan karena jarak ke puskesmas.',
        tu: 'Menyediakan pemeriksaan kesehatan dan senam lansia bulanan di kelurahan.',
        mf: 'Penyakit tidak menular pada lansia terdeteksi lebih dini.',
        a: 0,
        sa: 'Tanpa Anggaran',
      },
    ],
  },
  {
    kode: 'DISKAN',
    file: 'diskan-2025.xlsx',
    sing: 'DISKAN',
    tahun: 2025,
    layout: 'template',
    filled: [2026, 1, 20],
    pj: [
      'Ir. Rudy Supit, M.Si',
      'Kepala Bidang Perikanan Tangkap',
      'diskan@bitungkota.go.id',
      '0812-4477-3030',
    ],
    rows: [
      {
        n: 'Sistem Informasi Tangkapan Nelayan (SITANEL)',
        t: 'Penerapan',
        ini: ['OPD', 'Dinas Perikanan'],
        j: 'D',
        b: 'LU',
        p: '3.25.03',
        uc: [2023, 9, 4],
        tp: [2024, 3, 4],
        sas: 'nelayan kecil dan pengelola pangkalan pendaratan ikan',
        kanal: 'pencatatan hasil tangkapan di pangkalan pendaratan ikan',
        m: 'Data produksi perikanan tangkap nelayan kecil tidak tercatat sehingga bantuan tidak tepat sasaran.',
        tu: 'Mencatat hasil tangkapan nelayan kecil setiap hari.',
        mf: 'Nelayan memiliki riwayat produksi untuk mengajukan bantuan dan kredit.',
        h: 'Sebanyak 2.300 nelayan tercatat dengan 61.000 catatan pendaratan ikan pada 2025.',
        a: 85000000,
        sa: 'APBD',
        pm: 2300,
      },
      {
        n: 'Rumah Kemasan Ikan Olahan Bitung',
        t: 'Uji Coba',
        ini: ['OPD', 'Bidang Pengolahan dan Pemasaran'],
        j: 'N',
        b: 'LU',
        p: '3.25.06',
        uc: [2025, 4, 14],
        tg: 2026,
        sas: 'pengolah ikan skala rumah tangga',
        kanal: 'fasilitas kemasan bersama dan pendampingan label',
        m: 'Produk ikan olahan rumah tangga sulit masuk toko modern karena kemasan dan label belum memenuhi syarat.',
        tu: 'Menyediakan fasilitas kemasan bersama dan pendampingan izin edar.',
        mf: 'Produk ikan olahan bernilai jual lebih tinggi.',
        a: 140000000,
        sa: 'APBN',
      },
      {
        n: 'Cold Storage Komunal Nelayan Kecil',
        t: 'Inisiatif',
        ini: ['Masyarakat', 'Kelompok Usaha Bersama Nelayan Aertembaga'],
        j: 'N',
        b: 'LU',
        p: '3.25.03',
        tg: 2027,
        sas: 'nelayan kecil',
        kanal: 'gudang beku bersama yang dikelola koperasi nelayan',
        m: 'Nelayan kecil terpaksa menjual murah saat panen ikan karena tidak memiliki penyimpanan beku.',
        tu: 'Menyediakan gudang beku bersama yang dikelola koperasi nelayan.',
        mf: 'Harga jual ikan lebih stabil dan pendapatan nelayan meningkat.',
        a: 0,
        sa: 'Tanpa Anggaran',
      },
    ],
  },
  {
    kode: 'BPKPD',
    file: 'bpkpd-2026.xlsx',
    sing: 'BPKPD',
    tahun: 2026,
    layout: 'template',
    filled: [2026, 10, 22],
    pj: ['Novita Rumondor, SE, Ak', 'Kepala Bidang Pendapatan', 'bpkpd@bitungkota.go.id', '(0438) 21077'],
    rows: [
      {
        n: 'Bayar PBB Lewat QRIS',
        t: 'Penerapan',
        ini: ['OPD', 'Badan Pengelola Keuangan dan Pendapatan Daerah'],
        j: 'D',
        b: 'PP',
        p: '5.02.04',
        uc: [2024, 4, 1],
        tp: [2024, 9, 2],
        sas: 'wajib pajak bumi dan bangunan',
        kanal: 'kode QRIS pada surat pemberitahuan pajak terutang',
        m: 'Wajib pajak harus datang ke bank atau kantor untuk membayar PBB.',
        tu: 'Memungkinkan pembayaran PBB dari telepon genggam.',
        mf: 'Pembayaran lebih mudah; penerimaan langsung tercatat di kas daerah.',
        h: 'Sebanyak 38% pembayaran PBB 2025 melalui QRIS; realisasi PBB naik 12%.',
        a: 35000000,
        sa: 'APBD',
        pm: 17400,
        sp: {
          s: 'Nomor objek pajak atau SPPT',
          pr: 'Pindai QRIS pada SPPT, periksa nama dan nilai, bayar, simpan bukti',
          w: 1,
          bi: 0,
          pk: 'Bukti pembayaran PBB elektronik',
          pg: pengaduan('BPKPD', '0811-4310-2177'),
        },
      },
      {
        n: 'Pajak Daerah Jemput Bola Pelaku Usaha (PAJEBO)',
        t: 'Uji Coba',
        ini: ['ASN', 'Bidang Pendapatan'],
        j: 'N',
        b: 'PP',
        p: '5.02.04',
        uc: [2026, 3, 9],
        tg: 2026,
        sas: 'pelaku usaha restoran dan hotel',
        kanal: 'petugas keliling dengan mesin pembayaran',
        m: 'Pelaku usaha kecil enggan datang ke kantor untuk melaporkan dan membayar pajak restoran.',
        tu: 'Mendatangi pelaku usaha untuk pendaftaran, pelaporan, dan pembayaran pajak daerah.',
        mf: 'Kepatuhan pajak meningkat dan pelaku usaha terbantu.',
        a: 24000000,
        sa: 'APBD',
        sp: {
          s: 'KTP-el dan NPWPD',
          pr: 'Petugas datang sesuai jadwal, pelaporan omzet, pembayaran nontunai, bukti bayar',
          w: 1,
          bi: 0,
          pk: 'Bukti pelaporan dan pembayaran pajak daerah',
          pg: pengaduan('BPKPD', '0811-4310-2177'),
        },
      },
      {
        n: 'Dasbor Realisasi Anggaran Perangkat Daerah (DARA)',
        t: 'Penerapan',
        ini: ['ASN', 'Bidang Akuntansi dan Pelaporan'],
        j: 'D',
        b: 'TK',
        p: '5.02.02',
        uc: [2024, 10, 7],
        tp: [2025, 2, 3],
        sas: 'pimpinan daerah dan perangkat daerah',
        kanal: 'dasbor realisasi anggaran harian',
        m: 'Realisasi anggaran perangkat daerah baru diketahui pada rapat bulanan.',
        tu: 'Menampilkan realisasi belanja dan pendapatan setiap hari.',
        mf: 'Perangkat daerah yang realisasinya rendah segera terdeteksi.',
        h: 'Seluruh 37 perangkat daerah terpantau; serapan anggaran triwulan III naik 8 poin.',
        a: 50000000,
        sa: 'APBD',
        pm: 37,
      },
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Turning a row spec into cell values

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
  'SOP-02': 'dasar hukum berupa surat edaran tanpa nomor dan tahun',
  'SOP-03': 'tahap Penerapan tanpa Nomor SOP',
  'SOP-04': 'pelayanan publik tanpa «SP Penanganan Pengaduan»',
  'SOP-06': 'rancang bangun kurang dari 300 kata pada tahap Uji Coba',
};

/** Default severities (rules.md) of the planted findings that are not errors. */
const SEVERITY_TEXT = {
  'STR-03': 'peringatan',
  'LOG-07': 'peringatan',
  'SOP-02': 'peringatan',
  'SOP-06': 'peringatan',
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
  lines.push('| berkas | perangkat daerah | tahun | baris | bentuk berkas | temuan yang diharapkan |');
  lines.push('| --- | --- | --- | --- | --- | --- |');
  for (const r of results) {
    const found = r.expected.length
      ? r.expected
          .map((e) => `\`${e.rule}\` ${e.cell} (${SEVERITY_TEXT[e.rule] ?? 'galat'}): ${RULE_TEXT[e.rule]}`)
          .join('<br>')
      : 'tidak ada';
    const opdText = r.spec.opdText ? `${r.opd.nama} (ditulis «${r.spec.opdText}»)` : r.opd.nama;
    lines.push(
      `| \`${r.spec.file}\` | ${opdText} | ${r.spec.tahun} | ${r.spec.rows.length} | ${LAYOUT_TEXT[r.spec.layout]} | ${found} |`,
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
  lines.push(
    '- Saat dikonsolidasikan, setiap berkas juga mendapat `KON-04` (belum distempel), dan `diskan-2025.xlsx` ' +
      'mendapat `KON-05` (tahun pelaporan 2025 berbeda dari mayoritas 2026).',
  );
  lines.push(
    '- Berkas dibuat deterministik: menjalankan skrip dua kali menghasilkan berkas yang identik byte demi byte.',
  );
  lines.push('');
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------

/** Writes every example workbook and the README into `outDir`; returns what was written. */
async function generate(outDir) {
  const ref = defaultReference();
  fs.mkdirSync(outDir, { recursive: true });
  const results = [];
  for (const spec of WORKBOOKS) {
    const built = buildWorkbook(ref, spec);
    await writeWorkbook(built.book, path.join(outDir, spec.file), built.date);
    results.push({ spec, opd: built.opd, expected: built.expected, layout: built.layout });
  }
  fs.writeFileSync(path.join(outDir, 'README.md'), readme(ref, results));
  return results.map((r) => ({
    file: r.spec.file,
    tahun: r.spec.tahun,
    opd: r.opd.kode,
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
