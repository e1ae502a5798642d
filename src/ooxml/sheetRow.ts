/**
 * The rows a worksheet scan yields. The same shape as the readers' RawRow (model/cell.ts), declared here
 * so that the format layer imports nothing from the product.
 */
export interface SheetCellError {
  error: string;
}

export type SheetCell = string | number | boolean | Date | SheetCellError | null;

export interface SheetRow {
  /** 1-based row number. */
  row: number;
  /** cells[0] is column A; trailing empty cells may be absent. */
  cells: SheetCell[];
  /** The style index (`s`) of each cell that has a value, -1 elsewhere; only when asked (keepStyles). */
  styles?: number[];
}

/** Takes a worksheet's rows as they close (model/cell.ts's RowSink): `cells` is lent for the call only. */
export type SheetRowSink = (row: number, cells: readonly SheetCell[]) => void;

/** A merged range as model/cell.ts's CellRange: rows 1-based, columns 0-based, both inclusive. */
export interface SheetRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
