import { basename, dirname, extname, join, resolve } from 'node:path';
import { UsageError } from '../model/errors.js';
import { headerKey } from '../model/normalize.js';
import type { ScannedSheet } from './scanInput.js';
import type { OutputFormat } from './writeTable.js';

/** A table to write: a sheet of an input (by its position among the inputs) under the name it goes out as. */
export interface TableRef {
  input: number;
  /** The sheet's 1-based position in its workbook (0 for a table made by --to long). */
  sheet: number;
  name: string;
  width: number;
  /** Rows, or the highest row number if higher: what an xlsx sheet must have room for. */
  height: number;
  /** A --to long table: the inputs it was made of. */
  from?: readonly number[];
}

export interface PlannedOutput {
  /** A file path, or '-' for standard output. */
  path: string;
  format: OutputFormat;
  tables: TableRef[];
}

/**
 * Which sheets of one input are converted: `--sheet` (name or 1-based index, the name as read or as
 * cleaned; missing is a usage error, never a fallback), else every sheet that holds data, hidden ones too
 * (nothing is dropped without a word: empty sheets are named in an info by the caller).
 */
export function selectSheets(
  file: string,
  sheets: readonly ScannedSheet[],
  names: readonly string[],
  wanted: string | undefined,
): ScannedSheet[] {
  if (wanted === undefined) return sheets.filter((s) => s.hasData);
  const byIndex = /^\d+$/.test(wanted.trim());
  const key = headerKey(wanted);
  const found = sheets.find((s, i) =>
    byIndex ? s.index === Number(wanted) : headerKey(s.name) === key || headerKey(names[i] ?? '') === key,
  );
  if (!found) {
    throw new UsageError('E_SHEET_NOT_FOUND', { file, sheet: wanted, available: names.join(', ') });
  }
  return [found];
}

/**
 * `-o FILE` (or standard output): every table in one file. A CSV or TSV holds one table, so several are
 * refused before anything is written, pointing at --sheet, --out-dir, or an .xlsx or .json output.
 */
export function singleOutput(path: string, tables: TableRef[]): PlannedOutput {
  const format = path === '-' ? 'csv' : formatOfPath(path);
  if (format === null) throw new UsageError('E_CONVERT_FORMAT', { file: path });
  if (tables.length === 0) throw new UsageError('E_CONVERT_NO_DATA', {});
  if (tables.length > 1 && (format === 'csv' || format === 'tsv')) {
    throw new UsageError('E_CONVERT_MANY_TABLES', { count: tables.length, file: path });
  }
  return checked({ path, format, tables });
}

/** Excel's last row: a taller table cannot go into an xlsx sheet. */
export const XLSX_MAX_ROWS = 1_048_576;

/** Refuses, before anything is written, an xlsx output with a table taller than a sheet. */
function checked(output: PlannedOutput): PlannedOutput {
  const tall = output.format === 'xlsx' ? output.tables.find((t) => t.height > XLSX_MAX_ROWS) : undefined;
  if (tall) {
    throw new UsageError('E_CONVERT_XLSX_ROWS', {
      sheet: tall.name,
      rows: tall.height,
      limit: XLSX_MAX_ROWS,
      file: output.path,
    });
  }
  return output;
}

/**
 * `--out-dir DIR`: one file per table, named after its input (and its sheet when the input has several
 * tables). No output ever overwrites another of the same run:
 * - inputs with the same file name from different folders (huyen-a/xa.xlsx, huyen-b/xa.xlsx) are told
 *   apart by their folder's name: "xa (huyen-a).csv", "xa (huyen-b).csv";
 * - any name still taken (the same file given twice, names that differ only in characters a file name
 *   cannot hold, or only in case, which Windows and macOS do not tell apart) gets " (2)", " (3)" ….
 */
export function outDirOutputs(
  dir: string,
  files: readonly string[],
  tables: readonly TableRef[],
  format: OutputFormat,
): PlannedOutput[] {
  const labels = inputLabels(files);
  const perInput = new Map<number, number>();
  for (const t of tables) perInput.set(t.input, (perInput.get(t.input) ?? 0) + 1);
  const taken = new Set<string>();
  return tables.map((t) => {
    const label = labels[t.input] ?? 'stdin';
    const base = safeFileName((perInput.get(t.input) ?? 0) > 1 ? `${label} - ${t.name}` : label);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} (${n})`;
    taken.add(name.toLowerCase());
    return checked({ path: join(dir, `${name}.${format}`), format, tables: [t] });
  });
}

/** Each input's base name, with its folder's name added where another input has the same base name. */
function inputLabels(files: readonly string[]): string[] {
  const base = (f: string) => (f === '-' ? 'stdin' : basename(f, extname(f)));
  const folder = (f: string) => (f === '-' ? '' : basename(dirname(resolve(f))));
  const paths = new Map<string, Set<string>>();
  for (const f of files) {
    const key = base(f).toLowerCase();
    if (!paths.has(key)) paths.set(key, new Set());
    paths.get(key)!.add(f === '-' ? '-' : resolve(f));
  }
  return files.map((f) => {
    const shared = (paths.get(base(f).toLowerCase())?.size ?? 0) > 1;
    return shared && folder(f) !== '' ? `${base(f)} (${folder(f)})` : base(f);
  });
}

/** Characters no file name may hold on Windows, Linux or macOS (and controls) become '_'. */
function safeFileName(name: string): string {
  const safe = [...name]
    .map((c) => (c.charCodeAt(0) < 0x20 || '/\\:*?"<>|'.includes(c) ? '_' : c))
    .join('')
    .trim();
  return safe === '' || safe === '.' || safe === '..' ? '_' : safe;
}

/** Output format from a file name's extension, or null. */
export function formatOfPath(path: string): OutputFormat | null {
  const ext = extname(path).toLowerCase().slice(1);
  return ext === 'csv' || ext === 'tsv' || ext === 'xlsx' || ext === 'json'
    ? ext
    : ext === 'txt'
      ? 'tsv'
      : null;
}
