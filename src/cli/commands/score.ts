import { UsageError } from '../../model/errors.js';
import { type Format, formatFromPath, isFormat, RENDERERS, type RenderContext } from '../../render/index.js';
import { diagnosticRecords } from '../diagnosticsOutput.js';
import type { InputFlags } from '../inputOptions.js';
import type { CliIO } from '../io.js';
import { writeFiles } from '../outputSet.js';
import { check } from './check.js';

export interface ScoreFlags extends InputFlags {
  format?: string;
  out?: string[];
}

/** cchc score: read, check, score, then render to stdout and every -o file — or nothing when inputs have errors. */
export async function scoreCommand(flags: ScoreFlags, io: CliIO): Promise<number> {
  let format = 'table' as Format; // set in beforeRun, once the config is read
  let outs: { path: string; format: Format }[] = [];
  // Bad output paths are refused before any input is read (check() also refuses an output that is an input).
  const checked = await check('score', flags, io, true, (resolved) => {
    const wanted = flags.format ?? resolved.config.format ?? 'table';
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
    // Only the workbook and the page show leaf-by-leaf points; other formats need not keep them.
    resolved.pipeline.keepLeaves = outs.some((o) => o.format === 'xlsx' || o.format === 'html');
    return outs.map((o) => o.path);
  });
  const diagnosticsFile = checked.diagnosticsFile ? [checked.diagnosticsFile] : [];
  const { results, lang } = checked;
  if (checked.exitCode !== 0 || !results) {
    // No report is written from inputs with errors; JSON consumers still get the diagnostics as data.
    if (format === 'json') {
      const doc = {
        schema: 'cchc.diagnostics/1',
        rows: results?.rows ?? null,
        diagnostics: diagnosticRecords(checked.diagnostics, lang),
      };
      io.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
    }
    await writeFiles(diagnosticsFile);
    return checked.exitCode || 1;
  }
  const ctx = (color: boolean): RenderContext => ({
    lang,
    color,
    precision: results.settings.precision,
    stamp: checked.resolved.run.stamp,
  });
  const rendered = new Map<Format, string | Uint8Array>();
  const render = async (f: Format, color: boolean) => {
    if (color) return RENDERERS[f](results, ctx(true));
    if (!rendered.has(f)) rendered.set(f, await RENDERERS[f](results, ctx(false)));
    return rendered.get(f)!;
  };
  // Render everything before writing anything, so a failure never leaves half the reports behind.
  const files = await Promise.all(
    outs.filter((o) => o.path !== '-').map(async (o) => ({ ...o, data: await render(o.format, false) })),
  );
  const stdoutColor = checked.resolved.run.color.stdout && format === 'table';
  const toStdout =
    outs.length === 0 || outs.some((o) => o.path === '-') ? await render(format, stdoutColor) : null;
  await writeFiles([...diagnosticsFile, ...files]);
  if (toStdout !== null) io.stdout.write(toStdout);
  return checked.exitCode;
}
