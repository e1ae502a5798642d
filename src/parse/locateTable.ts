import type { CellValue, RawRow, SheetSource } from '../model/cell.js';
import { type Diagnostic, diag } from '../model/diagnostic.js';
import { UsageError } from '../model/errors.js';
import { headerKey } from '../model/normalize.js';
import { openSheets, type ReadOptions } from '../read/openSheets.js';
import type { ExpectedColumns } from './headers.js';

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

/** A located table plus the title rows above its header ("Đơn vị: …", "Khối: …" on a per-unit form). */
export interface SheetTable<T> extends TableAt<T> {
  above: RawRow[];
}

export interface SheetsOptions extends LocateOptions {
  /** Sheets to read instead of opening `file` (convert hands over sheets it already cleaned). */
  open?: (() => AsyncIterable<SheetSource>) | undefined;
}

function sheetMatches(s: SheetSource, wanted: string): boolean {
  if (/^\d+$/.test(wanted.trim())) return s.index === Number(wanted);
  return headerKey(s.sheet) === headerKey(wanted);
}

/**
 * Finds the sheet and the header row (the first row `detect` accepts), then hands the remaining rows to
 * `visit` while the file is still streaming; returns diagnostics for what could not be found. --sheet
 * picks one sheet (missing: a usage error); otherwise hidden sheets are skipped. After the first table it
 * stops, unless `perSheet(header)` says the table is one of a series (a per-unit form): then every later
 * sheet whose header is also `perSheet` is visited too, and sheets without one are named in an info.
 */
export async function locateTables<T>(
  file: string,
  options: SheetsOptions,
  detect: (cells: CellValue[]) => T | null,
  perSheet: (header: T) => boolean,
  expected: ExpectedColumns,
  visit: (table: SheetTable<T>) => Promise<void>,
): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  const names: string[] = [];
  const skipped: string[] = [];
  let scannedWanted = false;
  let series = false;
  for await (const sheet of options.open?.() ?? openSheets(file, options.read)) {
    names.push(sheet.sheet);
    if (options.sheet !== undefined && !sheetMatches(sheet, options.sheet)) continue;
    if (options.sheet === undefined && sheet.hidden) {
      diagnostics.push(diag('I_HIDDEN_SHEET_SKIPPED', 'info', { file, sheet: sheet.sheet }));
      continue;
    }
    scannedWanted = true;
    const found = await scanSheet(sheet, detect, series ? perSheet : undefined);
    if (found === null) {
      skipped.push(sheet.sheet);
      if (options.sheet !== undefined) break;
      continue;
    }
    await visit({ file, sheet: sheet.sheet, ...found });
    if (!perSheet(found.header) || options.sheet !== undefined) return diagnostics;
    series = true;
  }
  if (options.sheet !== undefined && !scannedWanted) {
    throw new UsageError('E_SHEET_NOT_FOUND', { file, sheet: options.sheet, available: names.join(', ') });
  }
  if (series) {
    for (const sheet of skipped) diagnostics.push(diag('I_SHEET_NO_FORM', 'info', { file, sheet }));
    return diagnostics;
  }
  const where = options.sheet !== undefined ? { sheet: options.sheet } : {};
  diagnostics.push(
    diag('E_NO_HEADER', 'error', { file, ...where }, { expected: expected.vi, expectedEn: expected.en }),
  );
  return diagnostics;
}

async function scanSheet<T>(
  sheet: SheetSource,
  detect: (cells: CellValue[]) => T | null,
  only: ((header: T) => boolean) | undefined,
): Promise<Omit<SheetTable<T>, 'file' | 'sheet'> | null> {
  const it = sheet.rows()[Symbol.asyncIterator]();
  const above: RawRow[] = [];
  for (let scanned = 0; scanned < HEADER_SCAN_ROWS; scanned++) {
    const next = await it.next();
    if (next.done) return null;
    const header = detect(next.value.cells);
    if (header === null || (only && !only(header))) {
      above.push(next.value);
      continue;
    }
    return { headerRow: next.value.row, header, above, rows: { [Symbol.asyncIterator]: () => it } };
  }
  await it.return?.();
  return null;
}

/** One table: the first sheet (or the --sheet) with a header row that `detect` accepts. */
export function locateTable<T>(
  file: string,
  options: LocateOptions,
  detect: (cells: CellValue[]) => T | null,
  expected: ExpectedColumns,
  visit: (table: TableAt<T>) => Promise<void>,
): Promise<Diagnostic[]> {
  return locateTables(file, options, detect, () => false, expected, visit);
}
