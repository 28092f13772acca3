/** The command line end to end on real .xlsx files written by exceljs (not by our reader's inverse). */
import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { run, Io } from '../../src/cli/main';
import { LABELS, VALID_IDENTITAS, validRow, words } from '../helpers/workbook';

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

async function writeSubmission(file: string, rows: Record<string, unknown>[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const id = wb.addWorksheet('Identitas');
  for (const [l, v] of VALID_IDENTITAS) id.addRow([l, v as never]);
  const sheet = wb.addWorksheet('Inovasi');
  sheet.addRow(['Daftar Inovasi Daerah']);
  sheet.addRow(LABELS);
  for (const r of rows) sheet.addRow(LABELS.map((l) => (r[l] ?? null) as never));
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
}

const dir = mkdtempSync(path.join(tmpdir(), 'inovasi-cli-'));
const good = path.join(dir, 'a-dinkes.xlsx');
const bad = path.join(dir, 'b-dinkes-salah.xlsx');
const csv = path.join(dir, 'c-renamed.xlsx');

beforeAll(async () => {
  await writeSubmission(good, [validRow({ 'Rancang Bangun': words(300) })]);
  await writeSubmission(bad, [
    validRow({ 'Nomor SOP': null, 'Tanggal Penerapan': new Date(Date.UTC(2025, 0, 15)) as never }),
  ]);
  writeFileSync(csv, 'Nama Inovasi;Tahapan\nA;B\n');
});

test('exit 0 for a valid file; the input is not modified', async () => {
  const before = readFileSync(good);
  const mtime = statSync(good).mtimeMs;
  const t = io();
  expect(await run(['validate', good], t.handle)).toBe(0);
  expect(t.out()).toContain('a-dinkes.xlsx — Dinas Kesehatan 2026 — 1 baris — Siap');
  expect(readFileSync(good).equals(before)).toBe(true);
  expect(statSync(good).mtimeMs).toBe(mtime);
});

test('exit 1 with an open error, pointing at the worksheet cell (title row counted)', async () => {
  const t = io();
  expect(await run(['validate', bad, '--format', 'json'], t.handle)).toBe(1);
  const report = JSON.parse(t.out());
  expect(report.files[0].findings.map((f: { rule: string; cell: string }) => `${f.rule}@${f.cell}`)).toEqual([
    'SOP-03@N3',
  ]);
  expect(report.validatedAt).toBe('2026-11-28');
});

test('a folder is validated file by file in name order; an unreadable file is KON-03 and exit 1', async () => {
  const t = io();
  expect(await run(['validate', dir, '--format=json', '--lang', 'en'], t.handle)).toBe(1);
  const report = JSON.parse(t.out());
  expect(report.files.map((f: { file: string }) => f.file)).toEqual([
    'a-dinkes.xlsx',
    'b-dinkes-salah.xlsx',
    'c-renamed.xlsx',
  ]);
  const kon = report.files[2].findings;
  expect(kon).toHaveLength(1);
  expect(kon[0]).toMatchObject({ rule: 'KON-03', cell: null, severity: 'error' });
  expect(kon[0].message).toMatch(/cannot be read: .*not an .*xlsx/i);
  expect(report.lang).toBe('en');
});

test('--today moves the validation date for LOG-02', async () => {
  const t = io();
  expect(await run(['validate', good, '--today', '2024-12-31', '--format', 'json'], t.handle)).toBe(1);
  expect(JSON.parse(t.out()).files[0].findings.map((f: { rule: string }) => f.rule)).toEqual(['LOG-02']);
});

test('--out writes the report to a file', async () => {
  const out = path.join(dir, 'laporan', 'r.json');
  const t = io();
  expect(await run(['validate', good, '--format', 'json', '--out', out], t.handle)).toBe(0);
  expect(JSON.parse(readFileSync(out, 'utf8')).stats.files).toBe(1);
  expect(t.out()).toBe('');
});

describe('exit 2', () => {
  test.each([
    [['validate']],
    [['validate', good, '--format', 'xml']],
    [['validate', good, '--today', '28-11-2026']],
    [['validate', good, '--lang', 'fr']],
    [['validate', good, '--bogus']],
    [['frobnicate']],
    [['template', '--out', path.join(dir, 't.xlsx')]],
    [['template', '--opd', 'Dinas Antah Berantah', '--out', path.join(dir, 't.xlsx')]],
  ])('%j', async (argv) => {
    const t = io();
    expect(await run(argv as string[], t.handle)).toBe(2);
    expect(t.err()).not.toMatch(/\bat .*\.(ts|js):\d+/); // no stack trace
  });

  test('a reference that fails its checks', async () => {
    const broken = JSON.parse(
      readFileSync(path.join(__dirname, '../../src/engine/reference/data/bitung-contoh.json'), 'utf8'),
    );
    broken.rpjmd.program[0].sasaran = ['S9.9.9'];
    const file = path.join(dir, 'rusak.json');
    writeFileSync(file, JSON.stringify(broken));
    const t = io();
    expect(await run(['validate', good, '--referensi', file], t.handle)).toBe(2);
    expect(t.err()).toMatch(/S9\.9\.9/);
    const c = io();
    expect(await run(['reference', 'check', file], c.handle)).toBe(2);
  });
});

test('--help and --version exit 0', async () => {
  const t = io();
  expect(await run(['--version'], t.handle)).toBe(0);
  expect(t.out().trim()).toBe(
    JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8')).version,
  );
  expect(await run(['validate', '--help'], io().handle)).toBe(0);
});

test('reference convert JSON → workbook → JSON keeps the reference id', async () => {
  const xlsx = path.join(dir, 'bitung-contoh.xlsx');
  const json = path.join(dir, 'bitung-contoh.json');
  const src = path.join(__dirname, '../../src/engine/reference/data/bitung-contoh.json');
  const a = io();
  expect(await run(['reference', 'convert', src, xlsx], a.handle)).toBe(0);
  const b = io();
  expect(await run(['reference', 'convert', xlsx, json], b.handle)).toBe(0);
  const id = (s: string) => s.split(' ')[0];
  expect(id(b.out())).toBe(id(a.out()));
  const c = io();
  expect(await run(['reference', 'check', xlsx], c.handle)).toBe(0);
});

test('reference convert keeps the schedule, levels, tingkatWajib and time zone through a reference workbook (Jadwal, Tingkat sheets)', async () => {
  const src = path.join(__dirname, '../../examples/referensi-2026.json');
  const xlsx = path.join(dir, 'bitung-contoh-2026.xlsx');
  const json = path.join(dir, 'bitung-contoh-2026.json');
  const a = io();
  expect(await run(['reference', 'convert', src, xlsx], a.handle)).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Tingkat', 'Jadwal']));
  expect((wb.getWorksheet('Jadwal')!.getRow(1).values as unknown[]).slice(1)).toEqual(['Tingkat', 'Batas']);
  const b = io();
  expect(await run(['reference', 'convert', xlsx, json], b.handle)).toBe(0);
  expect(b.out().split(' ')[0]).toBe(a.out().split(' ')[0]);
  const back = JSON.parse(readFileSync(json, 'utf8'));
  expect([back.jadwal, back.tingkatWajib, back.daerah.zonaWaktu]).toEqual([
    JSON.parse(readFileSync(src, 'utf8')).jadwal,
    'kepalaOpd',
    'Asia/Makassar',
  ]);
  const c = io();
  expect(await run(['reference', 'check', xlsx], c.handle)).toBe(0);
  expect(c.out()).toContain('3 tingkat persetujuan (wajib kepalaOpd), jadwal 2026, zona Asia/Makassar');
});

test('template writes a workbook whose only findings are the empty responsible person and "no data row"', async () => {
  const file = path.join(dir, 'templat.xlsx');
  expect(
    await run(['template', '--opd', 'Dinas Kesehatan', '--tahun', '2026', '--out', file], io().handle),
  ).toBe(0);
  const t = io();
  await run(['validate', file, '--format', 'json'], t.handle);
  const f = JSON.parse(t.out()).files[0];
  expect(f.findings.map((x: { rule: string }) => x.rule)).toEqual(['STR-05', 'STR-08']);
  expect(f.opdCode).toBe('DINKES');
});
