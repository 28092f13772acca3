/**
 * `appendEvidenceRow`: a new `Data Dukung` row prefilled with an innovation and an indicator
 * (docs/spec/iid.md, "Add-in"), the sheet created with its header when the workbook has none; the
 * row selected, so the OPD types the level and the proof next. One sync.
 */
import { letters } from './chunks';
import { Session } from './session';

export interface EvidenceRowWrite {
  readonly sheet: string;
  /** Written to row 1 of a new sheet; null when the sheet exists. */
  readonly header: readonly string[] | null;
  readonly row: number;
  readonly cells: readonly { readonly column: string; readonly value: string }[];
  /** Selected afterwards (`A7:K7`). */
  readonly range: string;
}

export async function appendEvidenceRow(session: Session, write: EvidenceRowWrite): Promise<void> {
  await session.run(async (context) => {
    const sheets = context.workbook.worksheets;
    let ws: Excel.Worksheet;
    if (write.header) {
      ws = sheets.add(write.sheet);
      const head = ws.getRange(`A1:${letters(write.header.length - 1)}1`);
      head.values = [write.header.slice()];
      head.format.font.bold = true;
    } else ws = sheets.getItem(write.sheet);
    // Cell by cell: the OPD's own columns on that row are never touched.
    for (const c of write.cells) ws.getRange(`${c.column}${write.row}`).values = [[c.value]];
    ws.activate();
    ws.getRange(write.range).select();
    await context.sync();
  });
}
