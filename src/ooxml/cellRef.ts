/** Cell and range references of SpreadsheetML, and the cell-start markup every cell repeats, cached. */

/** A rectangle of 1-based row and column numbers. */
export interface CellRange {
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
}

const letters: string[] = [];
/** "A" for 1, "Z" for 26, "AA" for 27; cached, since every cell reference needs one. */
export function columnName(column: number): string {
  let name = letters[column];
  if (name === undefined) {
    name = '';
    for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
      name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    letters[column] = name;
  }
  return name;
}

const cellOpens: string[] = [];
/** `<c r="D`: the start of a cell in column 4, cached, as every cell of that column starts so. */
export const cellOpen = (column: number): string => {
  let open = cellOpens[column];
  if (open === undefined) {
    open = `<c r="${columnName(column)}`;
    cellOpens[column] = open;
  }
  return open;
};
const styleAttrs: string[] = [];
/** ` s="5"`, cached per style index. */
export const styleAttr = (s: number): string => {
  let attr = styleAttrs[s];
  if (attr === undefined) {
    attr = ` s="${s}"`;
    styleAttrs[s] = attr;
  }
  return attr;
};

/** "A3:L16". */
export const rangeRef = (r: CellRange): string =>
  `${columnName(r.firstColumn)}${r.firstRow}:${columnName(r.lastColumn)}${r.lastRow}`;
