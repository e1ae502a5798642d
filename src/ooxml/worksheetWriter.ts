import { ByteWriter } from './byteWriter.js';
import type { SharedStrings } from './sharedStrings.js';
import type { CellStyle, StyleSheet } from './styleSheet.js';
import { xmlText } from './xmlEscape.js';

/** What a cell holds: text (written as it is given: neutralise before), a finite number, or nothing. */
export type CellValue = string | number | null;

export interface RowOptions {
  /** Height in points; the sheet default (15) when absent. */
  height?: number;
  /** Style of the whole row, also given to its cells that have no style of their own. */
  style?: CellStyle;
}

export interface PageSetup {
  /** Excel paper code: 9 is A4. */
  paperSize: number;
  orientation: 'portrait' | 'landscape';
  /** Scale to this many pages wide / tall; 0 means as many as needed. Absent: no fitting. */
  fitToWidth?: number;
  fitToHeight?: number;
  /** Print scale in percent (10–400), used when the sheet is not fitted to pages. */
  scale?: number;
  /** Inches. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
}

export interface WorksheetOptions {
  /** Rows at the top and columns at the left that stay in view when scrolling. */
  frozen?: { rows: number; columns: number };
  page?: PageSetup;
  /** Printed header and footer in Excel's header/footer codes (&L left, &A sheet name, &P page, &N pages…). */
  header?: string;
  footer?: string;
}

/** A rectangle of 1-based row and column numbers. */
export interface CellRange {
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
}

/** Excel's last column index (XFD), which a manual row break spans. */
const LAST_COLUMN_INDEX = 16383;

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
const cellOpen = (column: number): string => {
  let open = cellOpens[column];
  if (open === undefined) {
    open = `<c r="${columnName(column)}`;
    cellOpens[column] = open;
  }
  return open;
};
const styleAttrs: string[] = [];
/** ` s="5"`, cached per style index. */
const styleAttr = (s: number): string => {
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

/**
 * One sheet, written row by row: each row becomes XML bytes when it is added, so a 30 000-cell sheet
 * keeps no cell objects and no strings. Text goes to the workbook's shared strings, styles to its
 * style sheet. Rows are appended in order; `rowCount` is the number of the last one.
 */
export class WorksheetWriter {
  /** Rows repeated at the top of every printed page, and columns at the left of every one. */
  printTitles: { first: number; last: number; columns?: { first: number; last: number } } | undefined;
  autoFilter: CellRange | undefined;
  readonly #widths: (number | undefined)[] = [];
  /** The <sheetData> rows, as bytes. */
  readonly #data = new ByteWriter();
  readonly #breaks: number[] = [];
  #rowCount = 0;
  #columnCount = 0;
  readonly #lastStyles: (CellStyle | undefined)[] = [];
  readonly #lastStyleIds: number[] = [];

  constructor(
    readonly name: string,
    readonly options: WorksheetOptions,
    private readonly styles: StyleSheet,
    private readonly strings: SharedStrings,
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
    const height = options?.height;
    if (height !== undefined && !(height >= 0 && height <= 409)) {
      throw new Error(`xlsx row height out of range: ${height}`);
    }
    const rowStyle = options?.style ? this.styles.id(options.style) : 0;
    const r = ++this.#rowCount;
    const rowRef = `${r}"`;
    let xml = `<row r="${r}"`;
    if (height !== undefined) xml += ` ht="${height}" customHeight="1"`;
    if (rowStyle !== 0) xml += ` s="${rowStyle}" customFormat="1"`;
    xml += '>';
    let written = 0;
    let columns = this.#columnCount;
    try {
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
        } else xml += `${head} t="s"><v>${this.strings.id(value)}</v></c>`;
        written++;
        if (i + 1 > columns) columns = i + 1;
      }
    } catch (error) {
      this.#rowCount--; // nothing of the row was written
      throw error;
    }
    if (written > 0 || height !== undefined || rowStyle !== 0) {
      // Written as bytes at once: the row's string is garbage straight away, which the collector
      // reclaims for free, where keeping 30 000 rows' strings until the end cost more than the XML itself.
      this.#data.ascii(`${xml}</row>`);
      this.#columnCount = columns;
    }
    return r;
  }

  /** A manual page break after the last row added: the next row starts a printed page. */
  addPageBreak(): void {
    if (this.#rowCount > 0 && this.#breaks.at(-1) !== this.#rowCount) this.#breaks.push(this.#rowCount);
  }

  /** xl/worksheets/sheetN.xml, children in the order CT_Worksheet requires. */
  toBytes(selected: boolean): Uint8Array {
    const page = this.options.page;
    const fit = page && (page.fitToWidth !== undefined || page.fitToHeight !== undefined);
    const used =
      this.#rowCount > 0 && this.#columnCount > 0
        ? rangeRef({ firstRow: 1, firstColumn: 1, lastRow: this.#rowCount, lastColumn: this.#columnCount })
        : 'A1';
    const { header, footer } = this.options;
    const head =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      (fit ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '') +
      `<dimension ref="${used}"/>` +
      this.#sheetViews(selected) +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      this.#cols() +
      '<sheetData>';
    const tail =
      '</sheetData>' +
      (this.autoFilter ? `<autoFilter ref="${rangeRef(this.autoFilter)}"/>` : '') +
      (page ? pageXml(page) : '') +
      (header || footer
        ? `<headerFooter>${header ? `<oddHeader>${xmlText(header)}</oddHeader>` : ''}${footer ? `<oddFooter>${xmlText(footer)}</oddFooter>` : ''}</headerFooter>`
        : '') +
      this.#rowBreaks() +
      '</worksheet>';
    return Buffer.concat([Buffer.from(head, 'utf8'), ...this.#data.chunks(), Buffer.from(tail, 'utf8')]);
  }

  #sheetViews(selected: boolean): string {
    const tab = selected ? ' tabSelected="1"' : '';
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

function pageXml(page: PageSetup): string {
  const m = page.margins;
  let setup = `paperSize="${page.paperSize}"`;
  if (page.scale !== undefined) setup += ` scale="${page.scale}"`;
  setup += ` orientation="${page.orientation}"`;
  if (page.fitToWidth !== undefined) setup += ` fitToWidth="${page.fitToWidth}"`;
  if (page.fitToHeight !== undefined) setup += ` fitToHeight="${page.fitToHeight}"`;
  return (
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
    `<pageSetup ${setup}/>`
  );
}
