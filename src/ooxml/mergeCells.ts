import type { SheetRange } from './sheetRow.js';

const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_383; // XFD
const REF = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/;

/** One corner of a range: "B7" or "$B$7" → [row 7, column 1]; undefined when it is not a cell reference. */
function corner(text: string): [number, number] | undefined {
  const m = REF.exec(text.trim().toUpperCase());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  const row = Number(m[2]);
  if (row < 1 || row > MAX_ROW || col - 1 > MAX_COLUMN) return undefined;
  return [row, col - 1];
}

/**
 * A merged range's `ref` ("A1:B3"; a lone "C4" is a one-cell range) as rows and columns, the corners put
 * in order whichever way round they were written; undefined when it is not a range of cells.
 */
export function parseRange(ref: string): SheetRange | undefined {
  const [from = '', to = from, extra] = ref.split(':');
  if (extra !== undefined) return undefined;
  const a = corner(from);
  const b = corner(to);
  if (!a || !b) return undefined;
  return {
    top: Math.min(a[0], b[0]),
    left: Math.min(a[1], b[1]),
    bottom: Math.max(a[0], b[0]),
    right: Math.max(a[1], b[1]),
  };
}

const MERGE_CELL = /<(?:[A-Za-z_][\w.-]*:)?mergeCell\s[^>]*?\bref\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const SHEET_DATA = Buffer.from('sheetData');

/**
 * The `ref` of every <mergeCell> in a worksheet held whole. Excel writes <mergeCells> after <sheetData>,
 * so only the bytes after the last "sheetData" are looked at: a few hundred bytes, not the cells.
 */
export function mergeRefsAfterCells(xml: Buffer): string[] {
  const at = xml.lastIndexOf(SHEET_DATA);
  const tail = xml.toString('utf8', at < 0 ? 0 : at);
  return [...tail.matchAll(MERGE_CELL)].map((m) => m[1] ?? m[2] ?? '');
}
