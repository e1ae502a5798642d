import { readFile } from 'node:fs/promises';
import type * as Zod from 'zod';
import { UsageError } from '../model/errors.js';

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
    })
    .partial()
    .strict();

export type Config = Zod.infer<ReturnType<typeof configSchema>>;

/** Reads --config, or ./cchc.config.json when it exists; {} when neither. */
export async function loadConfig(path: string | undefined): Promise<Config> {
  const file = path ?? 'cchc.config.json';
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if (path === undefined && (e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new UsageError('E_FILE_NOT_FOUND', { file });
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UsageError('E_CONFIG_INVALID', { file, reason: (e as Error).message });
  }
  const { z } = await import('zod');
  const parsed = configSchema(z).safeParse(json);
  if (!parsed.success) {
    const reason = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new UsageError('E_CONFIG_INVALID', { file, reason });
  }
  return parsed.data;
}
