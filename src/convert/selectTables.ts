import { basename, extname, join } from 'node:path';
import type { RawRow } from '../model/cell.js';
import { UsageError } from '../model/errors.js';
import { headerKey, isBlank } from '../model/normalize.js';
import type { Sheet } from './cleanFile.js';
import type { OutputFormat } from './writeTable.js';

/** A table to write: which input it came from, its sheet name and its rows. */
export interface Table {
  input: string;
  sheet: string;
  rows: RawRow[];
}

const hasData = (s: Sheet): boolean => s.rows.some((r) => !r.cells.every(isBlank));

/**
 * Which sheets of one input are written: `--sheet` (name or 1-based index; missing is a usage error, never
 * a fallback), else every sheet with data when each gets its own file, else the first visible one with data.
 */
export function selectSheets(
  file: string,
  sheets: readonly Sheet[],
  wanted: string | undefined,
  every: boolean,
): Sheet[] {
  if (wanted !== undefined) {
    const byIndex = /^\d+$/.test(wanted.trim());
    const found = sheets.find((s) =>
      byIndex ? s.index === Number(wanted) : headerKey(s.sheet) === headerKey(wanted),
    );
    if (!found) {
      throw new UsageError('E_SHEET_NOT_FOUND', {
        file,
        sheet: wanted,
        available: sheets.map((s) => s.sheet).join(', '),
      });
    }
    return [found];
  }
  const withData = sheets.filter(hasData);
  if (every) return withData;
  const first = withData.find((s) => !s.hidden) ?? withData[0];
  return first ? [first] : [];
}

/** A file name made of an input's base name (and sheet name when the input has several sheets). */
export function outputPath(dir: string, table: Table, several: boolean, format: OutputFormat): string {
  const base = table.input === '-' ? 'stdin' : basename(table.input, extname(table.input));
  const name = several ? `${base} - ${table.sheet}` : base;
  const safe = [...name].map((c) => (c.charCodeAt(0) < 0x20 || '/\\:*?"<>|'.includes(c) ? '_' : c)).join('');
  return join(dir, `${safe.trim()}.${format}`);
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
