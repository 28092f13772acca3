/** Builders of submission grids for tests: a valid base that each test breaks in one place. */
import { CellValue, SheetGrid, WorkbookGrid } from '../../src/engine/grid';
import { defaultReference } from '../../src/engine/reference/load';
import { Reference } from '../../src/engine/reference/model';
import { COLUMNS } from '../../src/engine/schema';
import { FileValidation, validateWorkbook } from '../../src/engine/validate';

export const words = (n: number): string => Array.from({ length: n }, (_, i) => `kata${i}`).join(' ');

export const LABELS = COLUMNS.map((c) => c.label);

/** A row of Dinas Kesehatan that passes every rule (Penerapan, Pelayanan Publik). */
export function validRow(overrides: Record<string, CellValue> = {}): Record<string, CellValue> {
  return {
    No: 1,
    'Nama Inovasi': 'Posyandu Digital Bitung Sehat',
    'Tahapan Inovasi': 'Penerapan',
    Inisiator: 'OPD',
    'Nama Inisiator': 'dr. Maria Lumowa',
    'Jenis Inovasi': 'Digital',
    'Bentuk Inovasi': 'Inovasi Pelayanan Publik',
    'Urusan Pemerintahan': '1.02',
    'Kode Program RPJMD': '1.02.02',
    'Target Tahun Penerapan': null,
    'Tanggal Uji Coba': '2024-03-01',
    'Tanggal Penerapan': '2025-01-15',
    'Dasar Hukum': 'Peraturan Wali Kota Bitung Nomor 12 Tahun 2024',
    'Nomor SOP': 'SOP/DINKES/07/2024',
    Permasalahan: 'Cakupan penimbangan balita rendah',
    'Rancang Bangun': words(320),
    Tujuan: 'Meningkatkan cakupan penimbangan',
    Manfaat: 'Balita terpantau tumbuh kembangnya',
    'Hasil Inovasi': 'Cakupan naik dari 61% menjadi 84%',
    'Anggaran (Rp)': 150000000,
    'Sumber Anggaran': 'APBD',
    Replikasi: 'Tidak',
    'Sumber Replikasi': null,
    'Jumlah Penerima Manfaat': 1200,
    'Tautan Data Dukung': 'https://bitungkota.go.id/inovasi/posyandu',
    'SP Persyaratan': 'Buku KIA',
    'SP Prosedur': 'Datang ke posyandu, timbang, catat di aplikasi',
    'SP Jangka Waktu (hari)': 1,
    'SP Biaya/Tarif (Rp)': 0,
    'SP Produk Layanan': 'Catatan tumbuh kembang',
    'SP Penanganan Pengaduan': 'Layanan pengaduan 0438-21045',
    'Status Validasi': null,
    ...overrides,
  };
}

/** A valid Inisiatif row (no dates, a target year). */
export function inisiatifRow(overrides: Record<string, CellValue> = {}): Record<string, CellValue> {
  return validRow({
    'Nama Inovasi': 'Rencana Aplikasi Rujukan Puskesmas',
    'Tahapan Inovasi': 'Inisiatif',
    'Target Tahun Penerapan': 2027,
    'Tanggal Uji Coba': null,
    'Tanggal Penerapan': null,
    'Dasar Hukum': null,
    'Nomor SOP': null,
    'Hasil Inovasi': null,
    'Jumlah Penerima Manfaat': null,
    'Tautan Data Dukung': null,
    ...overrides,
  });
}

export const VALID_IDENTITAS: [string, CellValue][] = [
  ['Perangkat Daerah', 'Dinas Kesehatan'],
  ['Tahun Pelaporan', 2026],
  ['Nama Penanggung Jawab', 'dr. Joice Rumondor'],
  ['Jabatan', 'Kepala Dinas'],
  ['Email', 'dinkes@bitungkota.go.id'],
  ['Telepon', '(0438) 21045'],
  ['Tanggal Pengisian', '2026-10-01'],
  ['Versi Templat', '1'],
];

export interface WorkbookSpec {
  /** Identity rows; null leaves the sheet out. */
  identitas?: [string, CellValue][] | null;
  /** Header labels in sheet order; default every spec label. */
  header?: string[];
  rows?: Record<string, CellValue>[];
  /** Rows above the header (titles, banners). */
  titleRows?: CellValue[][];
  sheetName?: string;
  extraSheets?: SheetGrid[];
}

export function buildGrid(spec: WorkbookSpec = {}): WorkbookGrid {
  const header = spec.header ?? LABELS;
  const rows: CellValue[][] = [...(spec.titleRows ?? []), header];
  for (const r of spec.rows ?? [validRow()]) rows.push(header.map((h) => (h in r ? r[h] : null)));
  const sheets: SheetGrid[] = [];
  const identitas = spec.identitas === undefined ? VALID_IDENTITAS : spec.identitas;
  if (identitas) sheets.push({ name: 'Identitas', rows: identitas.map(([l, v]) => [l, v]) });
  sheets.push({ name: spec.sheetName ?? 'Inovasi', rows });
  sheets.push(...(spec.extraSheets ?? []));
  return { sheets };
}

export const TODAY = '2026-11-28';

export function validate(
  spec: WorkbookSpec = {},
  reference: Reference = defaultReference(),
  today = TODAY,
): FileValidation {
  return validateWorkbook(buildGrid(spec), 'uji.xlsx', { reference, today });
}

/** `RULE@CELL` of every finding, for compact exact assertions. */
export function found(v: FileValidation): string[] {
  return v.findings.map((f) => `${f.rule}@${f.cell ?? 'null'}`);
}

/** Column letter of a label in the default header. */
export function colOf(label: string, header: string[] = LABELS): string {
  const i = header.indexOf(label);
  if (i < 0) throw new Error(`no column ${label}`);
  let n = i + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
