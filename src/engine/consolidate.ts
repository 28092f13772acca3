/**
 * Consolidation (spec: docs/spec/consolidation.md): the cross-workbook rules over already validated
 * workbooks — which files count (consolidation/selection.ts: the year, KON-02, KON-05, KON-08,
 * KON-09, KON-11), KON-01 and KON-04 — each file's standing and status, and the city summary's
 * sheets built by the sheet registry (summary/sheets/index.ts: one module per sheet). Writers (the
 * command line's .xlsx writer, the add-in) only lay the sheets out.
 */
import { Finding } from './findings';
import { Lang } from './messages';
import { SubmissionRow } from './parse';
import { ReferenceIndex } from './reference/index';
import { Reference } from './reference/model';
import { ValidationReport, buildReport } from './report';
import { RuleContext, normalisedNames, rowFinding, rowKeys } from './rules/context';
import { codePointLength, normalise } from './text';
import { stampFinding } from './rules/stamp';
import { FileValidation, applySeverity, countFindings, identify, sortFindings } from './validate';
import {
  Candidate,
  ConsolidationYear,
  STANDING_WORD,
  Standing,
  compareNames,
  consolidationYear,
  selectFiles,
} from './consolidation/selection';
import { ReplicationResult, ReplikasiJson, buildReplication, replicationJson } from './replication';
import { ConsolidatedFile, FileRole, SummarySource, SummaryTable } from './summary/model';
import { SummarySheet, buildSheets } from './summary/sheet';
import { SUMMARY_SHEETS } from './summary/sheets/index';
import { SHEET_REKAP_OPD, setAsideOrder } from './summary/sheets/rekapOpd';
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
  /** The consolidation year chosen by the user (`--tahun`, the pane's year field); default: the schedule's, else the vote. */
  readonly tahun?: number | null;
}

export interface CitySummary {
  /** Every file in input order, with KON findings added: feed these to `buildReport`. */
  readonly files: readonly FileValidation[];
  /** Every file in input order with its role and status. */
  readonly entries: readonly ConsolidatedFile[];
  /** The JSON report of the run (its stats count every file), with `replikasi`. */
  readonly report: ConsolidationReport;
  readonly consolidatedAt: string;
  /** The consolidation year and how it was chosen. */
  readonly tahun: ConsolidationYear;
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
export const CROSS_RULES: ReadonlySet<string> = new Set([
  'KON-01',
  'KON-02',
  'KON-04',
  'KON-05',
  'KON-08',
  'KON-09',
  'KON-10',
  'KON-11',
]);
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
  readonly role: FileRole;
  readonly standing: Standing;
  readonly supersededBy: string | null;
  readonly conflictWith: readonly string[];
  readonly added: Finding[];
}

const baseName = (file: string): string =>
  file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);

/** Byte order of the UTF-8 text, which is the order of code points. */
export const compareFileNames = compareNames;

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

/** KON-04: the required level not reached, or the chain broken by an edit (every readable workbook). */
function checkStamps(work: Work[], reference: Reference): void {
  for (const w of work) {
    const f = stampFinding(w.v, reference);
    if (f) w.added.push(f);
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

const roleOf = (s: Standing): FileRole =>
  s === 'dihitung'
    ? 'counted'
    : s === 'diganti'
      ? 'superseded'
      : s === 'tidakTerbaca'
        ? 'unreadable'
        : 'setAside';

/** Findings of files set aside that need the planner's attention: they fail a consolidation whatever file they are on. */
const SET_ASIDE_ERRORS = new Set(['KON-03', 'KON-05', 'KON-08', 'KON-11']);

/**
 * Valid (exit 0) when no counting file has an open error and no file carries an open KON-03,
 * KON-05, KON-08 or KON-11; a superseded file's own findings do not fail it (docs/spec/consolidation.md).
 */
export function consolidationValid(entries: readonly ConsolidatedFile[]): boolean {
  return entries.every((e) =>
    e.validation.findings.every(
      (f) =>
        f.status !== 'open' ||
        f.severity !== 'error' ||
        !(e.standing === 'dihitung' || SET_ASIDE_ERRORS.has(f.rule)),
    ),
  );
}

/** The report of a consolidation: the year, each file's standing, and `valid` as the consolidation judges it. */
function consolidationReport(
  report: ValidationReport,
  entries: readonly ConsolidatedFile[],
  year: ConsolidationYear,
): ValidationReport {
  const { files, ...head } = report;
  return {
    ...head,
    valid: consolidationValid(entries),
    tahunKonsolidasi: year.tahun,
    tahunDipilihDari: year.dari,
    files: files.map((f, i) => {
      const e = entries[i];
      const { stats, findings, decisionsIgnored, ...rest } = f;
      const digantiOleh = e.supersededBy ? { digantiOleh: e.supersededBy } : {};
      return {
        ...rest,
        konsolidasi: e.standing,
        ...digantiOleh,
        stats,
        findings,
        ...(decisionsIgnored ? { decisionsIgnored } : {}),
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Consolidation

export function consolidate(inputs: readonly ConsolidationInput[], options: ConsolidateOptions): CitySummary {
  const { reference, today } = options;
  const lang = options.lang ?? 'id';
  const index = ReferenceIndex.of(reference);

  // Findings of the cross-workbook rules already on an input are dropped: a re-run adds them afresh.
  const candidates: Candidate[] = inputs.map((input) => ({
    file: input.file,
    validation: {
      ...input.validation,
      findings: input.validation.findings.filter((f) => !CROSS_RULES.has(f.rule)),
    },
  }));
  const year = consolidationYear(candidates, reference, options.tahun);
  const selections = selectFiles(candidates, reference, year.tahun);

  const work: Work[] = candidates.map(({ validation: v }, i) => {
    const input = inputs[i];
    const sel = selections[i];
    const opdName = v.opd?.nama ?? v.opdText;
    const opdKey = v.opd
      ? `kode:${v.opd.kode}`
      : v.opdText !== null && normalise(v.opdText)
        ? `nama:${normalise(v.opdText)}`
        : `berkas:${i}`;
    return {
      input,
      index: i,
      v,
      base: baseName(input.file),
      opdKey,
      opdName,
      role: roleOf(sel.standing),
      standing: sel.standing,
      supersededBy: sel.supersededBy,
      conflictWith: sel.conflictWith,
      added: [...sel.findings],
    };
  });

  checkStamps(work, reference);
  const counted = rekapOrder(
    work.filter((w) => w.role === 'counted'),
    reference,
  );
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
      w.standing !== 'dihitung' ? STANDING_WORD[w.standing] : errors > 0 ? 'Perlu Perbaikan' : 'Siap';
    done.set(w, {
      file: w.input.file,
      size: w.input.size,
      sha256: w.input.sha256,
      validation,
      role: w.role,
      standing: w.standing,
      status,
      supersededBy: w.supersededBy,
      conflictWith: w.conflictWith,
    });
  }

  const entries = work.map((w) => done.get(w)!);
  const files = entries.map((e) => e.validation);
  const ordered = counted.map((w) => done.get(w)!);
  const others = setAsideOrder(entries);
  const report: ConsolidationReport = {
    ...consolidationReport(buildReport(files, { reference, today, lang }), entries, year),
    replikasi: replicationJson(replikasi),
  };

  const consolidatedAt = options.consolidatedAt ?? today;
  const source: SummarySource = {
    reference,
    index,
    today,
    lang,
    consolidatedAt,
    tahun: year,
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
    tahun: year,
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
