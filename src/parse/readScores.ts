import type { CellValue, RawRow } from '../model/cell.js';
import { columnLetter } from '../model/cell.js';
import { diag, type Location } from '../model/diagnostic.js';
import type { Framework, FrameworkNode } from '../model/framework.js';
import { cellText, isBlank } from '../model/normalize.js';
import { cellLocation, type LeafEntry, type SheetRef } from '../model/scores.js';
import { normalizeCode } from './criteriaRow.js';
import { describeFields, extraCell, extraCellWarning, SCORE_FIELDS } from './headers.js';
import { locateTables, type SheetsOptions } from './locateTable.js';
import { readFormTable } from './readForm.js';
import { resolveCode, unresolvedCode } from './resolveCode.js';
import { totalLabelTest } from './rowLabels.js';
import type { ScoreBook } from './scoreBook.js';
import {
  detectScoreHeader,
  duplicateHeaderDiagnostics,
  type Layout,
  type ScoreHeader,
} from './scoreHeader.js';

export type ScoreRole = 'scores' | 'survey';

/** The columns a score row is read from, looked up once per table (-1: no such column). */
interface Columns {
  unitText: (v: CellValue) => string;
  groupText: (v: CellValue) => string;
  /** A "Cộng" / "Tổng cộng" row in the unit column: the file's own sums, not a unit. */
  isTotal: (name: string) => boolean;
  unit: number;
  group: number;
  unitCode: number;
  criterion: number;
  self: number;
  appraised: number;
  survey: number;
  reason: number;
  evidence: number;
  note: number;
}

/** cellText with a memory of one: a long file repeats the unit and group of the row above. */
function memoText(): (v: CellValue) => string {
  let last: CellValue = null;
  let text = '';
  return (v) => {
    if (v !== last) {
      last = v;
      text = cellText(v);
    }
    return text;
  };
}

function columnsOf(header: ScoreHeader): Columns {
  const at = (name: string) => header.map.fields.get(name) ?? -1;
  return {
    unitText: memoText(),
    groupText: memoText(),
    isTotal: totalLabelTest(),
    unit: at('unit'),
    group: at('group'),
    unitCode: at('unit_code'),
    criterion: at('criterion'),
    self: at('self'),
    appraised: at('appraised'),
    survey: at('survey'),
    reason: at('reason'),
    evidence: at('evidence'),
    note: at('note'),
  };
}

interface RowContext {
  raw: RawRow;
  /** One object per sheet, shared by every entry read from it. */
  where: SheetRef;
  header: ScoreHeader;
  cols: Columns;
}

const cellLoc = (ctx: RowContext, col: number): Location => cellLocation(ctx.where, ctx.raw.row, col);

/** The cell in column `col` as read; null when there is no such column. */
const cellAt = (ctx: RowContext, col: number): CellValue => (col < 0 ? null : (ctx.raw.cells[col] ?? null));

/** The cell in column `col`, null when there is no such column or the cell is blank. */
const valueAt = (ctx: RowContext, col: number): CellValue => {
  const value = col < 0 ? null : (ctx.raw.cells[col] ?? null);
  return isBlank(value) ? null : value;
};

/** The framework's only survey leaf, for files with a single survey value column. */
export function soleSurveyLeaf(framework: Framework): FrameworkNode | FrameworkNode[] {
  const leaves = framework.leaves.filter((l) => l.component === 'survey');
  return leaves.length === 1 ? leaves[0]! : leaves;
}

function rowUnit(ctx: RowContext, book: ScoreBook, role: ScoreRole) {
  const { cols } = ctx;
  const name = cols.unitText(cellAt(ctx, cols.unit));
  if (name === '') {
    book.reject(diag('E_ROW_NO_UNIT', 'error', cellLoc(ctx, cols.unit)));
    return null;
  }
  if (cols.isTotal(name)) {
    book.reject(diag('I_TOTAL_ROW_IGNORED', 'info', cellLoc(ctx, cols.unit), { found: name }));
    return null;
  }
  const group = cols.group < 0 ? null : cols.groupText(cellAt(ctx, cols.group));
  const code = cols.unitCode < 0 ? '' : cellText(cellAt(ctx, cols.unitCode));
  return book.unit(
    name,
    group === '' ? null : group,
    code || null,
    () => cellLoc(ctx, cols.unit),
    role === 'survey',
  );
}

/** One literal per entry (a spread `{ ...base, x }` is several times slower and larger in V8). */
function entryOf(ctx: RowContext, code: string, selfCol: number, appraisedCol: number): LeafEntry {
  const { cols } = ctx;
  return {
    code,
    self: valueAt(ctx, selfCol),
    appraised: valueAt(ctx, appraisedCol),
    where: ctx.where,
    row: ctx.raw.row,
    selfCol,
    appraisedCol,
    reason: cols.reason < 0 ? '' : cellText(cellAt(ctx, cols.reason)),
    evidence: cols.evidence < 0 ? '' : cellText(cellAt(ctx, cols.evidence)),
    note: cols.note < 0 ? '' : cellText(cellAt(ctx, cols.note)),
  };
}

/** The leaf a row names; null (and reported at `at()`, worked out only then) when it cannot be scored. */
function checkLeaf(book: ScoreBook, framework: Framework, code: string, at: () => Location, role: ScoreRole) {
  const node = resolveCode(framework, code);
  if (Array.isArray(node)) {
    book.reject(unresolvedCode(framework, code, node, at()));
    return null;
  }
  if (node.children.length > 0) {
    book.reject(diag('W_SUBTOTAL_IGNORED', 'warning', at(), { code }));
    return null;
  }
  if (role === 'survey' && node.component !== 'survey') {
    book.reject(diag('E_SURVEY_NOT_SURVEY_LEAF', 'error', at(), { code }));
    return null;
  }
  return node;
}

function longRow(ctx: RowContext, book: ScoreBook, framework: Framework, role: ScoreRole): void {
  const { cols } = ctx;
  const code = normalizeCode(cellAt(ctx, cols.criterion));
  if (code === '') {
    if (cols.isTotal(cols.unitText(cellAt(ctx, cols.unit))))
      rowUnit(ctx, book, role); // reports it
    else book.reject(diag('E_ROW_NO_CRITERION', 'error', cellLoc(ctx, cols.criterion)));
    return;
  }
  const unit = rowUnit(ctx, book, role);
  if (!unit) return;
  const leaf = checkLeaf(book, framework, code, () => cellLoc(ctx, cols.criterion), role);
  if (!leaf) return;
  book.add(unit, entryOf(ctx, leaf.code, cols.self, cols.appraised), role === 'survey');
}

function wideRow(ctx: RowContext, book: ScoreBook, framework: Framework, role: ScoreRole): void {
  const unit = rowUnit(ctx, book, role);
  if (!unit) return;
  for (const col of ctx.header.columns) {
    if (col.kind !== 'leaf') continue;
    // Empty: not applicable to the group, or missing (reported when scoring).
    if (valueAt(ctx, col.index) === null) continue;
    const node = framework.byCode.get(col.code)!;
    if (role === 'survey' && node.component !== 'survey') continue; // reported once on the header
    book.add(unit, entryOf(ctx, col.code, -1, col.index), role === 'survey');
  }
  if (ctx.cols.survey >= 0) surveyValue(ctx, book, framework, ctx.cols.survey, unit);
}

function surveyValue(
  ctx: RowContext,
  book: ScoreBook,
  framework: Framework,
  col: number,
  unit: NonNullable<ReturnType<typeof rowUnit>>,
): void {
  const leaf = soleSurveyLeaf(framework);
  if (valueAt(ctx, col) === null || Array.isArray(leaf)) return; // the header reports an ambiguous leaf
  book.add(unit, entryOf(ctx, leaf.code, -1, col), true);
}

function surveyRow(ctx: RowContext, book: ScoreBook, framework: Framework, role: ScoreRole): void {
  const unit = rowUnit(ctx, book, role);
  if (!unit) return;
  surveyValue(ctx, book, framework, ctx.cols.survey, unit);
}

const ROW_READERS = { long: longRow, wide: wideRow, survey: surveyRow } as const;

/** Reads one --scores or --survey file into the book. */
export async function readScores(
  file: string,
  role: ScoreRole,
  framework: Framework,
  book: ScoreBook,
  options: SheetsOptions & { layout?: Layout | undefined },
): Promise<void> {
  // --layout is about the score files; a survey file's layout (often one value column) is always detected.
  const layout = role === 'survey' ? undefined : options.layout;
  const detect = (cells: CellValue[]) => detectScoreHeader(cells, framework, layout);
  const expected =
    layout === 'form'
      ? describeFields(SCORE_FIELDS, ['stt', 'criterion', 'self', 'appraised'])
      : describeFields(SCORE_FIELDS, ['unit', 'group', 'criterion', 'self', 'appraised']);
  // A form is one sheet per unit: every sheet with a form header is read (the others only the first table).
  const perSheet = (h: ScoreHeader) => h.layout === 'form';
  const located = await locateTables(file, options, detect, perSheet, expected, async (t) => {
    if (t.header.layout === 'form') return readFormTable(t, framework, book, role);
    const where = { file: t.file, sheet: t.sheet };
    book.diagnostics.push(...duplicateHeaderDiagnostics(t.header.map, where, t.headerRow));
    headerDiagnostics(t.header, framework, book, where, t.headerRow, role);
    const read = ROW_READERS[t.header.layout];
    const cols = columnsOf(t.header);
    for await (const raw of t.rows) {
      if (raw.cells.every(isBlank)) continue;
      book.rowsRead++;
      const extra = extraCell(raw.cells, t.header.map);
      if (extra !== null)
        book.diagnostics.push(extraCellWarning(where, raw.row, extra, raw.cells[extra] ?? null));
      read({ raw, where, header: t.header, cols }, book, framework, role);
    }
  });
  book.diagnostics.push(...located);
}

function headerDiagnostics(
  header: ScoreHeader,
  framework: Framework,
  book: ScoreBook,
  where: { file: string; sheet: string },
  row: number,
  role: ScoreRole,
): void {
  const at = (index: number): Location => {
    const column = columnLetter(index);
    return { ...where, row, column, cell: `${column}${row}` };
  };
  for (const c of header.columns) {
    if (c.kind === 'unknown') {
      const found = resolveCode(framework, c.code);
      book.diagnostics.push(
        unresolvedCode(framework, c.code, Array.isArray(found) ? found : [], at(c.index)),
      );
    } else if (c.kind === 'parent' || c.kind === 'other') {
      book.diagnostics.push(diag('I_COLUMN_IGNORED', 'info', at(c.index), { found: c.text }));
    } else if (role === 'survey' && framework.byCode.get(c.code)?.component !== 'survey') {
      book.diagnostics.push(diag('E_SURVEY_NOT_SURVEY_LEAF', 'error', at(c.index), { code: c.code }));
    }
  }
  const surveyCol = header.map.fields.get('survey');
  if (surveyCol !== undefined && header.layout !== 'long') {
    const leaf = soleSurveyLeaf(framework);
    if (Array.isArray(leaf)) {
      book.diagnostics.push(
        diag('E_SURVEY_LEAF_AMBIGUOUS', 'error', at(surveyCol), {
          found: leaf.map((l) => l.code).join(', ') || '—',
        }),
      );
    }
  }
}
