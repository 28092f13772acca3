/** `Urusan` (docs/spec/consolidation.md): innovations per bidang urusan by stage, codes in numeric order, a total row. */
import { SummaryRow, SummarySource, SummaryTable, okValue, rowsOf } from '../model';
import { SummarySheetDef } from '../sheet';

export const SHEET_URUSAN = 'Urusan';
export const URUSAN_COLUMNS = [
  'Kode',
  'Bidang Urusan',
  'Inisiatif',
  'Uji Coba',
  'Penerapan',
  'Jumlah',
] as const;
export const URUSAN_TOTAL = 'Total';

function compareCodes(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

function buildUrusan({ ordered, index }: SummarySource): SummaryTable {
  const counts = new Map<string, [number, number, number, number]>();
  for (const e of ordered) {
    for (const row of rowsOf(e)) {
      const code = okValue(row, 'urusan');
      if (code === null) continue; // an empty or invalid urusan has no bidang to count under
      const c = counts.get(String(code)) ?? [0, 0, 0, 0];
      const stage = ['Inisiatif', 'Uji Coba', 'Penerapan'].indexOf(String(okValue(row, 'tahapan')));
      if (stage >= 0) c[stage]++;
      c[3]++;
      counts.set(String(code), c);
    }
  }
  const total = [0, 0, 0, 0];
  const rows: SummaryRow[] = [...counts.keys()].sort(compareCodes).map((code) => {
    const c = counts.get(code)!;
    c.forEach((n, i) => (total[i] += n));
    return { cells: [code, index.bidangByCode(code)?.nama ?? null, ...c] };
  });
  rows.push({ cells: [null, URUSAN_TOTAL, ...total], total: true });
  return { columns: URUSAN_COLUMNS, rows };
}

export const urusanSheet: SummarySheetDef = {
  name: SHEET_URUSAN,
  tables: (source) => [buildUrusan(source)],
  // Official names run past 60 characters: wrapped, never cut.
  wrapWidth: 50,
};
