/**
 * Issue 18, the reference corpus: a prototype-named key (`__proto__`, `constructor`, `toString` …)
 * in every keyed map of a reference, in JSON and in workbook form. Each reference is refused with a
 * message (exit 2) or loads and then works for every command; none reaches Object.prototype, none
 * ends in "Kesalahan internal".
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { run, Io } from '../../src/cli/main';

const NAMES = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf'];
const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
/** A reference as JSON, edited freely by the placements below. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type RefJson = Record<string, any>;
const BASE = JSON.parse(readFileSync(path.join(EXAMPLES, 'referensi-2026.json'), 'utf8')) as RefJson;
const SUBMISSION = path.join(EXAMPLES, 'dinkes-2026.xlsx');
const root = mkdtempSync(path.join(tmpdir(), 'inovasi-proto-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
jest.setTimeout(120_000);

/** Where a file may put a key of its choosing. Computed keys make own properties, `__proto__` included. */
const PLACEMENTS: Record<string, (ref: RefJson, name: string) => void> = {
  'jadwal.batas': (r, n) => (r.jadwal.batas = { ...r.jadwal.batas, [n]: '2026-12-20' }),
  parameter: (r, n) => (r.parameter = { ...(r.parameter ?? {}), [n]: 1 }),
  'parameter.severity': (r, n) => (r.parameter = { ...(r.parameter ?? {}), severity: { [n]: 'off' } }),
  'program.target': (r, n) => (r.rpjmd.program[0].target = { ...(r.rpjmd.program[0].target ?? {}), [n]: 5 }),
  // A level without a deadline: the schedule is looked up by it.
  'tingkatPersetujuan.kunci': (r, n) => {
    r.tingkatPersetujuan = [
      { kunci: 'penyusun', label: 'Disusun', labelEn: 'Prepared' },
      { kunci: n, label: 'Disetujui', labelEn: 'Approved' },
    ];
    r.tingkatWajib = n;
    r.jadwal = { tahun: 2026, batas: { penyusun: '2026-10-31' } };
  },
  tingkatWajib: (r, n) => (r.tingkatWajib = n),
  'opd.kode': (r, n) => r.opd.push({ ...r.opd[0], kode: n, nama: `Badan ${n}`, alias: [] }),
};

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

async function cli(argv: string[]): Promise<{ code: number; err: string }> {
  const t = io();
  const code = await run(argv, t.handle);
  expect(t.err()).not.toMatch(/Kesalahan internal|Cannot read|is not a function/);
  return { code, err: t.err() };
}

const cases = Object.keys(PLACEMENTS).flatMap((placement) => NAMES.map((name) => [placement, name] as const));

test.each(cases)(
  '%s «%s»: refused with a message, or every command works (JSON and workbook form)',
  async (placement, name) => {
    const dir = mkdtempSync(path.join(root, 'r-'));
    const ref = JSON.parse(JSON.stringify(BASE));
    PLACEMENTS[placement](ref, name);
    const json = path.join(dir, 'ref.json');
    writeFileSync(json, JSON.stringify(ref));
    const checked = await cli(['reference', 'check', json]);
    expect([0, 2]).toContain(checked.code);
    if (checked.code === 2) {
      expect(checked.err).toContain(json);
      return;
    }
    const workbook = path.join(dir, 'ref.xlsx');
    expect((await cli(['reference', 'convert', json, workbook, '--quiet'])).code).toBe(0);
    for (const form of [json, workbook]) {
      expect((await cli(['reference', 'check', form])).code).toBe(0);
      expect([0, 1]).toContain(
        (await cli(['validate', SUBMISSION, '--referensi', form, '--format', 'json', '--quiet'])).code,
      );
      expect([0, 1]).toContain(
        (
          await cli([
            'consolidate',
            SUBMISSION,
            '--referensi',
            form,
            '--out',
            path.join(dir, 'rekap.xlsx'),
            '--quiet',
          ])
        ).code,
      );
      expect([0, 1]).toContain(
        (
          await cli([
            'audit',
            SUBMISSION,
            '--referensi',
            form,
            '--out',
            path.join(dir, 'audit.csv'),
            '--quiet',
          ])
        ).code,
      );
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  },
);

test('the corpus reaches both outcomes: some references load, some are refused', async () => {
  const outcomes = new Set<number>();
  for (const [placement, name] of [
    ['tingkatPersetujuan.kunci', 'constructor'],
    ['jadwal.batas', '__proto__'],
  ] as const) {
    const ref = JSON.parse(JSON.stringify(BASE));
    PLACEMENTS[placement](ref, name);
    const file = path.join(root, `${placement}-${name}.json`);
    writeFileSync(file, JSON.stringify(ref));
    outcomes.add((await cli(['reference', 'check', file])).code);
  }
  expect([...outcomes].sort()).toEqual([0, 2]);
});
