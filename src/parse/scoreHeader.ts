import type { CellValue } from '../model/cell.js';
import { columnLetter } from '../model/cell.js';
import { type Diagnostic, diag } from '../model/diagnostic.js';
import type { Framework } from '../model/framework.js';
import { headerKey } from '../model/normalize.js';
import { normalizeCode } from './criteriaRow.js';
import { isFormHeader } from './formTitle.js';
import type { HeaderBlock } from './headerBlock.js';
import { type HeaderMap, mapHeaderBlock, SCORE_FIELDS, SURVEY_VALUE_FIELDS } from './headers.js';
import { matchValueWords } from './headerWords.js';
import { resolveCode } from './resolveCode.js';

export const LAYOUTS = ['long', 'wide', 'form'] as const;
export type Layout = (typeof LAYOUTS)[number];

export type ScoreRole = 'scores' | 'survey';

/** A wide-layout column: which code its header names and which value it holds, or why it is not read. */
export interface CodeColumn {
  index: number;
  text: string;
  code: string;
  kind: 'leaf' | 'parent' | 'unknown' | 'other' | 'duplicate';
  /** The value under the code: appraised, unless the header rows above it say self-assessed. */
  value: 'self' | 'appraised';
}

export interface ScoreHeader {
  layout: 'long' | 'wide' | 'survey' | 'form';
  map: HeaderMap;
  /** Wide layout: the columns other than the named fields. */
  columns: CodeColumn[];
  /**
   * The column a survey value is read from: the `survey` field, or in a long-layout survey file the single
   * value column (`Điểm`); -1 when there is none.
   */
  surveyCol: number;
}

/** A survey file's fields: the score fields and a plain value column. */
const SURVEY_FILE_FIELDS = { ...SCORE_FIELDS, ...SURVEY_VALUE_FIELDS };
const aliasKeys = (spec: Record<string, readonly string[]>) =>
  new Set(Object.values(spec).flatMap((aliases) => aliases.map(headerKey)));
const ALIAS_KEYS = { scores: aliasKeys(SCORE_FIELDS), survey: aliasKeys(SURVEY_FILE_FIELDS) };

/** Fields a data row fills in on every row: text in one of these columns is data, never more header. */
const KEY_FIELDS = ['unit', 'group', 'unit_code', 'criterion', 'criterion_name', 'stt', 'max'];

/** A code at the start of a header: `1.1.2`, `II`, a path `II.1.2` or a sub-item `1.2.a` / `1.2a`. */
const CODE = '((?:[IVX]+\\.)?[0-9]+(?:\\.[0-9]+)*(?:\\.?[a-zđ](?![a-zđ]))?|[IVXLC]+)';
const LEADING_CODE = new RegExp(`^${CODE}(?:\\.|\\s|$|[-–:)])`, 'i');
/** A header that is nothing but a code ("1.1.2", "II.1"): a criterion column whatever the framework. */
const BARE_CODE = new RegExp(`^${CODE}\\.?$`, 'i');

/** "1.1.2", "1.1.2. Ban hành kế hoạch", 1.1 (a number) → the code; "Tổng điểm" → null. */
export function leadingCode(cell: CellValue, text: string): string | null {
  if (typeof cell === 'number') return normalizeCode(cell);
  const m = LEADING_CODE.exec(text);
  return m ? normalizeCode(m[1]!) : null;
}

/** The criterion code a column's header names in its lowest row ("1.1.2" under "1. Công tác …"). */
function columnCode(block: HeaderBlock, index: number): { code: string; bare: boolean } | null {
  const parts = block.parts[index] ?? [];
  const lowest = parts[parts.length - 1];
  if (lowest === undefined) return null;
  const cell = block.first === block.last ? (block.cells[index] ?? null) : lowest;
  const code = leadingCode(cell, lowest);
  return code === null ? null : { code, bare: typeof cell === 'number' || BARE_CODE.test(lowest) };
}

function classify(
  framework: Framework | null,
  block: HeaderBlock,
  others: HeaderMap['others'],
): CodeColumn[] {
  return others.map(({ index, text }) => {
    const found = columnCode(block, index);
    const words = matchValueWords((block.parts[index] ?? []).slice(0, -1).join(' '));
    const value = words && 'field' in words && words.field === 'self' ? 'self' : 'appraised';
    if (found === null) return { index, text, code: '', kind: 'other', value };
    const { code } = found;
    if (framework === null) return { index, text, code, kind: /^\d/.test(code) ? 'leaf' : 'other', value };
    const node = resolveCode(framework, code);
    if (Array.isArray(node))
      return { index, text, code, kind: /^\d/.test(code) ? 'unknown' : 'other', value };
    return { index, text, code: node.code, kind: node.children.length === 0 ? 'leaf' : 'parent', value };
  });
}

/** The key columns of a header so far (see headerBlocks): where a data row always writes something. */
export function scoreKeyColumns(block: HeaderBlock): Set<number> {
  const map = mapHeaderBlock(block, SCORE_FIELDS);
  const keys = new Set<number>();
  for (const f of KEY_FIELDS) {
    const col = map.fields.get(f);
    if (col !== undefined) keys.add(col);
  }
  return keys;
}

/**
 * Decides a score file's layout from its header (one to three rows): `long` (unit, criterion,
 * self/appraised — in a survey file also a single value column), `survey` (unit and one survey value
 * column), `wide` (unit and criterion-code columns) or `form` (no unit column; a code/STT column and
 * self/appraised: one sheet per unit, see readForm). `forced` is --layout. Without a framework (inspect),
 * any code-like column counts as a criterion column.
 */
export function detectScoreHeader(
  block: HeaderBlock,
  framework: Framework | null,
  forced: Layout | undefined,
  role: ScoreRole = 'scores',
): ScoreHeader | null {
  const spec = role === 'survey' ? SURVEY_FILE_FIELDS : SCORE_FIELDS;
  const aliases = ALIAS_KEYS[role];
  const preempt = (index: number) => {
    const found = columnCode(block, index);
    if (found === null || aliases.has(headerKey(block.texts[index] ?? ''))) return false;
    return found.bare || (framework !== null && !Array.isArray(resolveCode(framework, found.code)));
  };
  const map = mapHeaderBlock(block, spec, { words: true, preempt });
  const f = map.fields;
  if (forced === 'form' || !f.has('unit')) {
    return (forced === undefined || forced === 'form') && isFormHeader(map)
      ? { layout: 'form', map, columns: [], surveyCol: -1 }
      : null;
  }
  const surveyCol = f.get('survey') ?? f.get('value') ?? -1;
  const hasValue = f.has('self') || f.has('appraised') || (role === 'survey' && surveyCol >= 0);
  if (f.has('criterion') && hasValue && (forced === undefined || forced === 'long'))
    return { layout: 'long', map, columns: [], surveyCol };
  if (forced === 'long') return null;
  const columns = classify(framework, block, map.others);
  if (columns.some((c) => c.kind === 'leaf'))
    return { layout: 'wide', map, columns, surveyCol: f.get('survey') ?? -1 };
  if (f.has('survey') && forced === undefined)
    return { layout: 'survey', map, columns, surveyCol: f.get('survey')! };
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
