/**
 * The sign-off rules (docs/spec/signoff.md): KON-04 (consolidate, audit: the required level not reached, or
 * the chain broken by an edit), KON-06 (a level past its deadline) and KON-07 (returned for
 * revision). All three are file-level findings.
 */
import { Finding } from '../findings';
import { Reference } from '../reference/model';
import { Persetujuan, instant, localDay } from '../signoff';
import { sheetFinding } from './context';

/** What these rules read of a validated file. */
export interface SignoffSubject {
  /** Null for an unreadable file: no sign-off rule applies. */
  readonly submission: unknown;
  readonly persetujuan: Persetujuan;
}

const dayOf = (waktu: string | null, zone: string): string => localDay(waktu, zone) ?? (waktu?.trim() || '?');

/** KON-04, or null when the required level is reached and nothing changed since (or the file is unreadable). */
export function stampFinding(v: SignoffSubject, reference: Reference): Finding | null {
  if (!v.submission) return null;
  const p = v.persetujuan;
  const zone = reference.daerah.zonaWaktu;
  if (p.berubah) {
    // The latest of the stamps the edit broke dates the change.
    let latest: { ms: number; waktu: string | null } | null = null;
    for (const l of p.levels) {
      if (l.status !== 'changed' || !l.row) continue;
      const ms = instant(l.row.waktu) ?? -Infinity;
      if (!latest || ms >= latest.ms) latest = { ms, waktu: l.row.waktu };
    }
    return sheetFinding(
      'KON-04',
      { sheet: null },
      { params: { tanggal: dayOf(latest?.waktu ?? null, zone) } },
    );
  }
  const keys = p.levels.map((l) => l.level.kunci);
  const wajib =
    p.levels.find((l) => l.level.kunci === reference.tingkatWajib)?.level ??
    p.levels[p.levels.length - 1]?.level;
  if (!wajib) return null;
  const reached = p.tingkat === null ? -1 : keys.indexOf(p.tingkat);
  if (reached >= keys.indexOf(wajib.kunci)) return null;
  return sheetFinding(
    'KON-04',
    { sheet: null },
    { params: { tingkat: wajib.label, tingkatEn: wajib.labelEn } },
  );
}

/** KON-06 (once per late level, the level key as value) and KON-07 (the returned level as value). */
export function scheduleFindings(v: SignoffSubject, reference: Reference): Finding[] {
  if (!v.submission) return [];
  const p = v.persetujuan;
  const out: Finding[] = [];
  for (const j of p.jadwal) {
    if (j.keadaan !== 'terlambat' && j.keadaan !== 'lewat') continue;
    const level = p.levels.find((l) => l.level.kunci === j.tingkat)!.level;
    out.push(
      sheetFinding(
        'KON-06',
        { sheet: null, value: j.tingkat },
        { params: { tingkat: level.label, tingkatEn: level.labelEn, batas: j.batas, n: j.hari } },
      ),
    );
  }
  if (p.dikembalikan && p.kembali) {
    const k = p.kembali;
    out.push(
      sheetFinding(
        'KON-07',
        { sheet: null, value: k.tingkat },
        {
          params: {
            oleh: k.oleh ?? '?',
            tanggal: dayOf(k.waktu, reference.daerah.zonaWaktu),
            catatan: k.catatan ?? '',
          },
        },
      ),
    );
  }
  return out;
}
