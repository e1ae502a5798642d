import type { CellValue } from '../model/cell.js';
import { columnLetter } from '../model/cell.js';
import { type Diagnostic, diag } from '../model/diagnostic.js';
import type { Framework } from '../model/framework.js';
import { normalizeCode } from './criteriaRow.js';
import { isFormHeader } from './formTitle.js';
import { type HeaderMap, mapHeader, SCORE_FIELDS } from './headers.js';
import { resolveCode } from './resolveCode.js';

export const LAYOUTS = ['long', 'wide', 'form'] as const;
export type Layout = (typeof LAYOUTS)[number];

/** A wide-layout column: which code its header names, or why it is not a value column. */
export interface CodeColumn {
  index: number;
  text: string;
  code: string;
  kind: 'leaf' | 'parent' | 'unknown' | 'other';
}

export interface ScoreHeader {
  layout: 'long' | 'wide' | 'survey' | 'form';
  map: HeaderMap;
  /** Wide layout: the columns other than the named fields. */
  columns: CodeColumn[];
}

/** A code at the start of a header: `1.1.2`, `II`, a path `II.1.2` or a sub-item `1.2.a` / `1.2a`. */
const LEADING_CODE =
  /^((?:[IVX]+\.)?[0-9]+(?:\.[0-9]+)*(?:\.?[a-zđ](?![a-zđ]))?|[IVXLC]+)(?:\.|\s|$|[-–:)])/i;

/** "1.1.2", "1.1.2. Ban hành kế hoạch", 1.1 (a number) → the code; "Tổng điểm" → null. */
export function leadingCode(cell: CellValue, text: string): string | null {
  if (typeof cell === 'number') return normalizeCode(cell);
  const m = LEADING_CODE.exec(text);
  return m ? normalizeCode(m[1]!) : null;
}

function classify(
  framework: Framework,
  others: HeaderMap['others'],
  cells: readonly CellValue[],
): CodeColumn[] {
  return others.map(({ index, text }) => {
    const code = leadingCode(cells[index] ?? null, text);
    if (code === null) return { index, text, code: '', kind: 'other' };
    const node = resolveCode(framework, code);
    if (Array.isArray(node)) return { index, text, code, kind: /^\d/.test(code) ? 'unknown' : 'other' };
    return { index, text, code: node.code, kind: node.children.length === 0 ? 'leaf' : 'parent' };
  });
}

/**
 * Decides a score file's layout from its header row: `long` (unit, criterion, self/appraised), `survey`
 * (unit and one survey value column), `wide` (unit and leaf-code columns) or `form` (no unit column; a
 * code/STT column and self/appraised: one sheet per unit, see readForm). `forced` is --layout.
 */
export function detectScoreHeader(
  cells: CellValue[],
  framework: Framework,
  forced: Layout | undefined,
): ScoreHeader | null {
  const map = mapHeader(cells, SCORE_FIELDS);
  if (forced === 'form' || !map.fields.has('unit')) {
    return (forced === undefined || forced === 'form') && isFormHeader(map)
      ? { layout: 'form', map, columns: [] }
      : null;
  }
  const isLong = map.fields.has('criterion') && (map.fields.has('self') || map.fields.has('appraised'));
  if (isLong && (forced === undefined || forced === 'long')) return { layout: 'long', map, columns: [] };
  if (forced === 'long') return null;
  const columns = classify(framework, map.others, cells);
  const hasCodes = columns.some((c) => c.kind === 'leaf');
  if (hasCodes) return { layout: 'wide', map, columns };
  if (map.fields.has('survey') && forced === undefined) return { layout: 'survey', map, columns };
  return null;
}

export function duplicateHeaderDiagnostics(
  header: HeaderMap,
  where: { file: string; sheet: string },
  row: number,
): Diagnostic[] {
  return [...header.duplicates].map(([field, cols]) => {
    const column = columnLetter(cols[1]!);
    return diag(
      'E_DUPLICATE_HEADER',
      'error',
      { ...where, row, column, cell: `${column}${row}` },
      {
        field,
        columns: cols.map(columnLetter).join(', '),
      },
    );
  });
}
