/**
 * The submission workbook of template version 1 (docs/spec/submission-workbook.md): its sheets, the
 * identity labels and the innovation columns, in spec order. Everything that reads, writes or
 * documents a submission takes its labels from here.
 */

export const TEMPLATE_VERSION = '1';

export const SHEET_IDENTITAS = 'Identitas';
export const SHEET_INOVASI = 'Inovasi';
export const SHEET_TEMUAN = 'Temuan';
export const SHEET_STEMPEL = '_stempel';
export const SHEET_RIWAYAT = 'Riwayat';

export type ValueType =
  | 'integer'
  | 'text'
  | 'enum'
  | 'year'
  | 'date'
  | 'bidang'
  | 'program'
  | 'money'
  | 'days'
  | 'url'
  | 'email'
  | 'phone'
  | 'status';

export type Tahapan = 'Inisiatif' | 'Uji Coba' | 'Penerapan';
export const TAHAPAN: readonly Tahapan[] = ['Inisiatif', 'Uji Coba', 'Penerapan'];

/** When a value must be present (docs/spec/submission-workbook.md, column `required`). */
export type Requirement =
  | 'always'
  | 'never'
  | 'beforePenerapan' // tahapan is Inisiatif or Uji Coba
  | 'fromUjiCoba' // stage ≥ Uji Coba
  | 'penerapan'; // tahapan is Penerapan

export interface EnumOption {
  readonly value: string;
  readonly aliases: readonly string[];
}

export interface ColumnDef {
  readonly key: ColumnKey;
  readonly label: string;
  readonly aliases: readonly string[];
  readonly type: ValueType;
  readonly required: Requirement;
  /** Absent column → STR-02. */
  readonly requiredColumn: boolean;
  readonly options?: readonly EnumOption[];
  /** Help text shown as the template's input message (Indonesian). */
  readonly help: string;
}

const opt = (value: string, ...aliases: string[]): EnumOption => ({ value, aliases });

export const COLUMN_KEYS = [
  'no',
  'nama',
  'tahapan',
  'inisiator',
  'namaInisiator',
  'jenis',
  'bentuk',
  'urusan',
  'program',
  'targetPenerapan',
  'tglUjiCoba',
  'tglPenerapan',
  'dasarHukum',
  'nomorSop',
  'masalah',
  'rancangBangun',
  'tujuan',
  'manfaat',
  'hasil',
  'anggaran',
  'sumberAnggaran',
  'replikasi',
  'sumberReplikasi',
  'penerimaManfaat',
  'tautan',
  'spPersyaratan',
  'spProsedur',
  'spJangkaWaktu',
  'spBiaya',
  'spProduk',
  'spPengaduan',
  'status',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

type Def = Omit<ColumnDef, 'requiredColumn'>;
const OPTIONAL_COLUMNS: ReadonlySet<ColumnKey> = new Set<ColumnKey>([
  'no',
  'status',
  'sumberReplikasi',
  'spPersyaratan',
  'spProsedur',
  'spJangkaWaktu',
  'spBiaya',
  'spProduk',
  'spPengaduan',
]);

const DEFS: readonly Def[] = [
  {
    key: 'no',
    label: 'No',
    aliases: ['Nomor', 'No Urut'],
    type: 'integer',
    required: 'never',
    help: 'Nomor urut (boleh dikosongkan).',
  },
  {
    key: 'nama',
    label: 'Nama Inovasi',
    aliases: ['Judul Inovasi'],
    type: 'text',
    required: 'always',
    help: 'Nama inovasi, 5–200 karakter, tidak boleh sama dengan baris lain.',
  },
  {
    key: 'tahapan',
    label: 'Tahapan Inovasi',
    aliases: ['Tahapan'],
    type: 'enum',
    required: 'always',
    options: [opt('Inisiatif'), opt('Uji Coba'), opt('Penerapan')],
    help: 'Inisiatif, Uji Coba, atau Penerapan.',
  },
  {
    key: 'inisiator',
    label: 'Inisiator',
    aliases: ['Inisiator Inovasi'],
    type: 'enum',
    required: 'always',
    options: [
      opt('Kepala Daerah'),
      opt('Anggota DPRD', 'DPRD'),
      opt('OPD', 'Perangkat Daerah'),
      opt('ASN'),
      opt('Masyarakat'),
    ],
    help: 'Siapa yang memprakarsai inovasi.',
  },
  {
    key: 'namaInisiator',
    label: 'Nama Inisiator',
    aliases: [],
    type: 'text',
    required: 'always',
    help: 'Nama orang atau unit pemrakarsa.',
  },
  {
    key: 'jenis',
    label: 'Jenis Inovasi',
    aliases: ['Jenis'],
    type: 'enum',
    required: 'always',
    options: [opt('Digital', 'Daring'), opt('Non Digital', 'Nondigital', 'Luring')],
    help: 'Digital atau Non Digital.',
  },
  {
    key: 'bentuk',
    label: 'Bentuk Inovasi',
    aliases: ['Bentuk'],
    type: 'enum',
    required: 'always',
    options: [
      opt('Inovasi Tata Kelola Pemerintahan Daerah', 'Tata Kelola Pemerintahan Daerah'),
      opt('Inovasi Pelayanan Publik', 'Pelayanan Publik'),
      opt('Inovasi Daerah Lainnya Sesuai Urusan', 'Lainnya'),
    ],
    help: 'Bentuk inovasi menurut PP 38/2017.',
  },
  {
    key: 'urusan',
    label: 'Urusan Pemerintahan',
    aliases: ['Urusan', 'Bidang Urusan', 'Kode Urusan'],
    type: 'bidang',
    required: 'always',
    help: 'Kode bidang urusan, misalnya 1.02 (Kesehatan).',
  },
  {
    key: 'program',
    label: 'Kode Program RPJMD',
    aliases: ['Program RPJMD', 'Kode Program'],
    type: 'program',
    required: 'always',
    help: 'Kode program RPJMD, misalnya 1.02.02.',
  },
  {
    key: 'targetPenerapan',
    label: 'Target Tahun Penerapan',
    aliases: ['Target Penerapan'],
    type: 'year',
    required: 'beforePenerapan',
    help: 'Tahun target penerapan (untuk Inisiatif dan Uji Coba).',
  },
  {
    key: 'tglUjiCoba',
    label: 'Tanggal Uji Coba',
    aliases: ['Waktu Uji Coba', 'Tanggal Mulai Uji Coba'],
    type: 'date',
    required: 'fromUjiCoba',
    help: 'Tanggal mulai uji coba (HH/BB/TTTT).',
  },
  {
    key: 'tglPenerapan',
    label: 'Tanggal Penerapan',
    aliases: ['Waktu Penerapan'],
    type: 'date',
    required: 'penerapan',
    help: 'Tanggal mulai penerapan (HH/BB/TTTT).',
  },
  {
    key: 'dasarHukum',
    label: 'Dasar Hukum',
    aliases: ['Regulasi', 'Regulasi Inovasi'],
    type: 'text',
    required: 'penerapan',
    help: 'Jenis, nomor, dan tahun peraturan, misalnya Perwako No. 12 Tahun 2024.',
  },
  {
    key: 'nomorSop',
    label: 'Nomor SOP',
    aliases: ['SOP', 'No SOP'],
    type: 'text',
    required: 'penerapan',
    help: 'Nomor SOP inovasi (wajib untuk Penerapan).',
  },
  {
    key: 'masalah',
    label: 'Permasalahan',
    aliases: ['Masalah'],
    type: 'text',
    required: 'always',
    help: 'Masalah yang dijawab inovasi.',
  },
  {
    key: 'rancangBangun',
    label: 'Rancang Bangun',
    aliases: ['Rancang Bangun dan Pokok Perubahan'],
    type: 'text',
    required: 'always',
    help: 'Rancang bangun dan pokok perubahan, minimal 300 kata.',
  },
  {
    key: 'tujuan',
    label: 'Tujuan',
    aliases: ['Tujuan Inovasi'],
    type: 'text',
    required: 'always',
    help: 'Tujuan inovasi.',
  },
  {
    key: 'manfaat',
    label: 'Manfaat',
    aliases: ['Manfaat Inovasi'],
    type: 'text',
    required: 'always',
    help: 'Manfaat yang diperoleh.',
  },
  {
    key: 'hasil',
    label: 'Hasil Inovasi',
    aliases: ['Hasil'],
    type: 'text',
    required: 'penerapan',
    help: 'Hasil inovasi (wajib untuk Penerapan).',
  },
  {
    key: 'anggaran',
    label: 'Anggaran (Rp)',
    aliases: ['Anggaran', 'Anggaran Rp'],
    type: 'money',
    required: 'always',
    help: 'Anggaran dalam rupiah; 0 bila tanpa anggaran.',
  },
  {
    key: 'sumberAnggaran',
    label: 'Sumber Anggaran',
    aliases: [],
    type: 'enum',
    required: 'always',
    options: [opt('APBD'), opt('APBN'), opt('Hibah'), opt('CSR'), opt('Lainnya'), opt('Tanpa Anggaran')],
    help: 'APBD, APBN, Hibah, CSR, Lainnya, atau Tanpa Anggaran.',
  },
  {
    key: 'replikasi',
    label: 'Replikasi',
    aliases: ['Inovasi Replikasi'],
    type: 'enum',
    required: 'always',
    options: [opt('Ya'), opt('Tidak')],
    help: 'Ya bila meniru inovasi daerah lain.',
  },
  {
    key: 'sumberReplikasi',
    label: 'Sumber Replikasi',
    aliases: ['Asal Replikasi'],
    type: 'text',
    required: 'never',
    help: 'Asal inovasi yang direplikasi (wajib bila Replikasi = Ya).',
  },
  {
    key: 'penerimaManfaat',
    label: 'Jumlah Penerima Manfaat',
    aliases: ['Penerima Manfaat'],
    type: 'integer',
    required: 'penerapan',
    help: 'Jumlah orang penerima manfaat.',
  },
  {
    key: 'tautan',
    label: 'Tautan Data Dukung',
    aliases: ['Link Data Dukung', 'Tautan'],
    type: 'url',
    required: 'penerapan',
    help: 'Tautan http(s) ke data dukung.',
  },
  {
    key: 'spPersyaratan',
    label: 'SP Persyaratan',
    aliases: ['Persyaratan'],
    type: 'text',
    required: 'never',
    help: 'Standar pelayanan: persyaratan.',
  },
  {
    key: 'spProsedur',
    label: 'SP Prosedur',
    aliases: ['Prosedur', 'SP Sistem Mekanisme dan Prosedur'],
    type: 'text',
    required: 'never',
    help: 'Standar pelayanan: sistem, mekanisme dan prosedur.',
  },
  {
    key: 'spJangkaWaktu',
    label: 'SP Jangka Waktu (hari)',
    aliases: ['Jangka Waktu', 'Jangka Waktu Penyelesaian'],
    type: 'days',
    required: 'never',
    help: 'Standar pelayanan: jangka waktu penyelesaian dalam hari (> 0).',
  },
  {
    key: 'spBiaya',
    label: 'SP Biaya/Tarif (Rp)',
    aliases: ['Biaya', 'Tarif', 'Biaya Tarif'],
    type: 'money',
    required: 'never',
    help: 'Standar pelayanan: biaya/tarif dalam rupiah (0 = gratis).',
  },
  {
    key: 'spProduk',
    label: 'SP Produk Layanan',
    aliases: ['Produk Layanan', 'Produk Pelayanan'],
    type: 'text',
    required: 'never',
    help: 'Standar pelayanan: produk layanan.',
  },
  {
    key: 'spPengaduan',
    label: 'SP Penanganan Pengaduan',
    aliases: ['Penanganan Pengaduan', 'Pengaduan'],
    type: 'text',
    required: 'never',
    help: 'Standar pelayanan: penanganan pengaduan, saran dan masukan.',
  },
  {
    key: 'status',
    label: 'Status Validasi',
    aliases: [],
    type: 'status',
    required: 'never',
    help: 'Diisi oleh alat validasi.',
  },
];

export const COLUMNS: readonly ColumnDef[] = DEFS.map((d) => ({
  ...d,
  requiredColumn: !OPTIONAL_COLUMNS.has(d.key),
}));

export const COLUMN_BY_KEY: Readonly<Record<ColumnKey, ColumnDef>> = Object.fromEntries(
  COLUMNS.map((c) => [c.key, c]),
) as Record<ColumnKey, ColumnDef>;

/** The six service-delivery components of UU 25/2009 Pasal 21 with their words for messages. */
export const STANDARD_COMPONENTS: ReadonlyArray<{
  key: ColumnKey;
  component: string;
  componentEn: string;
  huruf: string;
}> = [
  { key: 'spPersyaratan', component: 'persyaratan', componentEn: 'requirements', huruf: 'b' },
  { key: 'spProsedur', component: 'prosedur', componentEn: 'procedure', huruf: 'c' },
  { key: 'spJangkaWaktu', component: 'jangka waktu', componentEn: 'time limit', huruf: 'd' },
  { key: 'spBiaya', component: 'biaya/tarif', componentEn: 'cost/tariff', huruf: 'e' },
  { key: 'spProduk', component: 'produk', componentEn: 'product', huruf: 'f' },
  { key: 'spPengaduan', component: 'penanganan pengaduan', componentEn: 'complaint handling', huruf: 'j' },
];

export const IDENTITY_KEYS = [
  'opd',
  'tahun',
  'penanggungJawab',
  'jabatan',
  'email',
  'telepon',
  'tanggalPengisian',
  'versiTemplat',
] as const;
export type IdentityKey = (typeof IDENTITY_KEYS)[number];

export interface IdentityDef {
  readonly key: IdentityKey;
  readonly label: string;
  readonly aliases: readonly string[];
  readonly type: 'opd' | 'year' | 'text' | 'email' | 'phone' | 'date';
  readonly required: boolean;
}

/** Help text for the identity values (the templates' input messages, Indonesian). */
export const IDENTITY_HELP: Readonly<Record<IdentityKey, string>> = {
  opd: 'Nama resmi perangkat daerah, dipilih dari daftar. Wajib.',
  tahun: 'Tahun pelaporan, bilangan bulat 2000–2100. Wajib.',
  penanggungJawab: 'Nama pejabat yang bertanggung jawab atas isian ini. Wajib.',
  jabatan: 'Jabatan penanggung jawab.',
  email: 'Alamat surel yang dapat dihubungi, misalnya nama@domain.go.id.',
  telepon: 'Nomor telepon, diawali 0, 62, atau +62, misalnya (0438) 21045.',
  tanggalPengisian: 'Tanggal pengisian dengan format HH/BB/TTTT.',
  versiTemplat: 'Versi templat. Jangan diubah.',
};

export const IDENTITY: readonly IdentityDef[] = [
  {
    key: 'opd',
    label: 'Perangkat Daerah',
    aliases: ['OPD', 'Nama Perangkat Daerah', 'Nama OPD'],
    type: 'opd',
    required: true,
  },
  { key: 'tahun', label: 'Tahun Pelaporan', aliases: ['Tahun'], type: 'year', required: true },
  {
    key: 'penanggungJawab',
    label: 'Nama Penanggung Jawab',
    aliases: ['Penanggung Jawab'],
    type: 'text',
    required: true,
  },
  { key: 'jabatan', label: 'Jabatan', aliases: [], type: 'text', required: false },
  { key: 'email', label: 'Email', aliases: ['Surel', 'E-mail'], type: 'email', required: false },
  {
    key: 'telepon',
    label: 'Telepon',
    aliases: ['No. HP', 'Telp', 'Nomor Telepon'],
    type: 'phone',
    required: false,
  },
  {
    key: 'tanggalPengisian',
    label: 'Tanggal Pengisian',
    aliases: ['Tanggal'],
    type: 'date',
    required: false,
  },
  { key: 'versiTemplat', label: 'Versi Templat', aliases: ['Versi Template'], type: 'text', required: false },
];
