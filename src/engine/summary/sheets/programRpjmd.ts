/**
 * `Program RPJMD` (docs/spec/consolidation.md): innovations per RPJMD program with its cascade
 * (misi, sasaran), coverage coloured; the rows outside the RPJMD (RPJ-01) summed below. Chart:
 * innovations per misi.
 */
import { Lang } from '../../messages';
import { Misi, misiShortName } from '../../reference/model';
import { SubmissionRow } from '../../parse';
import { ChartValue, SummaryChart, stackedChart } from '../../printout';
import {
  ConsolidatedFile,
  SummaryCell,
  SummaryRow,
  SummarySource,
  SummaryTable,
  okValue,
  opdName,
  rowsOf,
  rowsWithRule,
} from '../model';
import { SummarySheet, SummarySheetDef, statusFill } from '../sheet';

export const SHEET_PROGRAM_RPJMD = 'Program RPJMD';

export const PROGRAM_COLUMNS = [
  'Kode Misi',
  'Misi',
  'Kode Sasaran',
  'Sasaran',
  'Kode Program',
  'Nama Program',
  'OPD Penanggung Jawab',
  'Jumlah Inovasi',
  'Penerapan',
  'OPD Pengusul',
  'Cakupan',
] as const;

export const DI_LUAR_RPJMD = 'Di luar RPJMD';

/** `Cakupan`: does some innovation accelerate the program? */
export const CAKUPAN = { ada: 'Ada', belum: 'Belum Ada Inovasi' } as const;

interface Tally {
  count: number;
  penerapan: number;
  /** Proposing OPDs in first-seen order (a Set: a province has thousands, looked up per row). */
  readonly opds: Set<string>;
}

function buildPrograms({ ordered, index }: SummarySource): SummaryTable {
  const tallies = new Map<string, Tally>(
    index.programCodes().map((c) => [c, { count: 0, penerapan: 0, opds: new Set<string>() }]),
  );
  const outside: Tally = { count: 0, penerapan: 0, opds: new Set<string>() };
  const add = (t: Tally, e: ConsolidatedFile, row: SubmissionRow) => {
    t.count++;
    if (okValue(row, 'tahapan') === 'Penerapan') t.penerapan++;
    const name = opdName(e) ?? e.file;
    t.opds.add(name);
  };
  for (const e of ordered) {
    const rpj01 = rowsWithRule(e, 'RPJ-01');
    for (const row of rowsOf(e)) {
      if (rpj01.has(row.row)) {
        add(outside, e, row);
        continue;
      }
      const code = okValue(row, 'program');
      const t = code === null ? undefined : tallies.get(String(code));
      if (t) add(t, e, row);
    }
  }
  const rows: SummaryRow[] = index.reference.rpjmd.program.map((program) => {
    const { sasaran, misi } = index.cascade(program);
    const t = tallies.get(program.kode)!;
    return {
      cells: [
        misi.map((m) => m.kode).join('; '),
        misi.map((m) => m.uraian).join('; '),
        sasaran.map((s) => s.kode).join('; '),
        sasaran.map((s) => s.uraian).join('; '),
        program.kode,
        program.nama,
        program.opd.map((c) => index.opdByCode(c)?.nama ?? c).join('; '),
        t.count,
        t.penerapan,
        [...t.opds].join('; ') || null,
        t.count > 0 ? CAKUPAN.ada : CAKUPAN.belum,
      ],
    };
  });
  rows.push({
    cells: [
      null,
      null,
      null,
      null,
      null,
      DI_LUAR_RPJMD,
      null,
      outside.count,
      outside.penerapan,
      [...outside.opds].join('; ') || null,
      null,
    ],
    total: true,
  });
  return { columns: PROGRAM_COLUMNS, rows };
}

const CHART_TITLE = { id: 'Inovasi per misi RPJMD', en: 'Innovations per RPJMD mission' } as const;
const AXES = {
  id: { category: 'Misi RPJMD', value: 'Jumlah inovasi' },
  en: { category: 'RPJMD mission', value: 'Innovations' },
} as const;
/** Characters of a misi's short name when the sheet alone is known (a sheet built without its source). */
const SHORT_NAME = 28;

/**
 * `M1 – short name` (docs/spec/consolidation.md, *Printing and reading*): the reference's short
 * name (`singkat`, default its first words: misiShortName) when the misi is the reference's, else
 * the sheet's text cut at a word.
 */
export function misiLabel(code: string, uraian: string, misi?: Misi): string {
  if (misi) return `${code} – ${misiShortName(misi)}`;
  const text = uraian.trim();
  if (!text) return code;
  if (text.length <= SHORT_NAME) return `${code} – ${text}`;
  const cut = text.slice(0, SHORT_NAME + 1);
  const at = cut.lastIndexOf(' ');
  return `${code} – ${(at > 8 ? cut.slice(0, at) : text.slice(0, SHORT_NAME)).replace(/[,;:.]$/, '')}…`;
}

/** Codes in their natural order (`M2` before `M10`), for misi the reference does not list. */
const byCode = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });
const num = (v: SummaryCell | undefined): number => (typeof v === 'number' ? v : 0);

/**
 * Innovations per misi, from the program rows (a program under two misi counts for both),
 * Penerapan and the rest stacked; categories `M1 – short name` in the reference's order.
 */
function misiChart(sheet: SummarySheet, lang: Lang): SummaryChart | null {
  const program = sheet.tables[0];
  const c = (label: (typeof PROGRAM_COLUMNS)[number]) => program.columns.indexOf(label);
  const misi = new Map<string, { uraian: string; penerapan: number; lain: number }>();
  for (const r of program.rows) {
    if (r.total) continue;
    const codes = String(r.cells[c('Kode Misi')] ?? '')
      .split('; ')
      .filter(Boolean);
    const texts = String(r.cells[c('Misi')] ?? '').split('; ');
    const jumlah = num(r.cells[c('Jumlah Inovasi')]);
    const penerapan = num(r.cells[c('Penerapan')]);
    codes.forEach((code, i) => {
      const m = misi.get(code) ?? { uraian: texts[i] ?? '', penerapan: 0, lain: 0 };
      m.penerapan += penerapan;
      m.lain += jumlah - penerapan;
      misi.set(code, m);
    });
  }
  // The reference's order (its misi as listed), then any other code in natural order.
  const listed = sheet.source?.reference.rpjmd.misi ?? [];
  const at = (code: string) => {
    const i = listed.findIndex((m) => m.kode === code);
    return i < 0 ? listed.length : i;
  };
  const rows: ChartValue[][] = [...misi]
    .sort(([a], [b]) => at(a) - at(b) || byCode(a, b))
    .map(([code, m]) => [
      code,
      misiLabel(
        code,
        m.uraian,
        listed.find((x) => x.kode === code),
      ),
      m.penerapan,
      m.lain,
    ]);
  // Under Kode Misi, Misi, Penerapan; the rest under Jumlah Inovasi (the column before Penerapan).
  return stackedChart(
    sheet,
    'InovasiPerMisi',
    CHART_TITLE[lang],
    ['Kode Misi', 'Misi', 'Penerapan', 'Belum Penerapan'],
    ['Kode Misi', 'Misi', 'Penerapan', 'Jumlah Inovasi'],
    rows,
    [1, 2, 3],
    AXES[lang],
  );
}

export const programRpjmdSheet: SummarySheetDef = {
  name: SHEET_PROGRAM_RPJMD,
  tables: (source) => [buildPrograms(source)],
  fill: (column, value) => (column === 'Cakupan' ? statusFill(value) : null),
  wrapWidth: 17,
  chart: misiChart,
};
