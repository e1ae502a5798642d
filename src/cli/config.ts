import { readFile } from 'node:fs/promises';
import type * as Zod from 'zod';
import { UsageError } from '../model/errors.js';
import { nearest } from '../model/suggest.js';

/**
 * cchc.config.json: the same settings as the flags; flags given on the command line win.
 * Built on first use: zod is imported only when a config file is read, so `cchc --version` and runs
 * without a config never load it.
 */
const configSchema = (z: typeof Zod.z) =>
  z
    .object({
      criteria: z.string(),
      scores: z.array(z.string()),
      survey: z.array(z.string()),
      noSurvey: z.boolean(),
      stage: z.enum(['appraised', 'self']),
      na: z.enum(['exclude', 'full']),
      precision: z.number().int().min(0).max(6),
      bands: z.string(),
      bandsFile: z.string(),
      previous: z.string(),
      lang: z.enum(['vi', 'en']),
      strict: z.boolean(),
      format: z.enum(['table', 'json', 'csv', 'md']),
      out: z.array(z.string()),
      sheet: z.union([z.string(), z.number().int().positive()]),
      layout: z.enum(['long', 'wide', 'form']),
      maxRows: z.number().int().positive(),
      maxInflatedBytes: z.number().int().positive(),
      maxCellChars: z.number().int().positive(),
      maxSharedStrings: z.number().int().positive(),
      maxSharedChars: z.number().int().positive(),
      maxSheets: z.number().int().positive(),
      maxColumns: z.number().int().positive(),
      maxMerges: z.number().int().positive(),
      title: z.string(),
      period: z.string(),
      issuer: z.string(),
      date: z.string(),
      csvDelimiter: z.enum([',', ';']),
    })
    .partial()
    .strict();

export type Config = Zod.infer<ReturnType<typeof configSchema>>;

/** The keys a settings file may hold, for the suggestion after an unknown one. */
const KEYS = [
  'criteria',
  'scores',
  'survey',
  'noSurvey',
  'stage',
  'na',
  'precision',
  'bands',
  'bandsFile',
  'previous',
  'lang',
  'strict',
  'format',
  'out',
  'sheet',
  'layout',
  'maxRows',
  'maxInflatedBytes',
  'maxCellChars',
  'maxSharedStrings',
  'maxSharedChars',
  'maxSheets',
  'maxColumns',
  'maxMerges',
  'title',
  'period',
  'issuer',
  'date',
  'csvDelimiter',
];

/** The settings file read when --config is not given, from the working folder. */
export const DEFAULT_CONFIG = 'cchc.config.json';

/** Reads --config, or ./cchc.config.json when it exists; {} when neither. */
export async function loadConfig(path: string | undefined): Promise<Config> {
  const file = path ?? DEFAULT_CONFIG;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (path === undefined && code === 'ENOENT') return {};
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UsageError('E_FILE_NOT_FOUND', { file });
    throw new UsageError('E_FILE_UNREADABLE', { file, reason: code ?? 'EIO' });
  }
  let json: unknown;
  const body = text.replace(/^\uFEFF/, '');
  try {
    json = JSON.parse(body);
  } catch (e) {
    throw new UsageError('E_CONFIG_SYNTAX', { file, ...lineColumn(body, (e as Error).message) });
  }
  const { z } = await import('zod');
  const parsed = configSchema(z).safeParse(json);
  if (!parsed.success) throw configError(file, parsed.error.issues, json);
  return parsed.data;
}

/** Where JSON.parse stopped, as line and column (its own message is English and differs by Node version). */
function lineColumn(text: string, message: string): { line: number; column: number } {
  const at = /position (\d+)/.exec(message);
  const pos = at ? Number(at[1]) : text.length;
  const before = text.slice(0, pos).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

type Issue = Zod.core.$ZodIssue;

/** zod's first issue as a usage error of our own, in the user's language (zod's words are English). */
function configError(file: string, issues: readonly Issue[], json: unknown): UsageError {
  const issue = issues[0]!;
  const key = issue.path.map(String).join('.');
  const found = (): string => {
    let v: unknown = json;
    for (const p of issue.path) v = (v as Record<PropertyKey, unknown> | null)?.[p];
    return JSON.stringify(v) ?? '';
  };
  switch (issue.code) {
    case 'unrecognized_keys': {
      const unknown = issue.keys[0] ?? '';
      const suggestion = nearest(
        unknown.toLowerCase(),
        KEYS.map((k) => ({ key: k.toLowerCase(), label: k })),
      );
      return new UsageError('E_CONFIG_UNKNOWN_KEY', { file, key: unknown, suggestion });
    }
    case 'invalid_type':
      // The root of the file must be an object ("{ … }").
      return new UsageError('E_CONFIG_TYPE', { file, key: key || '{}', expected: issue.expected });
    case 'invalid_value':
      return new UsageError('E_CONFIG_VALUE', {
        file,
        key,
        found: found(),
        expected: issue.values.map((v) => JSON.stringify(v)).join(', '),
      });
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const op = issue.code === 'too_small' ? (issue.inclusive ? '≥' : '>') : issue.inclusive ? '≤' : '<';
      return new UsageError('E_CONFIG_VALUE', { file, key, found: found(), expected: `${op} ${bound}` });
    }
    default:
      return new UsageError('E_CONFIG_VALUE', { file, key, found: found(), expected: KEY_HINT });
  }
}

const KEY_HINT = 'README';
