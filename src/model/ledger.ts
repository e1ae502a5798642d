/**
 * What the readers understood of every input and what they set aside, with the reason (STYLE.md
 * principle 12): every sheet read or skipped, every column given a role or ignored, every row read or
 * counted as a heading, a subtotal or a blank line. The row counts of the results come from here, so they
 * cannot disagree with the diagnostics, and `cchc inspect` shows it as it is.
 */
import { rowId } from './diagnostic.js';

export type InputRole = 'criteria' | 'scores' | 'survey';

export type SheetStatus = 'read' | 'skipped' | 'refused';

/** Why a sheet was not read. Each is stated to the user (ledger, inspect); `no-header` is an error. */
export type SheetReason =
  /** hidden and not named by --sheet */
  | 'hidden'
  /** --sheet named another sheet */
  | 'not-selected'
  /** no cell holds anything */
  | 'empty'
  /** text only (instructions, a title page): no table */
  | 'no-table'
  /** a form sheet with no value at all: a unit that did not enter anything in this file */
  | 'not-entered'
  /** the criteria framework, in a score workbook */
  | 'criteria-table'
  /** a list of the workbook's forms (the sheet `cchc template` puts first) */
  | 'form-index'
  /** a criteria or settings file: only its first table is used */
  | 'first-table-only'
  /** a table whose header names none of the expected columns (refused: an error) */
  | 'no-header'
  /** a chart sheet: a chart, no cells */
  | 'chart-sheet'
  /** an Excel 5 dialog sheet */
  | 'dialog-sheet'
  /** an Excel 4 macro sheet */
  | 'macro-sheet'
  /** a part of another kind than a worksheet */
  | 'not-a-worksheet'
  /** listed by the workbook, but the file does not hold its part */
  | 'sheet-missing';

/** Why a column was not read. */
export type ColumnIgnored =
  /** its header means nothing to the reader; the cells hold text */
  | 'text'
  /** its header means nothing to the reader, but the cells hold numbers (a warning) */
  | 'numbers'
  /** a wide-layout column of a criterion with sub-criteria: totals are computed */
  | 'parent'
  /** a wide-layout column whose code the framework does not know (an error) */
  | 'unknown-code'
  /** the header names two fields (self and appraised) */
  | 'ambiguous'
  /** a second column for a field already read */
  | 'duplicate'
  /** a wide survey column of a leaf that is not a survey leaf */
  | 'not-survey';

export interface LedgerColumn {
  /** 0-based. */
  index: number;
  /** The header as the reader saw it: the header rows' texts over this column, top to bottom. */
  header: string;
  /** The field read from it ('unit', 'self', 'appraised', …), 'leaf' for a wide-layout criterion column. */
  role: string | null;
  /** A wide-layout column: the criterion code and which value it holds. */
  code?: string;
  value?: 'self' | 'appraised';
  ignored?: ColumnIgnored;
}

export interface LedgerRows {
  /** Rows that hold values for the scorer: each one is scored or rejected by a diagnostic. */
  read: number;
  /** Of those, rejected by a diagnostic (filled in once the inputs are scored). */
  rejected: number;
  /** Form rows of a heading (a domain, a criterion with sub-criteria) without values of their own. */
  headings: number;
  /** Subtotal and total rows: computed by the form, checked when they can be, never read as values. */
  subtotals: number;
  /** Rows that name a unit or a criterion but leave every value blank ("not entered"). */
  blank: number;
}

export interface LedgerSheet {
  file: string;
  sheet: string;
  /** 1-based position in the workbook. */
  index: number;
  status: SheetStatus;
  reason?: SheetReason;
  layout?: string;
  /** The header rows (1-based, inclusive). */
  header?: { first: number; last: number };
  /** A sheet refused for its header: the row that looks like one, as found (for the clerk to compare). */
  found?: { row: number; text: string };
  columns: LedgerColumn[];
  /** The units this sheet speaks of, as first written. */
  units: string[];
  rows: LedgerRows;
}

export interface LedgerFile {
  file: string;
  role: InputRole;
  sheets: LedgerSheet[];
}

export const emptyRows = (): LedgerRows => ({ read: 0, rejected: 0, headings: 0, subtotals: 0, blank: 0 });

export function ledgerSheet(
  file: string,
  sheet: { sheet: string; index: number },
  status: SheetStatus,
  reason?: SheetReason,
): LedgerSheet {
  return {
    file,
    sheet: sheet.sheet,
    index: sheet.index,
    status,
    ...(reason ? { reason } : {}),
    columns: [],
    units: [],
    rows: emptyRows(),
  };
}

/** Every input file's sheets, in the order read. */
export class Ledger {
  readonly files: LedgerFile[] = [];

  file(file: string, role: InputRole): LedgerFile {
    const entry: LedgerFile = { file, role, sheets: [] };
    this.files.push(entry);
    return entry;
  }

  /**
   * Spreads the ids of the rejected rows ("file|sheet|row", see rowId) over the sheets they belong to and
   * returns the totals: rows read, scored (read and not rejected) and rejected, over the score and survey
   * files. A row id is counted once, whichever diagnostics rejected it.
   */
  tally(rejected: ReadonlySet<string>): { read: number; scored: number; rejected: number } {
    const bySheet = new Map<string, LedgerSheet>();
    for (const f of this.files)
      for (const s of f.sheets) if (f.role !== 'criteria') bySheet.set(sheetKey(s.file, s.sheet), s);
    for (const s of bySheet.values()) s.rows.rejected = 0;
    for (const id of rejected) {
      const s = bySheet.get(id.slice(0, id.lastIndexOf('|')));
      if (s) s.rows.rejected++;
    }
    let read = 0;
    let rejectedRows = 0;
    for (const s of bySheet.values()) {
      read += s.rows.read;
      rejectedRows += s.rows.rejected;
    }
    return { read, scored: read - rejectedRows, rejected: rejectedRows };
  }
}

/** The key of a sheet in row ids: rowId({ file, sheet, row }) is `${sheetKey(file, sheet)}|${row}`. */
export const sheetKey = (file: string, sheet: string): string => {
  const id = rowId({ file, sheet, row: 0 });
  return id.slice(0, id.lastIndexOf('|'));
};
