/**
 * The round-trip and payload budget of validating a large sheet in the add-in (docs/spec/addin.md: at most
 * 4 syncs for up to 5,000 rows, at most 4 MB per sync): a workbook of `rows` innovations with a
 * realistic mix of findings is read, validated with the engine and flagged, against the fake host.
 */
import { createExcelAdapter } from '../../src/addin/excelAdapter';
import type { ExcelHost, OfficeHost } from '../../src/addin/port';
import type { CellValue } from '../../src/engine/grid';
import { defaultReference } from '../../src/engine/reference/load';
import { COLUMNS } from '../../src/engine/schema';
import { validateWorkbook } from '../../src/engine/validate';
import { LABELS, TODAY, VALID_IDENTITAS, inisiatifRow, validRow, words } from '../helpers/workbook';
import { FakeExcel, FakeExcelOptions, SeedValue, createFakeExcel } from './index';

const DATE_LABELS = new Set(COLUMNS.filter((c) => c.type === 'date').map((c) => c.label));

/** A cell as Excel would hold it: ISO dates in date columns become date cells. */
export function seedCell(label: string, v: CellValue): SeedValue {
  if (typeof v === 'string' && DATE_LABELS.has(label) && /^\d{4}-\d{2}-\d{2}$/.test(v)) return { date: v };
  return v as SeedValue;
}

/**
 * Row `i` (1-based) of the benchmark sheet. Every row has a short rancang bangun (SOP-06: an error
 * on Penerapan rows, a warning otherwise); every 3rd row is an Inisiatif, every 4th has a text that
 * is not a date (FMT-03), every 7th a zero budget from the APBD (LOG-04). About 1.6 findings a row.
 */
export function benchmarkRow(i: number): Record<string, CellValue> {
  const base = i % 3 === 0 ? inisiatifRow() : validRow();
  return {
    ...base,
    No: i,
    'Nama Inovasi': `Inovasi Layanan Publik Nomor ${String(i).padStart(5, '0')}`,
    'Rancang Bangun': words(40),
    ...(i % 4 === 0 ? { 'Tanggal Uji Coba': 'bulan depan' } : {}),
    ...(i % 7 === 0 ? { 'Anggaran (Rp)': 0, 'Sumber Anggaran': 'APBD' } : {}),
  };
}

/** The sheets of a submission of `rows` innovations (Identitas + Inovasi). */
export function benchmarkSheets(
  rows: number,
  rowOf: (i: number) => Record<string, CellValue> = benchmarkRow,
): NonNullable<FakeExcelOptions['sheets']> {
  const inovasi: SeedValue[][] = [LABELS];
  for (let i = 1; i <= rows; i++) {
    const r = rowOf(i);
    inovasi.push(LABELS.map((l) => seedCell(l, l in r ? r[l] : null)));
  }
  return {
    Identitas: VALID_IDENTITAS.map(([label, value]) => [
      label,
      seedCell(label === 'Tanggal Pengisian' ? 'Tanggal Uji Coba' : label, value),
    ]),
    Inovasi: inovasi,
  };
}

export function adapterFor(fake: FakeExcel, debounceMs?: number) {
  return createExcelAdapter(
    fake.Excel as unknown as ExcelHost,
    fake.Office as unknown as OfficeHost,
    debounceMs === undefined ? {} : { debounceMs },
  );
}

export interface BudgetResult {
  readonly rows: number;
  readonly findings: number;
  readonly flaggedCells: number;
  /** `context.sync()` calls of readSubmission + writeFlags (with the validation's Riwayat event). */
  readonly syncs: number;
  readonly readSyncs: number;
  /** Largest request of any sync (bytes, Office wire format). */
  readonly maxPayloadBytes: number;
  /** Largest response of any sync Excel accepted (bytes). */
  readonly maxResponseBytes: number;
  /** Responses Excel refused as too large (each a wasted round trip). */
  readonly refusedResponses: number;
  readonly perSync: readonly {
    readonly requestBytes: number;
    readonly responseBytes: number;
    readonly actions: number;
  }[];
}

/** Reads, validates and flags a benchmark workbook of `rows` innovations; counts syncs and bytes. */
export async function measureAdapterBudget(
  rows: number,
  options: Pick<FakeExcelOptions, 'responseLimitBytes' | 'apiVersion'> = {},
): Promise<BudgetResult> {
  const fake = createFakeExcel({ sheets: benchmarkSheets(rows), ...options });
  const port = adapterFor(fake);
  const { grid } = await port.readSubmission();
  const readSyncs = fake.stats.syncCount;
  const validation = validateWorkbook(grid, 'benchmark.xlsx', {
    reference: defaultReference(),
    today: TODAY,
  });
  // As the task pane writes a validation: the flags and the run's Riwayat event together.
  const event = {
    waktu: `${TODAY}T09:00:00.000Z`,
    peristiwa: 'validasi',
    rincian: validation.contentHash ?? '',
  };
  const summary = await port.writeFlags(validation, 'id', { after: [event] });
  return {
    rows,
    findings: validation.findings.length,
    flaggedCells: summary.cells,
    syncs: fake.stats.syncCount,
    readSyncs,
    maxPayloadBytes: fake.stats.maxSyncPayloadBytes,
    maxResponseBytes: fake.stats.maxResponseBytes,
    refusedResponses: fake.stats.log.filter((r) => r.refused).length,
    perSync: fake.stats.log.map((r) => ({
      requestBytes: r.requestBytes,
      responseBytes: r.responseBytes,
      actions: r.actions,
    })),
  };
}
