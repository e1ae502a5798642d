import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { formatMessage } from '../i18n/format.js';
import { HELP, type HelpText } from '../i18n/help.js';
import { UsageError } from '../model/errors.js';
import { escapeControls } from '../model/terminalText.js';
import { EXIT } from './exitCode.js';
import { addInputOptions, addReportOptions, LIMIT_OPTIONS } from './inputOptions.js';
import type { CliIO } from './io.js';
import { localiseHelp, localiseParser } from './program.js';
import { langBeforeParse } from './runSettings.js';
import { addOption, addSharedOptions, notAnOption } from './sharedOptions.js';

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

type CommandName = keyof HelpText['commands'];
type Declare = (cmd: Command, H: HelpText, io: CliIO, setCode: (code: number) => void) => void;

/** Each command's options and action, declared on the command `program.command(name)` made for it. */
const COMMANDS: Record<CommandName, Declare> = {
  score(score, H, io, setCode) {
    addOption(score, H, '--format');
    addOption(score, H, '-o, --out', { value: 'file', repeat: true });
    addInputOptions(score, H);
    addReportOptions(score, H);
    addSharedOptions(score, H).action(async (flags) =>
      setCode(await (await import('./commands/score.js')).scoreCommand(flags, io)),
    );
  },
  validate(validate, H, io, setCode) {
    addOption(validate, H, '--format');
    addInputOptions(validate, H);
    addSharedOptions(validate, H).action(async (flags) =>
      setCode(await (await import('./commands/validate.js')).validateCommand(flags, io)),
    );
  },
  explain(explain, H, io, setCode) {
    explain.requiredOption(`--unit ${H.value.name}`, H.options.unit ?? '', (v: string) =>
      notAnOption(explain, 'unit', v),
    );
    addOption(explain, H, '--format');
    addInputOptions(explain, H);
    addSharedOptions(explain, H).action(async (flags) =>
      setCode(await (await import('./commands/explain.js')).explainCommand(flags, io)),
    );
  },
  convert(convert, H, io, setCode) {
    convert.argument(H.value.files, H.arguments.files ?? '');
    addOption(convert, H, '-o, --out', { value: 'file' });
    addOption(convert, H, '--out-dir', { value: 'folder' });
    addOption(convert, H, '--format');
    addOption(convert, H, '--sheet', { value: 'name' });
    addOption(convert, H, '--to');
    addOption(convert, H, '--criteria', { value: 'file' });
    addOption(convert, H, '--layout');
    addOption(convert, H, '--decimal');
    addOption(convert, H, '--encoding', { value: 'name' });
    addOption(convert, H, '--legacy-font');
    addOption(convert, H, '--bom');
    addSharedOptions(convert, H).action(async (files: string[], flags) =>
      setCode(await (await import('./commands/convert.js')).convertCommand(files, flags, io)),
    );
  },
  template(template, H, io, setCode) {
    addOption(template, H, '--criteria', { value: 'file' });
    addOption(template, H, '--units', { value: 'file' });
    addOption(template, H, '-o, --out', { value: 'file' });
    addOption(template, H, '--sheet', { value: 'name' });
    addOption(template, H, '--na');
    addSharedOptions(template, H).action(async (flags) =>
      setCode(await (await import('./commands/template.js')).templateCommand(flags, io)),
    );
  },
  inspect(inspect, H, io, setCode) {
    inspect.argument(H.value.filesOptional, H.arguments.inspectFiles ?? '');
    addOption(inspect, H, '--criteria', { value: 'file' });
    addOption(inspect, H, '--survey', { value: 'files' });
    addOption(inspect, H, '--sheet', { value: 'name' });
    addOption(inspect, H, '--layout');
    addOption(inspect, H, '--format');
    for (const [flag] of LIMIT_OPTIONS) addOption(inspect, H, flag, { value: 'n' });
    addSharedOptions(inspect, H).action(async (files: string[], flags) =>
      setCode(await (await import('./commands/inspect.js')).inspectCommand(files, flags, io)),
    );
  },
};

const isCommand = (word: string | undefined): word is CommandName =>
  word !== undefined && Object.hasOwn(COMMANDS, word);

function buildProgram(
  commander: Commander,
  H: HelpText,
  io: CliIO,
  first: string | undefined,
  setCode: (code: number) => void,
): Command {
  const program = new commander.Command('cchc')
    .description(H.program)
    .version(version(), '-V, --version', H.version)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  localiseHelp(program, H, commander);
  // A command line that starts with a command's name runs that command and nothing else reads the
  // others: only it is declared (declaring all six, with their options, is a few milliseconds of every
  // run). Any other command line (`cchc`, `cchc --help`, `cchc help score`, a mistyped name) gets all.
  const names = isCommand(first) ? [first] : (Object.keys(COMMANDS) as CommandName[]);
  for (const name of names)
    COMMANDS[name](program.command(name).description(H.commands[name]), H, io, setCode);
  localiseParser(program);
  return program;
}

/** Runs the CLI; resolves to the exit code. Never throws, never calls process.exit. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  let code: number = EXIT.ok;
  const args = argv.slice(2);
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    io.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  // The language of help and of command-line errors, before the command line is parsed; a command
  // resolves its own (the same order, with the settings file read in full) in runSettings.ts.
  const lang = langBeforeParse(args, io.env);
  const H = HELP[lang];
  const commander = await import('commander');
  try {
    await buildProgram(commander, H, io, args[0], (c) => {
      code = c;
    }).parseAsync([...argv]);
    return code;
  } catch (e) {
    if (e instanceof commander.CommanderError) {
      // --help and --version end through here too, with exit code 0.
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof UsageError) {
      // Arguments may hold text from the inputs (sheet names, file names): escaped for the terminal.
      io.stderr.write(`cchc: ${escapeControls(formatMessage({ code: e.code, args: e.args }, lang))}\n`);
      if (typeof e.args.help === 'string') io.stderr.write(`${H.seeHelp(e.args.help)}\n`);
      return EXIT.usage;
    }
    if (io.env.CCHC_DEBUG === '1') io.stderr.write(`${(e as Error)?.stack ?? String(e)}\n`);
    const hint = formatMessage({ code: 'E_INTERNAL', args: {} }, lang);
    io.stderr.write(`cchc: ${hint}: ${escapeControls((e as Error)?.message ?? String(e))}\n`);
    return EXIT.internal;
  }
}
