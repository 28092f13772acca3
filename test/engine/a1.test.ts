/** A1 addresses: the one parser and printer the engine, the add-in and the writers share. */
import { a1, columnIndex, columnLetter, parseA1 } from '../../src/engine/grid';

describe('A1 column letters and addresses', () => {
  test('letters and index are inverse over the sheet width (A…XFD)', () => {
    for (let col = 0; col < 16384; col++) expect(columnIndex(columnLetter(col))).toBe(col);
    expect([
      columnLetter(0),
      columnLetter(25),
      columnLetter(26),
      columnLetter(701),
      columnLetter(16383),
    ]).toEqual(['A', 'Z', 'AA', 'ZZ', 'XFD']);
    expect(columnIndex('ab')).toBe(27);
  });

  test('parseA1 reads one cell, with or without $, and refuses anything else', () => {
    expect(parseA1('C7')).toEqual({ row: 6, col: 2 });
    expect(parseA1(' $AB$12 ')).toEqual({ row: 11, col: 27 });
    expect(parseA1(a1(499, 30))).toEqual({ row: 499, col: 30 });
    for (const bad of ['', '7', 'C', 'C7:D9', 'Inovasi!C7', 'ABCD1']) expect(parseA1(bad)).toBeNull();
  });
});
