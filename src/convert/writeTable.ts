import type { CellValue } from '../model/cell.js';
import { isCellError } from '../model/cell.js';
import { newWorkbook, workbookBytes } from '../render/excelWorkbook.js';
import { neutralise } from '../render/neutralise.js';
import { reportDate } from '../render/reportDate.js';

const FIXED_DATE = reportDate({});

import type { NamedSheet } from './jsonTable.js';
import { renderJsonTable } from './jsonTable.js';
import { uniqueSheetNames } from './sheetNames.js';

export const OUTPUT_FORMATS = ['csv', 'tsv', 'xlsx', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface WriteOptions {
  /** Decimal mark of numbers in CSV/TSV (xlsx and JSON hold real numbers). */
  decimal: 'dot' | 'comma';
  /** Start CSV/TSV with a UTF-8 byte order mark (what Excel needs to see Vietnamese in a .csv). */
  bom: boolean;
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

function cellText(v: CellValue, options: WriteOptions): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? numberText(v, options.decimal) : String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (isCellError(v)) return v.error;
  return neutraliseCell(v);
}

/** RFC 4180 fields, LF line ends; a field is quoted when it holds the delimiter, a quote or a line break. */
export function renderDelimited(sheet: NamedSheet, delimiter: ',' | '\t', options: WriteOptions): string {
  const needsQuotes = delimiter === ',' ? /[",\r\n]/ : /["\t\r\n]/;
  // Every line gets the table's width: tools that take the first line as the header need it.
  const width = sheet.rows.reduce((w, r) => Math.max(w, r.cells.length), 0);
  const lines = sheet.rows.map((r) =>
    Array.from({ length: width }, (_, i) => r.cells[i] ?? null)
      .map((c) => {
        const s = cellText(c, options);
        return needsQuotes.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
      })
      .join(delimiter),
  );
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\n')}${lines.length > 0 ? '\n' : ''}`;
}

/** One sheet per table, numbers as numeric cells, text neutralised, rows at the row numbers they had. */
export async function renderXlsx(sheets: readonly NamedSheet[]): Promise<Uint8Array> {
  const wb = newWorkbook();
  wb.created = FIXED_DATE;
  wb.modified = wb.created;
  const names = uniqueSheetNames(sheets.map((s) => s.sheet));
  sheets.forEach((s, i) => {
    const ws = wb.addWorksheet(names[i]!);
    for (const r of s.rows) {
      const row = ws.getRow(r.row);
      r.cells.forEach((v, c) => {
        if (v === null) return;
        row.getCell(c + 1).value = isCellError(v)
          ? { error: v.error as '#N/A' }
          : typeof v === 'string'
            ? neutraliseCell(v)
            : v;
      });
    }
  });
  // Fixed workbook and zip dates: the same inputs give the same bytes.
  return workbookBytes(wb, FIXED_DATE);
}

export async function renderTables(
  sheets: readonly NamedSheet[],
  format: OutputFormat,
  options: WriteOptions,
): Promise<string | Uint8Array> {
  if (format === 'xlsx') return renderXlsx(sheets);
  if (format === 'json') return renderJsonTable(sheets);
  return renderDelimited(sheets[0] ?? { sheet: '', rows: [] }, format === 'tsv' ? '\t' : ',', options);
}
