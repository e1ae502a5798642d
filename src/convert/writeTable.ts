import type { CellValue, RawRow } from '../model/cell.js';
import { isCellError } from '../model/cell.js';
import type { CellStyle } from '../ooxml/styleSheet.js';
import { WorkbookWriter } from '../ooxml/workbookWriter.js';
import {
  CELL_ERRORS,
  excelSerial,
  type WorksheetWriter,
  type CellValue as XlsxValue,
} from '../ooxml/worksheetWriter.js';
import { neutralise } from '../render/neutralise.js';
import { jsonCell, TABLE_SCHEMA } from './jsonTable.js';
import { uniqueSheetNames } from './sheetNames.js';

export const OUTPUT_FORMATS = ['csv', 'tsv', 'xlsx', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface WriteOptions {
  /** Decimal mark of numbers in CSV/TSV (xlsx and JSON hold real numbers). */
  decimal: 'dot' | 'comma';
  /** Start CSV/TSV with a UTF-8 byte order mark (what Excel needs to see Vietnamese in a .csv). */
  bom: boolean;
  /** The instant stamped on an xlsx (its properties and zip entries): the same inputs give the same bytes. */
  date: Date;
}

/** Where an output's bytes go (a temporary file renamed at the end, or standard output), in order. */
export interface ByteSink {
  write(chunk: string | Uint8Array): Promise<void>;
}

/**
 * One output file written table by table and row by row, never holding a table: CSV and JSON text goes
 * to the sink in blocks, an xlsx keeps only its compressed sheets until it ends (WorkbookWriter).
 */
export interface TableWriter {
  /** Starts a table; `width` is its widest row (every CSV line gets that many fields). */
  table(name: string, width: number): void;
  row(row: RawRow): Promise<void>;
  /** Ends the output. */
  end(): Promise<void>;
}

/**
 * OWASP CSV injection (docs/outputs.md): text that a spreadsheet would run as a formula gets a leading
 * apostrophe. Not touched: numbers written as text ("-0,5", "+84…" read as numbers anyway) and a lone dash,
 * which is how clerks write N/A.
 */
export function neutraliseCell(text: string): string {
  if (/^[+-]?\d[\d.,\s]*%?$/.test(text) || /^[-–—]$/.test(text.trim())) return text;
  return neutralise(text);
}

/** A number as a spreadsheet shows it: 15 significant digits, no exponent for ordinary values. */
export function numberText(n: number, decimal: WriteOptions['decimal']): string {
  const plain = String(Number(n.toPrecision(15)));
  return decimal === 'comma' ? plain.replace('.', ',') : plain;
}

export function tableWriter(format: OutputFormat, sink: ByteSink, options: WriteOptions): TableWriter {
  if (format === 'xlsx') return new XlsxWriter(sink, options.date);
  if (format === 'json') return new JsonWriter(sink);
  return new DelimitedWriter(sink, format === 'tsv' ? '\t' : ',', options);
}

/** Text is handed to the sink in blocks of about this many characters. */
const BLOCK = 1 << 16;

/** Collects text and writes it in blocks, waiting for the sink (so a slow pipe holds the writer back). */
class Blocks {
  #text = '';
  constructor(private readonly sink: ByteSink) {}
  /** Adds text, writing a block when one is full. */
  async add(text: string): Promise<void> {
    this.#text += text;
    if (this.#text.length >= BLOCK) await this.flush();
  }
  /** Adds text without writing (from a step that cannot wait; the next add or flush writes it). */
  push(text: string): void {
    this.#text += text;
  }
  async flush(): Promise<void> {
    if (this.#text === '') return;
    const text = this.#text;
    this.#text = '';
    await this.sink.write(text);
  }
}

function cellText(v: CellValue, options: WriteOptions): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? numberText(v, options.decimal) : String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (isCellError(v)) return v.error;
  return neutraliseCell(v);
}

/** RFC 4180 fields, LF line ends; a field is quoted when it holds the delimiter, a quote or a line break. */
class DelimitedWriter implements TableWriter {
  readonly #out: Blocks;
  readonly #quote: RegExp;
  #width = -1;

  constructor(
    sink: ByteSink,
    private readonly delimiter: ',' | '\t',
    private readonly options: WriteOptions,
  ) {
    this.#out = new Blocks(sink);
    this.#quote = delimiter === ',' ? /[",\r\n]/ : /["\t\r\n]/;
  }

  table(_name: string, width: number): void {
    if (this.#width >= 0) throw new Error('a CSV holds one table');
    // Every line gets the table's width: tools that take the first line as the header need it.
    this.#width = width;
    if (this.options.bom) this.#out.push('\uFEFF');
  }

  row(row: RawRow): Promise<void> {
    let line = '';
    for (let i = 0; i < this.#width; i++) {
      const s = cellText(row.cells[i] ?? null, this.options);
      if (i > 0) line += this.delimiter;
      line += this.#quote.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
    }
    return this.#out.add(`${line}\n`);
  }

  end(): Promise<void> {
    return this.#out.flush();
  }
}

/**
 * cchc.table/1 (jsonTable.ts), one row per line:
 * {"schema":"cchc.table/1","sheets":[
 * {"name":"Xã A","rows":[
 * {"row":1,"cells":["Đơn vị","Điểm"]},
 * …
 * ]}
 * ]}
 */
class JsonWriter implements TableWriter {
  readonly #out: Blocks;
  #tables = 0;
  #rows = 0;

  constructor(sink: ByteSink) {
    this.#out = new Blocks(sink);
    this.#out.push(`{"schema":${JSON.stringify(TABLE_SCHEMA)},"sheets":[`);
  }

  table(name: string): void {
    this.#out.push(
      `${this.#closeTable()}${this.#tables++ === 0 ? '' : ','}\n{"name":${JSON.stringify(name)},"rows":[`,
    );
    this.#rows = 0;
  }

  row(row: RawRow): Promise<void> {
    const json = JSON.stringify({ row: row.row, cells: row.cells.map(jsonCell) });
    return this.#out.add(`${this.#rows++ === 0 ? '\n' : ',\n'}${json}`);
  }

  async end(): Promise<void> {
    await this.#out.add(`${this.#closeTable()}\n]}\n`);
    await this.#out.flush();
  }

  #closeTable(): string {
    return this.#tables === 0 ? '' : `${this.#rows > 0 ? '\n' : ''}]}`;
  }
}

const DATE: CellStyle = Object.freeze({ numFmt: 'yyyy-mm-dd' });
const DATE_TIME: CellStyle = Object.freeze({ numFmt: 'yyyy-mm-dd hh:mm:ss' });

/** One sheet per table, numbers as numeric cells, text neutralised, rows at the row numbers they had. */
class XlsxWriter implements TableWriter {
  readonly #wb: WorkbookWriter;
  readonly #names: string[] = [];
  #sheet: WorksheetWriter | null = null;

  constructor(
    private readonly sink: ByteSink,
    private readonly date: Date,
  ) {
    this.#wb = new WorkbookWriter({ creator: 'cchc', title: '', created: date, modified: date });
  }

  table(name: string): void {
    this.#sheet?.finish();
    const unique = uniqueSheetNames([name], this.#names)[0]!;
    this.#names.push(unique);
    this.#sheet = this.#wb.addSheet(unique);
  }

  async row(row: RawRow): Promise<void> {
    const ws = this.#sheet!;
    const values: XlsxValue[] = [];
    let styles: (CellStyle | undefined)[] | undefined;
    row.cells.forEach((v, i) => {
      if (v instanceof Date) {
        if (Number.isNaN(v.getTime())) return;
        styles ??= [];
        styles[i] = v.getTime() % 86_400_000 === 0 ? DATE : DATE_TIME;
        values[i] = excelSerial(v);
      } else values[i] = xlsxValue(v);
    });
    // Rows keep their numbers (a clerk's D7 is still D7) unless a file listed them out of order.
    const at = row.row > ws.rowCount && row.row <= MAX_ROW ? row.row : undefined;
    ws.addRow(values, styles, at === undefined ? undefined : { row: at });
  }

  async end(): Promise<void> {
    if (this.#names.length === 0) this.table('Sheet1');
    for (const part of this.#wb.toParts(this.date)) await this.sink.write(part);
  }
}

const MAX_ROW = 1_048_576;

function xlsxValue(v: Exclude<CellValue, Date>): XlsxValue {
  if (v === null || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (isCellError(v)) return CELL_ERRORS.has(v.error) ? (v as XlsxValue) : v.error;
  return neutraliseCell(v);
}
