import type { CellRange, CellValue, RawRow, RowStream, SheetKind, SheetSource } from '../model/cell.js';
import { type Diagnostic, diag } from '../model/diagnostic.js';
import { UsageError } from '../model/errors.js';
import {
  type LedgerColumn,
  type LedgerFile,
  type LedgerSheet,
  ledgerSheet,
  type SheetReason,
} from '../model/ledger.js';
import { headerKey } from '../model/normalize.js';
import { openSheets, type ReadOptions } from '../read/openSheets.js';
import { type HeaderBlock, headerBlocks, oneRowBlock } from './headerBlock.js';
import type { ExpectedColumns } from './headers.js';
import { describeMap } from './ledgerColumns.js';
import { type SheetLook, sheetLook } from './sheetLook.js';

/** Title rows above the header row that we look through before giving up on a sheet. */
const HEADER_SCAN_ROWS = 60;
/** Rows read past a candidate header start: up to two more header rows and a column-numbering row. */
const LOOKAHEAD = 4;

export interface TableAt<T> {
  file: string;
  sheet: string;
  /** The first header row (1-based). */
  headerRow: number;
  header: T;
  /** The rows after the header, streamed. */
  rows: RowStream;
}

export interface LocateOptions {
  /** --sheet: a name or a 1-based index. A missing sheet is a usage error, never a fallback. */
  sheet?: string | undefined;
  read: ReadOptions;
  /** Where each sheet's fate is written down (read, skipped and why); none for throw-away reads. */
  ledger?: LedgerFile | undefined;
}

/** A located table plus the title rows above its header ("Đơn vị: …", "Khối: …" on a per-unit form). */
export interface SheetTable<T> extends TableAt<T> {
  above: RawRow[];
  block: HeaderBlock;
  /** This sheet's ledger entry: the visitor adds its columns, units and row counts. */
  ledger: LedgerSheet;
  /** The sheet's merged ranges; complete once `rows` has been read to the end. */
  merges: () => readonly CellRange[];
  /** The sheet's format keeps no merges (SheetSource.flat). */
  flat: boolean;
}

export interface SheetsOptions extends LocateOptions {
  /** Sheets to read instead of opening `file` (convert hands over sheets it already cleaned). */
  open?: (() => AsyncIterable<SheetSource>) | undefined;
}

/** What a reader looks for in a file's sheets. */
export interface TableSpec<T> {
  /** The header these header rows make, or null. */
  detect: (block: HeaderBlock) => T | null;
  /**
   * The columns of a header that every data row fills in (unit, code, STT). With it, headers of up to
   * three rows are found (a row with text in none of them continues the header); without it, one row.
   */
  keyColumns?: (block: HeaderBlock) => ReadonlySet<number>;
  /**
   * How many columns a header gives a role. Of the header blocks `detect` accepts, the tallest of those
   * that read the most columns is taken: a row that only renames a column ("Điểm thẩm định" over a stray
   * 45, a value left without its unit and code) is data, not more header. Without it, the tallest.
   */
  fit?: (header: T) => number;
  expected: ExpectedColumns;
  /** Read every sheet that has the header (score files), not only the first (criteria, settings). */
  everySheet: boolean;
  /** Why a sheet whose table is not sought is still no data for this reader (the criteria in a score book). */
  setAside?: (block: HeaderBlock) => SheetReason | null;
  /** The ledger's columns for a header; readers that know more (numbers below) fill them in themselves. */
  columns?: (header: T) => LedgerColumn[];
}

/** Why a sheet that holds no cells is skipped. */
const KIND_REASONS: Record<SheetKind, SheetReason> = {
  chart: 'chart-sheet',
  dialog: 'dialog-sheet',
  macro: 'macro-sheet',
  other: 'not-a-worksheet',
  missing: 'sheet-missing',
};

function sheetMatches(s: SheetSource, wanted: string): boolean {
  if (/^\d+$/.test(wanted.trim())) return s.index === Number(wanted);
  return headerKey(s.sheet) === headerKey(wanted);
}

interface Refused {
  sheet: string;
  look: SheetLook;
}

/**
 * Finds each sheet's header and hands its rows to `visit` while the file is still streaming; returns the
 * diagnostics about sheets. Every sheet ends in the ledger: read, or skipped with a reason (hidden, not
 * the --sheet, empty, text only, a criteria table, a list of forms), or refused. --sheet picks one sheet
 * (missing: a usage error). With `everySheet`, every sheet with the header is read, and a sheet that holds
 * a table without it is an error naming the sheet (E_SHEET_NOT_UNDERSTOOD); otherwise the first table is
 * the one. A file with no table at all is E_NO_HEADER.
 */
export async function locateTables<T>(
  file: string,
  options: SheetsOptions,
  spec: TableSpec<T>,
  visit: (table: SheetTable<T>) => Promise<void>,
): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  const names: string[] = [];
  const refused: Refused[] = [];
  const record = (entry: LedgerSheet) => {
    options.ledger?.sheets.push(entry);
    return entry;
  };
  let scannedWanted = false;
  let found = 0;
  for await (const sheet of options.open?.() ?? openSheets(file, options.read)) {
    names.push(sheet.sheet);
    if (options.sheet !== undefined && !sheetMatches(sheet, options.sheet)) {
      record(ledgerSheet(file, sheet, 'skipped', 'not-selected'));
      continue;
    }
    if (sheet.kind !== undefined) {
      // A chart sheet (or another sheet without cells) holds no table, whatever --sheet says; named anyway.
      scannedWanted ||= options.sheet !== undefined;
      record(ledgerSheet(file, sheet, 'skipped', KIND_REASONS[sheet.kind]));
      if (spec.everySheet && options.sheet === undefined)
        diagnostics.push(
          diag('I_SHEET_SKIPPED', 'info', { file, sheet: sheet.sheet }, { reason: KIND_REASONS[sheet.kind] }),
        );
      continue;
    }
    if (options.sheet === undefined && sheet.hidden) {
      diagnostics.push(diag('I_HIDDEN_SHEET_SKIPPED', 'info', { file, sheet: sheet.sheet }));
      record(ledgerSheet(file, sheet, 'skipped', 'hidden'));
      continue;
    }
    if (found > 0 && !spec.everySheet) {
      record(ledgerSheet(file, sheet, 'skipped', 'first-table-only'));
      continue;
    }
    scannedWanted = true;
    const scan = await scanSheet(sheet, spec);
    if ('header' in scan) {
      found++;
      const entry = record(ledgerSheet(file, sheet, 'read'));
      entry.header = { first: scan.block.first, last: scan.block.last };
      if (spec.columns) entry.columns = spec.columns(scan.header);
      await visit({
        file,
        sheet: sheet.sheet,
        ...scan,
        ledger: entry,
        merges: () => sheet.merges(),
        flat: sheet.flat === true,
      });
      continue;
    }
    const reason = scan.reason;
    if (reason === 'no-header') {
      refused.push({ sheet: sheet.sheet, look: scan.look });
      const entry = record(ledgerSheet(file, sheet, spec.everySheet ? 'refused' : 'skipped', reason));
      if (scan.look.sample) entry.found = { row: scan.look.sample.row, text: scan.look.sampleText };
    } else {
      record(ledgerSheet(file, sheet, 'skipped', reason));
      if (spec.everySheet && options.sheet === undefined)
        diagnostics.push(diag('I_SHEET_SKIPPED', 'info', { file, sheet: sheet.sheet }, { reason }));
    }
  }
  if (options.sheet !== undefined && !scannedWanted) {
    throw new UsageError('E_SHEET_NOT_FOUND', { file, sheet: options.sheet, available: names.join(', ') });
  }
  // The command that shows how the file was read, for the messages below.
  const role = options.ledger?.role;
  const inspect = role === undefined ? undefined : role === 'scores' ? file : `--${role} ${file}`;
  if (found === 0) {
    const where = options.sheet !== undefined ? { sheet: options.sheet } : {};
    const look = refused[0]?.look;
    diagnostics.push(
      diag(
        'E_NO_HEADER',
        'error',
        { file, ...where },
        { expected: spec.expected.vi, expectedEn: spec.expected.en, file, legacy: look?.legacy, inspect },
      ),
    );
  } else if (spec.everySheet) {
    for (const r of refused) {
      diagnostics.push(
        diag(
          'E_SHEET_NOT_UNDERSTOOD',
          'error',
          { file, sheet: r.sheet, ...(r.look.sample ? { row: r.look.sample.row } : {}) },
          {
            expected: spec.expected.vi,
            expectedEn: spec.expected.en,
            found: r.look.sampleText,
            file,
            legacy: r.look.legacy,
            inspect,
          },
        ),
      );
    }
  }
  return diagnostics;
}

type Scan<T> =
  | Omit<SheetTable<T>, 'file' | 'sheet' | 'ledger' | 'merges' | 'flat'>
  | { reason: SheetReason; look: SheetLook };

/**
 * Reads the first rows of a sheet (title rows, the header, a few more) and finds the header: the first row
 * that starts one, with the tallest block of header rows below it that `detect` accepts. Without a header,
 * the sheet is read on only as far as it takes to say what it holds.
 */
async function scanSheet<T>(sheet: SheetSource, spec: TableSpec<T>): Promise<Scan<T>> {
  const stream = sheet.rows();
  const it = stream[Symbol.asyncIterator]();
  const buffer: RawRow[] = [];
  let done = false;
  while (buffer.length < HEADER_SCAN_ROWS + LOOKAHEAD) {
    const next = await it.next();
    if (next.done) {
      done = true;
      break;
    }
    buffer.push(next.value);
  }
  const merges = sheet.merges();
  for (let i = 0; i < Math.min(buffer.length, HEADER_SCAN_ROWS); i++) {
    const hit = headerAt(buffer, i, merges, spec);
    if (hit === null) continue;
    const tail = buffer.findIndex((r) => r.row > hit.block.last);
    return {
      headerRow: hit.block.first,
      header: hit.header,
      block: hit.block,
      above: buffer.slice(0, i),
      rows: replay(tail < 0 ? [] : buffer.slice(tail), done ? null : { it, stream }),
    };
  }
  const look = await sheetLook(buffer, done ? null : it);
  if (look.empty) return { reason: 'empty', look };
  if (!look.sample) return { reason: 'no-table', look };
  return { reason: spec.setAside?.(oneRowBlock(look.sample)) ?? 'no-header', look };
}

function headerAt<T>(
  rows: readonly RawRow[],
  at: number,
  merges: readonly CellRange[],
  spec: TableSpec<T>,
): { block: HeaderBlock; header: T } | null {
  const one = oneRowBlock(rows[at]!);
  // Only a row that names a key column starts a header of several rows: a title above never does.
  const blocks =
    spec.keyColumns && spec.keyColumns(one).size > 0
      ? headerBlocks(rows, at, merges, spec.keyColumns)
      : [one];
  let best: { block: HeaderBlock; header: T; fit: number } | null = null;
  for (let k = blocks.length - 1; k >= 0; k--) {
    const header = spec.detect(blocks[k]!);
    if (header === null) continue;
    if (!spec.fit) return { block: blocks[k]!, header };
    const fit = spec.fit(header);
    // Ties go to the shorter block, but a column-numbering row stays in the header that it numbers.
    const shorter = best !== null && fit === best.fit && best.block.numbering === null;
    if (best === null || fit > best.fit || shorter) best = { block: blocks[k]!, header, fit };
  }
  return best;
}

/**
 * The rows read ahead, then the rest of the sheet straight from its iterator (no extra generator per row),
 * or pumped from its stream when the reader can.
 */
function replay(
  buffered: readonly RawRow[],
  rest: { it: AsyncIterator<RawRow>; stream: RowStream } | null,
): RowStream {
  let i = 0;
  const end: IteratorReturnResult<undefined> = { done: true, value: undefined };
  const iterator: AsyncIterator<RawRow> = {
    next: () => {
      if (i < buffered.length) return Promise.resolve({ done: false, value: buffered[i++]! });
      return rest ? rest.it.next() : Promise.resolve(end);
    },
    return: async () => {
      await rest?.it.return?.();
      return end;
    },
  };
  return {
    [Symbol.asyncIterator]: () => iterator,
    pump: async (sink) => {
      while (i < buffered.length) {
        const raw = buffered[i++]!;
        sink(raw.row, raw.cells);
      }
      if (!rest) return;
      if (rest.stream.pump) await rest.stream.pump(sink);
      else
        for (let next = await rest.it.next(); !next.done; next = await rest.it.next())
          sink(next.value.row, next.value.cells);
    },
  };
}

/** One table: the first sheet (or the --sheet) with a header row that `detect` accepts. */
export function locateTable<T>(
  file: string,
  options: LocateOptions,
  detect: (cells: CellValue[]) => T | null,
  expected: ExpectedColumns,
  visit: (table: TableAt<T>) => Promise<void>,
): Promise<Diagnostic[]> {
  const spec: TableSpec<T> = {
    detect: (b) => detect(b.cells),
    expected,
    everySheet: false,
    columns: describeMap,
  };
  return locateTables(file, options, spec, visit);
}
