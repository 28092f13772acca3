/**
 * One template design (engine/design/template.ts) for both forms: the add-in's *Buat Lembar Isian*
 * and the command line's `template` have the same widths, header fills (the Status header
 * included, once #D9D9D9 in the add-in and FFBFBFBF in the command line), number formats and
 * validation styles.
 */
import { letters } from '../../src/addin/chunks';
import { defaultReference } from '../../src/engine/reference/load';
import { COLUMNS } from '../../src/engine/schema';
import { templateWorkbook } from '../../src/node/template';
import { createFakeExcel } from '../fake-excel';
import { adapterFor } from '../fake-excel/budget';

const PT_PER_CHAR = 5.7;

test('the add-in and the command line lay out the Inovasi sheet from one design', async () => {
  const reference = defaultReference();
  const fake = createFakeExcel({ sheets: { Sheet1: [] }, apiVersion: '1.8' });
  await adapterFor(fake).createTemplate(reference, null);
  const pane = fake.workbook.sheet('Inovasi');
  const cli = templateWorkbook(reference, { date: new Date(Date.UTC(2026, 0, 1)) }).getWorksheet('Inovasi')!;

  const statusColumn = COLUMNS.findIndex((c) => c.key === 'status');
  expect(pane.fill(`${letters(statusColumn)}1`)).toBe('#BFBFBF');
  for (const [c, def] of COLUMNS.entries()) {
    const l = letters(c);
    const header = cli.getCell(1, c + 1).fill as { fgColor?: { argb?: string } };
    // Required headers take the table's own style in the add-in; optional ones and Status are filled alike.
    if (!def.requiredColumn) expect(pane.fill(`${l}1`)).toBe(`#${header.fgColor?.argb?.slice(2)}`);
    expect(pane.columnWidths.get(c)).toBeCloseTo(cli.getColumn(c + 1).width! * PT_PER_CHAR);
    expect(pane.cell(`${l}2`).numberFormat).toBe(cli.getColumn(c + 1).numFmt ?? 'General');
    if (def.key === 'status') continue;
    const style = (
      cli as unknown as { dataValidations: { model: Record<string, { errorStyle?: string; type: string }> } }
    ).dataValidations.model;
    const mine = Object.entries(style).find(([range]) => range.startsWith(`${l}2:`))![1];
    const theirs = pane.validation(`${l}2`);
    expect(theirs?.errorAlert?.style?.toLowerCase() ?? null).toBe(
      mine.type === 'any' ? null : (mine.errorStyle ?? null),
    );
  }
});
