import type { Command } from 'commander';
import type { HelpText } from '../i18n/help.js';
import { UsageError } from '../model/errors.js';

/** The option values every command shares, as commander hands them over. */
export interface SharedFlags {
  lang?: string;
  strict?: boolean;
  /** false with --no-color. */
  color?: boolean;
  config?: string;
}

/** Values a choice option accepts; the help text and the usage error list the same values. */
export const CHOICES = {
  lang: ['vi', 'en'],
  stage: ['appraised', 'self'],
  na: ['exclude', 'full'],
  layout: ['long', 'wide', 'form'],
  'score.format': ['table', 'json', 'csv', 'md'],
  'validate.format': ['table', 'json'],
  'explain.format': ['table', 'json'],
  'inspect.format': ['table', 'json'],
  'csv-delimiter': [',', ';'],
  'convert.format': ['csv', 'tsv', 'xlsx', 'json'],
  to: ['long'],
  decimal: ['comma', 'dot'],
  'legacy-font': ['auto', 'tcvn3', 'vni', 'none'],
  'template.na': ['exclude', 'full'],
} as const satisfies Record<string, readonly string[]>;

export interface OptionSpec {
  /** The placeholder of the value (`<tệp>`), or none for a switch. */
  value?: keyof HelpText['value'];
  /** Each use adds to a list (`-o a.xlsx -o b.html`). */
  repeat?: boolean;
}

/** `cchc score`: the command as typed, for "see cchc score --help". */
const commandPath = (cmd: Command): string => (cmd.parent ? `${commandPath(cmd.parent)} ` : '') + cmd.name();

/**
 * The value of `--<long>`, refused when it is another of the command's options: commander takes whatever
 * follows an option as its value, so `--criteria --lang en` would read a criteria file called "--lang"
 * (and `en` would be an argument). No file, sheet or title is called `--lang`: the value is missing.
 */
export function notAnOption(cmd: Command, long: string, value: string): string {
  if (value.startsWith('--')) {
    const name = value.split('=')[0]!;
    if (name === '--help' || cmd.options.some((o) => o.long === name))
      throw new UsageError('E_OPTION_NEEDS_VALUE', {
        option: `--${long}`,
        next: name,
        help: commandPath(cmd),
      });
  }
  return value;
}

/**
 * Declares one option of `cmd` with its description from the help catalogue: `command.option` when the
 * command words it its own way, else `option`. A choice option (CHOICES) refuses other values with the
 * usage error E_OPTION_VALUE, in the user's language, naming the values it takes. An option's value is
 * never another of its options (notAnOption).
 */
export function addOption(cmd: Command, H: HelpText, flags: string, spec: OptionSpec = {}): Command {
  const long = /--([a-z-]+)/.exec(flags)?.[1] ?? flags;
  const key = `${cmd.name()}.${long}`;
  const description = H.options[key] ?? H.options[long] ?? '';
  const choices: readonly string[] | undefined =
    (CHOICES as Record<string, readonly string[]>)[key] ??
    (CHOICES as Record<string, readonly string[]>)[long];
  // A choice's placeholder shows the values themselves: `--stage <appraised|self>`.
  const placeholder = spec.value ? ` ${H.value[spec.value]}` : choices ? ` <${choices.join('|')}>` : '';
  const option = cmd.createOption(`${flags}${placeholder}`, description);
  if (choices) {
    option.argParser((v: string) => {
      notAnOption(cmd, long, v);
      if (!choices.includes(v))
        throw new UsageError('E_OPTION_VALUE', {
          option: `--${long}`,
          found: v,
          expected: choices.join(', '),
        });
      return v;
    });
  } else if (spec.repeat || option.variadic) {
    // A parser of its own replaces commander's gathering of a list (its default may be `true`: --no-survey).
    option.argParser((v: string, prev: unknown) => [
      ...(Array.isArray(prev) ? (prev as string[]) : []),
      notAnOption(cmd, long, v),
    ]);
  } else if (spec.value) {
    option.argParser((v: string) => notAnOption(cmd, long, v));
  }
  return cmd.addOption(option);
}

/**
 * The options every command takes (STYLE.md principle 14): --lang, --strict, --no-color and --config.
 * They are resolved in one place, runSettings.ts.
 */
export function addSharedOptions(cmd: Command, H: HelpText): Command {
  addOption(cmd, H, '--lang');
  addOption(cmd, H, '--strict');
  addOption(cmd, H, '--no-color');
  return addOption(cmd, H, '--config', { value: 'file' });
}
