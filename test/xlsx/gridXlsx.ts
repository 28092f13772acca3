/**
 * A minimal .xlsx written by hand from grids (inline strings, numbers, booleans, errors), for the
 * limit and fuzz tests: every byte is what the test says, nothing is added by a writer library.
 */
import { strToU8, zipSync } from 'fflate';
import { columnLetter, isDateCell, isErrorCell, type CellValue } from '../../src/engine/grid';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface SheetSource {
  name: string;
  /** Rows of values (null and missing entries are left out), or the raw content of `<sheetData>`. */
  rows: readonly (readonly CellValue[] | undefined)[] | string;
}

export const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One `<c>` element for a value at a 0-based row and column. */
export function cellXml(value: CellValue, row: number, col: number): string {
  const r = `${columnLetter(col)}${row + 1}`;
  if (value === null) return '';
  if (typeof value === 'number') return `<c r="${r}"><v>${value}</v></c>`;
  if (typeof value === 'boolean') return `<c r="${r}" t="b"><v>${value ? 1 : 0}</v></c>`;
  if (isErrorCell(value)) return `<c r="${r}" t="e"><v>${escapeXml(value.code)}</v></c>`;
  if (isDateCell(value)) return `<c r="${r}" s="1"><v>${value.serial}</v></c>`;
  return `<c r="${r}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
}

export function sheetDataXml(rows: readonly (readonly CellValue[] | undefined)[]): string {
  const out: string[] = [];
  rows.forEach((cells, r) => {
    if (!cells) return;
    out.push(`<row r="${r + 1}">`);
    cells.forEach((v, c) => out.push(cellXml(v ?? null, r, c)));
    out.push('</row>');
  });
  return out.join('');
}

/** The parts of a workbook, as text; `extraParts` are added or replace the defaults. */
export function workbookParts(
  sheets: readonly SheetSource[],
  extraParts: Record<string, string> = {},
): Record<string, string> {
  const parts: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml':
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>` +
      sheets
        .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rIdS${i + 1}"/>`)
        .join('') +
      '</sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}">` +
      sheets
        .map(
          (_, i) =>
            `<Relationship Id="rIdS${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join('') +
      `<Relationship Id="rIdSst" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` +
      `<Relationship Id="rIdSty" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN_NS}"><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`,
  };
  sheets.forEach((s, i) => {
    const data = typeof s.rows === 'string' ? s.rows : sheetDataXml(s.rows);
    parts[`xl/worksheets/sheet${i + 1}.xml`] =
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>${data}</sheetData></worksheet>`;
  });
  return { ...parts, ...extraParts };
}

export function zipParts(parts: Record<string, string | Uint8Array>, level: 0 | 1 | 6 | 9 = 6): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [name, content] of Object.entries(parts))
    files[name] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(files, { level });
}

export function gridXlsx(
  sheets: readonly SheetSource[],
  extraParts: Record<string, string> = {},
): Uint8Array {
  return zipParts(workbookParts(sheets, extraParts));
}
