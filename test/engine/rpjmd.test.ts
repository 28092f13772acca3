import { VALID_IDENTITAS, colOf, found, inisiatifRow, validate, validRow } from '../helpers/workbook';

const at = (label: string, row = 2) => `${colOf(label)}${row}`;
const identity = (label: string, value: string | number) =>
  VALID_IDENTITAS.map(([l, v]): [string, typeof v] => [l, l === label ? value : v]);

describe('RPJ-01', () => {
  test('a program without a leading code', () => {
    const v = validate({ rows: [validRow({ 'Kode Program RPJMD': 'Program Kesehatan Masyarakat' })] });
    expect(found(v)).toEqual([`RPJ-01@${at('Kode Program RPJMD')}`]);
    expect(v.findings[0].params.periode).toBe('2025–2029');
  });
  test('a code that is no program of the RPJMD, with the nearest code as hint', () => {
    const v = validate({ rows: [validRow({ 'Kode Program RPJMD': '1.02.04' })] });
    expect(found(v)).toEqual([`RPJ-01@${at('Kode Program RPJMD')}`]);
    expect(v.findings[0].hint?.key).toBe('nearest');
  });
  test('code forms that are accepted', () => {
    for (const p of ['1.2.2', '1.02.02 - PROGRAM PEMENUHAN UPAYA KESEHATAN', '1.02.02 Program apa saja']) {
      const v = validate({ rows: [validRow({ 'Kode Program RPJMD': p })] });
      expect(found(v)).toEqual([]);
      expect(v.submission?.table?.rows[0].cells.program.parsed).toEqual({ kind: 'ok', value: '1.02.02' });
    }
  });
});

describe('RPJ-02', () => {
  test('a program of another bidang than urusan', () => {
    expect(found(validate({ rows: [validRow({ 'Urusan Pemerintahan': '1.01' })] }))).toEqual([
      `RPJ-04@${at('Urusan Pemerintahan')}`,
      `RPJ-02@${at('Kode Program RPJMD')}`,
    ]);
  });
  test('needs a valid urusan', () => {
    expect(found(validate({ rows: [validRow({ 'Urusan Pemerintahan': '9.99' })] }))).toEqual([
      `FMT-02@${at('Urusan Pemerintahan')}`,
    ]);
  });
});

describe('RPJ-03', () => {
  test('the OPD is not responsible for the program (warning)', () => {
    const v = validate({
      rows: [validRow({ 'Urusan Pemerintahan': '1.01', 'Kode Program RPJMD': '1.01.02' })],
    });
    expect(found(v)).toEqual([`RPJ-04@${at('Urusan Pemerintahan')}`, `RPJ-03@${at('Kode Program RPJMD')}`]);
    expect(v.findings.map((f) => f.severity)).toEqual(['warning', 'warning']);
  });
  test('skipped when the OPD is unknown (STR-06 fired)', () => {
    const v = validate({
      identitas: identity('Perangkat Daerah', 'Dinas Antah Berantah'),
      rows: [validRow({ 'Urusan Pemerintahan': '1.01', 'Kode Program RPJMD': '1.01.02' })],
    });
    expect(found(v)).toEqual(['STR-06@B1']);
  });
});

describe('RPJ-04', () => {
  test("quiet when the urusan is the OPD's own", () => {
    expect(found(validate({ rows: [validRow()] }))).toEqual([]);
  });
});

describe('RPJ-05', () => {
  test('a reporting year outside the RPJMD period, at the tahun value cell', () => {
    expect(found(validate({ identitas: identity('Tahun Pelaporan', 2024) }))).toEqual(['RPJ-05@B2']);
  });
  test('quiet at the period bounds', () => {
    expect(found(validate({ identitas: identity('Tahun Pelaporan', 2025) }))).toEqual([]);
    expect(
      found(
        validate(
          { identitas: identity('Tahun Pelaporan', 2029), rows: [validRow()] },
          undefined,
          '2029-12-31',
        ),
      ),
    ).toEqual([]);
  });
});

describe('RPJ-06', () => {
  test('a target year outside the period (warning)', () => {
    const v = validate({ rows: [inisiatifRow({ 'Target Tahun Penerapan': 2031 })] });
    expect(found(v)).toEqual([`RPJ-06@${at('Target Tahun Penerapan')}`]);
  });
  test('quiet inside the period', () => {
    expect(found(validate({ rows: [inisiatifRow({ 'Target Tahun Penerapan': 2029 })] }))).toEqual([]);
  });
});

test('an error value in the program column is FMT-02, not RPJ-01', () => {
  expect(
    found(validate({ rows: [validRow({ 'Kode Program RPJMD': { kind: 'error', code: '#REF!' } })] })),
  ).toEqual([`FMT-02@${at('Kode Program RPJMD')}`]);
});
