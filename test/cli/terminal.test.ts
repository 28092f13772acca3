/**
 * The command line for a person at a terminal (docs/spec/report-and-cli.md, "For a person at a
 * terminal", revised 2026-12-07): help in the language asked for, short flags, English aliases of
 * the Indonesian options, "did you mean" for an unknown option, the audit report as a workbook.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { OptionTable, editDistance, nearestOption, parseArgs } from '../../src/cli/args';
import { OPTIONS } from '../../src/cli/common';
import { run, type Io } from '../../src/cli/main';
import { CLI_TEXTS } from '../../src/cli/texts';
import { auditColumns } from '../../src/engine/audit';
import { STATUS_WORDS_EN } from '../../src/engine/statusWords';
import { TOOL_NAME, TOOL_VERSION } from '../../src/engine/version';
import { readXlsx } from '../../src/xlsx/readXlsx';

jest.setTimeout(60_000);

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    progress: false,
    today: () => '2026-11-28',
  };
  const code = await run(argv, io);
  return { code, out: out.join(''), err: err.join('') };
}

describe('help', () => {
  test.each([[['--help']], [['-h']], [['validate', '--help']], [['help']], [['audit', '-h']]])(
    '%j: Indonesian by default, English with --lang en',
    async (argv) => {
      const id = await cli(argv);
      expect(id).toEqual({ code: 0, out: CLI_TEXTS.id.help(TOOL_NAME, TOOL_VERSION), err: '' });
      expect(id.out).toMatch(/^inovasi-daerah .* — validasi dan konsolidasi/);
      expect(id.out).toContain('Pemakaian:');
      const en = await cli([...argv, '--lang', 'en']);
      expect(en.code).toBe(0);
      expect(en.out).toContain('Usage:');
      expect(en.out).toContain('Exit codes:');
      expect(en.out).not.toMatch(/Pemakaian|Opsi umum|Kode keluar|bawaan/);
      expect((await cli(['--lang=en', ...argv])).out).toBe(en.out);
    },
  );

  test('no command: the help, exit 2', async () => {
    const r = await cli([]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('Pemakaian:');
  });

  test('--today says it also sets the schedule; the short flags and aliases are listed', () => {
    expect(CLI_TEXTS.en.help('t', '1')).toMatch(
      /--today YYYY-MM-DD {2}the validation date: for LOG-02 and for the schedule/,
    );
    expect(CLI_TEXTS.id.help('t', '1')).toMatch(
      /--today YYYY-MM-DD {2}tanggal validasi: untuk LOG-02 dan untuk jadwal/,
    );
    for (const lang of ['id', 'en'] as const) {
      const help = CLI_TEXTS[lang].help('t', '1');
      for (const flag of [
        '-q, --quiet',
        '-h, --help',
        '-V, --version',
        '--reference',
        '--feedback',
        '--year',
        'FILE.xlsx|FILE.csv',
      ])
        expect(help).toContain(flag);
    }
  });

  test('every help line fits 100 columns', () => {
    for (const lang of ['id', 'en'] as const)
      for (const line of CLI_TEXTS[lang].help('inovasi-daerah', '1.0.0').split('\n'))
        expect([...line].length).toBeLessThanOrEqual(100);
  });
});

describe('short flags', () => {
  test('-V and --version print the version', async () => {
    const v = await cli(['-V']);
    expect(v.code).toBe(0);
    expect(v.out).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(await cli(['--version'])).toEqual(v);
    expect(await cli(['validate', '-V'])).toEqual(v);
  });

  test('-q is quiet, not a path', async () => {
    const quiet = await cli(['validate', path.join(EXAMPLES, 'dinkes-2026.xlsx'), '-q']);
    expect(quiet.code).toBe(1);
    expect(quiet.out).toBe('');
    expect(quiet.err).toBe('');
    expect(await cli(['-q', 'validate', path.join(EXAMPLES, 'dinkes-2026.xlsx')])).toEqual(quiet);
    // Without -q the same run prints its table: -q is what silenced it.
    expect((await cli(['validate', path.join(EXAMPLES, 'dinkes-2026.xlsx')])).out).toContain(
      'dinkes-2026.xlsx',
    );
  });

  test('an unknown short flag is an unknown option (exit 2), never a path', async () => {
    const r = await cli(['validate', '-x', path.join(EXAMPLES, 'dinkes-2026.xlsx'), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^Unknown option: -x\. Did you mean --\S+\? See --help\.\n$/);
  });
});

describe('English aliases of the Indonesian options', () => {
  test('--reference, --feedback, --year are read as --referensi, --umpan-balik, --tahun', () => {
    const args = parseArgs(['a.xlsx', '--reference', 'r.json', '--feedback=ub', '--year', '2026'], OPTIONS);
    expect(args).toEqual({
      positionals: ['a.xlsx'],
      options: { referensi: 'r.json', 'umpan-balik': 'ub', tahun: '2026' },
    });
    expect(
      parseArgs(['--referensi', 'r.json', '--umpan-balik', 'ub', '--tahun=2026'], OPTIONS).options,
    ).toEqual(args.options);
  });

  test('--reference reaches the reference loader', async () => {
    const r = await cli([
      'validate',
      path.join(EXAMPLES, 'dinkes-2026.xlsx'),
      '--reference',
      path.join(EXAMPLES, 'referensi-2026.json'),
      '--format',
      'json',
    ]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).reference).toMatch(/^bitung-contoh-2026@/);
  });

  test('an alias that takes no value says so under the name typed', async () => {
    expect((await cli(['validate', 'x.xlsx', '--year'])).err).toBe('Opsi --year memerlukan nilai.\n');
  });
});

describe('did you mean', () => {
  test.each([
    ['refrensi', 'referensi'],
    ['referens', 'referensi'],
    ['feedbak', 'feedback'],
    ['umpanbalik', 'umpan-balik'],
    ['yaer', 'year'],
    ['tahn', 'tahun'],
    ['quite', 'quiet'],
    ['fromat', 'format'],
    ['lnag', 'lang'],
    ['ot', 'out'],
  ])('--%s → --%s', (typed, nearest) => {
    expect(nearestOption(typed, OPTIONS)).toBe(nearest);
  });

  test('the message names the option as typed and the nearest one, in the language asked for', async () => {
    expect(await cli(['validate', 'x.xlsx', '--refrensi', 'r.json'])).toEqual({
      code: 2,
      out: '',
      err: 'Opsi tidak dikenal: --refrensi. Maksud Anda --referensi? Lihat --help.\n',
    });
    expect((await cli(['consolidate', 'x', '--feedbak', 'd', '--lang', 'en'])).err).toBe(
      'Unknown option: --feedbak. Did you mean --feedback? See --help.\n',
    );
  });

  test('edit distance', () => {
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  test('ties go to the shorter spelling', () => {
    const table: OptionTable = {
      boolean: new Set(['abcd', 'abc']),
      value: new Set(),
      aliases: {},
      short: {},
    };
    expect(nearestOption('abx', table)).toBe('abc');
  });
});

describe('audit --out', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'audit-out-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('.xlsx writes a workbook: one sheet of every finding, English with --lang en', async () => {
    const out = path.join(dir, 'audit.xlsx');
    const csv = path.join(dir, 'audit.csv');
    const inputs = [path.join(EXAMPLES, 'dinkes-2026.xlsx'), path.join(EXAMPLES, 'dinsos-2026.xlsx')];
    const r = await cli(['audit', ...inputs, '--out', out, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^\d+ findings from 2 files written to /);
    await cli(['audit', ...inputs, '--out', csv, '--lang', 'en']);
    const read = readXlsx(new Uint8Array(readFileSync(out)));
    if (!read.ok) throw new Error(read.cause);
    expect(read.workbook.sheets.map((s) => s.name)).toEqual(['Audit Report']);
    const rows = Array.from(read.workbook.sheets[0].rows, (row) =>
      Array.from(row ?? [], (v) => (v === null || v === undefined ? '' : String(v))),
    );
    const header = rows.findIndex((row) => row[0] === 'File');
    expect(rows[header].slice(0, auditColumns().length)).toEqual(auditColumns(undefined, 'en'));
    // The same rows as the CSV, cell for cell (the CSV quotes; the workbook does not need to).
    const csvLines = readFileSync(csv, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(rows.length - header).toBe(csvLines.length);
    const findings = rows.slice(header + 1);
    expect(
      findings.every((row) => ['Error', 'Warning', 'Info'].includes(row[auditColumns().indexOf('Jenis')])),
    ).toBe(true);
    expect(
      findings.every((row) => ['Open', 'Accepted'].includes(row[auditColumns().indexOf('Status')])),
    ).toBe(true);
    // The run's own workbook is replaced by the next run; a CSV name never gets a workbook.
    expect((await cli(['audit', ...inputs, '--out', out])).code).toBe(1);
    const again = readXlsx(new Uint8Array(readFileSync(out)));
    expect(again.ok && again.workbook.sheets.map((s) => s.name)).toEqual(['Laporan Audit']);
  });

  test('.csv stays RFC 4180 with a BOM; --lang en makes its headings and words English', async () => {
    const csv = path.join(dir, 'a.csv');
    await cli(['audit', path.join(EXAMPLES, 'dinkes-2026.xlsx'), '--out', csv, '--lang', 'en']);
    const text = readFileSync(csv, 'utf8');
    expect(text.startsWith('\uFEFFFile,Agency,Sign-off level,')).toBe(true);
    expect(text).toContain('\r\n');
    expect(text).not.toMatch(/,(Galat|Peringatan|Terbuka|Diterima|Belum Distempel),/);
    await cli(['audit', path.join(EXAMPLES, 'dinkes-2026.xlsx'), '--out', csv]);
    expect(readFileSync(csv, 'utf8').startsWith('\uFEFFBerkas,Perangkat Daerah,Tingkat Persetujuan,')).toBe(
      true,
    );
  });

  test('a workbook that is not an audit report is never replaced; another workbook extension is refused', async () => {
    const submission = path.join(EXAMPLES, 'dinkes-2026.xlsx');
    const copy = path.join(dir, 'copy.xlsx');
    copyFileSync(submission, copy);
    const r = await cli(['audit', path.join(EXAMPLES, 'dinsos-2026.xlsx'), '--out', copy]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('bukan laporan audit buatan');
    expect((await cli(['audit', submission, '--out', path.join(dir, 'a.xlsm'), '--lang', 'en'])).err).toBe(
      `--out must be an .xlsx file (a workbook) or a .csv file, not ${path.join(dir, 'a.xlsm')}.\n`,
    );
  });
});

test('one English word per status: the terminal, the consolidate table and the feedback workbook share it', () => {
  expect(CLI_TEXTS.en.report.fix).toBe(STATUS_WORDS_EN['Perlu Perbaikan']);
  expect(CLI_TEXTS.en.report.ready).toBe(STATUS_WORDS_EN['Siap']);
  expect(CLI_TEXTS.en.report.unreadable).toBe(STATUS_WORDS_EN['Tidak Terbaca']);
});
