/**
 * A used range over five million cells (issue 22): Excel refuses to return its values on every
 * platform — often not with an error but with `values: null` (office-js #4783, #6781) — so the
 * reader must never ask for that much in one range: the sheet is read in row blocks of at most a
 * million cells, on desktop as on the web, and the grid is the same as a small sheet's.
 */
import { createExcelAdapter } from '../../src/addin/excelAdapter';
import type { ExcelHost, OfficeHost } from '../../src/addin/port';
import { findSheet } from '../../src/engine/parse';
import { createFakeExcel } from '../fake-excel';
import { benchmarkSheets } from '../fake-excel/budget';

/** 40 submission rows; a stray value far to the right makes the used range 16,384 columns wide (about 6.6 million cells). */
function wideFake(options: { responseLimitBytes?: number } = {}) {
  const fake = createFakeExcel({ sheets: benchmarkSheets(40), ...options });
  fake.workbook.sheet('Inovasi').setValues('XFD400', [['x']]);
  return fake;
}

const adapter = (fake: ReturnType<typeof createFakeExcel>) =>
  createExcelAdapter(fake.Excel as unknown as ExcelHost, fake.Office as unknown as OfficeHost);

describe('a sheet whose used range is over five million cells', () => {
  test('the fake answers such a read as Excel does: values null', async () => {
    const fake = wideFake({ responseLimitBytes: Infinity });
    const values = await fake.Excel.run(async (context) => {
      const used = context.workbook.worksheets.getItem('Inovasi').getUsedRange(true).load('values,cellCount');
      await context.sync();
      return { values: used.values, cells: used.cellCount };
    });
    expect(values.cells).toBeGreaterThan(6_000_000);
    expect(values.values).toBeNull();
  });

  for (const [platform, options] of [
    ['desktop', { responseLimitBytes: Infinity }],
    ['the web', {}],
  ] as const) {
    test(`${platform}: read in row blocks, every cell there, no response refused`, async () => {
      const fake = wideFake(options);
      const { grid } = await adapter(fake).readSubmission();
      const inovasi = findSheet(grid, 'Inovasi')!;
      expect(inovasi.rows).toHaveLength(400);
      expect(inovasi.rows[399]?.[16383]).toBe('x');
      expect(inovasi.rows.slice(0, 41).every((r) => r && r.length > 10)).toBe(true);
      expect(fake.stats.log.every((r) => !r.refused)).toBe(true);
    }, 120_000);
  }
});
