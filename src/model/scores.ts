import type { CellValue } from './cell.js';
import { columnLetter } from './cell.js';
import type { Location } from './diagnostic.js';

/** The file and sheet a row came from, shared by every entry read from it. */
export interface SheetRef {
  file: string;
  sheet: string;
}

/**
 * Everything the inputs say about one unit and one leaf. A national run holds 332,100 of these until
 * they are scored, so an entry is one flat object of primitives and shared references: cell locations
 * are derived on demand (valueLocation, entryLocation) rather than stored.
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

export const valueLocation = (e: LeafEntry, which: 'self' | 'appraised'): Location =>
  cellLocation(e.where, e.row, which === 'self' ? e.selfCol : e.appraisedCol);

/** The cell an entry is reported at: its appraised value, else its self value, else its appraised column. */
export function entryLocation(e: LeafEntry): Location {
  if (e.appraised === null && e.self !== null) return valueLocation(e, 'self');
  return cellLocation(e.where, e.row, e.appraisedCol >= 0 ? e.appraisedCol : e.selfCol);
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
  /** Leaf code → entry. */
  entries: Map<string, LeafEntry>;
  /** Survey values from --survey files, leaf code → entry (kept apart to report conflicts). */
  survey: Map<string, LeafEntry>;
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
