/**
 * Feedback per OPD (*umpan balik*): what a planner sends back to each OPD that submitted — who it
 * is for, the file judged, the reference and validation date, the file's status, then one row per
 * finding of that file — one rule's findings on one row grouped in one line — (open or accepted,
 * in the report's order, which is sheet order), each naming its sheet and innovation, then a
 * space for the verifier's name, position, date and signature. A document of the generic path
 * (document.ts): written by src/xlsx/documentXlsx.ts for the command line and the task pane.
 *
 * One document per *counted* file (one per OPD: a superseded file's OPD gets the winner's, which
 * names the superseded files; an unreadable file names no OPD, so it gets none). A document holds
 * that file's data only.
 */
import { CitySummary, ConsolidatedFile, SummaryCell } from './consolidate';
import { DocumentModel, documentRows } from './document';
import { longDate } from './isoDate';
import { Lang } from './messages';
import { SARAN } from './messages/saran';
import { levelLabel, scheduleWord } from './signoff';
import { PrintSetup } from './printout';
import { ReportFile, ReportFinding } from './report';
import { statusWord } from './statusWords';
import { groupFindings, groupPlace } from './findingGroups';
import { readinessBlocks } from './iid/feedback';
import { replicationDocumentSheet, replicationFeedback } from './replication';

/** The one sheet of a feedback workbook, per language (the command line recognises its own output by it). */
export const FEEDBACK_SHEETS = { id: 'Umpan Balik', en: 'Feedback' } as const;

const WORDS = {
  id: {
    sheet: FEEDBACK_SHEETS.id,
    title: 'Umpan Balik Hasil Validasi Inovasi Daerah',
    opd: 'Perangkat Daerah',
    opdCode: 'Kode OPD',
    file: 'Berkas',
    superseded: 'Berkas yang digantikan',
    reference: 'Referensi',
    date: 'Tanggal Validasi',
    region: 'Daerah',
    tahun: 'Tahun',
    status: 'Status',
    counts: 'Temuan',
    countText: (e: number, w: number, i: number, a: number) =>
      `${e} galat, ${w} peringatan, ${i} info; ${a} diterima`,
    none: 'Tidak ada temuan: berkas ini siap.',
    columns: ['Sel', 'Nama Inovasi', 'Aturan', 'Jenis', 'Pesan', 'Saran', 'Dasar', 'Status', 'ID'],
    severity: { error: 'Galat', warning: 'Peringatan', info: 'Info' },
    findingStatus: { open: 'Terbuka', accepted: 'Diterima' },
    verifier: 'Diperiksa oleh',
    lines: ['Nama', 'Jabatan', 'Tanggal', 'Tanda Tangan'],
    signoff: 'Persetujuan dan Jadwal',
    signoffColumns: ['Tingkat', 'Stempel', 'Waktu', 'Oleh', 'Batas', 'Ketepatan'],
    levelStatus: {
      valid: 'Sah',
      changed: 'Berubah setelah distempel',
      none: 'Belum distempel',
      outOfOrder: 'Tidak berurutan',
    },
    returned: (note: string) => `Dikembalikan: ${note}`,
  },
  en: {
    sheet: FEEDBACK_SHEETS.en,
    title: 'Regional Innovation Validation Feedback',
    opd: 'Agency',
    opdCode: 'Agency code',
    file: 'File',
    superseded: 'Files it replaces',
    reference: 'Reference',
    date: 'Validation date',
    region: 'Region',
    tahun: 'Year',
    status: 'Status',
    counts: 'Findings',
    countText: (e: number, w: number, i: number, a: number) =>
      `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}, ${i} info; ${a} accepted`,
    none: 'No findings: this file is ready.',
    columns: ['Cell', 'Innovation', 'Rule', 'Severity', 'Message', 'Hint', 'Basis', 'Status', 'ID'],
    severity: { error: 'Error', warning: 'Warning', info: 'Info' },
    findingStatus: { open: 'Open', accepted: 'Accepted' },
    verifier: 'Verified by',
    lines: ['Name', 'Position', 'Date', 'Signature'],
    signoff: 'Sign-off and schedule',
    signoffColumns: ['Level', 'Stamp', 'Time', 'By', 'Deadline', 'Timeliness'],
    levelStatus: {
      valid: 'Valid',
      changed: 'Changed after stamping',
      none: 'Not stamped',
      outOfOrder: 'Out of order',
    },
    returned: (note: string) => `Returned: ${note}`,
  },
} as const;

/**
 * Widths (characters) of the findings table's columns; the long texts wrap. The printed ones (all
 * but the ID) fit A4 landscape at about 74 %, above the 70 % floor (printout.ts MIN_PRINT_SCALE).
 */
const WIDTHS = [14, 20, 8, 10, 36, 32, 20, 9, 14];
/** Column A's width when the IID section lists innovation names in it. */
const IID_NAME_WIDTH = 30;
/** Every cell of the table wraps (and so is top-aligned, as the long texts beside it). */
const WRAP = WIDTHS.map(() => true);

/**
 * A feedback workbook: a generic document (`fileName`, `sheets`: what writers write) and, for its
 * readers and checks, who it is for and its parts by name.
 */
export interface FeedbackDocument extends DocumentModel {
  readonly sheetName: string;
  readonly lang: Lang;
  /** The OPD it is for (reference code and name, or the name as typed), and its file. */
  readonly opdCode: string | null;
  readonly opdName: string | null;
  readonly file: string;
  readonly tahun: number | null;
  /** Row 1: the title. */
  readonly title: string;
  /** Label → value rows below the title (labels in column A, texts in B running on to the right): OPD, file, reference, validation date, status, counts. */
  readonly about: readonly (readonly [string, string])[];
  /** The findings table: header, then one row per group of `findings` (one rule on one row; the ids in the last column). */
  readonly columns: readonly string[];
  readonly rows: readonly (readonly SummaryCell[])[];
  /** The report's findings the rows show, in order (for checks and for a writer that wants more). */
  readonly findings: readonly ReportFinding[];
  /** Shown instead of rows when there is no finding. */
  readonly emptyNote: string;
  /** The verifier's space: a heading and the lines to fill in by hand. */
  readonly signature: { readonly title: string; readonly lines: readonly string[] };
  readonly widths: readonly number[];
  readonly wrap: readonly boolean[];
  /** 1-based row of the findings table's header (repeated on every printed page). */
  readonly headerRow: number;
  readonly print: PrintSetup;
}

/**
 * Sign-off and schedule (docs/spec/feedback.md section 3): per level its stamp's state, time and
 * signer, its deadline and lateness; then a return's note when the file was returned.
 */
function signoffRows(e: ConsolidatedFile, lang: Lang): SummaryCell[][] {
  const w = WORDS[lang];
  const p = e.validation.persetujuan;
  const rows: SummaryCell[][] = p.levels.map((l) => {
    const due = p.jadwal.find((j) => j.tingkat === l.level.kunci);
    return [
      levelLabel(l.level, lang),
      w.levelStatus[l.status],
      l.row?.waktu ? longDate(l.row.waktu, lang) : null,
      l.row?.oleh ?? null,
      due ? longDate(due.batas, lang) : null,
      due ? scheduleWord(due, lang) : null,
    ];
  });
  if (p.dikembalikan && p.kembali)
    rows.push([
      w.returned(p.kembali.catatan ?? ''),
      null,
      p.kembali.waktu ? longDate(p.kembali.waktu, lang) : null,
      p.kembali.oleh,
      null,
      null,
    ]);
  return rows;
}

/** Letters, digits and dashes only: `Dinas Kesehatan` → `dinas-kesehatan`, `KEC-MADIDIR` → `kec-madidir`. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/**
 * `umpan-balik-<opd>-<tahun>.xlsx`: `<opd>` is the slug of the reference OPD code (`dinkes`), else
 * of the OPD as typed, else of the file name; `-<tahun>` only when the file has a valid year.
 */
export function feedbackFileName(e: ConsolidatedFile): string {
  const v = e.validation;
  const base = e.file
    .slice(Math.max(e.file.lastIndexOf('/'), e.file.lastIndexOf('\\')) + 1)
    .replace(/\.[^.]*$/, '');
  const opd = slug(v.opd?.kode ?? v.opdText ?? '') || slug(base) || 'opd';
  return `umpan-balik-${opd}${v.tahun !== null ? `-${v.tahun}` : ''}.xlsx`;
}

export interface FeedbackOptions {
  /** The region named in the page header (the reference's `daerah.nama`). */
  readonly region: string;
  readonly lang: Lang;
}

/** One feedback document per counted file of the summary, in input order; file names made unique (`-2`, `-3`…). */
export function feedbackDocuments(summary: CitySummary, options: FeedbackOptions): FeedbackDocument[] {
  const w = WORDS[options.lang];
  const used = new Set<string>();
  const out: FeedbackDocument[] = [];
  summary.entries.forEach((e, i) => {
    if (e.role !== 'counted') return;
    const report: ReportFile = summary.report.files[i];
    let fileName = feedbackFileName(e);
    for (let n = 2; used.has(fileName.toLowerCase()); n++)
      fileName = feedbackFileName(e).replace(/\.xlsx$/, `-${n}.xlsx`);
    used.add(fileName.toLowerCase());
    const replaced = summary.entries.filter((o) => o.supersededBy === e.file).map((o) => o.file);
    const s = report.stats;
    const about: [string, string][] = [
      [w.opd, report.opd ?? ''],
      [w.opdCode, report.opdCode ?? ''],
      [w.tahun, report.tahun === null ? '' : String(report.tahun)],
      [w.file, e.file],
      ...(replaced.length ? [[w.superseded, replaced.join('; ')] as [string, string]] : []),
      [w.reference, summary.report.reference],
      [w.date, longDate(summary.report.validatedAt, options.lang)],
      [w.status, statusWord(e.status, options.lang)],
      [w.counts, w.countText(s.errors, s.warnings, s.infos, s.accepted)],
    ];
    // One line per rule and row (docs/spec/report-and-cli.md): `Lembar!Sel` (or `Inovasi baris 7`), the innovation, the rule…
    // Saran: the findings' own hints, else the rule's (docs/spec/feedback.md: every rule has one).
    const rows = groupFindings(report.findings, options.lang).map((g): SummaryCell[] => [
      groupPlace(g, options.lang) || null,
      g.inovasi,
      g.rule,
      w.severity[g.severity],
      g.message,
      g.hint ?? SARAN[options.lang][g.findings[0].rule],
      g.findings[0].basis,
      w.findingStatus[g.status],
      g.findings.map((f) => f.id).join(' '),
    ]);
    const who = report.opd ?? e.file;
    // IID readiness (docs/spec/feedback.md section 4) when the reference has `iid`: column A then holds innovation names.
    const iid = summary.source.reference.iid;
    const readiness = iid && e.validation.iid ? readinessBlocks(e.validation.iid, iid, options.lang) : [];
    const first = Math.max(
      WIDTHS[0],
      ...about.map(([label]) => label.length + 2),
      readiness.length ? IID_NAME_WIDTH : 0,
    );
    const widths = WIDTHS.map((width, c) => (c === 0 ? first : width));
    // Every page names the region, the file's year and the day the feedback was made.
    const context = {
      region: options.region,
      year: report.tahun,
      lang: options.lang,
      printedOn: summary.consolidatedAt,
    };
    const sheet = {
      name: w.sheet,
      blocks: [
        { kind: 'title', text: w.title },
        { kind: 'fields', rows: about },
        { kind: 'gap', rows: 1 },
        { kind: 'table', columns: w.columns, rows, wrap: WRAP, emptyNote: w.none, hiddenTrailing: 1 },
        ...(readiness.length ? [{ kind: 'gap', rows: 2 } as const, ...readiness] : []),
        { kind: 'gap', rows: 1 },
        { kind: 'title', text: w.signoff },
        {
          kind: 'table',
          columns: w.signoffColumns,
          rows: signoffRows(e, options.lang),
          wrap: w.signoffColumns.map(() => true),
          emptyNote: '',
        },
        { kind: 'gap', rows: 2 },
        { kind: 'signature', title: w.verifier, lines: w.lines },
      ],
      widths,
      print: { title: `${w.sheet} — ${who}`, context },
    } as const;
    const layout = documentRows(sheet);
    // docs/spec/feedback.md §5: replication on a sheet of its own (its tables need other widths than the findings').
    const replication = replicationFeedback(summary.replikasi, e.file, options.lang);
    out.push({
      fileName,
      sheets: replication ? [sheet, replicationDocumentSheet(replication, who, context)] : [sheet],
      sheetName: w.sheet,
      lang: options.lang,
      opdCode: report.opdCode,
      opdName: report.opd,
      file: e.file,
      tahun: report.tahun,
      title: w.title,
      about,
      columns: w.columns,
      rows,
      findings: report.findings,
      emptyNote: w.none,
      signature: { title: w.verifier, lines: w.lines },
      widths,
      wrap: WRAP,
      headerRow: layout.print.titleRows!.first,
      print: layout.print,
    });
  });
  return out;
}
