/**
 * Issue 18: nothing of a user's is replaced, no output lands where the next run reads it, and one
 * plan of every path a run writes is checked before anything is written. Each test is an attack
 * that once succeeded (exit 0, a user's workbook replaced, or a feedback file over the summary).
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { run, Io } from '../../src/cli/main';
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

/** A submission workbook, with extra sheets (name → rows) a user or the add-in added. */
async function submission(extra: Record<string, (string | number)[][]> = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const id = wb.addWorksheet('Identitas');
  for (const [l, v] of VALID_IDENTITAS) id.addRow([l, v as never]);
  const sheet = wb.addWorksheet('Inovasi');
  sheet.addRow(LABELS);
  sheet.addRow(LABELS.map((l) => (validRow()[l] ?? null) as never));
  for (const [name, rows] of Object.entries(extra)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const REF_JSON = path.join(__dirname, '../../src/engine/reference/data/bitung-contoh.json');
const root = mkdtempSync(path.join(tmpdir(), 'inovasi-guards-'));
let plain: Buffer;
let n = 0;

/** A fresh folder with `masuk/dinkes.xlsx`. */
function folder(): { dir: string; masuk: string; input: string } {
  const dir = path.join(root, `t${++n}`);
  const masuk = path.join(dir, 'masuk');
  mkdirSync(masuk, { recursive: true });
  const input = path.join(masuk, 'dinkes.xlsx');
  writeFileSync(input, plain);
  return { dir, masuk, input };
}

async function refused(argv: string[], mention: string): Promise<string> {
  const t = io();
  expect(await run(argv, t.handle)).toBe(2);
  expect(t.err()).toContain(mention);
  return t.err();
}

beforeAll(async () => {
  plain = await submission();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('item 3: own output is recognised by its marker and by having no sheet the tool did not write', () => {
  test('consolidate --out refuses a submission holding Rekap OPD and Info Konsolidasi (what the add-in writes into it)', async () => {
    const { dir, masuk } = folder();
    const target = path.join(dir, 'kerja.xlsx');
    const bytes = await submission({
      'Rekap OPD': [['Kode OPD']],
      'Info Konsolidasi': [
        ['Keterangan', 'Nilai'],
        ['Alat', 'inovasi-daerah 1.0.0'],
      ],
    });
    writeFileSync(target, bytes);
    await refused(['consolidate', masuk, '--out', target], 'bukan ringkasan kota');
    expect(readFileSync(target).equals(bytes)).toBe(true);
  });

  test('consolidate --out refuses sheets named like a summary but without the tool as Alat', async () => {
    const { dir, masuk } = folder();
    const target = path.join(dir, 'mirip.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Rekap OPD').addRow(['Kode OPD']);
    wb.addWorksheet('Info Konsolidasi').addRow(['Catatan rapat']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    writeFileSync(target, bytes);
    await refused(['consolidate', masuk, '--out', target], 'bukan ringkasan kota');
    expect(readFileSync(target).equals(bytes)).toBe(true);
  });

  test('a summary the tool wrote is still replaced by the next run', async () => {
    const { dir, masuk } = folder();
    const target = path.join(dir, 'rekap.xlsx');
    expect(await run(['consolidate', masuk, '--out', target, '--quiet'], io().handle)).toBe(0);
    expect(await run(['consolidate', masuk, '--out', target, '--quiet'], io().handle)).toBe(0);
  });

  test('reference convert refuses a submission carrying the reference sheets', async () => {
    const { dir } = folder();
    const target = path.join(dir, 'campur.xlsx');
    const sheets = Object.fromEntries(
      ['Daerah', 'OPD', 'Misi', 'Tujuan', 'Sasaran', 'Program', 'Parameter'].map((s) => [s, [['Kode']]]),
    );
    const bytes = await submission(sheets);
    writeFileSync(target, bytes);
    await refused(['reference', 'convert', REF_JSON, target], 'bukan buku kerja referensi');
    expect(readFileSync(target).equals(bytes)).toBe(true);
  });

  test('template --out refuses a blank template to which someone added a sheet', async () => {
    const { dir } = folder();
    const target = path.join(dir, 'templat.xlsx');
    expect(await run(['template', '--opd', 'Dinas Kesehatan', '--out', target, '--quiet'], io().handle)).toBe(
      0,
    );
    // A blank template is replaced…
    expect(await run(['template', '--opd', 'Dinas Kesehatan', '--out', target, '--quiet'], io().handle)).toBe(
      0,
    );
    // …one with the OPD's own notes sheet is not.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(target);
    wb.addWorksheet('Catatan').addRow(['rapat 3 Maret']);
    await wb.xlsx.writeFile(target);
    const bytes = readFileSync(target);
    await refused(['template', '--opd', 'Dinas Kesehatan', '--out', target], 'bukan templat kosong');
    expect(readFileSync(target).equals(bytes)).toBe(true);
  });
});

describe('item 4: no output is written where the next run reads it as an input', () => {
  test.each([
    ['consolidate --out', (m: string) => ['consolidate', m, '--out', path.join(m, 'rekap.xlsx')]],
    ['audit --out', (m: string) => ['audit', m, '--out', path.join(m, 'audit.xlsx')]],
    ['validate --out', (m: string) => ['validate', m, '--out', path.join(m, 'laporan.xlsm')]],
  ])('%s into the input folder: exit 2, nothing written', async (_, argv) => {
    const { masuk } = folder();
    await refused(argv(masuk), 'folder masukan');
    expect(readdirSync(masuk)).toEqual(['dinkes.xlsx']);
  });

  test('--out through a link to the input folder is the input folder', async () => {
    const { dir, masuk } = folder();
    symlinkSync(masuk, path.join(dir, 'tautan'));
    await refused(['consolidate', masuk, '--out', path.join(dir, 'tautan', 'rekap.xlsx')], 'folder masukan');
    expect(readdirSync(masuk)).toEqual(['dinkes.xlsx']);
  });

  test('--umpan-balik through a link to the input folder is refused before any work', async () => {
    const { dir, masuk } = folder();
    symlinkSync(masuk, path.join(dir, 'tautan'));
    const out = path.join(dir, 'rekap.xlsx');
    await refused(
      ['consolidate', masuk, '--out', out, '--umpan-balik', path.join(dir, 'tautan')],
      'di dalam folder masukan',
    );
    expect(readdirSync(masuk)).toEqual(['dinkes.xlsx']);
    expect(existsSync(out)).toBe(false);
  });

  test('a text output (JSON, CSV) in the input folder is harmless and allowed', async () => {
    const { masuk } = folder();
    expect(await run(['audit', masuk, '--out', path.join(masuk, 'audit.csv'), '--quiet'], io().handle)).toBe(
      0,
    );
  });
});

describe('item 7: one plan of every path the run writes, checked before anything is written', () => {
  test('a feedback file that would land on the summary: exit 2, nothing written', async () => {
    const { dir, masuk } = folder();
    const fb = path.join(dir, 'umpan');
    const out = path.join(fb, 'umpan-balik-dinkes-2026.xlsx');
    await refused(['consolidate', masuk, '--out', out, '--umpan-balik', fb], 'sama dengan --out');
    expect(existsSync(out)).toBe(false);
  });

  test('a feedback file that would land on the JSON: exit 2, nothing written', async () => {
    const { dir, masuk } = folder();
    const fb = path.join(dir, 'umpan');
    const json = path.join(fb, 'umpan-balik-dinkes-2026.xlsx');
    const out = path.join(dir, 'rekap.xlsx');
    await refused(
      ['consolidate', masuk, '--out', out, '--json', json, '--umpan-balik', fb],
      'sama dengan --json',
    );
    expect(existsSync(out)).toBe(false);
    expect(existsSync(json)).toBe(false);
  });

  test('--umpan-balik naming an existing file: exit 2 before any work, not exit 3 after the summary', async () => {
    const { dir, masuk } = folder();
    const notes = path.join(dir, 'catatan.txt');
    writeFileSync(notes, 'catatan');
    const out = path.join(dir, 'rekap.xlsx');
    await refused(['consolidate', masuk, '--out', out, '--umpan-balik', notes], 'memerlukan folder');
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(notes, 'utf8')).toBe('catatan');
  });
});

describe('item 6: a code that becomes a path never leaves the output folder', () => {
  test('template --all with OPD codes `../keluar` and `A/B` writes inside --out only', async () => {
    const { dir } = folder();
    const json = JSON.parse(readFileSync(REF_JSON, 'utf8'));
    const base = json.opd[0];
    json.opd.push(
      { ...base, kode: '../keluar', nama: 'Badan Keluar', alias: [] },
      { ...base, kode: 'A/B', nama: 'Badan Miring', alias: [] },
    );
    const ref = path.join(dir, 'referensi.json');
    writeFileSync(ref, JSON.stringify(json));
    const out = path.join(dir, 'templat');
    const t = io();
    expect(await run(['template', '--all', '--referensi', ref, '--out', out, '--quiet'], t.handle)).toBe(0);
    expect(t.err()).toBe('');
    expect(readdirSync(dir).sort()).toEqual(['masuk', 'referensi.json', 'templat']);
    const written = readdirSync(out);
    expect(written).toHaveLength(json.opd.length);
    expect(written).toEqual(expect.arrayContaining(['keluar.xlsx', 'a-b.xlsx']));
  });
});

describe('item 5: linked workbooks in a folder are read, not skipped without a word', () => {
  test('linked submissions are validated, a broken link is named (KON-03), a link to a folder is not entered', async () => {
    const { dir, masuk } = folder();
    const elsewhere = path.join(dir, 'asli');
    mkdirSync(elsewhere);
    const linked = await submission();
    for (const name of ['dishub.xlsx', 'dispar.xlsx']) {
      writeFileSync(path.join(elsewhere, name), linked);
      symlinkSync(path.join(elsewhere, name), path.join(masuk, `tautan-${name}`));
    }
    symlinkSync(elsewhere, path.join(masuk, 'folder.xlsx'));
    symlinkSync(path.join(dir, 'hilang.xlsx'), path.join(masuk, 'putus.xlsx'));
    const t = io();
    expect(await run(['validate', masuk, '--format', 'json', '--today', '2026-11-28'], t.handle)).toBe(1);
    const report = JSON.parse(t.out());
    expect(report.files.map((f: { file: string }) => f.file)).toEqual([
      'dinkes.xlsx',
      'putus.xlsx',
      'tautan-dishub.xlsx',
      'tautan-dispar.xlsx',
    ]);
    // The broken link is named, with its cause, rather than dropped.
    expect(report.files[1].findings.map((f: { rule: string }) => f.rule)).toEqual(['KON-03']);
  });
});

describe('item 8: only regular files are read, and never more than 50 MB of bytes', () => {
  test('validate /dev/zero: one KON-03 at once, not gigabytes', async () => {
    const t = io();
    expect(await run(['validate', '/dev/zero', '--format', 'json'], t.handle)).toBe(1);
    const [file] = JSON.parse(t.out()).files;
    expect(file.findings.map((f: { rule: string; message: string }) => [f.rule, f.message])).toEqual([
      [
        'KON-03',
        'Berkas tidak dapat dibaca: berkas tidak dapat dibuka (bukan berkas biasa, melainkan perangkat).',
      ],
    ]);
  });

  test('--referensi /dev/zero is refused at once', async () => {
    const t = io();
    expect(await run(['reference', 'check', '/dev/zero'], t.handle)).toBe(3);
    expect(t.err()).toContain('bukan berkas biasa');
  });

  test('the cap counts bytes read: a file whose stat size is 0 but holds more stops at the limit', async () => {
    const { readCapped, TooLarge } = await import('../../src/cli/files');
    // /proc files report size 0 and hold text: the stat size alone would let any amount through.
    await expect(readCapped('/proc/self/status', 64)).rejects.toBeInstanceOf(TooLarge);
    expect((await readCapped('/proc/self/status', 1 << 20)).length).toBeGreaterThan(64);
  });
});

describe('item 9: the same file named twice is read once', () => {
  test.each([
    ['named twice', (m: string, i: string) => [i, i]],
    ['named and in its folder', (m: string, i: string) => [m, i]],
    [
      'through a link to its folder',
      (m: string, i: string, d: string) => [m, path.join(d, 'tautan', 'dinkes.xlsx')],
    ],
  ])('%s: one file, no KON-02 against itself', async (_, paths) => {
    const { dir, masuk, input } = folder();
    symlinkSync(masuk, path.join(dir, 'tautan'));
    const t = io();
    expect(
      await run(
        [
          'consolidate',
          ...paths(masuk, input, dir),
          '--out',
          path.join(dir, 'r.xlsx'),
          '--json',
          path.join(dir, 'r.json'),
          '--quiet',
        ],
        t.handle,
      ),
    ).toBe(0);
    const report = JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8'));
    expect(report.files).toHaveLength(1);
    expect(report.files[0].findings.map((f: { rule: string }) => f.rule)).not.toContain('KON-02');
  });
});

describe('item 9: --today is a day that exists', () => {
  test.each(['2026-02-30', '2026-13-01', '0999-01-01'])('--today %s: exit 2', async (day) => {
    const { input } = folder();
    await refused(
      ['validate', input, '--today', day],
      `--today harus tanggal YYYY-MM-DD yang ada, bukan ${day}`,
    );
  });
});

describe('item 8: an output that is not a regular file is refused, never opened nor replaced', () => {
  // A pipe of our own, not /dev/null: were the guard ever to fail, a run as root would rename over
  // a device every process shares.
  test('--out naming a pipe: exit 2, the pipe is still a pipe', async () => {
    const { dir, input } = folder();
    const pipe = path.join(dir, 'pipa.json');
    execFileSync('mkfifo', [pipe]);
    await refused(['validate', input, '--out', pipe], 'bukan berkas biasa');
    expect(statSync(pipe).isFIFO()).toBe(true);
  });
});

describe('item 1: one submission never stops the city run', () => {
  test.each(['0999-01-01T00:00:00Z', '9999-12-31T20:00:00Z', '0000-01-01T00:00:00Z'])(
    'a stamp dated %s: validate, consolidate and audit report (no internal error)',
    async (waktu) => {
      const { dir, masuk, input } = folder();
      const referensi = path.join(__dirname, '..', '..', 'examples', 'referensi-2026.json');
      const first = io();
      await run(['validate', input, '--format', 'json'], first.handle);
      const hash = JSON.parse(first.out()).files[0].contentHash as string;
      const header = [
        'Tingkat',
        'Versi',
        'Hash Isi',
        'Waktu',
        'Versi Aturan',
        'Referensi',
        'Alat',
        'Galat',
        'Peringatan',
        'Diterima',
        'Oleh',
        'Jabatan',
        'Catatan',
      ];
      const stamp = [
        'penyusun',
        2,
        hash,
        waktu,
        '1',
        'x',
        'inovasi-daerah 1.0.0',
        0,
        0,
        0,
        'Rina',
        'Staf',
        '',
      ];
      writeFileSync(path.join(masuk, 'dishub.xlsx'), await submission({ _stempel: [header, stamp] }));
      for (const argv of [
        ['validate', masuk, '--format', 'json'],
        ['consolidate', masuk, '--out', path.join(dir, 'rekap.xlsx'), '--json', path.join(dir, 'rekap.json')],
        ['audit', masuk, '--out', path.join(dir, 'audit.csv')],
      ]) {
        const t = io();
        expect([0, 1]).toContain(await run([...argv, '--referensi', referensi, '--quiet'], t.handle));
        expect(t.err()).not.toMatch(/Kesalahan internal/);
      }
      const report = JSON.parse(readFileSync(path.join(dir, 'rekap.json'), 'utf8'));
      expect(report.files.map((f: { file: string }) => f.file)).toEqual(['dinkes.xlsx', 'dishub.xlsx']);
    },
  );
});
