/**
 * A small argument parser: `--name value`, `--name=value`, boolean flags, short flags (`-q`),
 * English aliases of the Indonesian options, and positionals. An unknown option names the nearest
 * known one (docs/spec/report-and-cli.md, "For a person at a terminal").
 */
import { type Lang, inBoth } from '../engine/messages';
import { CLI_TEXTS, CliTexts } from './texts';

/** A usage error (exit 2) in both languages: `throw usageError((t) => t.usage.needsInput('audit'))`. */
export function usageError(pick: (texts: CliTexts, lang: Lang) => string): UsageError {
  const text = inBoth(CLI_TEXTS, pick);
  return new UsageError(text.id, text.en);
}

/** The command line was asked for something it cannot do (exit 2); the words in both languages (texts.ts's usageError). */
export class UsageError extends Error {
  constructor(
    readonly id: string,
    readonly en: string,
  ) {
    super(id);
  }
}

export interface ParsedArgs {
  readonly positionals: string[];
  /** Keyed by the option's own name (an alias is stored under the name it stands for). */
  readonly options: Record<string, string | true>;
}

/** The options a command line knows. */
export interface OptionTable {
  readonly boolean: ReadonlySet<string>;
  readonly value: ReadonlySet<string>;
  /** Other spellings → the option's name (`reference` → `referensi`). */
  readonly aliases: Readonly<Record<string, string>>;
  /** Short flags → the option's name (`q` → `quiet`). */
  readonly short: Readonly<Record<string, string>>;
}

/** Edit distance (insertions, deletions, substitutions) between two short words. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length];
}

/**
 * The known spelling nearest to `name` (`--refrensi` → `--referensi`, `--feedbak` → `--feedback`):
 * an option's name or one of its aliases. Ties go to the shorter spelling, then the alphabet.
 */
export function nearestOption(name: string, table: OptionTable): string {
  const lower = name.toLowerCase();
  const spellings = [...table.boolean, ...table.value, ...Object.keys(table.aliases)];
  let best = spellings[0];
  let bestDistance = Infinity;
  for (const spelling of spellings) {
    // A prefix (`--ref`, `--umpan`) is nearer than any typo of the same length.
    const d =
      spelling.startsWith(lower) || lower.startsWith(spelling)
        ? Math.abs(spelling.length - lower.length) / 2
        : editDistance(lower, spelling);
    if (
      d < bestDistance ||
      (d === bestDistance &&
        (spelling.length < best.length || (spelling.length === best.length && spelling < best)))
    ) {
      best = spelling;
      bestDistance = d;
    }
  }
  return best;
}

export function parseArgs(argv: readonly string[], table: OptionTable): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    if (!arg.startsWith('--')) {
      // `-q`, `-h`, `-V`; anything else with one dash is an unknown option (`-quiet` → `--quiet`), never a path.
      const long = table.short[arg.slice(1)];
      if (long === undefined) throw unknown(arg, arg.slice(1).replace(/^-+/, ''), table);
      options[long] = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const written = arg.slice(2, eq === -1 ? undefined : eq);
    const name = Object.prototype.hasOwnProperty.call(table.aliases, written)
      ? table.aliases[written]
      : written;
    if (table.boolean.has(name)) {
      if (eq !== -1) throw usageError((t) => t.usage.optionNoValue(written));
      options[name] = true;
    } else if (table.value.has(name)) {
      const value = eq !== -1 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw usageError((t) => t.usage.optionNeedsValue(written));
      options[name] = value;
    } else {
      throw unknown(`--${written}`, written, table);
    }
  }
  return { positionals, options };
}

function unknown(written: string, name: string, table: OptionTable): UsageError {
  const nearest = nearestOption(name, table);
  return usageError((t) => t.usage.unknownOption(written, `--${nearest}`));
}
