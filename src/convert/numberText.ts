import type { CellValue, RawRow } from '../model/cell.js';
import { toPlain } from '../model/decimal.js';
import { CRITERIA_FIELDS, mapHeader, SCORE_FIELDS } from '../parse/headers.js';
import { parseNumberText } from '../score/rules/cellValues.js';

/** "1,5", "-0.25", "20", "1.234,5", "1,234.5": digits with at most one decimal mark and optional grouping. */
const NUMBER_SHAPE = /^[+-]?(?:\d{1,3}(?:([.,\s])\d{3})(?:\1\d{3})*(?:[.,]\d+)?|\d+(?:[.,]\d+)?)$/;
/** "1.234" and "1,234" read as a thousand in Vietnamese and as one point something in English: left as text. */
const AMBIGUOUS = /^[+-]?[1-9]\d{0,2}[.,]\d{3}$/;

/**
 * The number a clerk meant by a text cell, or null when the text is not plainly a number. Codes ("1.1.2"),
 * numbers with leading zeros ("007" — an identifier), ratios ("14/19"), percentages and the ambiguous
 * "1.234" stay text. The result is exact to 15 significant digits (what a spreadsheet keeps).
 */
export function textToNumber(text: string): number | null {
  const s = text.trim();
  if (!NUMBER_SHAPE.test(s) || AMBIGUOUS.test(s)) return null;
  if (/^[+-]?0\d/.test(s)) return null;
  const dec = parseNumberText(s.replace(/\s/g, ''));
  if (dec === null) return null;
  const n = Number(toPlain(dec));
  return Number.isFinite(n) && Math.abs(n) < 1e15 ? n : null;
}

/** Fields whose columns hold identifiers and words, never numbers: their text is left as written. */
const TEXT_FIELDS = new Set([
  'unit',
  'group',
  'criterion',
  'criterion_name',
  'unit_code',
  'evidence',
  'reason',
  'note',
  'stt',
  'code',
  'name',
  'component',
  'rule',
  'na',
  'groups',
  'parent',
]);

/** Rows looked through for the header, which decides the number columns: convert holds this many back. */
export const HEADER_SCAN_ROWS = 60;

export interface NumberColumns {
  /** Row number of the recognised header; rows up to it are titles and keep their text. 0 = none found. */
  headerRow: number;
  /** 0-based columns whose text is never turned into numbers. */
  textColumns: Set<number>;
}

/** Finds the header row (two or more known score or criteria columns) and its identifier columns. */
export function numberColumns(rows: readonly RawRow[]): NumberColumns {
  for (const raw of rows.slice(0, HEADER_SCAN_ROWS)) {
    const score = mapHeader(raw.cells, SCORE_FIELDS);
    const criteria = mapHeader(raw.cells, CRITERIA_FIELDS);
    const best = score.fields.size >= criteria.fields.size ? score : criteria;
    if (best.fields.size < 2) continue;
    const textColumns = new Set<number>();
    for (const [field, col] of [...score.fields, ...criteria.fields]) {
      const isValue = field === 'max' || field === 'self' || field === 'appraised' || field === 'survey';
      if (!isValue && TEXT_FIELDS.has(field)) textColumns.add(col);
    }
    // A column both maps call a value ('Điểm' is a criteria max) stays a value column.
    for (const [field, col] of [...score.fields, ...criteria.fields]) {
      if (field === 'max' || field === 'self' || field === 'appraised' || field === 'survey')
        textColumns.delete(col);
    }
    return { headerRow: raw.row, textColumns };
  }
  return { headerRow: 0, textColumns: new Set() };
}

/** The number for a text cell below the header in a value column, else the cell unchanged. */
export function normaliseCell(v: CellValue, row: number, col: number, columns: NumberColumns): CellValue {
  if (typeof v !== 'string' || row <= columns.headerRow || columns.textColumns.has(col)) return v;
  return textToNumber(v) ?? v;
}
