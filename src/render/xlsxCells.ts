import type { Dec } from '../model/decimal.js';
import { toNumber } from '../model/decimal.js';
import type { Argb, CellStyle } from '../ooxml/styleSheet.js';
import type { WorkbookWriter } from '../ooxml/workbookWriter.js';
import type { RowOptions, WorksheetWriter } from '../ooxml/worksheetWriter.js';
import { neutralise } from './neutralise.js';
import { subtitleLine, type TitleBlock } from './titleBlock.js';

/**
 * Small helpers shared by the report's sheets: text neutralised against formula injection, numbers as
 * numeric cells with a fixed-decimals format, headers, widths and print setup.
 */

/** Cell content: a string (always neutralised), a number, or nothing. */
export type CellInput = string | number | null;

/** The writer never writes a string as a formula; this guards what people do with the file next. */
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
 * Appends a row and returns its number; strings are neutralised here, the one place text reaches a
 * cell. `styles[i]` is the shared style of column i+1 (see bodyStyles).
 */
export function addRow(
  ws: WorksheetWriter,
  values: readonly CellInput[],
  styles?: readonly (CellStyle | undefined)[],
  row?: RowOptions,
): number {
  let safe = values;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'string') continue;
    const text = safeText(v);
    if (text === v) continue;
    if (safe === values) safe = values.slice(); // copied only when some text changes, which is rare
    (safe as CellInput[])[i] = text;
  }
  return ws.addRow(safe, styles, row);
}

export const BORDER_COLOR = 'FFBFC5CD';

/** "#1e7b3a" → "FF1E7B3A". */
export const argb = (hex: string): Argb => `FF${hex.replace('#', '').toUpperCase()}`;

/** Header cells: bold white on dark blue, wrapped, centred, a thin line below. */
const HEADER: CellStyle = Object.freeze<CellStyle>({
  font: { bold: true, color: 'FFFFFFFF' },
  fill: 'FF1F3A5F',
  alignment: { vertical: 'center', horizontal: 'center', wrapText: true },
  border: { bottom: BORDER_COLOR },
});
const headerCache = new Map<string, CellStyle>();
/** A header cell filled `light` and written in `ink` (the band columns of *Xếp loại*). */
export function headerFilled(light: string, ink: string): CellStyle {
  const key = `${light}${ink}`;
  let style = headerCache.get(key);
  if (!style) {
    style = Object.freeze<CellStyle>({
      ...HEADER,
      fill: argb(light),
      font: { bold: true, color: argb(ink) },
    });
    headerCache.set(key, style);
  }
  return style;
}

/** A header row, 32 points high; `styles` replaces the header style of some cells. */
export function addHeader(
  ws: WorksheetWriter,
  values: readonly CellInput[],
  styles?: readonly (CellStyle | undefined)[],
): number {
  return addRow(
    ws,
    values,
    values.map((_, i) => styles?.[i] ?? HEADER),
    { height: 32 },
  );
}

const TITLE: CellStyle = Object.freeze<CellStyle>({ font: { bold: true, size: 14, color: 'FF1F3A5F' } });
const SUBTITLE: CellStyle = Object.freeze<CellStyle>({ font: { italic: true, color: 'FF555F6D' } });
/** A heading between tables, e.g. the per-unit totals of *Thẩm định*. */
export const HEADING: CellStyle = Object.freeze<CellStyle>({ font: { bold: true, size: 12 } });

/** The report's title block as every sheet shows it (see titleBlock.ts). */
export interface SheetHead {
  /** Row 1 starts with it: "Kết quả Chỉ số cải cách hành chính — Xếp hạng". */
  title: string;
  /** Row 2: period · issuer · date, the notes, the settings and the number of groups and units. */
  subtitle: string;
  /** The printed page header, in Excel's header codes: issuer left, title centre, date right. */
  printHeader: string;
}

/** "&" starts a code in an Excel page header; a literal one is written twice. */
const headerText = (text: string): string => text.replaceAll('&', '&&');

export function sheetHead(t: TitleBlock, subtitle: string): SheetHead {
  const parts = [
    t.issuer ? `&L${headerText(t.issuer)}` : '',
    `&C&B${headerText([t.title, t.period].filter(Boolean).join(' — '))}&B`,
    t.date ? `&R${headerText(t.date)}` : '',
  ];
  const line = [subtitleLine(t), ...t.notes, subtitle].filter((x) => x !== '').join(' · ');
  // Excel refuses a header longer than 255 characters.
  return { title: t.title, subtitle: line, printHeader: parts.join('').slice(0, 255) };
}

/** Title (row 1) and the title block's line (row 2) above a sheet's table; the same in the page header. */
export function addTitle(ws: WorksheetWriter, head: SheetHead, sheet: string): void {
  addRow(ws, [`${head.title} — ${sheet}`], undefined, { style: TITLE, height: 22 });
  addRow(ws, [head.subtitle], undefined, { style: SUBTITLE });
  ws.options.header = head.printHeader;
}

export interface SheetOptions {
  /** Last header row (frozen and, by default, repeated on every printed page). */
  headerRows: number;
  /** Columns frozen at the left. */
  frozenColumns?: number;
  /** First row repeated on every printed page; the last header row when absent. */
  printTitlesFrom?: number;
}

/** A sheet frozen under its headers, printed A4 landscape, one page wide, headers repeated. */
export function addSheet(wb: WorkbookWriter, name: string, opts: SheetOptions): WorksheetWriter {
  const ws = wb.addSheet(name, {
    frozen: { rows: opts.headerRows, columns: opts.frozenColumns ?? 0 },
    page: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    footer: '&L&A&R&P / &N', // sheet name at the left, "page / pages" at the right
  });
  ws.printTitles = { first: opts.printTitlesFrom ?? opts.headerRows, last: opts.headerRows };
  return ws;
}

/** Printable width of A4 landscape inside the sheets' margins (0.4 in each side), in points. */
const PRINT_WIDTH = (11.69 - 0.8) * 72;
/** The smallest scale that keeps 11-point body text at 8 points or more when printed. */
export const MIN_SCALE = Math.ceil((8 / 11) * 100);

/**
 * Sets the widths of columns 1, 2, … in characters, and how the sheet prints: fitted to one page wide
 * when that keeps the text at 8 points or more, else at that smallest scale, split across pages with the
 * first column repeated (the unit names), so that no report prints in type too small to read.
 */
export function setWidths(ws: WorksheetWriter, widths: readonly number[]): void {
  widths.forEach((w, i) => {
    ws.setWidth(i + 1, w);
  });
  const page = ws.options.page;
  if (!page) return;
  // Excel's column width: characters of the default font's digit (7 px) plus 5 px padding, at 96 dpi.
  const points = widths.reduce((sum, w) => sum + (w * 7 + 5) * 0.75, 0);
  if ((PRINT_WIDTH / points) * 100 >= MIN_SCALE) return;
  delete page.fitToWidth;
  delete page.fitToHeight;
  page.scale = MIN_SCALE;
  if (ws.printTitles) ws.printTitles.columns = { first: 1, last: 1 };
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

/**
 * Shared, frozen styles for table bodies. The style sheet finds a style it has seen by identity, so
 * 30 000 detail cells sharing a dozen objects cost a dozen style look-ups.
 */
export function bodyStyles(precision: number) {
  const border = Object.freeze({
    top: BORDER_COLOR,
    bottom: BORDER_COLOR,
    left: BORDER_COLOR,
    right: BORDER_COLOR,
  });
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
    centerInteger: make({ numFmt: '0', alignment: { vertical: 'top', horizontal: 'center' } }),
    change: make({ numFmt: '+0;-0;0' }),
    muted: make({
      alignment: { vertical: 'top', horizontal: 'center' },
      font: { color: 'FF6B7280' },
    }),
    /** A cell filled with `light` and written in bold `ink` (band cells); one object per colour pair. */
    filled(light: string, ink: string, numFmt?: string): CellStyle {
      const key = `${light}${ink}${numFmt ?? ''}`;
      let style = filled.get(key);
      if (!style) {
        style = make({
          fill: argb(light),
          font: { bold: true, color: argb(ink) },
          ...(numFmt ? { numFmt } : {}),
        });
        filled.set(key, style);
      }
      return style;
    },
  };
}
export type BodyStyles = ReturnType<typeof bodyStyles>;
