/** `--lang en` reaches every line the command line prints (issue 15): consolidate's table, audit's summary. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { formatRekap } from '../../src/cli/consolidate';
import { run, type Io } from '../../src/cli/main';
import { REKAP_COLUMNS, type SummaryCell } from '../../src/engine/consolidate';
import { DEFAULT_TINGKAT } from '../../src/engine/reference/model';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generateHostileFiles } = require('../../scripts/generate-bad-files.js') as {
  generateHostileFiles(dir: string): { name: string; file: string }[];
};

jest.setTimeout(60_000);

function io() {
  const out: string[] = [];
  const handle: Io = {
    stdout: (t) => out.push(t),
    stderr: () => undefined,
    progress: false,
    today: () => '2026-11-28',
  };
  return { handle, out: () => out.join('') };
}

/** Rekap OPD's columns with a schedule for the kepalaOpd level. */
const COLUMNS = [...REKAP_COLUMNS, 'Tepat Waktu Disetujui Kepala OPD'];

function rekapRow(values: Record<string, SummaryCell>): SummaryCell[] {
  return COLUMNS.map((c) => values[c] ?? null);
}

const rows = [
  rekapRow({
    'Kode OPD': 'DINKES',
    'Perangkat Daerah': 'Dinas Kesehatan',
    Berkas: 'dinkes.xlsx',
    Status: 'Perlu Perbaikan',
    'Jumlah Inovasi': 2,
    Galat: 3,
    Peringatan: 1,
    'Tingkat Persetujuan': 'Disusun',
    'Tepat Waktu Disetujui Kepala OPD': 'Lewat 8 hari',
  }),
  rekapRow({
    Berkas: 'rusak.xlsx',
    Status: 'Tidak Terbaca',
    Galat: 1,
    Peringatan: 0,
    'Tingkat Persetujuan': 'Belum Distempel',
    'Tepat Waktu Disetujui Kepala OPD': 'Terlambat 3 hari',
  }),
];

describe('consolidate prints its table in the language asked for', () => {
  it('English headings and words with --lang en; the data as it is', () => {
    const text = formatRekap(rows, COLUMNS, 'en', DEFAULT_TINGKAT);
    // Within 120 columns: the last heading wraps onto the next line.
    expect(text.split('\n').slice(0, 2)).toEqual([
      'Agency           File         Status        Innovations  Errors  Warnings  Sign-off level  On time: Approved by head of',
      '                                                                                           agency',
    ]);
    expect(text).toContain('Needs fixing');
    expect(text).toContain('Unreadable');
    expect(text).toContain('Dinas Kesehatan');
    expect(text).toContain('Prepared');
    expect(text).toContain('Not stamped');
    expect(text).toContain('8 days overdue');
    expect(text).toContain('3 days late');
    expect(text).not.toMatch(/Perlu Perbaikan|Tidak Terbaca|Belum Distempel|Galat|Disusun|Lewat|Terlambat/);
  });

  it('Indonesian by default, as before', () => {
    const text = formatRekap(rows, COLUMNS);
    expect(text.split('\n').slice(0, 2)).toEqual([
      'Perangkat Daerah  Berkas       Status           Jumlah Inovasi  Galat  Peringatan  Tingkat            Tepat Waktu',
      '                                                                                   Persetujuan        Disetujui Kepala',
    ]);
    expect(text).toContain('Perlu Perbaikan');
    expect(text).toContain('Lewat 8 hari');
    expect(formatRekap(rows, COLUMNS, 'id', DEFAULT_TINGKAT)).toBe(text);
  });
});

describe('five levels with a deadline', () => {
  const levels = [
    'Disusun',
    'Disetujui Kepala Bidang',
    'Disetujui Kepala OPD',
    'Diverifikasi',
    'Disahkan Sekda',
  ];
  const wide = [...REKAP_COLUMNS, ...levels.map((l) => `Tepat Waktu ${l}`)];
  const row = (values: Record<string, SummaryCell>) => wide.map((c) => values[c] ?? null);
  const table = [
    row({
      'Perangkat Daerah': 'Dinas Pemberdayaan Perempuan dan Perlindungan Anak',
      Berkas: 'dp3a-2026.xlsx',
      Status: 'Perlu Perbaikan',
      'Jumlah Inovasi': 4,
      Galat: 2,
      Peringatan: 1,
      'Tingkat Persetujuan': 'Disusun',
      ...Object.fromEntries(
        levels.map((l, i) => [`Tepat Waktu ${l}`, i < 2 ? 'Tepat waktu' : 'Lewat 12 hari']),
      ),
    }),
  ];

  it('side by side they would pass 120 columns: the schedule gets a table of its own below, a column per level', () => {
    const lines = formatRekap(table, wide).split('\n');
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(120);
    expect(lines[0]).toMatch(/Peringatan +Tingkat$/);
    const below = lines.indexOf('Tepat Waktu');
    expect(below).toBeGreaterThan(0);
    expect(lines[below + 1]).toMatch(
      /^Perangkat Daerah +Disusun +Disetujui Kepala +Disetujui Kepala +Diverifikasi +Disahkan Sekda$/,
    );
    expect(lines.slice(below + 1).join('\n')).toMatch(
      /^Dinas Pemberdayaan .* +Tepat waktu +Tepat waktu +Lewat 12 hari +Lewat 12 hari +Lewat 12 hari$/m,
    );
  });

  it('one level still gets its own column', () => {
    expect(formatRekap(rows, COLUMNS).split('\n')[0]).toMatch(/Tepat Waktu$/);
    expect(formatRekap(rows, COLUMNS).split('\n')[1]).toMatch(/Disetujui Kepala$/);
  });
});

describe('through the command line', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'inovasi-lang-'));
    generateHostileFiles(path.join(dir, 'in'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const input = () => path.join(dir, 'in', 'formula-no-result.xlsx');

  it('audit: the summary line in English with --lang en, in Indonesian without', async () => {
    const en = io();
    expect(
      await run(['audit', input(), '--out', path.join(dir, 'audit-en.csv'), '--lang', 'en'], en.handle),
    ).toBe(1);
    expect(en.out()).toMatch(/^\d+ findings from 1 files written to .*audit-en\.csv\n$/);
    const id = io();
    expect(await run(['audit', input(), '--out', path.join(dir, 'audit-id.csv')], id.handle)).toBe(1);
    expect(id.out()).toMatch(/^\d+ temuan dari 1 berkas ditulis ke .*audit-id\.csv\n$/);
  });

  it('consolidate: the table in English with --lang en', async () => {
    const en = io();
    expect(
      await run(['consolidate', input(), '--out', path.join(dir, 'kota.xlsx'), '--lang', 'en'], en.handle),
    ).toBe(1);
    expect(en.out()).toMatch(/^Agency +File +Status +Innovations/m);
    expect(en.out()).toContain('City summary written to');
    expect(en.out()).toContain('City total');
    expect(en.out()).not.toMatch(
      /Perangkat Daerah|Perlu Perbaikan|Belum Distempel|Belum Mengirim|Total Kota|Lewat|hari/,
    );
  });
});

describe('usage errors speak the language asked for', () => {
  const usage = async (argv: string[]) => {
    const err: string[] = [];
    const code = await run(argv, {
      stdout: () => undefined,
      stderr: (t) => err.push(t),
      progress: false,
      today: () => '2026-11-28',
    });
    return { code, err: err.join('') };
  };

  test.each([
    [['audit', 'x.xlsx'], 'audit memerlukan --out FILE.xlsx.\n', 'audit needs --out FILE.xlsx.\n'],
    [
      ['validate', '--bogus'],
      'Opsi tidak dikenal: --bogus. Maksud Anda --out? Lihat --help.\n',
      'Unknown option: --bogus. Did you mean --out? See --help.\n',
    ],
    [
      ['frobnicate'],
      'Perintah tidak dikenal: frobnicate. Lihat --help.\n',
      'Unknown command: frobnicate. See --help.\n',
    ],
    [
      ['template', '--tahun', '2026', '--out', 'x.xlsx'],
      'template memerlukan --opd NAMA atau --all.\n',
      'template needs --opd NAME or --all.\n',
    ],
  ])('%j', async (argv, id, en) => {
    expect(await usage(argv)).toEqual({ code: 2, err: id });
    expect(await usage([...argv, '--lang', 'en'])).toEqual({ code: 2, err: en });
  });
});
