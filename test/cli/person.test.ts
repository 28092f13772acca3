/**
 * The command line for a person at a terminal (docs/spec/report-and-cli.md, revised 2026-12-07): input that
 * names no workbook is a usage error, a closed pipe ends quietly, and every finding line names its
 * sheet and its innovation, one line per rule and row, within 120 columns.
 */
import ExcelJS from 'exceljs';
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Io, quietOnClose, run } from '../../src/cli/main';
import { LABELS, VALID_IDENTITAS, validRow } from '../helpers/workbook';

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

const dir = mkdtempSync(path.join(tmpdir(), 'inovasi-person-'));
const empty = path.join(dir, 'kosong');
const pdfs = path.join(dir, 'pdf');
const files = path.join(dir, 'berkas');
const APOTEK = 'Apotek Keliling Pulau Lembeh';

beforeAll(async () => {
  mkdirSync(empty);
  mkdirSync(pdfs);
  writeFileSync(path.join(pdfs, 'surat.pdf'), '%PDF-1.4\n');
  mkdirSync(files);
  const wb = new ExcelJS.Workbook();
  const id = wb.addWorksheet('Identitas');
  for (const [l, v] of VALID_IDENTITAS) id.addRow([l, l === 'Tahun Pelaporan' ? 2031 : (v as never)]);
  const sheet = wb.addWorksheet('Inovasi');
  sheet.addRow(LABELS);
  // Row 2: Uji Coba public-service innovation without any standard component (six SOP-04 on one row).
  const row = validRow({
    'Nama Inovasi': APOTEK,
    'Tahapan Inovasi': 'Uji Coba',
    'Tanggal Penerapan': null,
    'SP Persyaratan': null,
    'SP Prosedur': null,
    'SP Jangka Waktu (hari)': null,
    'SP Biaya/Tarif (Rp)': null,
    'SP Produk Layanan': null,
    'SP Penanganan Pengaduan': null,
  });
  sheet.addRow(LABELS.map((l) => (row[l] ?? null) as never));
  writeFileSync(path.join(files, 'dinkes-2026.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
});

describe('input that names no workbook', () => {
  test.each([
    ['validate', []],
    ['audit', ['--out', path.join(dir, 'audit.csv')]],
    ['consolidate', ['--out', path.join(dir, 'rekap.xlsx')]],
  ])(
    '%s of an empty folder and a folder of PDFs: exit 2, naming them, nothing written',
    async (command, extra) => {
      const t = io();
      expect(await run([command, empty, pdfs, ...extra], t.handle)).toBe(2);
      expect(t.err()).toBe(`Tidak ada berkas .xlsx di ${empty}, ${pdfs}\n`);
      expect(t.out()).toBe('');
      expect(existsSync(path.join(dir, 'audit.csv')) || existsSync(path.join(dir, 'rekap.xlsx'))).toBe(false);
      const en = io();
      expect(await run([command, empty, ...extra, '--lang', 'en'], en.handle)).toBe(2);
      expect(en.err()).toBe(`No .xlsx file in ${empty}\n`);
    },
  );
});

describe('the text output', () => {
  test('names the sheet and the innovation, groups one rule on one row, fits 120 columns', async () => {
    const t = io();
    expect(await run(['validate', files], t.handle)).toBe(1);
    const lines = t.out().split('\n');
    const at = lines.findIndex((l) => l.includes('SOP-04'));
    expect(lines.slice(at, at + 2)).toEqual([
      `  Inovasi baris 2 «${APOTEK}» SOP-04 galat: 6 komponen standar pelayanan kosong: SP Persyaratan, SP`,
      '      Prosedur, SP Jangka Waktu (hari), SP Biaya/Tarif (Rp), SP Produk Layanan, SP Penanganan Pengaduan.',
    ]);
    expect(lines.filter((l) => l.includes('SOP-04'))).toHaveLength(1);
    expect(lines).toContain(
      `  Inovasi!J2 «${APOTEK}» FMT-01 galat: Isian «Target Tahun Penerapan» wajib diisi.`,
    );
    expect(lines).toContain(
      '  Identitas!B2 RPJ-05 galat: Tahun pelaporan 2031 di luar periode RPJMD 2025–2029.',
    );
    expect(lines.every((l) => [...l].length <= 120)).toBe(true);
  });

  test('the JSON keeps one finding per cell, each with its innovation; none on Identitas', async () => {
    const t = io();
    await run(['validate', files, '--format', 'json'], t.handle);
    const findings: { rule: string; sheet: string; inovasi?: string }[] = JSON.parse(t.out()).files[0]
      .findings;
    expect(findings.filter((f) => f.rule === 'SOP-04').map((f) => f.inovasi)).toEqual(
      new Array(6).fill(APOTEK),
    );
    expect(findings.filter((f) => f.sheet === 'Identitas').every((f) => !('inovasi' in f))).toBe(true);
  });
});

describe('consolidate --tahun', () => {
  test('chooses the consolidation year, says so on standard error and in the JSON; a bad year is a usage error', async () => {
    const json = path.join(dir, 'tahun.json');
    const t = io();
    expect(
      await run(
        ['consolidate', files, '--out', path.join(dir, 'tahun.xlsx'), '--json', json, '--tahun', '2030'],
        t.handle,
      ),
    ).toBe(1);
    expect(t.err()).toContain('Tahun konsolidasi 2030, dipilih pengguna.');
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect([report.tahunKonsolidasi, report.tahunDipilihDari, report.files[0].konsolidasi]).toEqual([
      2030,
      'opsi',
      'tahunLain',
    ]);
    const voted = io();
    await run(['consolidate', files, '--out', path.join(dir, 'tahun.xlsx'), '--json', json], voted.handle);
    expect(voted.err()).toContain(
      'Tahun konsolidasi 2031, tahun terbanyak (satu suara per OPD: 2031 × 1 OPD).',
    );
    const en = io();
    await run(['consolidate', files, '--out', path.join(dir, 'tahun.xlsx'), '--lang', 'en'], en.handle);
    expect(en.out()).toMatch(/^ +City total +1 of 37 agencies submitted +1 +/m);
    expect(en.err()).toContain(
      'Consolidation year 2031, the most common year (one vote per agency: 2031 × 1 agencies).',
    );
    const bad = io();
    expect(
      await run(
        ['consolidate', files, '--out', path.join(dir, 'tahun.xlsx'), '--tahun', '26', '--lang', 'en'],
        bad.handle,
      ),
    ).toBe(2);
    expect(bad.err()).toBe('--tahun must be a year 2000–2100, not 26.\n');
  });
});

describe('a reader that stops early', () => {
  test('the writer becomes silent after EPIPE and the run goes on', () => {
    const written: string[] = [];
    const stream = Object.assign(new EventEmitter(), {
      write: (t: string) => written.push(t),
    }) as unknown as NodeJS.WriteStream;
    const write = quietOnClose(stream);
    write('a');
    stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    write('b');
    expect(written).toEqual(['a']);
    expect(() => stream.emit('error', Object.assign(new Error('disk'), { code: 'EIO' }))).toThrow('disk');
  });
});
