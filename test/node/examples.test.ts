/**
 * The example generator (scripts/generate-examples.js) is deterministic, and its workbooks produce
 * exactly the findings its README promises. The script runs on the compiled `lib/` (built by
 * `npm run build:cli`); when lib/ is missing it is built here first.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { CellValue, SheetGrid, WorkbookGrid, dateCell, errorCell } from '../../src/engine/grid';
import { defaultReference, parseReferenceJson } from '../../src/engine/reference/load';
import { validateWorkbook } from '../../src/engine/validate';
import { writeTemplate } from '../../src/node/template';

const ROOT = resolve(__dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'generate-examples.js');

interface Written {
  file: string;
  tahun: number;
  opd: string;
  expected: { rule: string; cell: string }[];
}

function ensureBuilt(): void {
  const needed = ['lib/node/template.js', 'lib/node/xlsxWriter.js', 'lib/engine/reference/load.js'];
  if (needed.every((f) => existsSync(join(ROOT, f)))) return;
  try {
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.cli.json'],
      {
        cwd: ROOT,
        stdio: 'ignore',
      },
    );
  } catch {
    // Type errors elsewhere do not stop tsc from emitting; the check below decides.
  }
  for (const f of needed)
    if (!existsSync(join(ROOT, f))) throw new Error(`${f} missing: run npm run build:cli`);
}

const EPOCH = Date.UTC(1899, 11, 30);

/** An exceljs cell value as the engine's grid sees it. */
function toCell(cell: ExcelJS.Cell): CellValue {
  if (cell.isMerged && cell.master.address !== cell.address) return null;
  const convert = (v: unknown): CellValue => {
    if (v === null || v === undefined) return null;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
    if (v instanceof Date) return dateCell((v.getTime() - EPOCH) / 86_400_000);
    const o = v as Record<string, unknown>;
    if ('error' in o) return errorCell(String(o.error));
    if ('richText' in o) return (o.richText as { text: string }[]).map((t) => t.text).join('');
    if ('result' in o) return convert(o.result);
    if ('text' in o) return String(o.text);
    return null;
  };
  return convert(cell.value);
}

async function readGrid(path: string): Promise<WorkbookGrid> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const sheets: SheetGrid[] = wb.worksheets.map((ws) => {
    const rows: CellValue[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        cells[c - 1] = toCell(cell);
      });
      rows[r - 1] = Array.from(cells, (v) => (v === undefined ? null : v));
    });
    return {
      name: ws.name,
      rows: Array.from(rows, (r) => r ?? []),
      visibility: ws.state === 'visible' ? 'visible' : ws.state,
    };
  });
  return { sheets };
}

let dirA: string;
let dirB: string;
let written: Written[];

beforeAll(() => {
  ensureBuilt();
  dirA = mkdtempSync(join(tmpdir(), 'examples-a-'));
  dirB = mkdtempSync(join(tmpdir(), 'examples-b-'));
  execFileSync(process.execPath, [SCRIPT, dirA], { cwd: ROOT, stdio: 'ignore' });
  execFileSync(process.execPath, [SCRIPT, dirB], { cwd: ROOT, stdio: 'ignore' });
  // The planted mistakes, from a third (in-process) run of the same code.
  const dirC = mkdtempSync(join(tmpdir(), 'examples-c-'));
  const script = createRequire(__filename)(SCRIPT) as { generate(dir: string): Promise<Written[]> };
  return script.generate(dirC).then((w) => {
    written = w;
    rmSync(dirC, { recursive: true, force: true });
  });
}, 60_000);

afterAll(() => {
  for (const d of [dirA, dirB]) if (d) rmSync(d, { recursive: true, force: true });
});

describe('generate-examples', () => {
  it('writes about a dozen workbooks and a README', () => {
    const files = readdirSync(dirA).sort();
    expect(files).toContain('README.md');
    const xlsx = files.filter((f) => f.endsWith('.xlsx'));
    expect(xlsx.length).toBeGreaterThanOrEqual(10);
    expect(xlsx.sort()).toEqual(written.map((w) => w.file).sort());
    for (const f of xlsx) expect(readFileSync(join(dirA, f)).length).toBeLessThan(60_000);
  });

  it('is deterministic: two runs give byte-identical files', () => {
    const files = readdirSync(dirA).sort();
    expect(readdirSync(dirB).sort()).toEqual(files);
    for (const f of files) {
      expect({ f, same: readFileSync(join(dirA, f)).equals(readFileSync(join(dirB, f))) }).toEqual({
        f,
        same: true,
      });
    }
  });

  it('produces exactly the planted findings, and no others', async () => {
    const reference = defaultReference();
    const plantedFiles = written.filter((w) => w.expected.length > 0);
    expect(plantedFiles.length).toBeGreaterThanOrEqual(4);
    for (const w of written) {
      const grid = await readGrid(join(dirA, w.file));
      const result = validateWorkbook(grid, w.file, { reference, today: '2026-11-28' });
      const actual = result.findings.map((f) => `${f.rule}@${f.cell}`).sort();
      const expected = w.expected.map((e) => `${e.rule}@${e.cell}`).sort();
      expect({ file: w.file, findings: actual }).toEqual({ file: w.file, findings: expected });
      expect(result.opd?.kode).toBe(w.opd);
      expect(result.tahun).toBe(w.tahun);
    }
  });
});

describe('the sign-off chains of the examples, as npm run demo sees them (referensi-2026.json, 2026-11-28)', () => {
  // What each workbook's `stempel` data means (scripts/examples-data/README.md), written out by hand.
  const CHAINS: Record<
    string,
    {
      tingkat: string | null;
      versi: 1 | 2 | null;
      dikembalikan?: boolean;
      berubah?: boolean;
      jadwal: string[];
    }
  > = {
    'dlh-2026.xlsx': {
      tingkat: 'verifikator',
      versi: 2,
      jadwal: ['tepatWaktu 0', 'tepatWaktu 0', 'tepatWaktu 0'],
    },
    'bappelitbang-2026.xlsx': {
      tingkat: 'kepalaOpd',
      versi: 2,
      jadwal: ['tepatWaktu 0', 'tepatWaktu 0', 'belumJatuhTempo 0'],
    },
    'dishub-2026.xlsx': {
      tingkat: 'kepalaOpd',
      versi: 2,
      jadwal: ['tepatWaktu 0', 'terlambat 4', 'belumJatuhTempo 0'],
    },
    'kec-madidir-2026.xlsx': {
      tingkat: 'kepalaOpd',
      versi: 2,
      dikembalikan: true,
      jadwal: ['tepatWaktu 0', 'tepatWaktu 0', 'belumJatuhTempo 0'],
    },
    'bpkpd-2026.xlsx': {
      tingkat: null,
      versi: 2,
      berubah: true,
      jadwal: ['lewat 28', 'lewat 8', 'belumJatuhTempo 0'],
    },
    'diskan-2025.xlsx': { tingkat: 'penyusun', versi: 1, jadwal: [] },
  };
  const UNSTAMPED = { tingkat: null, versi: null, jadwal: ['lewat 28', 'lewat 8', 'belumJatuhTempo 0'] };

  it('reach, return, break and lateness as the data declares; _stempel is very hidden', async () => {
    const parsed = parseReferenceJson(
      JSON.parse(readFileSync(join(ROOT, 'examples', 'referensi-2026.json'), 'utf8')),
    );
    if (!parsed.ok) throw new Error('examples/referensi-2026.json does not load');
    for (const w of written) {
      const grid = await readGrid(join(dirA, w.file));
      const p = validateWorkbook(grid, w.file, {
        reference: parsed.reference,
        today: '2026-11-28',
      }).persetujuan;
      const want = CHAINS[w.file] ?? UNSTAMPED;
      expect({
        file: w.file,
        tingkat: p.tingkat,
        versi: p.versi,
        dikembalikan: p.dikembalikan,
        berubah: p.berubah,
        jadwal: p.jadwal.map((j) => `${j.keadaan} ${j.hari}`),
      }).toEqual({
        file: w.file,
        dikembalikan: false,
        berubah: false,
        ...want,
      });
      const stempel = grid.sheets.find((s) => s.name === '_stempel');
      expect({ file: w.file, visibility: stempel?.visibility ?? null }).toEqual({
        file: w.file,
        visibility: want.versi === null ? null : 'veryHidden',
      });
    }
  });
});

describe('a blank template, as the validator reads it', () => {
  it('matches the header, ignores _daftar, and only lacks the person in charge and the rows', async () => {
    // Kept here because this file has the exceljs → grid reader.
    const reference = defaultReference();
    const dir = mkdtempSync(join(tmpdir(), 'template-grid-'));
    try {
      const file = join(dir, 'blank.xlsx');
      const opd = reference.opd.find((o) => o.kode === 'DUKCAPIL')!;
      await writeTemplate(reference, { opd, tahun: 2026, date: new Date(Date.UTC(2026, 0, 5)) }, file);
      const grid = await readGrid(file);
      expect(grid.sheets.find((s) => s.name === '_daftar')?.visibility).toBe('hidden');
      const result = validateWorkbook(grid, 'blank.xlsx', { reference, today: '2026-11-28' });
      expect(result.submission?.table?.sheet).toBe('Inovasi');
      expect(result.submission?.table?.headerRow).toBe(1);
      expect(result.opd?.kode).toBe('DUKCAPIL');
      expect(result.findings.map((f) => `${f.rule}@${f.cell}`).sort()).toEqual(['STR-05@B3', 'STR-08@null']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('IID readiness in the examples (docs/spec/iid.md)', () => {
  it('the demo reference carries the 2026 example indicator set unchanged', () => {
    const demo = JSON.parse(readFileSync(join(ROOT, 'examples', 'referensi-2026.json'), 'utf8'));
    const example = JSON.parse(
      readFileSync(join(ROOT, 'src', 'engine', 'reference', 'data', 'iid-2026.json'), 'utf8'),
    );
    expect(demo.iid).toEqual(example.iid);
  });

  it('dinkes-2026.xlsx has honest gaps: one innovation ready, the others not, an innovation without evidence', async () => {
    const grid = await readGrid(join(dirA, 'dinkes-2026.xlsx'));
    const v = validateWorkbook(grid, 'dinkes-2026.xlsx', {
      reference: defaultReference(),
      today: '2026-11-28',
    });
    const byName = new Map(v.iid!.inovasi.map((i) => [i.nama, i]));
    expect(byName.get('Posyandu Digital Bitung Sehat')).toMatchObject({ siap: true, kurang: ['replikasi'] });
    expect(v.iid!.inovasi.filter((i) => i.siap)).toHaveLength(1);
    expect(byName.get('Kelas Kader Kesehatan Berbasis Jemaat')).toMatchObject({
      skorTerbukti: 0,
      siap: false,
    });
    expect(
      byName
        .get('Si-CEPAT TB: Sistem Cepat Pelacakan Tuberkulosis')!
        .indikator.find((i) => i.kode === 'kemanfaatan')!.bukti,
    ).toEqual({ sesuai: 0, perbaikan: 1, tidakSesuai: 0, belum: 0 });
  });
});
