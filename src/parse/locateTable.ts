import type { CellValue, RawRow, SheetSource } from '../model/cell.js';
import { type Diagnostic, diag } from '../model/diagnostic.js';
import { UsageError } from '../model/errors.js';
import { openSheets, type ReadOptions } from '../read/openSheets.js';
import type { ExpectedColumns } from './headers.js';
import { headerKey } from './normalize.js';

/** Title rows above the header row that we look through before giving up on a sheet. */
const HEADER_SCAN_ROWS = 60;

export interface TableAt<T> {
  file: string;
  sheet: string;
  headerRow: number;
  header: T;
  /** The rows after the header row, streamed. */
  rows: AsyncIterable<RawRow>;
}

export interface LocateOptions {
  /** --sheet: a name or a 1-based index. A missing sheet is a usage error, never a fallback. */
  sheet?: string | undefined;
  read: ReadOptions;
}

function sheetMatches(s: SheetSource, wanted: string): boolean {
  if (/^\d+$/.test(wanted.trim())) return s.index === Number(wanted);
  return headerKey(s.sheet) === headerKey(wanted);
}

/**
 * Finds the sheet and the header row (the first row `detect` accepts), then hands the remaining rows to
 * `visit` while the file is still streaming. Returns diagnostics for what could not be found.
 */
export async function locateTable<T>(
  file: string,
  options: LocateOptions,
  detect: (cells: CellValue[]) => T | null,
  expected: ExpectedColumns,
  visit: (table: TableAt<T>) => Promise<void>,
): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  const names: string[] = [];
  let scannedWanted = false;
  for await (const sheet of openSheets(file, options.read)) {
    names.push(sheet.sheet);
    if (options.sheet !== undefined && !sheetMatches(sheet, options.sheet)) continue;
    if (options.sheet === undefined && sheet.hidden) {
      diagnostics.push(diag('I_HIDDEN_SHEET_SKIPPED', 'info', { file, sheet: sheet.sheet }));
      continue;
    }
    scannedWanted = true;
    const it = sheet.rows()[Symbol.asyncIterator]();
    for (let scanned = 0; scanned < HEADER_SCAN_ROWS; scanned++) {
      const next = await it.next();
      if (next.done) break;
      const header = detect(next.value.cells);
      if (header === null) continue;
      await visit({
        file,
        sheet: sheet.sheet,
        headerRow: next.value.row,
        header,
        rows: { [Symbol.asyncIterator]: () => it },
      });
      return diagnostics;
    }
    if (options.sheet !== undefined) break;
  }
  if (options.sheet !== undefined && !scannedWanted) {
    throw new UsageError('E_SHEET_NOT_FOUND', { file, sheet: options.sheet, available: names.join(', ') });
  }
  diagnostics.push(
    diag(
      'E_NO_HEADER',
      'error',
      { file, ...(options.sheet !== undefined ? { sheet: options.sheet } : {}) },
      { expected: expected.vi, expectedEn: expected.en },
    ),
  );
  return diagnostics;
}
