/**
 * The command line's own words, one table per language. `CliTexts` lists every text, so a text
 * missing in either language fails to compile; the findings' texts are the engine's (messages/).
 */
import type { Lang } from '../engine/messages';
import { STATUS_WORDS_EN } from '../engine/statusWords';
import type { OutputKind } from './output';

/** The file-system error codes the command line names in words (`disk penuh (ENOSPC)`). */
export type IoReasonCode =
  | 'ENOSPC'
  | 'EDQUOT'
  | 'EACCES'
  | 'EPERM'
  | 'EROFS'
  | 'ENOENT'
  | 'ENOTDIR'
  | 'EISDIR'
  | 'EEXIST'
  | 'EIO'
  | 'EMFILE';

/** The summary of `reference check`. */
export interface ReferenceFacts {
  readonly levels: number;
  readonly required: string;
  readonly scheduleYear: number | null;
  readonly zone: string;
}

export interface CliTexts {
  readonly ioReason: Readonly<Record<IoReasonCode, string>>;
  readonly outputKind: Readonly<Record<OutputKind, string>>;
  cannotWrite(file: string, reason: string): string;
  cannotRead(file: string, reason: string): string;
  notFound(file: string): string;
  ioFailure(reason: string): string;
  isInput(output: string, input: string): string;
  sameAsOutput(output: string, other: string): string;
  isFolder(output: string): string;
  notRegular(output: string): string;
  inInputFolder(output: string, folder: string): string;
  referenceNotRegular(file: string): string;
  notOwnOutput(output: string, kind: string, tool: string): string;
  referenceNotFound(file: string): string;
  referenceUnreadable(file: string, reason: string): string;
  notJson: string;
  cannotOpen(detail: string): string;
  referenceFacts(f: ReferenceFacts): string;
  passesChecks: string;
  auditWritten(findings: number, files: number, out: string): string;
  summaryWritten(out: string): string;
  jsonWritten(out: string): string;
  readonly writingSummary: string;
  readonly writingFeedback: string;
  feedbackWritten(count: number, dir: string): string;
  templatesWritten(count: number, out: string): string;
  templateWritten(opd: string, out: string): string;
  internalError(tool: string, message: string): string;
  /** `--help`: what the tool does, its commands, options and exit codes. */
  help(tool: string, version: string): string;
  /** A usage error (exit 2): the command line was asked for something it cannot do. */
  readonly usage: {
    needsOut(command: string, file: string): string;
    needsInput(command: string): string;
    outMustBeXlsx(out: string): string;
    readonly jsonNeedsName: string;
    langChoice(value: string): string;
    todayForm(value: string): string;
    optionNoValue(name: string): string;
    optionNeedsValue(name: string): string;
    /** `written` as typed, `nearest` the known option nearest to it (`--referensi`). */
    unknownOption(written: string, nearest: string): string;
    readonly feedbackNeedsFolder: string;
    feedbackNotFile(value: string): string;
    feedbackInsideInput(value: string, input: string): string;
    formatChoice(value: string): string;
    readonly tahunRange: string;
    allNeedsFolder(out: string): string;
    readonly templateNeedsOpd: string;
    opdUnknown(name: string, reference: string): string;
    readonly referenceUsage: string;
    readonly convertNeedsOut: string;
    readonly outJsonOrXlsx: string;
    auditOutForm(out: string): string;
    unknownCommand(command: string): string;
    noWorkbooks(where: string): string;
    tahunYear(value: string): string;
  };
  /** The words of the text report (`validate --format text`). */
  readonly report: {
    readonly error: string;
    readonly warning: string;
    readonly info: string;
    readonly accepted: string;
    readonly rows: string;
    readonly ready: string;
    readonly fix: string;
    readonly unreadable: string;
    readonly signoff: string;
    readonly returned: string;
    readonly changed: string;
    readonly none: string;
    readonly cell: string;
    readonly rule: string;
    readonly severity: string;
    readonly msg: string;
    readonly total: string;
    readonly files: string;
    readonly file: string;
    setAside(n: number): string;
    iidMore(n: number): string;
    readonly reference: string;
  };
}

const id: CliTexts = {
  ioReason: {
    ENOSPC: 'disk penuh',
    EDQUOT: 'kuota disk habis',
    EACCES: 'tidak ada izin',
    EPERM: 'tidak diizinkan',
    EROFS: 'sistem berkas hanya-baca',
    ENOENT: 'tidak ditemukan',
    ENOTDIR: 'bagian jalurnya bukan folder',
    EISDIR: 'itu sebuah folder',
    EEXIST: 'sudah ada berkas dengan nama itu',
    EIO: 'galat masukan/keluaran perangkat',
    EMFILE: 'terlalu banyak berkas terbuka',
  },
  outputKind: {
    text: 'keluaran',
    summary: 'ringkasan kota',
    template: 'templat kosong',
    reference: 'buku kerja referensi',
    feedback: 'umpan balik OPD',
    audit: 'laporan audit',
  },
  cannotWrite: (file, reason) => `Tidak dapat menulis ${file}: ${reason}.`,
  cannotRead: (file, reason) => `Tidak dapat membaca ${file}: ${reason}.`,
  notFound: (file) => `Berkas atau folder tidak ditemukan: ${file}`,
  ioFailure: (reason) => `Galat masukan/keluaran: ${reason}`,
  isInput: (o, input) =>
    `${o} adalah salah satu berkas masukan (${input}); berkas masukan tidak pernah ditimpa. Pilih nama atau folder lain.`,
  sameAsOutput: (o, other) => `${o} sama dengan ${other}; pilih nama lain.`,
  isFolder: (o) => `${o} adalah folder, bukan berkas.`,
  notRegular: (o) => `${o} bukan berkas biasa (perangkat, pipa atau soket); pilih nama berkas.`,
  inInputFolder: (o, folder) =>
    `${o} ada di dalam folder masukan ${folder}; jalan berikutnya atas folder itu akan membacanya sebagai masukan. Pilih folder lain.`,
  referenceNotRegular: (file) => `Berkas referensi bukan berkas biasa: ${file}`,
  notOwnOutput: (o, kind, tool) =>
    `${o} sudah ada dan bukan ${kind} buatan ${tool}; berkas itu tidak ditimpa. Pilih nama lain atau pindahkan berkasnya.`,
  referenceNotFound: (file) => `Berkas referensi tidak ditemukan: ${file}`,
  referenceUnreadable: (file, reason) => `Berkas referensi tidak dapat dibaca: ${file}: ${reason}`,
  notJson: 'bukan JSON yang sah',
  cannotOpen: (detail) => `berkas tidak dapat dibuka (${detail})`,
  referenceFacts: (f) =>
    `${f.levels} tingkat persetujuan (wajib ${f.required}), ${f.scheduleYear !== null ? `jadwal ${f.scheduleYear}` : 'tanpa jadwal'}, zona ${f.zone}`,
  passesChecks: 'lolos pemeriksaan',
  auditWritten: (n, files, out) => `${n} temuan dari ${files} berkas ditulis ke ${out}`,
  summaryWritten: (out) => `Ringkasan kota ditulis ke ${out}`,
  jsonWritten: (out) => `Laporan JSON ditulis ke ${out}`,
  writingSummary: 'Menulis ringkasan',
  writingFeedback: 'Menulis umpan balik',
  feedbackWritten: (n, dir) => `${n} umpan balik OPD ditulis ke ${dir}`,
  templatesWritten: (n, out) => `${n} templat ditulis ke ${out}`,
  templateWritten: (opd, out) => `Templat untuk ${opd} ditulis ke ${out}`,
  internalError: (tool, message) => `Kesalahan internal ${tool}: ${message}`,
  help: (tool, version) => `${tool} ${version} — validasi dan konsolidasi inovasi daerah

Pemakaian:
  ${tool} validate PATH… [--format text|json] [--out FILE]
  ${tool} consolidate PATH… --out FILE.xlsx [--json FILE] [--tahun TAHUN] [--umpan-balik DIR]
  ${tool} template --opd NAMA|--all [--tahun TAHUN] --out PATH
  ${tool} reference check|convert IN [OUT]
  ${tool} audit PATH… --out FILE.xlsx|FILE.csv

Opsi umum:
  --referensi FILE    referensi (JSON atau buku kerja referensi); bawaan: contoh Kota Bitung
  --lang id|en        bahasa pesan dan keluaran (bawaan: id)
  --today YYYY-MM-DD  tanggal validasi: untuk LOG-02 dan untuk jadwal (siapa tepat waktu, siapa
                      terlambat); bawaan: hari ini di zona waktu daerah
  -q, --quiet         tanpa keluaran selain galat
  -h, --help          bantuan ini
  -V, --version       versi

Ejaan Inggris juga diterima: --reference (--referensi), --feedback (--umpan-balik),
--year (--tahun).
audit --out FILE.xlsx menulis buku kerja (dibuka Excel dengan pengaturan wilayah apa pun);
FILE.csv menulis CSV RFC 4180 (koma, UTF-8 dengan BOM) untuk program lain.

consolidate --tahun: tahun konsolidasi; bawaan: tahun jadwal referensi, bila tidak ada: tahun
terbanyak berkas (satu suara per OPD). Berkas tahun lain, tanpa tahun, OPD yang tidak dikenal, atau
dua berkas satu OPD yang bukan revisi tidak dihitung (KON-05, KON-11, KON-08).

Kode keluar: 0 semua berkas terbaca tanpa galat terbuka; 1 ada galat terbuka (termasuk berkas tak
terbaca, KON-03; pada consolidate: galat berkas yang dihitung, serta KON-03, KON-05, KON-08,
KON-11); 2 salah pemakaian (termasuk masukan tanpa berkas .xlsx), referensi yang gagal diperiksa,
atau keluaran yang ditolak karena akan menimpa berkas masukan atau buku kerja lain; 3 galat
masukan/keluaran (berkas atau folder tidak ada, folder tak dapat ditulisi, disk penuh).
`,
  usage: {
    needsOut: (command, file) => `${command} memerlukan --out${file ? ` ${file}` : ''}.`,
    needsInput: (command) => `${command} memerlukan setidaknya satu berkas atau folder.`,
    outMustBeXlsx: (out) => `--out harus berkas .xlsx, bukan ${out}.`,
    jsonNeedsName: '--json memerlukan nama berkas.',
    langChoice: (value) => `--lang harus id atau en, bukan ${value}.`,
    todayForm: (value) => `--today harus tanggal YYYY-MM-DD yang ada, bukan ${value}.`,
    optionNoValue: (name) => `Opsi --${name} tidak menerima nilai.`,
    optionNeedsValue: (name) => `Opsi --${name} memerlukan nilai.`,
    unknownOption: (written, nearest) =>
      `Opsi tidak dikenal: ${written}. Maksud Anda ${nearest}? Lihat --help.`,
    feedbackNeedsFolder: '--umpan-balik memerlukan nama folder.',
    feedbackNotFile: (value) => `--umpan-balik memerlukan folder, bukan berkas ${value}.`,
    feedbackInsideInput: (value, input) =>
      `--umpan-balik ${value} ada di dalam folder masukan ${input}; pilih folder lain.`,
    formatChoice: (value) => `--format harus text atau json, bukan ${value}.`,
    tahunRange: '--tahun harus tahun 2000–2100.',
    allNeedsFolder: (out) => `--out ${out} harus folder untuk --all, bukan berkas.`,
    templateNeedsOpd: 'template memerlukan --opd NAMA atau --all.',
    opdUnknown: (name, reference) => `Perangkat daerah «${name}» tidak ada dalam referensi ${reference}.`,
    referenceUsage: 'Pemakaian: reference check|convert IN [OUT]',
    convertNeedsOut: 'reference convert memerlukan OUT.',
    outJsonOrXlsx: 'OUT harus berakhiran .json atau .xlsx.',
    auditOutForm: (out) => `--out harus berkas .xlsx (buku kerja) atau .csv, bukan ${out}.`,
    unknownCommand: (command) => `Perintah tidak dikenal: ${command}. Lihat --help.`,
    noWorkbooks: (where) => `Tidak ada berkas .xlsx di ${where}`,
    tahunYear: (value) => `--tahun harus tahun 2000–2100, bukan ${value}.`,
  },
  report: {
    error: 'galat',
    warning: 'peringatan',
    info: 'info',
    accepted: 'diterima',
    rows: 'baris',
    ready: 'Siap',
    fix: 'Perlu Perbaikan',
    unreadable: 'Tidak Terbaca',
    signoff: 'persetujuan',
    returned: 'Dikembalikan',
    changed: 'Berubah',
    none: 'Belum Distempel',
    cell: 'Sel',
    rule: 'Aturan',
    severity: 'Tingkat',
    msg: 'Pesan',
    total: 'Jumlah',
    files: 'berkas',
    file: 'berkas',
    setAside: (n) => `${n} baris stempel disisihkan`,
    iidMore: (n) => `dan ${n} inovasi lainnya`,
    reference: 'Referensi',
  },
};

const en: CliTexts = {
  ioReason: {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is exhausted',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'read-only file system',
    ENOENT: 'not found',
    ENOTDIR: 'part of the path is not a folder',
    EISDIR: 'it is a folder',
    EEXIST: 'a file of that name exists',
    EIO: 'device input/output error',
    EMFILE: 'too many open files',
  },
  outputKind: {
    text: 'output',
    summary: 'city summary',
    template: 'blank template',
    reference: 'reference workbook',
    feedback: 'agency feedback workbook',
    audit: 'audit report',
  },
  cannotWrite: (file, reason) => `Cannot write ${file}: ${reason}.`,
  cannotRead: (file, reason) => `Cannot read ${file}: ${reason}.`,
  notFound: (file) => `File or folder not found: ${file}`,
  ioFailure: (reason) => `Input/output failure: ${reason}`,
  isInput: (o, input) =>
    `${o} is one of the input files (${input}); input files are never written. Choose another name or folder.`,
  sameAsOutput: (o, other) => `${o} is the same file as ${other}; choose another name.`,
  isFolder: (o) => `${o} is a folder, not a file.`,
  notRegular: (o) => `${o} is not a regular file (a device, pipe or socket); choose a file name.`,
  inInputFolder: (o, folder) =>
    `${o} lies in the input folder ${folder}; the next run over that folder would read it as an input. Choose another folder.`,
  referenceNotRegular: (file) => `The reference file is not a regular file: ${file}`,
  notOwnOutput: (o, kind, tool) =>
    `${o} already exists and is not a ${kind} written by ${tool}; it is not overwritten. Choose another name or move that file.`,
  referenceNotFound: (file) => `Reference file not found: ${file}`,
  referenceUnreadable: (file, reason) => `Reference file cannot be read: ${file}: ${reason}`,
  notJson: 'not valid JSON',
  cannotOpen: (detail) => `the file cannot be opened (${detail})`,
  referenceFacts: (f) =>
    `${f.levels} sign-off levels (required ${f.required}), ${f.scheduleYear !== null ? `schedule ${f.scheduleYear}` : 'no schedule'}, zone ${f.zone}`,
  passesChecks: 'passes its checks',
  auditWritten: (n, files, out) => `${n} findings from ${files} files written to ${out}`,
  summaryWritten: (out) => `City summary written to ${out}`,
  jsonWritten: (out) => `JSON report written to ${out}`,
  writingSummary: 'Writing the summary',
  writingFeedback: 'Writing feedback',
  feedbackWritten: (n, dir) => `${n} agency feedback files written to ${dir}`,
  templatesWritten: (n, out) => `${n} templates written to ${out}`,
  templateWritten: (opd, out) => `Template for ${opd} written to ${out}`,
  internalError: (tool, message) => `Internal error of ${tool}: ${message}`,
  help: (tool, version) => `${tool} ${version} — validate and consolidate regional innovation lists

Usage:
  ${tool} validate PATH… [--format text|json] [--out FILE]
  ${tool} consolidate PATH… --out FILE.xlsx [--json FILE] [--year YEAR] [--feedback DIR]
  ${tool} template --opd NAME|--all [--year YEAR] --out PATH
  ${tool} reference check|convert IN [OUT]
  ${tool} audit PATH… --out FILE.xlsx|FILE.csv

Common options:
  --reference FILE    the reference (JSON or reference workbook); default: the Kota Bitung sample
  --lang id|en        language of messages and outputs (default: id)
  --today YYYY-MM-DD  the validation date: for LOG-02 and for the schedule (who is on time, who is
                      late); default: today in the region's time zone
  -q, --quiet         no output but errors
  -h, --help          this help
  -V, --version       the version

The Indonesian spellings work too: --referensi (--reference), --umpan-balik (--feedback),
--tahun (--year). audit --out FILE.xlsx writes a workbook (opens in Excel in any regional setting);
FILE.csv writes RFC 4180 CSV (commas, UTF-8 with a BOM) for other programs.

consolidate --year: the consolidation year; default: the reference schedule's year, else the year
most files have (one vote per agency). Files of another year or none, of an unknown agency, or two
files of one agency that are not revisions are not counted (KON-05, KON-11, KON-08).

Exit codes: 0 every file read and no open error; 1 at least one open error (an unreadable file
counts, KON-03; for consolidate: errors of the files counted, and KON-03, KON-05, KON-08, KON-11);
2 a usage error (an input without .xlsx files too), a reference that fails its checks, or an output
refused because it would overwrite an input or another workbook; 3 an input/output failure (a file
or folder that does not exist, a folder that cannot be written, a full disk).
`,
  usage: {
    needsOut: (command, file) => `${command} needs --out${file ? ` ${file}` : ''}.`,
    needsInput: (command) => `${command} needs at least one file or folder.`,
    outMustBeXlsx: (out) => `--out must be an .xlsx file, not ${out}.`,
    jsonNeedsName: '--json needs a file name.',
    langChoice: (value) => `--lang must be id or en, not ${value}.`,
    todayForm: (value) => `--today must be an existing date YYYY-MM-DD, not ${value}.`,
    optionNoValue: (name) => `Option --${name} takes no value.`,
    optionNeedsValue: (name) => `Option --${name} needs a value.`,
    unknownOption: (written, nearest) => `Unknown option: ${written}. Did you mean ${nearest}? See --help.`,
    feedbackNeedsFolder: '--umpan-balik needs a folder name.',
    feedbackNotFile: (value) => `--umpan-balik needs a folder, not the file ${value}.`,
    feedbackInsideInput: (value, input) =>
      `--umpan-balik ${value} lies inside the input folder ${input}; choose another folder.`,
    formatChoice: (value) => `--format must be text or json, not ${value}.`,
    tahunRange: '--tahun must be a year 2000–2100.',
    allNeedsFolder: (out) => `--out ${out} must be a folder with --all, not a file.`,
    templateNeedsOpd: 'template needs --opd NAME or --all.',
    opdUnknown: (name, reference) => `Agency «${name}» is not in the reference ${reference}.`,
    referenceUsage: 'Usage: reference check|convert IN [OUT]',
    convertNeedsOut: 'reference convert needs OUT.',
    outJsonOrXlsx: 'OUT must end in .json or .xlsx.',
    auditOutForm: (out) => `--out must be an .xlsx file (a workbook) or a .csv file, not ${out}.`,
    unknownCommand: (command) => `Unknown command: ${command}. See --help.`,
    noWorkbooks: (where) => `No .xlsx file in ${where}`,
    tahunYear: (value) => `--tahun must be a year 2000–2100, not ${value}.`,
  },
  report: {
    error: 'error',
    warning: 'warning',
    info: 'info',
    accepted: 'accepted',
    rows: 'rows',
    // The status words' one home (engine/statusWords.ts): the same words as every workbook's.
    ready: STATUS_WORDS_EN['Siap'],
    fix: STATUS_WORDS_EN['Perlu Perbaikan'],
    unreadable: STATUS_WORDS_EN['Tidak Terbaca'],
    signoff: 'sign-off',
    returned: 'Returned',
    changed: 'Changed',
    none: 'Not stamped',
    cell: 'Cell',
    rule: 'Rule',
    severity: 'Severity',
    msg: 'Message',
    total: 'Total',
    files: 'files',
    file: 'file',
    setAside: (n) => `${n} stamp rows set aside`,
    iidMore: (n) => `and ${n} more innovations`,
    reference: 'Reference',
  },
};

export const CLI_TEXTS: Readonly<Record<Lang, CliTexts>> = { id, en };
