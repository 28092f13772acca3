/**
 * `Rekap OPD` (docs/spec/consolidation.md): one row per reference OPD (whether it sent a file or
 * not), then the other counted workbooks and the files that are not counted, a `Total Kota` row;
 * below it `Rekap Persetujuan`, the sign-off levels reached and the schedule per level
 * (docs/spec/signoff.md). Chart: innovations per OPD by stage.
 */
import { ownValue } from '../../own';
import type { SummaryFill } from '../../design/palette';
import { Lang } from '../../messages';
import { Opd, Reference } from '../../reference/model';
import { JadwalStatus, Keadaan, chainWord, scheduleStatus, scheduleWord } from '../../signoff';
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

export const SHEET_REKAP_OPD = 'Rekap OPD';

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
  'Terlambat',
  'Galat',
  'Peringatan',
  'Diterima',
  'Tingkat Persetujuan',
] as const;

/** The schedule column of a level: `Tepat Waktu <label>`. */
export const scheduleColumn = (label: string): string => `Tepat Waktu ${label}`;
const SCHEDULE_PREFIX = scheduleColumn('');

/** `Rekap OPD`'s columns: the fixed ones, then one `Tepat Waktu <label>` per level with a deadline in the reference's schedule. */
export function rekapColumns(reference: Reference): string[] {
  return [...REKAP_COLUMNS, ...scheduledLevels(reference).map((l) => scheduleColumn(l.label))];
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
export const TOTAL_KOTA = 'Total Kota';

/** The schedule of an OPD's row: its file's words, or (no file) every passed deadline `lewat`. */
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

const isLate = (k: Keadaan) => k === 'terlambat' || k === 'lewat';

function buildRekap({ ordered, others, reference, today }: SummarySource): SummaryTable {
  const columns = rekapColumns(reference);
  const levels = scheduledLevels(reference);
  const rows: SummaryRow[] = [];
  let no = 0;
  const totals = new Array<number>(REKAP_COLUMNS.length).fill(0);
  const late = new Array<number>(levels.length).fill(0);
  const col = (label: (typeof REKAP_COLUMNS)[number]) => REKAP_COLUMNS.indexOf(label);
  const SUMMED = [
    'Jumlah Inovasi',
    'Inisiatif',
    'Uji Coba',
    'Penerapan',
    'Digital',
    'Non Digital',
    'Pelayanan Publik',
    'Terlambat',
    'Galat',
    'Peringatan',
    'Diterima',
  ] as const;

  /** `Tepat Waktu <label>` cells: the schedule word, blank when the schedule does not apply (another reporting year); counts the late ones. */
  const scheduleCells = (schedule: readonly JadwalStatus[]): SummaryCell[] =>
    levels.map((l, i) => {
      const j = schedule.find((x) => x.tingkat === l.kunci);
      if (!j) return null;
      if (isLate(j.keadaan)) late[i]++;
      return scheduleWord(j);
    });

  const countedRow = (e: ConsolidatedFile): SummaryCell[] => {
    const rows = rowsOf(e);
    const count = (key: ColumnKey, value: string) => rows.filter((r) => okValue(r, key) === value).length;
    const stats = countFindings(e.validation.findings);
    const values: Record<(typeof SUMMED)[number], number> = {
      'Jumlah Inovasi': rows.length,
      Inisiatif: count('tahapan', 'Inisiatif'),
      'Uji Coba': count('tahapan', 'Uji Coba'),
      Penerapan: count('tahapan', 'Penerapan'),
      Digital: count('jenis', 'Digital'),
      'Non Digital': count('jenis', 'Non Digital'),
      'Pelayanan Publik': count('bentuk', 'Inovasi Pelayanan Publik'),
      Terlambat: rowsWithRule(e, 'LOG-07').size,
      Galat: stats.errors,
      Peringatan: stats.warnings,
      Diterima: stats.accepted,
    };
    for (const k of SUMMED) totals[col(k)] += values[k];
    return [
      ++no,
      opdCode(e),
      opdName(e),
      e.file,
      e.validation.tahun,
      e.status,
      values['Jumlah Inovasi'],
      values.Inisiatif,
      values['Uji Coba'],
      values.Penerapan,
      values.Digital,
      values['Non Digital'],
      values['Pelayanan Publik'],
      values.Terlambat,
      values.Galat,
      values.Peringatan,
      values.Diterima,
      chainWord(e.validation.persetujuan),
      ...scheduleCells(rowSchedule(e, reference, today)),
    ];
  };

  const byCode = new Map<string, ConsolidatedFile>();
  for (const e of ordered) if (e.validation.opd) byCode.set(e.validation.opd.kode, e);
  for (const opd of reference.opd) {
    const e = byCode.get(opd.kode);
    rows.push({
      cells: e
        ? countedRow(e)
        : [...silentRow(++no, opd), ...scheduleCells(rowSchedule(null, reference, today))],
    });
  }
  for (const e of ordered) if (!e.validation.opd) rows.push({ cells: countedRow(e) });
  for (const e of others) {
    const stats = countFindings(e.validation.findings);
    const cells: SummaryCell[] = new Array<SummaryCell>(columns.length).fill(null);
    cells[col('No')] = ++no;
    cells[col('Berkas')] = e.file;
    cells[col('Status')] = e.status;
    cells[col('Galat')] = stats.errors;
    cells[col('Peringatan')] = stats.warnings;
    if (e.role === 'superseded') {
      cells[col('Kode OPD')] = opdCode(e);
      cells[col('Perangkat Daerah')] = opdName(e);
      cells[col('Tahun')] = e.validation.tahun;
      cells[col('Diterima')] = stats.accepted;
      cells[col('Tingkat Persetujuan')] = chainWord(e.validation.persetujuan);
    }
    rows.push({ cells });
  }
  const total: SummaryCell[] = new Array<SummaryCell>(columns.length).fill(null);
  total[col('Perangkat Daerah')] = TOTAL_KOTA;
  for (const k of SUMMED) total[col(k)] = totals[col(k)];
  // Under each schedule column: how many OPDs are late (Terlambat or Lewat) for that level.
  late.forEach((n, i) => (total[REKAP_COLUMNS.length + i] = n));
  rows.push({ cells: total, total: true });
  return { columns, rows };
}

/**
 * Below `Rekap OPD`: how many OPDs reached each level (their `Tingkat Persetujuan` word), returned,
 * changed, not stamped or not sent; and per level with a deadline, how many are on time, late, past
 * or not yet due (OPDs that sent nothing count as past once the deadline has passed).
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
      const t = tally.get(j.tingkat) ?? { tepatWaktu: 0, terlambat: 0, lewat: 0, belumJatuhTempo: 0 };
      t[j.keadaan] += times;
      tally.set(j.tingkat, t);
    }
  };
  for (const e of ordered) add(rowSchedule(e, reference, today));
  if (silent) add(rowSchedule(null, reference, today), silent);

  const rows: SummaryRow[] = reference.tingkatPersetujuan.map((l) => {
    const batas = ownValue(reference.jadwal?.batas, l.kunci);
    const t =
      batas === undefined
        ? null
        : (tally.get(l.kunci) ?? { tepatWaktu: 0, terlambat: 0, lewat: 0, belumJatuhTempo: 0 });
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
  return { columns: REKAP_PERSETUJUAN_COLUMNS, rows };
}

function silentRow(no: number, opd: Opd): SummaryCell[] {
  const cells = new Array<SummaryCell>(REKAP_COLUMNS.length).fill(null);
  cells[0] = no;
  cells[1] = opd.kode;
  cells[2] = opd.nama;
  cells[REKAP_COLUMNS.indexOf('Status')] = 'Belum Mengirim';
  return cells;
}

/** `Tepat Waktu <label>` words (docs/spec/signoff.md): late or past in red, on time in green, so the planner sees who is late at a glance. */
export function scheduleFill(word: string): SummaryFill | null {
  if (/^(Terlambat|Lewat) \d+ hari$/.test(word)) return 'red';
  return word === 'Tepat waktu' ? 'green' : null;
}

const CHART_TITLE = { id: 'Inovasi per OPD menurut tahapan', en: 'Innovations per agency by stage' } as const;
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
    const label = r.cells[c('Perangkat Daerah')] ?? r.cells[c('Kode OPD')] ?? r.cells[c('Berkas')];
    rows.push([
      typeof label === 'string' ? label : String(label ?? ''),
      num(r.cells[c('Inisiatif')]),
      num(r.cells[c('Uji Coba')]),
      num(r.cells[c('Penerapan')]),
    ]);
  }
  const header = ['Perangkat Daerah', 'Inisiatif', 'Uji Coba', 'Penerapan'];
  return stackedChart(sheet, 'InovasiPerOPD', CHART_TITLE[lang], header, header, rows, [0, 1, 2, 3]);
}

export const rekapOpdSheet: SummarySheetDef = {
  name: SHEET_REKAP_OPD,
  tables: (source) => [buildRekap(source), buildRekapPersetujuan(source)],
  fill: (column, value) =>
    column === 'Status' ? statusFill(value) : column.startsWith(SCHEDULE_PREFIX) ? scheduleFill(value) : null,
  chart: opdChart,
};
