import { buildTrace } from '../../explain/buildTrace.js';
import { findUnit } from '../../explain/findUnit.js';
import { renderTraceTable } from '../../explain/renderTrace.js';
import { renderTraceJson } from '../../explain/traceJson.js';
import { UsageError } from '../../model/errors.js';
import type { InputFlags } from '../inputOptions.js';
import type { CliIO } from '../io.js';
import { check, writeNamed } from './check.js';

export interface ExplainFlags extends InputFlags {
  unit: string;
  format?: string;
}

/**
 * cchc explain --unit NAME: one unit's trace, leaf by leaf. Diagnostics go to stderr as for score; an
 * unknown unit is a usage error (exit 2) with the nearest name; inputs with errors print no trace (exit 1).
 */
export async function explainCommand(flags: ExplainFlags, io: CliIO): Promise<number> {
  const format = flags.format ?? 'table';
  if (format !== 'table' && format !== 'json') {
    throw new UsageError('E_OPTION_VALUE', { option: '--format', found: format, expected: 'table, json' });
  }
  const checked = await check('explain', flags, io, true);
  if (checked.diagnosticsFile) await writeNamed([checked.diagnosticsFile], io, checked.lang);
  const { results, framework, lang } = checked;
  if (!results || !framework) return checked.exitCode || 1;
  // A misspelt --unit is reported even when the inputs have errors: it is the command line that is wrong.
  const unit = findUnit(results, flags.unit);
  if (checked.exitCode !== 0) return checked.exitCode;
  const trace = buildTrace(results, framework, unit);
  if (format === 'json') {
    io.stdout.write(renderTraceJson(trace));
  } else {
    io.stdout.write(renderTraceTable(trace, { lang, color: checked.resolved.run.color.stdout }));
  }
  return 0;
}
