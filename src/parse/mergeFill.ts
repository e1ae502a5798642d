import type { CellRange, CellValue, RawRow } from '../model/cell.js';
import { isBlank } from '../model/normalize.js';

/** A column's values as runs of rows with the same text, to find the value a merge's first row holds. */
class ColumnRuns {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly values: CellValue[] = [];

  see(row: number, value: CellValue): void {
    const last = this.values.length - 1;
    if (last >= 0 && this.values[last] === value && this.ends[last] === row - 1) this.ends[last] = row;
    else {
      this.starts.push(row);
      this.ends.push(row);
      this.values.push(value);
    }
  }

  /** The nearest value seen above `row`. */
  before(row: number): CellValue {
    let lo = 0;
    let hi = this.starts.length - 1;
    let found: CellValue = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < row) {
        found = this.values[mid]!;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** The value the column holds at `row`, if it was seen there. */
  at(row: number): CellValue {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! > row) hi = mid - 1;
      else if (this.ends[mid]! < row) lo = mid + 1;
      else return this.values[mid]!;
    }
    return null;
  }
}

/**
 * Fill-down of cells merged vertically over a unit's rows (`Đơn vị`, `Khối` merged over the unit's
 * criteria): a blank cell inside a merge takes the value of the merge's first cell. In a workbook, a blank
 * cell outside any merge stays blank (not entered: the reader reports it).
 *
 * A CSV keeps no merges (`flat`): saved from a merged sheet, it holds each value on the block's first row
 * and blanks below, and nothing tells those blanks from cells left empty. There every blank is filled from
 * the nearest value above, and each column's fills are counted (`filled`) for the warning that says so
 * (W_CELLS_FILLED_DOWN): read, but never silently. A wrong fill does not pass unseen either: in a long file
 * it gives the unit above codes it already has (E_SCORE_DUPLICATE).
 *
 * An xlsx lists its merges after its cells: a sheet read as a stream knows them only at its end. Rows
 * with a blank cell in a watched column are then held (`take` returns null) and handed back, filled, by
 * `rest` once the sheet has been read. Sheets whose merges are known from the start are filled at once.
 */
export class MergeFill {
  private readonly runs: ColumnRuns[];
  private readonly held: RawRow[] = [];

  /** With `flat`, per watched column: the blanks filled, the first one and where its value came from. */
  readonly filled: { column: number; count: number; row: number; from: number; value: CellValue }[] = [];
  /** With `flat`: the last value of each watched column and its row. */
  private readonly last: { value: CellValue; row: number }[];

  constructor(
    private readonly columns: readonly number[],
    private readonly merges: () => readonly CellRange[],
    private readonly flat = false,
    /** With `flat`: rows never filled (the file's own total rows: "Cộng" in the unit column, blank group). */
    private readonly keep: (raw: RawRow) => boolean = () => false,
  ) {
    this.runs = columns.map(() => new ColumnRuns());
    this.last = columns.map(() => ({ value: null, row: 0 }));
  }

  /** The row to read now (filled where it can be), or null when it waits for the sheet's merges. */
  take(raw: RawRow): RawRow | null {
    let blank = false;
    for (let i = 0; i < this.columns.length; i++) {
      const v = raw.cells[this.columns[i]!] ?? null;
      if (isBlank(v)) blank = true;
      else {
        this.runs[i]!.see(raw.row, v);
        if (this.flat) {
          const last = this.last[i]!;
          last.value = v;
          last.row = raw.row;
        }
      }
    }
    if (!blank) return raw;
    if (this.flat) return this.keep(raw) ? raw : this.fillFromAbove(raw);
    if (this.merges().length === 0) {
      // Kept past this call: a copy (a pumping reader reuses the row and its cells).
      this.held.push({ row: raw.row, cells: raw.cells.slice() });
      return null;
    }
    return this.fill(raw);
  }

  /**
   * For a row left blank in `column` and outside any merge: the value the rows above it hold there, which
   * the row may have been meant to repeat (a CSV saved from a merged sheet keeps it only on the first row).
   */
  above(column: number, row: number): CellValue {
    return this.runs[this.columns.indexOf(column)]?.before(row) ?? null;
  }

  /** A row of a flat table with its blanks in the watched columns filled from the nearest value above. */
  private fillFromAbove(raw: RawRow): RawRow {
    let cells: CellValue[] | null = null;
    for (let i = 0; i < this.columns.length; i++) {
      const c = this.columns[i]!;
      const above = this.last[i]!;
      if (!isBlank(raw.cells[c] ?? null) || above.row === 0) continue;
      cells ??= raw.cells.slice();
      cells[c] = above.value;
      const seen = this.filled.find((f) => f.column === c);
      if (seen) seen.count++;
      else this.filled.push({ column: c, count: 1, row: raw.row, from: above.row, value: above.value });
    }
    return cells ? { row: raw.row, cells } : raw;
  }

  /** The rows held back, filled now that every merge is known, in their order. */
  rest(): RawRow[] {
    return this.held.splice(0).map((raw) => this.fill(raw));
  }

  private fill(raw: RawRow): RawRow {
    let cells: CellValue[] | null = null;
    for (const [i, c] of this.columns.entries()) {
      if (!isBlank(raw.cells[c] ?? null)) continue;
      const top = this.mergeTop(c, raw.row);
      const value = top === null ? null : this.runs[i]!.at(top);
      if (value === null) continue;
      cells ??= [...raw.cells];
      cells[c] = value;
    }
    return cells ? { ...raw, cells } : raw;
  }

  /** Merges starting in each watched column, by first row: built once the merges are known. */
  private byColumn: Map<number, CellRange[]> | null = null;
  private indexed = 0;

  /** The first row of the merge that starts in column `c` and covers `row` below its first row. */
  private mergeTop(c: number, row: number): number | null {
    const merges = this.merges();
    if (this.byColumn === null || this.indexed !== merges.length) {
      this.byColumn = new Map(this.columns.map((col) => [col, []]));
      for (const m of merges) if (m.bottom > m.top) this.byColumn.get(m.left)?.push(m);
      for (const list of this.byColumn.values()) list.sort((a, b) => a.top - b.top);
      this.indexed = merges.length;
    }
    const list = this.byColumn.get(c)!;
    let lo = 0;
    let hi = list.length - 1;
    let found: CellRange | null = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.top < row) {
        found = list[mid]!;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found && found.bottom >= row ? found.top : null;
  }
}
