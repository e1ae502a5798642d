import type { Corrupt } from './errors.js';
import { nfc } from './nfc.js';
import type { SheetCell } from './sheetRow.js';

/** OOXML escapes control characters as _xHHHH_ (Excel writes _x000D_ for a carriage return). */
export const decodeEscapes = (s: string): string =>
  s.includes('_x')
    ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : s;

export interface SheetContext {
  sharedStrings: readonly string[] | undefined;
  /** Whether the cell style `s` has a date number format. */
  isDateStyle: (style: number) => boolean;
  date1904: boolean;
  /** Called with the running count of <row> elements so the caller can enforce its cap. */
  onRow: (count: number) => void;
  corrupt: Corrupt;
  /** Characters of one cell's text (<v>, or the runs of an inline string); past it, E_CELL_TOO_LONG. */
  maxCellChars: number;
  /** Columns a row may fill with values; a value further right is E_TOO_MANY_COLUMNS. */
  maxColumns: number;
  /** Give each row the style index of each of its cells (SheetRow.styles), for cell fonts. */
  keepStyles?: boolean;
  /** Told of each corrupt cell (its A1 reference and row number) before its CorruptCell is handed on. */
  onCorrupt?: (cell: string, row: number, value: CorruptCell) => void;
  /** Called with the `ref` of each <mergeCell> (they follow the cells). */
  onMerge?: (ref: string) => void;
}

/** What a cell's XML said: its type (`t`), style (`s`), whether it has a formula, and its value text. */
export interface CellXml {
  type: string | undefined;
  style: number;
  formula: boolean;
  /** The text of <v> or of the inline string's <t> runs; null when the cell has neither. */
  text: string | null;
  /** How many <v> elements it had (more than one is a corrupt cell). */
  values: number;
}

/** Why a cell's stored value cannot be what it says. */
export type CorruptKind = 'number' | 'blank-number' | 'boolean' | 'string-index' | 'two-values';

/**
 * A cell whose stored value is damaged: `<v>0x3</v>` or `<v> </v>` in a number cell, a shared-string index
 * out of range, two <v> in one cell. Never a silent value or a blank: the reader reports it at the cell
 * (SheetContext.onCorrupt) and hands on this error value, which no rule accepts.
 */
export interface CorruptCell {
  error: '#CORRUPT';
  kind: CorruptKind;
  /** The stored text, as found. */
  found: string;
}

const corrupt = (kind: CorruptKind, found: string): CorruptCell => ({ error: '#CORRUPT', kind, found });

export const isCorrupt = (v: SheetCell): v is CorruptCell =>
  typeof v === 'object' && v !== null && !(v instanceof Date) && v.error === '#CORRUPT';

/**
 * A number as a spreadsheet stores it (xsd:double, as Excel, LibreOffice and exceljs write it): no hex,
 * binary or octal prefix, no "Infinity", no separators. JavaScript's Number() accepts all of those and
 * reads blank text as 0.
 */
const STORED_NUMBER = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
/** A shared-string index: plain digits. */
const INDEX = /^\d{1,10}$/;

/** The plain value of a cell (docs/inputs.md reads numbers, text, booleans, errors and dates). */
export function cellValue(cell: CellXml, ctx: SheetContext): SheetCell {
  const { text, type, formula } = cell;
  if (cell.values > 1) return corrupt('two-values', text ?? '');
  if (text === null) return formula ? { error: 'NO_CACHED_VALUE' } : null;
  switch (type) {
    case 's': {
      const s = INDEX.test(text) ? ctx.sharedStrings?.[Number(text)] : undefined;
      if (s === undefined) return corrupt('string-index', text);
      return s === '' ? null : s;
    }
    case 'str':
    case 'inlineStr':
      return text === '' ? null : nfc(decodeEscapes(text));
    case 'b':
      if (text === '1' || text === 'true') return true;
      if (text === '0' || text === 'false') return false;
      return corrupt('boolean', text);
    case 'e':
      return { error: text };
    case 'd': {
      const d = new Date(text);
      return Number.isNaN(d.getTime()) ? text : d;
    }
    default: {
      if (text === '') return formula ? { error: 'NO_CACHED_VALUE' } : null;
      if (!STORED_NUMBER.test(text)) return corrupt(text.trim() === '' ? 'blank-number' : 'number', text);
      const n = Number(text);
      return ctx.isDateStyle(cell.style) ? excelDate(n, ctx.date1904) : n;
    }
  }
}

/** Excel serial day → Date (UTC), as exceljs does; 1904-based workbooks are offset by 1462 days. */
export const excelDate = (serial: number, date1904: boolean): Date =>
  new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

/** exceljs's rule: a number format is a date format if, outside quotes and [..], it has y m d h s or b. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}
