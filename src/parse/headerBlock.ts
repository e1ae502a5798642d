import type { CellRange, CellValue, RawRow } from '../model/cell.js';
import { cellText } from '../model/normalize.js';

/**
 * A header of one to three rows, combined column by column. Offices head their tables with merged
 * cells: `Điểm` over `Tự đánh giá | Thẩm định`, `Đơn vị` merged down over two rows, a caption over a row of
 * domains over a row of criterion codes. A merged range's value is only in its top-left cell, so an upper
 * row's text is carried right across the rest of its merge, or — where merges are unknown (a CSV, a sheet
 * whose merges come after its cells) — across the blank cells that have a lower header row's text below.
 */
export interface HeaderBlock {
  /** First and last row of the header (1-based), a column-numbering row included. */
  first: number;
  last: number;
  /** Per column: the header rows' texts, top to bottom, blanks and repeats left out. */
  parts: string[][];
  /** Per column: the parts joined by a space ('' for a column without header). */
  texts: string[];
  /** What a one-row reader matches: the row's own cells for a one-row header, else `texts`. */
  cells: CellValue[];
  /** The column-numbering row under the header ("(1) (2) (3)", "A B 1 2 3"), if any. */
  numbering: number | null;
}

const MAX_HEADER_ROWS = 3;

/** "(1)", "2", "(3)=(1)+(2)", "A", "(B)": a cell of the row that numbers a form's columns. */
const NUMBERING_CELL = /^\(?([0-9]{1,2}|[A-Za-z])\)?(?:\s*[=+\-x*/]\s*\(?[0-9]{1,2}\)?)*$/;

/**
 * The row under a header that numbers its columns, in order: two or more cells, every one a column
 * number or letter, the numbers counting up by one from 1. Never a data row: those name a unit or a
 * criterion, and values left without their unit (5 and 45, 30 and 31) are no such count.
 */
export function isNumberingRow(texts: readonly string[]): boolean {
  let count = 0;
  let last = -1;
  for (const t of texts) {
    if (t === '') continue;
    const m = NUMBERING_CELL.exec(t);
    if (!m) return false;
    count++;
    const n = Number(m[1]);
    if (Number.isInteger(n)) {
      if (n !== (last < 0 ? 1 : last + 1)) return false;
      last = n;
    }
  }
  return count >= 2;
}

const textsOf = (raw: RawRow): string[] => raw.cells.map((c) => cellText(c ?? null));
const isBlankRow = (texts: readonly string[]): boolean => texts.every((t) => t === '');

/** The one-row header of `raw`. */
export function oneRowBlock(raw: RawRow): HeaderBlock {
  const texts = textsOf(raw);
  return {
    first: raw.row,
    last: raw.row,
    parts: texts.map((t) => (t === '' ? [] : [t])),
    texts,
    cells: raw.cells,
    numbering: null,
  };
}

/**
 * The headers that may start at `rows[at]`, shortest first: the row alone, then with each following row
 * that continues it (at most three header rows), then with a column-numbering row under them. A row
 * continues the header only when it leaves blank every column the header so far calls a key column
 * (`keys`: the unit, the code, the STT — what each data row fills in), so a data row is never taken for
 * header. A blank row ends the header.
 */
export function headerBlocks(
  rows: readonly RawRow[],
  at: number,
  merges: readonly CellRange[],
  keys: (block: HeaderBlock) => ReadonlySet<number>,
): HeaderBlock[] {
  const first = rows[at]!;
  const blocks = [oneRowBlock(first)];
  const members: string[][] = [textsOf(first)];
  const rowNumbers = [first.row];
  for (let i = at + 1; i < rows.length; i++) {
    const raw = rows[i]!;
    const texts = textsOf(raw);
    if (raw.row !== rowNumbers[rowNumbers.length - 1]! + 1 || isBlankRow(texts)) break;
    if (isNumberingRow(texts)) {
      blocks.push({ ...combine(members, rowNumbers, merges), last: raw.row, numbering: raw.row });
      break;
    }
    if (members.length >= MAX_HEADER_ROWS) break;
    const key = keys(blocks[blocks.length - 1]!);
    if (texts.some((t, c) => t !== '' && key.has(c))) break;
    members.push(texts);
    rowNumbers.push(raw.row);
    blocks.push(combine(members, rowNumbers, merges));
  }
  return blocks;
}

function combine(members: readonly string[][], rowNumbers: readonly number[], merges: readonly CellRange[]) {
  const width = Math.max(...members.map((m) => m.length));
  const filled = members.map((texts, j) =>
    fillRight(texts, rowNumbers[j]!, members.slice(j + 1), merges, width),
  );
  const parts: string[][] = [];
  for (let c = 0; c < width; c++) {
    const column: string[] = [];
    for (const texts of filled) {
      const t = texts[c] ?? '';
      if (t !== '' && t !== column[column.length - 1]) column.push(t);
    }
    parts.push(column);
  }
  const texts = parts.map((p) => p.join(' '));
  return {
    first: rowNumbers[0]!,
    last: rowNumbers[rowNumbers.length - 1]!,
    parts,
    texts,
    cells: texts as CellValue[],
    numbering: null,
  };
}

/**
 * An upper header row with each label carried right across the blank cells it heads: the rest of its
 * merged range, or, outside any merge, the blank cells with a lower row's text below — provided the
 * label has a lower row's text below it too (a group label, not a column's own merged-down header).
 */
function fillRight(
  texts: readonly string[],
  row: number,
  below: readonly string[][],
  merges: readonly CellRange[],
  width: number,
): string[] {
  const out = [...texts];
  if (below.length === 0) return out;
  const hasBelow = (c: number) => below.some((b) => (b[c] ?? '') !== '');
  for (let c = 0; c < width; c++) {
    const label = texts[c] ?? '';
    if (label === '') continue;
    const merge = merges.find((m) => m.top === row && m.left === c);
    if (merge && merge.right > c) {
      for (let k = c + 1; k <= merge.right; k++) if ((out[k] ?? '') === '') out[k] = label;
      continue;
    }
    if (!hasBelow(c)) continue;
    for (let k = c + 1; k < width && (texts[k] ?? '') === '' && hasBelow(k); k++) {
      if (merges.some((m) => m.top <= row && m.bottom >= row && m.left <= k && m.right >= k)) break;
      out[k] = label;
    }
  }
  return out;
}
