/**
 * Issue 15 in the reader: the loud cases (a duplicate part, BIFF2–4, an encrypted legacy .xls, a
 * formula without its result) are in the bad-file corpus and the hostile files; here, what each
 * check must leave alone.
 */
import { noResultCell, type CellValue } from '../../src/engine/grid';
import { readXlsx } from '../../src/xlsx/readXlsx';

interface Entry {
  name: string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const gen = require('../../scripts/generate-bad-files.js') as {
  compoundFile(names: string[], contents?: Record<string, Buffer>): Buffer;
  biff8Globals(o: { filePass: boolean }): Buffer;
  biffStream(type: number): Buffer;
  writeZip(entries: Entry[]): Buffer;
  xlsxParts(o: { sheets: string[]; sharedStrings?: string[] }): Entry[];
  deflatedEntry(name: string, data: Buffer): Entry;
};

const read = (bytes: Uint8Array) => readXlsx(new Uint8Array(bytes));
const cause = (bytes: Uint8Array) => {
  const r = read(bytes);
  return r.ok ? 'read' : r.cause;
};
const firstRow = (data: string): readonly CellValue[] => {
  const r = read(gen.writeZip(gen.xlsxParts({ sheets: [data] })));
  if (!r.ok) throw new Error(r.cause);
  return r.workbook.sheets[0].rows[0] ?? [];
};

describe('duplicate zip entries', () => {
  const parts = () => gen.xlsxParts({ sheets: ['<row r="1"><c r="A1"><v>1</v></c></row>'] });

  it('refuses two entries of one part name, whatever their case', () => {
    const again = gen.deflatedEntry('XL/Worksheets/Sheet1.xml', Buffer.from('<worksheet/>'));
    const r = read(gen.writeZip([...parts(), again]));
    expect(r.ok ? null : [r.cause, r.detail]).toEqual([
      'corrupt',
      'duplicate zip entry: XL/Worksheets/Sheet1.xml',
    ]);
  });

  it('leaves a zip with folder entries listed twice readable', () => {
    const folder = gen.deflatedEntry('xl/', Buffer.alloc(0));
    expect(cause(gen.writeZip([folder, ...parts(), folder]))).toBe('read');
  });
});

describe('old and encrypted .xls', () => {
  it('calls an OLE workbook stream without FILEPASS an old format, with FILEPASS password-protected', () => {
    const plain = gen.compoundFile(['Workbook'], { Workbook: gen.biff8Globals({ filePass: false }) });
    const locked = gen.compoundFile(['Workbook'], { Workbook: gen.biff8Globals({ filePass: true }) });
    expect(cause(plain)).toBe('legacyXls');
    expect(cause(locked)).toBe('encrypted');
  });

  it('calls BIFF2–5 streams old formats, and leaves text starting with a tab as text', () => {
    for (const type of [0x0009, 0x0209, 0x0409, 0x0809])
      expect(cause(gen.biffStream(type))).toBe('legacyXls');
    const tabbed = read(Buffer.from('\tNama Inovasi\tTahun\n\tA\t2024\n'));
    expect(tabbed.ok ? null : [tabbed.cause, tabbed.detail]).toEqual(['notXlsx', 'CSV/teks']);
    expect(cause(Buffer.from([0x09, 0x00, 0x40, 0x00, 0, 0, 0, 0]))).toBe('notXlsx'); // no BOF length
  });
});

describe('a formula without its saved result', () => {
  it('is marked as such, with its formula', () => {
    expect(
      firstRow('<row r="1"><c r="A1"><f>2025+1</f></c><c r="B1" t="str"><f>UPPER(A1)</f></c></row>'),
    ).toEqual([noResultCell('2025+1'), noResultCell('UPPER(A1)')]);
  });

  it('reads the saved result when there is one, and an empty string result as text', () => {
    expect(
      firstRow(
        '<row r="1"><c r="A1"><f>2025+1</f><v>2026</v></c><c r="B1" t="str"><f>""</f><v></v></c></row>',
      ),
    ).toEqual([2026, '']);
  });
});
