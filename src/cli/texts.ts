/**
 * The command line's own words, one table per language. `CliTexts` lists every text, so a text
 * missing in either language fails to compile; the findings' texts are the engine's (messages/).
 */
import type { Lang } from '../engine/messages';
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
  notOwnOutput(output: string, kind: string, tool: string): string;
  referenceNotFound(file: string): string;
  referenceUnreadable(file: string, reason: string): string;
  notJson: string;
  cannotOpen(detail: string): string;
  referenceFacts(f: ReferenceFacts): string;
  passesChecks: string;
  auditWritten(findings: number, files: number, out: string): string;
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
  },
  cannotWrite: (file, reason) => `Tidak dapat menulis ${file}: ${reason}.`,
  cannotRead: (file, reason) => `Tidak dapat membaca ${file}: ${reason}.`,
  notFound: (file) => `Berkas atau folder tidak ditemukan: ${file}`,
  ioFailure: (reason) => `Galat masukan/keluaran: ${reason}`,
  isInput: (o, input) =>
    `${o} adalah salah satu berkas masukan (${input}); berkas masukan tidak pernah ditimpa. Pilih nama atau folder lain.`,
  sameAsOutput: (o, other) => `${o} sama dengan ${other}; pilih nama lain.`,
  isFolder: (o) => `${o} adalah folder, bukan berkas.`,
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
  },
  cannotWrite: (file, reason) => `Cannot write ${file}: ${reason}.`,
  cannotRead: (file, reason) => `Cannot read ${file}: ${reason}.`,
  notFound: (file) => `File or folder not found: ${file}`,
  ioFailure: (reason) => `Input/output failure: ${reason}`,
  isInput: (o, input) =>
    `${o} is one of the input files (${input}); input files are never written. Choose another name or folder.`,
  sameAsOutput: (o, other) => `${o} is the same file as ${other}; choose another name.`,
  isFolder: (o) => `${o} is a folder, not a file.`,
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
  report: {
    error: 'error',
    warning: 'warning',
    info: 'info',
    accepted: 'accepted',
    rows: 'rows',
    ready: 'Ready',
    fix: 'Needs fixing',
    unreadable: 'Unreadable',
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
    reference: 'Reference',
  },
};

export const CLI_TEXTS: Readonly<Record<Lang, CliTexts>> = { id, en };
