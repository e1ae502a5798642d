import type { Command } from 'commander';
import { UsageError } from '../model/errors.js';
import type { Lang, Settings } from '../model/settings.js';
import { DEFAULT_BANDS, parseBands } from '../parse/bands.js';
import type { Layout } from '../parse/scoreHeader.js';
import type { PipelineInput } from '../pipeline/runPipeline.js';
import { type Config, loadConfig } from './config.js';
import type { CliIO } from './io.js';

/** The raw option values commander hands over for score/validate/explain. */
export interface InputFlags {
  criteria?: string;
  scores?: string[];
  survey?: string[];
  stage?: string;
  na?: string;
  precision?: string;
  bands?: string;
  bandsFile?: string;
  previous?: string;
  lang?: string;
  strict?: boolean;
  config?: string;
  sheet?: string;
  layout?: string;
  maxRows?: string;
  maxInflatedBytes?: string;
  diagnostics?: string;
  color?: boolean;
}

/** Options shared by score, validate and explain (SPEC §3). */
export function addInputOptions(cmd: Command): Command {
  // cmd.createOption, not `new Option`: this module loads before commander does (see main.ts).
  const choice = (flags: string, what: string, values: string[]) =>
    cmd.createOption(flags, what).choices(values);
  return cmd
    .option('--criteria <file>', 'criteria framework (xlsx, csv, xls; - for stdin)')
    .option('--scores <files...>', 'score files, repeatable (long or wide layout)')
    .option('--survey <files...>', 'survey files, repeatable')
    .addOption(choice('--stage <stage>', 'which value is published', ['appraised', 'self']))
    .addOption(choice('--na <policy>', 'N/A policy for leaves without their own', ['exclude', 'full']))
    .option('--precision <n>', 'decimals of published values (default 2)')
    .option('--bands <spec>', `bands, top down (default "${DEFAULT_BANDS}")`)
    .option('--bands-file <file>', 'per-group band schemes: group, band, min, op')
    .option('--previous <file>', 'an earlier JSON result or a table with unit, rank, index')
    .addOption(
      choice('--lang <lang>', 'language of messages and reports (default vi, env CCHC_LANG)', ['vi', 'en']),
    )
    .option('--strict', 'warnings fail the run (exit 1)')
    .option('--config <file>', 'settings file (default ./cchc.config.json when present)')
    .option('--sheet <name|n>', 'sheet of the --scores workbooks, by name or 1-based index')
    .addOption(choice('--layout <layout>', 'force the scores layout', ['long', 'wide', 'form']))
    .option('--max-rows <n>', 'refuse sheets with more rows (default 2000000)')
    .option('--max-inflated-bytes <n>', 'refuse xlsx files that inflate to more (default 536870912)')
    .option('--diagnostics <file>', 'also write the diagnostics to a file (.csv, .json, .xlsx)')
    .option('--no-color', 'no colours in the terminal table');
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
  config: Config;
  lang: Lang;
  previous: string | undefined;
  diagnosticsFile: string | undefined;
}

/** Flags over config over defaults; the language also from CCHC_LANG. */
export async function resolveInputs(flags: InputFlags, io: CliIO): Promise<ResolvedInputs> {
  const config = await loadConfig(flags.config);
  const envLang = io.env.CCHC_LANG === 'en' || io.env.CCHC_LANG === 'vi' ? io.env.CCHC_LANG : undefined;
  const lang: Lang = (flags.lang as Lang | undefined) ?? config.lang ?? envLang ?? 'vi';
  const criteria = flags.criteria ?? config.criteria;
  if (!criteria)
    throw new UsageError('E_USAGE', { message: lang === 'vi' ? 'thiếu --criteria' : 'missing --criteria' });
  const scores = flags.scores ?? config.scores ?? [];
  if (scores.length === 0)
    throw new UsageError('E_USAGE', { message: lang === 'vi' ? 'thiếu --scores' : 'missing --scores' });
  const bandsText = flags.bands ?? config.bands ?? DEFAULT_BANDS;
  const bands = parseBands(bandsText);
  if (!bands.ok) throw new UsageError('E_BANDS_SPEC', { part: bands.part });
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
    strict: flags.strict ?? config.strict ?? false,
    bands: { default: bands.bands, byGroup: new Map() },
  };
  const sheet = flags.sheet ?? (config.sheet === undefined ? undefined : String(config.sheet));
  const layout = (flags.layout ?? config.layout) as Layout | undefined;
  return {
    config,
    lang,
    previous: flags.previous ?? config.previous,
    diagnosticsFile: flags.diagnostics,
    pipeline: {
      criteria,
      scores,
      survey: flags.survey ?? config.survey ?? [],
      bandsFile: flags.bandsFile ?? config.bandsFile,
      sheet,
      layout,
      settings,
      read: {
        stdin: io.stdin,
        maxRows: positiveInt(flags.maxRows ?? config.maxRows, '--max-rows'),
        maxInflatedBytes: positiveInt(
          flags.maxInflatedBytes ?? config.maxInflatedBytes,
          '--max-inflated-bytes',
        ),
      },
    },
  };
}

export const inputFiles = (p: PipelineInput): string[] =>
  [p.criteria, ...p.scores, ...p.survey, p.bandsFile].filter((f): f is string => f !== undefined);
