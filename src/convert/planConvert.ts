import type { Diagnostic } from '../model/diagnostic.js';
import { readCriteria } from '../parse/readCriteria.js';
import type { Layout } from '../parse/scoreHeader.js';
import type { ReadOptions } from '../read/openSheets.js';
import { cleanSheets } from './cleanSheets.js';
import { outDirOutputs, type PlannedOutput, singleOutput, type TableRef } from './outputPlan.js';
import { type ConvertInput, inputTables } from './runConvert.js';
import { type LongTable, toLong } from './toLong.js';
import type { OutputFormat } from './writeTable.js';

export interface PlanOptions {
  /** -o: one output for everything ('-' is standard output). */
  out: string;
  /** --out-dir: one output per table instead. */
  outDir: string | undefined;
  /** The format of the files under --out-dir. */
  format: OutputFormat;
  sheet: string | undefined;
  /** --to long, with the framework that says which codes are leaves. */
  long: { criteria: string; layout: Layout | undefined } | undefined;
  read: ReadOptions;
}

export interface ConvertPlan {
  outputs: PlannedOutput[];
  /** --to long: each output's long table (its rows are made when written). */
  long: Map<PlannedOutput, LongTable> | null;
  diagnostics: Diagnostic[];
}

/** The name of the long table of --to long (a sheet name, and the file name under --out-dir for many inputs). */
const LONG = 'long';

/**
 * What will be written where, decided from the first pass before anything is written: a refusal (several
 * tables for one CSV, no data at all) is a UsageError now, not a half-written file later.
 */
export async function planConvert(
  inputs: ConvertInput[],
  files: readonly string[],
  options: PlanOptions,
): Promise<ConvertPlan> {
  if (options.long) return planLong(inputs, files, options, options.long);
  const found = inputTables(inputs, options.sheet);
  const failed = inputs.some((i) => i.failure || i.scan?.diagnostics.some((d) => d.severity === 'error'));
  // With nothing to write because inputs failed, their diagnostics say why: no "no data" on top.
  const outputs =
    found.tables.length === 0 && failed
      ? []
      : options.outDir !== undefined
        ? outDirOutputs(options.outDir, files, found.tables, options.format)
        : [singleOutput(options.out, found.tables)];
  return { outputs, long: null, diagnostics: found.diagnostics };
}

async function planLong(
  inputs: ConvertInput[],
  files: readonly string[],
  options: PlanOptions,
  long: NonNullable<PlanOptions['long']>,
): Promise<ConvertPlan> {
  const groupNames = new Map<string, string>();
  const criteria = await readCriteria(long.criteria, { sheet: undefined, read: options.read }, groupNames);
  const diagnostics = [...criteria.diagnostics];
  const plan: ConvertPlan = { outputs: [], long: new Map(), diagnostics };
  if (!criteria.framework || diagnostics.some((d) => d.severity === 'error')) return plan;
  for (const input of inputs) for (const d of input.scan?.diagnostics ?? []) diagnostics.push(d);
  const usable = inputs.filter((i) => i.scan && !i.failure && i.scan.diagnostics.length === 0);
  const groups = options.outDir !== undefined ? usable.map((i) => [i]) : usable.length > 0 ? [usable] : [];
  for (const group of groups) {
    const table = await toLong(
      group.map((i) => ({ file: i.file, open: () => cleanSheets(i.scan!, i.stats!) })),
      criteria.framework,
      groupNames,
      { sheet: options.sheet, layout: long.layout, read: options.read },
    );
    for (const d of table.book.diagnostics) diagnostics.push(d); // a spread of 200,000 overflows the stack
    // A long table without the rows its readers rejected would lose them silently: it is not written.
    if (table.book.diagnostics.some((d) => d.severity === 'error')) continue;
    const from = group.map((i) => inputs.indexOf(i));
    const ref: TableRef = {
      input: from[0]!,
      sheet: 0,
      name: LONG,
      width: table.width,
      height: table.height,
      from,
    };
    const output =
      options.outDir !== undefined
        ? outDirOutputs(options.outDir, files, [ref], options.format)[0]!
        : singleOutput(options.out, [ref]);
    plan.outputs.push(output);
    plan.long?.set(output, table);
  }
  return plan;
}
