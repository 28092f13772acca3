import * as path from 'node:path';
import { auditCsv, withStampFinding } from '../engine/audit';
import { buildReport } from '../engine/report';
import { ParsedArgs, UsageError } from './args';
import { EXIT_FINDINGS, EXIT_OK, Io, common, inputsOf, writeOut } from './common';
import { checkOutputs } from './output';
import { expandPaths, requireWorkbooks, validateFiles } from './inputs';

/** `audit PATH… --out FILE.csv`: every finding of every workbook, with stamp and decisions. */
export async function auditCommand(args: ParsedArgs, io: Io): Promise<number> {
  const c = await common(args, io);
  if (typeof c === 'number') return c;
  const out = args.options.out;
  if (typeof out !== 'string') throw new UsageError('audit memerlukan --out FILE.csv.');
  if (!args.positionals.length) throw new UsageError('audit memerlukan setidaknya satu berkas atau folder.');
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
    io.stdout(
      c.lang === 'en'
        ? `${rows} findings from ${files.length} files written to ${path.resolve(out)}\n`
        : `${rows} temuan dari ${files.length} berkas ditulis ke ${path.resolve(out)}\n`,
    );
  }
  return report.valid ? EXIT_OK : EXIT_FINDINGS;
}
