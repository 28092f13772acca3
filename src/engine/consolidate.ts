/**
 * Consolidation (spec: consolidation.md): the cross-workbook rules (KON-01, KON-02, KON-04, KON-05)
 * over already validated workbooks, and the city summary's sheets as plain tables of typed values.
 * Writers (the command line's .xlsx writer, the add-in) only lay these tables out.
 */
import { Finding, Severity } from './findings';
import { Lang, findingHint, findingMessage } from './messages';
import { SubmissionRow, isEmptyOf, okValueOf, rawOf } from './parse';
import { referenceId } from './reference/load';
import { ReferenceIndex } from './reference/index';
import { Opd, Reference } from './reference/model';
import { ValidationReport, buildReport } from './report';
import { RULES_VERSION } from './rules/registry';
import { RuleContext, identityFinding, normalisedNames, rowFinding, rowKeys, sheetFinding } from './rules/context';
import { COLUMNS, ColumnDef, ColumnKey } from './schema';
import { codePointLength, normalise } from './text';
import { stampFinding } from './rules/stamp';
import { JadwalStatus, Keadaan, chainWord, scheduleStatus, scheduleWord } from './signoff';
import { FileValidation, applySeverity, countFindings, identify, sortFindings } from './validate';
import { cellText } from './values';
import { TOOL_NAME, TOOL_VERSION } from './version';
import { ReplicationResult, ReplikasiJson, buildReplication, replicationJson } from './replication';

// ---------------------------------------------------------------------------------------------
// The model

/** A date cell of a summary sheet: ISO `YYYY-MM-DD` (or `YYYY-MM-DDTHH:MM:SS`, UTC). Writers make a real date of it. */
export interface SummaryDate {
  readonly date: string;
}

export type SummaryCell = string | number | SummaryDate | null;

export const summaryDate = (iso: string): SummaryDate => ({ date: iso });

export function isSummaryDate(v: SummaryCell): v is SummaryDate {
  return typeof v === 'object' && v !== null && typeof v.date === 'string';
}

export interface SummaryRow {
  readonly cells: readonly SummaryCell[];
  /** A total (or other summing) row, shown bold. */
  readonly total?: boolean;
}

export interface SummaryTable {
  readonly columns: readonly string[];
  readonly rows: readonly SummaryRow[];
}

export type RekapStatus = 'Siap' | 'Perlu Perbaikan' | 'Belum Mengirim' | 'Tidak Terbaca' | 'Diganti';

/** What a file is to the summary: counted, superseded by another file of its OPD (KON-02), or unreadable (KON-03). */
export type FileRole = 'counted' | 'superseded' | 'unreadable';

export interface ConsolidationInput {
  /** File name as shown in the summary (the command line passes the name without its folder). */
  readonly file: string;
  /** Size in bytes. */
  readonly size: number;
  /** Hex SHA-256 of the file's bytes, or null when the file could not be opened at all. */
  readonly sha256: string | null;
  readonly validation: FileValidation;
}

export interface ConsolidateOptions {
  readonly reference: Reference;
  /** Validation date `YYYY-MM-DD` (as for validateWorkbook). */
  readonly today: string;
  /** Language of messages and hints in `Temuan` and of the JSON report (default `id`). */
  readonly lang?: Lang;
  /** When the consolidation ran, ISO date or date-time; default `today`. */
  readonly consolidatedAt?: string;
}

export interface ConsolidatedFile {
  readonly file: string;
  readonly size: number;
  readonly sha256: string | null;
  /** The validation with the cross-workbook findings added. */
  readonly validation: FileValidation;
  readonly role: FileRole;
  readonly status: Exclude<RekapStatus, 'Belum Mengirim'>;
  /** The winning file's name, for a superseded file. */
  readonly supersededBy: string | null;
}

export interface InfoSheet {
  /** Keterangan | Nilai: when, tool, rules version, reference, validation date, language. */
  readonly about: SummaryTable;
  /** The JSON report's stats over every file beside the `Total Kota` figures. */
  readonly totals: SummaryTable;
  /** Berkas | Ukuran (byte) | SHA-256 | Status, in input order. */
  readonly files: SummaryTable;
}

export interface CitySummary {
  /** Every file in input order, with KON findings added: feed these to `buildReport`. */
  readonly files: readonly FileValidation[];
  /** Every file in input order with its role and status. */
  readonly entries: readonly ConsolidatedFile[];
  /** The JSON report of the run (its stats count every file), with `replikasi`. */
  readonly report: ConsolidationReport;
  readonly consolidatedAt: string;
  /** Columns: REKAP_COLUMNS, then one `Tepat Waktu <label>` per level with a deadline (rekapColumns). */
  readonly rekapOpd: SummaryTable;
  /** Below `Rekap OPD`: OPDs per reached level, and per level with a deadline how many are on time, late, past or not yet due. */
  readonly rekapPersetujuan: SummaryTable;
  readonly daftarInovasi: SummaryTable;
  readonly programRpjmd: SummaryTable;
  readonly urusan: SummaryTable;
  readonly temuan: SummaryTable;
  readonly info: InfoSheet;
  /** The replication catalogue and links over the counting files (docs/spec/replication.md). */
  readonly replikasi: ReplicationResult;
}

/** The consolidation's JSON report: the validation report plus `replikasi` (docs/spec/replication.md). */
export interface ConsolidationReport extends ValidationReport {
  replikasi: ReplikasiJson;
}

export const SHEET_REKAP_OPD = 'Rekap OPD';
export const SHEET_DAFTAR_INOVASI = 'Daftar Inovasi';
export const SHEET_PROGRAM_RPJMD = 'Program RPJMD';
export const SHEET_URUSAN = 'Urusan';
export const SHEET_TEMUAN_KOTA = 'Temuan';
export const SHEET_INFO = 'Info Konsolidasi';

/** Output sheets in the order they are written. */
export const SUMMARY_SHEET_NAMES = [SHEET_REKAP_OPD, SHEET_DAFTAR_INOVASI, SHEET_PROGRAM_RPJMD, SHEET_URUSAN, SHEET_TEMUAN_KOTA, SHEET_INFO] as const;

export const REKAP_COLUMNS = [
  'No', 'Kode OPD', 'Perangkat Daerah', 'Berkas', 'Tahun', 'Status', 'Jumlah Inovasi', 'Inisiatif', 'Uji Coba', 'Penerapan',
  'Digital', 'Non Digital', 'Pelayanan Publik', 'Terlambat', 'Galat', 'Peringatan', 'Diterima', 'Tingkat Persetujuan',
] as const;

/** The schedule column of a level: `Tepat Waktu <label>`. */
export const scheduleColumn = (label: string): string => `Tepat Waktu ${label}`;

/** `Rekap OPD`'s columns: the fixed ones, then one `Tepat Waktu <label>` per level with a deadline in the reference's schedule. */
export function rekapColumns(reference: Reference): string[] {
  return [...REKAP_COLUMNS, ...scheduledLevels(reference).map((l) => scheduleColumn(l.label))];
}

const scheduledLevels = (reference: Reference) => reference.tingkatPersetujuan.filter((l) => reference.jadwal?.batas[l.kunci] !== undefined);

export const REKAP_PERSETUJUAN_COLUMNS = ['Tingkat Persetujuan', 'Jumlah OPD', 'Batas', 'Tepat Waktu', 'Terlambat', 'Lewat', 'Belum Jatuh Tempo'] as const;
export const DIKEMBALIKAN = 'Dikembalikan';
export const BERUBAH = 'Berubah';
export const BELUM_DISTEMPEL = 'Belum Distempel';
export const BELUM_MENGIRIM = 'Belum Mengirim';

/** Spec columns carried into `Daftar Inovasi`: all but `status` (the tool's own, possibly stale, flag). */
export const DAFTAR_SPEC_COLUMNS: readonly ColumnDef[] = COLUMNS.filter((c) => c.key !== 'status');

export const DAFTAR_COLUMNS: readonly string[] = ['Kode OPD', 'Perangkat Daerah', 'Berkas', 'Baris', ...DAFTAR_SPEC_COLUMNS.map((c) => c.label), 'Galat', 'Peringatan'];

export const PROGRAM_COLUMNS = [
  'Kode Misi', 'Misi', 'Kode Sasaran', 'Sasaran', 'Kode Program', 'Nama Program', 'OPD Penanggung Jawab', 'Jumlah Inovasi',
  'Penerapan', 'OPD Pengusul', 'Cakupan',
] as const;

export const URUSAN_COLUMNS = ['Kode', 'Bidang Urusan', 'Inisiatif', 'Uji Coba', 'Penerapan', 'Jumlah'] as const;

export const TEMUAN_COLUMNS = [
  'No', 'Kode OPD', 'Perangkat Daerah', 'Berkas', 'Lembar', 'Sel', 'Baris', 'Kolom', 'Aturan', 'Tingkat', 'Pesan', 'Saran', 'Dasar',
  'Status', 'Alasan', 'Pemeriksa', 'ID',
] as const;

export const INFO_ABOUT_COLUMNS = ['Keterangan', 'Nilai'] as const;
export const INFO_TOTALS_COLUMNS = ['Ukuran', 'Semua Berkas (Laporan JSON)', 'Total Kota'] as const;
export const INFO_FILES_COLUMNS = ['Berkas', 'Ukuran (byte)', 'SHA-256', 'Status'] as const;

export const TOTAL_KOTA = 'Total Kota';
export const DI_LUAR_RPJMD = 'Di luar RPJMD';
export const URUSAN_TOTAL = 'Total';

const SEVERITY_WORD: Readonly<Record<Severity, string>> = { error: 'Galat', warning: 'Peringatan', info: 'Info' };

/** Rows of a table as records keyed by column label (for readers and tests). */
export function tableRecords(table: SummaryTable): Record<string, SummaryCell>[] {
  return table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c, r.cells[i] ?? null])));
}

// ---------------------------------------------------------------------------------------------
// Cross-workbook rules

/** Rules this module adds; findings of these rules already on an input are replaced, so a re-run is idempotent. */
const CROSS_RULES = new Set(['KON-01', 'KON-02', 'KON-04', 'KON-05', 'KON-10']);
// KON-06 and KON-07 come with the validation (validate raises them too) and are kept as they are.

interface Work {
  readonly input: ConsolidationInput;
  readonly index: number;
  readonly v: FileValidation;
  readonly base: string;
  /** Tells OPDs apart: `kode:<code>` for reference OPDs, `nama:<normalised>` otherwise, `berkas:<i>` when none is named. */
  readonly opdKey: string;
  /** The OPD as shown: reference name, else as typed; null when none. */
  readonly opdName: string | null;
  role: FileRole;
  supersededBy: string | null;
  readonly added: Finding[];
}

const baseName = (file: string): string => file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);

/** Byte order of the UTF-8 text, which is the order of code points. */
export function compareFileNames(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

function ruleContext(v: FileValidation, reference: Reference, today: string): RuleContext {
  return { submission: v.submission!, index: ReferenceIndex.of(reference), params: reference.parameter, today, opd: v.opd, tahun: v.tahun };
}

function filingDate(v: FileValidation): string {
  const p = v.submission?.identity.tanggalPengisian.parsed;
  return p?.kind === 'ok' ? String(p.value) : ''; // missing or invalid: earliest
}

/** KON-02: among readable workbooks naming the same OPD, the latest filing date wins; ties go to the last file name. */
function supersede(work: Work[]): void {
  const groups = new Map<string, Work[]>();
  for (const w of work) {
    if (w.role !== 'counted') continue;
    const g = groups.get(w.opdKey);
    if (g) g.push(w);
    else groups.set(w.opdKey, [w]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    let winner = group[0];
    for (const w of group.slice(1)) {
      const [a, b] = [filingDate(w.v), filingDate(winner.v)];
      if (a > b || (a === b && compareFileNames(w.base, winner.base) >= 0)) winner = w;
    }
    for (const w of group) {
      if (w === winner) continue;
      w.role = 'superseded';
      w.supersededBy = winner.input.file;
      w.added.push(sheetFinding('KON-02', { sheet: null }, { params: { berkas: winner.input.file, opd: winner.opdName ?? '' } }));
    }
  }
}

/** KON-04: the required level not reached, or the chain broken by an edit (every readable workbook). */
function checkStamps(work: Work[], reference: Reference): void {
  for (const w of work) {
    const f = stampFinding(w.v, reference);
    if (f) w.added.push(f);
  }
}

/** KON-05: counted workbooks vote with their valid `tahun`; a tie goes to the later year. */
function checkYears(counted: Work[], reference: Reference, today: string): void {
  const votes = new Map<number, number>();
  for (const w of counted) if (w.v.tahun !== null) votes.set(w.v.tahun, (votes.get(w.v.tahun) ?? 0) + 1);
  let majority: number | null = null;
  for (const [year, n] of votes) {
    const best = majority === null ? -1 : votes.get(majority)!;
    if (n > best || (n === best && year > majority!)) majority = year;
  }
  if (majority === null) return;
  for (const w of counted) {
    if (w.v.tahun === null || w.v.tahun === majority) continue;
    const ctx = ruleContext(w.v, reference, today);
    w.added.push(identityFinding(ctx, 'KON-05', 'tahun', { params: { tahun: w.v.tahun, mayoritas: majority } }));
  }
}

function validName(row: SubmissionRow, reference: Reference): string | null {
  const p = row.cells.nama.parsed;
  if (p.kind !== 'ok') return null;
  const length = codePointLength(String(p.value));
  // As LOG-06: a name that fails FMT-06 gets no further finding.
  return length >= reference.parameter.namaMin && length <= reference.parameter.namaMax ? String(p.value) : null;
}

const isReplication = (row: SubmissionRow): boolean => {
  const p = row.cells.replikasi.parsed;
  return p.kind === 'ok' && p.value === 'Ya';
};

/** KON-01: the same name in workbooks of two or more OPDs, not (all but one) declared replications. */
function checkNames(counted: Work[], reference: Reference, today: string): void {
  interface Entry {
    readonly w: Work;
    readonly row: SubmissionRow;
    readonly rowKey: string;
    readonly nama: string;
  }
  const groups = new Map<string, Entry[]>();
  for (const w of counted) {
    const rows = w.v.submission?.table?.rows ?? [];
    const keys = rowKeys(rows);
    const names = normalisedNames(rows);
    rows.forEach((row, i) => {
      const nama = validName(row, reference);
      if (nama === null) return;
      const key = names[i];
      const entry = { w, row, rowKey: keys[i], nama };
      const g = groups.get(key);
      if (g) g.push(entry);
      else groups.set(key, [entry]);
    });
  }
  for (const group of groups.values()) {
    const opds = [...new Map(group.map((e) => [e.w.opdKey, e.w])).values()];
    if (opds.length < 2) continue;
    const flagged = group.filter((e) => !isReplication(e.row));
    if (flagged.length <= 1) continue;
    for (const e of flagged) {
      const opdLain = opds.filter((o) => o.opdKey !== e.w.opdKey).map(displayOpd).join(', ');
      const ctx = ruleContext(e.w.v, reference, today);
      e.w.added.push(rowFinding(ctx, { row: e.row, rowKey: e.rowKey }, 'KON-01', 'nama', { params: { nama: e.nama, opdLain } }));
    }
  }
}

const displayOpd = (w: Work): string => w.opdName ?? w.input.file;

/** Order of `Rekap OPD`: reference OPDs in reference order, then other counted workbooks in input order. */
function rekapOrder(counted: Work[], reference: Reference): Work[] {
  const byCode = new Map<string, Work>();
  for (const w of counted) if (w.v.opd) byCode.set(w.v.opd.kode, w);
  const known = reference.opd.map((o) => byCode.get(o.kode)).filter((w): w is Work => w !== undefined);
  return [...known, ...counted.filter((w) => !w.v.opd)];
}

// ---------------------------------------------------------------------------------------------
// Consolidation

export function consolidate(inputs: readonly ConsolidationInput[], options: ConsolidateOptions): CitySummary {
  const { reference, today } = options;
  const lang = options.lang ?? 'id';
  const index = ReferenceIndex.of(reference);

  const work: Work[] = inputs.map((input, i) => {
    const v = input.validation;
    const opdName = v.opd?.nama ?? v.opdText;
    const opdKey = v.opd ? `kode:${v.opd.kode}` : v.opdText !== null && normalise(v.opdText) ? `nama:${normalise(v.opdText)}` : `berkas:${i}`;
    return {
      input,
      index: i,
      v: { ...v, findings: v.findings.filter((f) => !CROSS_RULES.has(f.rule)) },
      base: baseName(input.file),
      opdKey,
      opdName,
      role: v.submission === null ? 'unreadable' : 'counted',
      supersededBy: null,
      added: [],
    };
  });

  supersede(work);
  checkStamps(work, reference);
  const counted = rekapOrder(
    work.filter((w) => w.role === 'counted'),
    reference,
  );
  checkYears(counted, reference, today);
  checkNames(counted, reference, today);
  // Replication over the counting files, in Rekap OPD order; its KON-10 findings join the others.
  const replikasi = buildReplication(
    counted.map((w) => ({ file: w.input.file, validation: w.v })),
    reference,
  );
  for (const [i, found] of replikasi.findings) counted[i].added.push(...found);

  const done = new Map<Work, ConsolidatedFile>();
  for (const w of work) {
    const { findings: added } = identify(applySeverity(w.added, reference), new Map());
    const findings = added.length ? sortFindings([...w.v.findings, ...added], w.v.submission) : w.v.findings;
    const validation: FileValidation = { ...w.v, findings };
    const errors = countFindings(findings).errors;
    const status = w.role === 'unreadable' ? 'Tidak Terbaca' : w.role === 'superseded' ? 'Diganti' : errors > 0 ? 'Perlu Perbaikan' : 'Siap';
    done.set(w, { file: w.input.file, size: w.input.size, sha256: w.input.sha256, validation, role: w.role, status, supersededBy: w.supersededBy });
  }

  const entries = work.map((w) => done.get(w)!);
  const files = entries.map((e) => e.validation);
  const ordered = counted.map((w) => done.get(w)!);
  const others = entries.filter((e) => e.role !== 'counted');
  const report: ConsolidationReport = { ...buildReport(files, { reference, today, lang }), replikasi: replicationJson(replikasi) };

  const rekapOpd = buildRekap(ordered, others, reference, today);
  const consolidatedAt = options.consolidatedAt ?? today;
  return {
    files,
    entries,
    report,
    consolidatedAt,
    rekapOpd,
    rekapPersetujuan: buildRekapPersetujuan(ordered, reference, today),
    daftarInovasi: buildDaftar(ordered),
    programRpjmd: buildPrograms(ordered, index),
    urusan: buildUrusan(ordered, index),
    temuan: buildTemuan([...ordered, ...others], lang),
    info: buildInfo(entries, report, rekapOpd, { reference, today, lang, consolidatedAt }),
    replikasi,
  };
}

// ---------------------------------------------------------------------------------------------
// Sheets

const okValue = (row: SubmissionRow, key: ColumnKey): string | number | null => okValueOf(row, key);

const rowsOf = (e: ConsolidatedFile): readonly SubmissionRow[] => e.validation.submission?.table?.rows ?? [];

const opdCode = (e: ConsolidatedFile): string | null => e.validation.opd?.kode ?? null;
const opdName = (e: ConsolidatedFile): string | null => e.validation.opd?.nama ?? e.validation.opdText;

/** Open errors and warnings per row of the file's innovation table. */
function openCountsByRow(e: ConsolidatedFile): Map<number, { errors: number; warnings: number }> {
  const sheet = e.validation.submission?.table?.sheet;
  const counts = new Map<number, { errors: number; warnings: number }>();
  for (const f of e.validation.findings) {
    if (f.sheet !== sheet || f.row === null || f.status !== 'open' || f.severity === 'info') continue;
    const c = counts.get(f.row) ?? { errors: 0, warnings: 0 };
    if (f.severity === 'error') c.errors++;
    else c.warnings++;
    counts.set(f.row, c);
  }
  return counts;
}

function rowsWithRule(e: ConsolidatedFile, rule: string): Set<number> {
  const sheet = e.validation.submission?.table?.sheet;
  return new Set(e.validation.findings.filter((f) => f.rule === rule && f.sheet === sheet && f.row !== null).map((f) => f.row!));
}

/** The schedule of an OPD's row: its file's words, or (no file) every passed deadline `lewat`. */
function rowSchedule(e: ConsolidatedFile | null, reference: Reference, today: string): readonly JadwalStatus[] {
  if (!reference.jadwal) return [];
  if (!e) return scheduleStatus(null, reference.tingkatPersetujuan, reference.jadwal, today, reference.daerah.zonaWaktu);
  return e.validation.persetujuan.jadwal;
}

const isLate = (k: Keadaan) => k === 'terlambat' || k === 'lewat';

function buildRekap(ordered: readonly ConsolidatedFile[], others: readonly ConsolidatedFile[], reference: Reference, today: string): SummaryTable {
  const columns = rekapColumns(reference);
  const levels = scheduledLevels(reference);
  const rows: SummaryRow[] = [];
  let no = 0;
  const totals = new Array<number>(REKAP_COLUMNS.length).fill(0);
  const late = new Array<number>(levels.length).fill(0);
  const col = (label: (typeof REKAP_COLUMNS)[number]) => REKAP_COLUMNS.indexOf(label);
  const SUMMED = ['Jumlah Inovasi', 'Inisiatif', 'Uji Coba', 'Penerapan', 'Digital', 'Non Digital', 'Pelayanan Publik', 'Terlambat', 'Galat', 'Peringatan', 'Diterima'] as const;

  /** `Tepat Waktu <label>` cells: the schedule word, blank when the schedule does not apply (another reporting year); counts the late ones. */
  const scheduleCells = (schedule: readonly JadwalStatus[]): SummaryCell[] =>
    levels.map((l, i) => {
      const j = schedule.find((x) => x.tingkat === l.kunci);
      if (!j) return null;
      if (isLate(j.keadaan)) late[i]++;
      return scheduleWord(j);
    });

  const countedRow = (e: ConsolidatedFile): SummaryCell[] => {
    const rows = rowsOf(e);
    const count = (key: ColumnKey, value: string) => rows.filter((r) => okValue(r, key) === value).length;
    const stats = countFindings(e.validation.findings);
    const values: Record<(typeof SUMMED)[number], number> = {
      'Jumlah Inovasi': rows.length,
      Inisiatif: count('tahapan', 'Inisiatif'),
      'Uji Coba': count('tahapan', 'Uji Coba'),
      Penerapan: count('tahapan', 'Penerapan'),
      Digital: count('jenis', 'Digital'),
      'Non Digital': count('jenis', 'Non Digital'),
      'Pelayanan Publik': count('bentuk', 'Inovasi Pelayanan Publik'),
      Terlambat: rowsWithRule(e, 'LOG-07').size,
      Galat: stats.errors,
      Peringatan: stats.warnings,
      Diterima: stats.accepted,
    };
    for (const k of SUMMED) totals[col(k)] += values[k];
    return [
      ++no, opdCode(e), opdName(e), e.file, e.validation.tahun, e.status, values['Jumlah Inovasi'], values.Inisiatif, values['Uji Coba'],
      values.Penerapan, values.Digital, values['Non Digital'], values['Pelayanan Publik'], values.Terlambat, values.Galat,
      values.Peringatan, values.Diterima, chainWord(e.validation.persetujuan), ...scheduleCells(rowSchedule(e, reference, today)),
    ];
  };

  const byCode = new Map<string, ConsolidatedFile>();
  for (const e of ordered) if (e.validation.opd) byCode.set(e.validation.opd.kode, e);
  for (const opd of reference.opd) {
    const e = byCode.get(opd.kode);
    rows.push({ cells: e ? countedRow(e) : [...silentRow(++no, opd), ...scheduleCells(rowSchedule(null, reference, today))] });
  }
  for (const e of ordered) if (!e.validation.opd) rows.push({ cells: countedRow(e) });
  for (const e of others) {
    const stats = countFindings(e.validation.findings);
    const cells: SummaryCell[] = new Array<SummaryCell>(columns.length).fill(null);
    cells[col('No')] = ++no;
    cells[col('Berkas')] = e.file;
    cells[col('Status')] = e.status;
    cells[col('Galat')] = stats.errors;
    cells[col('Peringatan')] = stats.warnings;
    if (e.role === 'superseded') {
      cells[col('Kode OPD')] = opdCode(e);
      cells[col('Perangkat Daerah')] = opdName(e);
      cells[col('Tahun')] = e.validation.tahun;
      cells[col('Diterima')] = stats.accepted;
      cells[col('Tingkat Persetujuan')] = chainWord(e.validation.persetujuan);
    }
    rows.push({ cells });
  }
  const total: SummaryCell[] = new Array<SummaryCell>(columns.length).fill(null);
  total[col('Perangkat Daerah')] = TOTAL_KOTA;
  for (const k of SUMMED) total[col(k)] = totals[col(k)];
  // Under each schedule column: how many OPDs are late (Terlambat or Lewat) for that level.
  late.forEach((n, i) => (total[REKAP_COLUMNS.length + i] = n));
  rows.push({ cells: total, total: true });
  return { columns, rows };
}

/**
 * Below `Rekap OPD`: how many OPDs reached each level (their `Tingkat Persetujuan` word), returned,
 * changed, not stamped or not sent; and per level with a deadline, how many are on time, late, past
 * or not yet due (OPDs that sent nothing count as past once the deadline has passed).
 */
function buildRekapPersetujuan(ordered: readonly ConsolidatedFile[], reference: Reference, today: string): SummaryTable {
  const words = new Map<string, number>();
  const byCode = new Set(ordered.map((e) => e.validation.opd?.kode).filter((k): k is string => k !== undefined));
  const silent = reference.opd.filter((o) => !byCode.has(o.kode)).length;
  for (const e of ordered) {
    const w = chainWord(e.validation.persetujuan);
    words.set(w, (words.get(w) ?? 0) + 1);
  }
  const tally = new Map<string, Record<Keadaan, number>>();
  const add = (schedule: readonly JadwalStatus[], times = 1) => {
    for (const j of schedule) {
      const t = tally.get(j.tingkat) ?? { tepatWaktu: 0, terlambat: 0, lewat: 0, belumJatuhTempo: 0 };
      t[j.keadaan] += times;
      tally.set(j.tingkat, t);
    }
  };
  for (const e of ordered) add(rowSchedule(e, reference, today));
  if (silent) add(rowSchedule(null, reference, today), silent);

  const rows: SummaryRow[] = reference.tingkatPersetujuan.map((l) => {
    const batas = reference.jadwal?.batas[l.kunci];
    const t = batas === undefined ? null : (tally.get(l.kunci) ?? { tepatWaktu: 0, terlambat: 0, lewat: 0, belumJatuhTempo: 0 });
    return {
      cells: [l.label, words.get(l.label) ?? 0, batas === undefined ? null : summaryDate(batas), t?.tepatWaktu ?? null, t?.terlambat ?? null, t?.lewat ?? null, t?.belumJatuhTempo ?? null],
    };
  });
  for (const [label, n] of [[DIKEMBALIKAN, words.get(DIKEMBALIKAN) ?? 0], [BERUBAH, words.get(BERUBAH) ?? 0], [BELUM_DISTEMPEL, words.get(BELUM_DISTEMPEL) ?? 0], [BELUM_MENGIRIM, silent]] as const)
    rows.push({ cells: [label, n, null, null, null, null, null] });
  return { columns: REKAP_PERSETUJUAN_COLUMNS, rows };
}

function silentRow(no: number, opd: Opd): SummaryCell[] {
  const cells = new Array<SummaryCell>(REKAP_COLUMNS.length).fill(null);
  cells[0] = no;
  cells[1] = opd.kode;
  cells[2] = opd.nama;
  cells[REKAP_COLUMNS.indexOf('Status')] = 'Belum Mengirim';
  return cells;
}

/** A cell's canonical value: the parsed value (dates as dates), else its trimmed text, else null. */
function canonicalCell(def: ColumnDef, row: SubmissionRow): SummaryCell {
  const value = okValueOf(row, def.key);
  if (value !== null) return def.type === 'date' ? summaryDate(String(value)) : value;
  if (isEmptyOf(row, def.key)) return null;
  return cellText(rawOf(row, def.key)) || null;
}

function buildDaftar(ordered: readonly ConsolidatedFile[]): SummaryTable {
  const rows: SummaryRow[] = [];
  for (const e of ordered) {
    const open = openCountsByRow(e);
    for (const row of rowsOf(e)) {
      const c = open.get(row.row);
      rows.push({
        cells: [opdCode(e), opdName(e), e.file, row.row, ...DAFTAR_SPEC_COLUMNS.map((def) => canonicalCell(def, row)), c?.errors ?? 0, c?.warnings ?? 0],
      });
    }
  }
  return { columns: DAFTAR_COLUMNS, rows };
}

interface Tally {
  count: number;
  penerapan: number;
  /** Proposing OPDs in first-seen order (a Set: a province has thousands, looked up per row). */
  readonly opds: Set<string>;
}

function buildPrograms(ordered: readonly ConsolidatedFile[], index: ReferenceIndex): SummaryTable {
  const tallies = new Map<string, Tally>(index.programCodes().map((c) => [c, { count: 0, penerapan: 0, opds: new Set<string>() }]));
  const outside: Tally = { count: 0, penerapan: 0, opds: new Set<string>() };
  const add = (t: Tally, e: ConsolidatedFile, row: SubmissionRow) => {
    t.count++;
    if (okValue(row, 'tahapan') === 'Penerapan') t.penerapan++;
    const name = opdName(e) ?? e.file;
    t.opds.add(name);
  };
  for (const e of ordered) {
    const rpj01 = rowsWithRule(e, 'RPJ-01');
    for (const row of rowsOf(e)) {
      if (rpj01.has(row.row)) {
        add(outside, e, row);
        continue;
      }
      const code = okValue(row, 'program');
      const t = code === null ? undefined : tallies.get(String(code));
      if (t) add(t, e, row);
    }
  }
  const rows: SummaryRow[] = index.reference.rpjmd.program.map((program) => {
    const { sasaran, misi } = index.cascade(program);
    const t = tallies.get(program.kode)!;
    return {
      cells: [
        misi.map((m) => m.kode).join('; '),
        misi.map((m) => m.uraian).join('; '),
        sasaran.map((s) => s.kode).join('; '),
        sasaran.map((s) => s.uraian).join('; '),
        program.kode,
        program.nama,
        program.opd.map((c) => index.opdByCode(c)?.nama ?? c).join('; '),
        t.count,
        t.penerapan,
        [...t.opds].join('; ') || null,
        t.count > 0 ? 'Ada' : 'Belum Ada Inovasi',
      ],
    };
  });
  rows.push({
    cells: [null, null, null, null, null, DI_LUAR_RPJMD, null, outside.count, outside.penerapan, [...outside.opds].join('; ') || null, null],
    total: true,
  });
  return { columns: PROGRAM_COLUMNS, rows };
}

function compareCodes(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

function buildUrusan(ordered: readonly ConsolidatedFile[], index: ReferenceIndex): SummaryTable {
  const counts = new Map<string, [number, number, number, number]>();
  for (const e of ordered) {
    for (const row of rowsOf(e)) {
      const code = okValue(row, 'urusan');
      if (code === null) continue; // an empty or invalid urusan has no bidang to count under
      const c = counts.get(String(code)) ?? [0, 0, 0, 0];
      const stage = ['Inisiatif', 'Uji Coba', 'Penerapan'].indexOf(String(okValue(row, 'tahapan')));
      if (stage >= 0) c[stage]++;
      c[3]++;
      counts.set(String(code), c);
    }
  }
  const total = [0, 0, 0, 0];
  const rows: SummaryRow[] = [...counts.keys()].sort(compareCodes).map((code) => {
    const c = counts.get(code)!;
    c.forEach((n, i) => (total[i] += n));
    return { cells: [code, index.bidangByCode(code)?.nama ?? null, ...c] };
  });
  rows.push({ cells: [null, URUSAN_TOTAL, ...total], total: true });
  return { columns: URUSAN_COLUMNS, rows };
}

function buildTemuan(files: readonly ConsolidatedFile[], lang: Lang): SummaryTable {
  const rows: SummaryRow[] = [];
  for (const e of files) {
    for (const f of e.validation.findings) {
      rows.push({
        cells: [
          rows.length + 1, opdCode(e), opdName(e), e.file, f.sheet, f.cell, f.row, f.column, f.rule, SEVERITY_WORD[f.severity],
          findingMessage(f, lang), findingHint(f, lang), f.basis, f.status === 'accepted' ? 'Diterima' : 'Terbuka',
          f.decision?.reason || null, f.decision?.reviewer || null, f.id,
        ],
      });
    }
  }
  return { columns: TEMUAN_COLUMNS, rows };
}

function buildInfo(
  entries: readonly ConsolidatedFile[],
  report: ValidationReport,
  rekap: SummaryTable,
  o: { reference: Reference; today: string; lang: Lang; consolidatedAt: string },
): InfoSheet {
  const about: SummaryRow[] = [
    ['Waktu Konsolidasi', summaryDate(o.consolidatedAt)],
    ['Alat', `${TOOL_NAME} ${TOOL_VERSION}`],
    ['Versi Aturan', RULES_VERSION],
    ['Referensi', referenceId(o.reference)],
    ['Tanggal Validasi', summaryDate(o.today)],
    ['Bahasa Pesan', o.lang],
  ].map((cells) => ({ cells: cells as SummaryCell[] }));

  const total = rekap.rows[rekap.rows.length - 1].cells;
  const at = (label: (typeof REKAP_COLUMNS)[number]) => total[REKAP_COLUMNS.indexOf(label)];
  const s = report.stats;
  const counted = entries.filter((e) => e.role === 'counted').length;
  const totals: SummaryRow[] = [
    ['Berkas', s.files, counted],
    ['Baris Inovasi', s.rows, at('Jumlah Inovasi')],
    ['Galat', s.errors, at('Galat')],
    ['Peringatan', s.warnings, at('Peringatan')],
    ['Info', s.infos, null],
    ['Diterima', s.accepted, at('Diterima')],
  ].map((cells) => ({ cells: cells as SummaryCell[] }));

  const files: SummaryRow[] = entries.map((e) => ({ cells: [e.file, e.size, e.sha256, e.status] }));
  return {
    about: { columns: INFO_ABOUT_COLUMNS, rows: about },
    totals: { columns: INFO_TOTALS_COLUMNS, rows: totals },
    files: { columns: INFO_FILES_COLUMNS, rows: files },
  };
}

// ---------------------------------------------------------------------------------------------
// Layout shared by the writers

export interface SummarySheet {
  readonly name: string;
  /** Tables written one below the other, a blank row between; the first one's header is row 1 (frozen). */
  readonly tables: readonly SummaryTable[];
  /** Which table gets the sheet's autofilter. */
  readonly filterTable: number;
}

/** The output sheets in spec order. */
export function summarySheets(s: CitySummary): SummarySheet[] {
  return [
    { name: SHEET_REKAP_OPD, tables: [s.rekapOpd, s.rekapPersetujuan], filterTable: 0 },
    { name: SHEET_DAFTAR_INOVASI, tables: [s.daftarInovasi], filterTable: 0 },
    { name: SHEET_PROGRAM_RPJMD, tables: [s.programRpjmd], filterTable: 0 },
    { name: SHEET_URUSAN, tables: [s.urusan], filterTable: 0 },
    { name: SHEET_TEMUAN_KOTA, tables: [s.temuan], filterTable: 0 },
    { name: SHEET_INFO, tables: [s.info.about, s.info.totals, s.info.files], filterTable: 2 },
  ];
}

function cellWidth(v: SummaryCell): number {
  if (v === null) return 0;
  if (isSummaryDate(v)) return v.date.length > 10 ? 16 : 10;
  if (typeof v === 'number') return Number.isInteger(v) ? String(v).length + Math.floor(String(v).length / 3) : 12;
  return v.length;
}

/** Column widths in characters: the widest header or value, between 5 and 60. */
export function columnWidths(sheet: SummarySheet): number[] {
  const widths: number[] = [];
  for (const t of sheet.tables) {
    t.columns.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length + 2)));
    for (const r of t.rows) r.cells.forEach((v, i) => (widths[i] = Math.max(widths[i] ?? 0, cellWidth(v) + 2)));
  }
  return widths.map((w) => Math.min(60, Math.max(5, w)));
}
