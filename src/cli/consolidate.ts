/** `consolidate PATH… --out FILE.xlsx [--json FILE]`: validate every workbook, apply the cross-workbook rules, write the city summary. */
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ConsolidationInput, REKAP_COLUMNS, SHEET_INFO, SHEET_REKAP_OPD, SummaryCell, TOTAL_KOTA, consolidate } from '../engine/consolidate';
import { Lang } from '../engine/messages';
import { writeSummaryXlsx } from '../node/summaryWriter';
import { readXlsx, DEFAULT_LIMITS } from '../xlsx/readXlsx';
import { ParsedArgs, UsageError } from './args';
import { EXIT_FINDINGS, EXIT_OK, Io, common, writeOut } from './common';
import { expandPaths, validateFiles } from './inputs';

const PRINTED_COLUMNS = ['Kode OPD', 'Perangkat Daerah', 'Berkas', 'Status', 'Jumlah Inovasi', 'Galat', 'Peringatan', 'Stempel'] as const;

const WORDS = {
  id: { written: 'Ringkasan kota ditulis ke', report: 'Laporan JSON ditulis ke' },
  en: { written: 'City summary written to', report: 'JSON report written to' },
} as const;

/**
 * The printed table in English (`--lang en`): its headings and the words of the Status and Stempel
 * columns. The summary workbook itself keeps the spec's Indonesian names (consolidation.md).
 */
const ENGLISH: Readonly<Record<string, string>> = {
  'Kode OPD': 'OPD code',
  'Perangkat Daerah': 'Agency',
  Berkas: 'File',
  Status: 'Status',
  'Jumlah Inovasi': 'Innovations',
  Galat: 'Errors',
  Peringatan: 'Warnings',
  Stempel: 'Stamp',
  Siap: 'Ready',
  'Perlu Perbaikan': 'Needs fixing',
  'Belum Mengirim': 'Not submitted',
  'Tidak Terbaca': 'Unreadable',
  Diganti: 'Superseded',
  Sah: 'Valid',
  Berubah: 'Changed',
  'Tidak Ada': 'None',
  [TOTAL_KOTA]: 'City total',
};

/** Columns whose cells are words of the tool (translated), not data from the workbooks. */
const WORD_COLUMNS = new Set<string>(['Status', 'Stempel']);

/** A cell of the printed table in `lang`: the tool's words translated, the workbooks' data as it is. */
function printedCell(row: readonly SummaryCell[], at: number, column: string, word: (text: string) => string): string {
  const text = show(row[at]);
  if (WORD_COLUMNS.has(column)) return word(text);
  // The last row's label (`Total Kota`) is the tool's; an OPD name never equals it.
  return column === 'Perangkat Daerah' && text === TOTAL_KOTA ? word(text) : text;
}

/** Hex SHA-256 and size of a file, from the bytes already read or else streamed; null hash when it cannot be opened. */
async function fingerprint(file: string, bytes: Uint8Array | null): Promise<{ size: number; sha256: string | null }> {
  if (bytes) return { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  try {
    const size = (await fs.stat(file)).size;
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
    return { size, sha256: hash.digest('hex') };
  } catch {
    return { size: 0, sha256: null };
  }
}

/** Is the file a city summary written by this command (it has the `Rekap OPD` and `Info Konsolidasi` sheets)? */
async function isSummaryWorkbook(file: string): Promise<boolean> {
  try {
    if ((await fs.stat(file)).size > DEFAULT_LIMITS.maxFileBytes) return false;
    const read = readXlsx(new Uint8Array(await fs.readFile(file)));
    return read.ok && [SHEET_REKAP_OPD, SHEET_INFO].every((name) => read.workbook.sheets.some((s) => s.name === name));
  } catch {
    return false;
  }
}

const show = (v: SummaryCell): string => (v === null ? '' : typeof v === 'object' ? v.date : String(v));

/** The per-OPD table of `Rekap OPD` (selected columns), padded for a terminal. */
export function formatRekap(rows: readonly (readonly SummaryCell[])[], lang: Lang = 'id'): string {
  const at = PRINTED_COLUMNS.map((c) => REKAP_COLUMNS.indexOf(c));
  const word = (text: string) => (lang === 'en' ? (ENGLISH[text] ?? text) : text);
  const table = [
    PRINTED_COLUMNS.map(word),
    ...rows.map((r) => at.map((i, c) => printedCell(r, i, PRINTED_COLUMNS[c], word))),
  ];
  const widths = PRINTED_COLUMNS.map((_, c) => Math.max(...table.map((r) => r[c].length)));
  const numeric = new Set(['Jumlah Inovasi', 'Galat', 'Peringatan'].map((c) => PRINTED_COLUMNS.indexOf(c as never)));
  return (
    table
      .map((r) =>
        r
          .map((s, c) => (numeric.has(c) ? s.padStart(widths[c]) : c === r.length - 1 ? s : s.padEnd(widths[c])))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

export async function consolidateCommand(args: ParsedArgs, io: Io): Promise<number> {
  const c = await common(args, io);
  if (typeof c === 'number') return c;
  const out = args.options.out;
  if (typeof out !== 'string') throw new UsageError('consolidate memerlukan --out FILE.xlsx.');
  if (!/\.xlsx$/i.test(out)) throw new UsageError(`--out harus berkas .xlsx, bukan ${out}.`);
  const json = args.options.json;
  if (json !== undefined && typeof json !== 'string') throw new UsageError('--json memerlukan nama berkas.');
  if (!args.positionals.length) throw new UsageError('consolidate memerlukan setidaknya satu berkas atau folder.');

  // Never write over an input; a summary left in the folder by an earlier run is replaced, not read.
  const target = path.resolve(out);
  let files = await expandPaths(args.positionals);
  if (files.some((f) => path.resolve(f) === target)) {
    if (args.positionals.some((p) => path.resolve(p) === target) || !(await isSummaryWorkbook(target)))
      throw new UsageError(`--out ${out} adalah salah satu berkas masukan; pilih nama atau folder lain.`);
    files = files.filter((f) => path.resolve(f) !== target);
  }

  const inputs: ConsolidationInput[] = [];
  const progress = (i: number, file: string) => {
    if (io.progress && !c.quiet) io.stderr(`\r[${i + 1}/${files.length}] ${path.basename(file)}\x1b[K`);
  };
  for await (const loaded of validateFiles(files, { reference: c.reference, today: c.today }, progress)) {
    const { size, sha256 } = await fingerprint(loaded.path, loaded.bytes);
    inputs.push({ file: loaded.validation.file, size, sha256, validation: loaded.validation });
  }
  if (io.progress && !c.quiet && files.length) io.stderr('\r\x1b[K');

  const summary = consolidate(inputs, { reference: c.reference, today: c.today, lang: c.lang, consolidatedAt: io.today() });
  await fs.mkdir(path.dirname(target), { recursive: true });
  await writeSummaryXlsx(summary, out);
  if (typeof json === 'string') await writeOut(json, JSON.stringify(summary.report, null, 2) + '\n');

  if (!c.quiet) {
    const w = WORDS[c.lang as Lang];
    io.stdout(formatRekap(summary.rekapOpd.rows.map((r) => r.cells), c.lang as Lang));
    io.stdout(`\n${w.written} ${out}\n`);
    if (typeof json === 'string') io.stdout(`${w.report} ${json}\n`);
  }
  return summary.report.valid ? EXIT_OK : EXIT_FINDINGS;
}
