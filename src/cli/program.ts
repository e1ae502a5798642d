import type { Command, Help, Option } from 'commander';
import type { HelpText } from '../i18n/help.js';
import { UsageError } from '../model/errors.js';
import { nearest } from '../model/suggest.js';

type Commander = typeof import('commander');

/** The parts of commander's Command that report command-line mistakes (public in its JavaScript). */
interface ParserErrors {
  unknownOption(flag: string): void;
  unknownCommand(): void;
  missingArgument(name: string): void;
  optionMissingArgument(option: Option): void;
  missingMandatoryOptionValue(option: Option): void;
  _excessArguments(received: string[]): void;
}

const fullName = (cmd: Command): string => {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
};

/**
 * Commander writes its own errors ("error: unknown option …") and help titles ("Usage:", "Options:") in
 * English. Here every one of them becomes a UsageError from our catalogue, thrown before commander
 * prints anything, and the help speaks the user's language (docs/commands.md: every word from the catalogue).
 */
export function localiseParser(cmd: Command): void {
  const c = cmd as unknown as ParserErrors & Command;
  const name = fullName(cmd);
  const help = name;
  c.unknownOption = (flag: string) => {
    const longs = cmd.options.flatMap((o) => (o.long ? [o.long] : []));
    const option = flag.split('=')[0] ?? flag;
    const suggestion = option.startsWith('--')
      ? nearest(
          option,
          longs.map((l) => ({ key: l, label: l })),
        )
      : undefined;
    throw new UsageError('E_UNKNOWN_OPTION', { command: name, option, suggestion, help });
  };
  c.unknownCommand = () => {
    const unknown = cmd.args[0] ?? '';
    const names = cmd.commands.map((s) => s.name()).filter((n) => n !== 'help');
    const suggestion = nearest(
      unknown,
      names.map((n) => ({ key: n, label: n })),
    );
    throw new UsageError('E_UNKNOWN_COMMAND', {
      command: unknown,
      suggestion,
      commands: names.join(', '),
      help: fullName(cmd),
    });
  };
  c.missingArgument = (argument: string) => {
    throw new UsageError('E_MISSING_ARGUMENT', { command: name, argument: `<${argument}>`, help });
  };
  c.optionMissingArgument = (option: Option) => {
    throw new UsageError('E_OPTION_NEEDS_VALUE', { option: option.long ?? option.flags, help });
  };
  c.missingMandatoryOptionValue = (option: Option) => {
    throw new UsageError('E_MISSING_OPTION', { command: name, option: option.long ?? option.flags, help });
  };
  c._excessArguments = (received: string[]) => {
    const expected = cmd.registeredArguments.length;
    throw new UsageError('E_TOO_MANY_ARGUMENTS', {
      command: name,
      found: received.slice(expected).join(' '),
      help,
    });
  };
  for (const sub of cmd.commands) localiseParser(sub);
}

/**
 * Help in the user's language: commander's titles and usage words replaced, option descriptions shown as
 * written (they name their own defaults and choices), help and version options described from the
 * catalogue. Set on the program before its commands are added, which inherit it.
 */
export function localiseHelp(program: Command, H: HelpText, { Help: HelpClass }: Commander): Command {
  const base = new HelpClass();
  const titles: Record<string, string> = {
    'Usage:': H.titles.usage,
    'Options:': H.titles.options,
    'Commands:': H.titles.commands,
    'Arguments:': H.titles.arguments,
  };
  const words = (text: string) =>
    text
      .split(' ')
      .map((w) => (w === '[options]' ? H.usage.options : w === '[command]' ? H.usage.command : w))
      .join(' ');
  const config: Partial<Help> = {
    styleTitle: (s: string) => titles[s] ?? s,
    commandUsage: (cmd: Command) => words(base.commandUsage(cmd)),
    subcommandTerm: (cmd: Command) => words(base.subcommandTerm(cmd)),
    optionDescription: (o: Option) => o.description,
  };
  return program
    .configureHelp(config)
    .helpOption('-h, --help', H.help)
    .helpCommand(`help ${H.value.command}`, H.helpCommand);
}
