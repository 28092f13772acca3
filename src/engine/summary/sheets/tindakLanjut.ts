/**
 * `Tindak Lanjut` (docs/spec/consolidation.md, added 2026-12-07): the summary's second sheet, one
 * row per OPD the planner has to call — not sent, files not counted, a conflict, open errors,
 * returned for revision (KON-07), late or past a sign-off deadline — with the reasons in words and
 * the contact of its latest `Identitas`. Built from `Rekap OPD`'s rows (`readsAll`), so the two
 * sheets cannot disagree on a status or a deadline.
 */
import { compareInGroup, compareNames } from '../../consolidation/selection';
import { longDate } from '../../isoDate';
import { Lang } from '../../messages';
import { Reference } from '../../reference/model';
import { signoffWordEn } from '../../signoff';
import { cellText } from '../../values';
import {
  ConsolidatedFile,
  SummaryCell,
  SummaryRow,
  SummarySource,
  SummaryTable,
  isSummaryDate,
  tableRecords,
} from '../model';
import { SummarySheetDef, statusFill } from '../sheet';
import {
  BELUM_MENGIRIM,
  BERKAS_TIDAK_DIHITUNG,
  KONFLIK,
  REKAP_PERSETUJUAN_COLUMNS,
  SHEET_REKAP_OPD,
  scheduleColumn,
} from './rekapOpd';

export const SHEET_TINDAK_LANJUT = 'Tindak Lanjut';

export const TINDAK_LANJUT_COLUMNS = [
  'No',
  'Kode OPD',
  'Perangkat Daerah',
  'Status',
  'Alasan',
  'Penanggung Jawab',
  'Email',
  'Telepon',
] as const;

const WORDS = {
  id: {
    belum: (tahun: string) => `Belum mengirim berkas tahun ${tahun}`,
    tidakDihitung: (files: string) => `Berkas tidak dihitung: ${files}`,
    konflik: (files: string) => `Berkas bertentangan, tidak satu pun dihitung (KON-08): ${files}`,
    galat: (n: number) => `${n} galat terbuka harus diperbaiki`,
    kembali: (level: string, when: string | null, note: string | null) =>
      `Dikembalikan oleh ${level}${when ? ` pada ${when}` : ''} untuk perbaikan (KON-07)${note ? `: ${note}` : ''}`,
    jadwal: (level: string, word: string, batas: string | null) =>
      `${level}: ${word}${batas ? ` (batas ${batas})` : ''}`,
    lewat: (levels: string) => `tenggat: ${levels}`,
  },
  en: {
    belum: (tahun: string) => `No file sent for ${tahun}`,
    tidakDihitung: (files: string) => `Files not counted: ${files}`,
    konflik: (files: string) => `Files in conflict, none counted (KON-08): ${files}`,
    galat: (n: number) => `${n} open errors to correct`,
    kembali: (level: string, when: string | null, note: string | null) =>
      `Returned by ${level}${when ? ` on ${when}` : ''} for revision (KON-07)${note ? `: ${note}` : ''}`,
    jadwal: (level: string, word: string, batas: string | null) =>
      `${level}: ${word}${batas ? ` (deadline ${batas})` : ''}`,
    lewat: (levels: string) => `deadlines: ${levels}`,
  },
} as const;

const isLateWord = (word: SummaryCell): word is string =>
  typeof word === 'string' && /^(Terlambat|Lewat) \d+ hari$/.test(word);

/** The file whose `Identitas` speaks for the OPD now: of its readable files, the latest (as revisions are ordered), then by name. */
function latestFile(entries: readonly ConsolidatedFile[], kode: string): ConsolidatedFile | null {
  let best: ConsolidatedFile | null = null;
  for (const e of entries) {
    if (e.validation.opd?.kode !== kode || !e.validation.submission) continue;
    if (!best) best = e;
    else {
      const order = compareInGroup(best.validation, e.validation);
      if (order < 0 || (order === 0 && compareNames(best.file, e.file) < 0)) best = e;
    }
  }
  return best;
}

function contactCells(e: ConsolidatedFile | null): SummaryCell[] {
  const identity = e?.validation.submission?.identity;
  const text = (key: 'penanggungJawab' | 'email' | 'telepon') =>
    identity ? cellText(identity[key].raw) || null : null;
  return [text('penanggungJawab'), text('email'), text('telepon')];
}

function levelLabel(reference: Reference, kunci: string, lang: Lang): string {
  const level = reference.tingkatPersetujuan.find((l) => l.kunci === kunci);
  return level ? (lang === 'en' ? level.labelEn : level.label) : kunci;
}

function buildTindakLanjut(
  s: SummarySource,
  sheets: ReadonlyMap<string, readonly SummaryTable[]>,
): SummaryTable {
  const w = WORDS[s.lang];
  const [rekap, persetujuan] = sheets.get(SHEET_REKAP_OPD)!;
  const opdRows = tableRecords(rekap).slice(0, s.reference.opd.length);
  const deadlines = tableRecords(persetujuan).filter((r) => r['Batas'] !== null);
  const counted = new Map(s.ordered.map((e) => [e.validation.opd?.kode, e] as const));
  const tahun = s.tahun.tahun === null ? '–' : String(s.tahun.tahun);
  const dateOf = (v: SummaryCell) => (v !== null && isSummaryDate(v) ? longDate(v.date, s.lang) : null);

  const rows: SummaryRow[] = [];
  for (const r of opdRows) {
    const kode = String(r['Kode OPD']);
    const status = String(r['Status']);
    const reasons: string[] = [];
    const files = typeof r['Berkas'] === 'string' ? r['Berkas'].split('; ').join(', ') : '';
    if (status === BELUM_MENGIRIM) reasons.push(w.belum(tahun));
    else if (status === BERKAS_TIDAK_DIHITUNG) reasons.push(w.tidakDihitung(files));
    else if (status === KONFLIK) reasons.push(w.konflik(files));
    const errors = typeof r['Galat'] === 'number' ? r['Galat'] : 0;
    if (counted.has(kode) && errors > 0) reasons.push(w.galat(errors));
    const chain = counted.get(kode)?.validation.persetujuan;
    if (chain?.dikembalikan && chain.kembali) {
      const k = chain.kembali;
      reasons.push(
        w.kembali(
          levelLabel(s.reference, k.tingkat, s.lang),
          k.waktu ? longDate(k.waktu, s.lang) : null,
          k.catatan,
        ),
      );
    }
    // Deadlines late or past: with the date for an OPD whose file counts; in one clause for an
    // OPD without one (every passed deadline is past, which its first reason already explains).
    const late: { level: string; word: string; batas: string | null }[] = [];
    for (const d of deadlines) {
      const label = String(d[REKAP_PERSETUJUAN_COLUMNS[0]]);
      const word = r[scheduleColumn(label)];
      if (!isLateWord(word)) continue;
      const level = s.reference.tingkatPersetujuan.find((l) => l.label === label);
      late.push({
        level: level ? levelLabel(s.reference, level.kunci, s.lang) : label,
        word: s.lang === 'en' ? (signoffWordEn(word, s.reference.tingkatPersetujuan) ?? word) : word,
        batas: dateOf(d['Batas']),
      });
    }
    if (counted.has(kode)) for (const l of late) reasons.push(w.jadwal(l.level, l.word, l.batas));
    else if (late.length)
      reasons.push(w.lewat(late.map((l) => `${l.level} ${l.word.toLowerCase()}`).join(', ')));
    if (!reasons.length) continue;
    rows.push({
      cells: [
        rows.length + 1,
        kode,
        r['Perangkat Daerah'],
        status,
        reasons.join('; '),
        ...contactCells(latestFile(s.entries, kode)),
      ],
    });
  }
  return { columns: TINDAK_LANJUT_COLUMNS, rows };
}

export const tindakLanjutSheet: SummarySheetDef = {
  name: SHEET_TINDAK_LANJUT,
  readsAll: true,
  tables: (source, sheets) => [buildTindakLanjut(source, sheets)],
  fill: (column, value) => (column === 'Status' ? statusFill(value) : null),
  // One landscape page wide at about 73 %: reasons, names and contacts wrap in their columns.
  columns: {
    widths: [4, 12, 22, 13, 42, 20, 24, 15],
    wrap: [true, true, true, true, true, true, true, true],
  },
};
