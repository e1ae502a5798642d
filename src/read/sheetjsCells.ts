import type { CellObject, WorkSheet } from '@e965/xlsx';
import type { CellRange, CellValue, RawRow } from '../model/cell.js';
import { excelDate, isDateFormat } from '../ooxml/cellValue.js';
import { nfc } from '../ooxml/nfc.js';

/** Excel's error codes as BIFF stores them (SheetJS gives the code in `v`, its text only with cellText). */
const ERRORS: Record<number, string> = {
  0: '#NULL!',
  7: '#DIV/0!',
  15: '#VALUE!',
  23: '#REF!',
  29: '#NAME?',
  36: '#NUM!',
  42: '#N/A',
  43: '#GETTING_DATA',
};

export interface CellRules {
  date1904: boolean;
  /** A number format given by its index (older files): its code, for the date test. */
  formatCode: (id: number) => string | undefined;
}

/**
 * One SheetJS cell as the readers' plain value, by the same rules as the xlsx reader (ooxml/cellValue.ts):
 * text NFC and '' as empty, numbers with a date format as dates, errors as CellError, a formula through
 * its cached result and without one as { error: 'NO_CACHED_VALUE' }.
 */
export function sheetjsCell(cell: CellObject | undefined, rules: CellRules): CellValue {
  if (cell === undefined) return null;
  const { v } = cell;
  if (v === undefined || v === null || cell.t === 'z') {
    return cell.f !== undefined ? { error: 'NO_CACHED_VALUE' } : null;
  }
  switch (cell.t) {
    case 's': {
      const text = nfc(String(v));
      return text === '' ? null : text;
    }
    case 'b':
      return v === true;
    case 'e':
      return { error: typeof v === 'number' ? (ERRORS[v] ?? (cell.w || `#ERROR ${v}`)) : String(v) };
    case 'd':
      return v instanceof Date ? v : new Date(String(v));
    default: {
      if (typeof v !== 'number') return typeof v === 'string' ? nfc(v) : null;
      const z = typeof cell.z === 'number' ? rules.formatCode(cell.z) : cell.z;
      return isDateFormat(z) ? excelDate(v, rules.date1904) : v;
    }
  }
}

/** The rows of a dense SheetJS sheet that hold a value, each trimmed after its last value. */
export function sheetjsRows(ws: WorkSheet, rules: CellRules): RawRow[] {
  const rows: RawRow[] = [];
  const data = (ws['!data'] ?? []) as (CellObject[] | undefined)[];
  for (let r = 0; r < data.length; r++) {
    const source = data[r];
    if (source === undefined) continue;
    const cells: CellValue[] = [];
    for (let c = 0; c < source.length; c++) {
      const value = sheetjsCell(source[c], rules);
      if (value === null) continue;
      while (cells.length < c) cells.push(null);
      cells[c] = value;
    }
    if (cells.length > 0) rows.push({ row: r + 1, cells });
  }
  return rows;
}

/** SheetJS's `!merges` (0-based corners) as the readers' ranges, in reading order. */
export function sheetjsMerges(ws: WorkSheet): CellRange[] {
  return (ws['!merges'] ?? [])
    .map((m) => ({ top: m.s.r + 1, left: m.s.c, bottom: m.e.r + 1, right: m.e.c }))
    .sort((a, b) => a.top - b.top || a.left - b.left);
}
