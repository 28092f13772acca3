/** `consolidate` end to end: real .xlsx inputs written by exceljs, the summary workbook read back with exceljs. */
import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { run, Io } from '../../src/cli/main';
import { LABELS, VALID_IDENTITAS, inisiatifRow, validRow } from '../helpers/workbook';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const handle: Io = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    progress: false,
    today: () => '2026-11-28',
  };
  return { handle, out: () => out.join(''), err: () => err.join('') };
}

async function writeSubmission(
  file: string,
  identity: Record<string, unknown>,
  rows: Record<string, unknown>[],
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const id = wb.addWorksheet('Identitas');
  for (const [l, v] of VALID_IDENTITAS) id.addRow([l, (l in identity ? identity[l] : v) as never]);
  const sheet = wb.addWorksheet('Inovasi');
  sheet.addRow(LABELS);
  for (const r of rows) sheet.addRow(LABELS.map((l) => (r[l] ?? null) as never));
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
}

const root = mkdtempSync(path.join(tmpdir(), 'inovasi-konsolidasi-'));
const dir = path.join(root, 'masuk');
const outDir = path.join(root, 'keluar');
const SHARED = 'Aplikasi Antrean Online Terpadu';

beforeAll(async () => {
  mkdirSync(dir);
  await writeSubmission(path.join(dir, 'dinkes.xlsx'), {}, [
    validRow({ 'Tanggal Penerapan': new Date(Date.UTC(2025, 0, 15)) as never }),
    inisiatifRow({ 'Nama Inovasi': SHARED }),
  ]);
  await writeSubmission(path.join(dir, 'dinkes-lama.xlsx'), { 'Tanggal Pengisian': '2026-09-01' }, [
    validRow(),
  ]);
  await writeSubmission(path.join(dir, 'dinsos.xlsx'), { 'Perangkat Daerah': 'Dinas Sosial' }, [
    inisiatifRow({ 'Nama Inovasi': SHARED, 'Urusan Pemerintahan': '1.06', 'Kode Program RPJMD': '1.06.02' }),
  ]);
  writeFileSync(path.join(dir, 'rusak.xlsx'), 'Nama Inovasi;Tahapan\nA;B\n');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every sheet as name → rows of cell values (dates as ISO text, so runs compare by value). */
function contents(wb: ExcelJS.Workbook): Record<string, unknown[][]> {
  const out: Record<string, unknown[][]> = {};
  wb.eachSheet((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row) => {
      const values = (row.values as unknown[]).slice(1);
      rows.push(values.map((v) => (v instanceof Date ? v.toISOString() : v)));
    });
    out[ws.name] = rows;
  });
  return out;
}

const column = (ws: ExcelJS.Worksheet, label: string): number => {
  const values = ws.getRow(1).values as unknown[];
  const i = values.indexOf(label);
  if (i < 1) throw new Error(`no column ${label} in ${ws.name}`);
  return i;
};

function rowWhere(ws: ExcelJS.Worksheet, label: string, value: unknown): ExcelJS.Row {
  const c = column(ws, label);
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(c).value === value) return ws.getRow(r);
  throw new Error(`no row with ${label} = ${String(value)} in ${ws.name}`);
}

describe('consolidate', () => {
  const out = path.join(outDir, 'ringkasan.xlsx');
  const json = path.join(outDir, 'laporan.json');
  let stdout = '';
  let code = -1;

  beforeAll(async () => {
    const t = io();
    code = await run(['consolidate', dir, '--out', out, '--json', json], t.handle);
    stdout = t.out();
  });

  test('exit 1: a superseded file (KON-02) and an unreadable one (KON-03) are open errors', () => {
    expect(code).toBe(1);
  });

  test('writes the seven sheets in spec order, each with a bold frozen header and a filter', async () => {
    const wb = await readBack(out);
    // Kesiapan IID after Daftar Inovasi: the sample reference has `iid` (docs/spec/iid.md).
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Ringkasan',
      'Tindak Lanjut',
      'Rekap OPD',
      'Daftar Inovasi',
      'Kesiapan IID',
      'Program RPJMD',
      'Urusan',
      'Katalog Replikasi',
      'Temuan',
      'Info Konsolidasi',
    ]);
    for (const ws of wb.worksheets) {
      expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBeTruthy();
      expect(ws.getColumn(1).width).toBeGreaterThan(0);
    }
    const rekap = wb.getWorksheet('Rekap OPD')!;
    expect(rekap.getRow(1).values).toEqual([
      undefined,
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
      'Inovasi Siap IID',
      'Rata-rata Kematangan',
      'Galat',
      'Peringatan',
      'Temuan Diterima',
      'Tingkat Persetujuan',
    ]);
  });

  test('numbers are numbers, dates are dates, statuses are coloured, the total row is bold', async () => {
    const wb = await readBack(out);
    const rekap = wb.getWorksheet('Rekap OPD')!;
    const dinkes = rowWhere(rekap, 'Kode OPD', 'DINKES');
    expect(dinkes.getCell(column(rekap, 'Jumlah Inovasi')).value).toBe(2);
    expect(dinkes.getCell(column(rekap, 'Tahun')).value).toBe(2026);
    expect(dinkes.getCell(column(rekap, 'Berkas')).value).toBe('dinkes.xlsx');
    expect(dinkes.getCell(column(rekap, 'Status')).value).toBe('Siap');
    expect(dinkes.getCell(column(rekap, 'Status')).fill).toMatchObject({
      type: 'pattern',
      fgColor: { argb: 'FFC6EFCE' },
    });
    const silent = rowWhere(rekap, 'Kode OPD', 'SETDA');
    expect(silent.getCell(column(rekap, 'Status')).value).toBe('Belum Mengirim');
    expect(silent.getCell(column(rekap, 'Jumlah Inovasi')).value).toBeNull();
    const total = rowWhere(rekap, 'Perangkat Daerah', 'Total Kota');
    expect(total.getCell(column(rekap, 'Jumlah Inovasi')).value).toBe(3);
    expect(total.getCell(column(rekap, 'Jumlah Inovasi')).font?.bold).toBe(true);

    const daftar = wb.getWorksheet('Daftar Inovasi')!;
    const posyandu = rowWhere(daftar, 'Nama Inovasi', 'Posyandu Digital Bitung Sehat');
    expect(posyandu.getCell(column(daftar, 'Tanggal Penerapan')).value).toEqual(
      new Date(Date.UTC(2025, 0, 15)),
    );
    expect(posyandu.getCell(column(daftar, 'Tanggal Uji Coba')).value).toEqual(
      new Date(Date.UTC(2024, 2, 1)),
    );
    expect(posyandu.getCell(column(daftar, 'Anggaran (Rp)')).value).toBe(150000000);
    expect(posyandu.getCell(column(daftar, 'Baris')).value).toBe(2);

    const info = wb.getWorksheet('Info Konsolidasi')!;
    expect(info.getRow(2).values).toEqual([undefined, 'Waktu Konsolidasi', new Date(Date.UTC(2026, 10, 28))]);
    const dinkesFile = rowWhere(info, 'Keterangan', 'dinkes.xlsx');
    expect(typeof dinkesFile.getCell(2).value).toBe('number');
    expect(dinkesFile.getCell(3).value).toMatch(/^[0-9a-f]{64}$/);
  });

  test('an unreadable file becomes a Tidak Terbaca row with its KON-03; the rest is consolidated', async () => {
    const wb = await readBack(out);
    const rekap = wb.getWorksheet('Rekap OPD')!;
    const rusak = rowWhere(rekap, 'Berkas', 'rusak.xlsx');
    expect(rusak.getCell(column(rekap, 'Status')).value).toBe('Tidak Terbaca');
    expect(rusak.getCell(column(rekap, 'Galat')).value).toBe(1);
    expect(rusak.getCell(column(rekap, 'Status')).fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    expect(rowWhere(rekap, 'Berkas', 'dinkes-lama.xlsx').getCell(column(rekap, 'Status')).value).toBe(
      'Diganti',
    );
    const temuan = wb.getWorksheet('Temuan')!;
    expect(rowWhere(temuan, 'Berkas', 'rusak.xlsx').getCell(column(temuan, 'Aturan')).value).toBe('KON-03');
    const kon01 = rowWhere(temuan, 'Aturan', 'KON-01');
    expect(kon01.getCell(column(temuan, 'Pesan')).value).toBe(
      `Inovasi «${SHARED}» juga diajukan oleh Dinas Sosial; tandai sebagai replikasi atau bedakan namanya.`,
    );
  });

  test('the JSON report counts every file; the per-OPD table goes to standard output', () => {
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.files.map((f: { file: string }) => f.file)).toEqual([
      'dinkes-lama.xlsx',
      'dinkes.xlsx',
      'dinsos.xlsx',
      'rusak.xlsx',
    ]);
    // KON-02 is info (docs/spec/consolidation.md revised): the only error is rusak.xlsx's KON-03.
    expect(report.stats).toMatchObject({ files: 4, rows: 4, errors: 1, infos: 1 });
    expect(report.files.map((f: { konsolidasi: string }) => f.konsolidasi)).toEqual([
      'diganti',
      'dihitung',
      'dihitung',
      'tidakTerbaca',
    ]);
    expect(report.files[0].digantiOleh).toBe('dinkes.xlsx');
    expect([report.tahunKonsolidasi, report.tahunDipilihDari]).toEqual([2026, 'mayoritas']);
    expect(report.valid).toBe(false);
    expect(report.files[0].findings.map((f: { rule: string }) => f.rule)).toEqual(['KON-02', 'KON-04']);
    // Replication (docs/spec/replication.md): the counted running public-service innovation is the catalogue; nobody replicated.
    expect(report.replikasi).toEqual({
      katalog: [
        {
          file: 'dinkes.xlsx',
          baris: 2,
          nama: 'Posyandu Digital Bitung Sehat',
          opd: 'DINKES',
          direplikasiOleh: [],
        },
      ],
      replikasi: [],
    });
    expect(stdout).toMatch(/^Perangkat Daerah +Berkas +Status +Jumlah Inovasi +Galat +Peringatan +Tingkat$/m);
    for (const line of stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(120);
    expect(stdout).toMatch(/^Dinas Kesehatan +dinkes.xlsx +Siap +2 +0 +2 +Belum Distempel$/m);
    expect(stdout).toMatch(/^Total Kota +2 dari 37 OPD +3 +0 +4$/m);
    expect(stdout).toContain(`Ringkasan kota ditulis ke ${out}`);
  });

  test('consolidating twice gives the same workbook; inputs are untouched', async () => {
    const before = readFileSync(path.join(dir, 'dinkes.xlsx'));
    const again = path.join(outDir, 'ringkasan-2.xlsx');
    expect(await run(['consolidate', dir, '--out', again, '--quiet'], io().handle)).toBe(1);
    expect(contents(await readBack(again))).toEqual(contents(await readBack(out)));
    expect(readFileSync(again).equals(readFileSync(out))).toBe(true);
    expect(readFileSync(path.join(dir, 'dinkes.xlsx')).equals(before)).toBe(true);
  });

  test('a summary is never written into an input folder, where the next run would read it as a submission (issue 18)', async () => {
    const inside = path.join(dir, 'ringkasan.xlsx');
    const t = io();
    expect(
      await run(['consolidate', dir, '--out', inside, '--json', path.join(outDir, 'kedua.json')], t.handle),
    ).toBe(2);
    expect(t.err()).toContain(`--out ${inside} ada di dalam folder masukan ${dir}`);
    expect(existsSync(inside)).toBe(false);
    expect(existsSync(path.join(outDir, 'kedua.json'))).toBe(false);
  });
});

describe('consolidate: usage errors exit 2', () => {
  test.each([
    [['consolidate', 'DIR']],
    [['consolidate', 'DIR', '--out', 'ringkasan.csv']],
    [['consolidate', '--out', 'OUT']],
    [['consolidate', 'DIR', '--out', 'DIR/dinkes.xlsx']],
  ])('%j', async (argv) => {
    const t = io();
    const resolved = argv.map((a) => a.replace('DIR', dir).replace('OUT', path.join(outDir, 'x.xlsx')));
    expect(await run(resolved, t.handle)).toBe(2);
    expect(t.err()).toMatch(/--out|memerlukan/);
  });
  test('naming an input as --out', async () => {
    const t = io();
    const file = path.join(dir, 'dinkes.xlsx');
    expect(await run(['consolidate', file, '--out', file], t.handle)).toBe(2);
    expect(t.err()).toContain('salah satu berkas masukan');
  });
});

describe('consolidate and validate with a schedule (docs/spec/signoff.md)', () => {
  const out = path.join(outDir, 'jadwal.xlsx');
  const referensi = path.join(root, 'referensi-2026.json');
  let stdout = '';

  beforeAll(async () => {
    const json = JSON.parse(
      readFileSync(
        path.join(__dirname, '..', '..', 'src', 'engine', 'reference', 'data', 'bitung-contoh.json'),
        'utf8',
      ),
    );
    json.jadwal = { tahun: 2026, batas: { kepalaOpd: '2026-03-31', verifikator: '2026-12-15' } };
    writeFileSync(referensi, JSON.stringify(json));
    const t = io();
    await run(['consolidate', dir, '--out', out, '--referensi', referensi], t.handle);
    stdout = t.out();
  });

  test('Rekap OPD: Tingkat Persetujuan, one Tepat Waktu <label> per level with a deadline, late words in red, the tally below', async () => {
    const wb = await readBack(out);
    const rekap = wb.getWorksheet('Rekap OPD')!;
    const header = (rekap.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(-3)).toEqual([
      'Tingkat Persetujuan',
      'Tepat Waktu Disetujui Kepala OPD',
      'Tepat Waktu Diverifikasi',
    ]);
    const silent = rowWhere(rekap, 'Kode OPD', 'SETDA');
    expect(silent.getCell(column(rekap, 'Tepat Waktu Disetujui Kepala OPD')).value).toBe('Lewat 242 hari');
    expect(silent.getCell(column(rekap, 'Tepat Waktu Disetujui Kepala OPD')).fill).toMatchObject({
      type: 'pattern',
    });
    expect(silent.getCell(column(rekap, 'Tepat Waktu Diverifikasi')).value).toBe('Belum jatuh tempo');
    const dinkes = rowWhere(rekap, 'Kode OPD', 'DINKES');
    expect(dinkes.getCell(column(rekap, 'Tingkat Persetujuan')).value).toBe('Belum Distempel');
    const total = rowWhere(rekap, 'Perangkat Daerah', 'Total Kota');
    // The schedule in words over every OPD, never a bare number under a "Tepat Waktu" header.
    expect(total.getCell(column(rekap, 'Tepat Waktu Disetujui Kepala OPD')).value).toMatch(
      /^\d+ tepat waktu · \d+ terlambat · \d+ lewat · \d+ belum jatuh tempo$/,
    );
    // The tally table, below a blank row, under Perangkat Daerah (column C).
    const tally = total.number + 2;
    expect((rekap.getRow(tally).values as unknown[]).slice(3)).toEqual([
      'Tingkat Persetujuan',
      'Jumlah OPD',
      'Batas',
      'Tepat Waktu',
      'Terlambat',
      'Lewat',
      'Belum Jatuh Tempo',
    ]);
    expect(rekap.getRow(tally).getCell(1).value).toBeNull();
    expect(rekap.getRow(tally + 2).getCell(3).value).toBe('Disetujui Kepala OPD');
    expect(rekap.getRow(tally + 2).getCell(5).value).toBeInstanceOf(Date);
    // Headings wrap within 120 columns: `Tingkat` over `Persetujuan`, `Tepat Waktu` over the level.
    expect(stdout).toMatch(/Tingkat +Tepat Waktu +Tepat Waktu$/m);
    expect(stdout).toMatch(/Persetujuan +Disetujui +Diverifikasi$/m);
    for (const line of stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(120);
    // A row's long words wrap under it: `Belum` over `Mengirim`, `Lewat 242` over `hari`.
    expect(stdout).toMatch(/^Sekretariat Daerah +Belum +Lewat 242 +Belum jatuh\n +Mengirim +hari +tempo$/m);
  });

  test('validate --format text: the reached level and the lateness per file', async () => {
    const t = io();
    await run(['validate', path.join(dir, 'dinsos.xlsx'), '--referensi', referensi], t.handle);
    // The file line wraps at 120 columns; read it whole.
    expect(
      t
        .out()
        .replace(/\n {6}/g, ' ')
        .split('\n')[0],
    ).toMatch(/— persetujuan: Belum Distempel — Disetujui Kepala OPD: Lewat 242 hari$/);
    const j = io();
    await run(
      ['validate', path.join(dir, 'dinsos.xlsx'), '--referensi', referensi, '--format', 'json'],
      j.handle,
    );
    const report = JSON.parse(j.out());
    expect(report.files[0].persetujuan.jadwal).toEqual([
      { tingkat: 'kepalaOpd', batas: '2026-03-31', keadaan: 'lewat', hari: 242 },
      { tingkat: 'verifikator', batas: '2026-12-15', keadaan: 'belumJatuhTempo', hari: 0 },
    ]);
    expect(
      report.files[0].findings
        .filter((f: { rule: string }) => f.rule === 'KON-06')
        .map((f: { value: string }) => f.value),
    ).toEqual(['kepalaOpd']);
  });

  test('without --today the validation date is today in the region (the injected clock receives the zone)', async () => {
    const zones: (string | undefined)[] = [];
    const t = io();
    t.handle.today = (zone?: string) => {
      zones.push(zone);
      return '2026-11-28';
    };
    await run(['validate', path.join(dir, 'dinsos.xlsx'), '--referensi', referensi], t.handle);
    expect(zones).toEqual(['Asia/Makassar']);
  });
});
