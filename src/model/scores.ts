import type { CellValue } from './cell.js';
import { columnLetter } from './cell.js';
import type { Location } from './diagnostic.js';

/** The file and sheet a row came from, shared by every entry read from it. */
export interface SheetRef {
  file: string;
  sheet: string;
}

/**
 * What the inputs say about one unit and one leaf, as one object: how the form reader collects a sheet's
 * rows before it knows their unit, and how convert reads the book back. The book itself keeps values
 * column by column (ScoreStore), not as one of these per row.
 */
export interface LeafEntry {
  code: string;
  /** The self-assessed and appraised cells as read; null when empty. */
  self: CellValue;
  appraised: CellValue;
  where: SheetRef;
  row: number;
  /** 0-based columns of the two values; -1 when the layout has no such column. */
  selfCol: number;
  appraisedCol: number;
  reason: string;
  evidence: string;
  note: string;
}

export function cellLocation(where: SheetRef, row: number, col: number): Location {
  if (col < 0) return { file: where.file, sheet: where.sheet, row };
  const column = columnLetter(col);
  return { file: where.file, sheet: where.sheet, row, column, cell: `${column}${row}` };
}

export interface UnitInput {
  /** Match key (unitKey): NFC, spacing, case, tone placement, UBND / X. / P. / TT prefixes ignored. */
  key: string;
  /** The name as first written in the score files, or the plainest spelling met (see ScoreBook.unit). */
  name: string;
  unitCode: string | null;
  /** Group as first written ('' when the inputs have no group column). */
  group: string;
  groupKey: string;
  location: Location;
  /**
   * The unit's number in the book's ScoreStore (0, 1, 2… in order of first appearance): its values for
   * leaf i are in slot `index × leaves + i`.
   */
  index: number;
  /**
   * Leaf code → the cell a score file left blank for it (a form row, a long-layout row): where a missing
   * value is reported. A blank is "not entered", never a value, so it is not an entry.
   */
  blank?: Map<string, Location>;
}

export interface RowCounts {
  read: number;
  scored: number;
  rejected: number;
}
