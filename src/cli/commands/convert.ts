import { once } from 'node:events';
import { mkdir } from 'node:fs/promises';
import { summaryLines } from '../../convert/convertSummary.js';
import { readStdin } from '../../convert/inputSource.js';
import type { LegacyFontOption } from '../../convert/legacyFont.js';
import type { PlannedOutput, TableRef } from '../../convert/outputPlan.js';
import { planConvert } from '../../convert/planConvert.js';
import { progressBar } from '../../convert/progress.js';
import {
  type ConvertInput,
  failureDiagnostic,
  type OutputSink,
  scanInputs,
  writeLong,
  writeOutputs,
} from '../../convert/runConvert.js';
import type { OutputFormat, WriteOptions } from '../../convert/writeTable.js';
import { formatMessage } from '../../i18n/format.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { UsageError } from '../../model/errors.js';
import type { Lang } from '../../model/settings.js';
import { escapeControls } from '../../model/terminalText.js';
import type { Layout } from '../../parse/scoreHeader.js';
import { diagnosticLines, summaryLine } from '../diagnosticsOutput.js';
import { EXIT, exitCodeFor } from '../exitCode.js';
import type { CliIO } from '../io.js';
import { guardOutputs } from '../outputGuard.js';
import { OutputSet } from '../outputSet.js';
import { type RunSettings, resolveRun } from '../runSettings.js';
import type { SharedFlags } from '../sharedOptions.js';

export interface ConvertFlags extends SharedFlags {
  out?: string;
  outDir?: string;
  format?: string;
  sheet?: string;
  to?: string;
  criteria?: string;
  layout?: string;
  decimal?: string;
  encoding?: string;
  legacyFont?: string;
  bom?: boolean;
}

/**
 * cchc convert: clean (encoding, legacy fonts, number text) and reshape spreadsheets; write csv/xlsx/json.
 * Every input is read once to plan (runConvert.ts), then again to write, row by row; an input that cannot
 * be converted is reported and the others still are (exit 1); outputs are renamed into place together.
 */
export async function convertCommand(files: string[], flags: ConvertFlags, io: CliIO): Promise<number> {
  const run = await resolveRun(flags, io);
  const { lang } = run;
  if (flags.out !== undefined && flags.outDir !== undefined) {
    throw new UsageError('E_OPTIONS_EXCLUSIVE', { first: '-o', second: '--out-dir', help: 'cchc convert' });
  }
  if (flags.to === 'long' && !flags.criteria) {
    throw new UsageError('E_OPTION_REQUIRES', {
      option: '--to long',
      needs: '--criteria',
      help: 'cchc convert',
    });
  }
  const write: WriteOptions = {
    decimal: flags.decimal === 'comma' ? 'comma' : 'dot',
    bom: flags.bom === true,
    date: run.stamp,
  };
  const read = { stdin: io.stdin, ...(flags.encoding ? { encoding: flags.encoding } : {}) };
  const stdin = files.includes('-') ? await readStdin(io.stdin) : null;
  const legacyFont = (flags.legacyFont ?? 'auto') as LegacyFontOption;

  const bar = progressBar(io.stderr, files.length);
  let inputs: ConvertInput[];
  try {
    inputs = await scanInputs(files, { read, legacyFont, stdin, onInput: (f) => bar.tick(f) });
  } finally {
    bar.done();
  }

  const plan = await planConvert(inputs, files, {
    out: flags.out ?? '-',
    outDir: flags.outDir,
    format: (flags.format ?? 'csv') as OutputFormat,
    sheet: flags.sheet,
    long:
      flags.to === 'long'
        ? { criteria: flags.criteria!, layout: flags.layout as Layout | undefined }
        : undefined,
    read,
  });
  const { outputs, long, diagnostics } = plan;

  // Every output is checked before any is written; the files are one set, put in place together or not at all.
  guardOutputs(
    outputs.flatMap((o) => (o.path === '-' ? [] : [o.path])),
    [...files, flags.criteria, run.configFile],
  );
  if (flags.outDir !== undefined && outputs.length > 0) await mkdir(flags.outDir, { recursive: true });
  const set = new OutputSet();
  const open = async (o: PlannedOutput): Promise<OutputSink> =>
    o.path === '-' ? stdoutSink(io.stdout) : set.open(o.path);
  let rows: Map<TableRef, number>;
  try {
    rows = long ? await writeLong(long, open, write) : await writeOutputs(inputs, outputs, open, write);
    await set.commit();
  } catch (e) {
    set.abort();
    throw e;
  }
  const code = finish(diagnostics, inputs, io, lang, run);
  for (const line of summaryLines(inputs, outputs, rows)) {
    io.stderr.write(`${escapeControls(formatMessage(line, lang))}\n`);
  }
  return code;
}

function stdoutSink(out: NodeJS.WritableStream): OutputSink {
  return {
    async write(chunk) {
      if (!out.write(chunk)) await once(out, 'drain');
    },
    async close() {},
  };
}

/**
 * Prints the diagnostics and the inputs that could not be converted; the exit code. When no input could
 * be read at all, that is a usage error (exit 2), and a single input's says so as any command would.
 */
function finish(
  diagnostics: readonly Diagnostic[],
  inputs: readonly ConvertInput[],
  io: CliIO,
  lang: Lang,
  run: RunSettings,
): number {
  const failures = inputs.flatMap((i) => (i.failure ? [i.failure] : []));
  if (failures.length === inputs.length && failures.length === 1 && diagnostics.length === 0) {
    throw failures[0];
  }
  const all = [...failures.map(failureDiagnostic), ...diagnostics];
  if (all.length > 0) {
    io.stderr.write(diagnosticLines(all, lang, run.color.stderr));
    io.stderr.write(summaryLine(all, null, lang));
  }
  if (failures.length > 0 && failures.length === inputs.length) return EXIT.usage;
  return exitCodeFor(all, run.strict);
}
