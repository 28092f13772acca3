/**
 * Everything the command line writes goes through here (issue 14):
 *
 * - `checkOutputs` refuses, before any work is done, an output path that is one of the command's
 *   inputs (a file named, a file picked from a folder named, the `--referensi` file), that is named
 *   twice, that is a folder, or that is an existing workbook this tool did not write as the kind of
 *   file the command writes (docs/decisions.md, "Command line");
 * - `writeAtomically` writes to a hidden temporary name in the same folder, flushes it to disk and
 *   renames it over the target, so an interrupted run never leaves half a file under the real name;
 * - a failure of the file system becomes an `IoError` (exit 3) that says what could not be done.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs, unlinkSync } from 'node:fs';
import * as path from 'node:path';
import { SHEET_INFO, SHEET_REKAP_OPD, SUMMARY_SHEET_NAMES } from '../engine/consolidate';
import { AUDIT_SHEETS } from '../engine/audit';
import { WorkbookGrid } from '../engine/grid';
import { cellText } from '../engine/values';
import { FEEDBACK_SHEETS } from '../engine/feedback';
import { FEEDBACK_REPLICATION_SHEETS } from '../engine/replication';
import { defaultReference } from '../engine/reference/load';
import { REFERENCE_SHEETS } from '../engine/reference/workbook';
import { SHEET_IDENTITAS, SHEET_INOVASI } from '../engine/schema';
import { SHEET_DATA_DUKUNG } from '../engine/iid/evidence';
import { SHEET_PETUNJUK_IID } from '../engine/design/iidTemplate';
import { TOOL_NAME } from '../engine/version';
import { validateWorkbook } from '../engine/validate';
import { DEFAULT_LIMITS, readXlsx } from '../xlsx/readXlsx';
import { Bilingual, inBoth } from '../engine/messages';
import { usageError } from './args';
import { CLI_TEXTS, IoReasonCode } from './texts';
import { readCapped } from './files';

/** Exit code of an input/output failure: a missing input, an unwritable folder, a full disk. */
export const EXIT_IO = 3;

/** A failure of the file system, in both languages; the command line exits with `EXIT_IO`. */
export class IoError extends Error {
  constructor(
    readonly id: string,
    readonly en: string,
    readonly code?: string,
  ) {
    super(id);
  }
}

export function errnoCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

/** The reason of a file-system error in both languages (`disk penuh (ENOSPC)`). */
export function ioReason(e: unknown): Bilingual {
  const code = errnoCode(e);
  if (code !== undefined && Object.hasOwn(CLI_TEXTS.id.ioReason, code)) {
    const known = code as IoReasonCode;
    return inBoth(CLI_TEXTS, (t) => `${t.ioReason[known]} (${code})`);
  }
  const message = e instanceof Error ? e.message : String(e);
  return { id: message, en: message };
}

function ioError(text: Bilingual, code: string | undefined): IoError {
  return new IoError(text.id, text.en, code);
}

/** `Tidak dapat menulis FILE: disk penuh (ENOSPC)`. */
export function writeFailure(file: string, e: unknown): IoError {
  const r = ioReason(e);
  return ioError(
    inBoth(CLI_TEXTS, (t, lang) => t.cannotWrite(file, r[lang])),
    errnoCode(e),
  );
}

export function readFailure(file: string, e: unknown): IoError {
  const r = ioReason(e);
  if (errnoCode(e) === 'ENOENT')
    return ioError(
      inBoth(CLI_TEXTS, (t) => t.notFound(file)),
      'ENOENT',
    );
  return ioError(
    inBoth(CLI_TEXTS, (t, lang) => t.cannotRead(file, r[lang])),
    errnoCode(e),
  );
}

// ---------------------------------------------------------------------------------------------
// Refusing outputs that would destroy something

/** What a command writes: plain text (a report, CSV, JSON) or one of the tool's workbooks. */
export type OutputKind = 'text' | 'summary' | 'template' | 'reference' | 'feedback' | 'audit';

export interface PlannedOutput {
  /** The path as the user gave it (messages name it so). */
  readonly file: string;
  /** The option or argument that named it: `--out`, `--json`, `OUT`. */
  readonly label: string;
  readonly kind: OutputKind;
}

const WORKBOOK_EXTENSIONS = /\.(xlsx|xlsm|xls)$/i;

async function statOrNull(file: string) {
  try {
    return await fs.stat(file);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT' || errnoCode(e) === 'ENOTDIR') return null;
    throw readFailure(file, e);
  }
}

/** Does the file look like a workbook: named like one, or a zip (.xlsx) or OLE (.xls) container? */
async function looksLikeWorkbook(file: string): Promise<boolean> {
  if (WORKBOOK_EXTENSIONS.test(file)) return true;
  let handle;
  try {
    handle = await fs.open(file, 'r');
    const head = new Uint8Array(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    if (bytesRead < 4) return false;
    const zip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
    const ole = head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0;
    return zip || ole;
  } catch {
    return true; // cannot look inside: treat it as precious
  } finally {
    await handle?.close();
  }
}

/** The sheets each kind of workbook of this tool has, and nothing else (the template's `_daftar` is its hidden lists). */
const TEMPLATE_REQUIRED = [SHEET_IDENTITAS, SHEET_INOVASI, '_daftar'];
/** The template's sheets: the required three, and the IID evidence sheet and its guide when the reference has `iid`. */
const TEMPLATE_SHEETS = [...TEMPLATE_REQUIRED, SHEET_DATA_DUKUNG, SHEET_PETUNJUK_IID];
const REFERENCE_REQUIRED = ['daerah', 'opd', 'misi', 'tujuan', 'sasaran', 'program', 'parameter'] as const;

const lower = (names: readonly string[]) => new Set(names.map((n) => n.trim().toLowerCase()));

/** The city summary's marker: `Info Konsolidasi` holds the row `Alat | inovasi-daerah <version>`. */
function hasSummaryMarker(workbook: WorkbookGrid): boolean {
  const info = workbook.sheets.find((s) => s.name.trim().toLowerCase() === SHEET_INFO.toLowerCase());
  return (info?.rows ?? []).some(
    (r) =>
      cellText(r?.[0] ?? null).trim() === 'Alat' &&
      cellText(r?.[1] ?? null)
        .trim()
        .startsWith(`${TOOL_NAME} `),
  );
}

/**
 * Is `file` a workbook this tool wrote as `kind`, that may be replaced by a new one of the same kind?
 * Recognised by content: the kind's own marker **and** no sheet the tool does not write for that kind
 * (the add-in writes `Rekap OPD` and `Info Konsolidasi` into the open submission: that workbook is the
 * user's, not a summary).
 * - `summary`: only the summary's sheets (docs/spec/consolidation.md), and `Info Konsolidasi` names the tool as `Alat`;
 * - `template`: `Identitas`, `Inovasi` and `_daftar` (and the IID sheets), and not one data or evidence row (a template an
 *   OPD has started to fill is a submission, and is never replaced);
 * - `reference`: only the reference workbook's sheets (docs/spec/reference-data.md), the seven required among them;
 * - `feedback`: its one sheet is `Umpan Balik` or `Feedback` (consolidate --umpan-balik);
 * - `audit`: its one sheet is `Laporan Audit` or `Audit Report` (audit --out FILE.xlsx);
 * - `text`: never — a report, CSV or JSON is not a workbook, so a workbook under that name is not ours.
 */
export async function isOwnOutput(file: string, kind: OutputKind): Promise<boolean> {
  if (kind === 'text') return false;
  const bytes = await readCapped(file, DEFAULT_LIMITS.maxFileBytes).catch(() => null);
  if (bytes === null) return false;
  const read = readXlsx(bytes);
  if (!read.ok) return false;
  const names = lower(read.workbook.sheets.map((s) => s.name));
  const only = (allowed: readonly string[]) => {
    const ok = lower(allowed);
    return [...names].every((n) => ok.has(n));
  };
  const has = (...sheets: string[]) => sheets.every((s) => names.has(s.toLowerCase()));
  switch (kind) {
    case 'summary':
      return only(SUMMARY_SHEET_NAMES) && has(SHEET_REKAP_OPD, SHEET_INFO) && hasSummaryMarker(read.workbook);
    case 'reference':
      return (
        only(Object.values(REFERENCE_SHEETS)) && has(...REFERENCE_REQUIRED.map((k) => REFERENCE_SHEETS[k]))
      );
    case 'feedback': {
      // The findings sheet, and (since issue 24) the replication sheet beside it: nothing else.
      const own = [
        FEEDBACK_SHEETS.id,
        FEEDBACK_SHEETS.en,
        FEEDBACK_REPLICATION_SHEETS.id,
        FEEDBACK_REPLICATION_SHEETS.en,
      ].map((n) => n.toLowerCase());
      return (
        (names.has(FEEDBACK_SHEETS.id.toLowerCase()) || names.has(FEEDBACK_SHEETS.en.toLowerCase())) &&
        [...names].every((n) => own.includes(n))
      );
    }
    case 'audit':
      return (
        names.size === 1 &&
        (names.has(AUDIT_SHEETS.id.toLowerCase()) || names.has(AUDIT_SHEETS.en.toLowerCase()))
      );
    case 'template': {
      if (!only(TEMPLATE_SHEETS) || !has(...TEMPLATE_REQUIRED)) return false;
      const v = validateWorkbook(read.workbook, path.basename(file), {
        reference: defaultReference(),
        today: '2000-01-01',
      });
      // Not one innovation row and not one evidence row: anything typed makes it the OPD's submission.
      return v.submission?.table?.rows.length === 0 && (v.submission.dataDukung?.rows.length ?? 0) === 0;
    }
  }
}

/** Same file: same resolved or real path (a link to its folder), or (both existing) the same device and inode — a link, another spelling. */
async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b) || (await realLocation(a)) === (await realLocation(b))) return true;
  try {
    const [sa, sb] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/**
 * Where `p` really is: the real path of its deepest existing ancestor (links resolved), joined with
 * the parts that do not exist yet. Two spellings of one place (a link to a folder, `..`) compare equal.
 */
export async function realLocation(p: string): Promise<string> {
  const resolved = path.resolve(p);
  const rest: string[] = [];
  let at = resolved;
  for (;;) {
    try {
      return path.join(await fs.realpath(at), ...rest);
    } catch {
      const parent = path.dirname(at);
      if (parent === at) return resolved;
      rest.unshift(path.basename(at));
      at = parent;
    }
  }
}

/** The real paths of the inputs that are folders (a folder scan would pick up a workbook written there). */
async function inputFolders(inputs: readonly string[]): Promise<{ named: string; real: string }[]> {
  const out: { named: string; real: string }[] = [];
  for (const input of inputs) {
    const isDir = await fs.stat(input).then(
      (st) => st.isDirectory(),
      () => false,
    );
    if (isDir) out.push({ named: input, real: await realLocation(input) });
  }
  return out;
}

/** A name a folder scan reads as a workbook (docs/spec/consolidation.md, "Inputs"). */
export const isScannedName = (name: string): boolean =>
  WORKBOOK_EXTENSIONS.test(name) && !name.startsWith('~$') && !name.startsWith('._');

/**
 * Refuses (a `UsageError`, exit 2, naming the file) any planned output that would write over an
 * input, over another output of the same run (`others`: outputs already checked), over a folder,
 * over an existing workbook that is not this tool's output of that kind, or a workbook into an
 * input folder (the next run over that folder would read it as a submission). Called before
 * anything is written, so a refused run writes nothing.
 */
export async function checkOutputs(
  outputs: readonly PlannedOutput[],
  inputs: readonly string[],
  others: readonly PlannedOutput[] = [],
): Promise<void> {
  const folders = await inputFolders(inputs);
  for (const [i, out] of outputs.entries()) {
    const o = `${out.label} ${out.file}`;
    if (isScannedName(path.basename(out.file))) {
      const where = path.dirname(await realLocation(out.file));
      const folder = folders.find((f) => f.real === where);
      if (folder) throw usageError((t) => t.inInputFolder(o, folder.named));
    }
    for (const input of inputs) {
      if (await sameFile(out.file, input)) throw usageError((t) => t.isInput(o, input));
    }
    for (const other of [...others, ...outputs.slice(0, i)]) {
      if (await sameFile(out.file, other.file))
        throw usageError((t) => t.sameAsOutput(o, `${other.label} ${other.file}`));
    }
    const stat = await statOrNull(out.file);
    if (!stat) continue;
    if (stat.isDirectory()) throw usageError((t) => t.isFolder(o));
    // A device or a pipe is never replaced (renaming over /dev/null would remove it) nor opened to look inside.
    if (!stat.isFile()) throw usageError((t) => t.notRegular(o));
    if ((await looksLikeWorkbook(out.file)) && !(await isOwnOutput(out.file, out.kind))) {
      throw usageError((t) => t.notOwnOutput(o, t.outputKind[out.kind], TOOL_NAME));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

/** Temporary files being written, removed if the process is interrupted (see `interrupt`). */
const pending = new Set<string>();
let interruptedWith: number | null = null;

/** The run was interrupted by a signal; `exitCode` is 128 + its number. */
export class Interrupted extends Error {
  constructor(readonly exitCode: number) {
    super('interrupted');
  }
}

/**
 * A signal arrived: removes the temporary files of writes in progress, and makes any write still
 * under way remove its own and throw `Interrupted` instead of renaming (a file system call in
 * flight when the signal came may create the temporary file after this removal).
 */
export function interrupt(exitCode: number): void {
  interruptedWith = exitCode;
  removePendingTemps();
}

/** Removes the temporary files of writes still in progress (a signal handler calls it before exiting). */
export function removePendingTemps(): void {
  for (const tmp of pending) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
  }
  pending.clear();
}

/** A hidden name next to the target that no folder scan picks up as a workbook (it ends in `.tmp`). */
export function tempNameFor(file: string): string {
  const dir = path.dirname(path.resolve(file));
  return path.join(dir, `.${path.basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/** The folder of `file`, created when missing. */
export async function ensureFolder(folder: string): Promise<void> {
  try {
    await fs.mkdir(folder, { recursive: true });
  } catch (e) {
    throw writeFailure(folder, e);
  }
}

/**
 * Writes `file` by `produce(tempPath)`, then flushes the temporary file to disk and renames it over
 * `file`. On any failure the temporary file is removed and `file` is left as it was; a file-system
 * failure is thrown as an `IoError` naming `file`.
 */
export async function writeAtomically(
  file: string,
  produce: (tempPath: string) => Promise<void>,
): Promise<void> {
  await ensureFolder(path.dirname(path.resolve(file)));
  const tmp = tempNameFor(file);
  pending.add(tmp);
  try {
    await produce(tmp);
    if (interruptedWith !== null) throw new Interrupted(interruptedWith);
    const handle = await fs.open(tmp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (interruptedWith !== null) throw new Interrupted(interruptedWith);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.unlink(tmp).catch(() => undefined);
    throw errnoCode(e) ? writeFailure(file, e) : e;
  } finally {
    pending.delete(tmp);
  }
}

/** `writeAtomically` for content already in memory. */
export function writeFileAtomically(file: string, content: string | Uint8Array): Promise<void> {
  return writeAtomically(file, (tmp) => fs.writeFile(tmp, content));
}
