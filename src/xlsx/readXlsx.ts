/**
 * The .xlsx reader: file bytes → WorkbookGrid. Runs in the task pane and in Node alike, so it uses
 * nothing but Uint8Array, fflate and TextDecoder. It never throws: a file it cannot read becomes a
 * ReadFailure whose cause says why (KON-03), and an encrypted workbook is never called an old .xls.
 */
import type { SheetGrid, WorkbookGrid } from '../engine/grid';
import type { Lang } from '../engine/messages';
import { FileKind, XLSX_TEXTS } from './texts';
import { decodeXml } from './decode';
import {
  excerpt,
  failure,
  formatSize,
  XlsxReadError,
  type ReadFailure,
  type ReadFailureCause,
} from './failure';
import {
  folderOf,
  parseRelationships,
  parseSharedStrings,
  parseWorkbook,
  relationshipKind,
  relationshipsPathOf,
  type Relationship,
} from './parts';
import { classifyBytes } from './sniff';
import { parseDateStyles } from './styles';
import { CellBudget, parseWorksheet, type SheetContext, type SheetRows } from './worksheet';
import { ExpansionBudget, inflateEntry, readZipDirectory, type ZipDirectory } from './zip';

export type { ReadFailure, ReadFailureCause } from './failure';
export { READ_FAILURE_CAUSES, formatSize } from './failure';
export { classifyBytes } from './sniff';

export interface ReadSuccess {
  ok: true;
  workbook: WorkbookGrid;
}

export interface ReadLimits {
  /** Larger files are refused unopened (`tooLarge`). */
  maxFileBytes: number;
  /** Refused when the declared sizes add up to more, or when inflating actually goes past it (`expandsTooLarge`). */
  maxExpandedBytes: number;
  /** Cells on rows at or past this are not kept (default: Excel's 1,048,576). */
  maxRows?: number;
  /** Cells in columns at or past this are not kept (default: Excel's 16,384). */
  maxColumns?: number;
  /**
   * Refused (`tooManyCells`) when the worksheets hold more `<c>` elements than this, all sheets
   * together, or the shared-string table more items (default 5,000,000). A sheet's cells are
   * counted by a quick pass before any of its rows is built, stopping at the first one over.
   */
  maxCells?: number;
}

const MB = 1024 * 1024;
const EXCEL_MAX_ROWS = 1_048_576;
const EXCEL_MAX_COLUMNS = 16_384;
const MAX_CELLS = 5_000_000;

export const DEFAULT_LIMITS: ReadLimits = Object.freeze({
  maxFileBytes: 50 * MB,
  maxExpandedBytes: 300 * MB,
  maxRows: EXCEL_MAX_ROWS,
  maxColumns: EXCEL_MAX_COLUMNS,
  maxCells: MAX_CELLS,
});

export function readXlsx(bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): ReadSuccess | ReadFailure {
  try {
    return readXlsxUnguarded(bytes, limits);
  } catch (e) {
    // A file shape we did not foresee: still a failure, never a crash.
    return failure('corrupt', e instanceof Error ? e.message : String(e));
  }
}

/**
 * `readXlsx` without its last guard: a failure the reader foresaw is a ReadFailure, anything else
 * (a bug) is thrown instead of being called `corrupt`. For the fuzz tests, which must tell them apart.
 */
export function readXlsxUnguarded(
  bytes: Uint8Array,
  limits: ReadLimits = DEFAULT_LIMITS,
): ReadSuccess | ReadFailure {
  try {
    const sniffed = classifyBytes(bytes, limits.maxFileBytes);
    if (!sniffed.ok) return sniffed;
    const zip = readZipDirectory(bytes);
    // Refuse on the declared sizes before inflating anything; the budget below catches liars.
    if (zip.declaredTotal > limits.maxExpandedBytes) {
      return failure(
        'expandsTooLarge',
        `${formatSize(zip.declaredTotal)} > ${formatSize(limits.maxExpandedBytes)}`,
      );
    }
    const pkg = new Package(bytes, zip, new ExpansionBudget(limits.maxExpandedBytes));
    return { ok: true, workbook: readWorkbook(pkg, limits) };
  } catch (e) {
    if (e instanceof XlsxReadError) return failure(e.reason, e.detail);
    throw e;
  }
}

/** The zip as a set of named parts, inflated on demand and only once. */
class Package {
  constructor(
    private readonly bytes: Uint8Array,
    private readonly zip: ZipDirectory,
    private readonly budget: ExpansionBudget,
  ) {}

  has(path: string): boolean {
    return this.zip.entries.has(path.toLowerCase());
  }

  /** The part's text, or null when the package has no such part. */
  readXml(path: string): string | null {
    const entry = this.zip.entries.get(path.toLowerCase());
    return entry ? decodeXml(inflateEntry(this.bytes, entry, this.budget)) : null;
  }
}

interface WorksheetRef {
  readonly name: string;
  readonly path: string;
  readonly visibility: SheetGrid['visibility'];
}

function readWorkbook(pkg: Package, limits: ReadLimits): WorkbookGrid {
  const workbookPath = findWorkbookPath(pkg);
  const info = parseWorkbook(pkg.readXml(workbookPath) ?? '');
  if (!info) throw new XlsxReadError('notXlsx', zipKind(pkg));

  const folder = folderOf(workbookPath);
  const relsXml = pkg.readXml(relationshipsPathOf(workbookPath));
  const rels = relsXml ? parseRelationships(relsXml, folder) : new Map<string, Relationship>();

  // Chart sheets, dialog sheets and macro sheets hold no cells: only worksheets are read.
  const worksheets: WorksheetRef[] = [];
  for (const sheet of info.sheets) {
    const rel = rels.get(sheet.relationshipId);
    if (!rel) throw new XlsxReadError('corrupt', `sheet "${excerpt(sheet.name)}" has no part`);
    if (relationshipKind(rel) === 'worksheet') {
      worksheets.push({ name: sheet.name, path: rel.path, visibility: sheet.visibility });
    }
  }
  if (worksheets.length === 0) throw new XlsxReadError('noWorksheet');

  const cells = new CellBudget(limits.maxCells ?? MAX_CELLS);
  const sharedStringsXml = pkg.readXml(partPath(rels, 'sharedStrings', folder + 'sharedStrings.xml'));
  const stylesXml = pkg.readXml(partPath(rels, 'styles', folder + 'styles.xml'));
  const context: SheetContext = {
    sharedStrings: sharedStringsXml ? parseSharedStrings(sharedStringsXml, cells) : [],
    dateStyles: stylesXml ? parseDateStyles(stylesXml) : [],
    date1904: info.date1904,
    maxRows: limits.maxRows ?? EXCEL_MAX_ROWS,
    maxColumns: limits.maxColumns ?? EXCEL_MAX_COLUMNS,
    cells,
  };

  // Two sheets naming the same part (not valid, but cheap to survive) share one parse.
  const parsed = new Map<string, SheetRows>();
  const sheets: SheetGrid[] = worksheets.map(({ name, path, visibility }) => {
    let rows = parsed.get(path.toLowerCase());
    if (!rows) {
      const xml = pkg.readXml(path);
      if (xml === null) throw new XlsxReadError('corrupt', `missing part ${excerpt(path)}`);
      rows = parseWorksheet(xml, context);
      parsed.set(path.toLowerCase(), rows);
    }
    return { name, rows, visibility };
  });
  return { sheets };
}

/** The main part named by the package relationships, else the conventional `xl/workbook.xml`. */
function findWorkbookPath(pkg: Package): string {
  const rootRels = pkg.readXml('_rels/.rels');
  if (rootRels) {
    for (const rel of parseRelationships(rootRels, '').values()) {
      if (relationshipKind(rel) === 'officeDocument' && pkg.has(rel.path)) {
        if (!rel.path.toLowerCase().endsWith('.xml')) throw new XlsxReadError('notXlsx', zipKind(pkg));
        return rel.path;
      }
    }
  }
  if (pkg.has('xl/workbook.xml')) return 'xl/workbook.xml';
  throw new XlsxReadError('notXlsx', zipKind(pkg));
}

function partPath(rels: ReadonlyMap<string, Relationship>, kind: string, fallback: string): string {
  for (const rel of rels.values()) if (relationshipKind(rel) === kind) return rel.path;
  return fallback;
}

/** What a zip that is not an xlsx probably is, for the failure's detail. */
function zipKind(pkg: Package): FileKind {
  if (pkg.has('xl/workbook.bin')) return 'XLSB';
  if (pkg.has('word/document.xml')) return 'DOCX';
  if (pkg.has('ppt/presentation.xml')) return 'PPTX';
  if (pkg.has('mimetype') && pkg.has('content.xml')) return 'ODS';
  return 'ZIP';
}

/**
 * The cause in plain words, lower case and without a final stop, to fill `{sebab}` in
 * "Berkas tidak dapat dibaca: {sebab}." (KON-03).
 */
export function describeCause(cause: ReadFailureCause, lang: Lang, detail?: string): string {
  const t = XLSX_TEXTS[lang];
  const text = t.cause[cause];
  if (!detail) return text;
  switch (cause) {
    case 'notXlsx':
      return `${text} (${Object.hasOwn(t.fileKind, detail) ? t.fileKind[detail as FileKind] : detail})`;
    case 'tooLarge':
    case 'expandsTooLarge':
      return `${text} (${detail})`;
    case 'tooManyCells':
      return /^\d+$/.test(detail)
        ? `${text} (${t.moreThan(groupDigits(detail, t.digitGroup))})`
        : `${text} (${detail})`;
    case 'corrupt':
      return `${text} (${t.technicalDetail(detail)})`;
    default:
      return text;
  }
}

/** `5000000` → `5.000.000` (id) or `5,000,000` (en); no Intl, whose data differs between hosts. */
function groupDigits(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, separator);
}
