/** What every command shares: options, the reference in force, exit codes, output. */
import { localIsoDay } from '../engine/isoDate';
import { Lang } from '../engine/messages';
import { Reference } from '../engine/reference/model';
import { calendarDay, todayInZone } from '../engine/signoff';
import { OptionTable, ParsedArgs, usageError } from './args';
import { EXIT_IO, writeFileAtomically } from './output';
import { loadReferenceFile } from './reference';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
export { EXIT_IO };

/**
 * Every option of every command. The Indonesian options also answer to their English spellings,
 * and three flags to one letter (docs/spec/report-and-cli.md, "For a person at a terminal").
 */
export const OPTIONS: OptionTable = {
  boolean: new Set(['help', 'version', 'quiet', 'all']),
  value: new Set(['format', 'out', 'json', 'referensi', 'lang', 'today', 'opd', 'tahun', 'umpan-balik']),
  aliases: { reference: 'referensi', feedback: 'umpan-balik', year: 'tahun' },
  // `-v` as well as `-V`: the tool answered to `-v` before the short flags came.
  short: { q: 'quiet', h: 'help', V: 'version', v: 'version' },
};

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Progress goes to standard error only when it is a terminal. */
  progress: boolean;
  /** Today's date, ISO, in the given IANA time zone when one is given (the reference's region); injectable for tests. */
  today: (zonaWaktu?: string) => string;
}

/** Today in `zonaWaktu` (the region's calendar, docs/spec/signoff.md), else in the machine's own time zone. */
export function localToday(zonaWaktu?: string): string {
  if (zonaWaktu) return todayInZone(zonaWaktu);
  return localIsoDay(new Date());
}

export interface Common {
  lang: Lang;
  today: string;
  quiet: boolean;
  reference: Reference;
}

export async function common(args: ParsedArgs, io: Io): Promise<Common | number> {
  const langOpt = args.options.lang ?? 'id';
  if (langOpt !== 'id' && langOpt !== 'en') throw usageError((t) => t.usage.langChoice(String(langOpt)));
  const lang = langOpt as Lang;
  const todayOpt = args.options.today;
  if (todayOpt !== undefined) {
    // A real day (2026-02-30 is not one): the schedule counts days from it.
    if (typeof todayOpt !== 'string' || calendarDay(todayOpt) === null)
      throw usageError((t) => t.usage.todayForm(String(todayOpt)));
  }
  const loaded = await loadReferenceFile(args.options.referensi as string | undefined, lang);
  if (!loaded.ok) {
    io.stderr(loaded.problems.join('\n') + '\n');
    return loaded.io ? EXIT_IO : EXIT_USAGE;
  }
  // Default: today in the region's time zone, so deadlines are counted in the region's days.
  const today = typeof todayOpt === 'string' ? todayOpt : io.today(loaded.reference.daerah.zonaWaktu);
  return { lang, today, quiet: args.options.quiet === true, reference: loaded.reference };
}

/** Writes an output file through a temporary name (output.ts); the caller has run `checkOutputs`. */
export function writeOut(file: string, content: string | Uint8Array): Promise<void> {
  return writeFileAtomically(file, content);
}

/** Every input of a command: the paths named, the files picked from folders, the reference file. */
export function inputsOf(args: ParsedArgs, files: readonly string[] = []): string[] {
  const referensi = args.options.referensi;
  return [...args.positionals, ...files, ...(typeof referensi === 'string' ? [referensi] : [])];
}
