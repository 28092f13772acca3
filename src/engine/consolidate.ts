/**
 * Consolidation (spec: docs/spec/consolidation.md): the cross-workbook rules (KON-01, KON-02,
 * KON-04, KON-05) over already validated workbooks, each file's role and status, and the city
 * summary's sheets built by the sheet registry (summary/sheets/index.ts: one module per sheet).
 * Writers (the command line's .xlsx writer, the add-in) only lay the sheets out.
 */
import { Finding } from './findings';
import { Lang } from './messages';
import { SubmissionRow } from './parse';
import { ReferenceIndex } from './reference/index';
import { Reference } from './reference/model';
import { ValidationReport, buildReport } from './report';
import {
  RuleContext,
  identityFinding,
  normalisedNames,
  rowFinding,
  rowKeys,
  sheetFinding,
} from './rules/context';
import { codePointLength, normalise } from './text';
import { stampFinding } from './rules/stamp';
import { FileValidation, applySeverity, countFindings, identify, sortFindings } from './validate';
import { ReplicationResult, ReplikasiJson, buildReplication, replicationJson } from './replication';
import { ConsolidatedFile, FileRole, SummarySource, SummaryTable } from './summary/model';
import { SummarySheet, buildSheets } from './summary/sheet';
import { SUMMARY_SHEETS } from './summary/sheets/index';
import { SHEET_REKAP_OPD } from './summary/sheets/rekapOpd';
import { SHEET_PROGRAM_RPJMD } from './summary/sheets/programRpjmd';
import { SHEET_URUSAN } from './summary/sheets/urusan';
import { SHEET_TEMUAN_KOTA } from './summary/sheets/temuan';
import { InfoSheet, SHEET_INFO } from './summary/sheets/infoKonsolidasi';
import { SHEET_DAFTAR_INOVASI } from './summary/sheets/daftarInovasi';

// The model and the sheets' facts, where their users have always found them.
export * from './summary/model';
export {
  type SummarySheet,
  type SummarySheetDef,
  STATUS_FILLS,
  statusFill,
  isIntegerColumn,
} from './summary/sheet';
export { SUMMARY_SHEETS, SUMMARY_SHEET_NAMES } from './summary/sheets/index';
export * from './summary/sheets/rekapOpd';
export * from './summary/sheets/daftarInovasi';
export * from './summary/sheets/programRpjmd';
export * from './summary/sheets/urusan';
export * from './summary/sheets/katalogReplikasi';
export * from './summary/sheets/temuan';
export * from './summary/sheets/infoKonsolidasi';

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

export interface CitySummary {
  /** Every file in input order, with KON findings added: feed these to `buildReport`. */
  readonly files: readonly FileValidation[];
  /** Every file in input order with its role and status. */
  readonly entries: readonly ConsolidatedFile[];
  /** The JSON report of the run (its stats count every file), with `replikasi`. */
  readonly report: ConsolidationReport;
  readonly consolidatedAt: string;
  /** What the sheets were built from (new sheet modules and documents read it). */
  readonly source: SummarySource;
  /** The output sheets in order (summary/sheets/index.ts). */
  readonly sheets: readonly SummarySheet[];
  // The first sheets' tables by name, for their readers (the pane, the command line, tests).
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

/** A sheet's tables by its name (empty when there is no such sheet). */
export function sheetTables(summary: Pick<CitySummary, 'sheets'>, name: string): readonly SummaryTable[] {
  return summary.sheets.find((s) => s.name === name)?.tables ?? [];
}

/** The output sheets in order. */
export function summarySheets(s: CitySummary): readonly SummarySheet[] {
  return s.sheets;
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

const baseName = (file: string): string =>
  file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);

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
  return {
    submission: v.submission!,
    index: ReferenceIndex.of(reference),
    params: reference.parameter,
    today,
    opd: v.opd,
    tahun: v.tahun,
  };
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
      w.added.push(
        sheetFinding(
          'KON-02',
          { sheet: null },
          { params: { berkas: winner.input.file, opd: winner.opdName ?? '' } },
        ),
      );
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
    w.added.push(
      identityFinding(ctx, 'KON-05', 'tahun', { params: { tahun: w.v.tahun, mayoritas: majority } }),
    );
  }
}

function validName(row: SubmissionRow, reference: Reference): string | null {
  const p = row.cells.nama.parsed;
  if (p.kind !== 'ok') return null;
  const length = codePointLength(String(p.value));
  // As LOG-06: a name that fails FMT-06 gets no further finding.
  return length >= reference.parameter.namaMin && length <= reference.parameter.namaMax
    ? String(p.value)
    : null;
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
      const opdLain = opds
        .filter((o) => o.opdKey !== e.w.opdKey)
        .map(displayOpd)
        .join(', ');
      const ctx = ruleContext(e.w.v, reference, today);
      e.w.added.push(
        rowFinding(ctx, { row: e.row, rowKey: e.rowKey }, 'KON-01', 'nama', {
          params: { nama: e.nama, opdLain },
        }),
      );
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
    const opdKey = v.opd
      ? `kode:${v.opd.kode}`
      : v.opdText !== null && normalise(v.opdText)
        ? `nama:${normalise(v.opdText)}`
        : `berkas:${i}`;
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
    const status =
      w.role === 'unreadable'
        ? 'Tidak Terbaca'
        : w.role === 'superseded'
          ? 'Diganti'
          : errors > 0
            ? 'Perlu Perbaikan'
            : 'Siap';
    done.set(w, {
      file: w.input.file,
      size: w.input.size,
      sha256: w.input.sha256,
      validation,
      role: w.role,
      status,
      supersededBy: w.supersededBy,
    });
  }

  const entries = work.map((w) => done.get(w)!);
  const files = entries.map((e) => e.validation);
  const ordered = counted.map((w) => done.get(w)!);
  const others = entries.filter((e) => e.role !== 'counted');
  const report: ConsolidationReport = { ...buildReport(files, { reference, today, lang }), replikasi: replicationJson(replikasi) };

  const consolidatedAt = options.consolidatedAt ?? today;
  const source: SummarySource = {
    reference,
    index,
    today,
    lang,
    consolidatedAt,
    entries,
    ordered,
    others,
    report,
    replikasi,
  };
  const sheets = buildSheets(SUMMARY_SHEETS, source);
  const tables = (name: string) => sheetTables({ sheets }, name);
  const [about, totals, infoFiles] = tables(SHEET_INFO);
  return {
    files,
    entries,
    report,
    consolidatedAt,
    source,
    sheets,
    rekapOpd: tables(SHEET_REKAP_OPD)[0],
    rekapPersetujuan: tables(SHEET_REKAP_OPD)[1],
    daftarInovasi: tables(SHEET_DAFTAR_INOVASI)[0],
    programRpjmd: tables(SHEET_PROGRAM_RPJMD)[0],
    urusan: tables(SHEET_URUSAN)[0],
    temuan: tables(SHEET_TEMUAN_KOTA)[0],
    info: { about, totals, files: infoFiles },
    replikasi,
  };
}
