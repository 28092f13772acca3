/** Human-readable output of the command line: a summary line per file, then its findings as a table. */
import { Lang } from '../engine/messages';
import { ReportFile, ValidationReport } from '../engine/report';

const WORDS = {
  id: { error: 'galat', warning: 'peringatan', info: 'info', accepted: 'diterima', rows: 'baris', ready: 'Siap', fix: 'Perlu Perbaikan',
    unreadable: 'Tidak Terbaca', stamp: 'stempel', valid: 'Sah', changed: 'Berubah', none: 'Tidak Ada', cell: 'Sel', rule: 'Aturan',
    severity: 'Tingkat', msg: 'Pesan', total: 'Jumlah', files: 'berkas', reference: 'Referensi' },
  en: { error: 'error', warning: 'warning', info: 'info', accepted: 'accepted', rows: 'rows', ready: 'Ready', fix: 'Needs fixing',
    unreadable: 'Unreadable', stamp: 'stamp', valid: 'Valid', changed: 'Changed', none: 'None', cell: 'Cell', rule: 'Rule',
    severity: 'Severity', msg: 'Message', total: 'Total', files: 'files', reference: 'Reference' },
} as const;

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

export function fileStatus(f: ReportFile, lang: Lang): string {
  const w = WORDS[lang];
  if (f.findings.some((x) => x.rule === 'KON-03')) return w.unreadable;
  return f.valid ? w.ready : w.fix;
}

export function formatText(report: ValidationReport, lang: Lang): string {
  const w = WORDS[lang];
  const lines: string[] = [];
  for (const f of report.files) {
    const stamp = { valid: w.valid, changed: w.changed, none: w.none }[f.stamp];
    lines.push(
      `${f.file} — ${f.opd ?? '?'}${f.tahun ? ` ${f.tahun}` : ''} — ${f.rows} ${w.rows} — ${fileStatus(f, lang)} ` +
        `(${w.error} ${f.stats.errors}, ${w.warning} ${f.stats.warnings}, ${w.accepted} ${f.stats.accepted}) — ${w.stamp}: ${stamp}`,
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

