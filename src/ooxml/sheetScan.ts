import { type CellXml, cellValue, decodeEscapes, isCorrupt, type SheetContext } from './cellValue.js';
import { FormatError } from './errors.js';
import { MarkupScanner } from './markupScan.js';
import { nfc } from './nfc.js';
import type { SheetCell, SheetRow, SheetRowSink } from './sheetRow.js';
import { attribute, columnIn, digitsIn, typeIn, xmlText } from './xmlMarkup.js';

/** Column letters of a 0-based column (0 → A, 27 → AB). */
function columnName(col: number): string {
  let name = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const MAX_COLUMN = 16383; // XFD

export const NOT_READY = 0;
export const BETWEEN_ROWS = 1;
export const IN_ROW = 2;

/**
 * A cell in the form Excel and exceljs write nearly every one of them: `r`, then optional `s` and `t`,
 * then an optional plain <v> (no entity, no carriage return), closed at once. Anything else (formulas,
 * inline strings, other attributes or orders, prefixes, a cell cut by the chunk end) fails the match
 * and goes through the general scanner below.
 */
const PLAIN_CELL = /<c r="([A-Z]{1,3})\d+"(?: s="(\d+)")?(?: t="([a-zA-Z]+)")?>(?:<v>([^<&\r]*)<\/v>)?<\/c>/y;

/** What a shared strings table may hold before the read stops: memory is bounded by limits, not by luck. */
export interface SharedStringLimits {
  /** Items. */
  maxSharedStrings: number;
  /** Characters of all items together. */
  maxSharedChars: number;
}

/**
 * The scanner of worksheet and shared-strings XML (see sheetReader.ts for why it is hand-written): the
 * common cell read by plainCellAt or one regex match (PLAIN_CELL), the rest through MarkupScanner, reading
 * only the attributes it needs (row r; c r, t, s) and keeping the text of <v> and <t> only in a cell, up to
 * `maxCellChars`.
 */
export class SheetScanner extends MarkupScanner {
  private rowNumber = 0;
  private rowCount = 0;
  private cells: SheetCell[] | null = null;
  /** The style of each cell of the row, when the context asks for them (null otherwise: no cost). */
  private styles: number[] | null = null;
  private col = -1;
  private inCell = false;
  private inPhonetic = false;
  private readonly cell: CellXml = { type: undefined, style: 0, formula: false, text: null, values: 0 };
  /** The rows completed by the chunk being scanned. */
  private out: SheetRow[] = [];
  /** Rows go here as they close, when set (a pump): `cells` is lent for the call, then reused. */
  sink: SheetRowSink | null = null;
  private readonly reused: SheetCell[] = [];
  /** The <si> items of a shared strings table, when that is what is scanned, and their characters. */
  readonly strings: string[] = [];
  private stringChars = 0;

  constructor(
    private readonly ctx: SheetContext,
    private readonly stringLimits: SharedStringLimits = { maxSharedStrings: 0, maxSharedChars: 0 },
    maxKeptTag?: number,
  ) {
    super(ctx.corrupt, maxKeptTag);
  }

  /** The rows completed by this text. */
  push(chunk: string): SheetRow[] {
    this.out = [];
    this.scan(chunk);
    return this.out;
  }

  override end(): void {
    super.end();
  }

  protected override characters(raw: string): void {
    const text = this.cell.text ?? '';
    if (text.length + raw.length > this.ctx.maxCellChars) throw this.tooLong();
    this.cell.text = text + raw;
  }

  private tooLong(): FormatError {
    const limit = this.ctx.maxCellChars;
    return this.cells === null
      ? new FormatError('E_CELL_TOO_LONG', { item: this.strings.length + 1, limit })
      : new FormatError('E_CELL_TOO_LONG', { cell: `${columnName(this.col)}${this.rowNumber}`, limit });
  }

  /** The cell's value; a corrupt one is told to the context, at its cell, before it is handed on. */
  private value(cell: CellXml): SheetCell {
    const v = cellValue(cell, this.ctx);
    if (isCorrupt(v)) this.ctx.onCorrupt?.(`${columnName(this.col)}${this.rowNumber}`, this.rowNumber, v);
    return v;
  }

  /**
   * A value beyond the columns a row may fill: rows are dense arrays, so one cell in column XFD makes 16,384
   * slots of a 30-byte row, and a sheet of such rows took gigabytes.
   */
  private tooWide(): FormatError {
    return new FormatError('E_TOO_MANY_COLUMNS', {
      cell: `${columnName(this.col)}${this.rowNumber}`,
      limit: this.ctx.maxColumns,
    });
  }

  protected override needsAttributes(local: string): boolean {
    return local === 'c' || local === 'row' || local === 'mergeCell';
  }

  /** The common cell, as Excel and exceljs write it, in one native regex match. */
  protected override quick(s: string, lt: number): number {
    if (this.cells === null || this.inCell || s.charCodeAt(lt + 1) !== 0x63) return -1;
    PLAIN_CELL.lastIndex = lt;
    const m = PLAIN_CELL.exec(s);
    if (m === null) return -1;
    this.plainCell(m);
    return PLAIN_CELL.lastIndex;
  }

  /**
   * Where the byte path (sheetBytes.ts) may read the next markup itself: BETWEEN_ROWS (in sheetData, no
   * row open), IN_ROW (a row open, no cell), or NOT_READY (anything carried, skipped or collected, a cell or
   * another element open, styles asked for).
   */
  fastState(): number {
    if (this.ctx.keepStyles === true || !this.settled() || this.collecting || this.inCell) return NOT_READY;
    const open = this.innermost();
    if (open === 'row') return this.cells === null ? NOT_READY : IN_ROW;
    return open === 'sheetData' && this.cells === null ? BETWEEN_ROWS : NOT_READY;
  }

  /** `<row r="…">` read by the byte path: as opened('row') would, with the row number it read. */
  fastRowStart(r: number): void {
    this.rowNumber = r;
    this.ctx.onRow(++this.rowCount);
    this.cells = this.sink === null ? [] : this.reuse();
    this.col = -1;
    this.enter('row', 'row');
  }

  /** `</row>` read by the byte path. */
  fastRowEnd(): void {
    this.leave();
    this.closed('row');
  }

  /** A plain cell read by the byte path, with its value. */
  fastCell(col: number, v: SheetCell, style: number): void {
    this.col = col;
    if (v !== null) this.place(col, v, style);
  }

  /** Markup the byte path did not read, as text. */
  scanText(text: string): void {
    this.scan(text);
  }

  private reuse(): SheetCell[] {
    if (this.reused.length > 0) this.reused.length = 0;
    return this.reused;
  }

  /** A value into the row at its column. */
  private place(col: number, v: SheetCell, style: number): void {
    if (col >= this.ctx.maxColumns) throw this.tooWide();
    const cells = this.cells!;
    while (cells.length < col) cells.push(null);
    cells[col] = v;
    if (this.styles !== null) this.keepStyle(col, style);
  }

  /** A cell matched by PLAIN_CELL: [, column letters, style, type, value text]. */
  private plainCell(m: RegExpExecArray): void {
    const letters = m[1]!;
    const col = columnIn(letters, 0, letters.length);
    if (col > MAX_COLUMN) throw this.ctx.corrupt('cell-reference', { found: letters });
    this.col = col;
    const cell = this.cell;
    cell.type = m[3];
    cell.style = m[2] === undefined ? 0 : Number(m[2]);
    cell.formula = false;
    cell.text = m[4] ?? null;
    cell.values = m[4] === undefined ? 0 : 1;
    if (cell.text !== null && cell.text.length > this.ctx.maxCellChars) throw this.tooLong();
    const v = this.value(cell);
    if (v !== null) this.place(col, v, cell.style);
  }

  private keepStyle(col: number, style: number): void {
    const styles = this.styles!;
    while (styles.length < col) styles.push(-1);
    styles[col] = style;
  }

  /**
   * The attributes of a <c> tag in s[from, to), in one pass: `t` and `s` into the cell, and the column of
   * `r` returned (-2 without one). Other attributes (cm, vm, ph…) are skipped.
   */
  private cellAttributes(s: string, from: number, to: number): number {
    let col = -2;
    let i = from;
    while (i < to) {
      const c = s.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2f) {
        i++;
        continue;
      }
      const nameStart = i;
      while (i < to) {
        const d = s.charCodeAt(i);
        if (d === 0x3d || d === 0x20 || d === 0x09 || d === 0x0a || d === 0x0d) break;
        i++;
      }
      const nameLength = i - nameStart;
      while (i < to && s.charCodeAt(i) !== 0x3d) i++; // '='
      i++;
      while (i < to && s.charCodeAt(i) !== 0x22 && s.charCodeAt(i) !== 0x27) i++;
      if (i >= to) break;
      const start = i + 1;
      const end = s.indexOf(s[i]!, start);
      if (end < 0 || end > to) break;
      if (nameLength === 1) {
        const name = s.charCodeAt(nameStart);
        if (name === 0x72) col = columnIn(s, start, end);
        else if (name === 0x74) this.cell.type = typeIn(s, start, end);
        else if (name === 0x73) this.cell.style = digitsIn(s, start, end);
      }
      i = end + 1;
    }
    return col;
  }

  protected override opened(local: string, s: string, from: number, to: number): void {
    const cell = this.cell;
    switch (local) {
      case 'c': {
        if (this.cells === null) return;
        cell.type = undefined;
        cell.style = 0;
        const col = this.cellAttributes(s, from, to);
        this.col = col === -2 ? this.col + 1 : col;
        if (this.col < 0 || this.col > MAX_COLUMN) {
          throw this.ctx.corrupt('cell-reference', { found: attribute(s, from, to, 'r') ?? '' });
        }
        cell.formula = false;
        cell.text = null;
        cell.values = 0;
        this.inCell = true;
        return;
      }
      case 'v':
        if (this.inCell) {
          this.collecting = true;
          cell.text = '';
          cell.values++;
        }
        return;
      case 't':
        // <is><t>…</t></is> or rich inline runs <is><r><t>…</t></r>…</is>
        if (this.inCell && !this.inPhonetic) {
          this.collecting = true;
          cell.text ??= '';
        }
        return;
      case 'f':
        if (this.inCell) cell.formula = true;
        return;
      case 'row': {
        const r = attribute(s, from, to, 'r');
        this.rowNumber = r ? Number(r) : this.rowNumber + 1;
        this.ctx.onRow(++this.rowCount);
        this.cells = this.sink === null ? [] : this.reuse();
        if (this.ctx.keepStyles === true) this.styles = [];
        this.col = -1;
        return;
      }
      case 'rPh':
        this.inPhonetic = true;
        return;
      case 'mergeCell':
        this.ctx.onMerge?.(attribute(s, from, to, 'ref') ?? '');
        return;
      case 'si':
        this.inCell = true;
        cell.text = null;
        return;
    }
  }

  protected override closed(local: string): void {
    switch (local) {
      case 'v':
      case 't':
        this.collecting = false;
        return;
      case 'c': {
        if (!this.inCell || this.cells === null) return;
        this.inCell = false;
        const cell = this.cell;
        if (cell.text !== null) cell.text = xmlText(cell.text);
        const v = this.value(cell);
        if (v !== null) this.place(this.col, v, cell.style);
        return;
      }
      case 'row':
        if (this.cells !== null && this.cells.length > 0) {
          if (this.sink !== null) this.sink(this.rowNumber, this.cells);
          else
            this.out.push(
              this.styles === null
                ? { row: this.rowNumber, cells: this.cells }
                : { row: this.rowNumber, cells: this.cells, styles: this.styles },
            );
        }
        this.cells = null;
        this.styles = null;
        return;
      case 'rPh':
        this.inPhonetic = false;
        return;
      case 'si': {
        this.inCell = false;
        const raw = this.cell.text;
        const text = raw === null ? '' : nfc(decodeEscapes(xmlText(raw)));
        const { maxSharedStrings, maxSharedChars } = this.stringLimits;
        if (this.strings.length >= maxSharedStrings)
          throw new FormatError('E_TOO_MANY_SHARED_STRINGS', { limit: maxSharedStrings });
        this.stringChars += text.length;
        if (this.stringChars > maxSharedChars)
          throw new FormatError('E_SHARED_STRINGS_TOO_LARGE', { limit: maxSharedChars });
        this.strings.push(text);
        return;
      }
    }
  }
}
