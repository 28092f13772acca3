/**
 * The Excel object model subset the add-in uses, as proxies over `host.ts`. Names, shapes and
 * errors follow Office.js; what is not modelled is listed in `index.ts`.
 */
import {
  MAX_COLS,
  MAX_ROWS,
  Rect,
  cellA1,
  intersect,
  parseAddress,
  qualified,
  rectA1,
  rectCols,
  rectRows,
  splitAreas,
} from './address';
import { errors } from './errors';
import {
  ChangeEvent,
  ChangeHandler,
  DataValidationRule,
  HostAxis,
  HostChart,
  HostChartFont,
  HostSeries,
  HostCell,
  HostNote,
  HostSheet,
  HostTable,
  HostValidation,
  HostWorkbook,
  Scalar,
  Visibility,
  coerceInput,
  isDateFormat,
  newChartText,
  normaliseColor,
  serialToIso,
} from './host';
import { ClientCollection, ClientObject, ClientResult, FakeRequestContext, PropDef } from './runtime';

export interface RangeTarget {
  readonly sheet: HostSheet;
  readonly rect: Rect;
}

export interface AreasTarget {
  readonly sheet: HostSheet;
  readonly rects: readonly Rect[];
}

const WHOLE_SHEET: Rect = { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 };
const DEFAULT_COLUMN_WIDTH = 48; // points (8.43 characters)
const MAX_MULTI_AREA_ADDRESS = 8192; // getRanges fails beyond about this length (office-js issue #5198)

function* cellsOf(target: AreasTarget): Generator<[number, number]> {
  for (const r of target.rects) {
    for (let row = r.r0; row <= r.r1; row++) for (let col = r.c0; col <= r.c1; col++) yield [row, col];
  }
}

/** The common value of every cell, or null when they differ (as Office reports mixed formats). */
function uniform<T>(
  target: AreasTarget,
  read: (cell: HostCell | undefined, row: number, col: number) => T,
): T | null {
  let first = true;
  let value: T | null = null;
  for (const [row, col] of cellsOf(target)) {
    const v = read(target.sheet.peek(row, col), row, col);
    if (first) {
      value = v;
      first = false;
    } else if (v !== value) return null;
  }
  return value;
}

function forEachCell(target: AreasTarget, fn: (cell: HostCell) => void): void {
  for (const [row, col] of cellsOf(target)) fn(target.sheet.touch(row, col));
}

const areas = (t: RangeTarget): AreasTarget => ({ sheet: t.sheet, rects: [t.rect] });

/**
 * "On all platforms, a range is limited to five million cells for get operations", and past it
 * Excel may answer `values` (and the other cell matrices) with null instead of an error (office-js
 * #4783, #6781; the performance article's note).
 */
export const GET_CELL_LIMIT = 5_000_000;

function matrix<T>(t: RangeTarget, read: (cell: HostCell | undefined) => T): T[][] {
  if (rectRows(t.rect) * rectCols(t.rect) > GET_CELL_LIMIT) return null as unknown as T[][];
  const out: T[][] = [];
  for (let r = t.rect.r0; r <= t.rect.r1; r++) {
    const row: T[] = [];
    for (let c = t.rect.c0; c <= t.rect.c1; c++) row.push(read(t.sheet.peek(r, c)));
    out.push(row);
  }
  return out;
}

function cellText(cell: HostCell | undefined): string {
  if (!cell) return '';
  if (cell.error) return cell.error;
  const v = cell.value;
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number' && isDateFormat(cell.numberFormat)) {
    const [y, m, d] = serialToIso(v).split('-');
    return /^d/i.test(cell.numberFormat) ? `${d}/${m}/${y}` : `${y}-${m}-${d}`;
  }
  return String(v);
}

function valueType(cell: HostCell | undefined): string {
  if (!cell) return 'Empty';
  if (cell.error) return 'Error';
  if (cell.value === null) return 'Empty';
  if (typeof cell.value === 'string') return 'String';
  if (typeof cell.value === 'boolean') return 'Boolean';
  return 'Double';
}

function checkMatrix(t: RangeTarget, value: unknown, what: string): unknown[][] {
  if (!Array.isArray(value) || !value.every((r) => Array.isArray(r))) {
    throw errors.invalidArgument(`Range.${what}`, 'a two-dimensional array is required');
  }
  const rows = value as unknown[][];
  if (rows.length !== rectRows(t.rect) || rows.some((r) => r.length !== rectCols(t.rect))) {
    throw errors.invalidArgument(
      `Range.${what}`,
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows.length}×${rows[0]?.length ?? 0} for ${rectA1(t.rect)})`,
    );
  }
  return rows;
}

// --- Workbook ----------------------------------------------------------------------------------

export class Workbook extends ClientObject {
  readonly typeName = 'Workbook';
  protected get props(): Record<string, PropDef> {
    return {};
  }
  constructor(context: FakeRequestContext) {
    super(context, null, 1, '', [], (host) => host);
  }
  get worksheets(): WorksheetCollection {
    return this.nav(
      'worksheets',
      () => new WorksheetCollection(this.context, this, 4, 'worksheets', [], (wb) => wb),
    );
  }
  get tables(): TableCollection {
    return this.nav('tables', () => new TableCollection(this.context, this, 4, 'tables', [], (wb) => wb));
  }
  /** ExcelApi 1.18. */
  get notes(): NoteCollection {
    return this.nav(
      'notes',
      () => new NoteCollection(this.context, this, 4, 'notes', [], (wb) => wb, '1.18'),
    );
  }
  protected override navigation(name: string): ClientObject | undefined {
    return name === 'worksheets'
      ? this.worksheets
      : name === 'tables'
        ? this.tables
        : name === 'notes'
          ? this.notes
          : undefined;
  }
}

// --- Worksheets --------------------------------------------------------------------------------

const SHEET_NAME_INVALID = /[[\]:*?/\\]/;

/**
 * Excel's rules for a sheet name: 1 to 31 characters, none of `: \ / ? * [ ]`, no apostrophe at
 * either end, and not `History` (any case: Excel reserves it for change tracking).
 */
export function checkSheetName(
  host: HostWorkbook,
  name: string,
  self: HostSheet | null,
  location: string,
): void {
  if (
    typeof name !== 'string' ||
    !name ||
    name.length > 31 ||
    SHEET_NAME_INVALID.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    name.toLowerCase() === 'history'
  ) {
    throw errors.invalidArgument(location, `invalid sheet name «${name}»`);
  }
  const other = host.findSheet(name);
  if (other && other !== self) throw errors.itemAlreadyExists(location);
}

function findSheetByKey(host: HostWorkbook, key: string): HostSheet | undefined {
  return host.findSheet(key) ?? host.sheets.find((s) => s.id === key);
}

export class WorksheetCollection extends ClientCollection<Worksheet> {
  readonly typeName = 'WorksheetCollection';
  protected itemsOf(host: HostWorkbook): unknown[] {
    return host.sheets;
  }
  protected makeItem(target: unknown, index: number): Worksheet {
    const ws = new Worksheet(this.context, this, 5, '', [index], () => target);
    ws.bind(target);
    return ws;
  }
  getItem(key: string): Worksheet {
    return new Worksheet(this.context, this, 3, 'getItem', [key], (host) => {
      const s = findSheetByKey(host as HostWorkbook, key);
      if (!s) throw errors.itemNotFound(`WorksheetCollection.getItem(${key})`);
      return s;
    });
  }
  /** ExcelApi 1.4. */
  getItemOrNullObject(key: string): Worksheet {
    return new Worksheet(
      this.context,
      this,
      3,
      'getItemOrNullObject',
      [key],
      (host) => findSheetByKey(host as HostWorkbook, key) ?? null,
      '1.4',
      true,
    );
  }
  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.context, this, 3, 'getActiveWorksheet', [], (host) => {
      const s = (host as HostWorkbook).activeSheet;
      if (!s) throw errors.itemNotFound('WorksheetCollection.getActiveWorksheet');
      return s;
    });
  }
  add(name?: string): Worksheet {
    const ws = new Worksheet(this.context, this, 3, 'add', name === undefined ? [] : [name], () => {
      throw errors.invalidOperation('Worksheet', 'used before it was added');
    });
    this.context.queue({
      type: 1,
      obj: ws,
      name: '',
      args: [],
      apply: () => {
        const host = this.context.host;
        let n = name;
        if (n === undefined) {
          let i = host.sheets.length + 1;
          while (host.findSheet(`Sheet${i}`)) i++;
          n = `Sheet${i}`;
        }
        checkSheetName(host, n, null, 'WorksheetCollection.add');
        ws.bind(host.addSheet(n));
        return null;
      },
    });
    return ws;
  }
  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this.context.queue({
      type: 3,
      obj: this,
      name: 'getCount',
      args: [],
      apply: () => result.set(this.context.host.sheets.length),
    });
    return result;
  }
}

const WORKSHEET_PROPS: Record<string, PropDef> = {
  name: { read: (s: HostSheet) => s.name },
  id: { read: (s: HostSheet) => s.id },
  visibility: { read: (s: HostSheet) => s.visibility },
  position: { read: (s: HostSheet) => s.workbook.sheets.indexOf(s) },
};

export class Worksheet extends ClientObject {
  readonly typeName = 'Worksheet';
  protected get props(): Record<string, PropDef> {
    return WORKSHEET_PROPS;
  }

  get name(): string {
    return this.get_('name');
  }
  set name(value: string) {
    this.set_('name', value, (s: HostSheet) => {
      checkSheetName(s.workbook, value, s, 'Worksheet.name');
      s.name = value;
    });
  }
  get id(): string {
    return this.get_('id');
  }
  get visibility(): Visibility {
    return this.get_('visibility');
  }
  set visibility(value: Visibility) {
    this.set_('visibility', value, (s: HostSheet) => {
      if (!['Visible', 'Hidden', 'VeryHidden'].includes(value))
        throw errors.invalidArgument('Worksheet.visibility');
      if (
        value !== 'Visible' &&
        s.visibility === 'Visible' &&
        s.workbook.sheets.filter((x) => x.visibility === 'Visible').length === 1
      ) {
        throw errors.invalidOperation(
          'Worksheet.visibility',
          'A workbook must contain at least one visible worksheet.',
        );
      }
      s.visibility = value;
      if (value !== 'Visible' && s.workbook.activeSheet === s)
        s.workbook.activeSheet = s.workbook.sheets.find((x) => x.visibility === 'Visible') ?? null;
    });
  }
  get position(): number {
    return this.get_('position');
  }
  set position(value: number) {
    this.set_('position', value, (s: HostSheet) => {
      const list = s.workbook.sheets;
      if (!Number.isInteger(value) || value < 0 || value >= list.length)
        throw errors.invalidArgument('Worksheet.position');
      list.splice(list.indexOf(s), 1);
      list.splice(value, 0, s);
    });
  }

  get freezePanes(): WorksheetFreezePanes {
    return this.nav(
      'freezePanes',
      () => new WorksheetFreezePanes(this.context, this, 4, 'freezePanes', [], (s) => s, '1.7'),
    );
  }
  get tables(): TableCollection {
    return this.nav('tables', () => new TableCollection(this.context, this, 4, 'tables', [], (s) => s));
  }
  /** ExcelApi 1.18. */
  get notes(): NoteCollection {
    return this.nav('notes', () => new NoteCollection(this.context, this, 4, 'notes', [], (s) => s, '1.18'));
  }
  /** ExcelApi 1.1. */
  get charts(): ChartCollection {
    return this.nav('charts', () => new ChartCollection(this.context, this, 4, 'charts', [], (s) => s));
  }
  /** ExcelApi 1.9. */
  get autoFilter(): AutoFilter {
    return this.nav(
      'autoFilter',
      () => new AutoFilter(this.context, this, 4, 'autoFilter', [], (s) => s, '1.9'),
    );
  }
  /** ExcelApi 1.9. */
  get pageLayout(): PageLayout {
    return this.nav(
      'pageLayout',
      () => new PageLayout(this.context, this, 4, 'pageLayout', [], (s) => s, '1.9'),
    );
  }
  /** ExcelApi 1.9: manual page breaks before rows. */
  get horizontalPageBreaks(): PageBreakCollection {
    return this.nav(
      'horizontalPageBreaks',
      () => new PageBreakCollection(this.context, this, 4, 'horizontalPageBreaks', [], (s) => s, '1.9'),
    );
  }
  /** ExcelApi 1.7. */
  get onChanged(): ChangedEvent {
    return this.nav(
      'onChanged',
      () => new ChangedEvent(this.context, this, 4, 'onChanged', [], (s) => s, '1.7'),
    );
  }
  protected override navigation(name: string): ClientObject | undefined {
    return name === 'tables'
      ? this.tables
      : name === 'notes'
        ? this.notes
        : name === 'charts'
          ? this.charts
          : name === 'autoFilter'
            ? this.autoFilter
            : name === 'pageLayout'
              ? this.pageLayout
              : undefined;
  }

  delete(): void {
    this.call('delete', [], (s: HostSheet) => {
      const wb = s.workbook;
      if (s.visibility === 'Visible' && wb.sheets.filter((x) => x.visibility === 'Visible').length === 1) {
        throw errors.invalidOperation(
          'Worksheet.delete',
          'A workbook must contain at least one visible worksheet.',
        );
      }
      wb.sheets.splice(wb.sheets.indexOf(s), 1);
      for (let i = wb.tables.length - 1; i >= 0; i--) if (wb.tables[i].sheet === s) wb.tables.splice(i, 1);
      if (wb.activeSheet === s) wb.activeSheet = wb.sheets.find((x) => x.visibility === 'Visible') ?? null;
      if (wb.selection?.sheet === s.name) wb.selection = null;
    });
  }

  activate(): void {
    this.call('activate', [], (s: HostSheet) => {
      if (s.visibility !== 'Visible')
        throw errors.invalidOperation('Worksheet.activate', 'A hidden worksheet cannot be activated.');
      s.workbook.activeSheet = s;
    });
  }

  getRange(address?: string): Range {
    return new Range(this.context, this, 3, 'getRange', address === undefined ? [] : [address], (s) => {
      const sheet = s as HostSheet;
      if (address === undefined || address === '') return { sheet, rect: WHOLE_SHEET };
      const p = parseAddress(address);
      if (!p || (p.sheet !== null && p.sheet.toLowerCase() !== sheet.name.toLowerCase()))
        throw errors.invalidArgument(`Worksheet.getRange(${address})`);
      return { sheet, rect: p };
    });
  }

  getCell(row: number, column: number): Range {
    return new Range(this.context, this, 3, 'getCell', [row, column], (s) => ({
      sheet: s as HostSheet,
      rect: { r0: row, c0: column, r1: row, c1: column },
    }));
  }

  /** ExcelApi 1.9: a multi-area range, `A1,B7:C9`. */
  getRanges(address: string): RangeAreas {
    return new RangeAreas(
      this.context,
      this,
      3,
      'getRanges',
      [address],
      (s) => {
        const sheet = s as HostSheet;
        if (address.length > MAX_MULTI_AREA_ADDRESS)
          throw errors.invalidArgument('Worksheet.getRanges', `address of ${address.length} characters`);
        const rects = splitAreas(address).map((a) => {
          const p = parseAddress(a);
          if (!p || (p.sheet !== null && p.sheet.toLowerCase() !== sheet.name.toLowerCase()))
            throw errors.invalidArgument(`Worksheet.getRanges(${a})`);
          return { r0: p.r0, c0: p.c0, r1: p.r1, c1: p.c1 };
        });
        if (!rects.length) throw errors.invalidArgument('Worksheet.getRanges');
        return { sheet, rects };
      },
      '1.9',
    );
  }

  getUsedRange(valuesOnly = false): Range {
    return new Range(this.context, this, 3, 'getUsedRange', [valuesOnly], (s) => {
      const sheet = s as HostSheet;
      // An empty sheet's used range is its top-left cell.
      return { sheet, rect: sheet.usedRect(valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 } };
    });
  }

  /** ExcelApi 1.4: a null object when the sheet is empty. */
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return new Range(
      this.context,
      this,
      3,
      'getUsedRangeOrNullObject',
      [valuesOnly],
      (s) => {
        const sheet = s as HostSheet;
        const rect = sheet.usedRect(valuesOnly);
        return rect ? { sheet, rect } : null;
      },
      '1.4',
      true,
    );
  }
}

export class WorksheetFreezePanes extends ClientObject {
  readonly typeName = 'WorksheetFreezePanes';
  protected get props(): Record<string, PropDef> {
    return {};
  }
  // Panes frozen on a sheet that is not shown are not kept (office-js #3148: freezing needs the
  // sheet active): the fake takes the strict reading and drops them.
  freezeRows(count = 1): void {
    this.call('freezeRows', [count], (s: HostSheet) => {
      if (s.visibility !== 'Visible') return;
      s.frozenRows = count;
      s.frozenColumns = 0;
    });
  }
  freezeColumns(count = 1): void {
    this.call('freezeColumns', [count], (s: HostSheet) => {
      if (s.visibility !== 'Visible') return;
      s.frozenColumns = count;
      s.frozenRows = 0;
    });
  }
  unfreeze(): void {
    this.call('unfreeze', [], (s: HostSheet) => {
      s.frozenRows = 0;
      s.frozenColumns = 0;
    });
  }
}

// --- Page layout (ExcelApi 1.9) ----------------------------------------------------------------

const ORIENTATIONS = new Set(['Portrait', 'Landscape']);

/**
 * `worksheet.pageLayout` (ExcelApi 1.9), the subset the add-in sets: orientation, zoom
 * (`{ scale }` or `{ horizontalFitToPages, verticalFitToPages }`), print gridlines, margins (points),
 * `setPrintTitleRows`, `setPrintArea`, and `headersFooters.defaultForAllPages`. Stored as set in
 * `HostSheet.pageLayout`; read back after load like Excel.
 */
export class PageLayout extends ClientObject {
  readonly typeName = 'PageLayout';
  protected get props(): Record<string, PropDef> {
    const read = (name: string) => ({ read: (s: HostSheet) => s.pageLayout[name] ?? null });
    return {
      orientation: { read: (s: HostSheet) => s.pageLayout.orientation ?? 'Portrait' },
      zoom: read('zoom'),
      paperSize: { read: (s: HostSheet) => s.pageLayout.paperSize ?? 'Letter' },
      printGridlines: { read: (s: HostSheet) => s.pageLayout.printGridlines ?? false },
      leftMargin: read('leftMargin'),
      rightMargin: read('rightMargin'),
      topMargin: read('topMargin'),
      bottomMargin: read('bottomMargin'),
      headerMargin: read('headerMargin'),
      footerMargin: read('footerMargin'),
    };
  }
  get orientation(): string {
    return this.get_('orientation');
  }
  set orientation(value: string) {
    this.set_('orientation', value, (s: HostSheet) => {
      if (!ORIENTATIONS.has(value)) throw errors.invalidArgument('PageLayout.orientation');
      s.pageLayout.orientation = value;
    });
  }
  get zoom(): unknown {
    return this.get_('zoom');
  }
  set zoom(value: unknown) {
    this.set_('zoom', value, (s: HostSheet) => {
      const z = value as {
        scale?: number;
        horizontalFitToPages?: number;
        verticalFitToPages?: number;
      } | null;
      if (!z || typeof z !== 'object') throw errors.invalidArgument('PageLayout.zoom');
      if (
        z.scale !== undefined &&
        (z.horizontalFitToPages !== undefined || z.verticalFitToPages !== undefined)
      )
        throw errors.invalidArgument('PageLayout.zoom', 'scale and fit to pages together');
      // Fit-to-page set on a sheet that is not shown is not applied (office-js #1860).
      if (s.visibility !== 'Visible') return;
      s.pageLayout.zoom = { ...z };
    });
  }
  get paperSize(): string {
    return this.get_('paperSize');
  }
  set paperSize(value: string) {
    this.set_('paperSize', value, (s: HostSheet) => {
      if (!['A3', 'A4', 'A5', 'Letter', 'Legal', 'Folio'].includes(value))
        throw errors.invalidArgument('PageLayout.paperSize');
      s.pageLayout.paperSize = value;
    });
  }
  get printGridlines(): boolean {
    return this.get_('printGridlines');
  }
  set printGridlines(value: boolean) {
    this.set_('printGridlines', value, (s: HostSheet) => void (s.pageLayout.printGridlines = value));
  }
  private margin(name: string, value: number): void {
    this.set_(name, value, (s: HostSheet) => {
      if (typeof value !== 'number' || !(value >= 0)) throw errors.invalidArgument(`PageLayout.${name}`);
      s.pageLayout[name] = value;
    });
  }
  set leftMargin(v: number) {
    this.margin('leftMargin', v);
  }
  get leftMargin(): number {
    return this.get_('leftMargin');
  }
  set rightMargin(v: number) {
    this.margin('rightMargin', v);
  }
  get rightMargin(): number {
    return this.get_('rightMargin');
  }
  set topMargin(v: number) {
    this.margin('topMargin', v);
  }
  get topMargin(): number {
    return this.get_('topMargin');
  }
  set bottomMargin(v: number) {
    this.margin('bottomMargin', v);
  }
  get bottomMargin(): number {
    return this.get_('bottomMargin');
  }
  set headerMargin(v: number) {
    this.margin('headerMargin', v);
  }
  get headerMargin(): number {
    return this.get_('headerMargin');
  }
  set footerMargin(v: number) {
    this.margin('footerMargin', v);
  }
  get footerMargin(): number {
    return this.get_('footerMargin');
  }
  /** Rows repeated on every page: whole rows of this sheet (`$1:$1`). */
  setPrintTitleRows(rows: Range | string): void {
    this.call('setPrintTitleRows', [rows], (s: HostSheet) => {
      const r = rangeArgument(s, rows, 'PageLayout.setPrintTitleRows');
      if (r.c0 !== 0 || r.c1 !== MAX_COLS - 1)
        throw errors.invalidArgument('PageLayout.setPrintTitleRows', 'whole rows only');
      s.pageLayout.printTitleRows = rectA1(r);
    });
  }
  /** Columns repeated on every page: whole columns of this sheet (`$A:$C`). */
  setPrintTitleColumns(columns: Range | string): void {
    this.call('setPrintTitleColumns', [columns], (s: HostSheet) => {
      const r = rangeArgument(s, columns, 'PageLayout.setPrintTitleColumns');
      if (r.r0 !== 0 || r.r1 !== MAX_ROWS - 1)
        throw errors.invalidArgument('PageLayout.setPrintTitleColumns', 'whole columns only');
      s.pageLayout.printTitleColumns = rectA1(r);
    });
  }
  setPrintArea(area: Range | string): void {
    this.call(
      'setPrintArea',
      [area],
      (s: HostSheet) =>
        void (s.pageLayout.printArea = rectA1(rangeArgument(s, area, 'PageLayout.setPrintArea'))),
    );
  }
  get headersFooters(): HeaderFooterGroup {
    return this.nav(
      'headersFooters',
      () => new HeaderFooterGroup(this.context, this, 4, 'headersFooters', [], (s) => s),
    );
  }
  protected override navigation(name: string): ClientObject | undefined {
    return name === 'headersFooters' ? this.headersFooters : undefined;
  }
}

/**
 * `worksheet.horizontalPageBreaks` (ExcelApi 1.9), `add` only: a new page starts at the range's top
 * row. Kept in `HostSheet.pageLayout.horizontalPageBreaks` (1-based rows, ascending, each once).
 */
export class PageBreakCollection extends ClientObject {
  readonly typeName = 'PageBreakCollection';
  protected get props(): Record<string, PropDef> {
    return {};
  }
  add(pageBreakRange: Range | string): void {
    this.call(
      'add',
      [pageBreakRange],
      (s: HostSheet) => {
        const r = rangeArgument(s, pageBreakRange, 'PageBreakCollection.add');
        if (r.r0 === 0) throw errors.invalidArgument('PageBreakCollection.add', 'no break before row 1');
        const rows = new Set((s.pageLayout.horizontalPageBreaks as number[] | undefined) ?? []);
        rows.add(r.r0 + 1);
        s.pageLayout.horizontalPageBreaks = [...rows].sort((a, b) => a - b);
      },
      '1.9',
    );
  }
}

export class HeaderFooterGroup extends ClientObject {
  readonly typeName = 'HeaderFooterGroup';
  protected get props(): Record<string, PropDef> {
    return {};
  }
  get defaultForAllPages(): HeaderFooter {
    return this.nav(
      'defaultForAllPages',
      () => new HeaderFooter(this.context, this, 4, 'defaultForAllPages', [], (s) => s),
    );
  }
  protected override navigation(name: string): ClientObject | undefined {
    return name === 'defaultForAllPages' ? this.defaultForAllPages : undefined;
  }
}

const HEADER_FOOTER_PARTS = [
  'leftHeader',
  'centerHeader',
  'rightHeader',
  'leftFooter',
  'centerFooter',
  'rightFooter',
] as const;

/** One header/footer set (Excel's codes kept as written); stored as `HostSheet.pageLayout[part]`. */
export class HeaderFooter extends ClientObject {
  readonly typeName = 'HeaderFooter';
  protected get props(): Record<string, PropDef> {
    return Object.fromEntries(
      HEADER_FOOTER_PARTS.map((p) => [p, { read: (s: HostSheet) => s.pageLayout[p] ?? '' }]),
    );
  }
  private part(name: string, value: string): void {
    this.set_(name, value, (s: HostSheet) => {
      if (typeof value !== 'string' || value.length > 255)
        throw errors.invalidArgument(`HeaderFooter.${name}`);
      s.pageLayout[name] = value;
    });
  }
  get leftHeader(): string {
    return this.get_('leftHeader');
  }
  set leftHeader(v: string) {
    this.part('leftHeader', v);
  }
  get centerHeader(): string {
    return this.get_('centerHeader');
  }
  set centerHeader(v: string) {
    this.part('centerHeader', v);
  }
  get rightHeader(): string {
    return this.get_('rightHeader');
  }
  set rightHeader(v: string) {
    this.part('rightHeader', v);
  }
  get leftFooter(): string {
    return this.get_('leftFooter');
  }
  set leftFooter(v: string) {
    this.part('leftFooter', v);
  }
  get centerFooter(): string {
    return this.get_('centerFooter');
  }
  set centerFooter(v: string) {
    this.part('centerFooter', v);
  }
  get rightFooter(): string {
    return this.get_('rightFooter');
  }
  set rightFooter(v: string) {
    this.part('rightFooter', v);
  }
}

// --- Autofilter (ExcelApi 1.9) and charts (ExcelApi 1.1) ----------------------------------------

/** A Range proxy or an address on the sheet: the rectangle it stands for (during a sync). */
function rangeArgument(sheet: HostSheet, range: Range | string, location: string): Rect {
  if (typeof range === 'string') {
    const p = parseAddress(range);
    if (!p || (p.sheet !== null && p.sheet.toLowerCase() !== sheet.name.toLowerCase()))
      throw errors.invalidArgument(location, `bad address ${range}`);
    return { r0: p.r0, c0: p.c0, r1: p.r1, c1: p.c1 };
  }
  const t = range.resolve() as RangeTarget | null;
  if (!t) throw errors.invalidObjectPath(location);
  if (t.sheet !== sheet) throw errors.invalidArgument(location, 'the range is on another sheet');
  return t.rect;
}

export class AutoFilter extends ClientObject {
  readonly typeName = 'AutoFilter';
  protected get props(): Record<string, PropDef> {
    return { enabled: { read: (s: HostSheet) => s.autoFilter !== null } };
  }
  get enabled(): boolean {
    return this.get_('enabled');
  }
  /** Puts the sheet's filter buttons on the range's header row (criteria are not modelled). */
  apply(range: Range | string, columnIndex?: number, criteria?: unknown): void {
    const args = columnIndex === undefined ? [range] : [range, columnIndex, criteria ?? null];
    this.call(
      'apply',
      args,
      (s: HostSheet) => void (s.autoFilter = rangeArgument(s, range, 'AutoFilter.apply')),
    );
  }
  remove(): void {
    this.call('remove', [], (s: HostSheet) => void (s.autoFilter = null));
  }
}

/** Chart types the fake accepts (a subset of Excel.ChartType). */
const CHART_TYPES = new Set([
  'ColumnClustered',
  'ColumnStacked',
  'ColumnStacked100',
  'BarClustered',
  'BarStacked',
  'BarStacked100',
  'Line',
  'LineMarkers',
  'Pie',
  'Doughnut',
  'Area',
  'AreaStacked',
  'XYScatter',
]);
const SERIES_BY = new Set(['Auto', 'Columns', 'Rows']);

export class ChartCollection extends ClientCollection<Chart> {
  readonly typeName = 'ChartCollection';
  protected itemsOf(s: HostSheet): unknown[] {
    return s.charts;
  }
  protected makeItem(target: unknown, index: number): Chart {
    const chart = new Chart(this.context, this, 5, '', [index], () => target);
    chart.bind(target);
    return chart;
  }
  add(type: string, sourceData: Range, seriesBy = 'Auto'): Chart {
    const chart = new Chart(this.context, this, 3, 'add', [type, sourceData, seriesBy], () => {
      throw errors.invalidOperation('Chart', 'used before it was added');
    });
    this.context.queue({
      type: 1,
      obj: chart,
      name: '',
      args: [],
      apply: () => {
        const sheet = this.resolve() as HostSheet | null;
        if (!sheet) throw errors.invalidObjectPath('ChartCollection.add');
        if (!CHART_TYPES.has(type))
          throw errors.invalidArgument('ChartCollection.add', `unknown chart type ${type}`);
        if (!SERIES_BY.has(seriesBy))
          throw errors.invalidArgument('ChartCollection.add', `unknown seriesBy ${seriesBy}`);
        const t = sourceData.resolve() as RangeTarget | null;
        if (!t) throw errors.invalidObjectPath('ChartCollection.add');
        let n = sheet.charts.length + 1;
        while (sheet.charts.some((c) => c.name === `Chart ${n}`)) n++;
        const byRows = seriesBy === 'Rows';
        const count = byRows ? t.rect.r1 - t.rect.r0 + 1 : t.rect.c1 - t.rect.c0 + 1;
        const series = Array.from({ length: count }, (_, i) => ({
          name: null,
          values: {
            sheet: t.sheet,
            rect: byRows
              ? { ...t.rect, r0: t.rect.r0 + i, r1: t.rect.r0 + i }
              : { ...t.rect, c0: t.rect.c0 + i, c1: t.rect.c0 + i },
          },
          categories: null,
        }));
        const created: HostChart = {
          id: sheet.workbook.nextId(),
          name: `Chart ${n}`,
          type,
          seriesBy,
          source: { sheet: t.sheet, rect: t.rect },
          title: null,
          position: null,
          series,
          ...newChartText(),
        };
        sheet.charts.push(created);
        chart.bind(created);
        return null;
      },
    });
    return chart;
  }
  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this.context.queue({
      type: 3,
      obj: this,
      name: 'getCount',
      args: [],
      apply: () => result.set((this.resolve() as HostSheet).charts.length),
    });
    return result;
  }
}

export class Chart extends ClientObject {
  readonly typeName = 'Chart';
  protected get props(): Record<string, PropDef> {
    return {
      name: { read: (c: HostChart) => c.name },
      id: { read: (c: HostChart) => String(c.id) },
      chartType: { read: (c: HostChart) => c.type, requires: '1.7' },
    };
  }
  get name(): string {
    return this.get_('name');
  }
  set name(value: string) {
    this.set_('name', value, (c: HostChart) => void (c.name = value));
  }
  get chartType(): string {
    return this.get_('chartType');
  }
  get title(): ChartTitle {
    return this.nav('title', () => new ChartTitle(this.context, this, 4, 'title', [], (c) => c));
  }
  /** ExcelApi 1.1 (its `add` 1.7). */
  get series(): ChartSeriesCollection {
    return this.nav('series', () => new ChartSeriesCollection(this.context, this, 4, 'series', [], (c) => c));
  }
  get axes(): ChartAxes {
    return this.nav('axes', () => new ChartAxes(this.context, this, 4, 'axes', [], (c) => c));
  }
  get legend(): ChartLegend {
    return this.nav(
      'legend',
      () => new ChartLegend(this.context, this, 4, 'legend', [], (c) => (c as HostChart).legend),
    );
  }
  protected override navigation(name: string): ClientObject | undefined {
    return name === 'title'
      ? this.title
      : name === 'series'
        ? this.series
        : name === 'axes'
          ? this.axes
          : name === 'legend'
            ? this.legend
            : undefined;
  }
  /** Places the chart over the cells from `startCell` to `endCell` (A1 addresses or ranges of its sheet). */
  setPosition(startCell: Range | string, endCell?: Range | string): void {
    const args = endCell === undefined ? [startCell] : [startCell, endCell];
    this.call('setPosition', args, (c: HostChart) => {
      const sheet = c.source.sheet.workbook.sheets.find((s) => s.charts.includes(c));
      if (!sheet) throw errors.itemNotFound('Chart.setPosition');
      const a = rangeArgument(sheet, startCell, 'Chart.setPosition');
      const b = endCell === undefined ? null : rangeArgument(sheet, endCell, 'Chart.setPosition');
      c.position = { start: cellA1(a.r0, a.c0), end: b ? cellA1(b.r1, b.c1) : null };
    });
  }
  delete(): void {
    this.call('delete', [], (c: HostChart) => {
      for (const s of c.source.sheet.workbook.sheets) {
        const i = s.charts.indexOf(c);
        if (i >= 0) s.charts.splice(i, 1);
      }
    });
  }
}

/** A chart's series: `getItemAt` (1.1) and `add` (1.7); not loadable as a collection in the fake. */
export class ChartSeriesCollection extends ClientObject {
  readonly typeName = 'ChartSeriesCollection';
  protected get props(): Record<string, PropDef> {
    return { count: { read: (c: HostChart) => c.series.length } };
  }
  get count(): number {
    return this.get_('count');
  }
  getItemAt(index: number): ChartSeries {
    return new ChartSeries(this.context, this, 3, 'getItemAt', [index], (c) => {
      const s = (c as HostChart).series[index];
      if (!s) throw errors.invalidArgument('ChartSeriesCollection.getItemAt');
      return s;
    });
  }
  add(name?: string, index?: number): ChartSeries {
    const series = new ChartSeries(
      this.context,
      this,
      3,
      'add',
      index === undefined ? [name ?? null] : [name ?? null, index],
      () => {
        throw errors.invalidOperation('ChartSeries', 'used before it was added');
      },
      '1.7',
    );
    this.context.queue({
      type: 1,
      obj: series,
      name: '',
      args: [],
      requires: '1.7',
      apply: () => {
        const c = this.resolve() as HostChart | null;
        if (!c) throw errors.invalidObjectPath('ChartSeriesCollection.add');
        const created = { name: name ?? null, values: null, categories: null };
        if (index === undefined) c.series.push(created);
        else c.series.splice(index, 0, created);
        series.bind(created);
        return null;
      },
    });
    return series;
  }
}

/** One series: `name` (1.1), `setValues` and `setXAxisValues` (1.7), over ranges of any sheet. */
export class ChartSeries extends ClientObject {
  readonly typeName = 'ChartSeries';
  protected get props(): Record<string, PropDef> {
    return { name: { read: (s: HostSeries) => s.name ?? '' } };
  }
  get name(): string {
    return this.get_('name');
  }
  set name(value: string) {
    this.set_('name', value, (s: HostSeries) => void (s.name = value));
  }
  private source(
    method: string,
    range: Range,
    put: (s: HostSeries, r: { sheet: HostSheet; rect: Rect }) => void,
  ): void {
    this.call(
      method,
      [range],
      (s: HostSeries) => {
        const t = range.resolve() as RangeTarget | null;
        if (!t) throw errors.invalidObjectPath(`ChartSeries.${method}`);
        if (t.rect.c0 !== t.rect.c1 && t.rect.r0 !== t.rect.r1)
          throw errors.invalidArgument(`ChartSeries.${method}`, 'one row or one column');
        put(s, { sheet: t.sheet, rect: t.rect });
      },
      '1.7',
    );
  }
  setValues(sourceData: Range): void {
    this.source('setValues', sourceData, (s, r) => void (s.values = r));
  }
  setXAxisValues(sourceData: Range): void {
    this.source('setXAxisValues', sourceData, (s, r) => void (s.categories = r));
  }
}

export class ChartTitle extends ClientObject {
  readonly typeName = 'ChartTitle';
  protected get props(): Record<string, PropDef> {
    return { text: { read: (c: HostChart) => c.title ?? '' } };
  }
  get text(): string {
    return this.get_('text');
  }
  set text(value: string) {
    this.set_('text', value, (c: HostChart) => void (c.title = value));
  }
  get format(): ChartTextFormat {
    return this.nav(
      'format',
      () => new ChartTextFormat(this.context, this, 4, 'format', [], (c) => (c as HostChart).titleFont),
    );
  }
  protected override navigation(name: string): ClientObject | undefined {
    return name === 'format' ? this.format : undefined;
  }
}

/**
 * The `format` of a chart text (ChartTitleFormat, ChartAxisFormat, ChartAxisTitleFormat,
 * ChartLegendFormat: ExcelApi 1.1): only its `font` is modelled. Its target is the text's font.
 */
export class ChartTextFormat extends ClientObject {
  readonly typeName = 'ChartFormat';
  protected get props(): Record<string, PropDef> {
    return {};
  }
  get font(): ChartFont {
    return this.nav('font', () => new ChartFont(this.context, this, 4, 'font', [], (f) => f));
  }
  protected override navigation(name: string): ClientObject | undefined {
    return name === 'font' ? this.font : undefined;
  }
}

/** `ChartFont` (ExcelApi 1.1): size (points, 1–409 as Excel takes them), bold, name, colour. */
export class ChartFont extends ClientObject {
  readonly typeName = 'ChartFont';
  protected get props(): Record<string, PropDef> {
    return {
      size: { read: (f: HostChartFont) => f.size ?? 10 },
      bold: { read: (f: HostChartFont) => f.bold ?? false },
      name: { read: (f: HostChartFont) => f.name ?? 'Calibri' },
      color: { read: (f: HostChartFont) => f.color ?? '#595959' },
    };
  }
  get size(): number {
    return this.get_('size');
  }
  set size(value: number) {
    this.set_('size', value, (f: HostChartFont) => {
      if (typeof value !== 'number' || !(value >= 1 && value <= 409))
        throw errors.invalidArgument('ChartFont.size');
      f.size = value;
    });
  }
  get bold(): boolean {
    return this.get_('bold');
  }
  set bold(value: boolean) {
    this.set_('bold', value, (f: HostChartFont) => void (f.bold = value));
  }
  get name(): string {
    return this.get_('name');
  }
  set name(value: string) {
    this.set_('name', value, (f: HostChartFont) => void (f.name = value));
  }
  get color(): string {
    return this.get_('color');
  }
  set color(value: string) {
    this.set_('color', value, (f: HostChartFont) => void (f.color = normaliseColor(value)));
  }
}

/** `chart.axes` (ExcelApi 1.1): the category and value axes. */
export class ChartAxes extends ClientObject {
  readonly typeName = 'ChartAxes';
  protected get props(): Record<string, PropDef> {
    return {};
  }
  get categoryAxis(): ChartAxis {
    return this.nav(
      'categoryAxis',
      () => new ChartAxis(this.context, this, 4, 'categoryAxis', [], (c) => (c as HostChart).axes.category),
    );
  }
  get valueAxis(): ChartAxis {
    return this.nav(
      'valueAxis',
      () => new ChartAxis(this.context, this, 4, 'valueAxis', [], (c) => (c as HostChart).axes.value),
    );
  }
  protected override navigation(name: string): ClientObject | undefined {
    return name === 'categoryAxis' ? this.categoryAxis : name === 'valueAxis' ? this.valueAxis : undefined;
  }
}

/** One axis (ExcelApi 1.1): `title`, `format.font` (its tick labels), `textOrientation` (1.8, -90…90 or 180). */
export class ChartAxis extends ClientObject {
  readonly typeName = 'ChartAxis';
  protected get props(): Record<string, PropDef> {
    return { textOrientation: { read: (a: HostAxis) => a.textOrientation ?? 0, requires: '1.8' } };
  }
  get textOrientation(): number {
    return this.get_('textOrientation');
  }
  set textOrientation(value: number) {
    this.set_('textOrientation', value, (a: HostAxis) => {
      if (!Number.isInteger(value) || !((value >= -90 && value <= 90) || value === 180))
        throw errors.invalidArgument('ChartAxis.textOrientation');
      a.textOrientation = value;
    });
  }
  get title(): ChartAxisTitle {
    return this.nav(
      'title',
      () => new ChartAxisTitle(this.context, this, 4, 'title', [], (a) => (a as HostAxis).title),
    );
  }
  get format(): ChartTextFormat {
    return this.nav(
      'format',
      () => new ChartTextFormat(this.context, this, 4, 'format', [], (a) => (a as HostAxis).font),
    );
  }
  protected override navigation(name: string): ClientObject | undefined {
    return name === 'title' ? this.title : name === 'format' ? this.format : undefined;
  }
}

/** An axis title (ExcelApi 1.1): `text`, `visible`, `format.font`. */
export class ChartAxisTitle extends ClientObject {
  readonly typeName = 'ChartAxisTitle';
  protected get props(): Record<string, PropDef> {
    return {
      text: { read: (t: HostAxis['title']) => t.text },
      visible: { read: (t: HostAxis['title']) => t.visible },
    };
  }
  get text(): string {
    return this.get_('text');
  }
  /** As Excel: giving an axis a title text shows the title. */
  set text(value: string) {
    this.set_('text', value, (t: HostAxis['title']) => {
      t.text = value;
      t.visible = value !== '';
    });
  }
  get visible(): boolean {
    return this.get_('visible');
  }
  set visible(value: boolean) {
    this.set_('visible', value, (t: HostAxis['title']) => void (t.visible = value));
  }
  get format(): ChartTextFormat {
    return this.nav(
      'format',
      () => new ChartTextFormat(this.context, this, 4, 'format', [], (t) => (t as HostAxis['title']).font),
    );
  }
  protected override navigation(name: string): ClientObject | undefined {
    return name === 'format' ? this.format : undefined;
  }
}

const LEGEND_POSITIONS = new Set(['Invalid', 'Top', 'Bottom', 'Left', 'Right', 'Corner', 'Custom']);

/** The legend (ExcelApi 1.1): `visible`, `position`, `format.font`. */
export class ChartLegend extends ClientObject {
  readonly typeName = 'ChartLegend';
  protected get props(): Record<string, PropDef> {
    return {
      visible: { read: (l: HostChart['legend']) => l.visible },
      position: { read: (l: HostChart['legend']) => l.position },
    };
  }
  get visible(): boolean {
    return this.get_('visible');
  }
  set visible(value: boolean) {
    this.set_('visible', value, (l: HostChart['legend']) => void (l.visible = value));
  }
  get position(): string {
    return this.get_('position');
  }
  set position(value: string) {
    this.set_('position', value, (l: HostChart['legend']) => {
      if (!LEGEND_POSITIONS.has(value)) throw errors.invalidArgument('ChartLegend.position');
      l.position = value;
    });
  }
  get format(): ChartTextFormat {
    return this.nav(
      'format',
      () => new ChartTextFormat(this.context, this, 4, 'format', [], (l) => (l as HostChart['legend']).font),
    );
  }
  protected override navigation(name: string): ClientObject | undefined {
    return name === 'format' ? this.format : undefined;
  }
}

// --- Events ------------------------------------------------------------------------------------

export class EventHandlerResult {
  constructor(
    readonly context: FakeRequestContext,
    private readonly source: ChangedEvent,
    private readonly handler: ChangeHandler,
  ) {}
  remove(): void {
    this.source.removeHandler(this.handler);
  }
}

export class ChangedEvent extends ClientObject {
  readonly typeName = 'WorksheetChangedEvent';
  protected get props(): Record<string, PropDef> {
    return {};
  }
  add(handler: (args: ChangeEvent) => unknown): EventHandlerResult {
    const wrapped: ChangeHandler = (e) => handler(e);
    this.call('add', [handler], (s: HostSheet) => void s.changeHandlers.add(wrapped));
    return new EventHandlerResult(this.context, this, wrapped);
  }
  /** Used by EventHandlerResult.remove(): queued on the context that registered the handler. */
  removeHandler(handler: ChangeHandler): void {
    this.call('remove', [handler], (s: HostSheet) => void s.changeHandlers.delete(handler));
  }
}

// --- Ranges ------------------------------------------------------------------------------------

const RANGE_PROPS: Record<string, PropDef> = {
  address: { read: (t: RangeTarget) => qualified(t.sheet.name, t.rect) },
  addressLocal: { read: (t: RangeTarget) => qualified(t.sheet.name, t.rect) },
  values: { read: (t: RangeTarget) => matrix(t, (c) => (c ? (c.error ?? c.value ?? '') : '')) },
  formulas: {
    read: (t: RangeTarget) => matrix(t, (c) => (c ? (c.formula ?? c.error ?? c.value ?? '') : '')),
  },
  numberFormat: { read: (t: RangeTarget) => matrix(t, (c) => c?.numberFormat ?? 'General') },
  valueTypes: { read: (t: RangeTarget) => matrix(t, valueType) },
  text: { read: (t: RangeTarget) => matrix(t, cellText) },
  rowCount: { read: (t: RangeTarget) => rectRows(t.rect) },
  columnCount: { read: (t: RangeTarget) => rectCols(t.rect) },
  rowIndex: { read: (t: RangeTarget) => t.rect.r0 },
  columnIndex: { read: (t: RangeTarget) => t.rect.c0 },
  cellCount: { read: (t: RangeTarget) => rectRows(t.rect) * rectCols(t.rect) },
};

export class Range extends ClientObject {
  readonly typeName = 'Range';
  protected get props(): Record<string, PropDef> {
    return RANGE_PROPS;
  }

  get address(): string {
    return this.get_('address');
  }
  get addressLocal(): string {
    return this.get_('addressLocal');
  }
  get rowCount(): number {
    return this.get_('rowCount');
  }
  get columnCount(): number {
    return this.get_('columnCount');
  }
  get rowIndex(): number {
    return this.get_('rowIndex');
  }
  get columnIndex(): number {
    return this.get_('columnIndex');
  }
  get cellCount(): number {
    return this.get_('cellCount');
  }
  get text(): string[][] {
    return this.get_('text');
  }
  get valueTypes(): string[][] {
    return this.get_('valueTypes');
  }
  get formulas(): unknown[][] {
    return this.get_('formulas');
  }
  /** A text starting with `=` is stored as a formula (never calculated); anything else like `values`. */
  set formulas(value: unknown[][]) {
    this.set_('formulas', value, (t: RangeTarget) => {
      const rows = checkMatrix(t, value, 'formulas');
      rows.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null || v === undefined) return;
          if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')
            throw errors.invalidArgument('Range.formulas', `unsupported value ${String(v)}`);
          const cell = t.sheet.touch(t.rect.r0 + r, t.rect.c0 + c);
          const stored = coerceInput(
            v as Scalar,
            typeof v === 'string' && v.startsWith('=') ? 'General' : cell.numberFormat,
          );
          cell.value = stored.value;
          cell.error = stored.error;
          cell.formula = stored.formula;
        }),
      );
      this.context.written.push({ sheet: t.sheet, address: rectA1(t.rect) });
    });
  }

  get values(): unknown[][] {
    return this.get_('values');
  }
  /** Like typing: texts that look like numbers, dates, booleans or errors are converted (not in `@` cells); null leaves a cell unchanged. */
  set values(value: unknown[][]) {
    this.set_('values', value, (t: RangeTarget) => {
      const rows = checkMatrix(t, value, 'values');
      rows.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null || v === undefined) return;
          if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')
            throw errors.invalidArgument('Range.values', `unsupported value ${String(v)}`);
          const cell = t.sheet.touch(t.rect.r0 + r, t.rect.c0 + c);
          const stored = coerceInput(v as Scalar, cell.numberFormat);
          cell.value = stored.value;
          cell.error = stored.error;
          cell.formula = stored.formula;
          if (stored.numberFormat) cell.numberFormat = stored.numberFormat;
        }),
      );
      this.context.written.push({ sheet: t.sheet, address: rectA1(t.rect) });
    });
  }

  get numberFormat(): string[][] {
    return this.get_('numberFormat');
  }
  set numberFormat(value: string[][]) {
    this.set_('numberFormat', value, (t: RangeTarget) => {
      const rows = checkMatrix(t, value, 'numberFormat');
      rows.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null || v === undefined) return;
          t.sheet.touch(t.rect.r0 + r, t.rect.c0 + c).numberFormat = String(v);
        }),
      );
    });
  }

  get format(): RangeFormat {
    return this.nav(
      'format',
      () => new RangeFormat(this.context, this, 4, 'format', [], (t) => areas(t as RangeTarget)),
    );
  }
  /** ExcelApi 1.8. */
  get dataValidation(): DataValidation {
    return this.nav(
      'dataValidation',
      () => new DataValidation(this.context, this, 4, 'dataValidation', [], (t) => t, '1.8'),
    );
  }
  get worksheet(): Worksheet {
    return this.nav(
      'worksheet',
      () => new Worksheet(this.context, this, 4, 'worksheet', [], (t) => (t as RangeTarget).sheet),
    );
  }
  protected override navigation(name: string): ClientObject | undefined {
    return name === 'format'
      ? this.format
      : name === 'dataValidation'
        ? this.dataValidation
        : name === 'worksheet'
          ? this.worksheet
          : undefined;
  }

  private derived(name: string, args: unknown[], rect: (t: RangeTarget) => Rect, requires?: string): Range {
    return new Range(
      this.context,
      this,
      3,
      name,
      args,
      (t) => {
        const target = t as RangeTarget;
        const r = rect(target);
        if (r.r0 < 0 || r.c0 < 0 || r.r1 >= MAX_ROWS || r.c1 >= MAX_COLS || r.r1 < r.r0 || r.c1 < r.c0)
          throw errors.invalidArgument(`Range.${name}`);
        return { sheet: target.sheet, rect: r };
      },
      requires,
    );
  }

  getCell(row: number, column: number): Range {
    return this.derived('getCell', [row, column], (t) => ({
      r0: t.rect.r0 + row,
      c0: t.rect.c0 + column,
      r1: t.rect.r0 + row,
      c1: t.rect.c0 + column,
    }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return this.derived('getOffsetRange', [rowOffset, columnOffset], (t) => ({
      r0: t.rect.r0 + rowOffset,
      c0: t.rect.c0 + columnOffset,
      r1: t.rect.r1 + rowOffset,
      c1: t.rect.c1 + columnOffset,
    }));
  }
  /** ExcelApi 1.2. */
  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this.derived(
      'getResizedRange',
      [deltaRows, deltaColumns],
      (t) => ({ r0: t.rect.r0, c0: t.rect.c0, r1: t.rect.r1 + deltaRows, c1: t.rect.c1 + deltaColumns }),
      '1.2',
    );
  }
  getRow(row: number): Range {
    return this.derived('getRow', [row], (t) => ({
      r0: t.rect.r0 + row,
      c0: t.rect.c0,
      r1: t.rect.r0 + row,
      c1: t.rect.c1,
    }));
  }
  getColumn(column: number): Range {
    return this.derived('getColumn', [column], (t) => ({
      r0: t.rect.r0,
      c0: t.rect.c0 + column,
      r1: t.rect.r1,
      c1: t.rect.c0 + column,
    }));
  }
  getUsedRange(valuesOnly = false): Range {
    return new Range(this.context, this, 3, 'getUsedRange', [valuesOnly], (t) => {
      const target = t as RangeTarget;
      const used = target.sheet.usedRect(valuesOnly);
      const r = used && intersect(used, target.rect);
      if (!r) throw errors.itemNotFound('Range.getUsedRange');
      return { sheet: target.sheet, rect: r };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return new Range(
      this.context,
      this,
      3,
      'getUsedRangeOrNullObject',
      [valuesOnly],
      (t) => {
        const target = t as RangeTarget;
        const used = target.sheet.usedRect(valuesOnly);
        const r = used && intersect(used, target.rect);
        return r ? { sheet: target.sheet, rect: r } : null;
      },
      '1.4',
      true,
    );
  }

  select(): void {
    this.call('select', [], (t: RangeTarget) => {
      if (t.sheet.visibility !== 'Visible')
        throw errors.invalidOperation('Range.select', 'The range is on a hidden worksheet.');
      t.sheet.workbook.activeSheet = t.sheet;
      t.sheet.workbook.selection = { sheet: t.sheet.name, address: rectA1(t.rect) };
    });
  }

  clear(applyTo: 'All' | 'Formats' | 'Contents' = 'All'): void {
    this.call('clear', [applyTo], (t: RangeTarget) => clearCells(areas(t), applyTo, this.context));
  }
}

function clearCells(target: AreasTarget, applyTo: string, context: FakeRequestContext): void {
  for (const rect of target.rects) {
    for (const [k, cell] of [...target.sheet.cells]) {
      const row = Math.floor(k / MAX_COLS);
      const col = k % MAX_COLS;
      if (row < rect.r0 || row > rect.r1 || col < rect.c0 || col > rect.c1) continue;
      if (applyTo === 'All') target.sheet.cells.delete(k);
      else if (applyTo === 'Contents') {
        cell.value = null;
        cell.error = null;
        cell.formula = null;
      } else {
        cell.numberFormat = 'General';
        cell.fill = null;
        cell.bold = false;
        cell.fontColor = null;
        cell.wrap = false;
      }
    }
    if (applyTo !== 'Formats') context.written.push({ sheet: target.sheet, address: rectA1(rect) });
  }
}

/** ExcelApi 1.9: several areas of one sheet. */
export class RangeAreas extends ClientObject {
  readonly typeName = 'RangeAreas';
  protected get props(): Record<string, PropDef> {
    return {
      address: { read: (t: AreasTarget) => t.rects.map((r) => qualified(t.sheet.name, r)).join(',') },
      areaCount: { read: (t: AreasTarget) => t.rects.length },
      cellCount: { read: (t: AreasTarget) => t.rects.reduce((n, r) => n + rectRows(r) * rectCols(r), 0) },
    };
  }
  get address(): string {
    return this.get_('address');
  }
  get areaCount(): number {
    return this.get_('areaCount');
  }
  get cellCount(): number {
    return this.get_('cellCount');
  }
  get areas(): RangeCollection {
    return this.nav('areas', () => new RangeCollection(this.context, this, 4, 'areas', [], (t) => t));
  }
  get format(): RangeFormat {
    return this.nav('format', () => new RangeFormat(this.context, this, 4, 'format', [], (t) => t));
  }
  protected override navigation(name: string): ClientObject | undefined {
    return name === 'areas' ? this.areas : name === 'format' ? this.format : undefined;
  }
  clear(applyTo: 'All' | 'Formats' | 'Contents' = 'All'): void {
    this.call('clear', [applyTo], (t: AreasTarget) => clearCells(t, applyTo, this.context));
  }
}

export class RangeCollection extends ClientCollection<Range> {
  readonly typeName = 'RangeCollection';
  protected itemsOf(t: AreasTarget): unknown[] {
    return t.rects.map((rect) => ({ sheet: t.sheet, rect }));
  }
  protected makeItem(target: unknown, index: number): Range {
    const r = new Range(this.context, this, 5, '', [index], () => target);
    r.bind(target);
    return r;
  }
}

// --- Formats -----------------------------------------------------------------------------------

export class RangeFormat extends ClientObject {
  readonly typeName = 'RangeFormat';
  protected get props(): Record<string, PropDef> {
    return {
      columnWidth: {
        read: (t: AreasTarget) => {
          let width: number | null | undefined;
          for (const r of t.rects) {
            for (let c = r.c0; c <= r.c1; c++) {
              const w = t.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH;
              if (width === undefined) width = w;
              else if (width !== w) return null;
            }
          }
          return width ?? null;
        },
      },
      wrapText: { read: (t: AreasTarget) => uniform(t, (c) => c?.wrap ?? false) },
    };
  }
  get columnWidth(): number {
    return this.get_('columnWidth');
  }
  set columnWidth(value: number) {
    this.set_('columnWidth', value, (t: AreasTarget) => {
      for (const r of t.rects) for (let c = r.c0; c <= r.c1; c++) t.sheet.columnWidths.set(c, value);
    });
  }
  get wrapText(): boolean {
    return this.get_('wrapText');
  }
  set wrapText(value: boolean) {
    this.set_('wrapText', value, (t: AreasTarget) => forEachCell(t, (c) => void (c.wrap = value)));
  }
  get fill(): RangeFill {
    return this.nav('fill', () => new RangeFill(this.context, this, 4, 'fill', [], (t) => t));
  }
  get font(): RangeFont {
    return this.nav('font', () => new RangeFont(this.context, this, 4, 'font', [], (t) => t));
  }
  protected override navigation(name: string): ClientObject | undefined {
    return name === 'fill' ? this.fill : name === 'font' ? this.font : undefined;
  }
}

const FILL_PROPS: Record<string, PropDef> = {
  // A cell without fill reads as white, like Excel: only `pattern` (ExcelApi 1.9) tells "None".
  color: { read: (t: AreasTarget) => uniform(t, (c) => c?.fill?.color ?? '#FFFFFF') },
  pattern: { read: (t: AreasTarget) => uniform(t, (c) => c?.fill?.pattern ?? 'None'), requires: '1.9' },
  patternColor: {
    read: (t: AreasTarget) => uniform(t, (c) => c?.fill?.patternColor ?? '#000000'),
    requires: '1.9',
  },
};

export class RangeFill extends ClientObject {
  readonly typeName = 'RangeFill';
  protected get props(): Record<string, PropDef> {
    return FILL_PROPS;
  }
  get color(): string {
    return this.get_('color');
  }
  set color(value: string) {
    this.set_('color', value, (t: AreasTarget) => {
      const color = normaliseColor(value);
      forEachCell(
        t,
        (c) =>
          void (c.fill = {
            color,
            pattern: c.fill && c.fill.pattern !== 'None' ? c.fill.pattern : 'Solid',
            patternColor: c.fill?.patternColor ?? '#000000',
          }),
      );
    });
  }
  get pattern(): string {
    return this.get_('pattern');
  }
  set pattern(value: string) {
    this.set_('pattern', value, (t: AreasTarget) =>
      forEachCell(
        t,
        (c) =>
          void (c.fill =
            value === 'None'
              ? null
              : {
                  color: c.fill?.color ?? '#FFFFFF',
                  pattern: value,
                  patternColor: c.fill?.patternColor ?? '#000000',
                }),
      ),
    );
  }
  get patternColor(): string {
    return this.get_('patternColor');
  }
  set patternColor(value: string) {
    this.set_('patternColor', value, (t: AreasTarget) => {
      const color = normaliseColor(value);
      forEachCell(
        t,
        (c) =>
          void (c.fill = {
            color: c.fill?.color ?? '#FFFFFF',
            pattern: c.fill?.pattern ?? 'Solid',
            patternColor: color,
          }),
      );
    });
  }
  /** Back to no fill. */
  clear(): void {
    this.call('clear', [], (t: AreasTarget) => forEachCell(t, (c) => void (c.fill = null)));
  }
}

export class RangeFont extends ClientObject {
  readonly typeName = 'RangeFont';
  protected get props(): Record<string, PropDef> {
    return {
      bold: { read: (t: AreasTarget) => uniform(t, (c) => c?.bold ?? false) },
      color: { read: (t: AreasTarget) => uniform(t, (c) => c?.fontColor ?? '#000000') },
    };
  }
  get bold(): boolean {
    return this.get_('bold');
  }
  set bold(value: boolean) {
    this.set_('bold', value, (t: AreasTarget) => forEachCell(t, (c) => void (c.bold = value)));
  }
  get color(): string {
    return this.get_('color');
  }
  set color(value: string) {
    this.set_('color', value, (t: AreasTarget) => {
      const color = normaliseColor(value);
      forEachCell(t, (c) => void (c.fontColor = color));
    });
  }
}

// --- Data validation (ExcelApi 1.8) ----------------------------------------------------------

const RULE_KINDS = ['list', 'wholeNumber', 'decimal', 'date', 'time', 'textLength', 'custom'] as const;

function validationFor(t: RangeTarget): HostValidation {
  const same = t.sheet.validations.find(
    (v) =>
      v.rect.r0 === t.rect.r0 &&
      v.rect.c0 === t.rect.c0 &&
      v.rect.r1 === t.rect.r1 &&
      v.rect.c1 === t.rect.c1,
  );
  if (same) return same;
  const created: HostValidation = {
    rect: t.rect,
    rule: null,
    prompt: null,
    errorAlert: null,
    ignoreBlanks: true,
  };
  t.sheet.validations.push(created);
  return created;
}

export class DataValidation extends ClientObject {
  readonly typeName = 'DataValidation';
  protected get props(): Record<string, PropDef> {
    const one = (t: RangeTarget) => {
      const list = t.sheet.validationsIn(t.rect);
      return list.length === 1 ? list[0] : null;
    };
    return {
      rule: { read: (t: RangeTarget) => one(t)?.rule ?? {} },
      prompt: { read: (t: RangeTarget) => one(t)?.prompt ?? { showPrompt: false } },
      errorAlert: { read: (t: RangeTarget) => one(t)?.errorAlert ?? { showAlert: true } },
      ignoreBlanks: { read: (t: RangeTarget) => one(t)?.ignoreBlanks ?? true },
      type: {
        read: (t: RangeTarget) => {
          const list = t.sheet.validationsIn(t.rect);
          if (list.length > 1) return 'Inconsistent';
          const rule = list[0]?.rule;
          const kind = rule ? RULE_KINDS.find((k) => rule[k] !== undefined) : undefined;
          return kind ? kind[0].toUpperCase() + kind.slice(1) : 'None';
        },
      },
    };
  }
  get rule(): DataValidationRule {
    return this.get_('rule');
  }
  set rule(value: DataValidationRule) {
    this.set_('rule', value, (t: RangeTarget) => {
      const kinds = RULE_KINDS.filter((k) => value[k] !== undefined);
      if (kinds.length !== 1)
        throw errors.invalidArgument('DataValidation.rule', 'exactly one rule type is required');
      if (value.list) {
        const source = value.list.source;
        if (typeof source !== 'string' || !source)
          throw errors.invalidArgument('DataValidation.rule', 'list source is required');
        if (!source.startsWith('=') && source.length > 255)
          throw errors.invalidArgument('DataValidation.rule', 'an inline list is limited to 255 characters');
      }
      validationFor(t).rule = value;
    });
  }
  get prompt(): HostValidation['prompt'] {
    return this.get_('prompt');
  }
  set prompt(value: HostValidation['prompt']) {
    this.set_('prompt', value, (t: RangeTarget) => {
      if ((value?.title?.length ?? 0) > 32 || (value?.message?.length ?? 0) > 255)
        throw errors.invalidArgument('DataValidation.prompt', 'title ≤ 32 and message ≤ 255 characters');
      validationFor(t).prompt = value;
    });
  }
  get errorAlert(): HostValidation['errorAlert'] {
    return this.get_('errorAlert');
  }
  set errorAlert(value: HostValidation['errorAlert']) {
    this.set_('errorAlert', value, (t: RangeTarget) => {
      if ((value?.title?.length ?? 0) > 32 || (value?.message?.length ?? 0) > 255)
        throw errors.invalidArgument('DataValidation.errorAlert', 'title ≤ 32 and message ≤ 255 characters');
      validationFor(t).errorAlert = value;
    });
  }
  get ignoreBlanks(): boolean {
    return this.get_('ignoreBlanks');
  }
  set ignoreBlanks(value: boolean) {
    this.set_('ignoreBlanks', value, (t: RangeTarget) => void (validationFor(t).ignoreBlanks = value));
  }
  get type(): string {
    return this.get_('type');
  }
  /** Removes the validation of every cell in the range (the fake drops whole rules that intersect it). */
  clear(): void {
    this.call('clear', [], (t: RangeTarget) => {
      const list = t.sheet.validations;
      for (let i = list.length - 1; i >= 0; i--) if (intersect(list[i].rect, t.rect)) list.splice(i, 1);
    });
  }
}

// --- Tables ------------------------------------------------------------------------------------

const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.]*$/;

export class TableCollection extends ClientCollection<Table> {
  readonly typeName = 'TableCollection';
  protected itemsOf(t: HostWorkbook | HostSheet): unknown[] {
    return t instanceof HostSheet ? t.tables : t.tables;
  }
  protected makeItem(target: unknown, index: number): Table {
    const table = new Table(this.context, this, 5, '', [index], () => target);
    table.bind(target);
    return table;
  }
  private lookup(t: unknown, key: string): HostTable | undefined {
    const list = t instanceof HostSheet ? t.tables : (t as HostWorkbook).tables;
    return list.find((x) => x.name.toLowerCase() === key.toLowerCase());
  }
  getItem(key: string): Table {
    return new Table(this.context, this, 3, 'getItem', [key], (t) => {
      const table = this.lookup(t, key);
      if (!table) throw errors.itemNotFound(`TableCollection.getItem(${key})`);
      return table;
    });
  }
  getItemOrNullObject(key: string): Table {
    return new Table(
      this.context,
      this,
      3,
      'getItemOrNullObject',
      [key],
      (t) => this.lookup(t, key) ?? null,
      '1.4',
      true,
    );
  }
  add(address: string, hasHeaders: boolean): Table {
    const table = new Table(this.context, this, 3, 'add', [address, hasHeaders], () => {
      throw errors.invalidOperation('Table', 'used before it was added');
    });
    this.context.queue({
      type: 1,
      obj: table,
      name: '',
      args: [],
      apply: () => {
        const owner = this.resolve();
        const host = this.context.host;
        const p = parseAddress(address);
        if (!p) throw errors.invalidArgument(`TableCollection.add(${address})`);
        const sheet =
          p.sheet !== null ? host.findSheet(p.sheet) : owner instanceof HostSheet ? owner : host.activeSheet;
        if (!sheet) throw errors.itemNotFound(`TableCollection.add(${address})`);
        if (!hasHeaders)
          throw errors.invalidArgument('TableCollection.add', 'the fake models tables with headers only');
        if (host.tables.some((x) => x.sheet === sheet && intersect(x.rect, p)))
          throw errors.invalidOperation('TableCollection.add', "A table can't overlap another table.");
        let n = host.tables.length + 1;
        while (host.tables.some((x) => x.name === `Table${n}`)) n++;
        const created: HostTable = {
          id: host.nextId(),
          name: `Table${n}`,
          sheet,
          rect: { r0: p.r0, c0: p.c0, r1: p.r1, c1: p.c1 },
          hasHeaders,
          showFilterButton: true,
          style: 'TableStyleMedium2',
        };
        host.tables.push(created);
        table.bind(created);
        return null;
      },
    });
    return table;
  }
}

export class Table extends ClientObject {
  readonly typeName = 'Table';
  protected get props(): Record<string, PropDef> {
    return {
      name: { read: (t: HostTable) => t.name },
      id: { read: (t: HostTable) => String(t.id) },
      showFilterButton: { read: (t: HostTable) => t.showFilterButton },
      showHeaders: { read: () => true },
      style: { read: (t: HostTable) => t.style },
    };
  }
  get name(): string {
    return this.get_('name');
  }
  set name(value: string) {
    this.set_('name', value, (t: HostTable) => {
      if (!TABLE_NAME.test(value) || /^[A-Za-z]{1,3}\d+$/.test(value))
        throw errors.invalidArgument('Table.name', `invalid table name «${value}»`);
      if (t.sheet.workbook.tables.some((x) => x !== t && x.name.toLowerCase() === value.toLowerCase()))
        throw errors.itemAlreadyExists('Table.name');
      t.name = value;
    });
  }
  get showFilterButton(): boolean {
    return this.get_('showFilterButton');
  }
  set showFilterButton(value: boolean) {
    this.set_('showFilterButton', value, (t: HostTable) => void (t.showFilterButton = value), '1.3');
  }
  get style(): string {
    return this.get_('style');
  }
  set style(value: string) {
    this.set_('style', value, (t: HostTable) => void (t.style = value));
  }
  private part(name: string, rect: (t: HostTable) => Rect): Range {
    return new Range(this.context, this, 3, name, [], (t) => ({
      sheet: (t as HostTable).sheet,
      rect: rect(t as HostTable),
    }));
  }
  getRange(): Range {
    return this.part('getRange', (t) => t.rect);
  }
  getHeaderRowRange(): Range {
    return this.part('getHeaderRowRange', (t) => ({ ...t.rect, r1: t.rect.r0 }));
  }
  getDataBodyRange(): Range {
    return this.part('getDataBodyRange', (t) => ({ ...t.rect, r0: t.rect.r0 + 1 }));
  }
  delete(): void {
    this.call('delete', [], (t: HostTable) => {
      const list = t.sheet.workbook.tables;
      list.splice(list.indexOf(t), 1);
    });
  }
}

// --- Notes (ExcelApi 1.18) ---------------------------------------------------------------------

function noteCell(
  owner: unknown,
  host: HostWorkbook,
  key: string,
  location: string,
): { sheet: HostSheet; row: number; col: number } {
  const p = parseAddress(key);
  if (!p || p.r0 !== p.r1 || p.c0 !== p.c1) throw errors.invalidArgument(location, 'InvalidCellAddress');
  const sheet = p.sheet !== null ? host.findSheet(p.sheet) : owner instanceof HostSheet ? owner : undefined;
  if (!sheet || (owner instanceof HostSheet && sheet !== owner))
    throw errors.invalidArgument(location, 'InvalidCellAddress');
  return { sheet, row: p.r0, col: p.c0 };
}

function notesOf(owner: unknown): HostNote[] {
  const sheets = owner instanceof HostSheet ? [owner] : (owner as HostWorkbook).sheets;
  return sheets.flatMap((s) => [...s.notes.values()].sort((a, b) => a.row - b.row || a.col - b.col));
}

export class NoteCollection extends ClientCollection<Note> {
  readonly typeName = 'NoteCollection';
  protected itemsOf(owner: HostWorkbook | HostSheet): unknown[] {
    return notesOf(owner);
  }
  protected makeItem(target: unknown, index: number): Note {
    const note = new Note(this.context, this, 5, '', [index], () => target);
    note.bind(target);
    return note;
  }
  /**
   * Adds a note to one cell (an address or a Range). The fake refuses a cell that already has a
   * note (InvalidArgument); what Excel does then is not documented, so the add-in never tries it.
   */
  add(cellAddress: string | Range, content: string): Note {
    const note = new Note(this.context, this, 3, 'add', [cellAddress, content], () => {
      throw errors.invalidOperation('Note', 'used before it was added');
    });
    this.context.queue({
      type: 1,
      obj: note,
      name: '',
      args: [],
      apply: () => {
        const owner = this.resolve();
        let cell: { sheet: HostSheet; row: number; col: number };
        if (cellAddress instanceof Range) {
          const t = cellAddress.resolve() as RangeTarget | null;
          if (!t || t.rect.r0 !== t.rect.r1 || t.rect.c0 !== t.rect.c1)
            throw errors.invalidArgument('NoteCollection.add', 'InvalidCellAddress');
          cell = { sheet: t.sheet, row: t.rect.r0, col: t.rect.c0 };
        } else {
          cell = noteCell(owner, this.context.host, cellAddress, 'NoteCollection.add');
        }
        if (cell.sheet.noteAt(cell.row, cell.col))
          throw errors.invalidArgument(
            'NoteCollection.add',
            `a note already exists in ${cellA1(cell.row, cell.col)}`,
          );
        const created: HostNote = {
          id: this.context.host.nextId(),
          sheet: cell.sheet,
          row: cell.row,
          col: cell.col,
          content: String(content),
          author: 'Inovasi Daerah',
        };
        cell.sheet.notes.set(cell.sheet.noteKey(cell.row, cell.col), created);
        note.bind(created);
        return null;
      },
    });
    return note;
  }
  private lookup(owner: unknown, key: string): HostNote | null {
    const cell = noteCell(owner, this.context.host, key, 'NoteCollection.getItem');
    return cell.sheet.noteAt(cell.row, cell.col) ?? null;
  }
  getItem(key: string): Note {
    return new Note(this.context, this, 3, 'getItem', [key], (owner) => {
      const n = this.lookup(owner, key);
      if (!n) throw errors.itemNotFound(`NoteCollection.getItem(${key})`);
      return n;
    });
  }
  getItemOrNullObject(key: string): Note {
    return new Note(
      this.context,
      this,
      3,
      'getItemOrNullObject',
      [key],
      (owner) => this.lookup(owner, key),
      undefined,
      true,
    );
  }
  /** The note at a position of the collection (sheet order: by row, then column). */
  getItemAt(index: number): Note {
    return new Note(this.context, this, 3, 'getItemAt', [index], (owner) => {
      const n = notesOf(owner)[index];
      if (!n) throw errors.itemNotFound(`NoteCollection.getItemAt(${index})`);
      return n;
    });
  }
  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this.context.queue({
      type: 3,
      obj: this,
      name: 'getCount',
      args: [],
      apply: () => result.set(notesOf(this.resolve()).length),
    });
    return result;
  }
}

export class Note extends ClientObject {
  readonly typeName = 'Note';
  protected get props(): Record<string, PropDef> {
    return {
      content: { read: (n: HostNote) => n.content },
      authorName: { read: (n: HostNote) => n.author },
    };
  }
  get content(): string {
    return this.get_('content');
  }
  set content(value: string) {
    this.set_('content', value, (n: HostNote) => void (n.content = value));
  }
  get authorName(): string {
    return this.get_('authorName');
  }
  delete(): void {
    this.call('delete', [], (n: HostNote) => {
      const k = n.sheet.noteKey(n.row, n.col);
      if (n.sheet.notes.get(k) === n) n.sheet.notes.delete(k);
    });
  }
  getLocation(): Range {
    return new Range(this.context, this, 3, 'getLocation', [], (n) => {
      const note = n as HostNote;
      return { sheet: note.sheet, rect: { r0: note.row, c0: note.col, r1: note.row, c1: note.col } };
    });
  }
}
