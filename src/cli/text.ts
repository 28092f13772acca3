/** Human-readable output of the command line: a summary line per file, then its findings as a table. */
import { Lang } from '../engine/messages';
import { DEFAULT_TINGKAT, TingkatPersetujuan } from '../engine/reference/model';
import { ReportFile, ReportPersetujuan, ValidationReport } from '../engine/report';
import { levelLabel, scheduleWord } from '../engine/signoff';
import { CLI_TEXTS } from './texts';
import { Iid } from '../engine/iid/model';
import { innovationLine, sourceNote } from '../engine/iid/words';
import { FindingGroup, groupFindings, groupPlace } from '../engine/findingGroups';
import { quotedName } from '../engine/innovation';

/** The text output fits this many columns: longer lines wrap under their finding. */
export const TEXT_WIDTH = 120;
const INDENT = '  ';
const CONTINUATION = '      ';

/** Words of `text` in lines of at most `width` characters (a word longer than a line is cut). */
function wrap(text: string, first: string, rest: string, width: number = TEXT_WIDTH): string[] {
  const lines: string[] = [];
  let line = first;
  let fresh = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = fresh ? line + word : `${line} ${word}`;
    if ([...candidate].length <= width || fresh) {
      line = candidate;
      fresh = false;
      while ([...line].length > width) {
        lines.push([...line].slice(0, width).join(''));
        line = rest + [...line].slice(width).join('');
      }
      continue;
    }
    lines.push(line);
    line = rest + word;
  }
  lines.push(line);
  return lines;
}

/**
 * One finding (or one rule's findings on one row) as lines: `Lembar!Sel «Nama Inovasi»` first, then
 * the rule, its severity and the message; a group names its row (`Inovasi baris 7`).
 */
export function findingLines(g: FindingGroup, lang: Lang): string[] {
  const w = CLI_TEXTS[lang].report;
  const where = groupPlace(g, lang) || w.file;
  const lead = [where, g.inovasi === null ? '' : quotedName(g.inovasi)].filter(Boolean).join(' ');
  const severity = g.status === 'accepted' ? w.accepted : w[g.severity];
  const text = `${lead}  ${g.rule} ${severity}: ${g.message}${g.hint ? ` ${g.hint}` : ''}`;
  return wrap(text, INDENT, CONTINUATION);
}

export function fileStatus(f: ReportFile, lang: Lang): string {
  const w = CLI_TEXTS[lang].report;
  if (f.findings.some((x) => x.rule === 'KON-03')) return w.unreadable;
  return f.valid ? w.ready : w.fix;
}

/** The reached level and any lateness: `persetujuan: Disetujui Kepala OPD — Diverifikasi: Lewat 12 hari`. */
export function signoffText(
  p: ReportPersetujuan,
  lang: Lang,
  levels: readonly TingkatPersetujuan[] = DEFAULT_TINGKAT,
): string {
  const w = CLI_TEXTS[lang].report;
  const label = (key: string) => {
    const l = levels.find((x) => x.kunci === key);
    return l ? levelLabel(l, lang) : key;
  };
  const reached = p.dikembalikan
    ? w.returned
    : p.berubah
      ? w.changed
      : p.tingkat !== null
        ? label(p.tingkat)
        : w.none;
  const late = p.jadwal
    .filter((j) => j.keadaan === 'terlambat' || j.keadaan === 'lewat')
    .map((j) => `${label(j.tingkat)}: ${scheduleWord(j, lang)}`);
  const aside = p.disisihkan?.length ?? 0;
  const asideText = aside ? [w.setAside(aside)] : [];
  return [`${w.signoff}: ${reached}`, ...late, ...asideText].join(' — ');
}

export function formatText(
  report: ValidationReport,
  lang: Lang,
  levels: readonly TingkatPersetujuan[] = DEFAULT_TINGKAT,
  iid?: Iid,
): string {
  const w = CLI_TEXTS[lang].report;
  const lines: string[] = [];
  for (const f of report.files) {
    const head =
      `${f.file} — ${f.opd ?? '?'}${f.tahun ? ` ${f.tahun}` : ''} — ${f.rows} ${w.rows} — ${fileStatus(f, lang)} ` +
      `(${w.error} ${f.stats.errors}, ${w.warning} ${f.stats.warnings}, ${w.accepted} ${f.stats.accepted}) — ${signoffText(f.persetujuan, lang, levels)}`;
    lines.push(...wrap(head, '', CONTINUATION));
    // One line per innovation with its readiness (docs/spec/iid.md), when the reference has `iid`.
    if (iid && f.iid) {
      for (const inv of f.iid.inovasi)
        lines.push(...wrap(`IID ${innovationLine(inv, iid, lang)}`, INDENT, CONTINUATION));
      if (f.iid.lainnya) lines.push(`${INDENT}IID … ${w.iidMore(f.iid.lainnya)}`);
    }
    for (const g of groupFindings(f.findings, lang)) lines.push(...findingLines(g, lang));
    lines.push('');
  }
  const s = report.stats;
  const total =
    `${w.total}: ${s.files} ${w.files}, ${s.rows} ${w.rows}, ${w.error} ${s.errors}, ${w.warning} ${s.warnings}, ${w.accepted} ${s.accepted}. ` +
    `${w.reference}: ${report.reference}`;
  lines.push(...wrap(total, '', CONTINUATION));
  if (iid) lines.push(...wrap(sourceNote(iid, lang), '', CONTINUATION));
  return lines.join('\n') + '\n';
}
