/**
 * The add-in's `Rekap OPD` colours the `Tepat Waktu <label>` cells as the command line does (the
 * sheet module's fill: late or past red, on time green; docs/spec/signoff.md), with no extra sync.
 */
import { letters } from '../../src/addin/chunks';
import { consolidate, scheduleColumn } from '../../src/engine/consolidate';
import { cssColour } from '../../src/engine/design/palette';
import { scheduleFill } from '../../src/engine/summary/sheets/rekapOpd';
import { createFakeExcel } from '../fake-excel';
import { adapterFor } from '../fake-excel/budget';
import { REF, SCHEDULE_INPUTS } from '../helpers/signoffSummary';
import { TODAY } from '../helpers/workbook';

test("Rekap OPD's schedule cells get the late and on-time fills in the add-in too", async () => {
  const summary = consolidate(SCHEDULE_INPUTS, { reference: REF, today: TODAY });
  const fake = createFakeExcel();
  await adapterFor(fake).writeSummary(summary, 'id');
  const rekap = fake.workbook.sheet('Rekap OPD');
  const { columns, rows } = summary.rekapOpd;
  const scheduleColumns = columns.flatMap((c, i) => (c.startsWith(scheduleColumn('')) ? [i] : []));
  expect(scheduleColumns).toHaveLength(2);
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    for (const c of scheduleColumns) {
      const word = r.cells[c];
      const fill = typeof word === 'string' ? scheduleFill(word) : null;
      if (fill) seen.add(fill);
      expect(rekap.fill(`${letters(c)}${i + 2}`)).toBe(fill ? cssColour(fill) : null);
    }
  });
  // The fixture has both kinds: the colours are not vacuously absent.
  expect([...seen].sort()).toEqual(['green', 'red']);
  expect(fake.stats.syncCount).toBe(3);
});
