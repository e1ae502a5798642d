import { mkdir } from 'node:fs/promises';
import { readStdin } from '../../convert/cleanFile.js';
import type { LegacyFontOption } from '../../convert/legacyFont.js';
import { type LoadedInput, loadInput } from '../../convert/loadInput.js';
import { progressBar } from '../../convert/progress.js';
import { formatOfPath, outputPath, selectSheets, type Table } from '../../convert/selectTables.js';
import { toLong } from '../../convert/toLong.js';
import { type OutputFormat, renderTables, type WriteOptions } from '../../convert/writeTable.js';
import { formatMessage } from '../../i18n/format.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { UsageError } from '../../model/errors.js';
import type { Lang } from '../../model/settings.js';
import { escapeControls } from '../../model/terminalText.js';
import { readCriteria } from '../../parse/readCriteria.js';
import type { Layout } from '../../parse/scoreHeader.js';
import { diagnosticLines, summaryLine } from '../diagnosticsOutput.js';
import { exitCodeFor } from '../exitCode.js';
import type { CliIO } from '../io.js';
import { guardOutputs } from '../outputGuard.js';
import { writeFiles } from '../outputSet.js';
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

interface Output {
  path: string;
  format: OutputFormat;
  tables: Table[];
}

/** cchc convert: clean (encoding, legacy fonts, number text) and reshape spreadsheets; write csv/xlsx/json. */
export async function convertCommand(files: string[], flags: ConvertFlags, io: CliIO): Promise<number> {
  const run = await resolveRun(flags, io);
  const { lang } = run;
  if (flags.out !== undefined && flags.outDir !== undefined) {
    throw new UsageError('E_USAGE', {
      message: lang === 'vi' ? 'chỉ dùng một trong -o và --out-dir' : 'use either -o or --out-dir, not both',
    });
  }
  if (flags.to === 'long' && !flags.criteria) {
    throw new UsageError('E_USAGE', {
      message: lang === 'vi' ? '--to long cần --criteria' : '--to long needs --criteria',
    });
  }
  const write: WriteOptions = {
    decimal: flags.decimal === 'comma' ? 'comma' : 'dot',
    bom: flags.bom === true,
  };
  const outDirFormat = (flags.format ?? 'csv') as OutputFormat;
  const read = { stdin: io.stdin, ...(flags.encoding ? { encoding: flags.encoding } : {}) };
  const inputs = [...files, flags.criteria, run.configFile];
  const stdin = files.includes('-') ? await readStdin(io.stdin) : null;

  const loaded: LoadedInput[] = [];
  const bar = progressBar(io.stderr, files.length);
  try {
    for (const file of files) {
      bar.tick(file);
      loaded.push(
        await loadInput(file, {
          read,
          legacyFont: (flags.legacyFont ?? 'auto') as LegacyFontOption,
          stdin: file === '-' ? stdin : null,
        }),
      );
    }
  } finally {
    bar.done();
  }

  const diagnostics: Diagnostic[] = [];
  let tables: Table[][];
  if (flags.to === 'long') {
    const groupNames = new Map<string, string>();
    const criteria = await readCriteria(flags.criteria!, { sheet: undefined, read }, groupNames);
    diagnostics.push(...criteria.diagnostics);
    if (!criteria.framework || diagnostics.some((d) => d.severity === 'error'))
      return report(diagnostics, io, lang, run);
    const groups = flags.outDir !== undefined ? loaded.map((l) => [l]) : [loaded];
    tables = [];
    for (const group of groups) {
      const long = await toLong(group, criteria.framework, groupNames, {
        sheet: flags.sheet,
        layout: flags.layout as Layout | undefined,
        read,
      });
      diagnostics.push(...long.book.diagnostics);
      tables.push([{ input: group.length === 1 ? group[0]!.file : LONG, sheet: LONG, rows: long.rows }]);
    }
  } else {
    tables = loaded.map((l) =>
      selectSheets(l.file, l.sheets, flags.sheet, flags.outDir !== undefined).map((s) => ({
        input: l.file,
        sheet: s.sheet,
        rows: s.rows,
      })),
    );
  }
  const code = report(diagnostics, io, lang, run);
  if (code !== 0) return code;

  const outputs = planOutputs(tables, flags, outDirFormat);
  guardOutputs(
    outputs.map((o) => o.path),
    inputs,
  );
  const rendered = await Promise.all(
    outputs.map(async (o) => ({ ...o, data: await renderTables(o.tables, o.format, write) })),
  );
  if (flags.outDir !== undefined) await mkdir(flags.outDir, { recursive: true });
  // An --out-dir batch is one set, as a report set is: every file is put in place, or none.
  await writeFiles(rendered.filter((o) => o.path !== '-'));
  for (const o of rendered) if (o.path === '-') io.stdout.write(o.data);
  const say = (m: Pick<Diagnostic, 'code' | 'args'>) =>
    io.stderr.write(`${escapeControls(formatMessage(m, lang))}\n`);
  for (const l of loaded) say(summary(l, outputs));
  for (const o of outputs.filter((x) => x.tables.some((t) => t.sheet === LONG))) {
    const rows = o.tables.reduce((n, t) => n + t.rows.length - 1, 0);
    say({ code: 'I_CONVERT_LONG', args: { rows, out: o.path === '-' ? 'stdout' : o.path } });
  }
  return 0;
}

function report(diagnostics: Diagnostic[], io: CliIO, lang: Lang, run: RunSettings): number {
  if (diagnostics.length === 0) return 0;
  io.stderr.write(diagnosticLines(diagnostics, lang, run.color.stderr));
  io.stderr.write(summaryLine(diagnostics, null, lang));
  return exitCodeFor(diagnostics, run.strict);
}

function planOutputs(tables: Table[][], flags: ConvertFlags, outDirFormat: OutputFormat): Output[] {
  if (flags.outDir !== undefined) {
    return tables.flatMap((perInput) =>
      perInput.map((t) => ({
        path: outputPath(flags.outDir!, t, perInput.length > 1, outDirFormat),
        format: outDirFormat,
        tables: [t],
      })),
    );
  }
  const all = tables.flat();
  const path = flags.out ?? '-';
  const format = path === '-' ? 'csv' : formatOfPath(path);
  if (format === null) throw new UsageError('E_CONVERT_FORMAT', { file: path });
  if (all.length === 0) throw new UsageError('E_CONVERT_NO_DATA', {});
  if (all.length > 1 && (format === 'csv' || format === 'tsv')) {
    throw new UsageError('E_CONVERT_MANY_TABLES', { count: all.length, file: path });
  }
  return [{ path, format, tables: all }];
}

/** The name of the long table of --to long (a sheet name, and the file name under --out-dir for many inputs). */
const LONG = 'long';

function summary(l: LoadedInput, outputs: readonly Output[]) {
  const mine = outputs.filter((o) => o.tables.some((t) => t.input === l.file || t.input === LONG));
  const plain = mine.flatMap((o) => o.tables.filter((t) => t.input === l.file && t.sheet !== LONG));
  const rows = plain.length === 0 ? undefined : plain.reduce((n, t) => n + t.rows.length, 0);
  return {
    code: 'I_CONVERT_SUMMARY',
    args: {
      file: l.file,
      out: mine.map((o) => (o.path === '-' ? 'stdout' : o.path)).join(', '),
      rows,
      legacy: l.stats.legacyCells,
      font: l.stats.font ?? undefined,
      numbers: l.stats.numbers,
      encoding: l.stats.encoding ?? undefined,
    },
  };
}
