/**
 * Issue 14: no command writes over one of its inputs or over a workbook that is not its own output;
 * writes go through a temporary name; input/output failures exit 3 and say what failed.
 * Every command and option that writes: validate --out, audit --out, consolidate --out/--json,
 * template --out (one OPD and --all), reference convert OUT.
 */
import ExcelJS from 'exceljs';
import type * as NodeFs from 'node:fs';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
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

async function submissionBytes(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const id = wb.addWorksheet('Identitas');
  for (const [l, v] of VALID_IDENTITAS) id.addRow([l, v as never]);
  const sheet = wb.addWorksheet('Inovasi');
  sheet.addRow(LABELS);
  sheet.addRow(LABELS.map((l) => (validRow()[l] ?? null) as never));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// The module object itself (not an import namespace, whose properties cannot be spied on).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodeFs = require('node:fs') as typeof NodeFs;

const REF_JSON = path.join(__dirname, '../../src/engine/reference/data/bitung-contoh.json');
const root = mkdtempSync(path.join(tmpdir(), 'inovasi-outputs-'));
let submission: Buffer;
let n = 0;

/** A fresh folder holding `dinkes.xlsx` (a submission) and `lain.xlsx` (someone's workbook, not an input). */
function folder(): { dir: string; input: string; foreign: string } {
  const dir = path.join(root, `t${++n}`);
  mkdirSync(path.join(dir, 'masuk'), { recursive: true });
  const input = path.join(dir, 'masuk', 'dinkes.xlsx');
  const foreign = path.join(dir, 'lain.xlsx');
  writeFileSync(input, submission);
  writeFileSync(foreign, submission);
  return { dir, input, foreign };
}

/** Files of a folder other than those named: what a run left behind (a temporary file would show here). */
const leftovers = (dir: string, known: string[]) => readdirSync(dir).filter((f) => !known.includes(f));

beforeAll(async () => {
  submission = await submissionBytes();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function refused(argv: string[], file: string, lang: 'id' | 'en' = 'id'): Promise<string> {
  const t = io();
  const args = lang === 'en' ? [...argv, '--lang', 'en'] : argv;
  expect(await run(args, t.handle)).toBe(2);
  expect(t.err()).toContain(file);
  expect(t.out()).toBe('');
  return t.err();
}

describe('an output that is one of the inputs is refused, exit 2, naming the file; the input is untouched', () => {
  test.each([
    ['validate --out', (i: string) => ['validate', i, '--out', i]],
    ['audit --out (the reported case)', (i: string) => ['audit', i, '--out', i]],
    ['consolidate --json', (i: string, o: string) => ['consolidate', i, '--out', o, '--json', i]],
    ['consolidate --out', (i: string) => ['consolidate', i, '--out', i]],
  ])('%s', async (_, argv) => {
    const { dir, input } = folder();
    const message = await refused(argv(input, path.join(dir, 'rekap.xlsx')), input);
    expect(message).toMatch(/salah satu berkas masukan/);
    expect(readFileSync(input).equals(submission)).toBe(true);
    expect(existsSync(path.join(dir, 'rekap.xlsx'))).toBe(false);
  });

  test.each([
    ['validate --out', (d: string, i: string) => ['validate', d, '--out', i]],
    ['audit --out', (d: string, i: string) => ['audit', d, '--out', i]],
    [
      'consolidate --json',
      (d: string, i: string) => ['consolidate', d, '--out', path.join(d, '..', 'r.xlsx'), '--json', i],
    ],
  ])('%s: a file picked from an input folder', async (_, argv) => {
    const { input } = folder();
    await refused(argv(path.dirname(input), input), input);
    expect(readFileSync(input).equals(submission)).toBe(true);
  });

  test('the message follows --lang', async () => {
    const { input } = folder();
    expect(await refused(['audit', input, '--out', input], input, 'en')).toMatch(/is one of the input files/);
  });

  test('the same file spelled another way (a symbolic link) is still the input', async () => {
    const { dir, input } = folder();
    const link = path.join(dir, 'tautan.csv');
    nodeFs.symlinkSync(input, link);
    await refused(['audit', input, '--out', link], link);
    expect(readFileSync(input).equals(submission)).toBe(true);
  });

  test.each([
    ['validate --out', (r: string, i: string) => ['validate', i, '--referensi', r, '--out', r]],
    ['template --out', (r: string) => ['template', '--opd', 'Dinas Kesehatan', '--referensi', r, '--out', r]],
  ])('%s: the --referensi file is an input too', async (_, argv) => {
    const { dir, input } = folder();
    const ref = path.join(dir, 'referensi.json');
    writeFileSync(ref, readFileSync(REF_JSON));
    await refused(argv(ref, input), ref);
    expect(readFileSync(ref).equals(readFileSync(REF_JSON))).toBe(true);
  });

  test('reference convert IN IN', async () => {
    const { dir } = folder();
    const ref = path.join(dir, 'referensi.xlsx');
    expect(await run(['reference', 'convert', REF_JSON, ref], io().handle)).toBe(0);
    const before = readFileSync(ref);
    await refused(['reference', 'convert', ref, ref], ref);
    expect(readFileSync(ref).equals(before)).toBe(true);
  });

  test('consolidate --json naming the --out file', async () => {
    const { dir, input } = folder();
    const out = path.join(dir, 'rekap.xlsx');
    expect(await refused(['consolidate', input, '--out', out, '--json', out], out)).toMatch(
      /sama dengan --out/,
    );
  });
});

describe('an existing workbook that is not the tool output of that kind is refused, exit 2; it is untouched', () => {
  test.each([
    ['validate --out', (i: string, f: string) => ['validate', i, '--out', f]],
    ['audit --out', (i: string, f: string) => ['audit', i, '--out', f]],
    ['consolidate --out', (i: string, f: string) => ['consolidate', i, '--out', f]],
    [
      'consolidate --json',
      (i: string, f: string) => [
        'consolidate',
        i,
        '--out',
        path.join(path.dirname(f), 'r.xlsx'),
        '--json',
        f,
      ],
    ],
    ['template --out', (_: string, f: string) => ['template', '--opd', 'Dinas Kesehatan', '--out', f]],
    ['reference convert OUT', (_: string, f: string) => ['reference', 'convert', REF_JSON, f]],
  ])('%s', async (_, argv) => {
    const { input, foreign } = folder();
    expect(await refused(argv(input, foreign), foreign)).toMatch(/sudah ada dan bukan/);
    expect(readFileSync(foreign).equals(submission)).toBe(true);
  });

  test('a workbook under another extension is recognised by its bytes', async () => {
    const { input, dir } = folder();
    const disguised = path.join(dir, 'laporan.json');
    writeFileSync(disguised, submission);
    expect(
      await refused(['validate', input, '--format', 'json', '--out', disguised], disguised, 'en'),
    ).toMatch(/already exists and is not/);
    expect(readFileSync(disguised).equals(submission)).toBe(true);
  });

  test('template --all refuses before writing any file when one would replace a workbook', async () => {
    const { dir } = folder();
    const out = path.join(dir, 'templat');
    mkdirSync(out);
    const filled = path.join(out, 'dinkes-2026.xlsx');
    writeFileSync(filled, submission);
    await refused(['template', '--all', '--tahun', '2026', '--out', out], filled);
    expect(readdirSync(out)).toEqual(['dinkes-2026.xlsx']);
    expect(readFileSync(filled).equals(submission)).toBe(true);
  });

  test('template --all into a path that is a file', async () => {
    const { foreign } = folder();
    await refused(['template', '--all', '--out', foreign], foreign);
  });

  test('an output that is a folder', async () => {
    const { input, dir } = folder();
    await refused(['audit', input, '--out', dir], dir);
  });

  test('a city summary is not replaced by a template, nor a template by a summary', async () => {
    const { dir, input } = folder();
    const rekap = path.join(dir, 'rekap.xlsx');
    const templat = path.join(dir, 'templat.xlsx');
    expect(await run(['consolidate', input, '--out', rekap, '--quiet'], io().handle)).toBe(0);
    expect(await run(['template', '--opd', 'Dinas Kesehatan', '--out', templat], io().handle)).toBe(0);
    await refused(['template', '--opd', 'Dinas Kesehatan', '--out', rekap], rekap);
    await refused(['consolidate', input, '--out', templat], templat);
  });
});

describe("the tool's own output of the same kind is replaced, through a temporary file that does not stay", () => {
  test('validate --out and audit --out replace their text output', async () => {
    const { dir, input } = folder();
    const report = path.join(dir, 'laporan.json');
    const audit = path.join(dir, 'audit.csv');
    for (let i = 0; i < 2; i++) {
      expect(await run(['validate', input, '--format', 'json', '--out', report], io().handle)).toBe(0);
      expect(await run(['audit', input, '--out', audit, '--quiet'], io().handle)).toBe(0);
    }
    expect(JSON.parse(readFileSync(report, 'utf8')).stats.files).toBe(1);
    expect(readFileSync(audit, 'utf8')).toMatch(/^\uFEFF/);
    expect(leftovers(dir, ['masuk', 'lain.xlsx', 'laporan.json', 'audit.csv'])).toEqual([]);
  });

  test('consolidate --out/--json replace an earlier summary and report', async () => {
    const { dir, input } = folder();
    const out = path.join(dir, 'rekap.xlsx');
    const json = path.join(dir, 'rekap.json');
    for (let i = 0; i < 2; i++)
      expect(await run(['consolidate', input, '--out', out, '--json', json, '--quiet'], io().handle)).toBe(0);
    expect(leftovers(dir, ['masuk', 'lain.xlsx', 'rekap.xlsx', 'rekap.json'])).toEqual([]);
  });

  test('template replaces a blank template (one OPD and --all), but never one with a data row', async () => {
    const { dir } = folder();
    const file = path.join(dir, 'templat.xlsx');
    for (let i = 0; i < 2; i++)
      expect(await run(['template', '--opd', 'Dinas Kesehatan', '--out', file], io().handle)).toBe(0);
    const all = path.join(dir, 'semua');
    for (let i = 0; i < 2; i++)
      expect(await run(['template', '--all', '--tahun', '2026', '--out', all, '--quiet'], io().handle)).toBe(
        0,
      );
    expect(readdirSync(all).every((f) => /^[a-z0-9-]+-2026\.xlsx$/.test(f))).toBe(true);
    expect(leftovers(dir, ['masuk', 'lain.xlsx', 'templat.xlsx', 'semua'])).toEqual([]);

    // The OPD starts filling it in: from now on it is a submission.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const inovasi = wb.getWorksheet('Inovasi')!;
    const header = inovasi.getRow(1).values as unknown[];
    inovasi.getRow(2).getCell(header.indexOf('Nama Inovasi')).value = 'Posyandu Digital';
    await wb.xlsx.writeFile(file);
    const filled = readFileSync(file);
    await refused(['template', '--opd', 'Dinas Kesehatan', '--out', file], file);
    expect(readFileSync(file).equals(filled)).toBe(true);
  }, 120_000);

  test('reference convert replaces a reference workbook and a JSON file', async () => {
    const { dir } = folder();
    const xlsx = path.join(dir, 'referensi.xlsx');
    const json = path.join(dir, 'referensi.json');
    for (let i = 0; i < 2; i++) {
      expect(await run(['reference', 'convert', REF_JSON, xlsx], io().handle)).toBe(0);
      expect(await run(['reference', 'convert', xlsx, json], io().handle)).toBe(0);
    }
    expect(leftovers(dir, ['masuk', 'lain.xlsx', 'referensi.xlsx', 'referensi.json'])).toEqual([]);
  });
});

describe('input/output failures exit 3 and say what failed', () => {
  afterEach(() => jest.restoreAllMocks());

  const enospc = () =>
    Object.assign(new Error('ENOSPC: no space left on device, write'), {
      code: 'ENOSPC',
      errno: -28,
      syscall: 'write',
    });

  /** A full disk: the first half of the bytes reaches the file, then the write fails. */
  function fullDiskOnWriteFile() {
    const real = nodeFs.promises.writeFile;
    return jest.spyOn(nodeFs.promises, 'writeFile').mockImplementation(async (file, data) => {
      const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data as Uint8Array);
      await real(file as string, bytes.subarray(0, bytes.length >> 1));
      throw enospc();
    });
  }

  test.each([
    ['validate --out', (i: string, o: string) => ['validate', i, '--format', 'json', '--out', o], 'r.json'],
    ['audit --out', (i: string, o: string) => ['audit', i, '--out', o], 'a.csv'],
    [
      'consolidate --json',
      (i: string, o: string) => [
        'consolidate',
        i,
        '--out',
        path.join(path.dirname(o), '..', 'rekap.xlsx'),
        '--json',
        o,
      ],
      'r.json',
    ],
    [
      'template --out',
      (_: string, o: string) => ['template', '--opd', 'Dinas Kesehatan', '--out', o],
      't.xlsx',
    ],
    ['template --all', (_: string, o: string) => ['template', '--all', '--out', o], 'semua'],
    [
      'reference convert OUT.json',
      (_: string, o: string) => ['reference', 'convert', REF_JSON, o],
      'ref.json',
    ],
    [
      'reference convert OUT.xlsx',
      (_: string, o: string) => ['reference', 'convert', REF_JSON, o],
      'ref.xlsx',
    ],
  ])(
    'disk full during %s: exit 3, the earlier file is kept whole, no temporary file stays',
    async (_, argv, name) => {
      const { dir, input } = folder();
      const out = path.join(dir, 'keluar', name);
      mkdirSync(path.dirname(out));
      const earlier = name === 'semua' ? null : 'isi lama\n';
      if (earlier && !name.endsWith('.xlsx')) writeFileSync(out, earlier);
      fullDiskOnWriteFile();
      for (const lang of ['id', 'en'] as const) {
        const t = io();
        expect(await run([...argv(input, out), '--lang', lang], t.handle)).toBe(3);
        // consolidate first says how the year was chosen; the failure is the last line.
        expect(t.err()).toMatch(
          lang === 'id'
            ? /(?:^|\n)Tidak dapat menulis .*: disk penuh \(ENOSPC\)\.\n$/
            : /(?:^|\n)Cannot write .*: the disk is full \(ENOSPC\)\.\n$/,
        );
        expect(t.err()).not.toMatch(/internal/i);
      }
      const kept = readdirSync(path.dirname(out)).filter((f) => f !== 'semua' || readdirSync(out).length > 0);
      if (earlier && !name.endsWith('.xlsx')) {
        expect(kept).toEqual([name]);
        expect(readFileSync(out, 'utf8')).toBe(earlier);
      } else {
        expect(kept).toEqual([]);
      }
    },
  );

  test('disk full while consolidate streams the summary: exit 3, no summary, no temporary file', async () => {
    const { dir, input } = folder();
    const out = path.join(dir, 'keluar', 'rekap.xlsx');
    let written = 0;
    jest.spyOn(nodeFs, 'createWriteStream').mockImplementation(
      () =>
        new Writable({
          write(chunk: Buffer, _enc, done) {
            written += chunk.length;
            done(written > 2000 ? enospc() : null);
          },
        }) as unknown as NodeFs.WriteStream,
    );
    const t = io();
    expect(await run(['consolidate', input, '--out', out], t.handle)).toBe(3);
    expect(t.err()).toContain(`Tidak dapat menulis ${out}: disk penuh (ENOSPC).`);
    expect(readdirSync(path.dirname(out))).toEqual([]);
  });

  test('the rename that puts the file in place fails: the target is untouched, the temporary file removed', async () => {
    const { dir, input } = folder();
    const out = path.join(dir, 'r.json');
    writeFileSync(out, 'lama');
    jest.spyOn(nodeFs.promises, 'rename').mockRejectedValue(Object.assign(new Error('EIO'), { code: 'EIO' }));
    const t = io();
    expect(await run(['validate', input, '--out', out], t.handle)).toBe(3);
    expect(t.err()).toContain(out);
    expect(readFileSync(out, 'utf8')).toBe('lama');
    expect(leftovers(dir, ['masuk', 'lain.xlsx', 'r.json'])).toEqual([]);
  });

  test('an output folder that cannot be made (a file stands in the way): exit 3', async () => {
    const { foreign, input } = folder();
    const t = io();
    expect(await run(['audit', input, '--out', path.join(foreign, 'audit.csv')], t.handle)).toBe(3);
    expect(t.err()).toMatch(/^Tidak dapat menulis .*lain\.xlsx/);
  });

  test('an unwritable folder (EACCES injected, as tests may run as root): exit 3', async () => {
    const { dir, input } = folder();
    jest
      .spyOn(nodeFs.promises, 'writeFile')
      .mockRejectedValue(Object.assign(new Error('EACCES'), { code: 'EACCES' }));
    const t = io();
    expect(await run(['audit', input, '--out', path.join(dir, 'a.csv'), '--lang', 'en'], t.handle)).toBe(3);
    expect(t.err()).toMatch(/Cannot write .*a\.csv: permission denied \(EACCES\)/);
  });

  test.each([
    [['validate', 'MISSING']],
    [['audit', 'MISSING', '--out', 'OUT']],
    [['consolidate', 'MISSING', '--out', 'OUT.xlsx']],
    [['validate', 'INPUT', '--referensi', 'MISSING']],
    [['template', '--opd', 'Dinas Kesehatan', '--referensi', 'MISSING', '--out', 'OUT.xlsx']],
    [['reference', 'check', 'MISSING']],
    [['reference', 'convert', 'MISSING', 'OUT.json']],
  ])('a missing input %j: exit 3, named', async (argv) => {
    const { dir, input } = folder();
    const missing = path.join(dir, 'tidak-ada.xlsx');
    const t = io();
    const resolved = argv.map((a) =>
      a.replace('MISSING', missing).replace('INPUT', input).replace('OUT', path.join(dir, 'keluar')),
    );
    expect(await run(resolved, t.handle)).toBe(3);
    expect(t.err()).toContain(`tidak ditemukan: ${missing}`);
    expect(existsSync(path.join(dir, 'keluar'))).toBe(false);
  });
});
