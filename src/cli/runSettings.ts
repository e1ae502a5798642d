import { existsSync, readFileSync } from 'node:fs';
import { UsageError } from '../model/errors.js';
import type { Lang } from '../model/settings.js';
import type { ReportInfo } from '../render/context.js';
import { reportDate } from '../render/reportDate.js';
import { type Config, DEFAULT_CONFIG, loadConfig } from './config.js';
import type { CliIO } from './io.js';
import type { SharedFlags } from './sharedOptions.js';

/**
 * The one place where a run's language, colours, strictness, settings file and dates are decided
 * (STYLE.md principle 14). Order: command line, then the settings file, then the environment, then the
 * default.
 */
export interface RunSettings {
  config: Config;
  /** The settings file read (an input: no output may replace it); undefined when there was none. */
  configFile: string | undefined;
  lang: Lang;
  strict: boolean;
  /** ANSI colours per stream: off for pipes, with NO_COLOR, and with --no-color. */
  color: { stdout: boolean; stderr: boolean };
  /**
   * The instant stamped in the metadata of written files (zip entries, workbook properties):
   * SOURCE_DATE_EPOCH, else 1980-01-01, never the clock, so the same inputs give the same bytes.
   */
  stamp: Date;
}

const asLang = (v: unknown): Lang | undefined => (v === 'vi' || v === 'en' ? v : undefined);

/** --lang, else the settings file's `lang`, else CCHC_LANG, else Vietnamese. */
export function pickLang(flag: string | undefined, config: Config, env: CliIO['env']): Lang {
  return asLang(flag) ?? config.lang ?? asLang(env.CCHC_LANG) ?? 'vi';
}

/**
 * The language of `--help` and of command-line errors, needed before the command line is parsed: the
 * same order as pickLang, with the settings file only peeked at (an unreadable one is reported later).
 */
export function langBeforeParse(argv: readonly string[], env: CliIO['env']): Lang {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    if (i >= 0) return argv[i + 1];
    return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
  };
  const flag = asLang(value('--lang'));
  if (flag) return flag;
  let fromConfig: Lang | undefined;
  try {
    const text = readFileSync(value('--config') ?? DEFAULT_CONFIG, 'utf8');
    fromConfig = asLang((JSON.parse(text.replace(/^\uFEFF/, '')) as { lang?: unknown } | null)?.lang);
  } catch {
    fromConfig = undefined;
  }
  return fromConfig ?? asLang(env.CCHC_LANG) ?? 'vi';
}

/** Colour on a stream: a terminal, and neither NO_COLOR nor --no-color. */
export const colorFor = (stream: { isTTY?: boolean }, flags: SharedFlags, env: CliIO['env']): boolean =>
  flags.color !== false && !env.NO_COLOR && stream.isTTY === true;

/** SOURCE_DATE_EPOCH (seconds) when set to a valid number, else 1980-01-01, the zip format's own epoch. */
export const fileStamp = (env: CliIO['env']): Date => reportDate(env);

/** Reads the settings file and decides language, strictness and colours for any command. */
export async function resolveRun(flags: SharedFlags, io: CliIO): Promise<RunSettings> {
  const config = await loadConfig(flags.config);
  return {
    config,
    configFile: flags.config ?? (existsSync(DEFAULT_CONFIG) ? DEFAULT_CONFIG : undefined),
    lang: pickLang(flags.lang, config, io.env),
    strict: flags.strict ?? config.strict ?? false,
    color: { stdout: colorFor(io.stdout, flags, io.env), stderr: colorFor(io.stderr, flags, io.env) },
    stamp: fileStamp(io.env),
  };
}

/** The title block of a report (docs/commands.md): from the command line, else the settings file. */
export interface ReportFlags {
  title?: string;
  period?: string;
  issuer?: string;
  date?: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2025-12-31" when it is a real calendar day, else a usage error naming the option. */
function checkDate(text: string, option: string): string {
  const m = ISO_DATE.exec(text.trim());
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.toISOString().slice(0, 10) !== m[0])
    throw new UsageError('E_OPTION_VALUE', { option, found: text, expected: 'YYYY-MM-DD' });
  return m[0];
}

const blankToNull = (v: string | undefined): string | null =>
  v === undefined || v.trim() === '' ? null : v.trim();

/** The report's title block; `now` is asked for only when no date was given. */
export function reportInfo(
  flags: ReportFlags,
  config: Config,
  env: CliIO['env'],
  now: () => Date = () => new Date(),
): ReportInfo {
  const given = flags.date ?? config.date;
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  const date =
    given !== undefined
      ? checkDate(given, flags.date !== undefined ? '--date' : 'date')
      : epoch !== undefined && /^\d{1,12}$/.test(epoch)
        ? fileStamp(env).toISOString().slice(0, 10)
        : null;
  let printedDate = date;
  if (printedDate === null) {
    const t = now();
    const pad = (n: number) => String(n).padStart(2, '0');
    printedDate = `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
  }
  return {
    title: blankToNull(flags.title ?? config.title),
    period: blankToNull(flags.period ?? config.period),
    issuer: blankToNull(flags.issuer ?? config.issuer),
    date,
    printedDate,
  };
}
