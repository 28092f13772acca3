/**
 * Fuzzing: valid workbooks mutated at three levels (archive bytes, XML text, cell values), and
 * sign-off chains written by hand (`stamps`: dates at the edges of the range, prototype-named
 * levels, open errors, returns without a note), each
 * checked to end in a report or one KON-03 with a cause, without an exception, within 5 seconds.
 *
 * Seeded, so a run is repeatable: FUZZ_SEED and FUZZ_ITERATIONS change them. An input that fails
 * is written to FUZZ_SAVE (default: a temp folder named in the failure); once its cause is fixed,
 * it goes to test/fixtures/fuzz-regressions/ (replayed by regressions.test.ts).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { errorCell } from '../../src/engine/grid';
import { LABELS, VALID_IDENTITAS, inisiatifRow, validRow } from '../helpers/workbook';
import { gridXlsx } from '../xlsx/gridXlsx';
import { validateBytes } from '../../src/cli/inputs';
import { checkInput, FUZZ_REFERENCE, MAX_MS_PER_INPUT, type Outcome } from './harness';
import {
  mulberry32,
  mutateArchive,
  mutateCells,
  mutateXml,
  stampSheetRows,
  Random,
  unzipParts,
  zipPartsOf,
  type Parts,
} from './mutators';

const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? 1000);
const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

/** Workbooks as Excel users send them (written by exceljs), and one written by hand with inline strings. */
function seeds(): { name: string; bytes: Uint8Array; parts: Parts }[] {
  const files = ['dinkes-2026.xlsx', 'dpmptsp-2026.xlsx', 'dishub-2026.xlsx'].map((name) => ({
    name,
    bytes: new Uint8Array(fs.readFileSync(path.join(EXAMPLES, name))),
  }));
  const handWritten = gridXlsx([
    { name: 'Identitas', rows: VALID_IDENTITAS.map(([label, value]) => [label, value]) },
    {
      name: 'Inovasi',
      rows: [
        LABELS,
        ...[
          validRow(),
          inisiatifRow({ No: 2, Anggaran: errorCell('#N/A') }),
          validRow({ No: 3, 'Nama Inovasi': 'Antrian Daring Puskesmas' }),
        ].map((row) => LABELS.map((label) => row[label] ?? null)),
      ],
    },
  ]);
  return [...files, { name: 'inline-strings.xlsx', bytes: handWritten }].map((s) => ({
    ...s,
    parts: unzipParts(s.bytes),
  }));
}

/** The hand-written seed's sheets, to which the `stamps` level adds a `_stempel` sheet. */
const STAMPED_BASE = [
  { name: 'Identitas', rows: VALID_IDENTITAS.map(([label, value]) => [label, value]) },
  { name: 'Inovasi', rows: [LABELS, LABELS.map((label) => validRow()[label] ?? null)] },
];
const STAMPED_HASH =
  validateBytes(gridXlsx(STAMPED_BASE), 'h.xlsx', { reference: FUZZ_REFERENCE, today: '2026-11-28' })
    .contentHash ?? '';

interface Failure {
  iteration: number;
  seed: string;
  mutation: string;
  problem: string;
  saved: string;
}

describe(`fuzzing valid workbooks (seed ${SEED}, ${ITERATIONS} iterations)`, () => {
  const bases = seeds();
  const outcomes = new Map<string, number>();
  const levels = { archive: 0, xml: 0, cells: 0, stamps: 0 };
  let slowest = 0;

  it('every seed is a readable workbook that validates', () => {
    for (const seed of bases) expect([seed.name, checkInput(seed.bytes).kind]).toEqual([seed.name, 'report']);
  });

  it('every mutation ends in a report or one KON-03 with a cause, without an exception, within 5 s', () => {
    const rnd = new Random(mulberry32(SEED));
    const failures: Failure[] = [];
    const saveDir = process.env.FUZZ_SAVE ?? path.join(os.tmpdir(), `inovasi-fuzz-${SEED}`);
    const started = Date.now();
    for (let iteration = 0; iteration < ITERATIONS; iteration++) {
      const seed = rnd.pick(bases);
      const level = rnd.pick(['archive', 'xml', 'cells', 'stamps'] as const);
      levels[level]++;
      let bytes: Uint8Array;
      let mutation: string;
      if (level === 'stamps') {
        // A sign-off chain written by hand: dates at the edges of the range, prototype-named levels.
        const rows = stampSheetRows(rnd, STAMPED_HASH);
        bytes = gridXlsx([...STAMPED_BASE, { name: '_stempel', rows }]);
        mutation = JSON.stringify(rows.slice(1).map((r) => [r[0], r[3], r[7]]));
      } else if (level === 'archive') {
        [bytes, mutation] = mutateArchive(seed.bytes, rnd);
      } else {
        const [parts, note] = level === 'xml' ? mutateXml(seed.parts, rnd) : mutateCells(seed.parts, rnd);
        // Now and then both: a mutated part in a damaged archive.
        [bytes, mutation] = rnd.chance(0.1)
          ? mutateArchive(zipPartsOf(parts, rnd), rnd)
          : [zipPartsOf(parts, rnd), ''];
        mutation = mutation ? `${note} + ${mutation}` : note;
      }
      const outcome: Outcome = checkInput(bytes);
      slowest = Math.max(slowest, outcome.ms);
      outcomes.set(outcome.kind, (outcomes.get(outcome.kind) ?? 0) + 1);
      if (outcome.problem) {
        fs.mkdirSync(saveDir, { recursive: true });
        const saved = path.join(saveDir, `fuzz-${iteration}.xlsx`);
        fs.writeFileSync(saved, bytes);
        failures.push({
          iteration,
          seed: seed.name,
          mutation: `${level}: ${mutation}`,
          problem: outcome.problem,
          saved,
        });
      }
    }
    const summary = [...outcomes].map(([kind, n]) => `${kind} ${n}`).join(', ');
    if (process.env.LIMITS_REPORT) {
      console.log(
        `fuzz: ${ITERATIONS} inputs in ${Date.now() - started} ms, slowest ${slowest} ms; ${summary}; levels ${JSON.stringify(levels)}`,
      );
    }
    expect(failures).toEqual([]);
    expect(slowest).toBeLessThan(MAX_MS_PER_INPUT);
  });

  it('mutates at every level and reaches both outcomes', () => {
    expect(Math.min(levels.archive, levels.xml, levels.cells, levels.stamps)).toBeGreaterThan(ITERATIONS / 6);
    expect(outcomes.get('report')).toBeGreaterThan(ITERATIONS / 5);
    expect(outcomes.get('corrupt')).toBeGreaterThan(ITERATIONS / 10);
  });
});
