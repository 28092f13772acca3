/**
 * Validation of one workbook: grid → submission → findings, with ids, decisions carried over from
 * the `Temuan` sheet, severity overrides, and the stamp status. Plain data in, plain data out.
 */
import { ownValue } from './own';
import { contentHash } from './contentHash';
import { Finding, FindingStatus, Severity } from './findings';
import { CellValue, WorkbookGrid } from './grid';
import { sha256Hex } from './hash';
import { Bilingual, inBothCatalogues } from './messages';
import { Submission, parseSubmission, findSheet, rawOf } from './parse';
import { DEFAULT_TINGKAT, Opd, Reference } from './reference/model';
import { ReferenceIndex, canonicalProgramCode } from './reference/index';
import { Emit, RuleContext, sheetFinding } from './rules/context';
import { checkIdentity } from './rules/identity';
import { ruleDef } from './rules/registry';
import { checkRows } from './rules/rows';
import { scheduleFindings } from './rules/stamp';
import {
  Persetujuan,
  PersetujuanContext,
  StempelRow,
  StempelSheet,
  emptyChain,
  firstLevelStamp,
  persetujuanOf,
  readStempel,
} from './signoff';
import { COLUMNS, SHEET_TEMUAN } from './schema';
import { normalise } from './text';
import { cellText } from './values';
import { FileEstimate, estimateFile } from './iid/estimate';
import { checkIid } from './iid/rules';
import { FindingBudget, isSummaryFinding } from './findingBudget';
export { FindingBudget, MAX_FINDINGS_PER_FILE, isSummaryFinding } from './findingBudget';

export type StampStatus = 'valid' | 'changed' | 'none';

export interface Decision {
  readonly status: FindingStatus;
  readonly reason: string;
  readonly reviewer: string;
  readonly date: string | null;
}

/** A finding with its id and audit status, as reports and the task pane show it. */
export interface IdentifiedFinding extends Finding {
  readonly id: string;
  readonly status: FindingStatus;
  readonly decision: Decision | null;
}

export interface IgnoredDecision {
  readonly id: string;
  /** 1-based row in the Temuan sheet. */
  readonly row: number;
  readonly why: 'noReason' | 'noReviewer' | 'notAcceptable';
}

export interface StampInfo {
  readonly contentHash: string;
  readonly waktu: string | null;
  readonly fields: Readonly<Record<string, string>>;
}

export interface FileValidation {
  readonly file: string;
  /** Null when the file could not be read (KON-03). */
  readonly submission: Submission | null;
  readonly opd: Opd | null;
  /** The OPD as typed, when it is not in the reference. */
  readonly opdText: string | null;
  readonly tahun: number | null;
  readonly contentHash: string | null;
  /** The first level's stamp (`penyusun`), as version-1 readers know it. */
  readonly stamp: StampStatus;
  /** The first level's latest stamp. */
  readonly stampInfo: StampInfo | null;
  /** The sign-off chain and the schedule (docs/spec/signoff.md). */
  readonly persetujuan: Persetujuan;
  readonly findings: IdentifiedFinding[];
  readonly ignoredDecisions: readonly IgnoredDecision[];
  /** The IID estimate (docs/spec/iid.md) when the reference has `iid` and the file was read; absent otherwise. */
  readonly iid?: FileEstimate;
}

export interface ValidateOptions {
  readonly reference: Reference;
  /** Validation date `YYYY-MM-DD`. */
  readonly today: string;
}

export function findingId(f: Pick<Finding, 'rule' | 'sheet' | 'rowKey' | 'columnKey' | 'value'>): string {
  const value = f.value === null ? '' : String(f.value).trim();
  return sha256Hex(`${f.rule}|${f.sheet ?? ''}|${f.rowKey}|${f.columnKey}|${value}`).slice(0, 12);
}

/** Reference severity overrides: a new severity, or `off` to drop the finding. */
export function applySeverity(findings: readonly Finding[], reference: Reference): Finding[] {
  const overrides = reference.parameter.severity;
  const out: Finding[] = [];
  for (const f of findings) {
    const o = ownValue(overrides, f.rule);
    if (o === 'off') continue;
    out.push(o ? { ...f, severity: o } : f);
  }
  return out;
}

function sheetRank(f: Finding, s: Submission | null): number {
  if (f.sheet === null) return 0;
  if (s && f.sheet === s.identitasSheet) return 1;
  if (s?.table && f.sheet === s.table.sheet) return 2;
  return 3;
}

/** Ordered by sheet, then row, then column position, then rule id (docs/spec/report-and-cli.md). */
export function sortFindings<T extends Finding>(findings: T[], s: Submission | null): T[] {
  return findings.sort(
    (a, b) =>
      sheetRank(a, s) - sheetRank(b, s) ||
      (a.sheet === b.sheet ? 0 : (a.sheet ?? '').localeCompare(b.sheet ?? '')) || // the collator only for two sheets
      (a.row ?? 0) - (b.row ?? 0) ||
      (a.col ?? -1) - (b.col ?? -1) ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}

/** The version-1 view of a stamp row: hash, time and the label/value fields (lower-case labels). */
export function stampInfoOf(row: StempelRow | null): StampInfo | null {
  if (!row) return null;
  const fields: Record<string, string> = {
    versi: String(row.versi),
    contenthash: row.hashIsi,
    waktu: row.waktu ?? '',
  };
  const more: [string, string | number | null][] = [
    ['versiaturan', row.versiAturan],
    ['referensi', row.referensi],
    ['alat', row.alat],
    ['galat', row.galat],
    ['peringatan', row.peringatan],
    ['diterima', row.diterima],
    ['oleh', row.oleh],
    ['jabatan', row.jabatan],
  ];
  for (const [k, v] of more) if (v !== null) fields[k] = String(v);
  return { contentHash: row.hashIsi, waktu: row.waktu, fields };
}

/** What the chain needs of the reference and the validation date. */
export function persetujuanContext(reference: Reference, today: string): PersetujuanContext {
  return {
    levels: reference.tingkatPersetujuan,
    jadwal: reference.jadwal,
    zonaWaktu: reference.daerah.zonaWaktu,
    today,
  };
}

/** Decisions recorded in the workbook's `Temuan` sheet, by finding id (docs/spec/audit.md). */
export function readDecisions(grid: WorkbookGrid): Map<string, Decision & { row: number }> {
  const decisions = new Map<string, Decision & { row: number }>();
  const sheet = findSheet(grid, SHEET_TEMUAN);
  const header = sheet?.rows[0];
  if (!sheet || !header) return decisions;
  const col = (label: string) => header.findIndex((h) => normalise(cellText(h ?? null)) === normalise(label));
  const [cId, cStatus, cReason, cReviewer, cDate] = [
    'ID',
    'Status',
    'Alasan',
    'Pemeriksa',
    'Tanggal Keputusan',
  ].map(col);
  if (cId < 0 || cStatus < 0) return decisions;
  sheet.rows.forEach((row, r) => {
    if (r === 0 || !row) return;
    const id = cellText(row[cId] ?? null);
    const status = normalise(cellText(row[cStatus] ?? null));
    if (!id || (status !== 'diterima' && status !== 'accepted')) return;
    decisions.set(id, {
      status: 'accepted',
      reason: cReason < 0 ? '' : cellText(row[cReason] ?? null),
      reviewer: cReviewer < 0 ? '' : cellText(row[cReviewer] ?? null),
      date: cDate < 0 ? null : cellText(row[cDate] ?? null) || null,
      row: r + 1,
    });
  });
  return decisions;
}

/** Give each finding its id and carry decisions over by id; invalid decisions are ignored and listed. */
/**
 * An open finding with its id: one literal with the fields of `finish` (rules/context.ts) in their
 * order, as `{ ...f, id, status, decision }` gives, without the spread (6,000 evidence rows can make
 * hundreds of findings a workbook, 40,000 in the benchmark's 60).
 */
function openFinding(f: Finding, id: string): IdentifiedFinding {
  return {
    rule: f.rule,
    severity: f.severity,
    sheet: f.sheet,
    cell: f.cell,
    row: f.row,
    col: f.col,
    column: f.column,
    columnKey: f.columnKey,
    rowKey: f.rowKey,
    value: f.value,
    params: f.params,
    hint: f.hint,
    basis: f.basis,
    id,
    status: 'open',
    decision: null,
  };
}

export function identify(
  findings: readonly Finding[],
  decisions: ReadonlyMap<string, Decision & { row: number }>,
): { findings: IdentifiedFinding[]; ignored: IgnoredDecision[] } {
  const ignored: IgnoredDecision[] = [];
  const out = findings.map((f): IdentifiedFinding => {
    const id = findingId(f);
    const d = decisions.get(id);
    if (!d) return openFinding(f, id);
    const why =
      !ruleDef(f.rule).acceptable || isSummaryFinding(f)
        ? 'notAcceptable'
        : !d.reason
          ? 'noReason'
          : !d.reviewer
            ? 'noReviewer'
            : null;
    if (why) {
      ignored.push({ id, row: d.row, why });
      return openFinding(f, id);
    }
    const { row: _row, ...decision } = d;
    void _row;
    return { ...f, id, status: 'accepted', decision };
  });
  return { findings: out, ignored };
}

/**
 * More data rows than any OPD reports (Excel itself stops at 1,048,576): such a sheet is refused as
 * a whole (KON-03) so that time and memory stay bounded — a million near-empty rows would otherwise
 * make millions of findings.
 */
export const MAX_DATA_ROWS = 50_000;

/**
 * Characters of text all the cells the submission reads may hold together (UTF-16 code units,
 * each cell counted every time it is read: a shared string used by 15,000 cells counts 15,000
 * times). The content hash and the rules read every such character, so a file of a few kilobytes
 * whose cells all reference one 32,767-character shared string would otherwise cost minutes; past
 * it the file is refused as a whole (KON-03), as for MAX_DATA_ROWS. A large real submission
 * (300 rows with 300-word designs) holds about a million.
 */
export const MAX_TEXT_CHARS = 50_000_000;

/** Total text the submission's cells hold, stopping as soon as it passes `limit`. */
function textChars(s: Submission, limit: number): number {
  let total = 0;
  const add = (raw: CellValue) => {
    if (typeof raw === 'string') total += raw.length;
  };
  for (const key of Object.keys(s.identity) as (keyof Submission['identity'])[]) add(s.identity[key].raw);
  for (const row of s.table?.rows ?? []) {
    for (const def of COLUMNS) add(rawOf(row, def.key));
    if (total > limit) break;
  }
  for (const row of s.dataDukung?.rows ?? []) {
    for (const raw of row.raw) add(raw);
    if (total > limit) break;
  }
  return total;
}

function parseFor(grid: WorkbookGrid, reference: Reference, index = ReferenceIndex.of(reference)) {
  return parseSubmission(
    grid,
    { findBidang: (t) => index.findBidang(t), canonicalProgramCode, iid: reference.iid },
    reference.parameter.headerSearchRows,
  );
}

/** The stamp of a workbook as it is now: read, parse, content hash — no rules run (docs/spec/audit.md). */
export interface StampCheck {
  readonly status: StampStatus;
  readonly info: StampInfo | null;
  readonly contentHash: string | null;
}

/** The chain of a workbook as it is now, with the parsed `_stempel` (for the add-in's buttons and writes). */
export interface SignoffCheck extends StampCheck {
  readonly stempel: StempelSheet;
  readonly persetujuan: Persetujuan;
}

/** Reads `_stempel`, parses, hashes and computes the chain and schedule — no rules run. */
export function checkSignoff(grid: WorkbookGrid, reference: Reference, today: string): SignoffCheck {
  const { submission } = parseFor(grid, reference);
  const hash = contentHash(submission);
  const tahun =
    submission.identity.tahun.parsed.kind === 'ok' ? Number(submission.identity.tahun.parsed.value) : null;
  const stempel = readStempel(grid);
  const persetujuan = persetujuanOf(stempel, hash, tahun, persetujuanContext(reference, today));
  return {
    status: firstLevelStamp(persetujuan),
    info: stampInfoOf(persetujuan.levels[0]?.row ?? null),
    contentHash: hash,
    stempel,
    persetujuan,
  };
}

export function validateWorkbook(grid: WorkbookGrid, file: string, options: ValidateOptions): FileValidation {
  const { reference, today } = options;
  const index = ReferenceIndex.of(reference);
  const { submission, issues } = parseFor(grid, reference, index);

  const evidenceRows = submission.dataDukung?.rows.length ?? 0;
  const dataRows = Math.max(submission.table?.rows.length ?? 0, evidenceRows);
  if (dataRows > MAX_DATA_ROWS) {
    const sheet = evidenceRows === dataRows ? submission.dataDukung!.sheet : submission.table!.sheet;
    const text = inBothCatalogues('cause.tooManyRows', (locale) => ({
      lembar: sheet,
      baris: dataRows.toLocaleString(locale),
      batas: MAX_DATA_ROWS.toLocaleString(locale),
    }));
    return unreadableFile(file, 'tooManyRows', text, reference);
  }
  if (textChars(submission, MAX_TEXT_CHARS) > MAX_TEXT_CHARS) {
    const text = inBothCatalogues('cause.tooMuchText', (locale) => ({
      batas: MAX_TEXT_CHARS.toLocaleString(locale),
    }));
    return unreadableFile(file, 'tooMuchText', text, reference);
  }

  const opdField = submission.identity.opd;
  const opdText = opdField.parsed.kind === 'ok' ? String(opdField.parsed.value) : null;
  const opd = opdText === null ? null : index.findOpd(opdText);
  const tahunParsed = submission.identity.tahun.parsed;
  const tahun = tahunParsed.kind === 'ok' ? Number(tahunParsed.value) : null;

  // Severity `off` drops a finding before it counts against the budget.
  const overrides = reference.parameter.severity;
  const budget = new FindingBudget();
  const emit: Emit = (f) => {
    if (ownValue(overrides, f.rule) !== 'off') budget.add(f);
  };
  const ctx: RuleContext = { submission, index, params: reference.parameter, today, opd, tahun };

  for (const issue of issues) {
    const params: Record<string, string> = issue.rule === 'STR-01' ? {} : { kolom: issue.column };
    emit(
      sheetFinding(
        issue.rule,
        {
          sheet: issue.sheet,
          row: issue.row,
          col: issue.col,
          column: issue.column || null,
          columnKey: issue.columnKey,
          value: issue.value,
        },
        { params },
      ),
    );
  }
  checkIdentity(ctx, emit);
  if (submission.table) {
    if (submission.table.rows.length === 0) emit(sheetFinding('STR-08', { sheet: submission.table.sheet }));
    checkRows(ctx, emit);
  }

  // IID readiness: an estimate whenever the reference has `iid`; findings only with a Data Dukung sheet.
  const iid = reference.iid && submission.table ? estimateFile(submission, reference.iid) : undefined;
  if (iid && reference.iid) checkIid(submission, reference.iid, iid, today, emit);

  const hash = contentHash(submission);
  const persetujuan = persetujuanOf(readStempel(grid), hash, tahun, persetujuanContext(reference, today));
  for (const f of scheduleFindings({ submission, persetujuan }, reference)) emit(f);
  const { findings, ignored } = identify(applySeverity(budget.findings(), reference), readDecisions(grid));
  return {
    file,
    submission,
    opd,
    opdText,
    tahun,
    contentHash: hash,
    stamp: firstLevelStamp(persetujuan),
    stampInfo: stampInfoOf(persetujuan.levels[0]?.row ?? null),
    persetujuan,
    findings: sortFindings(findings, submission),
    ignoredDecisions: ignored,
    ...(iid ? { iid } : {}),
  };
}

/**
 * A file that cannot be read: KON-03 is its only finding. Its chain is empty (with the reference's
 * levels when given) and, having no reporting year, it gets schedule words only when `today` is given too.
 */
export function unreadableFile(
  file: string,
  cause: string,
  causeText: Bilingual,
  reference?: Reference,
  today?: string,
): FileValidation {
  const f = sheetFinding(
    'KON-03',
    { sheet: null },
    { params: { sebab: causeText.id, sebabEn: causeText.en, kode: cause } },
  );
  const { findings } = identify([f], new Map());
  return {
    file,
    submission: null,
    opd: null,
    opdText: null,
    tahun: null,
    contentHash: null,
    stamp: 'none',
    stampInfo: null,
    persetujuan: unreadablePersetujuan(reference, today),
    findings,
    ignoredDecisions: [],
  };
}

function unreadablePersetujuan(reference: Reference | undefined, today: string | undefined): Persetujuan {
  const levels = reference?.tingkatPersetujuan ?? DEFAULT_TINGKAT;
  if (!reference || today === undefined) return { ...emptyChain(levels), jadwal: [] };
  return persetujuanOf({ versi: null, rows: [] }, null, null, persetujuanContext(reference, today));
}

export function countFindings(findings: readonly IdentifiedFinding[]): {
  errors: number;
  warnings: number;
  infos: number;
  accepted: number;
} {
  const stats = { errors: 0, warnings: 0, infos: 0, accepted: 0 };
  const key: Record<Severity, 'errors' | 'warnings' | 'infos'> = {
    error: 'errors',
    warning: 'warnings',
    info: 'infos',
  };
  for (const f of findings) {
    if (f.status === 'accepted') stats.accepted++;
    else stats[key[f.severity]]++;
  }
  return stats;
}
