/**
 * The add-in's summary charts and page setup read back from the fake Excel host (issue 21,
 * docs/spec/consolidation.md *Printing and reading*): axis titles, labels of the engine's size
 * (≥ 8 points on paper), the legend below, misi as `M1 – short name` in reference order, OPD codes
 * turned when many (ExcelApi 1.8); every header and footer free of `&D`.
 */
import {
  SUMMARY_SHEET_NAMES,
  type CitySummary,
  consolidate,
  summarySheets,
} from '../../src/engine/consolidate';
import {
  CHART_FONT_POINTS,
  MIN_PRINT_SCALE,
  chartTitlePoints,
  columnLetters,
  officeTextOrientation,
  sheetLayout,
  summaryCharts,
} from '../../src/engine/printout';
import { defaultReference } from '../../src/engine/reference/load';
import { Reference, misiShortName } from '../../src/engine/reference/model';
import { validateWorkbook } from '../../src/engine/validate';
import { createFakeExcel } from '../fake-excel';
import { adapterFor } from '../fake-excel/budget';
import { TODAY, VALID_IDENTITAS, buildGrid, inisiatifRow, validRow } from '../helpers/workbook';

const reference = defaultReference();

/** `n` OPDs of the reference, each with one innovation (the first also one in Penerapan). */
function summaryOf(n: number, ref: Reference = reference): CitySummary {
  const inputs = ref.opd.slice(0, n).map((opd, k) => {
    const grid = buildGrid({
      identitas: VALID_IDENTITAS.map(([l, v]) => [l, l === 'Perangkat Daerah' ? opd.nama : v]),
      rows: k === 0 ? [validRow(), inisiatifRow()] : [inisiatifRow()],
    });
    const file = `opd-${k + 1}.xlsx`;
    return {
      file,
      size: 4096,
      sha256: 'cd'.repeat(32),
      validation: validateWorkbook(grid, file, { reference: ref, today: TODAY }),
    };
  });
  return consolidate(inputs, { reference: ref, today: TODAY, consolidatedAt: '2026-12-07T09:00:00' });
}

async function written(summary: CitySummary, apiVersion = '1.18', lang: 'id' | 'en' = 'id') {
  const fake = createFakeExcel({ sheets: { Lembar1: [] }, apiVersion });
  await adapterFor(fake).writeSummary(summary, lang, { region: 'Kota Bitung' });
  return fake;
}

/** `'Program RPJMD'!B20:B23` → the cells' values, top to bottom. */
function cellsOf(fake: Awaited<ReturnType<typeof written>>, qualified: string): unknown[] {
  const at = qualified.lastIndexOf('!');
  const sheet = qualified.slice(0, at).replace(/^'|'$/g, '').replace(/''/g, "'");
  return fake.workbook
    .sheet(sheet)
    .values(qualified.slice(at + 1))
    .flat();
}

describe('the summary charts in Excel read as the command line draws them', () => {
  test('axis titles, every text at the engine size (≥ 8 points at the 70 % print floor), the legend below', async () => {
    const summary = summaryOf(3);
    const fake = await written(summary);
    const charts = summaryCharts(summarySheets(summary), 'id');
    expect(charts.map((c) => c.sheet)).toEqual(['Rekap OPD', 'Program RPJMD']);
    expect((CHART_FONT_POINTS * MIN_PRINT_SCALE) / 100).toBeGreaterThanOrEqual(8);
    for (const c of charts) {
      expect(fake.workbook.sheet(c.sheet).chartText()).toEqual([
        {
          title: c.title,
          titleSize: chartTitlePoints(c),
          categoryTitle: c.axisTitles.category,
          valueTitle: c.axisTitles.value,
          categoryTitleSize: CHART_FONT_POINTS,
          valueTitleSize: CHART_FONT_POINTS,
          categoryLabelSize: CHART_FONT_POINTS,
          valueLabelSize: CHART_FONT_POINTS,
          categoryTextOrientation: null, // three OPDs: level labels, nothing turned
          legend: { visible: true, position: 'Bottom', size: CHART_FONT_POINTS },
        },
      ]);
    }
    expect(fake.workbook.sheet('Rekap OPD').chartText()[0]).toMatchObject({
      categoryTitle: 'Perangkat Daerah (kode)',
      valueTitle: 'Jumlah inovasi',
    });
    expect(fake.workbook.sheet('Program RPJMD').chartText()[0].categoryTitle).toBe('Misi RPJMD');
  });

  test('axis titles follow the language', async () => {
    const fake = await written(summaryOf(2), '1.18', 'en');
    expect(fake.workbook.sheet('Rekap OPD').chartText()[0]).toMatchObject({
      categoryTitle: 'Agency (code)',
      valueTitle: 'Innovations',
    });
    expect(fake.workbook.sheet('Program RPJMD').chartText()[0].categoryTitle).toBe('RPJMD mission');
  });

  test('misi categories read `M1 – short name` (the reference’s Singkat, else its first words), in the reference’s order', async () => {
    const fake = await written(summaryOf(4));
    const [series] = fake.workbook.sheet('Program RPJMD').chartSeries()[0];
    const categories = cellsOf(fake, series.categories!) as string[];
    expect(categories.length).toBeGreaterThan(1);
    const listed = reference.rpjmd.misi.filter((m) => categories.some((c) => c.startsWith(`${m.kode} – `)));
    expect(categories).toEqual(listed.map((m) => `${m.kode} – ${misiShortName(m)}`));

    // A reference listing its misi out of code order, one with a short name of its own: its order, its name.
    const [m1, m2, m3, m4] = reference.rpjmd.misi;
    const reordered: Reference = {
      ...reference,
      rpjmd: { ...reference.rpjmd, misi: [m4, m2, { ...m1, singkat: 'SDM sehat dan cerdas' }, m3] },
    };
    const other = await written(summaryOf(4, reordered));
    const [s2] = other.workbook.sheet('Program RPJMD').chartSeries()[0];
    const labels = cellsOf(other, s2.categories!) as string[];
    const order = reordered.rpjmd.misi
      .map((m) => m.kode)
      .filter((k) => labels.some((l) => l.startsWith(`${k} – `)));
    expect(labels.map((l) => l.split(' – ')[0])).toEqual(order);
    expect(order).not.toEqual([...order].sort());
    expect(labels).toContain('M1 – SDM sehat dan cerdas');
  });

  test('OPD codes are turned 45° upwards when there are more than eight (ExcelApi 1.8), level below 1.8', async () => {
    const summary = summaryOf(10);
    const opd = summaryCharts(summarySheets(summary), 'id')[0];
    expect(opd.rows).toHaveLength(10);
    expect(opd.labelAngle).toBe(-45); // DrawingML's rot, clockwise: rising to the right
    expect(officeTextOrientation(opd)).toBe(45); // Office's angle, counter-clockwise
    const fake = await written(summary);
    expect(fake.workbook.sheet('Rekap OPD').chartText()[0].categoryTextOrientation).toBe(45);
    expect(fake.workbook.sheet('Program RPJMD').chartText()[0].categoryTextOrientation).toBeNull();
    const [series] = fake.workbook.sheet('Rekap OPD').chartSeries()[0];
    expect(cellsOf(fake, series.categories!)).toEqual(opd.rows.map((r) => r[0]));

    // ExcelApi 1.7 (the manifest's minimum): no textOrientation (the fake throws ApiNotFound), the rest drawn.
    const old = await written(summary, '1.7');
    expect(old.workbook.sheet('Rekap OPD').chartText()[0]).toMatchObject({
      categoryTextOrientation: null,
      categoryLabelSize: CHART_FONT_POINTS,
      categoryTitle: 'Perangkat Daerah (kode)',
    });
  });
});

describe('the summary page setup in Excel is the engine print plan', () => {
  test('every sheet: orientation, fit or the 70 % floor, repeated rows and columns, print area down to the chart, the chart on a page of its own', async () => {
    const summary = summaryOf(10);
    const fake = await written(summary);
    const ctx = {
      region: 'Kota Bitung',
      year: summary.tahun.tahun,
      lang: 'id' as const,
      printedOn: summary.consolidatedAt,
    };
    const charts = new Map(summaryCharts(summary.sheets, 'id').map((c) => [c.sheet, c]));
    const col = (n: number) => columnLetters(n - 1);
    for (const sheet of summary.sheets) {
      const plan = sheetLayout(sheet, ctx, charts.get(sheet.name) ?? null);
      const layout = fake.workbook.sheet(sheet.name).pageLayout;
      expect(layout).toMatchObject({
        orientation: plan.print.orientation === 'landscape' ? 'Landscape' : 'Portrait',
        zoom:
          plan.print.scale !== undefined
            ? { scale: plan.print.scale }
            : { horizontalFitToPages: plan.print.fitToWidth },
        printArea: `A1:${col(plan.printArea.lastColumn)}${plan.printArea.lastRow}`,
        centerHeader: plan.print.header.center,
        leftFooter: plan.print.footer.left,
        rightFooter: plan.print.footer.right,
      });
      if (plan.print.scale !== undefined) expect(plan.print.scale).toBe(MIN_PRINT_SCALE);
      expect(layout.printTitleRows).toBe(
        plan.print.titleRows ? `${plan.print.titleRows.first}:${plan.print.titleRows.last}` : undefined,
      );
      const tc = plan.print.titleColumns;
      expect(layout.printTitleColumns).toBe(tc ? `${col(tc.first)}:${col(tc.last)}` : undefined);
      const chart = charts.get(sheet.name);
      expect(layout.horizontalPageBreaks ?? []).toEqual(chart ? [chart.headerRow] : []);
      if (chart) expect(plan.printArea.lastRow).toBeGreaterThanOrEqual(chart.anchor.toRow);
    }
    // Rekap OPD prints across pages at the floor with No … Perangkat Daerah repeated.
    expect(fake.workbook.sheet('Rekap OPD').pageLayout.zoom).toEqual({ scale: MIN_PRINT_SCALE });
  });

  test('no header or footer uses a field that prints in the PC locale (&D, &T)', async () => {
    const fake = await written(summaryOf(2));
    const parts = ['leftHeader', 'centerHeader', 'rightHeader', 'leftFooter', 'centerFooter', 'rightFooter'];
    for (const name of SUMMARY_SHEET_NAMES) {
      const layout = fake.workbook.sheet(name).pageLayout;
      expect(layout.leftFooter).toBe('Dicetak 7 Desember 2026');
      for (const p of parts) expect(String(layout[p] ?? '')).not.toMatch(/&[DT]/);
    }
  });
});
