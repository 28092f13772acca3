/**
 * The document behind the fake Excel host: sheets of sparse cells (value, error, number format,
 * fill, font), column widths, frozen rows, tables, data validation, notes, change handlers, the
 * selection and the document settings. Tests inspect it directly; the proxies in `proxies.ts`
 * read and change it only when a request is synced.
 */
import { MAX_COLS, Rect, cellA1, contains, intersect, parseAddress, qualified, rectA1 } from './address';

export type Scalar = string | number | boolean;
export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

/** A fill as Excel reports it; a cell without fill has `fill: null` (Excel reads it back as #FFFFFF / None). */
export interface Fill {
  readonly color: string;
  readonly pattern: string;
  readonly patternColor: string;
}

export interface HostCell {
  value: Scalar | null;
  /** The error value (`#REF!`) when the cell holds one; `value` is then null. */
  error: string | null;
  /** Set when a formula text was written; the fake does not calculate, the value is the text. */
  formula: string | null;
  numberFormat: string;
  fill: Fill | null;
  bold: boolean;
  fontColor: string | null;
  wrap: boolean;
}

export interface HostNote {
  readonly id: number;
  sheet: HostSheet;
  row: number;
  col: number;
  content: string;
  readonly author: string;
}

export interface DataValidationRule {
  readonly list?: { readonly source: string; readonly inCellDropDown?: boolean };
  readonly wholeNumber?: Readonly<Record<string, unknown>>;
  readonly decimal?: Readonly<Record<string, unknown>>;
  readonly date?: Readonly<Record<string, unknown>>;
  readonly time?: Readonly<Record<string, unknown>>;
  readonly textLength?: Readonly<Record<string, unknown>>;
  readonly custom?: Readonly<Record<string, unknown>>;
}

export interface HostValidation {
  rect: Rect;
  rule: DataValidationRule | null;
  prompt: { title?: string; message?: string; showPrompt?: boolean } | null;
  errorAlert: { title?: string; message?: string; showAlert?: boolean; style?: string } | null;
  ignoreBlanks: boolean;
}

export interface HostTable {
  readonly id: number;
  name: string;
  sheet: HostSheet;
  rect: Rect;
  readonly hasHeaders: boolean;
  showFilterButton: boolean;
  style: string;
}

/** A chart (ExcelApi 1.1 subset): type, source data, series orientation, title, name and placement. */
export interface HostChart {
  readonly id: number;
  name: string;
  readonly type: string;
  readonly seriesBy: string;
  /** The source data: a rectangle of a sheet (its address follows the sheet's renames, as in Excel). */
  readonly source: { readonly sheet: HostSheet; readonly rect: Rect };
  title: string | null;
  /** Top-left and bottom-right cells of `setPosition` (A1), or null when never placed. */
  position: { start: string; end: string | null } | null;
  /**
   * Series (ExcelApi 1.7 `series.add`, `setValues`, `setXAxisValues`; 1.1 `name`). `charts.add`
   * makes one per column of the source (by columns) or per row (by rows), unnamed: the fake does
   * not guess headers or categories out of the source as Excel does.
   */
  readonly series: HostSeries[];
  /** The chart title's font (`title.format.font`). */
  readonly titleFont: HostChartFont;
  /** The category and value axes (`axes.categoryAxis`, `axes.valueAxis`). */
  readonly axes: { readonly category: HostAxis; readonly value: HostAxis };
  /** The legend (`legend`: visible, position, `format.font`). */
  readonly legend: { visible: boolean; position: string; readonly font: HostChartFont };
}

/** A chart text's font as set (ExcelApi 1.1 `ChartFont`); unset properties are absent. */
export interface HostChartFont {
  size?: number;
  bold?: boolean;
  name?: string;
  color?: string;
}

/** One chart axis: its tick labels' font and angle, its title. */
export interface HostAxis {
  /** Tick labels (`format.font`). */
  readonly font: HostChartFont;
  /** `textOrientation` (ExcelApi 1.8): degrees, null when never set. */
  textOrientation: number | null;
  readonly title: { text: string; visible: boolean; readonly font: HostChartFont };
}

/** A new chart's texts: no axis titles, a legend on the right, fonts as Excel's defaults (unset). */
export function newChartText(): Pick<HostChart, 'titleFont' | 'axes' | 'legend'> {
  const axis = (): HostAxis => ({
    font: {},
    textOrientation: null,
    title: { text: '', visible: false, font: {} },
  });
  return {
    titleFont: {},
    axes: { category: axis(), value: axis() },
    legend: { visible: true, position: 'Right', font: {} },
  };
}

/** A chart's texts as tests read them back: titles, font sizes, label angle, legend. */
export interface ChartTextInfo {
  readonly title: string | null;
  readonly titleSize: number | null;
  readonly categoryTitle: string | null;
  readonly valueTitle: string | null;
  readonly categoryTitleSize: number | null;
  readonly valueTitleSize: number | null;
  readonly categoryLabelSize: number | null;
  readonly valueLabelSize: number | null;
  readonly categoryTextOrientation: number | null;
  readonly legend: { readonly visible: boolean; readonly position: string; readonly size: number | null };
}

export interface HostSeries {
  name: string | null;
  values: { readonly sheet: HostSheet; readonly rect: Rect } | null;
  categories: { readonly sheet: HostSheet; readonly rect: Rect } | null;
}

/** A chart as tests inspect it: the source as a qualified address (`'Rekap OPD'!T1:W5`). */
export interface ChartInfo {
  readonly name: string;
  readonly type: string;
  readonly seriesBy: string;
  readonly source: string;
  readonly title: string | null;
  readonly position: { readonly start: string; readonly end: string | null } | null;
}

export interface ChangeEvent {
  readonly address: string;
  readonly changeType: string;
  readonly source: 'Local' | 'Remote';
  readonly worksheetId: string;
  readonly type: 'WorksheetChanged';
}

export type ChangeHandler = (event: ChangeEvent) => unknown;

export const ERROR_VALUES = [
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BUSY!',
  '#BLOCKED!',
  '#CONNECT!',
  '#UNKNOWN!',
];

const NAMED_COLORS: Record<string, string> = {
  red: '#FF0000',
  green: '#008000',
  blue: '#0000FF',
  yellow: '#FFFF00',
  white: '#FFFFFF',
  black: '#000000',
  orange: '#FFA500',
  gray: '#808080',
  grey: '#808080',
};

/** Colours as Excel reports them: `#RRGGBB`, upper case. */
export function normaliseColor(color: string): string {
  const named = NAMED_COLORS[color.trim().toLowerCase()];
  if (named) return named;
  const m = /^#?([0-9a-f]{6})$/i.exec(color.trim());
  if (!m) throw new Error(`bad colour ${color}`);
  return '#' + m[1].toUpperCase();
}

const MS_PER_DAY = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);
export const isoToSerial = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number);
  return (Date.UTC(y, m - 1, d) - EPOCH) / MS_PER_DAY;
};
export const serialToIso = (serial: number): string =>
  new Date(EPOCH + Math.floor(serial) * MS_PER_DAY).toISOString().slice(0, 10);

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** A date number format (d, m, y, h or s outside quotes and brackets). */
export function isDateFormat(format: string): boolean {
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(format);
}

/**
 * What Excel stores when a value is written through `Range.values`: like typing it. A text that
 * looks like a number, an ISO date, TRUE/FALSE or an error value is converted unless the cell is
 * formatted as text (`@`); a leading apostrophe keeps the rest as text.
 */
export function coerceInput(
  input: Scalar,
  numberFormat: string,
): Pick<HostCell, 'value' | 'error' | 'formula'> & { numberFormat?: string } {
  if (typeof input !== 'string') return { value: input, error: null, formula: null };
  if (input === '') return { value: null, error: null, formula: null };
  if (numberFormat === '@') return { value: input, error: null, formula: null };
  if (input.startsWith("'"))
    return { value: input.slice(1) === '' ? null : input.slice(1), error: null, formula: null };
  if (input.startsWith('=')) return { value: input, error: null, formula: input };
  const t = input.trim();
  if (NUMBER.test(t)) return { value: Number(t), error: null, formula: null };
  if (THOUSANDS.test(t)) return { value: Number(t.replace(/,/g, '')), error: null, formula: null };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true', error: null, formula: null };
  if (ERROR_VALUES.includes(t.toUpperCase())) return { value: null, error: t.toUpperCase(), formula: null };
  const m = ISO_DATE.exec(t);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[3]) >= 1 && Number(m[3]) <= 31) {
    return {
      value: isoToSerial(`${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`),
      error: null,
      formula: null,
      ...(numberFormat === 'General' ? { numberFormat: 'yyyy-mm-dd' } : {}),
    };
  }
  return { value: input, error: null, formula: null };
}

const key = (row: number, col: number): number => row * MAX_COLS + col;

const blankCell = (): HostCell => ({
  value: null,
  error: null,
  formula: null,
  numberFormat: 'General',
  fill: null,
  bold: false,
  fontColor: null,
  wrap: false,
});

export class HostSheet {
  readonly cells = new Map<number, HostCell>();
  readonly columnWidths = new Map<number, number>();
  readonly validations: HostValidation[] = [];
  readonly notes = new Map<number, HostNote>();
  readonly changeHandlers = new Set<ChangeHandler>();
  frozenRows = 0;
  frozenColumns = 0;
  /** The sheet's autofilter range (ExcelApi 1.9), or null. */
  autoFilter: Rect | null = null;
  readonly charts: HostChart[] = [];
  /** Page layout (ExcelApi 1.9): what was set, by property name (`orientation`, `zoom`, `printTitleRows`, `centerHeader`…). */
  readonly pageLayout: Record<string, unknown> = {};

  constructor(
    readonly workbook: HostWorkbook,
    readonly id: string,
    public name: string,
    public visibility: Visibility = 'Visible',
  ) {}

  // --- cells -------------------------------------------------------------------------------

  peek(row: number, col: number): HostCell | undefined {
    return this.cells.get(key(row, col));
  }

  /** The cell, created when missing (for writes). */
  touch(row: number, col: number): HostCell {
    const k = key(row, col);
    let c = this.cells.get(k);
    if (!c) {
      c = blankCell();
      this.cells.set(k, c);
    }
    return c;
  }

  /** Bounding box of cells with a value (valuesOnly) or with a value or any formatting. */
  usedRect(valuesOnly: boolean): Rect | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [k, cell] of this.cells) {
      const hasValue = cell.value !== null || cell.error !== null;
      const hasFormat =
        cell.fill !== null ||
        cell.numberFormat !== 'General' ||
        cell.bold ||
        cell.fontColor !== null ||
        cell.wrap;
      if (!hasValue && (valuesOnly || !hasFormat)) continue;
      const row = Math.floor(k / MAX_COLS);
      const col = k % MAX_COLS;
      if (row < r0) r0 = row;
      if (row > r1) r1 = row;
      if (col < c0) c0 = col;
      if (col > c1) c1 = col;
    }
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }

  // --- inspection helpers for tests ----------------------------------------------------------

  private at(a1: string): { row: number; col: number } {
    const p = parseAddress(a1);
    if (!p) throw new Error(`bad address ${a1}`);
    return { row: p.r0, col: p.c0 };
  }

  /** The stored cell at an A1 address (a blank cell when never written). */
  cell(a1: string): Readonly<HostCell> {
    const { row, col } = this.at(a1);
    return this.peek(row, col) ?? blankCell();
  }

  /** The raw value: error cells as their code (`#REF!`), empty as null. */
  value(a1: string): Scalar | null {
    const c = this.cell(a1);
    return c.error ?? c.value;
  }

  /** Values of a rectangle (default: the used range from A1), errors as their code, empty as null. */
  values(a1?: string): (Scalar | null)[][] {
    const rect = a1 ? parseAddress(a1) : this.usedRect(true);
    if (!rect) return [];
    const r0 = a1 ? rect.r0 : 0;
    const c0 = a1 ? rect.c0 : 0;
    const out: (Scalar | null)[][] = [];
    for (let r = r0; r <= rect.r1; r++) {
      const row: (Scalar | null)[] = [];
      for (let c = c0; c <= rect.c1; c++) {
        const cell = this.peek(r, c);
        row.push(cell ? (cell.error ?? cell.value) : null);
      }
      out.push(row);
    }
    return out;
  }

  /** The fill colour of a cell, or null when it has no fill. */
  fill(a1: string): string | null {
    return this.cell(a1).fill?.color ?? null;
  }

  /** The note of a cell, or null. */
  note(a1: string): string | null {
    const { row, col } = this.at(a1);
    return this.notes.get(key(row, col))?.content ?? null;
  }

  noteAt(row: number, col: number): HostNote | undefined {
    return this.notes.get(key(row, col));
  }

  /** The data validation that applies to a cell, or null. */
  validation(a1: string): HostValidation | null {
    const { row, col } = this.at(a1);
    for (let i = this.validations.length - 1; i >= 0; i--)
      if (contains(this.validations[i].rect, row, col)) return this.validations[i];
    return null;
  }

  get tables(): HostTable[] {
    return this.workbook.tables.filter((t) => t.sheet === this);
  }

  // --- seeding helpers (act directly on the document, like a user would) -----------------------

  /**
   * Inserts (`count` > 0) or deletes (`count` < 0) whole rows at a 1-based row, as the user does
   * from the row header: every cell and note below moves, and onChanged reports `RowInserted` /
   * `RowDeleted` with the inserted or deleted rows' address (`5:6`), as Excel does (ExcelApi 1.7).
   */
  shiftRows(row: number, count: number, source: 'Local' | 'Remote' = 'Local'): void {
    const at = row - 1;
    const moved = (r: number): number | null =>
      count > 0 ? (r >= at ? r + count : r) : r < at ? r : r < at - count ? null : r + count;
    const shift = <T>(map: Map<number, T>, relocate: (v: T, r: number) => void) => {
      const entries = [...map.entries()];
      map.clear();
      for (const [k, v] of entries) {
        const r = moved(Math.floor(k / MAX_COLS));
        if (r === null) continue;
        const c = k % MAX_COLS;
        relocate(v, r);
        map.set(key(r, c), v);
      }
    };
    shift(this.cells, () => undefined);
    shift(this.notes, (n, r) => void ((n as { row: number }).row = r));
    const span = Math.abs(count);
    this.workbook.fireChanged(
      this,
      `${row}:${row + span - 1}`,
      source,
      count > 0 ? 'RowInserted' : 'RowDeleted',
    );
  }

  /** Sets cells from a top-left address, as a user typing (no conversion), optionally firing onChanged (a coauthor's edit: `source: 'Remote'`). */
  setValues(
    topLeft: string,
    rows: ReadonlyArray<ReadonlyArray<SeedValue>>,
    options: { fireChange?: boolean; source?: 'Local' | 'Remote' } = {},
  ): void {
    const { row, col } = this.at(topLeft);
    let width = 0;
    rows.forEach((cells, r) => {
      width = Math.max(width, cells.length);
      cells.forEach((v, c) => applySeed(this.touch(row + r, col + c), v));
    });
    if (options.fireChange && rows.length) {
      this.workbook.fireChanged(
        this,
        rectA1({ r0: row, c0: col, r1: row + rows.length - 1, c1: col + Math.max(width, 1) - 1 }),
        options.source ?? 'Local',
      );
    }
  }

  setFill(a1: string, color: string | null): void {
    const p = parseAddress(a1);
    if (!p) throw new Error(`bad address ${a1}`);
    for (let r = p.r0; r <= p.r1; r++) {
      for (let c = p.c0; c <= p.c1; c++) {
        this.touch(r, c).fill =
          color === null ? null : { color: normaliseColor(color), pattern: 'Solid', patternColor: '#000000' };
      }
    }
  }

  addNote(a1: string, content: string, author = 'Pengguna'): void {
    const { row, col } = this.at(a1);
    this.notes.set(key(row, col), { id: this.workbook.nextId(), sheet: this, row, col, content, author });
  }

  noteKey(row: number, col: number): number {
    return key(row, col);
  }

  /** The validations intersecting a rectangle. */
  validationsIn(rect: Rect): HostValidation[] {
    return this.validations.filter((v) => intersect(v.rect, rect) !== null);
  }

  /** The autofilter's address (`A1:R40`), or null. */
  autoFilterAddress(): string | null {
    return this.autoFilter ? rectA1(this.autoFilter) : null;
  }

  /** The sheet's charts, their sources as qualified addresses. */
  chartInfo(): ChartInfo[] {
    return this.charts.map((c) => ({
      name: c.name,
      type: c.type,
      seriesBy: c.seriesBy,
      source: qualified(c.source.sheet.name, c.source.rect),
      title: c.title,
      position: c.position ? { ...c.position } : null,
    }));
  }

  /** Each chart's texts: titles shown (null when hidden), font sizes (null when unset), label angle, legend. */
  chartText(): ChartTextInfo[] {
    const title = (t: HostAxis['title']) => (t.visible && t.text ? t.text : null);
    return this.charts.map((c) => ({
      title: c.title,
      titleSize: c.titleFont.size ?? null,
      categoryTitle: title(c.axes.category.title),
      valueTitle: title(c.axes.value.title),
      categoryTitleSize: c.axes.category.title.font.size ?? null,
      valueTitleSize: c.axes.value.title.font.size ?? null,
      categoryLabelSize: c.axes.category.font.size ?? null,
      valueLabelSize: c.axes.value.font.size ?? null,
      categoryTextOrientation: c.axes.category.textOrientation,
      legend: { visible: c.legend.visible, position: c.legend.position, size: c.legend.font.size ?? null },
    }));
  }

  /** Each chart's series: name, values and categories as qualified addresses (`'Rekap OPD'!H10:H12`). */
  chartSeries(): { name: string | null; values: string | null; categories: string | null }[][] {
    const q = (r: { sheet: HostSheet; rect: Rect } | null) => (r ? qualified(r.sheet.name, r.rect) : null);
    return this.charts.map((c) =>
      c.series.map((s) => ({ name: s.name, values: q(s.values), categories: q(s.categories) })),
    );
  }

  /** All notes, as `A1 → content`. */
  noteMap(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const n of this.notes.values()) out[cellA1(n.row, n.col)] = n.content;
    return out;
  }
}

/**
 * A seeded cell: a plain value; one with an error, a date, a number format or a fill; or a cell of
 * the engine's grid (`{ kind: 'date', serial }`, `{ kind: 'error', code }`), so a workbook read by
 * the project's xlsx reader can be seeded as it is.
 */
export type SeedValue =
  | Scalar
  | null
  | { readonly kind: 'date'; readonly serial: number }
  | { readonly kind: 'error'; readonly code: string }
  | {
      readonly value?: Scalar | null;
      /** An error value such as `#REF!`. */
      readonly error?: string;
      /** A date `YYYY-MM-DD`: stored as its serial with a date format, as Excel does. */
      readonly date?: string;
      readonly numberFormat?: string;
      readonly fill?: string;
      readonly bold?: boolean;
    };

function applySeed(cell: HostCell, v: SeedValue): void {
  if (v === null || typeof v !== 'object') {
    cell.value = v === '' ? null : v;
    cell.error = null;
    return;
  }
  if ('kind' in v) {
    if (v.kind === 'date') {
      cell.value = v.serial;
      cell.error = null;
      if (cell.numberFormat === 'General') cell.numberFormat = 'dd/mm/yyyy';
    } else {
      cell.value = null;
      cell.error = v.code;
    }
    return;
  }
  if (v.error !== undefined) {
    cell.value = null;
    cell.error = v.error;
  } else if (v.date !== undefined) {
    cell.value = isoToSerial(v.date);
    cell.error = null;
    cell.numberFormat = 'dd/mm/yyyy';
  } else {
    cell.value = v.value === '' || v.value === undefined ? null : v.value;
    cell.error = null;
  }
  if (v.numberFormat !== undefined) cell.numberFormat = v.numberFormat;
  if (v.fill !== undefined)
    cell.fill = { color: normaliseColor(v.fill), pattern: 'Solid', patternColor: '#000000' };
  if (v.bold !== undefined) cell.bold = v.bold;
}

export class HostWorkbook {
  readonly sheets: HostSheet[] = [];
  readonly tables: HostTable[] = [];
  readonly settings = new Map<string, unknown>();
  activeSheet: HostSheet | null = null;
  selection: { sheet: string; address: string } | null = null;
  /** While true, every sync fails as when the user is editing a cell (or waits, with `delayForCellEdit`). */
  get editing(): boolean {
    return this.editingNow;
  }
  set editing(on: boolean) {
    this.editingNow = on;
    if (!on) for (const resume of this.editWaiters.splice(0)) resume();
  }
  private editingNow = false;
  private readonly editWaiters: (() => void)[] = [];

  /** Resolves when the user leaves cell-edit mode (at once when not editing). */
  editingEnded(): Promise<void> {
    return this.editingNow ? new Promise((resolve) => this.editWaiters.push(resolve)) : Promise.resolve();
  }

  /** Workbooks opened with `Excel.createWorkbook` (ExcelApi 1.8): the bytes of each, in order. */
  readonly createdWorkbooks: Uint8Array[] = [];
  private ids = 1;

  nextId(): number {
    return this.ids++;
  }

  findSheet(name: string): HostSheet | undefined {
    const k = name.trim().toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === k);
  }

  /** The sheet (case-insensitive); throws when missing (test helper). */
  sheet(name: string): HostSheet {
    const s = this.findSheet(name);
    if (!s) throw new Error(`no sheet ${name}; sheets: ${this.sheets.map((x) => x.name).join(', ')}`);
    return s;
  }

  get sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  addSheet(name: string, visibility: Visibility = 'Visible'): HostSheet {
    const sheet = new HostSheet(this, `{${String(this.nextId()).padStart(8, '0')}-FAKE}`, name, visibility);
    this.sheets.push(sheet);
    if (!this.activeSheet && visibility === 'Visible') this.activeSheet = sheet;
    return sheet;
  }

  /**
   * When onChanged events reach the add-in. Excel delivers them asynchronously, and later still on
   * a slow PC or on the web: `'microtask'` (default) right after the change, a number of
   * milliseconds later, or `'manual'`: held until the test calls `flushEvents()`, so a test can let
   * a whole validation run between an edit and its event, deterministically.
   */
  eventDelivery: 'microtask' | 'manual' | number = 'microtask';
  /** Events held by `'manual'` delivery, oldest first. */
  readonly heldEvents: (() => unknown)[] = [];

  /** Calls the sheet's onChanged handlers asynchronously, as Excel does (see `eventDelivery`). */
  fireChanged(
    sheet: HostSheet,
    address: string,
    source: 'Local' | 'Remote',
    changeType = 'RangeEdited',
  ): void {
    if (sheet.changeHandlers.size === 0) return;
    const event: ChangeEvent = {
      address,
      changeType,
      source,
      worksheetId: sheet.id,
      type: 'WorksheetChanged',
    };
    for (const handler of [...sheet.changeHandlers]) {
      const deliver = () => handler(event);
      const mode = this.eventDelivery;
      if (mode === 'manual') this.heldEvents.push(deliver);
      else if (mode === 'microtask') void Promise.resolve().then(deliver);
      else setTimeout(deliver, mode);
    }
  }

  /** Delivers the held events in order, awaiting each handler's promise; resolves when all ran. */
  async flushEvents(): Promise<number> {
    let n = 0;
    while (this.heldEvents.length) {
      const deliver = this.heldEvents.shift()!;
      await deliver();
      n++;
    }
    return n;
  }
}
