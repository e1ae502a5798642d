import { type Diagnostic, diag } from '../model/diagnostic.js';
import { UsageError } from '../model/errors.js';
import type { ReadOptions } from '../read/openSheets.js';
import { type CleanStats, cleanSheets, cleanStats } from './cleanSheets.js';
import { inputEncoding, inputSource } from './inputSource.js';
import type { LegacyFontOption } from './legacyFont.js';
import { type PlannedOutput, selectSheets, type TableRef } from './outputPlan.js';
import { type InputScan, scanInput } from './scanInput.js';
import type { LongTable } from './toLong.js';
import { type ByteSink, type TableWriter, tableWriter, type WriteOptions } from './writeTable.js';

/** One input after the first pass: read (scan, and the cleaning it will get) or failed with a reason. */
export interface ConvertInput {
  file: string;
  scan: InputScan | null;
  stats: CleanStats | null;
  /** Why the input cannot be converted (unreadable, damaged, no such sheet); the others still are. */
  failure: UsageError | null;
}

export interface ScanOptions {
  read: ReadOptions;
  legacyFont: LegacyFontOption;
  /** Standard input's bytes when an input is '-'. */
  stdin: Buffer | null;
  /** Called as each input starts (a progress bar). */
  onInput?: (file: string) => void;
  /** Rows the first pass keeps for the second (CACHE_ROWS). */
  cacheRows?: number;
}

/**
 * The first pass over every input (scanInput). An input that cannot be read is kept as a failure, not
 * thrown: one damaged file in a batch does not stop the others (docs/commands.md, cchc convert).
 */
export async function scanInputs(files: readonly string[], options: ScanOptions): Promise<ConvertInput[]> {
  const inputs: ConvertInput[] = [];
  for (const file of files) {
    options.onInput?.(file);
    try {
      const encoding = await inputEncoding(file, options.stdin, options.read.encoding);
      const source = inputSource(file, options.read, options.stdin, encoding === null);
      const scan = await scanInput(source, encoding, options.legacyFont, options.cacheRows);
      inputs.push({ file, scan, stats: cleanStats(scan, options.legacyFont), failure: null });
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      inputs.push({ file, scan: null, stats: null, failure: e });
    }
  }
  return inputs;
}

/** An input's failure as a diagnostic (the message names the file). */
export const failureDiagnostic = (e: UsageError): Diagnostic => diag(e.code, 'error', {}, e.args);

/**
 * The tables of every usable input, in input then sheet order, and an info for each empty sheet left out.
 * An input whose --sheet is missing becomes a failure; one with a formula lacking its value is left out
 * (its diagnostics say where).
 */
export function inputTables(
  inputs: ConvertInput[],
  wantedSheet: string | undefined,
): { tables: TableRef[]; diagnostics: Diagnostic[] } {
  const tables: TableRef[] = [];
  const diagnostics: Diagnostic[] = [];
  inputs.forEach((input, i) => {
    const { scan, stats } = input;
    if (!scan || !stats) return;
    for (const d of scan.diagnostics) diagnostics.push(d); // a spread of 200,000 overflows the stack
    if (scan.diagnostics.some((d) => d.severity === 'error')) return;
    const names = scan.sheets.map((s) => stats.legacy.sheetName(s.name));
    let chosen: typeof scan.sheets;
    try {
      chosen = selectSheets(input.file, scan.sheets, names, wantedSheet);
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      input.failure = e;
      return;
    }
    scan.sheets.forEach((s, k) => {
      if (chosen.includes(s)) {
        const height = Math.max(s.rows, s.lastRow);
        tables.push({ input: i, sheet: s.index, name: names[k]!, width: s.width, height });
      } else if (wantedSheet === undefined) {
        diagnostics.push(diag('I_CONVERT_SHEET_EMPTY', 'info', { file: input.file, sheet: names[k]! }));
      }
    });
  });
  return { tables, diagnostics };
}

/** An output being written: its bytes' destination, closed once its last table is in. */
export interface OutputSink extends ByteSink {
  close(): Promise<void>;
}

/**
 * The second pass: every input's sheets read again in order, cleaned as they stream (cleanSheets), each
 * planned table written to its output as its rows go by. An output ends as soon as its last table is in,
 * so at most one xlsx is held (compressed) at a time. Returns the rows written per table.
 */
export async function writeOutputs(
  inputs: readonly ConvertInput[],
  outputs: readonly PlannedOutput[],
  open: (output: PlannedOutput) => Promise<OutputSink>,
  options: WriteOptions,
): Promise<Map<TableRef, number>> {
  const target = new Map<string, { output: PlannedOutput; table: TableRef }>();
  const remaining = new Map<PlannedOutput, number>();
  for (const output of outputs) {
    remaining.set(output, output.tables.length);
    for (const table of output.tables) target.set(`${table.input}:${table.sheet}`, { output, table });
  }
  const opened = new Map<PlannedOutput, { sink: OutputSink; writer: TableWriter }>();
  const rows = new Map<TableRef, number>();
  for (const [i, input] of inputs.entries()) {
    if (!input.scan || !input.stats || !outputs.some((o) => o.tables.some((t) => t.input === i))) continue;
    for await (const sheet of cleanSheets(input.scan, input.stats)) {
      const found = target.get(`${i}:${sheet.index}`);
      if (!found) continue;
      const { output, table } = found;
      let current = opened.get(output);
      if (!current) {
        const sink = await open(output);
        current = { sink, writer: tableWriter(output.format, sink, options) };
        opened.set(output, current);
      }
      current.writer.table(table.name, table.width);
      let n = 0;
      for await (const row of sheet.rows()) {
        await current.writer.row(row);
        n++;
      }
      rows.set(table, n);
      const left = (remaining.get(output) ?? 1) - 1;
      remaining.set(output, left);
      if (left === 0) {
        await current.writer.end();
        await current.sink.close();
        opened.delete(output);
      }
    }
    const missed = outputs.some((o) => o.tables.some((t) => t.input === i && !rows.has(t)));
    if (missed) throw new UsageError('E_FILE_UNREADABLE', { file: input.file, reason: 'changed-while-read' });
  }
  return rows;
}

/** --to long: each long table to its output (one table per output). Rows counted without the header. */
export async function writeLong(
  tables: Map<PlannedOutput, LongTable>,
  open: (o: PlannedOutput) => Promise<OutputSink>,
  options: WriteOptions,
): Promise<Map<TableRef, number>> {
  const rows = new Map<TableRef, number>();
  for (const [output, table] of tables) {
    const sink = await open(output);
    const writer = tableWriter(output.format, sink, options);
    const ref = output.tables[0]!;
    writer.table(ref.name, table.width);
    let n = 0;
    for (const row of table.rows()) {
      await writer.row(row);
      n++;
    }
    await writer.end();
    await sink.close();
    rows.set(ref, n - 1); // the header is not a row of data
  }
  return rows;
}
