import type { RawRow } from '../model/cell.js';

/** A row of a format that stores no font per cell (CSV) or whose reader gives none (SheetJS): all null. */
export const withNullFonts = (row: RawRow): RawRow => ({ ...row, fonts: row.cells.map(() => null) });
