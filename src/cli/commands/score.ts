import { formatMessage } from '../../i18n/format.js';
import { UsageError } from '../../model/errors.js';
import type { Results } from '../../model/results.js';
import {
  type Format,
  formatFromPath,
  isFormat,
  RENDERERS,
  type RenderContext,
  type Rendered,
} from '../../render/index.js';
import { diagnosticRecords } from '../diagnosticsOutput.js';
import type { InputFlags } from '../inputOptions.js';
import type { CliIO } from '../io.js';
import { type ReportFlags, reportInfo } from '../runSettings.js';
import { type Checked, check, writeNamed } from './check.js';

export interface ScoreFlags extends InputFlags, ReportFlags {
  format?: string;
  out?: string[];
  csvDelimiter?: string;
}

interface Output {
  path: string;
  format: Format;
}

/**
 * cchc score: read, check, score, then render to stdout and every -o file — or nothing when inputs have
 * errors. stdout gets the table (or --format) when no -o is given, with `-o -`, and whenever --format is
 * given: -o never silences an explicit --format. Every file written is named on stderr.
 */
export async function scoreCommand(flags: ScoreFlags, io: CliIO): Promise<number> {
  let format = 'table' as Format; // set in beforeRun, once the config is read
  let toStdout = true;
  let outs: Output[] = [];
  // Bad output paths and a bad --date are refused before any input is read (check() also refuses an
  // output that is an input).
  const checked = await check('score', flags, io, true, (resolved) => {
    const explicit = flags.format ?? resolved.config.format;
    const wanted = explicit ?? 'table';
    if (!isFormat(wanted) || wanted === 'xlsx' || wanted === 'html') {
      throw new UsageError('E_OPTION_VALUE', {
        option: '--format',
        found: wanted,
        expected: 'table, json, csv, md',
      });
    }
    format = wanted;
    outs = (flags.out ?? resolved.config.out ?? []).map((path) => {
      const f = path === '-' ? format : formatFromPath(path);
      if (f === null || !isFormat(f)) throw new UsageError('E_OUTPUT_FORMAT', { file: path });
      return { path, format: f };
    });
    toStdout = outs.length === 0 || explicit !== undefined || outs.some((o) => o.path === '-');
    reportInfo(flags, resolved.config, io.env); // a bad --date is a usage error now, not after scoring
    // Only the workbook and the page show leaf-by-leaf points; other formats need not keep them.
    resolved.pipeline.keepLeaves = outs.some((o) => o.format === 'xlsx' || o.format === 'html');
    return outs.map((o) => o.path);
  });
  const diagnosticsFile = checked.diagnosticsFile ? [checked.diagnosticsFile] : [];
  const { results, lang } = checked;
  if (checked.exitCode !== 0 || !results) {
    // No report is written from inputs with errors; JSON consumers still get the diagnostics as data.
    if (format === 'json' && toStdout) {
      const doc = {
        schema: 'cchc.diagnostics/1',
        rows: results?.rows ?? null,
        diagnostics: diagnosticRecords(checked.diagnostics, lang),
      };
      io.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
    }
    await writeNamed(diagnosticsFile, io, lang);
    io.stderr.write(`${formatMessage(notWritten(checked), lang)}\n`);
    return checked.exitCode || 1;
  }
  const base = renderContext(flags, checked, results, io);
  const rendered = new Map<Format, Rendered>();
  const render = async (f: Format, color: boolean) => {
    if (color) return RENDERERS[f](results, { ...base, color: true });
    if (!rendered.has(f)) rendered.set(f, await RENDERERS[f](results, base));
    return rendered.get(f)!;
  };
  // Render everything before writing anything, so a failure never leaves half the reports behind.
  const files = await Promise.all(
    outs
      .filter((o) => o.path !== '-')
      .map(async (o) => {
        const data = await render(o.format, false);
        // Excel reads a .csv as UTF-8 only when it starts with a byte order mark; a pipe wants none.
        return { ...o, data: o.format === 'csv' ? `\uFEFF${data as string}` : data };
      }),
  );
  const stdout = toStdout
    ? await render(format, format === 'table' && checked.resolved.run.color.stdout)
    : null;
  await writeNamed([...diagnosticsFile, ...files], io, lang);
  if (stdout !== null) for (const piece of Array.isArray(stdout) ? stdout : [stdout]) io.stdout.write(piece);
  return checked.exitCode;
}

function renderContext(flags: ScoreFlags, checked: Checked, results: Results, io: CliIO): RenderContext {
  const { run, config, noSurvey } = checked.resolved;
  const delimiter = flags.csvDelimiter ?? config.csvDelimiter;
  return {
    lang: checked.lang,
    color: false,
    precision: results.settings.precision,
    report: reportInfo(flags, config, io.env),
    stamp: run.stamp,
    csvDelimiter: delimiter === ';' ? ';' : ',',
    noSurvey,
  };
}

/** Why no report was written: the inputs' errors, or warnings that --strict counts as errors. */
function notWritten(checked: Checked) {
  const count = (s: string) => checked.diagnostics.filter((d) => d.severity === s).length;
  const errors = count('error');
  return errors > 0 || !checked.results
    ? { code: 'I_NO_REPORT_ERRORS', args: { errors } }
    : { code: 'I_NO_REPORT_STRICT', args: { warnings: count('warning') } };
}
