#!/usr/bin/env node
/**
 * The command line: a thin shell over the engine. Exit codes: 0 every file read and no open error;
 * 1 at least one open error (an unreadable file counts); 2 usage error, a reference that fails its
 * checks, or an output refused because it would write over an input or a workbook that is not ours;
 * 3 an input/output failure (a path named that does not exist, an unwritable folder, a full disk).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Lang } from '../engine/messages';
import { buildReport } from '../engine/report';
import { slug } from '../engine/feedback';
import { referenceId, referenceToJson } from '../engine/reference/load';
import { ReferenceIndex } from '../engine/reference/index';
import { referenceToGrid } from '../engine/reference/workbook';
import { TOOL_NAME, TOOL_VERSION } from '../engine/version';
import { ParsedArgs, UsageError, parseArgs, usageError } from './args';
import {
  EXIT_FINDINGS,
  EXIT_IO,
  EXIT_OK,
  EXIT_USAGE,
  Io,
  OPTIONS,
  common,
  inputsOf,
  localToday,
  writeOut,
} from './common';
import {
  Interrupted,
  IoError,
  PlannedOutput,
  checkOutputs,
  ensureFolder,
  errnoCode,
  interrupt,
  ioReason,
  removePendingTemps,
  writeAtomically,
} from './output';
import { expandPaths, requireWorkbooks, validateFiles } from './inputs';
import { consolidateCommand } from './consolidate';
import { loadReferenceFile } from './reference';

export { EXIT_FINDINGS, EXIT_IO, EXIT_OK, EXIT_USAGE } from './common';
export type { Io } from './common';
import { formatText } from './text';
import { auditCommand } from './audit';
import { installNativeSha256 } from './nativeHash';
import { installNativeInflate } from './nativeInflate';
import { CLI_TEXTS } from './texts';

async function validateCommand(args: ParsedArgs, io: Io): Promise<number> {
  const c = await common(args, io);
  if (typeof c === 'number') return c;
  const format = args.options.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw usageError((t) => t.usage.formatChoice(String(format)));
  if (!args.positionals.length) throw usageError((t) => t.usage.needsInput('validate'));
  const files = await expandPaths(args.positionals);
  requireWorkbooks(files, args.positionals);
  const out = args.options.out;
  if (typeof out === 'string')
    await checkOutputs([{ file: out, label: '--out', kind: 'text' }], inputsOf(args, files));
  const validations = [];
  const progress = (i: number, file: string) => {
    if (io.progress && !c.quiet) io.stderr(`\r[${i + 1}/${files.length}] ${path.basename(file)}\x1b[K`);
  };
  for await (const loaded of validateFiles(files, { reference: c.reference, today: c.today }, progress))
    validations.push(loaded.validation);
  if (io.progress && !c.quiet && files.length) io.stderr('\r\x1b[K');
  const report = buildReport(validations, { reference: c.reference, today: c.today, lang: c.lang });
  const output =
    format === 'json'
      ? JSON.stringify(report, null, 2) + '\n'
      : formatText(report, c.lang, c.reference.tingkatPersetujuan, c.reference.iid);
  if (typeof out === 'string') await writeOut(out, output);
  else if (!c.quiet || format === 'json') io.stdout(output);
  return report.valid ? EXIT_OK : EXIT_FINDINGS;
}

async function templateCommand(args: ParsedArgs, io: Io): Promise<number> {
  const c = await common(args, io);
  if (typeof c === 'number') return c;
  const out = args.options.out;
  if (typeof out !== 'string') throw usageError((t) => t.usage.needsOut('template', ''));
  let tahun: number | undefined;
  if (args.options.tahun !== undefined) {
    tahun = Number(args.options.tahun);
    if (!Number.isInteger(tahun) || tahun < 2000 || tahun > 2100) throw usageError((t) => t.usage.tahunRange);
  }
  const index = ReferenceIndex.of(c.reference);
  // exceljs (~30 MB resident) is loaded only by the commands that write styled templates.
  const { writeTemplate } = await import('../node/template');
  if (args.options.all === true) {
    const stat = await fs.stat(out).catch(() => null);
    if (stat && !stat.isDirectory()) throw usageError((t) => t.usage.allNeedsFolder(out));
    // The code becomes a file name through the one slug helper: `../x` or `A/B` never leaves the folder.
    const planned: PlannedOutput[] = c.reference.opd.map((opd) => ({
      file: path.join(out, `${slug(opd.kode) || slug(opd.nama) || 'opd'}${tahun ? '-' + tahun : ''}.xlsx`),
      label: '--out',
      kind: 'template',
    }));
    // Every file is checked before the first is written: a refused run writes none.
    await checkOutputs(planned, inputsOf(args));
    await ensureFolder(out);
    for (const [i, opd] of c.reference.opd.entries()) {
      await writeAtomically(planned[i].file, (tmp) => writeTemplate(c.reference, { opd, tahun }, tmp));
    }
    if (!c.quiet) io.stdout(`${CLI_TEXTS[c.lang].templatesWritten(c.reference.opd.length, out)}\n`);
    return EXIT_OK;
  }
  const name = args.options.opd;
  if (typeof name !== 'string') throw usageError((t) => t.usage.templateNeedsOpd);
  const opd = index.findOpd(name);
  if (!opd) throw usageError((t) => t.usage.opdUnknown(name, referenceId(c.reference)));
  await checkOutputs([{ file: out, label: '--out', kind: 'template' }], inputsOf(args));
  await writeAtomically(out, (tmp) => writeTemplate(c.reference, { opd, tahun }, tmp));
  if (!c.quiet) io.stdout(`${CLI_TEXTS[c.lang].templateWritten(opd.nama, out)}\n`);
  return EXIT_OK;
}

async function referenceCommand(args: ParsedArgs, io: Io): Promise<number> {
  const [sub, input, output] = args.positionals;
  if ((sub !== 'check' && sub !== 'convert') || !input) throw usageError((t) => t.usage.referenceUsage);
  const lang = (args.options.lang === 'en' ? 'en' : 'id') as Lang;
  const loaded = await loadReferenceFile(input, lang);
  if (!loaded.ok) {
    io.stderr(loaded.problems.join('\n') + '\n');
    return loaded.io ? EXIT_IO : EXIT_USAGE;
  }
  const ref = loaded.reference;
  if (sub === 'check') {
    const p = ref.rpjmd.periode;
    io.stdout(
      `${referenceId(ref)}: ${ref.daerah.nama}, RPJMD ${p.mulai}–${p.akhir}, ${ref.opd.length} OPD, ` +
        `${ref.rpjmd.program.length} program, ` +
        CLI_TEXTS[lang].referenceFacts({
          levels: ref.tingkatPersetujuan.length,
          required: ref.tingkatWajib,
          scheduleYear: ref.jadwal ? ref.jadwal.tahun : null,
          zone: ref.daerah.zonaWaktu,
        }) +
        ` — ${CLI_TEXTS[lang].passesChecks}\n`,
    );
    return EXIT_OK;
  }
  if (!output) throw usageError((t) => t.usage.convertNeedsOut);
  const json = /\.json$/i.test(output);
  if (!json && !/\.xlsx$/i.test(output)) throw usageError((t) => t.usage.outJsonOrXlsx);
  await checkOutputs([{ file: output, label: 'OUT', kind: json ? 'text' : 'reference' }], [input]);
  if (json) {
    await writeOut(output, JSON.stringify(referenceToJson(ref), null, 2) + '\n');
  } else {
    const { writeSheetsXlsx } = await import('../node/xlsxWriter');
    await writeAtomically(output, (tmp) =>
      writeSheetsXlsx(
        referenceToGrid(ref).map((s) => ({ ...s, header: true })),
        tmp,
      ),
    );
  }
  if (args.options.quiet !== true) io.stdout(`${referenceId(ref)} → ${output}\n`);
  return EXIT_OK;
}

export async function run(argv: readonly string[], io: Io): Promise<number> {
  installNativeSha256();
  installNativeInflate();
  // Known before the arguments are parsed, so that even an early error speaks the language asked for.
  const langAt = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const lang: Lang =
    langAt >= 0 && (argv[langAt] === '--lang=en' || (argv[langAt] === '--lang' && argv[langAt + 1] === 'en'))
      ? 'en'
      : 'id';
  try {
    // Options may come before the command too (`-q validate …`); the first positional is the command.
    const parsed = parseArgs(argv, OPTIONS);
    const [command, ...positionals] = parsed.positionals;
    const args: ParsedArgs = { positionals, options: parsed.options };
    if (args.options.version === true) {
      io.stdout(`${TOOL_VERSION}\n`);
      return EXIT_OK;
    }
    if (!command || command === 'help' || args.options.help === true) {
      io.stdout(CLI_TEXTS[lang].help(TOOL_NAME, TOOL_VERSION));
      return command || args.options.help === true ? EXIT_OK : EXIT_USAGE;
    }
    switch (command) {
      case 'validate':
        return await validateCommand(args, io);
      case 'consolidate':
        return await consolidateCommand(args, io);
      case 'template':
        return await templateCommand(args, io);
      case 'reference':
        return await referenceCommand(args, io);
      case 'audit':
        return await auditCommand(args, io);
      default:
        throw usageError((t) => t.usage.unknownCommand(command));
    }
  } catch (e) {
    if (e instanceof Interrupted) return e.exitCode;
    if (e instanceof UsageError) {
      io.stderr(`${e[lang]}\n`);
      return EXIT_USAGE;
    }
    if (e instanceof IoError) {
      io.stderr(`${e[lang]}\n`);
      return EXIT_IO;
    }
    if (errnoCode(e)) {
      // A file-system failure no command foresaw is still one: exit 3, not "internal error".
      const r = ioReason(e);
      io.stderr(`${CLI_TEXTS[lang].ioFailure(r[lang])}\n`);
      return EXIT_IO;
    }
    // A bug of ours: say so in one line rather than print a stack trace at the user.
    io.stderr(`${CLI_TEXTS[lang].internalError(TOOL_NAME, (e as Error).message)}\n`);
    return EXIT_USAGE;
  }
}

/** A writer to `stream` that becomes a no-op once the stream's reader has gone (EPIPE). */
export function quietOnClose(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    closed = true;
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}

/** What the user reads when a signal stops the run: why, and that nothing half-written is left. */
export function interruptedMessage(signal: string, lang: Lang): string {
  return lang === 'en'
    ? `\nStopped (${signal}); files being written were discarded, their targets left as they were.\n`
    : `\nDihentikan (${signal}); berkas yang sedang ditulis dibuang, berkas tujuannya tidak berubah.\n`;
}

/**
 * Interrupted (Ctrl-C, kill): says so, removes the temporary file of a write in progress; the target
 * is untouched. A write under way removes its own temporary file; the exit follows at once, or
 * after a short grace when the run is busy elsewhere (validating), with the temporary files removed again.
 */
export function onInterrupt(lang: Lang, write: (text: string) => void, exit: (code: number) => void): void {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      write(interruptedMessage(signal, lang));
      interrupt(code);
      setTimeout(() => {
        removePendingTemps();
        exit(code);
      }, 500);
    });
  }
}

if (require.main === module) {
  // A reader that stops early (`… | head -1`) closes the pipe: the run goes on quietly, writing its
  // files, and exits with the code it would have had (docs/spec/report-and-cli.md), never an EPIPE stack trace.
  const stdout = quietOnClose(process.stdout);
  const stderr = quietOnClose(process.stderr);
  const argv = process.argv.slice(2);
  const en = argv.includes('--lang=en') || argv.some((a, i) => a === '--lang' && argv[i + 1] === 'en');
  onInterrupt(en ? 'en' : 'id', stderr, (code) => process.exit(code));
  run(process.argv.slice(2), {
    stdout,
    stderr,
    progress: Boolean(process.stderr.isTTY),
    today: localToday,
  }).then((code) => {
    process.exitCode = code;
  });
}
