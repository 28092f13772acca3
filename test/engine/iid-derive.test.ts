/** Derived levels (docs/spec/iid.md): a test per boundary of the derivation table. */
import { DERIVATIONS, completedMonths, deriveLevel } from '../../src/engine/iid/derive';
import { ColumnKey } from '../../src/engine/schema';

const with1 = (key: ColumnKey, v: string | number | null) => (k: ColumnKey) => (k === key ? v : null);

describe('spJangkaWaktu (kemudahan proses): ≤ 1 day 3, ≤ 5 days 2, more 1', () => {
  test.each([
    [0.5, 3],
    [1, 3],
    [1.5, 2],
    [5, 2],
    [6, 1],
    [30, 1],
  ])('%p days → level %p', (days, level) => {
    expect(deriveLevel(DERIVATIONS.spJangkaWaktu, with1('spJangkaWaktu', days))).toBe(level);
  });
  test('0 days, empty or unparsed → none', () => {
    expect(deriveLevel(DERIVATIONS.spJangkaWaktu, with1('spJangkaWaktu', 0))).toBeNull();
    expect(deriveLevel(DERIVATIONS.spJangkaWaktu, with1('spJangkaWaktu', null))).toBeNull();
  });
});

describe('penerimaManfaat (kemanfaatan): 1–200 1, 201–500 2, ≥ 501 3', () => {
  test.each([
    [0, null],
    [1, 1],
    [200, 1],
    [201, 2],
    [500, 2],
    [501, 3],
    [100000, 3],
  ])('%p beneficiaries → %p', (n, level) => {
    expect(deriveLevel(DERIVATIONS.penerimaManfaat, with1('penerimaManfaat', n))).toBe(level);
  });
});

describe('kecepatan: completed months from tglUjiCoba to tglPenerapan; ≥ 9 1, 5–8 2, ≤ 4 3', () => {
  const span = (from: string, to: string) =>
    deriveLevel(DERIVATIONS.kecepatan, (k) => (k === 'tglUjiCoba' ? from : k === 'tglPenerapan' ? to : null));
  test.each([
    ['2025-01-15', '2025-01-15', 3],
    ['2025-01-15', '2025-06-14', 3], // 4 completed months
    ['2025-01-15', '2025-06-15', 2], // 5
    ['2025-01-15', '2025-10-14', 2], // 8
    ['2025-01-15', '2025-10-15', 1], // 9
    ['2024-03-01', '2025-01-15', 1],
  ])('%s → %s: level %p', (from, to, level) => {
    expect(span(from, to)).toBe(level);
  });
  test('a negative span (LOG-01) or a missing date → none', () => {
    expect(span('2025-06-01', '2025-01-01')).toBeNull();
    expect(deriveLevel(DERIVATIONS.kecepatan, () => null)).toBeNull();
  });
  test('completed calendar months count a month only when its day is reached', () => {
    expect(completedMonths('2026-01-31', '2026-02-28')).toBe(0);
    expect(completedMonths('2026-01-31', '2026-03-31')).toBe(2);
    expect(completedMonths('2025-12-15', '2026-01-15')).toBe(1);
  });
});

describe('dasarHukum (regulasi): Perda 3; Perkada, Perwali/Perwako, Perbup 2; a decree 1; the highest named', () => {
  test.each([
    ['Peraturan Daerah Kota Bitung Nomor 3 Tahun 2023', 3],
    ['Perda No. 3/2021', 3],
    ['Peraturan Wali Kota Bitung Nomor 12 Tahun 2024', 2],
    ['Perwako No. 5 Tahun 2023', 2],
    ['Perwali 7/2022', 2],
    ['Perbup Nomor 4 Tahun 2024', 2],
    ['Peraturan Kepala Daerah Nomor 1 Tahun 2024', 2],
    ['Keputusan Wali Kota Bitung Nomor 188.45/HKM/SK/45/2024', 1],
    ['SK Kepala Dinas Kesehatan Nomor 440/12/2025', 1],
    ['SK Kepala Dinas; Perda Nomor 2 Tahun 2020', 3],
    ['Surat Edaran Nomor 3 Tahun 2024', null],
  ])('%s → %p', (text, level) => {
    expect(deriveLevel(DERIVATIONS.dasarHukum, with1('dasarHukum', text))).toBe(level);
  });
});

test('only regulasi and kemudahan proses are compared with a claim (IID-04)', () => {
  expect(
    Object.values(DERIVATIONS)
      .filter((d) => d.bandingkan)
      .map((d) => d.key),
  ).toEqual(['dasarHukum', 'spJangkaWaktu']);
});
