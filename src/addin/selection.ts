/**
 * `selectCell`: goes to a finding's cell — the sheet activated (shown first when the user hid it;
 * the tool's very hidden sheets stay hidden and count as not found) and the cell selected.
 */
import { adapterError } from './errors';
import { Session } from './session';

export async function selectCell(session: Session, sheet: string, cell: string): Promise<void> {
  const address = cell.slice(cell.lastIndexOf('!') + 1);
  await session.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet).load('visibility');
    await context.sync();
    // A sheet the user hid is shown (they asked to go there); the tool's very hidden sheets are not.
    if (ws.visibility === 'VeryHidden') throw adapterError('notFound', session.lang());
    if (ws.visibility !== 'Visible') ws.visibility = 'Visible';
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
  });
}
