/**
 * An in-memory WorkbookPort for task-pane tests: the workbook is a WorkbookGrid; every write is
 * recorded, and written where the next read will see it (the `Temuan` sheet carries decisions over,
 * `_stempel` carries the stamp), so tests can follow a whole session without Excel.
 */
import { TEMUAN_COLUMNS } from '../../src/addin/flags';
import type { EvidenceRowWrite } from '../../src/addin/evidenceRow';
import {
  type FileOffer,
  type FlagHistory,
  type FlagSummary,
  type HistoryEvent,
  SummaryCancelled,
  type SummaryWriteOptions,
  type SummaryWriteResult,
  type WorkbookPort,
} from '../../src/addin/port';
import { type CitySummary } from '../../src/engine/consolidate';
import { type CellValue, type SheetGrid, type WorkbookGrid, columnIndex } from '../../src/engine/grid';
import type { Lang } from '../../src/engine/messages';
import type { Reference } from '../../src/engine/reference/model';
import { COLUMNS, IDENTITY, SHEET_STEMPEL, SHEET_TEMUAN } from '../../src/engine/schema';
import type { FileValidation } from '../../src/engine/validate';
import { STEMPEL_HEADER, type StempelWrite } from '../../src/engine/signoff';

type MutableSheet = { name: string; rows: CellValue[][]; visibility?: SheetGrid['visibility'] };

/** The adapter's own Temuan header (one home: src/addin/flags.ts). */
const TEMUAN_HEADER: readonly string[] = TEMUAN_COLUMNS;

export interface MemoryPortOptions {
  readonly language?: Lang;
  /** Output sheets `writeSummary` reports as written under another name (a sheet of the user's bore the name). */
  readonly summaryRenamed?: readonly { from: string; to: string }[];
  /** Make the next call of these methods reject with this error. */
  readonly failOnce?: Partial<Record<keyof WorkbookPort, unknown>>;
  /** How files reach the user (default `download`, as Excel on the web). */
  readonly fileOffer?: FileOffer;
}

export class MemoryPort implements WorkbookPort {
  sheets: MutableSheet[];
  readonly settings = new Map<string, unknown>();
  readonly flagWrites: FileValidation[] = [];
  readonly selected: { sheet: string; cell: string }[] = [];
  readonly history: HistoryEvent[] = [];
  readonly stamps: Record<string, string | number>[] = [];
  readonly stempelWrites: StempelWrite[] = [];
  readonly summaries: CitySummary[] = [];
  readonly calls: string[] = [];
  clears = 0;
  templates = 0;
  private handlers: {
    sheet: string;
    handler: (rows: number[], origin: { readonly remote: boolean }) => void;
  }[] = [];
  private readonly failOnce: Partial<Record<string, unknown>>;

  constructor(
    grid: WorkbookGrid = { sheets: [] },
    private readonly options: MemoryPortOptions = {},
  ) {
    this.sheets = grid.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      rows: s.rows.map((r) => [...(r ?? [])]),
    }));
    this.failOnce = { ...(options.failOnce ?? {}) };
  }

  private track(name: string): void {
    this.calls.push(name);
    if (name in this.failOnce) {
      const error = this.failOnce[name];
      delete this.failOnce[name];
      throw error;
    }
  }

  displayLanguage(): Lang {
    return this.options.language ?? 'id';
  }

  isSupported(version: string): boolean {
    void version;
    return true;
  }

  /** Workbooks opened with `openWorkbook` (Excel.createWorkbook), their bytes in order. */
  readonly openedWorkbooks: Uint8Array[] = [];

  fileOffer(): FileOffer {
    return this.options.fileOffer ?? 'download';
  }

  async openWorkbook(bytes: Uint8Array): Promise<void> {
    this.track('openWorkbook');
    this.openedWorkbooks.push(bytes);
  }

  async readSubmission(): Promise<{ grid: WorkbookGrid }> {
    this.track('readSubmission');
    return {
      grid: {
        sheets: this.sheets.map((s) => ({
          name: s.name,
          visibility: s.visibility,
          rows: s.rows.map((r) => [...r]),
        })),
      },
    };
  }

  async readRows(sheetName: string, rows: readonly number[]): Promise<CellValue[][]> {
    this.track('readRows');
    const sheet = this.sheet(sheetName);
    return rows.map((r) => {
      const cells = [...(sheet?.rows[r - 1] ?? [])].map((c) => (c === undefined ? null : c));
      while (cells.length && (cells[cells.length - 1] === null || cells[cells.length - 1] === undefined))
        cells.pop();
      return cells;
    });
  }

  async writeFlags(v: FileValidation, lang: Lang, history: FlagHistory = {}): Promise<FlagSummary> {
    this.track('writeFlags');
    void lang;
    this.history.push(...(history.before ?? []));
    this.flagWrites.push(v);
    const rows: CellValue[][] = [[...TEMUAN_HEADER]];
    for (const f of v.findings) {
      rows.push([
        f.id,
        f.rule,
        f.severity,
        f.sheet,
        f.cell,
        f.row,
        null,
        f.column,
        f.value,
        '',
        '',
        f.basis,
        f.status === 'accepted' ? 'Diterima' : 'Terbuka',
        f.decision?.reason ?? null,
        f.decision?.reviewer ?? null,
        f.decision?.date ?? null,
      ]);
    }
    this.putSheet(SHEET_TEMUAN, rows);
    this.history.push(...(history.after ?? []));
    const cells = v.findings.filter((f) => f.cell).length;
    return {
      cells,
      notes: cells,
      rows: new Set(v.findings.map((f) => f.row)).size,
      findings: v.findings.length,
    };
  }

  /** Records the summary; the sheets are the spec's names, or the `summaryRenamed` ones. */
  /** Awaited after each output sheet is "queued": a test holds the write at a sheet with it. */
  summaryGate: ((done: number) => Promise<void>) | null = null;

  async writeSummary(
    summary: CitySummary,
    lang: Lang,
    options: SummaryWriteOptions = {},
  ): Promise<SummaryWriteResult> {
    this.track('writeSummary');
    void lang;
    // As the adapter: each sheet staged in turn, cancellable until the swap; nothing kept when cancelled.
    const names = summary.sheets.map((sh) => sh.name);
    for (let done = 1; done <= names.length; done++) {
      options.onSheet?.(done, names.length);
      await this.summaryGate?.(done);
      if (options.signal?.aborted) throw new SummaryCancelled();
    }
    this.summaries.push(summary);
    const renamed = [...(this.options.summaryRenamed ?? [])];
    const sheets = names.map((name) => renamed.find((r) => r.from === name)?.to ?? name);
    return { sheets, renamed };
  }

  async clearFlags(): Promise<void> {
    this.track('clearFlags');
    this.clears++;
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.track('selectCell');
    this.selected.push({ sheet, cell });
  }

  /** Evidence rows appended by the pane (docs/spec/iid.md), as asked. */
  readonly evidenceRows: EvidenceRowWrite[] = [];

  async appendEvidenceRow(write: EvidenceRowWrite): Promise<void> {
    this.track('appendEvidenceRow');
    this.evidenceRows.push(write);
    this.selected.push({ sheet: write.sheet, cell: write.range });
  }

  async createTemplate(ref: Reference): Promise<void> {
    this.track('createTemplate');
    void ref;
    this.templates++;
    this.putSheet(
      'Identitas',
      IDENTITY.map((d) => [d.label, null]),
    );
    this.putSheet('Inovasi', [COLUMNS.map((c) => c.label)]);
  }

  async onRowsChanged(
    handler: (rows: number[], origin: { readonly remote: boolean }) => void,
    sheet = 'Inovasi',
  ): Promise<() => Promise<void>> {
    this.track('onRowsChanged');
    if (!this.sheet(sheet)) throw new Error(`no sheet ${sheet}`);
    const entry = { sheet, handler };
    this.handlers.push(entry);
    return async () => {
      this.handlers = this.handlers.filter((h) => h !== entry);
    };
  }

  /** Every stamp or return written, as the row's fields (`Tingkat`, `Oleh`, …). */
  async writeStempel(write: StempelWrite, events: readonly HistoryEvent[]): Promise<void> {
    this.track('writeStempel');
    const row = write.append[0] ?? [];
    this.stamps.push(Object.fromEntries(STEMPEL_HEADER.map((h, i) => [h, row[i] ?? ''])));
    this.stempelWrites.push(write);
    const current = this.sheet(SHEET_STEMPEL);
    if (write.convert || !current)
      this.putSheet(
        SHEET_STEMPEL,
        write.sheet.map((r) => [...r]),
        'veryHidden',
      );
    else current.rows = [...current.rows, ...write.append.map((r) => [...r])];
    this.history.push(...events);
  }

  async appendHistory(events: readonly HistoryEvent[]): Promise<void> {
    this.track('appendHistory');
    this.history.push(...events);
  }

  async getSetting<T = unknown>(key: string): Promise<T | null> {
    this.track('getSetting');
    return (this.settings.get(key) ?? null) as T | null;
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    this.track('setSetting');
    if (value === null || value === undefined) this.settings.delete(key);
    else this.settings.set(key, value);
  }

  // -- test helpers -----------------------------------------------------------------------------

  /** What the user does in Excel: type a value into a cell, then Excel reports the change. */
  edit(sheetName: string, a1: string, value: CellValue): void {
    const sheet = this.sheets.find((s) => s.name === sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    const m = /^([A-Z]+)(\d+)$/.exec(a1);
    if (!m) throw new Error(`bad address ${a1}`);
    const row = Number(m[2]) - 1;
    const col = columnIndex(m[1]);
    while (sheet.rows.length <= row) sheet.rows.push([]);
    sheet.rows[row][col] = value;
    for (const h of this.handlers)
      if (h.sheet.toLowerCase() === sheetName.toLowerCase()) h.handler([row + 1], { remote: false });
  }

  sheet(name: string): MutableSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Sheets whose edits are being listened to. */
  get listening(): string[] {
    return this.handlers.map((h) => h.sheet);
  }

  private putSheet(name: string, rows: CellValue[][], visibility?: SheetGrid['visibility']): void {
    const existing = this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (existing) existing.rows = rows;
    else this.sheets.push({ name, rows, visibility });
  }
}
