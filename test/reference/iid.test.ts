/** The reference's `iid` section (docs/spec/iid.md, docs/spec/reference-data.md): shape, checks naming the row, both file forms. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { WorkbookGrid } from '../../src/engine/grid';
import { maxScore } from '../../src/engine/iid/model';
import {
  defaultReference,
  parseReferenceJson,
  referenceId,
  referenceToJson,
} from '../../src/engine/reference/load';
import { referenceFromGrid, referenceToGrid } from '../../src/engine/reference/workbook';

const DATA = path.join(__dirname, '../../src/engine/reference/data');
const example = JSON.parse(readFileSync(path.join(DATA, 'iid-2026.json'), 'utf8')).iid;
const bitung = JSON.parse(readFileSync(path.join(DATA, 'bitung-contoh.json'), 'utf8'));

const problemsOf = (iid: unknown) => {
  const r = parseReferenceJson({ ...bitung, iid });
  return r.ok ? [] : r.problems.map((p) => p.message.id);
};
const clone = () => JSON.parse(JSON.stringify(example));

test('the 2026 example: 20 indicators, weights summing to 37, three levels each, defaults', () => {
  const iid = defaultReference().iid!;
  expect(iid.indikator).toHaveLength(20);
  expect(iid.indikator.reduce((s, i) => s + i.bobot, 0)).toBe(37);
  expect(maxScore(iid)).toBe(111);
  expect(iid.indikator.every((i) => i.tingkat.length === 3)).toBe(true);
  expect(iid).toMatchObject({ tahun: 2026, pembagi: 10, ambangSiap: 80 });
  expect(iid.sumber).toMatch(/sesuaikan/);
});

test('defaults for pembagi and ambangSiap', () => {
  const { pembagi: _p, ambangSiap: _a, ...rest } = clone();
  void _p;
  void _a;
  const r = parseReferenceJson({ ...bitung, iid: rest });
  expect(r.ok && r.reference.iid).toMatchObject({ pembagi: 10, ambangSiap: 80 });
});

test('a reference without iid has none, and keeps its id', () => {
  const r = parseReferenceJson(bitung);
  expect(r.ok && r.reference.iid).toBeUndefined();
  expect(r.ok && 'iid' in referenceToJson(r.reference)).toBe(false);
});

describe('checks name the bad row', () => {
  test.each([
    [
      'a duplicate kode',
      (x: { indikator: Record<string, unknown>[] }) => (x.indikator[3].kode = 'sdm'),
      /Indikator IID baris 4: kode «sdm» sudah dipakai \(Indikator IID baris 2\)/,
    ],
    [
      'a duplicate no',
      (x: { indikator: Record<string, unknown>[] }) => (x.indikator[5].no = 16),
      /Indikator IID baris 6: no 16 sudah dipakai/,
    ],
    [
      'a kode not camelCase',
      (x: { indikator: Record<string, unknown>[] }) => (x.indikator[0].kode = 'Regulasi Daerah'),
      /Indikator IID baris 1: kode «Regulasi Daerah» harus/,
    ],
    [
      'a weight of 0',
      (x: { indikator: Record<string, unknown>[] }) => (x.indikator[2].bobot = 0),
      /Indikator IID baris 3: bobot 0 harus bilangan bulat positif/,
    ],
    [
      'a fractional weight',
      (x: { indikator: Record<string, unknown>[] }) => (x.indikator[2].bobot = 1.5),
      /Indikator IID baris 3: bobot/,
    ],
    [
      'two levels',
      (x: { indikator: Record<string, unknown>[] }) => (x.indikator[7].tingkat = ['a', 'b']),
      /Indikator IID baris 8: tingkat harus tepat 3 label/,
    ],
    [
      'an unknown derivation',
      (x: { indikator: Record<string, unknown>[] }) => (x.indikator[1].turunan = 'umur'),
      /Indikator IID baris 2: turunan «umur» tidak dikenal/,
    ],
    [
      'a duplicate name',
      (x: { indikator: Record<string, unknown>[] }) => (x.indikator[4].nama = 'alat kerja'),
      /Indikator IID baris 5: nama «alat kerja» sudah dipakai \(Indikator IID baris 4\)/,
    ],
    ['no source', (x: Record<string, unknown>) => delete x.sumber, /iid\.sumber.*sumber IID wajib diisi/],
    ['a threshold over 100', (x: Record<string, unknown>) => (x.ambangSiap = 120), /iid\.ambangSiap.*1–100/],
    ['a divisor of 0', (x: Record<string, unknown>) => (x.pembagi = 0), /iid\.pembagi.*≥ 1/],
    ['no indicator', (x: Record<string, unknown>) => (x.indikator = []), /1 sampai 40, bukan 0/],
    [
      '41 indicators',
      (x: { indikator: Record<string, unknown>[] }) => {
        x.indikator = Array.from({ length: 41 }, (_, i) => ({
          ...x.indikator[0],
          kode: `k${i}`,
          no: i + 1,
          nama: `Indikator ${i}`,
        }));
      },
      /1 sampai 40, bukan 41/,
    ],
  ])('%s', (_what, breakIt, message) => {
    const iid = clone();
    breakIt(iid);
    expect(problemsOf(iid)).toEqual([expect.stringMatching(message)]);
  });
});

describe('the reference workbook: IID Indikator sheet and Parameter rows', () => {
  const gridOf = (sheets: ReturnType<typeof referenceToGrid>): WorkbookGrid => ({
    sheets: sheets.map((s) => ({ name: s.name, rows: s.rows })),
  });

  test('a round trip keeps the section and the id', () => {
    const ref = defaultReference();
    const back = referenceFromGrid(gridOf(referenceToGrid(ref)), ref.nama);
    expect(back.ok && back.reference.iid).toEqual(ref.iid);
    expect(back.ok && referenceId(back.reference)).toBe(referenceId(ref));
  });

  test('a bad indicator row is named by sheet and worksheet row; Wajib reads Ya/Tidak', () => {
    const sheets = referenceToGrid(defaultReference());
    const sheet = sheets.find((s) => s.name === 'IID Indikator')!;
    sheet.rows[3][3] = 'dua'; // Bobot of the third indicator (worksheet row 4)
    sheet.rows[5][4] = 'Mungkin';
    const r = referenceFromGrid(gridOf(sheets), 'x');
    expect(r.ok ? [] : r.problems.map((p) => p.message.id)).toEqual([
      expect.stringMatching(/^Lembar IID Indikator baris 4: bobot «dua» harus bilangan bulat positif/),
      expect.stringMatching(/^Lembar IID Indikator baris 6: wajib harus Ya\/Tidak/),
    ]);
  });
});

test('the JSON Schema describes the iid section the loader accepts', () => {
  const schema = JSON.parse(readFileSync(path.join(DATA, 'reference.schema.json'), 'utf8'));
  const node = schema.properties.iid;
  expect(node.required).toEqual(['tahun', 'sumber', 'indikator']);
  expect(node.properties.indikator.maxItems).toBe(40);
  expect(node.properties.indikator.items.properties.turunan.enum).toEqual([
    'dasarHukum',
    'spJangkaWaktu',
    'penerimaManfaat',
    'kecepatan',
  ]);
  for (const i of example.indikator)
    for (const key of node.properties.indikator.items.required) expect(i[key]).toBeDefined();
  for (const i of example.indikator)
    for (const key of Object.keys(i))
      expect(Object.keys(node.properties.indikator.items.properties)).toContain(key);
});
