import { UsageError } from '../../model/errors.js';
import type { Layout } from '../../parse/scoreHeader.js';
import { inspectInputs } from '../../pipeline/inspectInputs.js';
import { renderInspect } from '../../render/inspect.js';
import { inspectDocument } from '../../render/inspectJson.js';
import { diagnosticLines, diagnosticRecords, summaryLine } from '../diagnosticsOutput.js';
import { exitCodeFor } from '../exitCode.js';
import { type InputFlags, limitsOf } from '../inputOptions.js';
import type { CliIO } from '../io.js';
import { resolveRun } from '../runSettings.js';

export interface InspectFlags extends InputFlags {
  format?: string;
}

/**
 * cchc inspect FILE...: how each input is read — every sheet (read, skipped or refused, and why), its header
 * rows, what each column is read as, the units found and the rows read — without scoring. With --criteria
 * the codes are checked too. What a clerk runs when a district's file is refused.
 */
export async function inspectCommand(files: string[], flags: InspectFlags, io: CliIO): Promise<number> {
  const run = await resolveRun(flags, io);
  const { lang, config } = run;
  const survey = flags.survey === false ? [] : (flags.survey ?? []);
  if (files.length === 0 && survey.length === 0 && flags.criteria === undefined)
    throw new UsageError('E_MISSING_ARGUMENT', {
      command: 'cchc inspect',
      argument: '<files...>',
      help: 'cchc inspect',
    });
  const out = await inspectInputs({
    scores: files,
    survey,
    criteria: flags.criteria,
    sheet: flags.sheet,
    layout: flags.layout as Layout | undefined,
    read: { stdin: io.stdin, ...limitsOf(flags, config) },
  });
  const { ledger, diagnostics, checked } = out;
  if (flags.format === 'json') {
    const doc = inspectDocument(ledger, checked, diagnosticRecords(diagnostics, lang));
    io.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    io.stdout.write(renderInspect(ledger, lang, checked));
    if (diagnostics.length > 0) {
      io.stdout.write('\n');
      io.stdout.write(diagnosticLines(diagnostics, lang, run.color.stdout));
    }
    io.stdout.write(summaryLine(diagnostics, null, lang));
  }
  return exitCodeFor(diagnostics, run.strict);
}
