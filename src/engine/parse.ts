/**
 * Grid → typed submission (docs/spec/submission-workbook.md): find the sheets, the header row and the
 * data rows, map labels to keys, and parse each cell into its canonical value. Structural findings
 * (STR-01 … STR-04) are made here because only the parser sees the header.
 */
import { CellValue, SheetGrid, WorkbookGrid, cellAt, isNoResultCell } from './grid';
import {
  COLUMNS,
  ColumnDef,
  ColumnKey,
  IDENTITY,
  IdentityDef,
  IdentityKey,
  SHEET_IDENTITAS,
  SHEET_INOVASI,
  SHEET_RIWAYAT,
  SHEET_STEMPEL,
  SHEET_TEMUAN,
} from './schema';
import { normalise } from './text';
import { EvidenceSheet, findEvidenceSheet, parseEvidenceSheet } from './iid/evidence';
import type { Iid } from './iid/model';
import {
  EMPTY,
  NO_RESULT,
  Parsed,
  cellText,
  isEmptyCell,
  okCanonical,
  parseDate,
  parseDays,
  parseEnum,
  parseInteger,
  parseMoney,
  parseText,
  parseUrl,
  parseYear,
} from './values';

/** What the parser needs from the reference: codes resolved against the nomenclature. */
export interface CodeResolver {
  /** Canonical bidang code (`1.02`) for a code, code+name, official or short name; null when unknown. */
  findBidang(text: string): string | null;
  /** Canonical program code (`1.02.02`) from the text's leading code; null when it has none. */
  canonicalProgramCode(text: string): string | null;
  /** The reference's IID section: `Data Dukung` indicators and levels in their canonical form (docs/spec/iid.md). */
  readonly iid?: Iid;
}

export interface CellRead {
  readonly raw: CellValue;
  readonly parsed: Parsed<string | number>;
  /** 0-based column in the sheet, or null when the column is absent. */
  readonly col: number | null;
}

export interface SubmissionRow {
  /** 1-based worksheet row. */
  readonly row: number;
  readonly cells: Readonly<Record<ColumnKey, CellRead>>;
}

export interface IdentityField {
  readonly raw: CellValue;
  readonly parsed: Parsed<string | number>;
  /** 1-based worksheet row of the label, or null when the label row is missing. */
  readonly row: number | null;
}

export interface SubmissionTable {
  readonly sheet: string;
  /** 1-based worksheet row of the header. */
  readonly headerRow: number;
  /** Column key → 0-based sheet column (the first header that maps to it). */
  readonly columns: ReadonlyMap<ColumnKey, number>;
  readonly rows: readonly SubmissionRow[];
}

export interface Submission {
  /** The Identitas sheet's own name, or null when missing. */
  readonly identitasSheet: string | null;
  readonly identity: Readonly<Record<IdentityKey, IdentityField>>;
  /** Null when no sheet's header row matches (STR-01). */
  readonly table: SubmissionTable | null;
  /** The `Data Dukung` sheet (docs/spec/iid.md); null or absent when the workbook has none. */
  readonly dataDukung?: EvidenceSheet | null;
}

export interface StructureIssue {
  readonly rule: 'STR-01' | 'STR-02' | 'STR-03' | 'STR-04';
  readonly sheet: string;
  readonly row: number | null;
  readonly col: number | null;
  readonly columnKey: string;
  readonly column: string;
  readonly value: string | null;
}

const sheetKey = (name: string) => name.trim().toLowerCase();
const TOOL_SHEETS = new Set([SHEET_IDENTITAS, SHEET_TEMUAN, SHEET_STEMPEL, SHEET_RIWAYAT].map(sheetKey));

export function findSheet(grid: WorkbookGrid, name: string): SheetGrid | undefined {
  const key = sheetKey(name);
  return grid.sheets.find((s) => sheetKey(s.name) === key);
}

function labelMap<K extends string>(
  defs: ReadonlyArray<{ key: K; label: string; aliases: readonly string[] }>,
) {
  const map = new Map<string, K>();
  for (const d of defs) for (const l of [d.label, ...d.aliases]) map.set(normalise(l), d.key);
  return map;
}

const COLUMN_LABELS = labelMap<ColumnKey>(COLUMNS);
const IDENTITY_LABELS = labelMap<IdentityKey>(IDENTITY);

function headerText(v: CellValue): string {
  return isEmptyCell(v) ? '' : cellText(v);
}

/** The first row among the first `searchRows` with at least 5 cells matching known labels. */
export function findHeaderRow(sheet: SheetGrid, searchRows: number): number | null {
  const limit = Math.min(searchRows, sheet.rows.length);
  for (let r = 0; r < limit; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    let matches = 0;
    for (const v of row) {
      if (typeof v === 'string' && COLUMN_LABELS.has(normalise(v)) && ++matches >= 5) return r;
    }
  }
  return null;
}

export function parseCell(
  def: Pick<ColumnDef, 'type' | 'options'>,
  raw: CellValue,
  codes: CodeResolver,
): Parsed<string | number> {
  if (isNoResultCell(raw)) return NO_RESULT;
  switch (def.type) {
    case 'text':
    case 'status':
      return parseText(raw);
    case 'enum':
      return parseEnum(raw, def.options ?? []);
    case 'integer':
      return parseInteger(raw);
    case 'year':
      return parseYear(raw);
    case 'money':
      return parseMoney(raw);
    case 'days':
      return parseDays(raw);
    case 'date':
      return parseDate(raw);
    case 'url':
      return parseUrl(raw);
    case 'bidang': {
      const t = parseText(raw);
      if (t.kind !== 'ok') return t;
      const code = codes.findBidang(t.value);
      return code ? okCanonical(code) : { kind: 'bad', rule: 'FMT-02' };
    }
    case 'program': {
      const t = parseText(raw);
      // An error value is FMT-02 like in any other text column; text without a code is RPJ-01.
      if (t.kind !== 'ok') return t;
      const code = codes.canonicalProgramCode(t.value);
      return code ? okCanonical(code) : { kind: 'bad', rule: 'RPJ-01' };
    }
    case 'email':
    case 'phone':
      // Judged by the identity rules (FMT-08, a warning), so parsing keeps the text.
      return parseText(raw);
  }
}

function parseIdentityValue(def: IdentityDef, raw: CellValue): Parsed<string | number> {
  if (isNoResultCell(raw)) return NO_RESULT;
  switch (def.type) {
    case 'year':
      return parseYear(raw);
    case 'date':
      return parseDate(raw);
    default:
      return parseText(raw);
  }
}

function readIdentity(sheet: SheetGrid | undefined): Record<IdentityKey, IdentityField> {
  const identity = {} as Record<IdentityKey, IdentityField>;
  for (const d of IDENTITY) identity[d.key] = { raw: null, parsed: EMPTY, row: null };
  if (!sheet) return identity;
  const seen = new Set<IdentityKey>();
  sheet.rows.forEach((row, r) => {
    const label = row?.[0];
    if (typeof label !== 'string') return;
    const key = IDENTITY_LABELS.get(normalise(label));
    if (!key || seen.has(key)) return; // the first row wins
    seen.add(key);
    const raw = cellAt(sheet, r, 1);
    const def = IDENTITY.find((d) => d.key === key)!;
    identity[key] = { raw, parsed: parseIdentityValue(def, raw), row: r + 1 };
  });
  return identity;
}

interface HeaderMapping {
  readonly columns: Map<ColumnKey, number>;
  readonly issues: StructureIssue[];
}

function mapHeader(sheet: SheetGrid, headerRow: number): HeaderMapping {
  const columns = new Map<ColumnKey, number>();
  const issues: StructureIssue[] = [];
  const row = sheet.rows[headerRow] ?? [];
  for (let c = 0; c < row.length; c++) {
    const text = headerText(row[c] ?? null);
    if (!text) continue;
    const key = COLUMN_LABELS.get(normalise(text));
    const at = { sheet: sheet.name, row: headerRow + 1, col: c, value: text };
    if (!key) {
      issues.push({ rule: 'STR-03', ...at, columnKey: text, column: text });
    } else if (columns.has(key)) {
      issues.push({ rule: 'STR-04', ...at, columnKey: key, column: text });
    } else {
      columns.set(key, c);
    }
  }
  for (const def of COLUMNS) {
    if (def.requiredColumn && !columns.has(def.key)) {
      issues.push({
        rule: 'STR-02',
        sheet: sheet.name,
        row: null,
        col: null,
        columnKey: def.key,
        column: def.label,
        value: null,
      });
    }
  }
  return { columns, issues };
}

/** Known columns that make a row (their sheet positions); `status` is written by the tool, so it alone does not. */
function contentColumns(columns: Map<ColumnKey, number>): number[] {
  return [...columns].filter(([key]) => key !== 'status').map(([, c]) => c);
}

function rowHasContent(row: ReadonlyArray<CellValue> | undefined, contentCols: readonly number[]): boolean {
  if (!row) return false;
  for (let i = 0; i < contentCols.length; i++) if (!isEmptyCell(row[contentCols[i]] ?? null)) return true;
  return false;
}

/** `parseCell` as stored: a plain text cell is kept as its trimmed text without building a result (most cells of a sheet). */
function parseStored(def: ColumnDef, raw: CellValue, codes: CodeResolver): StoredParse {
  if (typeof raw === 'string' && PLAIN_TEXT_TYPES.has(def.type)) return isEmptyCell(raw) ? EMPTY : raw.trim();
  const p = parseCell(def, raw, codes);
  return p.kind === 'ok' ? p.value : p;
}

/** Column types whose text cells parse to their trimmed text (`parseText`). */
const PLAIN_TEXT_TYPES: ReadonlySet<ColumnDef['type']> = new Set(['text', 'status', 'email', 'phone']);

/**
 * A row's cells are kept as two arrays (values as read, parsed values) in column-definition order;
 * `cells.nama` and friends are getters on a prototype shared by every row of the table. A parsed
 * value that is `ok` is stored as the bare value; empty and failures are shared frozen objects. One
 * object per cell (and one per parse result) for 20,000 rows × 32 columns was most of the memory a
 * validation retained.
 */
export type StoredParse = Parsed<string | number> | string | number;

class StoredCells {
  // Declared, not defined as class fields: a field initialiser per row was measurable on 18,000 rows.
  declare readonly $raw: readonly CellValue[];
  declare readonly $parsed: readonly StoredParse[];
  constructor(raw: readonly CellValue[], parsed: readonly StoredParse[]) {
    this.$raw = raw;
    this.$parsed = parsed;
  }
}

const asParsed = (slot: StoredParse): Parsed<string | number> =>
  typeof slot === 'object' ? slot : { kind: 'ok', value: slot };

const COLUMN_INDEX = Object.fromEntries(COLUMNS.map((c, i) => [c.key, i])) as Record<ColumnKey, number>;

function stored(row: SubmissionRow): StoredCells | null {
  const cells = row.cells as unknown;
  return cells instanceof StoredCells ? cells : null;
}

/** A cell's parsed value. */
export function parsedOf(row: SubmissionRow, key: ColumnKey): Parsed<string | number> {
  const cells = stored(row);
  return cells ? asParsed(cells.$parsed[COLUMN_INDEX[key]]) : row.cells[key].parsed;
}

/** A cell's canonical value when it parsed, else null — without allocating (the rules' hot path). */
export function okValueOf(row: SubmissionRow, key: ColumnKey): string | number | null {
  const cells = stored(row);
  const slot: StoredParse = cells ? cells.$parsed[COLUMN_INDEX[key]] : row.cells[key].parsed;
  if (typeof slot !== 'object') return slot;
  return slot.kind === 'ok' ? slot.value : null;
}

/** Is the cell empty (nothing, spaces or `-`)? Without allocating. */
export function isEmptyOf(row: SubmissionRow, key: ColumnKey): boolean {
  const cells = stored(row);
  const slot: StoredParse = cells ? cells.$parsed[COLUMN_INDEX[key]] : row.cells[key].parsed;
  return typeof slot === 'object' && slot.kind === 'empty';
}

/**
 * The row's parsed values in column-definition order (`COLUMNS`), for a loop over every column:
 * a bare string or number is a value that parsed; an object is empty, a failure, or (rows built by
 * hand) an `ok` result. Null for rows not made by the parser; use `parsedOf` then.
 */
export function parsedSlotsOf(row: SubmissionRow): readonly StoredParse[] | null {
  return stored(row)?.$parsed ?? null;
}

/** The row's values as read, in column-definition order (`COLUMNS`); null for rows not made by the parser. */
export function rawSlotsOf(row: SubmissionRow): readonly CellValue[] | null {
  return stored(row)?.$raw ?? null;
}

/** A cell's value as read. */
export function rawOf(row: SubmissionRow, key: ColumnKey): CellValue {
  const cells = stored(row);
  return cells ? cells.$raw[COLUMN_INDEX[key]] : row.cells[key].raw;
}

function cellsClass(
  layout: readonly (number | null)[],
): new (raw: CellValue[], parsed: StoredParse[]) => StoredCells {
  const Cells = class extends StoredCells {
    constructor(raw: CellValue[], parsed: StoredParse[]) {
      super(raw, parsed); // explicit: the implicit one spreads its arguments
    }
  };
  COLUMNS.forEach((def, i) => {
    const col = layout[i];
    Object.defineProperty(Cells.prototype, def.key, {
      get(this: StoredCells): CellRead {
        return { raw: this.$raw[i], parsed: asParsed(this.$parsed[i]), col };
      },
      enumerable: true,
    });
  });
  return Cells;
}

function readRows(
  sheet: SheetGrid,
  headerRow: number,
  columns: Map<ColumnKey, number>,
  codes: CodeResolver,
): SubmissionRow[] {
  const rows: SubmissionRow[] = [];
  const layout = COLUMNS.map((def) => columns.get(def.key) ?? null);
  const Cells = cellsClass(layout);
  const contentCols = contentColumns(columns);
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (!row || !rowHasContent(row, contentCols)) continue;
    const raws = new Array<CellValue>(COLUMNS.length);
    const parsed = new Array<StoredParse>(COLUMNS.length);
    for (let i = 0; i < COLUMNS.length; i++) {
      const col = layout[i];
      const raw = col === null ? null : (row[col] ?? null);
      raws[i] = raw;
      parsed[i] = raw === null ? EMPTY : parseStored(COLUMNS[i], raw, codes);
    }
    rows.push({ row: r + 1, cells: new Cells(raws, parsed) as unknown as Record<ColumnKey, CellRead> });
  }
  return rows;
}

export interface ParseResult {
  readonly submission: Submission;
  readonly issues: readonly StructureIssue[];
}

export function parseSubmission(grid: WorkbookGrid, codes: CodeResolver, headerSearchRows = 20): ParseResult {
  const identitasSheet = findSheet(grid, SHEET_IDENTITAS);
  const identity = readIdentity(identitasSheet);

  // The Inovasi sheet first; else the first other sheet, in workbook order, whose header matches.
  const inovasi = findSheet(grid, SHEET_INOVASI);
  const dataDukung = parseEvidenceSheet(grid, codes.iid, headerSearchRows);
  const evidenceSheet = findEvidenceSheet(grid);
  const candidates = [
    ...(inovasi ? [inovasi] : []),
    // Tool-owned sheets (Temuan, Riwayat, and the hidden `_…` ones) and the evidence never hold the submission.
    ...grid.sheets.filter(
      (s) =>
        s !== inovasi && s !== evidenceSheet && !TOOL_SHEETS.has(sheetKey(s.name)) && !s.name.startsWith('_'),
    ),
  ];
  for (const sheet of candidates) {
    const headerRow = findHeaderRow(sheet, headerSearchRows);
    if (headerRow === null) continue;
    const { columns, issues } = mapHeader(sheet, headerRow);
    const rows = readRows(sheet, headerRow, columns, codes);
    return {
      submission: {
        identitasSheet: identitasSheet?.name ?? null,
        identity,
        table: { sheet: sheet.name, headerRow: headerRow + 1, columns, rows },
        dataDukung,
      },
      issues,
    };
  }
  return {
    submission: { identitasSheet: identitasSheet?.name ?? null, identity, table: null, dataDukung },
    issues: [
      {
        rule: 'STR-01',
        sheet: inovasi?.name ?? SHEET_INOVASI,
        row: null,
        col: null,
        columnKey: '',
        column: '',
        value: null,
      },
    ],
  };
}
