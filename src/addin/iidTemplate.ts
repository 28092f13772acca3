/**
 * The add-in's *Buat Lembar Isian* IID part (docs/spec/iid.md, "Template"): `Data Dukung` and
 * `Petunjuk IID` from the one design (src/engine/design/iidTemplate.ts), as the command line's
 * template writes them; queued into the template's batch (no sync of its own).
 */
import { IidTemplateDesign, VERIFIER_COLUMNS } from '../engine/design/iidTemplate';
import { DaftarKind, ERROR_TITLE, MESSAGE_MAX, TITLE_MAX, cap } from '../engine/design/template';
import { cssColour } from '../engine/design/palette';
import { NUMBER_FORMATS } from '../engine/design/formats';
import { SyncBatcher, letters, opBytes } from './chunks';
import { Validation, applyValidation, officeValidation } from './template';

/** Points per character of column width (as template.ts). */
const PT_PER_CHAR = 5.7;

export async function queueIidSheets(
  sheets: Excel.WorksheetCollection,
  batcher: SyncBatcher,
  design: IidTemplateDesign,
  validation: boolean,
  refs: Readonly<Record<DaftarKind, string | null>>,
): Promise<void> {
  const dd = design.dataDukung;
  const ws = sheets.add(dd.name);
  const lastCol = letters(dd.columns.length - 1);
  const lastRow = dd.rows + 1;
  const header = [dd.columns.map((c) => c.label)];
  const formats = Array.from({ length: dd.rows }, () => dd.columns.map((c) => c.format));
  await batcher.reserve(opBytes(formats) + opBytes(header));
  ws.getRange(`A1:${lastCol}1`).values = header;
  ws.getRange(`A2:${lastCol}${lastRow}`).numberFormat = formats;
  dd.columns.forEach((c, i) => {
    const l = letters(i);
    const h = ws.getRange(`${l}1`);
    const verifier = VERIFIER_COLUMNS.has(c.key);
    h.format.font.bold = true;
    h.format.font.color = cssColour(verifier ? 'black' : 'white');
    h.format.fill.color = cssColour(verifier ? 'statusHeader' : 'formHeader');
    h.format.wrapText = true;
    ws.getRange(`${l}:${l}`).format.columnWidth = c.width * PT_PER_CHAR;
  });
  ws.freezePanes.freezeRows(1);
  if (validation) {
    for (const [i, c] of dd.columns.entries()) {
      const v = c.validation;
      const r = v.rule;
      const office: Validation =
        r?.kind === 'range'
          ? {
              prompt: {
                showPrompt: true,
                title: cap(v.title, TITLE_MAX),
                message: cap(v.prompt, MESSAGE_MAX),
              },
              rule: { list: { inCellDropDown: true, source: `=${r.formula}` } },
              ...(v.alert
                ? {
                    errorAlert: {
                      showAlert: true,
                      style: v.alert.style === 'stop' ? 'Stop' : 'Warning',
                      title: ERROR_TITLE,
                      message: cap(v.alert.message, MESSAGE_MAX),
                    },
                  }
                : {}),
            }
          : officeValidation({ ...v, rule: r }, refs);
      await applyValidation(batcher, ws.getRange(`${letters(i)}2:${letters(i)}${lastRow}`), office);
    }
  }

  const p = design.petunjuk;
  const guide = sheets.add(p.name);
  const width = Math.max(...p.rows.map((r) => r.length));
  const rows = p.rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ''));
  await batcher.reserve(opBytes(rows) * 2);
  guide.getRange(`A1:${letters(width - 1)}${rows.length}`).numberFormat = rows.map((r) =>
    r.map(() => NUMBER_FORMATS.general),
  );
  guide.getRange(`A1:${letters(width - 1)}${rows.length}`).values = rows;
  guide.getRange('A1').format.font.bold = true;
  const head = guide.getRange(`A${p.headerRow}:${letters(width - 1)}${p.headerRow}`);
  head.format.font.bold = true;
  head.format.fill.color = cssColour('header');
  guide.getRange(`A${p.headerRow}:${letters(width - 1)}${rows.length}`).format.wrapText = true;
  p.widths.forEach(
    (w, c) => void (guide.getRange(`${letters(c)}:${letters(c)}`).format.columnWidth = w * PT_PER_CHAR),
  );
}
