import { ByteWriter } from './byteWriter.js';
import { type CellRange, cellOpen, columnName, rangeRef, styleAttr } from './cellRef.js';
import { type DeflatedData, EntryDeflater } from './entryDeflater.js';
import { type SharedStrings, textElement } from './sharedStrings.js';
import type { CellStyle, StyleSheet } from './styleSheet.js';
import {
  type DataValidation,
  linkXml,
  listXml,
  type PageSetup,
  pageXml,
  protectionXml,
  type SheetProtection,
  validationXml,
} from './worksheetParts.js';
import { xmlText } from './xmlEscape.js';

export { type CellRange, columnName, rangeRef } from './cellRef.js';
export {
  type DataValidation,
  NORMAL_MARGINS,
  type PageSetup,
  type SheetProtection,
} from './worksheetParts.js';

/** One of the error values Excel stores in a cell (`t="e"`). */
export interface CellError {
  error: '#NULL!' | '#DIV/0!' | '#VALUE!' | '#REF!' | '#NAME?' | '#NUM!' | '#N/A';
}
export const CELL_ERRORS: ReadonlySet<string> = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
]);

/**
 * What a cell holds: text (written as it is given: neutralise before), a finite number, a boolean, an
 * error value, or nothing. A date is a number (excelSerial) with a date format.
 */
export type CellValue = string | number | boolean | CellError | null;

export interface RowOptions {
  /** Height in points; the sheet default (15) when absent. */
  height?: number;
  /** Style of the whole row, also given to its cells that have no style of their own. */
  style?: CellStyle;
  /** The row's number, after the last row added (rows between stay empty); the next one when absent. */
  row?: number;
}

export interface WorksheetOptions {
  /** Rows at the top and columns at the left that stay in view when scrolling. */
  frozen?: { rows: number; columns: number };
  page?: PageSetup;
  /** Printed header and footer in Excel's header/footer codes (&L left, &A sheet name, &P page, &N pages…). */
  header?: string;
  footer?: string;
  /** Protect the sheet (no password): only unlocked cells can be edited. */
  protection?: SheetProtection;
}

/** Excel's last row. */
const MAX_ROW = 1_048_576;

/** A date as Excel's serial day number (1900 system, UTC): 2024-03-05 is 45356. */
export const excelSerial = (d: Date): number => d.getTime() / 86_400_000 + 25569;

/** Excel's last column index (XFD), which a manual row break spans. */
const LAST_COLUMN_INDEX = 16383;

/**
 * One sheet, written row by row: each row becomes XML bytes when it is added, and those bytes are deflated
 * a buffer at a time, so a sheet of any length keeps no cell objects, no strings and no raw XML, only its
 * compressed pieces. Text goes to the workbook's shared strings (or into the cell once the table is
 * full), styles to its style sheet. Rows are appended in order; `rowCount` is the number of the last one.
 */
export class WorksheetWriter {
  /** Rows repeated at the top of every printed page, and columns at the left of every one. */
  printTitles: { first: number; last: number; columns?: { first: number; last: number } } | undefined;
  autoFilter: CellRange | undefined;
  readonly #widths: (number | undefined)[] = [];
  readonly #deflater = new EntryDeflater();
  /** The <sheetData> rows, as bytes on their way to the deflater; made at the first row. */
  #data: ByteWriter | null = null;
  #finished: DeflatedData | null = null;
  readonly #breaks: number[] = [];
  readonly #merges: string[] = [];
  readonly #validations: string[] = [];
  readonly #links: string[] = [];
  #rowCount = 0;
  #columnCount = 0;
  readonly #lastStyles: (CellStyle | undefined)[] = [];
  readonly #lastStyleIds: number[] = [];

  constructor(
    readonly name: string,
    readonly options: WorksheetOptions,
    private readonly styles: StyleSheet,
    private readonly strings: SharedStrings,
    /** The sheet shown when the workbook opens. */
    private readonly selected: boolean,
  ) {}

  get rowCount(): number {
    return this.#rowCount;
  }

  /** Width of a (1-based) column in characters of the default font. */
  setWidth(column: number, width: number): void {
    if (!(width >= 0 && width <= 255)) throw new Error(`xlsx column width out of range: ${width}`);
    this.#widths[column] = width;
  }

  /**
   * Appends a row and returns its number. `styles[i]` styles column i+1; a styled cell is written even when
   * empty (its borders and fill show). A row with no cells, height or style is only counted.
   */
  addRow(
    values: readonly CellValue[],
    styles?: readonly (CellStyle | undefined)[],
    options?: RowOptions,
  ): number {
    if (this.#finished) throw new Error(`xlsx sheet ${this.name} is finished`);
    const height = options?.height;
    if (height !== undefined && !(height >= 0 && height <= 409)) {
      throw new Error(`xlsx row height out of range: ${height}`);
    }
    const r = options?.row ?? this.#rowCount + 1;
    if (!(Number.isInteger(r) && r > this.#rowCount && r <= MAX_ROW)) {
      throw new Error(`xlsx row ${r} of ${this.name} does not follow row ${this.#rowCount}`);
    }
    const rowStyle = options?.style ? this.styles.id(options.style) : 0;
    const rowRef = `${r}"`;
    let xml = `<row r="${r}"`;
    if (height !== undefined) xml += ` ht="${height}" customHeight="1"`;
    if (rowStyle !== 0) xml += ` s="${rowStyle}" customFormat="1"`;
    xml += '>';
    let written = 0;
    let ascii = true;
    let columns = this.#columnCount;
    const n = Math.max(values.length, styles?.length ?? 0);
    for (let i = 0; i < n; i++) {
      const value = values[i] ?? null;
      const own = styles?.[i];
      if (value === null && own === undefined) continue;
      let s = rowStyle;
      if (own !== undefined) {
        // A column's cells mostly share one style object row after row: remember its index per column.
        if (own === this.#lastStyles[i]) s = this.#lastStyleIds[i]!;
        else {
          s = this.styles.id(own);
          this.#lastStyles[i] = own;
          this.#lastStyleIds[i] = s;
        }
      }
      const head = s === 0 ? cellOpen(i + 1) + rowRef : cellOpen(i + 1) + rowRef + styleAttr(s);
      if (value === null) xml += `${head}/>`;
      else if (typeof value === 'number') {
        if (!Number.isFinite(value)) {
          throw new Error(`xlsx cell ${columnName(i + 1)}${r} of ${this.name}: ${value} is not a number`);
        }
        // A number's shortest round-trip form is what xsd:double wants.
        xml += `${head}><v>${value}</v></c>`;
      } else if (typeof value === 'string') {
        const id = this.strings.id(value);
        if (id >= 0) xml += `${head} t="s"><v>${id}</v></c>`;
        else {
          xml += `${head} t="inlineStr"><is>${textElement(value)}</is></c>`;
          ascii = false;
        }
      } else if (typeof value === 'boolean') xml += `${head} t="b"><v>${value ? 1 : 0}</v></c>`;
      else {
        if (!CELL_ERRORS.has(value.error)) {
          throw new Error(
            `xlsx cell ${columnName(i + 1)}${r} of ${this.name}: ${value.error} is no Excel error`,
          );
        }
        xml += `${head} t="e"><v>${xmlText(value.error)}</v></c>`;
      }
      written++;
      if (i + 1 > columns) columns = i + 1;
    }
    this.#rowCount = r;
    if (written > 0 || height !== undefined || rowStyle !== 0) {
      // Written as bytes at once: the row's string is garbage straight away, which the collector
      // reclaims for free, where keeping 30 000 rows' strings until the end cost more than the XML itself.
      this.#data ??= new ByteWriter((bytes) => this.#deflater.push(bytes));
      if (ascii) this.#data.ascii(`${xml}</row>`);
      else this.#data.utf8(`${xml}</row>`);
      this.#columnCount = columns;
    }
    return r;
  }

  /** A manual page break after the last row added: the next row starts a printed page. */
  addPageBreak(): void {
    if (this.#rowCount > 0 && this.#breaks.at(-1) !== this.#rowCount) this.#breaks.push(this.#rowCount);
  }

  /** Cells shown as one; the value is the top-left cell's. */
  merge(range: CellRange): void {
    this.#merges.push(`<mergeCell ref="${rangeRef(range)}"/>`);
  }

  /** A data validation of one cell ("D7") or a range ("D7:E9"). */
  validate(ref: string, validation: DataValidation): void {
    this.#validations.push(validationXml(ref, validation));
  }

  /** Makes the cell `ref` a link to `location` in this workbook ("'Xã A'!A1"). */
  link(ref: string, location: string): void {
    this.#links.push(linkXml(ref, location));
  }

  /**
   * xl/worksheets/sheetN.xml, deflated, children in the order CT_Worksheet requires. Ends the sheet: it
   * takes no more rows, and its buffer is let go (a workbook of 500 sheets keeps one at a time).
   */
  finish(): DeflatedData {
    if (this.#finished) return this.#finished;
    this.#data?.flush();
    this.#data = null;
    const page = this.options.page;
    const fit = page && (page.fitToWidth !== undefined || page.fitToHeight !== undefined);
    const used =
      this.#rowCount > 0 && this.#columnCount > 0
        ? rangeRef({ firstRow: 1, firstColumn: 1, lastRow: this.#rowCount, lastColumn: this.#columnCount })
        : 'A1';
    const { header, footer } = this.options;
    const protection = this.options.protection;
    const head =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      (fit ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '') +
      `<dimension ref="${used}"/>` +
      this.#sheetViews() +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      this.#cols() +
      '<sheetData>';
    const tail =
      '</sheetData>' +
      (protection ? protectionXml(protection) : '') +
      (this.autoFilter ? `<autoFilter ref="${rangeRef(this.autoFilter)}"/>` : '') +
      listXml('mergeCells', this.#merges) +
      listXml('dataValidations', this.#validations) +
      (this.#links.length > 0 ? `<hyperlinks>${this.#links.join('')}</hyperlinks>` : '') +
      (page ? pageXml(page) : '') +
      (header || footer
        ? `<headerFooter>${header ? `<oddHeader>${xmlText(header)}</oddHeader>` : ''}${footer ? `<oddFooter>${xmlText(footer)}</oddFooter>` : ''}</headerFooter>`
        : '') +
      this.#rowBreaks() +
      '</worksheet>';
    this.#finished = this.#deflater.finish(Buffer.from(head, 'utf8'), Buffer.from(tail, 'utf8'));
    return this.#finished;
  }

  #sheetViews(): string {
    const tab = this.selected ? ' tabSelected="1"' : '';
    const rows = this.options.frozen?.rows ?? 0;
    const columns = this.options.frozen?.columns ?? 0;
    if (rows === 0 && columns === 0) return `<sheetViews><sheetView${tab} workbookViewId="0"/></sheetViews>`;
    const topLeft = `${columnName(columns + 1)}${rows + 1}`;
    const pane = rows > 0 && columns > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
    const split = (columns > 0 ? ` xSplit="${columns}"` : '') + (rows > 0 ? ` ySplit="${rows}"` : '');
    return (
      `<sheetViews><sheetView${tab} workbookViewId="0">` +
      `<pane${split} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
      `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>` +
      '</sheetView></sheetViews>'
    );
  }

  /** Column widths, neighbours of equal width merged into one <col> span. */
  #cols(): string {
    let xml = '';
    const widths = this.#widths;
    for (let c = 1; c < widths.length; c++) {
      const width = widths[c];
      if (width === undefined) continue;
      let last = c;
      while (widths[last + 1] === width) last++;
      xml += `<col min="${c}" max="${last}" width="${width}" customWidth="1"/>`;
      c = last;
    }
    return xml ? `<cols>${xml}</cols>` : '';
  }

  #rowBreaks(): string {
    if (this.#breaks.length === 0) return '';
    const breaks = this.#breaks.map((r) => `<brk id="${r}" max="${LAST_COLUMN_INDEX}" man="1"/>`).join('');
    return `<rowBreaks count="${this.#breaks.length}" manualBreakCount="${this.#breaks.length}">${breaks}</rowBreaks>`;
  }
}
