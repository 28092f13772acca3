/**
 * `Rekap OPD` (docs/spec/consolidation.md, revised 2026-12-07): one row per reference OPD, in
 * reference order (its counting file, or why none counts: `Konflik`, `Berkas Tidak Dihitung`,
 * `Belum Mengirim`), then one row per file that does not count (`Diganti`, `Tahun Lain`, `Tahun
 * Kosong`, `Berkas Konflik`, `OPD Tidak Dikenal`, `Tidak Terbaca`; within a status by file name),
 * then `Total Kota`; below it `Rekap Persetujuan`, the sign-off levels reached and the schedule per
 * level (docs/spec/signoff.md). Chart: innovations per OPD by stage.
 */
import { ownValue } from '../../own';
import type { SummaryFill } from '../../design/palette';
import { compareNames, SET_ASIDE_ORDER, STANDING_WORD } from '../../consolidation/selection';
import { Lang } from '../../messages';
import { Opd, Reference } from '../../reference/model';
import { JadwalStatus, Keadaan, chainWord, scheduleStatus, scheduleWord } from '../../signoff';
import { replicationCountsOf } from '../../replication';
import { ColumnKey } from '../../schema';
import { countFindings } from '../../validate';
import { ChartValue, SummaryChart, stackedChart } from '../../printout';
import {
  ConsolidatedFile,
  SummaryCell,
  SummaryRow,
  SummarySource,
  SummaryTable,
  okValue,
  opdCode,
  opdName,
  rowsOf,
  rowsWithRule,
  summaryDate,
} from '../model';
import { SummarySheet, SummarySheetDef, statusFill } from '../sheet';
import { REKAP_IID_COLUMNS, rekapIidCells, rekapIidTotal } from '../../iid/summary';
import { insertColumns } from '../../iid/summarySheet';

export const SHEET_REKAP_OPD = 'Rekap OPD';

/**
 * The fixed columns in spec order. No header reads as the opposite of its cells: `Target Belum
 * Tercapai` (rows with LOG-07; was `Terlambat`, a word kept for the schedule) and `Temuan Diterima`
 * (accepted findings; was `Diterima`, which beside `Belum Mengirim` read as "received"). The columns
 * of replication and IID readiness come between `Target Belum Tercapai` and `Galat` when those
 * features exist.
 */
export const REKAP_COLUMNS = [
  'No',
  'Kode OPD',
  'Perangkat Daerah',
  'Berkas',
  'Tahun',
  'Status',
  'Jumlah Inovasi',
  'Inisiatif',
  'Uji Coba',
  'Penerapan',
  'Digital',
  'Non Digital',
  'Pelayanan Publik',
  'Target Belum Tercapai',
  'Replikasi Dilakukan',
  'Inovasinya Direplikasi',
  'Galat',
  'Peringatan',
  'Temuan Diterima',
  'Tingkat Persetujuan',
] as const;

/** The schedule column of a level: `Tepat Waktu <label>`. */
export const scheduleColumn = (label: string): string => `Tepat Waktu ${label}`;
const SCHEDULE_PREFIX = scheduleColumn('');

/** `Rekap OPD`'s columns: the fixed ones, then one `Tepat Waktu <label>` per level with a deadline in the reference's schedule. */
function baseColumns(reference: Reference): string[] {
  return [...REKAP_COLUMNS, ...scheduledLevels(reference).map((l) => scheduleColumn(l.label))];
}

/** `Rekap OPD`'s columns as written: with `Inovasi Siap IID` and `Rata-rata Kematangan` before `Galat` when the reference has `iid`. */
export function rekapColumns(reference: Reference): string[] {
  const base = baseColumns(reference);
  return reference.iid
    ? insertColumns({ columns: base, rows: [] }, 'Galat', REKAP_IID_COLUMNS, []).columns.slice()
    : base;
}

const scheduledLevels = (reference: Reference) =>
  reference.tingkatPersetujuan.filter((l) => ownValue(reference.jadwal?.batas, l.kunci) !== undefined);

export const REKAP_PERSETUJUAN_COLUMNS = [
  'Tingkat Persetujuan',
  'Jumlah OPD',
  'Batas',
  'Tepat Waktu',
  'Terlambat',
  'Lewat',
  'Belum Jatuh Tempo',
] as const;
export const DIKEMBALIKAN = 'Dikembalikan';
export const BERUBAH = 'Berubah';
export const BELUM_DISTEMPEL = 'Belum Distempel';
export const BELUM_MENGIRIM = 'Belum Mengirim';
/** An OPD whose files are in conflict (KON-08): none counts. */
export const KONFLIK = 'Konflik';
/** An OPD whose files all are set aside for another reason (another year, no year). */
export const BERKAS_TIDAK_DIHITUNG = 'Berkas Tidak Dihitung';
export const TOTAL_KOTA = 'Total Kota';

/** `Total Kota`'s Status: how many reference OPDs have a counting file. */
export const sentText = (n: number, m: number): string => `${n} dari ${m} OPD mengirim`;

/** `Total Kota`'s `Tepat Waktu <label>` cell: the schedule over every reference OPD. */
export function scheduleTotalText(t: Readonly<Record<Keadaan, number>>): string {
  return `${t.tepatWaktu} tepat waktu · ${t.terlambat} terlambat · ${t.lewat} lewat · ${t.belumJatuhTempo} belum jatuh tempo`;
}

/** `Total Kota`'s Status read back (the task pane's «n dari m» heading); null when it is not `sentText`. */
export function sentCounts(text: string): { readonly n: number; readonly m: number } | null {
  const sent = /^(\d+) dari (\d+) OPD mengirim$/.exec(text);
  return sent ? { n: Number(sent[1]), m: Number(sent[2]) } : null;
}

/** The English of `Total Kota`'s texts (a printed table in `--lang en`); null when the text is none of them. */
export function rekapTotalWordEn(text: string): string | null {
  const sent = sentCounts(text);
  if (sent) return `${sent.n} of ${sent.m} agencies submitted`;
  const t = /^(\d+) tepat waktu · (\d+) terlambat · (\d+) lewat · (\d+) belum jatuh tempo$/.exec(text);
  return t ? `${t[1]} on time · ${t[2]} late · ${t[3]} overdue · ${t[4]} not yet due` : null;
}

/** The schedule of an OPD's row: its counting file's words, or (none counts) every passed deadline `lewat`. */
function rowSchedule(
  e: ConsolidatedFile | null,
  reference: Reference,
  today: string,
): readonly JadwalStatus[] {
  if (!reference.jadwal) return [];
  if (!e)
    return scheduleStatus(
      null,
      reference.tingkatPersetujuan,
      reference.jadwal,
      today,
      reference.daerah.zonaWaktu,
    );
  return e.validation.persetujuan.jadwal;
}

const emptyTally = (): Record<Keadaan, number> => ({
  tepatWaktu: 0,
  terlambat: 0,
  lewat: 0,
  belumJatuhTempo: 0,
});

/** The files that do not count, in `Rekap OPD`'s order: by status (SET_ASIDE_ORDER), then by file name. */
export function setAsideOrder(files: readonly ConsolidatedFile[]): ConsolidatedFile[] {
  const rank = (e: ConsolidatedFile) =>
    SET_ASIDE_ORDER.indexOf(e.standing as (typeof SET_ASIDE_ORDER)[number]);
  return files
    .filter((e) => e.standing !== 'dihitung')
    .sort((a, b) => rank(a) - rank(b) || compareNames(a.file, b.file));
}

function buildRekap({ ordered, entries, reference, today, replikasi }: SummarySource): SummaryTable {
  const columns = baseColumns(reference);
  const levels = scheduledLevels(reference);
  const rows: SummaryRow[] = [];
  let no = 0;
  const totals = new Array<number>(REKAP_COLUMNS.length).fill(0);
  const tally = levels.map(emptyTally);
  const col = (label: (typeof REKAP_COLUMNS)[number]) => REKAP_COLUMNS.indexOf(label);
  const SUMMED = [
    'Jumlah Inovasi',
    'Inisiatif',
    'Uji Coba',
    'Penerapan',
    'Digital',
    'Non Digital',
    'Pelayanan Publik',
    'Target Belum Tercapai',
    'Replikasi Dilakukan',
    'Inovasinya Direplikasi',
    'Galat',
    'Peringatan',
    'Temuan Diterima',
  ] as const;

  /** `Tepat Waktu <label>` cells of an OPD row: the schedule word, tallied for Total Kota. */
  const scheduleCells = (schedule: readonly JadwalStatus[]): SummaryCell[] =>
    levels.map((l, i) => {
      const j = schedule.find((x) => x.tingkat === l.kunci);
      if (!j) return null;
      tally[i][j.keadaan]++;
      return scheduleWord(j);
    });

  // IID readiness (docs/spec/iid.md): two columns per row, inserted before `Galat` when the reference has `iid`.
  const iidCells: SummaryCell[][] = [];
  const countedRow = (e: ConsolidatedFile): SummaryCell[] => {
    iidCells.push(rekapIidCells(e.validation.iid));
    const rows = rowsOf(e);
    const count = (key: ColumnKey, value: string) => rows.filter((r) => okValue(r, key) === value).length;
    const stats = countFindings(e.validation.findings);
    const replication = replicationCountsOf(replikasi, e.file);
    const values: Record<(typeof SUMMED)[number], number> = {
      'Jumlah Inovasi': rows.length,
      Inisiatif: count('tahapan', 'Inisiatif'),
      'Uji Coba': count('tahapan', 'Uji Coba'),
      Penerapan: count('tahapan', 'Penerapan'),
      Digital: count('jenis', 'Digital'),
      'Non Digital': count('jenis', 'Non Digital'),
      'Pelayanan Publik': count('bentuk', 'Inovasi Pelayanan Publik'),
      'Target Belum Tercapai': rowsWithRule(e, 'LOG-07').size,
      // docs/spec/replication.md: its replications, and those of other OPDs linked to it or its innovations.
      'Replikasi Dilakukan': replication.dilakukan,
      'Inovasinya Direplikasi': replication.direplikasi,
      Galat: stats.errors,
      Peringatan: stats.warnings,
      'Temuan Diterima': stats.accepted,
    };
    for (const k of SUMMED) totals[col(k)] += values[k];
    const cells = new Array<SummaryCell>(REKAP_COLUMNS.length).fill(null);
    cells[col('No')] = ++no;
    cells[col('Kode OPD')] = opdCode(e);
    cells[col('Perangkat Daerah')] = opdName(e);
    cells[col('Berkas')] = e.file;
    cells[col('Tahun')] = e.validation.tahun;
    cells[col('Status')] = e.status;
    for (const k of SUMMED) cells[col(k)] = values[k];
    cells[col('Tingkat Persetujuan')] = chainWord(e.validation.persetujuan);
    return [...cells, ...scheduleCells(rowSchedule(e, reference, today))];
  };

  /** An OPD without a counting file: why (its files, if any, have rows of their own below); treated as not submitted for the schedule. */
  const uncountedRow = (opd: Opd): SummaryCell[] => {
    const named = entries.filter((e) => e.validation.opd?.kode === opd.kode && e.standing !== 'diganti');
    const conflict = named.filter((e) => e.standing === 'konflik');
    const cells = new Array<SummaryCell>(REKAP_COLUMNS.length).fill(null);
    cells[col('No')] = ++no;
    cells[col('Kode OPD')] = opd.kode;
    cells[col('Perangkat Daerah')] = opd.nama;
    const listed = conflict.length ? conflict : named;
    cells[col('Berkas')] = listed.length ? listed.map((e) => e.file).join('; ') : null;
    cells[col('Status')] = conflict.length ? KONFLIK : named.length ? BERKAS_TIDAK_DIHITUNG : BELUM_MENGIRIM;
    return [...cells, ...scheduleCells(rowSchedule(null, reference, today))];
  };

  const byCode = new Map<string, ConsolidatedFile>();
  for (const e of ordered) if (e.validation.opd) byCode.set(e.validation.opd.kode, e);
  let sent = 0;
  for (const opd of reference.opd) {
    const e = byCode.get(opd.kode);
    if (e) sent++;
    else iidCells.push([null, null]);
    rows.push({ cells: e ? countedRow(e) : uncountedRow(opd) });
  }
  for (const e of setAsideOrder(entries)) {
    iidCells.push([null, null]);
    const stats = countFindings(e.validation.findings);
    const cells: SummaryCell[] = new Array<SummaryCell>(columns.length).fill(null);
    cells[col('No')] = ++no;
    cells[col('Kode OPD')] = opdCode(e);
    cells[col('Perangkat Daerah')] = opdName(e);
    cells[col('Berkas')] = e.file;
    cells[col('Tahun')] = e.validation.tahun;
    cells[col('Status')] = STANDING_WORD[e.standing];
    cells[col('Galat')] = stats.errors;
    cells[col('Peringatan')] = stats.warnings;
    if (e.standing !== 'tidakTerbaca') {
      cells[col('Temuan Diterima')] = stats.accepted;
      cells[col('Tingkat Persetujuan')] = chainWord(e.validation.persetujuan);
    }
    rows.push({ cells });
  }
  const total: SummaryCell[] = new Array<SummaryCell>(columns.length).fill(null);
  total[col('Perangkat Daerah')] = TOTAL_KOTA;
  total[col('Status')] = sentText(sent, reference.opd.length);
  for (const k of SUMMED) total[col(k)] = totals[col(k)];
  // Under each schedule column: the schedule in words over every reference OPD, never a bare number.
  tally.forEach((t, i) => (total[REKAP_COLUMNS.length + i] = scheduleTotalText(t)));
  rows.push({ cells: total, total: true });
  iidCells.push(rekapIidTotal(ordered.flatMap((e) => (e.validation.iid ? [e.validation.iid] : []))));
  return reference.iid
    ? insertColumns({ columns, rows }, 'Galat', REKAP_IID_COLUMNS, iidCells)
    : { columns, rows };
}

/**
 * Below `Rekap OPD`: how many OPDs reached each level (their `Tingkat Persetujuan` word), returned,
 * changed, not stamped or without a counting file; and per level with a deadline, how many are on
 * time, late, past or not yet due (an OPD without a counting file counts as past once the deadline
 * has passed).
 */
function buildRekapPersetujuan({ ordered, reference, today }: SummarySource): SummaryTable {
  const words = new Map<string, number>();
  const byCode = new Set(
    ordered.map((e) => e.validation.opd?.kode).filter((k): k is string => k !== undefined),
  );
  const silent = reference.opd.filter((o) => !byCode.has(o.kode)).length;
  for (const e of ordered) {
    const w = chainWord(e.validation.persetujuan);
    words.set(w, (words.get(w) ?? 0) + 1);
  }
  const tally = new Map<string, Record<Keadaan, number>>();
  const add = (schedule: readonly JadwalStatus[], times = 1) => {
    for (const j of schedule) {
      const t = tally.get(j.tingkat) ?? emptyTally();
      t[j.keadaan] += times;
      tally.set(j.tingkat, t);
    }
  };
  for (const e of ordered) add(rowSchedule(e, reference, today));
  if (silent) add(rowSchedule(null, reference, today), silent);

  const rows: SummaryRow[] = reference.tingkatPersetujuan.map((l) => {
    const batas = ownValue(reference.jadwal?.batas, l.kunci);
    const t = batas === undefined ? null : (tally.get(l.kunci) ?? emptyTally());
    return {
      cells: [
        l.label,
        words.get(l.label) ?? 0,
        batas === undefined ? null : summaryDate(batas),
        t?.tepatWaktu ?? null,
        t?.terlambat ?? null,
        t?.lewat ?? null,
        t?.belumJatuhTempo ?? null,
      ],
    };
  });
  for (const [label, n] of [
    [DIKEMBALIKAN, words.get(DIKEMBALIKAN) ?? 0],
    [BERUBAH, words.get(BERUBAH) ?? 0],
    [BELUM_DISTEMPEL, words.get(BELUM_DISTEMPEL) ?? 0],
    [BELUM_MENGIRIM, silent],
  ] as const)
    rows.push({ cells: [label, n, null, null, null, null, null] });
  // Under `Perangkat Daerah`: its level labels do not widen Rekap OPD's `No` column.
  return { columns: REKAP_PERSETUJUAN_COLUMNS, rows, firstColumn: REKAP_COLUMNS.indexOf('Perangkat Daerah') };
}
/** A `Tepat Waktu <label>` word saying the level is late or past (`Terlambat 3 hari`, `Lewat 8 hari`). */
export const isLateWord = (word: unknown): word is string =>
  typeof word === 'string' && /^(Terlambat|Lewat) \d+ hari$/.test(word);

/** `Tepat Waktu <label>` words (docs/spec/signoff.md): late or past in red, on time in green, so the planner sees who is late at a glance. */
export function scheduleFill(word: string): SummaryFill | null {
  if (isLateWord(word)) return 'red';
  return word === 'Tepat waktu' ? 'green' : null;
}

const CHART_TITLE = { id: 'Inovasi per OPD menurut tahapan', en: 'Innovations per agency by stage' } as const;
const AXES = {
  id: { category: 'Perangkat Daerah (kode)', value: 'Jumlah inovasi' },
  en: { category: 'Agency (code)', value: 'Innovations' },
} as const;
const num = (v: SummaryCell | undefined): number => (typeof v === 'number' ? v : 0);

/** The counted OPDs with innovations × Inisiatif / Uji Coba / Penerapan. */
function opdChart(sheet: SummarySheet, lang: Lang): SummaryChart | null {
  const rekap = sheet.tables[0];
  const c = (label: (typeof REKAP_COLUMNS)[number]) => rekap.columns.indexOf(label);
  const rows: ChartValue[][] = [];
  for (const r of rekap.rows) {
    if (r.total) continue;
    const status = r.cells[c('Status')];
    if ((status !== 'Siap' && status !== 'Perlu Perbaikan') || num(r.cells[c('Jumlah Inovasi')]) === 0)
      continue;
    // The OPD's code: short enough to read under a column (the names run to 60 characters).
    const label = r.cells[c('Kode OPD')] ?? r.cells[c('Perangkat Daerah')] ?? r.cells[c('Berkas')];
    rows.push([
      typeof label === 'string' ? label : String(label ?? ''),
      num(r.cells[c('Inisiatif')]),
      num(r.cells[c('Uji Coba')]),
      num(r.cells[c('Penerapan')]),
    ]);
  }
  const header = ['Kode OPD', 'Inisiatif', 'Uji Coba', 'Penerapan'];
  return stackedChart(sheet, 'InovasiPerOPD', CHART_TITLE[lang], header, header, rows, [0, 1, 2, 3], {
    ...AXES[lang],
    labelAngle: rows.length > 8 ? -45 : 0,
  });
}

export const rekapOpdSheet: SummarySheetDef = {
  name: SHEET_REKAP_OPD,
  tables: (source) => [buildRekap(source), buildRekapPersetujuan(source)],
  fill: (column, value) =>
    column === 'Status' ? statusFill(value) : column.startsWith(SCHEDULE_PREFIX) ? scheduleFill(value) : null,
  chart: opdChart,
  // Long OPD names wrap; too wide for one readable page, it prints across with No … Perangkat Daerah repeated.
  wrapWidth: 24,
  repeatColumns: (columns) => columns.indexOf('Perangkat Daerah') + 1,
};
