import type { Cell, Row, Style, Workbook, Worksheet } from 'exceljs';
import type { Dec } from '../score/decimal.js';
import { toNumber } from '../score/decimal.js';

import { neutralise } from './neutralise.js';

/**
 * Small helpers shared by the report's sheets: text neutralised against formula injection, numbers as
 * numeric cells with a fixed-decimals format, headers, widths and print setup.
 */

/** Cell content: a string (always neutralised), a number, or nothing. */
export type CellInput = string | number | null;

/** exceljs never writes a string as a formula; this guards what people do with the file next. */
export const safeText = neutralise;

/** Excel number format with `places` fixed decimals: 2 → "0.00", 0 → "0". */
export const decimalFormat = (places: number): string => (places > 0 ? `0.${'0'.repeat(places)}` : '0');

/** Signed format for changes: "+1.25", "-0.50", "0.00". */
export const signedFormat = (places: number): string => {
  const f = decimalFormat(places);
  return `+${f};-${f};${f}`;
};

export const num = (d: Dec): number => toNumber(d);
export const numOrNull = (d: Dec | null): number | null => (d === null ? null : toNumber(d));

/**
 * Appends a row; strings are neutralised here, the one place text reaches a cell. `styles[i]` is the
 * shared style of column i+1 (see bodyStyles): assigned, never copied, so writing stays linear.
 */
export function addRow(
  ws: Worksheet,
  values: readonly CellInput[],
  styles?: readonly (CellStyle | undefined)[],
): Row {
  const row = ws.addRow(values.map((v) => (typeof v === 'string' ? safeText(v) : v)));
  if (styles) {
    styles.forEach((style, i) => {
      if (style) row.getCell(i + 1).style = style;
    });
  }
  return row;
}

export const BORDER_COLOR = 'FFBFC5CD';
const HEADER_FILL = 'FF1F3A5F';

export function fill(cell: Cell, hex: string): void {
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) } };
}

/** "#1e7b3a" → "FF1E7B3A". */
export const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;

/** A header row: bold white on dark blue, wrapped, centred, thin borders. */
export function styleHeader(row: Row): void {
  row.height = 32;
  row.eachCell((cell) => {
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    fill(cell, HEADER_FILL);
    cell.border = { bottom: { style: 'thin', color: { argb: BORDER_COLOR } } };
  });
}

/** Title (row 1) and settings line (row 2) above a sheet's table. */
export function addTitle(ws: Worksheet, title: string, subtitle: string): void {
  const t = addRow(ws, [title]);
  t.font = { bold: true, size: 14, color: { argb: 'FF1F3A5F' } };
  t.height = 22;
  const s = addRow(ws, [subtitle]);
  s.font = { italic: true, color: { argb: 'FF555F6D' } };
}

export interface SheetOptions {
  /** Last header row (frozen and repeated on every printed page). */
  headerRows: number;
  /** Columns frozen at the left. */
  frozenColumns?: number;
}

/** A sheet frozen under its headers, printed A4 landscape, one page wide, headers repeated. */
export function addSheet(wb: Workbook, name: string, opts: SheetOptions): Worksheet {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: opts.frozenColumns ?? 0, ySplit: opts.headerRows }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&L&A&R&P / &N' },
  });
  ws.pageSetup.printTitlesRow = `${opts.headerRows}:${opts.headerRows}`;
  return ws;
}

/**
 * Column widths in characters: a fixed width, or fitted to the longest text seen (Vietnamese names are
 * long: "Ủy ban nhân dân xã Chúc Sơn"), clamped so one long name does not push the rest off the page.
 */
export function fitWidth(texts: Iterable<string>, min: number, max: number): number {
  let longest = 0;
  for (const t of texts) if (t.length > longest) longest = t.length;
  return Math.max(min, Math.min(max, longest + 2));
}

export type CellStyle = Partial<Style>;

/**
 * Shared, frozen styles for table bodies. exceljs caches a style by object identity when writing, so
 * 30 000 detail cells sharing a dozen objects cost one style each; a fresh object per cell (what
 * `cell.numFmt = …` or `cell.border = …` give) made a 300 × 100 province take two seconds to write.
 */
export function bodyStyles(precision: number) {
  const side = { style: 'thin' as const, color: { argb: BORDER_COLOR } };
  const border = { top: side, bottom: side, left: side, right: side };
  const top: CellStyle['alignment'] = { vertical: 'top' };
  const make = (extra: CellStyle): CellStyle =>
    Object.freeze<CellStyle>({ border, alignment: top, ...extra });
  const fmt = decimalFormat(precision);
  const filled = new Map<string, CellStyle>();
  return {
    text: make({}),
    wrap: make({ alignment: { vertical: 'top', wrapText: true } }),
    center: make({ alignment: { vertical: 'top', horizontal: 'center' } }),
    number: make({ numFmt: fmt }),
    bold: make({ numFmt: fmt, font: { bold: true } }),
    signed: make({ numFmt: signedFormat(precision) }),
    integer: make({ numFmt: '0' }),
    change: make({ numFmt: '+0;-0;0' }),
    muted: make({
      alignment: { vertical: 'top', horizontal: 'center' },
      font: { color: { argb: 'FF6B7280' } },
    }),
    /** A cell filled with `light` and written in bold `ink` (band cells); one object per colour pair. */
    filled(light: string, ink: string, numFmt?: string): CellStyle {
      const key = `${light}${ink}${numFmt ?? ''}`;
      let style = filled.get(key);
      if (!style) {
        style = make({
          fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(light) } },
          font: { bold: true, color: { argb: argb(ink) } },
          ...(numFmt ? { numFmt } : {}),
        });
        filled.set(key, style);
      }
      return style;
    },
  };
}
export type BodyStyles = ReturnType<typeof bodyStyles>;
