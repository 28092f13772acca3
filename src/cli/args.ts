/** A small argument parser: `--name value`, `--name=value`, boolean flags, and positionals. */

/** A usage error (exit 2); `en` is its English wording, shown with `--lang en` when given. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly en?: string,
  ) {
    super(message);
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
      if (eq !== -1) throw new UsageError(`Opsi --${name} tidak menerima nilai.`);
      options[name] = true;
    } else if (valueOptions.has(name)) {
      const value = eq !== -1 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new UsageError(`Opsi --${name} memerlukan nilai.`);
      options[name] = value;
    } else {
      throw new UsageError(`Opsi tidak dikenal: --${name}`);
    }
  }
  return { positionals, options };
}
