import { LABELS, VALID_IDENTITAS, colOf, found, inisiatifRow, validate, validRow } from '../helpers/workbook';

const at = (label: string, row = 2, header = LABELS) => `${colOf(label, header)}${row}`;

describe('LOG-01', () => {
  test('implementation before the trial points at Tanggal Penerapan', () => {
    expect(
      found(
        validate({
          rows: [validRow({ 'Tanggal Uji Coba': '2025-03-01', 'Tanggal Penerapan': '2025-02-01' })],
        }),
      ),
    ).toEqual([`LOG-01@${at('Tanggal Penerapan')}`]);
  });
  test('quiet on the same day, and when a date is invalid (FMT-03 only)', () => {
    expect(
      found(
        validate({
          rows: [validRow({ 'Tanggal Uji Coba': '2025-03-01', 'Tanggal Penerapan': '01/03/2025' })],
        }),
      ),
    ).toEqual([]);
    expect(
      found(
        validate({
          rows: [validRow({ 'Tanggal Uji Coba': '2025-13-01', 'Tanggal Penerapan': '2025-02-01' })],
        }),
      ),
    ).toEqual([`FMT-03@${at('Tanggal Uji Coba')}`]);
  });
});

describe('LOG-02', () => {
  test('one finding per future date cell', () => {
    const v = validate({
      rows: [validRow({ 'Tanggal Uji Coba': '2026-12-01', 'Tanggal Penerapan': '2027-01-01' })],
    });
    expect(found(v)).toEqual([`LOG-02@${at('Tanggal Uji Coba')}`, `LOG-02@${at('Tanggal Penerapan')}`]);
  });
  test('the validation date itself is not in the future; --today moves it', () => {
    expect(found(validate({ rows: [validRow({ 'Tanggal Penerapan': '2026-11-28' })] }))).toEqual([]);
    expect(found(validate({ rows: [validRow()] }, undefined, '2024-12-31'))).toEqual([
      `LOG-02@${at('Tanggal Penerapan')}`,
    ]);
  });
});

describe('LOG-03', () => {
  test('Inisiatif with a trial date, Uji Coba with an implementation date: at tahapan, once per row', () => {
    expect(
      found(
        validate({
          rows: [inisiatifRow({ 'Tanggal Uji Coba': '2025-01-01', 'Tanggal Penerapan': '2025-06-01' })],
        }),
      ),
    ).toEqual([`LOG-03@${at('Tahapan Inovasi')}`]);
    const ujiCoba = inisiatifRow({
      'Tahapan Inovasi': 'Uji Coba',
      'Tanggal Uji Coba': '2025-01-01',
      'Tanggal Penerapan': '2025-06-01',
    });
    expect(found(validate({ rows: [ujiCoba] }))).toEqual([`LOG-03@${at('Tahapan Inovasi')}`]);
  });
  test('quiet when the dates match the stage', () => {
    expect(
      found(
        validate({
          rows: [inisiatifRow({ 'Tahapan Inovasi': 'Uji Coba', 'Tanggal Uji Coba': '2025-01-01' })],
        }),
      ),
    ).toEqual([]);
  });
});

describe('LOG-04', () => {
  test('a budget with "Tanpa Anggaran" and a zero budget from APBD point at Sumber Anggaran', () => {
    expect(found(validate({ rows: [validRow({ 'Sumber Anggaran': 'Tanpa Anggaran' })] }))).toEqual([
      `LOG-04@${at('Sumber Anggaran')}`,
    ]);
    expect(found(validate({ rows: [validRow({ 'Anggaran (Rp)': 0, 'Sumber Anggaran': 'CSR' })] }))).toEqual([
      `LOG-04@${at('Sumber Anggaran')}`,
    ]);
  });
  test('quiet for zero without a budget, and for "Lainnya" with zero', () => {
    expect(
      found(validate({ rows: [validRow({ 'Anggaran (Rp)': 'Rp 0', 'Sumber Anggaran': 'Tanpa Anggaran' })] })),
    ).toEqual([]);
    expect(
      found(validate({ rows: [validRow({ 'Anggaran (Rp)': 0, 'Sumber Anggaran': 'Lainnya' })] })),
    ).toEqual([]);
  });
});

describe('LOG-05', () => {
  test('a replication without its source points at Sumber Replikasi, not FMT-01', () => {
    expect(found(validate({ rows: [validRow({ Replikasi: 'Ya' })] }))).toEqual([
      `LOG-05@${at('Sumber Replikasi')}`,
    ]);
  });
  test("when the optional column is absent, at the row's nama cell", () => {
    const header = LABELS.filter((l) => l !== 'Sumber Replikasi');
    expect(found(validate({ header, rows: [validRow({ Replikasi: 'Ya' })] }))).toEqual([
      `LOG-05@${at('Nama Inovasi', 2, header)}`,
    ]);
  });
  test('quiet with a source', () => {
    expect(
      found(validate({ rows: [validRow({ Replikasi: 'Ya', 'Sumber Replikasi': 'Kabupaten Banyuwangi' })] })),
    ).toEqual([]);
  });
});

describe('LOG-06', () => {
  test('the later of two equal names (after normalisation), with the earlier row as hint', () => {
    const v = validate({
      rows: [validRow(), validRow({ 'Nama Inovasi': '  POSYANDU  digital-bitung sehat ' })],
    });
    expect(found(v)).toEqual([`LOG-06@${at('Nama Inovasi', 3)}`]);
    expect(v.findings[0].params).toEqual({ baris: 2 });
  });
  test('a third copy also points at the first row', () => {
    const v = validate({ rows: [validRow(), validRow(), validRow()] });
    expect(v.findings.map((f) => [f.rule, f.row, f.params.baris])).toEqual([
      ['LOG-06', 3, 2],
      ['LOG-06', 4, 2],
    ]);
  });
  test('distinct names are quiet', () => {
    expect(
      found(
        validate({ rows: [validRow(), validRow({ 'Nama Inovasi': 'Posyandu Digital Bitung Sehat 2' })] }),
      ),
    ).toEqual([]);
  });
});

describe('LOG-07', () => {
  test('a target year earlier than the reporting year, not yet implemented', () => {
    expect(found(validate({ rows: [inisiatifRow({ 'Target Tahun Penerapan': 2025 })] }))).toEqual([
      `LOG-07@${at('Target Tahun Penerapan')}`,
    ]);
  });
  test('quiet for Penerapan, for a target this year, and without a valid tahun', () => {
    expect(found(validate({ rows: [validRow({ 'Target Tahun Penerapan': 2025 })] }))).toEqual([]);
    expect(found(validate({ rows: [inisiatifRow({ 'Target Tahun Penerapan': 2026 })] }))).toEqual([]);
    const identitas = VALID_IDENTITAS.map(([l, v]): [string, typeof v] => [
      l,
      l === 'Tahun Pelaporan' ? 'x' : v,
    ]);
    expect(found(validate({ identitas, rows: [inisiatifRow({ 'Target Tahun Penerapan': 2025 })] }))).toEqual([
      'FMT-04@B2',
    ]);
  });
});
