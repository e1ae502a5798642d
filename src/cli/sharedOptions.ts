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

/**
 * Declares one option of `cmd` with its description from the help catalogue: `command.option` when the
 * command words it its own way, else `option`. A choice option (CHOICES) refuses other values with the
 * usage error E_OPTION_VALUE, in the user's language, naming the values it takes.
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
      if (!choices.includes(v))
        throw new UsageError('E_OPTION_VALUE', {
          option: `--${long}`,
          found: v,
          expected: choices.join(', '),
        });
      return v;
    });
  } else if (spec.repeat) {
    option.argParser((v: string, prev: string[] | undefined) => [...(prev ?? []), v]);
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
