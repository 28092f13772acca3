/** Human-readable output of the command line: a summary line per file, then its findings as a table. */
import { Lang } from '../engine/messages';
import { DEFAULT_TINGKAT, TingkatPersetujuan } from '../engine/reference/model';
import { ReportFile, ReportPersetujuan, ValidationReport } from '../engine/report';
import { levelLabel, scheduleWord } from '../engine/signoff';
import { CLI_TEXTS } from './texts';

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

export function fileStatus(f: ReportFile, lang: Lang): string {
  const w = CLI_TEXTS[lang].report;
  if (f.findings.some((x) => x.rule === 'KON-03')) return w.unreadable;
  return f.valid ? w.ready : w.fix;
}

/** The reached level and any lateness: `persetujuan: Disetujui Kepala OPD — Diverifikasi: Lewat 12 hari`. */
export function signoffText(p: ReportPersetujuan, lang: Lang, levels: readonly TingkatPersetujuan[] = DEFAULT_TINGKAT): string {
  const w = CLI_TEXTS[lang].report;
  const label = (key: string) => {
    const l = levels.find((x) => x.kunci === key);
    return l ? levelLabel(l, lang) : key;
  };
  const reached = p.dikembalikan ? w.returned : p.berubah ? w.changed : p.tingkat !== null ? label(p.tingkat) : w.none;
  const late = p.jadwal.filter((j) => j.keadaan === 'terlambat' || j.keadaan === 'lewat').map((j) => `${label(j.tingkat)}: ${scheduleWord(j, lang)}`);
  const aside = p.disisihkan?.length ?? 0;
  const asideText = aside ? [lang === 'id' ? `${aside} baris _stempel disisihkan` : `${aside} _stempel rows set aside`] : [];
  return [`${w.signoff}: ${reached}`, ...late, ...asideText].join(' — ');
}

export function formatText(report: ValidationReport, lang: Lang, levels: readonly TingkatPersetujuan[] = DEFAULT_TINGKAT): string {
  const w = CLI_TEXTS[lang].report;
  const lines: string[] = [];
  for (const f of report.files) {
    lines.push(
      `${f.file} — ${f.opd ?? '?'}${f.tahun ? ` ${f.tahun}` : ''} — ${f.rows} ${w.rows} — ${fileStatus(f, lang)} ` +
        `(${w.error} ${f.stats.errors}, ${w.warning} ${f.stats.warnings}, ${w.accepted} ${f.stats.accepted}) — ${signoffText(f.persetujuan, lang, levels)}`,
    );
    if (f.findings.length) {
      const rows = f.findings.map((x) => [
        x.cell ?? '-',
        x.rule,
        x.status === 'accepted' ? w.accepted : w[x.severity],
        x.message + (x.hint ? ` ${x.hint}` : ''),
      ]);
      const widths = [w.cell, w.rule, w.severity].map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
      lines.push('  ' + [pad(w.cell, widths[0]), pad(w.rule, widths[1]), pad(w.severity, widths[2]), w.msg].join('  '));
      for (const r of rows) lines.push('  ' + [pad(r[0], widths[0]), pad(r[1], widths[1]), pad(r[2], widths[2]), r[3]].join('  '));
    }
    lines.push('');
  }
  const s = report.stats;
  lines.push(
    `${w.total}: ${s.files} ${w.files}, ${s.rows} ${w.rows}, ${w.error} ${s.errors}, ${w.warning} ${s.warnings}, ${w.accepted} ${s.accepted}. ` +
      `${w.reference}: ${report.reference}`,
  );
  return lines.join('\n') + '\n';
}

