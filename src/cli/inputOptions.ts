import type { Command } from 'commander';
import type { HelpText } from '../i18n/help.js';
import { UsageError } from '../model/errors.js';
import type { Lang, Settings } from '../model/settings.js';
import { DEFAULT_BANDS, parseBands } from '../parse/bands.js';
import type { Layout } from '../parse/scoreHeader.js';
import type { PipelineInput } from '../pipeline/runPipeline.js';
import type { ReadLimits } from '../read/limits.js';
import type { Config } from './config.js';
import type { CliIO } from './io.js';
import { type RunSettings, resolveRun } from './runSettings.js';
import { addOption, type SharedFlags } from './sharedOptions.js';

/** The raw option values commander hands over for score/validate/explain. */
export interface InputFlags extends SharedFlags, Partial<Record<keyof ReadLimits, string>> {
  criteria?: string;
  /** false with --no-survey. */
  survey?: string[] | false;
  scores?: string[];
  stage?: string;
  na?: string;
  precision?: string;
  bands?: string;
  bandsFile?: string;
  previous?: string;
  sheet?: string;
  layout?: string;
  diagnostics?: string;
}

/** The readers' limits (src/read/limits.ts): an option each, and a settings-file key of the same name. */
export const LIMIT_OPTIONS: readonly (readonly [flag: string, key: keyof ReadLimits])[] = [
  ['--max-rows', 'maxRows'],
  ['--max-inflated-bytes', 'maxInflatedBytes'],
  ['--max-cell-chars', 'maxCellChars'],
  ['--max-shared-strings', 'maxSharedStrings'],
  ['--max-shared-chars', 'maxSharedChars'],
  ['--max-sheets', 'maxSheets'],
  ['--max-columns', 'maxColumns'],
  ['--max-merges', 'maxMerges'],
];

/** Options shared by score, validate and explain (docs/commands.md), besides those of every command. */
export function addInputOptions(cmd: Command, H: HelpText): Command {
  addOption(cmd, H, '--criteria', { value: 'file' });
  addOption(cmd, H, '--scores', { value: 'files' });
  addOption(cmd, H, '--survey', { value: 'files' });
  addOption(cmd, H, '--no-survey');
  addOption(cmd, H, '--stage');
  addOption(cmd, H, '--na');
  addOption(cmd, H, '--precision', { value: 'n' });
  addOption(cmd, H, '--bands', { value: 'spec' });
  addOption(cmd, H, '--bands-file', { value: 'file' });
  addOption(cmd, H, '--previous', { value: 'file' });
  addOption(cmd, H, '--sheet', { value: 'name' });
  addOption(cmd, H, '--layout');
  for (const [flag] of LIMIT_OPTIONS) addOption(cmd, H, flag, { value: 'n' });
  return addOption(cmd, H, '--diagnostics', { value: 'file' });
}

/** The report's title block and CSV separator (score only). */
export function addReportOptions(cmd: Command, H: HelpText): Command {
  addOption(cmd, H, '--title', { value: 'text' });
  addOption(cmd, H, '--period', { value: 'text' });
  addOption(cmd, H, '--issuer', { value: 'text' });
  addOption(cmd, H, '--date', { value: 'date' });
  return addOption(cmd, H, '--csv-delimiter');
}

function positiveInt(value: string | number | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new UsageError('E_OPTION_VALUE', { option, found: String(value), expected: '0, 1, 2, …' });
  return n;
}

export interface ResolvedInputs {
  pipeline: PipelineInput;
  run: RunSettings;
  config: Config;
  lang: Lang;
  /** --no-survey (or config noSurvey): the run is meant to have no survey component. */
  noSurvey: boolean;
  previous: string | undefined;
  diagnosticsFile: string | undefined;
}

/** Flags over config over defaults; the language also from CCHC_LANG. */
export async function resolveInputs(
  flags: InputFlags,
  io: CliIO,
  commandName: string,
): Promise<ResolvedInputs> {
  const run = await resolveRun(flags, io);
  const { config, lang } = run;
  const command = `cchc ${commandName}`;
  const criteria = flags.criteria ?? config.criteria;
  if (!criteria) throw new UsageError('E_MISSING_OPTION', { command, option: '--criteria', help: command });
  const scores = flags.scores ?? config.scores ?? [];
  if (scores.length === 0)
    throw new UsageError('E_MISSING_OPTION', { command, option: '--scores', help: command });
  const noSurvey = flags.survey === false || (flags.survey === undefined && config.noSurvey === true);
  const survey = flags.survey === false ? [] : (flags.survey ?? config.survey ?? []);
  const bandsText = flags.bands ?? config.bands ?? DEFAULT_BANDS;
  const bands = parseBands(bandsText);
  if (!bands.ok) throw new UsageError('E_BANDS_SPEC', { part: bands.part, why: bands.why });
  const precision = positiveInt(flags.precision ?? config.precision, '--precision') ?? 2;
  if (precision > 6)
    throw new UsageError('E_OPTION_VALUE', {
      option: '--precision',
      found: String(precision),
      expected: '0…6',
    });
  const settings: Settings = {
    stage: (flags.stage as Settings['stage'] | undefined) ?? config.stage ?? 'appraised',
    na: (flags.na as Settings['na'] | undefined) ?? config.na ?? 'exclude',
    precision,
    lang,
    strict: run.strict,
    bands: { default: bands.bands, byGroup: new Map() },
  };
  const sheet = flags.sheet ?? (config.sheet === undefined ? undefined : String(config.sheet));
  const layout = (flags.layout ?? config.layout) as Layout | undefined;
  return {
    run,
    config,
    lang,
    noSurvey,
    previous: flags.previous ?? config.previous,
    diagnosticsFile: flags.diagnostics,
    pipeline: {
      criteria,
      scores,
      survey,
      noSurvey,
      bandsFile: flags.bandsFile ?? config.bandsFile,
      sheet,
      layout,
      settings,
      read: { stdin: io.stdin, ...limitsOf(flags, config) },
    },
  };
}

/** The limits given by flags (over the settings file); the readers default the others. */
export function limitsOf(flags: InputFlags, config: Config): Partial<ReadLimits> {
  const limits: Partial<ReadLimits> = {};
  for (const [flag, key] of LIMIT_OPTIONS) {
    const n = positiveInt(flags[key] ?? config[key], flag);
    if (n !== undefined) limits[key] = n;
  }
  return limits;
}

export const inputFiles = (p: PipelineInput): string[] =>
  [p.criteria, ...p.scores, ...p.survey, p.bandsFile].filter((f): f is string => f !== undefined);

/** Every file the run reads, --previous and the settings file included: none may be an output. */
export const inputPaths = (r: ResolvedInputs): string[] =>
  [...inputFiles(r.pipeline), r.previous, r.run.configFile].filter((f): f is string => f !== undefined);
