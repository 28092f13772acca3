/** The `Temuan` sheet the add-in writes quotes values as the report does: shortened, never whole (issue 15). */
import { temuanRows } from '../../src/addin/flags';
import { validRow, validate } from '../helpers/workbook';

describe('temuanRows', () => {
  const valueAt = (rows: readonly (readonly unknown[])[], rule: string) => {
    const header = rows[0];
    const row = rows.find((r) => r[1] === rule)!;
    return row[header.indexOf('Nilai')];
  };

  test('a 32,767-character value is written shortened to 200 characters with …', () => {
    const long = 'x'.repeat(32_767);
    const v = validate({ rows: [validRow({ 'Nama Inovasi': long })] });
    const rows = temuanRows(v, 'id', new Map());
    const value = valueAt(rows, 'FMT-06') as string;
    expect(value).toHaveLength(200);
    expect(value.endsWith('…')).toBe(true);
    expect(long.startsWith(value.slice(0, -1))).toBe(true);
  });

  test('a short value is written as it is', () => {
    const v = validate({ rows: [validRow({ 'Nama Inovasi': 'Ab' })] });
    expect(valueAt(temuanRows(v, 'id', new Map()), 'FMT-06')).toBe('Ab');
  });
});
