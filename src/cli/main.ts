import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { formatMessage } from '../i18n/format.js';
import { UsageError } from '../model/errors.js';
import type { Lang } from '../model/settings.js';
import { EXIT } from './exitCode.js';
import { addInputOptions } from './inputOptions.js';
import type { CliIO } from './io.js';

// Only our own small modules load at start-up: commander when there is a command line to parse, each
// command the heavy parts (exceljs, zod, renderers) when it runs. `cchc --version` loads
// nothing else, so it stays as fast as node itself (bench/run.js measures it).
type Commander = typeof import('commander');

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

function langOf(argv: readonly string[], io: CliIO): Lang {
  const i = argv.indexOf('--lang');
  const flag = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
  const v = flag ?? io.env.CCHC_LANG;
  return v === 'en' ? 'en' : 'vi';
}

function buildProgram({ Command, Option }: Commander, io: CliIO, setCode: (code: number) => void): Command {
  const program = new Command('cchc')
    .description('Chỉ số cải cách hành chính (PAR Index) from spreadsheets')
    .version(version(), '-V, --version')
    .exitOverride()
    .showHelpAfterError('(--help: hướng dẫn / usage)')
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });

  addInputOptions(
    program
      .command('score')
      .description('score, rank and band every unit; print and write the reports')
      .addOption(new Option('--format <format>', 'stdout format').choices(['table', 'json', 'csv', 'md']))
      .option(
        '-o, --out <file>',
        'write a report; format from the extension (.json .csv .xlsx .md .html); repeatable',
        (v: string, prev: string[] = []) => [...prev, v],
      ),
  ).action(async (flags) => setCode(await (await import('./commands/score.js')).scoreCommand(flags, io)));

  addInputOptions(
    program
      .command('validate')
      .description('check the inputs; print only the diagnostics')
      .addOption(new Option('--format <format>', 'output format').choices(['table', 'json'])),
  ).action(async (flags) =>
    setCode(await (await import('./commands/validate.js')).validateCommand(flags, io)),
  );

  addInputOptions(
    program
      .command('explain')
      .description(
        "one unit's trace, leaf by leaf: raw value, rule, points, self vs appraised, subtotals, rank",
      )
      .requiredOption('--unit <name>', 'the unit to explain (case and spacing ignored)')
      .addOption(new Option('--format <format>', 'output format').choices(['table', 'json'])),
  ).action(async (flags) => setCode(await (await import('./commands/explain.js')).explainCommand(flags, io)));

  const choices = (flags: string, what: string, values: string[]) => new Option(flags, what).choices(values);
  program
    .command('convert')
    .description('clean spreadsheets (encodings, TCVN3/VNI fonts, comma decimals) and reshape them')
    .argument('<files...>', 'inputs: xlsx, xls, csv, tsv, txt, json (written by convert); - for stdin')
    .option('-o, --out <file>', 'output: .csv .tsv .xlsx .json by extension; - = CSV on stdout (default)')
    .option('--out-dir <dir>', 'one file per input sheet in this folder')
    .addOption(
      choices('--format <format>', 'file format under --out-dir (default csv)', [
        'csv',
        'tsv',
        'xlsx',
        'json',
      ]),
    )
    .option('--sheet <name|n>', 'sheet to convert, by name or 1-based index (default: the first with data)')
    .addOption(
      choices('--to <layout>', 'reshape wide, form and survey tables into the long layout', ['long']),
    )
    .option('--criteria <file>', 'criteria framework, to recognise leaf codes (needed by --to long)')
    .addOption(choices('--layout <layout>', 'force the input layout for --to long', ['long', 'wide', 'form']))
    .addOption(
      choices('--decimal <mark>', 'decimal mark of numbers in CSV output (default dot)', ['comma', 'dot']),
    )
    .option('--encoding <name>', 'force the CSV input encoding: utf-8, utf-16le, utf-16be, windows-1258')
    .addOption(
      choices('--legacy-font <font>', 'legacy font text to Unicode (default auto)', [
        'auto',
        'tcvn3',
        'vni',
        'none',
      ]),
    )
    .option('--bom', 'start CSV output with a UTF-8 byte order mark (for Excel)')
    .addOption(choices('--lang <lang>', 'language of messages', ['vi', 'en']))
    .option('--strict', 'warnings fail the run (exit 1)')
    .option('--no-color', 'no colours in messages')
    .action(async (files: string[], flags) =>
      setCode(await (await import('./commands/convert.js')).convertCommand(files, flags, io)),
    );

  program
    .command('template')
    .description('blank fill-in forms, one protected sheet per unit')
    .option('--criteria <file>', 'criteria framework (xlsx, csv, xls)')
    .option('--units <file>', 'units list: a table with unit (đơn vị) and group (khối) columns')
    .option('-o, --out <file>', 'the workbook to write (.xlsx, - for stdout; default forms.xlsx)')
    .option('--sheet <name|n>', 'sheet of the criteria file, by name or 1-based index')
    .addOption(
      choices('--na <policy>', 'N/A policy (forms accept KPS unless forbidden)', ['exclude', 'full']),
    )
    .addOption(choices('--lang <lang>', 'language of messages', ['vi', 'en']))
    .option('--strict', 'warnings fail the run (exit 1)')
    .option('--no-color', 'no colours in messages')
    .action(async (flags) =>
      setCode(await (await import('./commands/template.js')).templateCommand(flags, io)),
    );

  return program;
}

/** Runs the CLI; resolves to the exit code. Never throws, never calls process.exit. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  let code: number = EXIT.ok;
  const lang = langOf(argv, io);
  const args = argv.slice(2);
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    io.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  const commander = await import('commander');
  try {
    await buildProgram(commander, io, (c) => {
      code = c;
    }).parseAsync([...argv]);
    return code;
  } catch (e) {
    if (e instanceof commander.CommanderError) {
      // --help and --version end through here too, with exit code 0.
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof UsageError) {
      io.stderr.write(`cchc: ${formatMessage({ code: e.code, args: e.args }, lang)}\n`);
      return EXIT.usage;
    }
    if (io.env.CCHC_DEBUG === '1') io.stderr.write(`${(e as Error)?.stack ?? String(e)}\n`);
    const hint =
      lang === 'vi'
        ? 'lỗi nội bộ của cchc; hãy báo lỗi kèm lệnh đã chạy (đặt CCHC_DEBUG=1 để xem chi tiết)'
        : 'internal error in cchc; please report it with the command you ran (set CCHC_DEBUG=1 for details)';
    io.stderr.write(`cchc: ${hint}: ${(e as Error)?.message ?? String(e)}\n`);
    return EXIT.internal;
  }
}
