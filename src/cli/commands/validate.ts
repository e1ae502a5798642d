import { UsageError } from '../../model/errors.js';
import { diagnosticLines, diagnosticRecords, summaryLine } from '../diagnosticsOutput.js';
import type { InputFlags } from '../inputOptions.js';
import type { CliIO } from '../io.js';
import { check, writeNamed } from './check.js';

/** cchc validate: the same reading and checking as score; prints only the diagnostics, to stdout. */
export async function validateCommand(flags: InputFlags & { format?: string }, io: CliIO): Promise<number> {
  const format = flags.format ?? 'table';
  if (format !== 'table' && format !== 'json') {
    throw new UsageError('E_OPTION_VALUE', { option: '--format', found: format, expected: 'table, json' });
  }
  const checked = await check('validate', flags, io, false, (resolved) => {
    resolved.pipeline.keepLeaves = false;
    return [];
  });
  if (checked.diagnosticsFile) await writeNamed([checked.diagnosticsFile], io, checked.lang);
  const { diagnostics, lang } = checked;
  const rows = checked.results?.rows ?? null;
  if (format === 'json') {
    const doc = { schema: 'cchc.diagnostics/1', rows, diagnostics: diagnosticRecords(diagnostics, lang) };
    io.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    io.stdout.write(diagnosticLines(diagnostics, lang, checked.resolved.run.color.stdout));
    io.stdout.write(summaryLine(diagnostics, rows, lang));
  }
  return checked.exitCode;
}
