/**
 * Consolidation in the task pane (docs/spec/consolidation.md): the picked workbooks are read with the lazily
 * loaded .xlsx reader, validated, consolidated by the engine, and the city summary is written into
 * the open workbook through the port. Unreadable files become KON-03 rows, never exceptions; a
 * summary that cannot be written leaves the results on screen and the earlier output unchanged.
 */
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex } from '@noble/hashes/utils';
import { SummaryCancelled, type WorkbookPort } from '../addin/port';
import {
  type CitySummary,
  type ConsolidationInput,
  type SummaryCell,
  type SummaryTable,
  consolidate,
  scheduleColumn,
  tableRecords,
} from '../engine/consolidate';
import { consolidationYearText } from '../engine/consolidation/selection';
import type { Lang } from '../engine/messages';
import type { Reference } from '../engine/reference/model';
import { replicationFigures } from '../engine/replication';
import { unreadableFile, validateWorkbook } from '../engine/validate';
import type { XlsxLoader } from './lazyXlsx';
import { inBothLanguages } from './i18n';
import type { ConsolidationOutcome, ConsolidationRow, Progress } from './state';

/** A file the user picked (a DOM `File` fits). */
export interface PickedFile {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface ConsolidationRun {
  /** The consolidation year the user typed (the tab's year field); null or absent: the schedule's, else the vote. */
  readonly tahun?: number | null;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: Progress) => void;
}

export interface ConsolidationContext extends ConsolidationRun {
  readonly port: WorkbookPort;
  readonly reference: Reference;
  /** Validation date `YYYY-MM-DD`. */
  readonly today: string;
  /** When the consolidation ran (ISO date-time). */
  readonly consolidatedAt: string;
  readonly lang: Lang;
  readonly loadXlsx: XlsxLoader;
}

/** The run was cancelled before anything was written. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

/** Lets the pane repaint (progress) between files. */
const yieldToUi = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** A run's outcome, with the reason the summary could not be written (null when it was). */
export interface ConsolidationResult extends ConsolidationOutcome {
  readonly writeError: unknown;
  /** The engine's summary (feedback per OPD is made from it). */
  readonly summary: CitySummary;
}

export async function consolidateFiles(
  files: readonly PickedFile[],
  ctx: ConsolidationContext,
): Promise<ConsolidationResult> {
  const { signal, onProgress, reference, today, lang } = ctx;
  const total = files.length;
  const step = async (progress: Progress) => {
    if (signal?.aborted) throw new Cancelled();
    onProgress?.(progress);
    await yieldToUi();
    if (signal?.aborted) throw new Cancelled();
  };

  const inputs: ConsolidationInput[] = [];
  for (const [i, file] of files.entries()) {
    await step({ n: i + 1, total, phase: 'reading' });
    const bytes = await file.arrayBuffer().then(
      (b) => new Uint8Array(b),
      () => null,
    );
    await step({ n: i + 1, total, phase: 'validating' });
    inputs.push(await validateFile(file, bytes, reference, today, ctx.loadXlsx));
  }
  if (signal?.aborted) throw new Cancelled();
  const summary = consolidate(inputs, {
    reference,
    today,
    lang,
    consolidatedAt: ctx.consolidatedAt,
    tahun: ctx.tahun,
  });
  const rows = rekapRows(summary.rekapOpd);
  const tahun = consolidationYearText(summary.tahun, lang);
  const replication = replicationFigures(summary.replikasi);

  // Writing is all or nothing (the port swaps the new sheets in at the end): cancelled before the
  // swap, the staged sheets go and the workbook keeps its earlier output.
  await step({ n: total, total, phase: 'writing' });
  try {
    const { sheets, renamed } = await ctx.port.writeSummary(summary, lang, {
      region: reference.daerah.nama,
      signal,
      onSheet: (done, of) => onProgress?.({ n: total, total, phase: 'writing', sheet: done, sheets: of }),
    });
    return {
      rows,
      tahun,
      written: [...sheets],
      replication,
      renamed: renamed.map((r) => ({ from: r.from, to: r.to })),
      writeError: null,
      summary,
    };
  } catch (e) {
    if (e instanceof SummaryCancelled) throw new Cancelled();
    // The results stay on screen; the workbook keeps its earlier output.
    return {
      rows,
      tahun,
      written: null,
      renamed: [],
      replication,
      writeError: e ?? new Error('writeSummary'),
      summary,
    };
  }
}

async function validateFile(
  file: PickedFile,
  bytes: Uint8Array | null,
  reference: Reference,
  today: string,
  loadXlsx: XlsxLoader,
): Promise<ConsolidationInput> {
  const base = { file: file.name, size: file.size };
  if (!bytes) {
    return {
      ...base,
      sha256: null,
      validation: unreadableFile(file.name, 'unreadable', inBothLanguages('err.cannotOpen')),
    };
  }
  const xlsx = await loadXlsx();
  const read = xlsx.readXlsx(bytes);
  const digest = bytesToHex(sha256(bytes));
  if (!read.ok) {
    const text = {
      id: xlsx.describeCause(read.cause, 'id', read.detail),
      en: xlsx.describeCause(read.cause, 'en', read.detail),
    };
    return { ...base, sha256: digest, validation: unreadableFile(file.name, read.cause, text) };
  }
  return {
    ...base,
    sha256: digest,
    validation: validateWorkbook(read.workbook, file.name, { reference, today }),
  };
}

const SCHEDULE_PREFIX = scheduleColumn('');

const cellNumber = (v: SummaryCell | undefined): number | null => (typeof v === 'number' ? v : null);
const cellString = (v: SummaryCell | undefined): string =>
  v === null || v === undefined ? '' : typeof v === 'object' ? v.date : String(v);

/** The `Rekap OPD` rows as the pane's result table shows them. */
function rekapRows(table: SummaryTable): ConsolidationRow[] {
  // One `Tepat Waktu <label>` column per level with a deadline (docs/spec/signoff.md), after the fixed ones.
  const schedule = table.columns.filter((c) => c.startsWith(SCHEDULE_PREFIX));
  return tableRecords(table).map((r, i) => ({
    code: cellString(r['Kode OPD']),
    opd: cellString(r['Perangkat Daerah']) || cellString(r['No']),
    file: cellString(r['Berkas']),
    status: cellString(r['Status']),
    innovations: cellNumber(r['Jumlah Inovasi']),
    errors: cellNumber(r['Galat']),
    warnings: cellNumber(r['Peringatan']),
    stamp: cellString(r['Tingkat Persetujuan']),
    schedule: schedule
      .map((c) => ({ level: c.slice(SCHEDULE_PREFIX.length), word: cellString(r[c]) }))
      .filter((s) => s.word !== ''),
    total: table.rows[i]?.total === true,
  }));
}
