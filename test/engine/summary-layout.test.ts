/**
 * What a summary sheet module may declare about its layout (summary/sheet.ts): notes that run on
 * instead of setting widths, fixed widths for a page laid out for paper, and a sheet built after
 * the others while keeping its place.
 */
import { SummarySheet, SummarySheetDef, buildSheets } from '../../src/engine/summary/sheet';
import { SummarySource, SummaryTable, columnWidths } from '../../src/engine/summary/model';
import { sheetLayout } from '../../src/engine/printout';

const ctx = { region: 'Kota Bitung', year: 2026, lang: 'id' as const, printedOn: '2026-11-28' };
const scores: SummaryTable = {
  columns: ['Kode OPD', 'Skor'],
  rows: [{ cells: ['DINKES', 12] }],
};
const notes = (note: boolean): SummaryTable => ({
  columns: ['Keterangan'],
  note,
  rows: [
    {
      cells: [
        'Semua skor adalah perkiraan dari bukti di lembar Data Dukung; penilaian resmi oleh Kemendagri.',
      ],
    },
  ],
});
const sheetOf = (def: Partial<SummarySheetDef>, tables: SummaryTable[]): SummarySheet => ({
  name: 'Contoh',
  tables,
  filterTable: 0,
  def: { name: 'Contoh', tables: () => tables, ...def },
});

describe('notes below a table', () => {
  it('set no column’s width and do not wrap', () => {
    const withNote = sheetOf({ wrapWidth: 40 }, [scores, notes(true)]);
    const layout = sheetLayout(withNote, ctx);
    expect(layout.widths[0]).toBe(8); // «DINKES» + 2 (the header wraps at its words), not the note's 40
    expect(columnWidths(withNote)[0]).toBe(10); // «Kode OPD» + 2
    // The same sentences as an ordinary table widen the column to the cap.
    expect(sheetLayout(sheetOf({ wrapWidth: 40 }, [scores, notes(false)]), ctx).widths[0]).toBe(40);
  });
});

describe('a table that starts further right', () => {
  it('widens the columns it sits under, not the first ones', () => {
    const tally: SummaryTable = {
      columns: ['Tingkat Persetujuan', 'Jumlah OPD'],
      firstColumn: 1,
      rows: [{ cells: ['Disetujui Kepala OPD', 3] }],
    };
    const sheet = sheetOf({}, [scores, tally]);
    expect(columnWidths(sheet)).toEqual([10, 22, 12]);
    const layout = sheetLayout(sheet, ctx);
    expect(layout.widths).toEqual([8, 22, 8]); // headers wrap at their words: «Jumlah» + 2
    expect(layout.printArea.lastColumn).toBe(3);
  });
});

describe('fixed columns', () => {
  it('replace the measured widths and say which columns wrap', () => {
    const layout = sheetLayout(sheetOf({ columns: { widths: [30, 8], wrap: [true, false] } }, [scores]), ctx);
    expect(layout.widths).toEqual([30, 8]);
    expect(layout.wrap).toEqual([true, false]);
  });
});

describe('readsAll', () => {
  it('builds the sheet after every other one, sees their tables, and keeps its place in the list', () => {
    const seen: string[][] = [];
    const def = (name: string, readsAll = false): SummarySheetDef => ({
      name,
      readsAll,
      tables: (_source, earlier) => {
        seen.push([name, ...earlier.keys()]);
        return [{ columns: [name], rows: [] }];
      },
    });
    const built = buildSheets([def('Sampul', true), def('A'), def('B')], {} as SummarySource);
    expect(built.map((s) => s.name)).toEqual(['Sampul', 'A', 'B']);
    expect(seen).toEqual([['A'], ['B', 'A'], ['Sampul', 'A', 'B']]);
  });
});
