/** A workbook LibreOffice wrote (shared strings, its own styles, a cached #DIV/0! formula result). */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { defaultReference } from '../../src/engine/reference/load';
import { validateWorkbook } from '../../src/engine/validate';
import { readXlsx } from '../../src/xlsx/readXlsx';

const dir = path.join(__dirname, '../fixtures/libreoffice');

test('dinsos-libreoffice.xlsx gives exactly its expected findings', () => {
  const expected = JSON.parse(readFileSync(path.join(dir, 'dinsos-libreoffice.expected.json'), 'utf8'));
  const read = readXlsx(new Uint8Array(readFileSync(path.join(dir, 'dinsos-libreoffice.xlsx'))));
  if (!read.ok) throw new Error(`unreadable: ${read.cause}`);
  const v = validateWorkbook(read.workbook, 'dinsos-libreoffice.xlsx', {
    reference: defaultReference(),
    today: '2026-11-28',
  });
  expect(v.opd?.kode).toBe(expected.opdCode);
  expect(v.submission?.table?.rows.length).toBe(expected.rows);
  expect(v.findings.map((f) => `${f.rule}@${f.cell}`)).toEqual(expected.findings);
  // The text date, the real date and the cached formula result were all read as values.
  const first = v.submission!.table!.rows[0].cells;
  expect(first.tglUjiCoba.parsed).toEqual({ kind: 'ok', value: '2024-03-12' });
  expect(first.tglPenerapan.parsed).toEqual({ kind: 'ok', value: '2025-01-06' });
  expect(first.penerimaManfaat.parsed).toEqual({ kind: 'ok', value: 412 });
});
