/**
 * `Tindak Lanjut` (docs/spec/consolidation.md, added 2026-12-07): the summary's second sheet, one
 * row per OPD the planner has to call (those that sent something first) — not sent, files not counted, a conflict, open errors,
 * returned for revision (KON-07), late or past a sign-off deadline — with the reasons in words and
 * the contact of its latest `Identitas`. Built from `Rekap OPD`'s rows (`readsAll`), so the two
 * sheets cannot disagree on a status or a deadline.
 */
import { STANDING_WORD, compareInGroup, compareNames, opdsNamedByFile } from '../../consolidation/selection';
import { longDate } from '../../isoDate';
import { Lang } from '../../messages';
import { Reference } from '../../reference/model';
import { levelLabel, localDay, signoffWordEn } from '../../signoff';
import { contactOf } from '../../contact';
import {
  ConsolidatedFile,
  opdName,
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
  isLateWord,
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
    berkas: (file: string, status: string, tahun: number | null) =>
      `${file} (${status}${tahun === null ? '' : `, tahun ${tahun}`})`,
    konflik: (files: string) =>
      `Berkas bertentangan, tidak satu pun dihitung (KON-08): ${files}; kirim satu berkas yang benar`,
    namaBerkas: (file: string, opd: string) =>
      `Berkas ${file} bernama OPD ini, tetapi Identitas-nya menyebut ${opd} (KON-09)`,
    galat: (n: number, rules: string) => `${n} galat terbuka (${rules}): lihat lembar Temuan`,
    berubah: 'Isi berubah sesudah distempel: stempel ulang berjenjang (KON-04)',
    kembali: (level: string, by: string | null, when: string | null, note: string | null) =>
      `Dikembalikan untuk perbaikan di tingkat ${level}${by ? ` oleh ${by}` : ''}${when ? ` pada ${when}` : ''} (KON-07)${note ? `: ${note}` : ''}`,
    jadwal: (level: string, word: string, batas: string | null) =>
      `${level}: ${word}${batas ? ` (batas ${batas})` : ''}`,
    lewat: (levels: string) => `tenggat: ${levels}`,
  },
  en: {
    belum: (tahun: string) => `No file sent for ${tahun}`,
    tidakDihitung: (files: string) => `Files not counted: ${files}`,
    berkas: (file: string, status: string, tahun: number | null) =>
      `${file} (${status}${tahun === null ? '' : `, year ${tahun}`})`,
    konflik: (files: string) => `Files in conflict, none counted (KON-08): ${files}; send the one right file`,
    namaBerkas: (file: string, opd: string) =>
      `File ${file} is named for this agency, but its Identitas names ${opd} (KON-09)`,
    galat: (n: number, rules: string) => `${n} open errors (${rules}): see the Temuan sheet`,
    berubah: 'Content changed after it was stamped: stamp again level by level (KON-04)',
    kembali: (level: string, by: string | null, when: string | null, note: string | null) =>
      `Returned for revision at level ${level}${by ? ` by ${by}` : ''}${when ? ` on ${when}` : ''} (KON-07)${note ? `: ${note}` : ''}`,
    jadwal: (level: string, word: string, batas: string | null) =>
      `${level}: ${word}${batas ? ` (deadline ${batas})` : ''}`,
    lewat: (levels: string) => `deadlines: ${levels}`,
  },
} as const;

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

/** Penanggung Jawab, Email, Telepon of the file's `Identitas` (blank without a file). */
function contactCellsOf(e: ConsolidatedFile | null): SummaryCell[] {
  const c = e ? contactOf(e.validation) : null;
  return [c?.nama ?? null, c?.email ?? null, c?.telepon ?? null];
}

/** The rules of a file's open errors, in finding order (a rule once per finding). */
const openErrorRules = (e: ConsolidatedFile): string[] =>
  e.validation.findings.filter((f) => f.status === 'open' && f.severity === 'error').map((f) => f.rule);

/** A level's label in the output's language, by its key (the key itself for a level the reference no longer has). */
function labelOfKey(reference: Reference, kunci: string, lang: Lang): string {
  const level = reference.tingkatPersetujuan.find((l) => l.kunci === kunci);
  return level ? levelLabel(level, lang) : kunci;
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

  // Files whose name names an OPD their Identitas does not (KON-09): a lead for that OPD's call.
  const namedHere = new Map<string, ConsolidatedFile[]>();
  for (const e of s.entries)
    if (e.validation.findings.some((f) => f.rule === 'KON-09'))
      for (const o of opdsNamedByFile(e.file, s.reference))
        namedHere.set(o.kode, [...(namedHere.get(o.kode) ?? []), e]);

  const acting: SummaryCell[][] = [];
  const silent: SummaryCell[][] = [];
  for (const r of opdRows) {
    const kode = String(r['Kode OPD']);
    const status = String(r['Status']);
    const reasons: string[] = [];
    // Its files as Rekap OPD lists them, each with why it does not count.
    const files = (typeof r['Berkas'] === 'string' ? r['Berkas'].split('; ') : []).map((name) => {
      const e = s.entries.find((x) => x.file === name);
      return e ? w.berkas(name, STANDING_WORD[e.standing], e.validation.tahun) : name;
    });
    if (status === BELUM_MENGIRIM) reasons.push(w.belum(tahun));
    else if (status === BERKAS_TIDAK_DIHITUNG) reasons.push(w.tidakDihitung(files.join(', ')));
    else if (status === KONFLIK) reasons.push(w.konflik(files.join(', ')));
    for (const e of namedHere.get(kode) ?? []) reasons.push(w.namaBerkas(e.file, opdName(e) ?? '?'));
    const file = counted.get(kode);
    const errors = file ? openErrorRules(file) : [];
    if (errors.length) reasons.push(w.galat(errors.length, [...new Set(errors)].join(', ')));
    const chain = file?.validation.persetujuan;
    if (chain?.dikembalikan && chain.kembali) {
      const k = chain.kembali;
      const day = localDay(k.waktu, s.reference.daerah.zonaWaktu);
      reasons.push(
        w.kembali(
          labelOfKey(s.reference, k.tingkat, s.lang),
          k.oleh,
          day ? longDate(day, s.lang) : null,
          k.catatan,
        ),
      );
    } else if (chain?.berubah) reasons.push(w.berubah);
    // Deadlines late or past: with the date for an OPD whose file counts; in one clause for an
    // OPD without one (every passed deadline is past, which its first reason already explains).
    const late: { level: string; word: string; batas: string | null }[] = [];
    for (const d of deadlines) {
      const label = String(d[REKAP_PERSETUJUAN_COLUMNS[0]]);
      const word = r[scheduleColumn(label)];
      if (!isLateWord(word)) continue;
      const level = s.reference.tingkatPersetujuan.find((l) => l.label === label);
      late.push({
        level: level ? levelLabel(level, s.lang) : label,
        word: s.lang === 'en' ? (signoffWordEn(word, s.reference.tingkatPersetujuan) ?? word) : word,
        batas: dateOf(d['Batas']),
      });
    }
    if (counted.has(kode)) for (const l of late) reasons.push(w.jadwal(l.level, l.word, l.batas));
    else if (late.length)
      reasons.push(w.lewat(late.map((l) => `${l.level} ${l.word.toLowerCase()}`).join(', ')));
    if (!reasons.length) continue;
    const cells = [kode, r['Perangkat Daerah'], status, reasons.join('; ')];
    (status === BELUM_MENGIRIM ? silent : acting).push([
      ...cells,
      ...contactCellsOf(latestFile(s.entries, kode)),
    ]);
  }
  // The OPDs that sent something first (each has a task), then those that sent nothing; each group in Rekap OPD order.
  const rows: SummaryRow[] = [...acting, ...silent].map((cells, i) => ({ cells: [i + 1, ...cells] }));
  return { columns: TINDAK_LANJUT_COLUMNS, rows };
}

export const tindakLanjutSheet: SummarySheetDef = {
  name: SHEET_TINDAK_LANJUT,
  readsAll: true,
  tables: (source, sheets) => [buildTindakLanjut(source, sheets)],
  fill: (column, value) => (column === 'Status' ? statusFill(value) : null),
  // One landscape page wide at about 73 %: reasons, names and contacts wrap in their columns.
  columns: {
    widths: [4, 12, 20, 13, 40, 20, 28, 15],
    wrap: [true, true, true, true, true, true, true, true],
  },
};
