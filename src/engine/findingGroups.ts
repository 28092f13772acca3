/**
 * Findings as a person reads them (docs/spec/report-and-cli.md, "for a person at a terminal"): one rule's
 * findings on one row are one line — `SOP-04 baris 7: 6 komponen standar pelayanan kosong: …` —
 * in the text output and the feedback workbook; the JSON keeps one finding per cell.
 */
import { FindingStatus, Severity } from './findings';
import { Lang, message } from './messages';
import { GROUPED_RULES, GroupedRule } from './messages/keys';
import { ReportFinding } from './report';
import { sheetCell } from './innovation';

export interface FindingGroup {
  readonly rule: string;
  readonly severity: Severity;
  readonly status: FindingStatus;
  readonly sheet: string | null;
  /** The row of every finding of the group, or null for findings outside the rows. */
  readonly row: number | null;
  readonly inovasi: string | null;
  /** One finding's message, or the group's (`group.<rule>` in the catalogues, else the messages one after another). */
  readonly message: string;
  /** The hints of the group's findings, each once. */
  readonly hint: string | null;
  readonly findings: readonly ReportFinding[];
}

/** Groups in the order of their first finding; only findings on a row group, and never open with accepted ones. */
export function groupFindings(findings: readonly ReportFinding[], lang: Lang): FindingGroup[] {
  const groups = new Map<string, ReportFinding[]>();
  findings.forEach((f, i) => {
    const key = f.row === null ? `#${i}` : `${f.rule}|${f.sheet}|${f.row}|${f.status}|${f.severity}`;
    const g = groups.get(key);
    if (g) g.push(f);
    else groups.set(key, [f]);
  });
  return [...groups.values()].map((g) => {
    const first = g[0];
    const hints = [...new Set(g.map((f) => f.hint).filter((h): h is string => h !== null))];
    return {
      rule: first.rule,
      severity: first.severity,
      status: first.status,
      sheet: first.sheet,
      row: first.row,
      inovasi: first.inovasi ?? null,
      message: g.length === 1 ? first.message : groupMessage(g, lang),
      hint: hints.length ? hints.join(' ') : null,
      findings: g,
    };
  });
}

function groupMessage(g: readonly ReportFinding[], lang: Lang): string {
  const rule = g[0].rule;
  if (!isGroupedRule(rule)) return g.map((f) => f.message).join(' ');
  const daftar = g.map((f) => f.column ?? '?').join(', ');
  return message(lang, `group.${rule}`, { n: g.length, daftar });
}

const isGroupedRule = (rule: string): rule is GroupedRule =>
  (GROUPED_RULES as readonly string[]).includes(rule);

const ROW_WORD: Readonly<Record<Lang, string>> = { id: 'baris', en: 'row' };

/** Where a group is, as a person reads it: `Inovasi!N4` for one finding, `Inovasi baris 7` for a row's group; '' for a file-level finding. */
export function groupPlace(g: FindingGroup, lang: Lang): string {
  if (g.findings.length > 1 && g.row !== null) return `${g.sheet ?? ''} ${ROW_WORD[lang]} ${g.row}`.trim();
  const f = g.findings[0];
  return sheetCell(f.sheet, f.cell);
}
