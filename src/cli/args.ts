/** A small argument parser: `--name value`, `--name=value`, boolean flags, and positionals. */
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
  readonly options: Record<string, string | true>;
}

export function parseArgs(argv: readonly string[], booleanFlags: ReadonlySet<string>, valueOptions: ReadonlySet<string>): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (booleanFlags.has(name)) {
      if (eq !== -1) throw usageError((t) => t.usage.optionNoValue(name));
      options[name] = true;
    } else if (valueOptions.has(name)) {
      const value = eq !== -1 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw usageError((t) => t.usage.optionNeedsValue(name));
      options[name] = value;
    } else {
      throw usageError((t) => t.usage.unknownOption(name));
    }
  }
  return { positionals, options };
}
