import * as path from 'node:path';
import { auditCsv, auditDocument, withStampFinding } from '../engine/audit';
import { referenceId } from '../engine/reference/load';
import { buildReport } from '../engine/report';
import { writeDocumentXlsx } from '../node/documentWriter';
import { ParsedArgs, usageError } from './args';
import { EXIT_FINDINGS, EXIT_OK, Io, common, inputsOf, writeOut } from './common';
import { checkOutputs, writeAtomically } from './output';
import { expandPaths, requireWorkbooks, validateFiles } from './inputs';
import { CLI_TEXTS } from './texts';

/**
 * `audit PATH… --out FILE.xlsx|FILE.csv`: every finding of every workbook, with stamp and decisions.
 * `.xlsx` is a workbook (what a planner opens in Excel, whatever the regional setting); any other
 * name gets the RFC 4180 CSV with a BOM, for other programs (docs/spec/report-and-cli.md).
 */
export async function auditCommand(args: ParsedArgs, io: Io): Promise<number> {
  const c = await common(args, io);
  if (typeof c === 'number') return c;
  const out = args.options.out;
  if (typeof out !== 'string') throw usageError((t) => t.usage.needsOut('audit', 'FILE.xlsx'));
  const workbook = /\.xlsx$/i.test(out);
  // A workbook under another workbook's extension would not open as one: say so instead.
  if (/\.(xlsm|xls|xlsb|ods)$/i.test(out)) throw usageError((t) => t.usage.auditOutForm(out));
  if (!args.positionals.length) throw usageError((t) => t.usage.needsInput('audit'));
  const files = await expandPaths(args.positionals);
  requireWorkbooks(files, args.positionals);
  await checkOutputs(
    [{ file: out, label: '--out', kind: workbook ? 'audit' : 'text' }],
    inputsOf(args, files),
  );
  const validations = [];
  for await (const { validation } of validateFiles(files, { reference: c.reference, today: c.today })) {
    validations.push(withStampFinding(validation, c.reference));
  }
  if (workbook) {
    const doc = auditDocument(validations, {
      region: c.reference.daerah.nama,
      reference: referenceId(c.reference),
      date: c.today,
      lang: c.lang,
      fileName: path.basename(out),
    });
    await writeAtomically(out, (tmp) => writeDocumentXlsx(doc, tmp, c.today));
  } else {
    await writeOut(out, auditCsv(validations, c.lang));
  }
  const report = buildReport(validations, { reference: c.reference, today: c.today, lang: c.lang });
  if (!c.quiet) {
    const rows = validations.reduce((n, v) => n + v.findings.length, 0);
    io.stdout(`${CLI_TEXTS[c.lang].auditWritten(rows, files.length, path.resolve(out))}\n`);
  }
  return report.valid ? EXIT_OK : EXIT_FINDINGS;
}
