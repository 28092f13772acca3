/**
 * Office range data → the engine's host-neutral grid. Office returns a date as its serial number
 * and an error value as text (`#REF!`); only the number format and `valueTypes` tell them from a
 * number or a typed text, so both are read with the values.
 */
import { CellValue, SheetGrid, columnIndex, dateCell, errorCell } from '../engine/grid';
import { isDateFormatCode } from '../xlsx/styles';

/** One block of a sheet as Office returns it (`Range.load('address, values, numberFormat, valueTypes')`). */
export interface RangeData {
  /** `Sheet!B3:D9` or `B3:D9`: where `values[0][0]` is. */
  readonly address: string;
  readonly values: ReadonlyArray<ReadonlyArray<unknown>>;
  readonly numberFormat?: ReadonlyArray<ReadonlyArray<unknown>> | null;
  readonly valueTypes?: ReadonlyArray<ReadonlyArray<unknown>> | null;
}

export type OfficeVisibility = 'Visible' | 'Hidden' | 'VeryHidden' | string;

export function gridVisibility(v: OfficeVisibility): SheetGrid['visibility'] {
  return v === 'VeryHidden' ? 'veryHidden' : v === 'Hidden' ? 'hidden' : 'visible';
}

const dateFormats = new Map<string, boolean>();
function isDateFormat(format: string): boolean {
  let d = dateFormats.get(format);
  if (d === undefined) {
    d = format !== 'General' && isDateFormatCode(format);
    dateFormats.set(format, d);
  }
  return d;
}

/** One cell: `valueTypes` decides errors and empties; a number with a date format is a date. */
export function toCellValue(value: unknown, numberFormat: unknown, valueType: unknown): CellValue {
  if (valueType === 'Error') return errorCell(String(value));
  if (valueType === 'Empty' || value === '' || value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number')
    return typeof numberFormat === 'string' && isDateFormat(numberFormat) ? dateCell(value) : value;
  return String(value);
}

/** 0-based row and column of the top-left cell of an address such as `'My sheet'!$B$3:D9`. */
export function addressOrigin(address: string): { row: number; col: number } {
  const area = address
    .slice(address.lastIndexOf('!') + 1)
    .split(':')[0]
    .replace(/\$/g, '');
  const m = /^([A-Za-z]+)(\d+)$/.exec(area);
  if (m) return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
  if (/^\d+$/.test(area)) return { row: Number(area) - 1, col: 0 };
  // A whole-column reference (`C:D`) starts on row 1.
  return { row: 0, col: Math.max(columnIndex(area), 0) };
}

/** Rows of a sheet being assembled from blocks (a sheet may be read in several). */
export class GridBuilder {
  private readonly rows: (CellValue[] | undefined)[] = [];

  add(block: RangeData): this {
    const { row, col } = addressOrigin(block.address);
    block.values.forEach((values, r) => {
      let target: CellValue[] | undefined;
      for (let c = 0; c < values.length; c++) {
        const v = toCellValue(values[c], block.numberFormat?.[r]?.[c], block.valueTypes?.[r]?.[c]);
        if (v === null) continue;
        if (!target) {
          target = this.rows[row + r] ?? [];
          this.rows[row + r] = target;
        }
        while (target.length < col + c) target.push(null);
        target[col + c] = v;
      }
    });
    return this;
  }

  build(name: string, visibility: OfficeVisibility = 'Visible'): SheetGrid {
    return { name, rows: this.rows, visibility: gridVisibility(visibility) };
  }
}

/** A sheet from its used range (null: an empty sheet). */
export function sheetGrid(name: string, visibility: OfficeVisibility, used: RangeData | null): SheetGrid {
  const b = new GridBuilder();
  if (used) b.add(used);
  return b.build(name, visibility);
}

/**
 * A sheet with some rows replaced (0-based row → its cells as `GridBuilder` makes them; an empty
 * array or undefined for an empty row), as a new grid: the rows given are shared, nothing of
 * `sheet` is changed. Trailing empty rows are dropped, as a fresh read would leave them out.
 */
export function patchSheetRows(
  sheet: SheetGrid,
  rows: ReadonlyMap<number, readonly CellValue[] | undefined>,
): SheetGrid {
  const out = sheet.rows.slice() as (CellValue[] | undefined)[];
  for (const [r, cells] of rows) {
    if (cells && cells.some((c) => c !== null && c !== undefined)) out[r] = [...cells];
    else if (r < out.length) delete out[r];
  }
  let n = out.length;
  while (n > 0 && !out[n - 1]) n--;
  out.length = n;
  return { ...sheet, rows: out };
}
