import { extname } from 'node:path';
import { Readable } from 'node:stream';
import type { CellValue, RawRow, SheetSource } from '../model/cell.js';
import { detectEncoding, type TextEncoding } from '../read/decodeText.js';
import { openSheets, type ReadOptions } from '../read/openSheets.js';
import { readJsonTable } from './jsonTable.js';
import {
  convertLegacy,
  detectLegacyFontInTexts,
  type LegacyFont,
  type LegacyFontOption,
} from './legacyFont.js';
import { normaliseCell, numberColumns } from './numberText.js';
import { singleByteView } from './singleByteView.js';

/** A sheet read whole: convert needs every text of a file before it can decide its legacy font. */
export interface Sheet {
  file: string;
  sheet: string;
  index: number;
  hidden: boolean;
  rows: RawRow[];
}

export interface CleanStats {
  /** CSV text encoding as detected (or forced); null for workbooks and JSON. */
  encoding: TextEncoding | null;
  font: LegacyFont | null;
  /** Text cells re-encoded from the legacy font. */
  legacyCells: number;
  /** Text cells that now hold a number written differently ("1,5" → 1.5; "2" → 2 is not counted). */
  numbers: number;
}

export interface CleanOptions {
  legacyFont: LegacyFontOption;
}

const ZIP = [0x50, 0x4b];
const CFB = [0xd0, 0xcf];

/** Bytes of standard input, read once: convert looks at them (encoding) and then parses them. */
export async function readStdin(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(parts);
}

/** Every sheet of one input (xlsx, xls, csv/tsv/txt, or JSON written by convert), read whole. */
export async function loadSheets(file: string, read: ReadOptions): Promise<Sheet[]> {
  const source: AsyncIterable<SheetSource> =
    extname(file).toLowerCase() === '.json' ? readJsonTable(file) : openSheets(file, read);
  const sheets: Sheet[] = [];
  for await (const s of source) {
    const rows: RawRow[] = [];
    for await (const r of s.rows()) rows.push(r);
    sheets.push({ file, sheet: s.sheet, index: s.index, hidden: s.hidden, rows });
  }
  return sheets;
}

/** What the CSV reader decoded a text file as (null for workbooks), judged on the same first bytes. */
export function csvEncoding(
  head: Buffer,
  complete: boolean,
  forced: string | undefined,
): TextEncoding | null {
  if (ZIP.every((b, i) => head[i] === b) || CFB.every((b, i) => head[i] === b)) return null;
  const text = head.toString('latin1', 0, 256).replace(/^\xEF\xBB\xBF/, '');
  if (/^\s*</.test(text)) return null; // an HTML "xls"
  return detectEncoding(head, complete, forced).encoding;
}

/**
 * Re-encodes legacy font text (one font decided for the whole file) and turns number-like text below the
 * header into numbers, in place. Only a Windows-1258 CSV is looked at through its single-byte view: in any
 * other file the characters already are what a legacy converter expects.
 */
export function cleanSheets(
  sheets: Sheet[],
  encoding: TextEncoding | null,
  options: CleanOptions,
): CleanStats {
  const stats: CleanStats = { encoding, font: null, legacyCells: 0, numbers: 0 };
  const view = encoding === 'windows-1258' ? singleByteView : (s: string) => s;
  if (options.legacyFont !== 'none') {
    const texts = function* () {
      for (const s of sheets)
        for (const r of s.rows) for (const c of r.cells) if (typeof c === 'string') yield view(c) ?? c;
    };
    const font = options.legacyFont === 'auto' ? detectLegacyFontInTexts(texts()) : options.legacyFont;
    stats.font = font;
    if (font !== null) {
      for (const s of sheets) {
        s.sheet = String(legacyCell(s.sheet, font, view, { ...stats }));
        for (const r of s.rows) r.cells = r.cells.map((c) => legacyCell(c, font, view, stats));
      }
    }
  }
  for (const s of sheets) {
    const columns = numberColumns(s.rows);
    for (const r of s.rows) {
      r.cells = r.cells.map((c, i) => {
        const v = normaliseCell(c, r.row, i, columns);
        // "2" → 2 is no news; "1,5" → 1.5 and " 2 " → 2 are what the summary counts.
        if (v !== c && typeof c === 'string' && c !== String(v)) stats.numbers++;
        return v;
      });
    }
  }
  return stats;
}

function legacyCell(
  c: CellValue,
  font: LegacyFont,
  view: (s: string) => string | null,
  stats: CleanStats,
): CellValue {
  if (typeof c !== 'string') return c;
  const bytes = view(c);
  if (bytes === null) return c;
  const converted = convertLegacy(bytes, font);
  if (!converted.changed) return c;
  stats.legacyCells++;
  return converted.text;
}

/** The cleaned sheets as the readers' SheetSource, so score's parsers can read them (convert --to long). */
export async function* memorySheets(sheets: readonly Sheet[]): AsyncGenerator<SheetSource> {
  for (const s of sheets) {
    yield {
      file: s.file,
      sheet: s.sheet,
      index: s.index,
      merges: () => [],
      hidden: s.hidden,
      rows: () => Readable.from(s.rows),
    };
  }
}
