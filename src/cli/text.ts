/** Human-readable output of the command line: a summary line per file, then its findings as a table. */
import { Lang } from '../engine/messages';
import { DEFAULT_TINGKAT, TingkatPersetujuan } from '../engine/reference/model';
import { ReportFile, ReportPersetujuan, ValidationReport } from '../engine/report';
import { scheduleWord } from '../engine/signoff';
import { Iid } from '../engine/iid/model';
import { innovationLine, sourceNote } from '../engine/iid/words';

const WORDS = {
  id: {
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
  en: {
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
} as const;

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

export function fileStatus(f: ReportFile, lang: Lang): string {
  const w = WORDS[lang];
  if (f.findings.some((x) => x.rule === 'KON-03')) return w.unreadable;
  return f.valid ? w.ready : w.fix;
}

/** The reached level and any lateness: `persetujuan: Disetujui Kepala OPD — Diverifikasi: Lewat 12 hari`. */
export function signoffText(
  p: ReportPersetujuan,
  lang: Lang,
  levels: readonly TingkatPersetujuan[] = DEFAULT_TINGKAT,
): string {
  const w = WORDS[lang];
  const label = (key: string) => {
    const l = levels.find((x) => x.kunci === key);
    return l ? (lang === 'id' ? l.label : l.labelEn) : key;
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
  return [`${w.signoff}: ${reached}`, ...late].join(' — ');
}

export function formatText(
  report: ValidationReport,
  lang: Lang,
  levels: readonly TingkatPersetujuan[] = DEFAULT_TINGKAT,
  iid?: Iid,
): string {
  const w = WORDS[lang];
  const lines: string[] = [];
  for (const f of report.files) {
    lines.push(
      `${f.file} — ${f.opd ?? '?'}${f.tahun ? ` ${f.tahun}` : ''} — ${f.rows} ${w.rows} — ${fileStatus(f, lang)} ` +
        `(${w.error} ${f.stats.errors}, ${w.warning} ${f.stats.warnings}, ${w.accepted} ${f.stats.accepted}) — ${signoffText(f.persetujuan, lang, levels)}`,
    );
    // One line per innovation with its readiness (docs/spec/iid.md), when the reference has `iid`.
    if (iid && f.iid) {
      for (const inv of f.iid.inovasi) lines.push(`  IID ${innovationLine(inv, iid, lang)}`);
      if (f.iid.lainnya)
        lines.push(
          `  IID … ${lang === 'id' ? `dan ${f.iid.lainnya} inovasi lainnya` : `and ${f.iid.lainnya} more innovations`}`,
        );
    }
    if (f.findings.length) {
      const rows = f.findings.map((x) => [
        x.cell ?? '-',
        x.rule,
        x.status === 'accepted' ? w.accepted : w[x.severity],
        x.message + (x.hint ? ` ${x.hint}` : ''),
      ]);
      const widths = [w.cell, w.rule, w.severity].map((h, i) =>
        Math.max(h.length, ...rows.map((r) => r[i].length)),
      );
      lines.push(
        '  ' + [pad(w.cell, widths[0]), pad(w.rule, widths[1]), pad(w.severity, widths[2]), w.msg].join('  '),
      );
      for (const r of rows)
        lines.push(
          '  ' + [pad(r[0], widths[0]), pad(r[1], widths[1]), pad(r[2], widths[2]), r[3]].join('  '),
        );
    }
    lines.push('');
  }
  const s = report.stats;
  lines.push(
    `${w.total}: ${s.files} ${w.files}, ${s.rows} ${w.rows}, ${w.error} ${s.errors}, ${w.warning} ${s.warnings}, ${w.accepted} ${s.accepted}. ` +
      `${w.reference}: ${report.reference}`,
  );
  if (iid) lines.push(sourceNote(iid, lang));
  return lines.join('\n') + '\n';
}
