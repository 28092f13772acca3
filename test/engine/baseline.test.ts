import { found, validate, validRow, inisiatifRow } from '../helpers/workbook';

test('a correct Penerapan row and a correct Inisiatif row give no finding at all', () => {
  const v = validate({ rows: [validRow(), inisiatifRow()] });
  expect(found(v)).toEqual([]);
  expect(v.opd?.kode).toBe('DINKES');
  expect(v.tahun).toBe(2026);
  expect(v.stamp).toBe('none');
  expect(v.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
});
