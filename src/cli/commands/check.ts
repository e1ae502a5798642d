import { formatMessage } from '../../i18n/format.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { Framework } from '../../model/framework.js';
import type { Results } from '../../model/results.js';
import type { Lang } from '../../model/settings.js';
import { escapeControls } from '../../model/terminalText.js';
import { applyPrevious } from '../../pipeline/applyPrevious.js';
import { runPipeline } from '../../pipeline/runPipeline.js';
import { diagnosticLines, diagnosticsFile, diagnosticsFormat, summaryLine } from '../diagnosticsOutput.js';
import { exitCodeFor } from '../exitCode.js';
import { type InputFlags, inputPaths, type ResolvedInputs, resolveInputs } from '../inputOptions.js';
import type { CliIO } from '../io.js';
import { guardOutputs } from '../outputGuard.js';
import { type OutputFile, writeFiles } from '../outputSet.js';

export interface Checked {
  resolved: ResolvedInputs;
  results: Results | null;
  /** The criteria tree the results were computed from (explain walks it); null when unreadable. */
  framework: Framework | null;
  diagnostics: Diagnostic[];
  /** The --diagnostics file, rendered: the command writes it in one set with its reports. */
  diagnosticsFile: OutputFile | null;
  /** 0 when the results may be published, else 1. */
  exitCode: number;
  lang: Lang;
  color: boolean;
}

/**
 * What score, validate and explain share: resolve the options, run the pipeline, apply --previous, render
 * --diagnostics, and print the diagnostics to stderr (or nowhere when the caller prints them itself).
 * `beforeRun` checks what can be refused before any work is done and returns the command's output files:
 * with --diagnostics, none may be an input or another output (guardOutputs).
 */
export async function check(
  command: 'score' | 'validate' | 'explain',
  flags: InputFlags,
  io: CliIO,
  printDiagnostics: boolean,
  beforeRun: (resolved: ResolvedInputs) => readonly string[] | undefined = () => undefined,
): Promise<Checked> {
  const resolved = await resolveInputs(flags, io, command);
  const { lang } = resolved;
  if (resolved.diagnosticsFile) diagnosticsFormat(resolved.diagnosticsFile);
  const outputs = beforeRun(resolved) ?? [];
  const diagnosticsPath = resolved.diagnosticsFile === undefined ? [] : [resolved.diagnosticsFile];
  guardOutputs([...diagnosticsPath, ...outputs], inputPaths(resolved));
  const out = await runPipeline(resolved.pipeline);
  let diagnostics = out.diagnostics;
  if (out.results && resolved.previous) {
    await applyPrevious(out.results, resolved.previous, { read: resolved.pipeline.read });
    diagnostics = out.results.diagnostics;
  }
  const rows = out.results?.rows ?? null;
  const color = resolved.run.color.stderr;
  if (printDiagnostics && diagnostics.length > 0) {
    io.stderr.write(diagnosticLines(diagnostics, lang, color));
    io.stderr.write(summaryLine(diagnostics, rows, lang));
  }
  const file = resolved.diagnosticsFile
    ? await diagnosticsFile(resolved.diagnosticsFile, diagnostics, rows, lang, resolved.run.stamp)
    : null;
  return {
    resolved,
    results: out.results,
    framework: out.framework,
    diagnostics,
    diagnosticsFile: file,
    exitCode: exitCodeFor(diagnostics, resolved.pipeline.settings.strict),
    lang,
    color,
  };
}

/**
 * Writes the files as one set (all or nothing, outputSet.ts), then names each on stderr: the --diagnostics
 * file, and every report with its format.
 */
export async function writeNamed(
  files: readonly (OutputFile & { format?: string })[],
  io: CliIO,
  lang: Lang,
): Promise<void> {
  await writeFiles(files);
  for (const f of files) {
    const message =
      f.format === undefined
        ? { code: 'I_DIAGNOSTICS_WRITTEN', args: { file: f.path } }
        : { code: 'I_REPORT_WRITTEN', args: { file: f.path, format: f.format } };
    io.stderr.write(`${escapeControls(formatMessage(message, lang))}\n`);
  }
}
