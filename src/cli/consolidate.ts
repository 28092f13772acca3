/** `consolidate PATH… --out FILE.xlsx [--json FILE] [--umpan-balik DIR]`: validate every workbook, apply the cross-workbook rules, write the city summary (and feedback per OPD). */
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import {
  ConsolidationInput,
  REKAP_COLUMNS,
  SummaryCell,
  TOTAL_KOTA,
  consolidate,
  rekapTotalWordEn,
  scheduleColumn,
} from '../engine/consolidate';
import { consolidationYearText } from '../engine/consolidation/selection';
import { TingkatPersetujuan } from '../engine/reference/model';
import { signoffWordEn } from '../engine/signoff';
import { STATUS_WORDS_EN } from '../engine/statusWords';
import { Lang } from '../engine/messages';
import { writeSummaryXlsx } from '../node/summaryWriter';
import { ParsedArgs, usageError } from './args';
import { CLI_TEXTS } from './texts';
import { EXIT_FINDINGS, EXIT_OK, Io, common, inputsOf, writeOut } from './common';
import { PlannedOutput, checkOutputs, writeAtomically } from './output';
import { expandPaths, requireWorkbooks, validateFiles } from './inputs';
import { pathKind } from './files';
import { TABLE_WIDTH, renderTable } from './table';
import { feedbackDirOption, feedbackWritten, planFeedbackFiles, writeFeedbackFiles } from './feedback';

/** The terminal's table: the OPD by name (its code is in the workbook), so that it fits 120 columns. */
const PRINTED_COLUMNS = [
  'Perangkat Daerah',
  'Berkas',
  'Status',
  'Jumlah Inovasi',
  'Galat',
  'Peringatan',
  'Tingkat Persetujuan',
] as const;

/**
 * The printed table in English (`--lang en`): its headings and the words of the Status and Stempel
 * columns. The summary workbook itself keeps the spec's Indonesian names (docs/spec/consolidation.md).
 */
const ENGLISH: Readonly<Record<string, string>> = {
  'Kode OPD': 'OPD code',
  'Perangkat Daerah': 'Agency',
  Berkas: 'File',
  Status: 'Status',
  'Jumlah Inovasi': 'Innovations',
  Galat: 'Errors',
  Peringatan: 'Warnings',
  'Tingkat Persetujuan': 'Sign-off level',
  'Tepat Waktu': 'On time',
  ...STATUS_WORDS_EN,
  [TOTAL_KOTA]: 'City total',
};

/** The tool's words in English: the table's own words, then the sign-off and schedule words (the engine's). */
function englishWord(text: string, levels: readonly TingkatPersetujuan[]): string {
  return ENGLISH[text] ?? signoffWordEn(text, levels) ?? rekapTotalWordEn(text) ?? text;
}

/** Columns whose cells are words of the tool (translated), not data from the workbooks. */
const isWordColumn = (column: string) =>
  column === 'Status' || column === 'Tingkat Persetujuan' || column.startsWith('Tepat Waktu ');

/** A cell of the printed table in `lang`: the tool's words translated, the workbooks' data as it is. */
function printedCell(
  row: readonly SummaryCell[],
  at: number,
  column: string,
  word: (text: string) => string,
): string {
  const text = show(row[at]);
  if (isWordColumn(column)) return word(text);
  // The last row's label (`Total Kota`) is the tool's; an OPD name never equals it.
  return column === 'Perangkat Daerah' && text === TOTAL_KOTA ? word(text) : text;
}

/** Hex SHA-256 and size of a file, from the bytes already read or else streamed; null hash when it cannot be opened. */
async function fingerprint(
  file: string,
  bytes: Uint8Array | null,
): Promise<{ size: number; sha256: string | null }> {
  if (bytes) return { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  // Never stream what is not a regular file (`/dev/zero` has no end).
  if ((await pathKind(file)) !== null) return { size: 0, sha256: null };
  try {
    const size = (await fs.stat(file)).size;
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
    return { size, sha256: hash.digest('hex') };
  } catch {
    return { size: 0, sha256: null };
  }
}

const show = (v: SummaryCell): string => (v === null ? '' : typeof v === 'object' ? v.date : String(v));

/**
 * The per-OPD table of `Rekap OPD` (selected columns, then the `Tepat Waktu <label>` ones), padded
 * for a terminal; in English with `lang` `en` (the tool's words, not the workbooks' data).
 */
export function formatRekap(
  rows: readonly (readonly SummaryCell[])[],
  columns: readonly string[] = REKAP_COLUMNS,
  lang: Lang = 'id',
  levels: readonly TingkatPersetujuan[] = [],
): string {
  // The selected columns, then the `Tepat Waktu <label>` ones (wherever other columns were added before them).
  const schedule = columns.filter((c) => c.startsWith(scheduleColumn('')));
  const printed = [...PRINTED_COLUMNS, ...schedule];
  const at = printed.map((c) => columns.indexOf(c));
  const word = (text: string) => (lang === 'en' ? englishWord(text, levels) : text);
  const numeric = new Set(['Jumlah Inovasi', 'Galat', 'Peringatan'].map((c) => printed.indexOf(c)));
  const options = { numeric, keepWide: new Set([printed.indexOf('Perangkat Daerah')]) };
  // Within 120 columns: long names and schedule words wrap within their column (docs/spec/report-and-cli.md).
  const lines = renderTable(
    [printed.map(word), ...rows.map((r) => at.map((i, c) => printedCell(r, i, printed[c], word)))],
    options,
  );
  if (lines.every((l) => [...l].length <= TABLE_WIDTH)) return lines.join('\n') + '\n';
  // Four or five levels with a deadline do not fit beside the other columns: the schedule gets a
  // table of its own below, each OPD with one column per level (a level's label after `Tepat Waktu `).
  const main = renderTable(
    [
      PRINTED_COLUMNS.map(word),
      ...rows.map((r) => PRINTED_COLUMNS.map((c, k) => printedCell(r, at[k], c, word))),
    ],
    options,
  );
  const name = columns.indexOf('Perangkat Daerah');
  const file = columns.indexOf('Berkas');
  const perLevel = renderTable(
    [
      [word('Perangkat Daerah'), ...schedule.map((c) => word(c.slice(scheduleColumn('').length)))],
      ...rows.map((r) => [
        printedCell(r, name, 'Perangkat Daerah', word) || show(r[file]),
        ...schedule.map((c) => printedCell(r, columns.indexOf(c), c, word)),
      ]),
    ],
    { keepWide: new Set([0]) },
  );
  return [...main, '', word(scheduleColumn('').trim()), ...perLevel].join('\n') + '\n';
}

/** `--tahun YYYY`: the consolidation year chosen by the user (2000–2100), or null. */
function yearOption(value: string | true | undefined): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  if (typeof value !== 'string' || !/^\d{4}$/.test(value.trim()) || n < 2000 || n > 2100)
    throw usageError((t) => t.usage.tahunYear(String(value)));
  return n;
}

export async function consolidateCommand(args: ParsedArgs, io: Io): Promise<number> {
  const c = await common(args, io);
  if (typeof c === 'number') return c;
  const out = args.options.out;
  if (typeof out !== 'string') throw usageError((t) => t.usage.needsOut('consolidate', 'FILE.xlsx'));
  if (!/\.xlsx$/i.test(out)) throw usageError((t) => t.usage.outMustBeXlsx(out));
  const json = args.options.json;
  if (json !== undefined && typeof json !== 'string') throw usageError((t) => t.usage.jsonNeedsName);
  if (!args.positionals.length) throw usageError((t) => t.usage.needsInput('consolidate'));
  const feedbackDir = await feedbackDirOption(args.options['umpan-balik'], args.positionals);
  const tahun = yearOption(args.options.tahun);

  // Never write over an input, nor a workbook into an input folder (checkOutputs).
  const files = await expandPaths(args.positionals);
  requireWorkbooks(files, args.positionals);
  const planned: PlannedOutput[] = [{ file: out, label: '--out', kind: 'summary' }];
  if (typeof json === 'string') planned.push({ file: json, label: '--json', kind: 'text' });
  await checkOutputs(planned, inputsOf(args, files));

  const inputs: ConsolidationInput[] = [];
  const progress = (i: number, file: string) => {
    if (io.progress && !c.quiet) io.stderr(`\r[${i + 1}/${files.length}] ${path.basename(file)}\x1b[K`);
  };
  for await (const loaded of validateFiles(files, { reference: c.reference, today: c.today }, progress)) {
    const { size, sha256 } = await fingerprint(loaded.path, loaded.bytes);
    inputs.push({ file: loaded.validation.file, size, sha256, validation: loaded.validation });
  }
  if (io.progress && !c.quiet && files.length) io.stderr('\r\x1b[K');

  const summary = consolidate(inputs, {
    reference: c.reference,
    today: c.today,
    lang: c.lang,
    consolidatedAt: io.today(),
    tahun,
  });
  // How the year was chosen, always said (docs/spec/consolidation.md): a wrong year changes which files count.
  if (!c.quiet) io.stderr(`${consolidationYearText(summary.tahun, c.lang)}\n`);
  // Feedback file names come from the summary; they are checked before anything of the run is written.
  const feedback =
    feedbackDir === null
      ? null
      : await planFeedbackFiles(summary, feedbackDir, inputsOf(args, files), c, planned);
  const writing = (i: number, n: number, sheet: string) => {
    if (io.progress && !c.quiet)
      io.stderr(`\r${CLI_TEXTS[c.lang].writingSummary} [${i + 1}/${n}] ${sheet}\x1b[K`);
  };
  await writeAtomically(out, (tmp) =>
    writeSummaryXlsx(summary, tmp, { region: c.reference.daerah.nama, lang: c.lang, onSheet: writing }),
  );
  if (io.progress && !c.quiet) io.stderr('\r\x1b[K');
  if (typeof json === 'string') await writeOut(json, JSON.stringify(summary.report, null, 2) + '\n');
  if (feedback) await writeFeedbackFiles(summary, feedback, feedbackDir!, c, io);

  if (!c.quiet) {
    const w = CLI_TEXTS[c.lang];
    io.stdout(
      formatRekap(
        summary.rekapOpd.rows.map((r) => r.cells),
        summary.rekapOpd.columns,
        c.lang as Lang,
        c.reference.tingkatPersetujuan,
      ),
    );
    io.stdout(`\n${w.summaryWritten(out)}\n`);
    if (typeof json === 'string') io.stdout(`${w.jsonWritten(json)}\n`);
    if (feedback) io.stdout(feedbackWritten(c.lang, feedback.length, feedbackDir!));
  }
  return summary.report.valid ? EXIT_OK : EXIT_FINDINGS;
}
