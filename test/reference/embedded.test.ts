import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  EMBEDDED_NOMENKLATUR_BIDANG,
  EMBEDDED_NOMENKLATUR_PROGRAM,
  EMBEDDED_REFERENCE_JSON,
} from '../../src/engine/reference/data/embedded';
import {
  defaultReference,
  parseNomenclatureCsv,
  parseReferenceJson,
  referenceId,
} from '../../src/engine/reference/load';

const DATA = join(__dirname, '../../src/engine/reference/data');
const read = (file: string) => readFileSync(join(DATA, file), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const embedScript = require('../../scripts/embed-reference.js') as { embeddedData(): unknown };

describe('embedded reference data', () => {
  it('embedded.ts is current with the data files (run node scripts/embed-reference.js)', () => {
    // The sample with the IID 2026 example as its `iid` section (docs/spec/iid.md).
    expect(EMBEDDED_REFERENCE_JSON).toEqual({
      ...JSON.parse(read('bitung-contoh.json')),
      iid: JSON.parse(read('iid-2026.json')).iid,
    });
    const bidang = parseNomenclatureCsv(read('nomenklatur-bidang.csv'));
    const program = parseNomenclatureCsv(read('nomenklatur-program.csv'));
    expect(bidang).toMatchObject({ ok: true, kind: 'bidang' });
    expect(program).toMatchObject({ ok: true, kind: 'program' });
    if (bidang.ok) expect(EMBEDDED_NOMENKLATUR_BIDANG).toEqual(bidang.rows);
    if (program.ok) expect(EMBEDDED_NOMENKLATUR_PROGRAM).toEqual(program.rows);
    // The script's own CSV reading agrees with the engine's.
    expect(embedScript.embeddedData()).toEqual({
      reference: EMBEDDED_REFERENCE_JSON,
      bidang: EMBEDDED_NOMENKLATUR_BIDANG,
      program: EMBEDDED_NOMENKLATUR_PROGRAM,
    });
  });

  it('keeps the SAMPLE notice', () => {
    expect((EMBEDDED_REFERENCE_JSON as { $comment: string }).$comment).toMatch(/sample/i);
  });

  it('the default reference loads with no problem', () => {
    const result = parseReferenceJson(EMBEDDED_REFERENCE_JSON);
    expect(result.ok ? [] : result.problems).toEqual([]);
    const ref = defaultReference();
    expect(ref.nama).toBe('bitung-contoh');
    expect(ref.opd).toHaveLength(37);
    expect(ref.rpjmd.misi).toHaveLength(4);
    expect(ref.rpjmd.tujuan).toHaveLength(9);
    expect(ref.rpjmd.sasaran).toHaveLength(18);
    // The shared README says 53 programs; the file holds 55.
    expect(ref.rpjmd.program).toHaveLength(
      (EMBEDDED_REFERENCE_JSON as { rpjmd: { program: unknown[] } }).rpjmd.program.length,
    );
    expect(ref.nomenklatur.bidang).toHaveLength(43);
    expect(ref.nomenklatur.program).toHaveLength(194);
    expect(ref.parameter).toEqual({
      minWords: 300,
      namaMin: 5,
      namaMax: 200,
      headerSearchRows: 20,
      severity: {},
    });
    expect(ref).not.toHaveProperty('$comment');
    expect(defaultReference()).toBe(ref);
  });

  it('has a stable id of the form <nama>@<12 hex>', () => {
    const id = referenceId(defaultReference());
    expect(id).toMatch(/^bitung-contoh@[0-9a-f]{12}$/);
    const again = parseReferenceJson(JSON.parse(JSON.stringify(EMBEDDED_REFERENCE_JSON)));
    expect(again.ok && referenceId(again.reference)).toBe(id);
    // Pinned: a change here means every stamp made with the sample names another reference.
    // Update it only together with a deliberate change of the sample or of the canonical form.
    expect(id).toBe(PINNED_ID);
  });
});

// Changed with the IID 2026 example in the sample (docs/spec/iid.md).
const PINNED_ID = 'bitung-contoh@f1b97298a816';
