import * as path from 'node:path';
import { auditCsv, withStampFinding } from '../engine/audit';
import { buildReport } from '../engine/report';
import { ParsedArgs, usageError } from './args';
import { EXIT_FINDINGS, EXIT_OK, Io, common, inputsOf, writeOut } from './common';
import { checkOutputs } from './output';
import { expandPaths, requireWorkbooks, validateFiles } from './inputs';
import { CLI_TEXTS } from './texts';

/** `audit PATH… --out FILE.csv`: every finding of every workbook, with stamp and decisions. */
export async function auditCommand(args: ParsedArgs, io: Io): Promise<number> {
  const c = await common(args, io);
  if (typeof c === 'number') return c;
  const out = args.options.out;
  if (typeof out !== 'string') throw usageError((t) => t.usage.needsOut('audit', 'FILE.csv'));
  if (!args.positionals.length) throw usageError((t) => t.usage.needsInput('audit'));
  const files = await expandPaths(args.positionals);
  requireWorkbooks(files, args.positionals);
  await checkOutputs([{ file: out, label: '--out', kind: 'text' }], inputsOf(args, files));
  const validations = [];
  for await (const { validation } of validateFiles(files, { reference: c.reference, today: c.today })) {
    validations.push(withStampFinding(validation, c.reference));
  }
  await writeOut(out, auditCsv(validations, c.lang));
  const report = buildReport(validations, { reference: c.reference, today: c.today, lang: c.lang });
  if (!c.quiet) {
    const rows = validations.reduce((n, v) => n + v.findings.length, 0);
    io.stdout(`${CLI_TEXTS[c.lang].auditWritten(rows, files.length, path.resolve(out))}\n`);
  }
  return report.valid ? EXIT_OK : EXIT_FINDINGS;
}
