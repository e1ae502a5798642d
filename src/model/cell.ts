/**
 * What the readers hand to the parsers: rows of cells, each cell already reduced to a plain value.
 * Formulas are replaced by their cached result; a formula without one becomes a CellError.
 */
export interface CellError {
  /**
   * Excel's error text (#DIV/0!, #N/A, #VALUE!, …), 'NO_CACHED_VALUE' for a formula without a result, or
   * '#CORRUPT' for a stored value that cannot be what it says (then `kind` and `found` say why).
   */
  error: string;
  kind?: string;
  found?: string;
}

export type CellValue = string | number | boolean | Date | CellError | null;

export interface RawRow {
  /** 1-based row number in the sheet (or line-based record number in a CSV, header included). */
  row: number;
  /** cells[0] is column A. Trailing empty cells may be absent. */
  cells: CellValue[];
  /**
   * The font name of each cell (".VnTime", "VNI-Times", "Times New Roman"), null where the workbook stores
   * none; present only when the reader was asked for fonts (ReadOptions.cellFonts, used by convert).
   */
  fonts?: (string | null)[];
}

/** A rectangle of cells, e.g. a merged range: rows 1-based and inclusive, columns 0-based and inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Takes rows one by one, synchronously, as a reader finds them. `cells` is lent for the call only: the
 * reader reuses the array for the next row, so whatever outlives the call is copied.
 */
export type RowSink = (row: number, cells: readonly CellValue[]) => void;

/**
 * A sheet's rows: iterated one by one (each row its own object), or pumped into a sink. A reader that can
 * hands the rows over a chunk of the file at a time with no promise, object or array per row: the CSV
 * tokenizer and the worksheet scanner do, which is most of what a national file costs to read.
 */
export interface RowStream extends AsyncIterable<RawRow> {
  /** The rows not yet iterated, into `sink`, to the end of the sheet. */
  pump?(sink: RowSink): Promise<void>;
}

/** Every row of `rows` not yet iterated into `sink`: pumped where the reader can, else iterated. */
export async function pumpRows(rows: RowStream, sink: RowSink): Promise<void> {
  if (rows.pump) return rows.pump(sink);
  for await (const raw of rows) sink(raw.row, raw.cells);
}

/** The rows of a sheet that has none (SheetSource.kind). */
export async function* noRows(): AsyncGenerator<RawRow> {}

export type SheetKind = 'chart' | 'dialog' | 'macro' | 'other' | 'missing';

export interface SheetSource {
  /** The path as the user gave it ('-' for stdin). */
  file: string;
  /** Sheet name; for CSV the file's base name. */
  sheet: string;
  /** 1-based position among the workbook's sheets. */
  index: number;
  hidden: boolean;
  /**
   * A sheet that holds no table of cells: a chart sheet, an Excel 5 dialog sheet, an Excel 4 macro sheet,
   * another kind of part ('other'), or one the workbook lists without its part ('missing'). It has no rows;
   * the parsers record it as skipped with this reason. Absent for a worksheet.
   */
  kind?: SheetKind;
  /** Rows in order. Must be consumed (or abandoned) before the next sheet is requested. */
  rows(): RowStream;
  /**
   * The sheet's merged ranges (only the top-left cell of a merge holds its value), in reading order (top
   * row, then left column). Complete once rows() has been read to the end (an xlsx stores them after the
   * cells); earlier for an xlsx sheet of up to 16 MiB of XML (from its first row on) and for .xls/.ods
   * (from the start), but only "after the rows" is the contract. A CSV has none.
   */
  merges(): readonly CellRange[];
  /**
   * The format keeps no merged cells (a CSV): a cell merged in the workbook it was saved from is blank below
   * its first row. The score readers fill such blanks down in the unit and group columns, and say so.
   */
  flat?: boolean;
}

export const isCellError = (v: CellValue): v is CellError =>
  typeof v === 'object' && v !== null && !(v instanceof Date) && 'error' in v;

/** Column letter for a 0-based column index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
