import { columnLetter, isCellError, type RawRow, type SheetKind } from '../model/cell.js';
import { type Diagnostic, diag } from '../model/diagnostic.js';
import { isBlank } from '../model/normalize.js';
import type { TextEncoding } from '../read/decodeText.js';
import type { InputSource } from './inputSource.js';
import {
  type LegacyFont,
  LegacyFontDetector,
  type LegacyFontOption,
  legacyFontOfName,
} from './legacyFont.js';
import { singleByteView } from './singleByteView.js';

/** One sheet as the first pass found it. */
export interface ScannedSheet {
  /** 1-based position in the workbook, to find it again. */
  index: number;
  /** The name as read (the written name is cleaned of its legacy font later). */
  name: string;
  hidden: boolean;
  /** A chart sheet or another sheet without cells (SheetSource.kind). */
  kind?: SheetKind;
  /** Rows read. */
  rows: number;
  /** The highest row number (an xlsx keeps rows at their numbers). */
  lastRow: number;
  /** The most cells of a row: every CSV line gets this many fields. */
  width: number;
  /** Whether any cell holds something. */
  hasData: boolean;
}

export interface InputScan {
  source: InputSource;
  sheets: ScannedSheet[];
  /**
   * What the reader noticed (a corrupt cell is an error) and each formula without a stored value, at its
   * cell: with an error, the input cannot be converted faithfully.
   */
  diagnostics: Diagnostic[];
  encoding: TextEncoding | null;
  /** The font of text without a legacy font name: given, or found by detection under `auto`; null: none. */
  font: LegacyFont | null;
  /** Every sheet's rows, kept when the input is small, so the second pass need not read it again. */
  cached: RawRow[][] | null;
}

/**
 * Rows kept from the first pass for the second, so that a small file (an .xls or .ods above all, which
 * SheetJS parses whole) is read once; past this, the file is read again rather than held
 * (docs/benchmark.md: bounded memory).
 */
export const CACHE_ROWS = 20_000;

/** What view a legacy decoder needs of a text: a Windows-1258 CSV is looked at through its bytes. */
export const legacyView = (encoding: TextEncoding | null): ((s: string) => string | null) =>
  encoding === 'windows-1258' ? singleByteView : (s) => s;

/**
 * The first pass over one input: its sheets (with data or not, how wide), the formulas it holds without
 * a value, and under `--legacy-font auto` the file's font, judged on all its text except the cells a
 * workbook puts in a named legacy font (those speak for themselves). Nothing is written before every
 * input has been read this way, so a table that cannot go out whole is known in time.
 */
export async function scanInput(
  source: InputSource,
  encoding: TextEncoding | null,
  option: LegacyFontOption,
  cacheRows = CACHE_ROWS,
): Promise<InputScan> {
  const view = legacyView(encoding);
  const detector = option === 'auto' ? new LegacyFontDetector() : null;
  const look = (text: string) => detector?.add(view(text) ?? text);
  const sheets: ScannedSheet[] = [];
  const diagnostics: Diagnostic[] = [];
  let cached: RawRow[][] | null = [];
  let kept = 0;
  // Told once, on this pass: the second reading says nothing new.
  for await (const s of source.open((d) => diagnostics.push(d))) {
    look(s.sheet);
    const sheet: ScannedSheet = {
      index: s.index,
      name: s.sheet,
      hidden: s.hidden,
      ...(s.kind ? { kind: s.kind } : {}),
      rows: 0,
      lastRow: 0,
      width: 0,
      hasData: false,
    };
    const rows: RawRow[] = [];
    for await (const r of s.rows()) {
      sheet.rows++;
      if (r.row > sheet.lastRow) sheet.lastRow = r.row;
      if (r.cells.length > sheet.width) sheet.width = r.cells.length;
      r.cells.forEach((c, i) => {
        if (typeof c === 'string') {
          if (legacyFontOfName(r.fonts?.[i]) === null) look(c);
        } else if (isCellError(c) && c.error === 'NO_CACHED_VALUE') {
          const column = columnLetter(i);
          const where = { file: source.file, sheet: s.sheet, row: r.row, column, cell: `${column}${r.row}` };
          diagnostics.push(diag('E_FORMULA_NO_VALUE', 'error', where));
        }
        if (!sheet.hasData && !isBlank(c)) sheet.hasData = true;
      });
      if (cached !== null) {
        rows.push(r);
        if (++kept > cacheRows) cached = null;
      }
    }
    cached?.push(rows);
    sheets.push(sheet);
  }
  const font = option === 'auto' ? (detector?.font() ?? null) : option === 'none' ? null : option;
  return { source, sheets, diagnostics, encoding, font, cached };
}
