/**
 * The rule registry (docs/spec/rules.md, docs/spec/consolidation.md, docs/spec/signoff.md). One
 * entry per rule: the documentation (docs/rules.md is generated from it), the default severity and
 * basis of a finding and the auditor's "may accept" are read from here, and `RuleId`, the type every
 * finding, severity override and message catalogue is keyed by, is derived from it. The checks
 * live elsewhere: the header checks (STR-01…04) in ../parse.ts, STR-01/STR-08 for a whole file and
 * KON-03 in ../validate.ts, the value forms (FMT) in ../values.ts, the identity checks in
 * identity.ts, the row checks in rows.ts, the stamp chain (KON-04, KON-06, KON-07) in stamp.ts over
 * ../signoff.ts, the cross-file checks (KON-01, KON-02, KON-04, KON-05) in ../consolidate.ts;
 * context.ts turns a cause into a located finding. Texts live in ../messages.
 */
import { Severity } from '../findings';

export type RuleFamily = 'STR' | 'FMT' | 'LOG' | 'SOP' | 'RPJ' | 'KON' | 'IID';

/** A rule's definition; `I` is its literal id while the list is built (RuleId is derived from it). */
export interface RuleDefOf<I extends string> {
  readonly id: I;
  readonly family: RuleFamily;
  /** Default severity. SOP-06 is `error` for Penerapan rows and `warning` otherwise. */
  readonly severity: Severity;
  /** Legal or administrative basis. */
  readonly basis: string;
  /** What the finding points at (documentation). */
  readonly pointsAt: { readonly id: string; readonly en: string };
  /** Condition (documentation), Indonesian and English. */
  readonly condition: { readonly id: string; readonly en: string };
  /** May an auditor accept it (docs/spec/audit.md)? */
  readonly acceptable: boolean;
}

const TEMPLATE_BASIS = 'Templat isian inovasi daerah v1 (profil IID, Permendagri 104/2018)';
const IID_BASIS = 'PP 38/2017; Permendagri 104/2018 (profil Indeks Inovasi Daerah)';
const RPJMD_BASIS = 'Permendagri 86/2017 (RPJMD); Permendagri 90/2019 (nomenklatur)';
const CONSOLIDATION_BASIS = 'Rekapitulasi inovasi daerah (Bappeda)';
const READINESS_BASIS = 'Kesiapan Indeks Inovasi Daerah (perkiraan; penilaian resmi oleh Kemendagri/BSKDN)';
const SIGNOFF_BASIS = 'SOP inovasi daerah: persetujuan berjenjang dan tepat waktu (jejak audit stempel)';

const r = <I extends string>(
  id: I,
  severity: Severity,
  basis: string,
  condition: [string, string],
  pointsAt: [string, string],
  acceptable = true,
): RuleDefOf<I> => ({
  id,
  family: id.slice(0, 3) as RuleFamily,
  severity,
  basis,
  condition: { id: condition[0], en: condition[1] },
  pointsAt: { id: pointsAt[0], en: pointsAt[1] },
  acceptable,
});

const VALUE_CELL: [string, string] = ['sel nilai tersebut', 'the value cell'];

export const RULES = [
  r(
    'STR-01',
    'error',
    TEMPLATE_BASIS,
    [
      'Tidak ada lembar yang baris judulnya cocok, termasuk lembar Inovasi',
      'No sheet has a matching header row, the Inovasi sheet included',
    ],
    ['tidak ada (berkas)', 'none (file)'],
    false,
  ),
  r(
    'STR-02',
    'error',
    TEMPLATE_BASIS,
    ['Kolom wajib tidak ada (satu temuan per kolom)', 'A required column is absent (one finding per column)'],
    ['tidak ada; kolom = labelnya', 'none; column = its label'],
    false,
  ),
  r(
    'STR-03',
    'warning',
    TEMPLATE_BASIS,
    ['Judul kolom tidak cocok dengan kolom mana pun', 'A header matches no column'],
    ['sel judul kolom', 'the header cell'],
  ),
  r(
    'STR-04',
    'error',
    TEMPLATE_BASIS,
    ['Dua judul kolom mengarah ke kolom yang sama', 'Two headers map to the same column'],
    ['sel judul kedua', 'the second header cell'],
    false,
  ),
  r(
    'STR-05',
    'error',
    TEMPLATE_BASIS,
    [
      'Lembar Identitas tidak ada, atau Perangkat Daerah, Tahun Pelaporan, atau Nama Penanggung Jawab kosong',
      'Sheet Identitas missing, or opd, tahun or penanggungJawab missing there',
    ],
    ['sel nilai (kolom B), atau tidak ada', 'the value cell (column B), or none'],
  ),
  r(
    'STR-06',
    'error',
    TEMPLATE_BASIS,
    [
      'Perangkat daerah tidak ada dalam referensi (saran: nama terdekat)',
      'The OPD is not in the reference (hint: nearest name)',
    ],
    ['sel nilai Perangkat Daerah', 'the opd value cell'],
  ),
  r(
    'STR-07',
    'warning',
    TEMPLATE_BASIS,
    ['Versi Templat terisi dan bukan 1', 'versiTemplat present and not 1'],
    VALUE_CELL,
  ),
  r(
    'STR-08',
    'warning',
    TEMPLATE_BASIS,
    ['Lembar Inovasi tidak berisi baris data', 'The Inovasi sheet has no data row'],
    ['tidak ada', 'none'],
  ),
  r('FMT-01', 'error', IID_BASIS, ['Isian wajib kosong', 'A required value is empty'], VALUE_CELL),
  r(
    'FMT-02',
    'error',
    TEMPLATE_BASIS,
    [
      'Bukan pilihan atau kode yang sah (saran: pilihan terdekat)',
      'Not an allowed value or code (hint: nearest allowed)',
    ],
    VALUE_CELL,
  ),
  r(
    'FMT-03',
    'error',
    TEMPLATE_BASIS,
    ['Bukan tanggal dalam bentuk yang diterima', 'Not a date in an accepted form'],
    VALUE_CELL,
  ),
  r(
    'FMT-04',
    'error',
    TEMPLATE_BASIS,
    ['Bukan angka sesuai jenis kolom', "Not a number of the column's type"],
    VALUE_CELL,
  ),
  r(
    'FMT-05',
    'error',
    TEMPLATE_BASIS,
    ['Nilai uang atau bilangan bulat negatif', 'A negative money or integer value'],
    VALUE_CELL,
  ),
  r(
    'FMT-06',
    'error',
    IID_BASIS,
    [
      'Nama inovasi kurang dari 5 atau lebih dari 200 karakter',
      'nama shorter than 5 or longer than 200 characters',
    ],
    VALUE_CELL,
  ),
  r('FMT-07', 'error', IID_BASIS, ['Bukan tautan http(s)', 'Not an http(s) URL'], VALUE_CELL),
  r(
    'FMT-08',
    'warning',
    TEMPLATE_BASIS,
    ['Email atau telepon di Identitas tidak sah', 'email or telepon malformed (Identitas)'],
    VALUE_CELL,
  ),
  r(
    'FMT-09',
    'error',
    TEMPLATE_BASIS,
    [
      'Sel berisi rumus tanpa hasil tersimpan (berkas ditulis program dan belum pernah dibuka lalu disimpan di Excel)',
      'The cell holds a formula with no saved result (written by a program, never opened and saved in Excel)',
    ],
    VALUE_CELL,
    false,
  ),
  r(
    'LOG-01',
    'error',
    IID_BASIS,
    ['Tanggal Penerapan lebih awal dari Tanggal Uji Coba', 'tglPenerapan earlier than tglUjiCoba'],
    ['Tanggal Penerapan', 'tglPenerapan'],
  ),
  r(
    'LOG-02',
    'error',
    IID_BASIS,
    [
      'Tanggal uji coba atau penerapan sesudah tanggal validasi (satu per sel)',
      'tglUjiCoba or tglPenerapan after the validation date (one per cell)',
    ],
    ['sel tanggal tersebut', 'that cell'],
  ),
  r(
    'LOG-03',
    'warning',
    IID_BASIS,
    [
      'Tahapan Inisiatif dengan tanggal uji coba/penerapan terisi, atau Uji Coba dengan tanggal penerapan terisi',
      'Inisiatif with tglUjiCoba or tglPenerapan filled, or Uji Coba with tglPenerapan filled',
    ],
    ['Tahapan', 'tahapan'],
  ),
  r(
    'LOG-04',
    'error',
    'Permendagri 77/2020 (pengelolaan keuangan daerah)',
    [
      'Anggaran > 0 dengan sumber Tanpa Anggaran, atau anggaran = 0 dengan sumber APBD, APBN, Hibah, atau CSR',
      'anggaran > 0 with sumber Tanpa Anggaran, or anggaran = 0 with APBD, APBN, Hibah or CSR',
    ],
    ['Sumber Anggaran', 'sumberAnggaran'],
  ),
  r(
    'LOG-05',
    'error',
    IID_BASIS,
    ['Replikasi Ya tanpa Sumber Replikasi', 'replikasi Ya and sumberReplikasi empty'],
    [
      'Sumber Replikasi (atau Nama Inovasi bila kolomnya tidak ada)',
      'sumberReplikasi (or nama when the column is absent)',
    ],
  ),
  r(
    'LOG-06',
    'error',
    IID_BASIS,
    [
      'Nama inovasi sama dengan baris sebelumnya (setelah normalisasi)',
      'nama equal, after normalisation, to an earlier row',
    ],
    ['Nama Inovasi yang kemudian', 'the later nama'],
  ),
  r(
    'LOG-07',
    'warning',
    IID_BASIS,
    [
      'Belum Penerapan dan Target Tahun Penerapan lebih awal dari Tahun Pelaporan',
      'tahapan not Penerapan and targetPenerapan earlier than tahun',
    ],
    ['Target Tahun Penerapan', 'targetPenerapan'],
  ),
  r(
    'SOP-01',
    'error',
    'PP 38/2017; indikator IID regulasi inovasi daerah',
    ['Tahapan Penerapan dan Dasar Hukum kosong', 'tahapan Penerapan and dasarHukum empty'],
    ['Dasar Hukum', 'dasarHukum'],
  ),
  r(
    'SOP-02',
    'warning',
    'PP 38/2017',
    [
      'Dasar Hukum tidak menyebut jenis, nomor, dan tahun peraturan',
      'dasarHukum does not name a regulation type, number and year',
    ],
    ['Dasar Hukum', 'dasarHukum'],
  ),
  r(
    'SOP-03',
    'error',
    'Permenpan-RB 35/2012 (SOP administrasi pemerintahan)',
    ['Tahapan Penerapan dan Nomor SOP kosong', 'tahapan Penerapan and nomorSop empty'],
    ['Nomor SOP', 'nomorSop'],
  ),
  r(
    'SOP-04',
    'error',
    'UU 25/2009 Pasal 21',
    [
      'Inovasi Pelayanan Publik, tahap ≥ Uji Coba, komponen standar pelayanan kosong (satu per komponen)',
      'Inovasi Pelayanan Publik, stage ≥ Uji Coba, a standard component empty (one per component)',
    ],
    [
      'sel komponen (atau Nama Inovasi bila kolomnya tidak ada)',
      'the component cell (or nama when the column is absent)',
    ],
  ),
  r(
    'SOP-05',
    'error',
    'UU 25/2009 Pasal 21 huruf d',
    ['Jangka waktu 0 hari atau kurang', 'spJangkaWaktu 0 or less'],
    ['SP Jangka Waktu', 'spJangkaWaktu'],
  ),
  r(
    'SOP-06',
    'warning',
    'Profil IID: rancang bangun minimal 300 kata',
    [
      'Rancang Bangun kurang dari minWords kata (galat untuk Penerapan, peringatan selain itu)',
      'rancangBangun under minWords words (error for Penerapan, warning otherwise)',
    ],
    ['Rancang Bangun', 'rancangBangun'],
  ),
  r(
    'SOP-07',
    'error',
    'Profil IID: data dukung',
    [
      'Tahapan Penerapan dan Hasil Inovasi atau Tautan Data Dukung kosong (satu per isian)',
      'tahapan Penerapan and hasil or tautan empty (one per field)',
    ],
    ['isian yang kosong', 'the empty field'],
  ),
  r(
    'RPJ-01',
    'error',
    RPJMD_BASIS,
    [
      'Program tanpa kode di depan, atau kodenya bukan program RPJMD (saran: kode terdekat)',
      'program has no leading code, or is not an RPJMD program (hint: nearest code)',
    ],
    ['Kode Program RPJMD', 'program'],
  ),
  r(
    'RPJ-02',
    'error',
    RPJMD_BASIS,
    ['Bidang program (dua segmen pertama) berbeda dari Urusan', "The program's bidang differs from urusan"],
    ['Kode Program RPJMD', 'program'],
  ),
  r(
    'RPJ-03',
    'warning',
    RPJMD_BASIS,
    [
      'Perangkat daerah bukan penanggung jawab program',
      "The OPD is not among the program's responsible OPDs",
    ],
    ['Kode Program RPJMD', 'program'],
  ),
  r(
    'RPJ-04',
    'warning',
    'Perkada susunan perangkat daerah; Permendagri 90/2019',
    ['Urusan bukan kewenangan perangkat daerah', "urusan is not among the OPD's bidang urusan"],
    ['Urusan Pemerintahan', 'urusan'],
  ),
  r(
    'RPJ-05',
    'error',
    RPJMD_BASIS,
    ['Tahun Pelaporan di luar periode RPJMD', 'tahun outside the RPJMD period'],
    ['sel nilai Tahun Pelaporan', 'the tahun value cell'],
  ),
  r(
    'RPJ-06',
    'warning',
    RPJMD_BASIS,
    ['Target Tahun Penerapan di luar periode RPJMD', 'targetPenerapan outside the RPJMD period'],
    ['Target Tahun Penerapan', 'targetPenerapan'],
  ),
  r(
    'KON-01',
    'warning',
    CONSOLIDATION_BASIS,
    [
      'Nama inovasi sama di berkas dua OPD atau lebih, bukan replikasi yang dinyatakan',
      'A nama appears in workbooks of two or more OPDs and is not a declared replication',
    ],
    ['Nama Inovasi, di berkasnya sendiri', 'the nama cell, in its own workbook'],
  ),
  r(
    'KON-02',
    'info',
    CONSOLIDATION_BASIS,
    [
      'Dua berkas atau lebih dari tahun konsolidasi menyebut OPD yang sama dan merupakan revisi satu sama lain; yang terbaru dihitung, yang lain digantikan',
      'Two or more files of the consolidation year name the same OPD and are revisions of one another; the latest counts, each other one is superseded',
    ],
    ['tidak ada, di berkas yang digantikan', 'none, in the superseded file'],
    false,
  ),
  r(
    'KON-03',
    'error',
    CONSOLIDATION_BASIS,
    ['Berkas tidak dapat dibaca', 'The file cannot be read'],
    ['tidak ada (berkas)', 'none (file)'],
    false,
  ),
  r(
    'KON-04',
    'warning',
    SIGNOFF_BASIS,
    [
      'Tingkat persetujuan yang diwajibkan referensi (tingkatWajib, bawaan kepalaOpd) belum tercapai, atau rantai stempel putus karena isi diubah',
      'The level the reference requires (tingkatWajib, default kepalaOpd) is not reached, or the stamp chain is broken by an edit',
    ],
    ['tidak ada (berkas)', 'none (file)'],
  ),
  r(
    'KON-05',
    'error',
    CONSOLIDATION_BASIS,
    [
      'Tahun Pelaporan bukan tahun konsolidasi (Tahun Lain), atau kosong/tidak sah (Tahun Kosong); berkas tidak dihitung',
      'tahun is not the consolidation year (Tahun Lain), or missing or invalid (Tahun Kosong); the file does not count',
    ],
    ['sel nilai Tahun Pelaporan', 'the tahun value cell'],
    false,
  ),
  r(
    'KON-06',
    'warning',
    SIGNOFF_BASIS,
    [
      'Tingkat yang punya batas waktu dalam jadwal referensi terlambat atau lewat (sekali per tingkat; nilai: kunci tingkat)',
      'A level with a deadline in the schedule is late or overdue (once per level; value: the level key)',
    ],
    ['tidak ada (berkas)', 'none (file)'],
  ),
  r(
    'KON-07',
    'info',
    SIGNOFF_BASIS,
    [
      'Berkas dikembalikan untuk perbaikan dan belum distempel ulang (nilai: kunci tingkat yang mengembalikan)',
      'The submission was returned for revision and not stamped again (value: the returning level key)',
    ],
    ['tidak ada (berkas)', 'none (file)'],
  ),
  r(
    'KON-08',
    'error',
    CONSOLIDATION_BASIS,
    [
      'Dua berkas atau lebih menyebut OPD yang sama tetapi tidak semuanya revisi satu sama lain, atau yang terbaru tidak dapat dipastikan; tidak ada yang dihitung',
      'Two or more files name the same OPD but are not all revisions of one another, or the latest cannot be decided; none counts',
    ],
    ['tidak ada, di setiap berkas kelompok itu', 'none, in each file of the group'],
    false,
  ),
  r(
    'KON-09',
    'warning',
    CONSOLIDATION_BASIS,
    [
      'Nama berkas menyebut kode, nama, atau alias OPD lain dari referensi, bukan OPD di lembar Identitas',
      'The file name names the code, name or an alias of another reference OPD, not the one Identitas names',
    ],
    ['tidak ada (berkas)', 'none (file)'],
  ),
  r(
    'KON-11',
    'error',
    CONSOLIDATION_BASIS,
    [
      'Perangkat Daerah berkas kosong atau tidak ada di referensi; berkas tidak dihitung (saran: nama terdekat)',
      "The workbook's OPD is empty or not in the reference; the file does not count (hint: nearest name)",
    ],
    ['tidak ada (berkas)', 'none (file)'],
  ),
  // IID readiness (docs/spec/iid.md): advice, never a gate — warnings and infos only.
  r(
    'IID-01',
    'warning',
    READINESS_BASIS,
    [
      'Baris Data Dukung yang Nama Inovasi-nya tidak cocok dengan baris mana pun di lembar Inovasi (atau kosong)',
      'A Data Dukung row whose inovasi matches no row of Inovasi (or is empty)',
    ],
    ['Nama Inovasi (Data Dukung)', 'inovasi (Data Dukung)'],
  ),
  r(
    'IID-02',
    'warning',
    READINESS_BASIS,
    [
      'Indikator tidak dikenal referensi, tingkat bukan 1–3 atau label tingkat, tautan bukan http(s), tanggal bukan tanggal, status verifikasi tidak sah, isian wajib kosong, atau kolom Data Dukung hilang/ganda',
      'indikator unknown to the reference, tingkat not 1–3 nor a level label, tautan not http(s), tanggal not a date, an invalid verification status, a required value empty, or a Data Dukung column missing or doubled',
    ],
    ['sel tersebut (atau judul kolom)', 'that cell (or the header)'],
  ),
  r(
    'IID-03',
    'warning',
    READINESS_BASIS,
    ['Baris bertingkat tanpa tautan maupun nomor dokumen', 'A row with a level but neither tautan nor nomor'],
    ['Tautan Bukti', 'tautan'],
  ),
  r(
    'IID-04',
    'warning',
    READINESS_BASIS,
    [
      'Tingkat yang diklaim di atas tingkat turunan dari lembar Inovasi (regulasi dan kemudahan proses saja)',
      'A claimed level above the level derived from the Inovasi sheet (regulasi and kemudahan proses only)',
    ],
    ['Tingkat', 'tingkat'],
  ),
  r(
    'IID-05',
    'info',
    READINESS_BASIS,
    ['Tanggal dokumen sesudah tanggal validasi', 'tanggal later than the validation date'],
    ['Tanggal Dokumen', 'tanggal'],
  ),
  r(
    'IID-06',
    'info',
    READINESS_BASIS,
    [
      'Inovasi tahap Penerapan tanpa bukti yang dihitung untuk indikator wajib (satu per indikator; nilai: kode indikator)',
      'An innovation in Penerapan with no counting evidence for a wajib indicator (one per indicator; value: the indicator kode)',
    ],
    ['Nama Inovasi (Inovasi)', 'nama (Inovasi)'],
  ),
  r(
    'KON-10',
    'info',
    'Replikasi inovasi daerah (katalog inovasi pelayanan publik yang sudah diterapkan)',
    [
      'Replikasi yang sumbernya (langkah 1: nama inovasi OPD lain) berada di luar katalog: belum Penerapan, atau bukan Inovasi Pelayanan Publik',
      "A replication linked (step 1: the name of another OPD's innovation) to an innovation outside the catalogue: not yet Penerapan, or not a public-service innovation",
    ],
    ['Sumber Replikasi', 'sumberReplikasi'],
  ),
] as const;

/** Every rule id, as a literal union: a finding, an override or a catalogue keyed by a typo fails to compile. */
export type RuleId = (typeof RULES)[number]['id'];

export type RuleDef = RuleDefOf<RuleId>;

export const RULE_IDS: readonly RuleId[] = RULES.map((d) => d.id);

export const RULE_BY_ID: ReadonlyMap<string, RuleDef> = new Map<string, RuleDef>(RULES.map((d) => [d.id, d]));

/** Is `id` the id of a rule (a string read from a file or typed by a person)? */
export function isRuleId(id: string): id is RuleId {
  return RULE_BY_ID.has(id);
}

export const RULES_VERSION = '1';

export function ruleDef(id: RuleId): RuleDef {
  const d = RULE_BY_ID.get(id);
  if (!d) throw new Error(`Unknown rule id ${id}`); // a programming error, not bad data
  return d;
}
