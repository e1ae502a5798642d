import { type CellValue, isCellError, pumpRows, type RawRow } from '../model/cell.js';
import { diag, type Location } from '../model/diagnostic.js';
import type { Framework, FrameworkNode } from '../model/framework.js';
import type { LedgerSheet } from '../model/ledger.js';
import { cellText, isBlank } from '../model/normalize.js';
import type { RowTexts } from '../model/scoreStore.js';
import { cellLocation, type SheetRef, type UnitInput } from '../model/scores.js';
import { cellProblem } from '../score/rules/cellValues.js';
import { normalizeCode } from './criteriaRow.js';
import { describeFields, extraCell, extraCellWarning, SCORE_FIELDS } from './headers.js';
import { locateTables, type SheetsOptions, type SheetTable } from './locateTable.js';
import { MergeFill } from './mergeFill.js';
import { readFormTable } from './readForm.js';
import { resolveCode } from './resolveCode.js';
import { totalLabelTest } from './rowLabels.js';
import { type ScoreBook, textsOf } from './scoreBook.js';
import { scoreColumns } from './scoreColumns.js';
import {
  detectScoreHeader,
  duplicateHeaderDiagnostics,
  type Layout,
  type ScoreHeader,
  type ScoreRole,
  scoreKeyColumns,
} from './scoreHeader.js';
import { checkLeaf, headerDiagnostics, soleSurveyLeaf } from './scoreLeaf.js';
import { setAsideSheet } from './setAside.js';

export type { ScoreRole } from './scoreHeader.js';
export { soleSurveyLeaf } from './scoreLeaf.js';

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
  /** The survey value (a `survey` column, or a survey file's single value column). */
  survey: number;
  /** A long row's value columns: self and appraised, or in a survey file its single value column. */
  longSelf: number;
  longAppraised: number;
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
  const single = at('self') < 0 && at('appraised') < 0;
  return {
    longSelf: single ? -1 : at('self'),
    longAppraised: single ? header.surveyCol : at('appraised'),
    unitText: memoText(),
    groupText: memoText(),
    isTotal: totalLabelTest(),
    unit: at('unit'),
    group: at('group'),
    unitCode: at('unit_code'),
    criterion: at('criterion'),
    self: at('self'),
    appraised: at('appraised'),
    survey: header.surveyCol,
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
  ledger: LedgerSheet;
  framework: Framework;
  book: ScoreBook;
  role: ScoreRole;
  /** The text above a blank unit cell that no merge fills, for the message. */
  above: (column: number, row: number) => CellValue;
  /** The sheet's units so far, for its ledger entry. */
  seen: Set<UnitInput>;
  lastUnit: UnitInput | null;
  /** The store's place of a long row's values (one per table). */
  longPlace: number;
  /** Criterion cells already resolved: a long file names the same few codes on every unit's rows. */
  codes: Map<CellValue, RowCode>;
  /**
   * The unit, group and unit-code cells of the last row whose unit was found, and that unit: a row with the
   * same cells (the rows of one unit follow each other) is of the same unit, with nothing more to check.
   */
  same: { unit: CellValue; group: CellValue; code: CellValue; found: UnitInput } | null;
  /** The columns that say whose value a row holds and for what: unit, group, unit code, criterion. */
  keyCols: number[];
}

/** A criterion cell read: its code, the node it names (or the candidates), the leaf's position or -1. */
interface RowCode {
  code: string;
  found: FrameworkNode | string[];
  leaf: number;
}

const cellLoc = (ctx: RowContext, col: number): Location => cellLocation(ctx.where, ctx.raw.row, col);

/** The cell in column `col` as read; null when there is no such column. */
const cellAt = (ctx: RowContext, col: number): CellValue => (col < 0 ? null : (ctx.raw.cells[col] ?? null));

/** The cell in column `col`, null when there is no such column or the cell is blank. */
const valueAt = (ctx: RowContext, col: number): CellValue => {
  const value = col < 0 ? null : (ctx.raw.cells[col] ?? null);
  return isBlank(value) ? null : value;
};

const unitName = (ctx: RowContext): string => ctx.cols.unitText(cellAt(ctx, ctx.cols.unit));

/** Whether the row's unit, group and unit-code cells are the very ones of the last row whose unit was found. */
function sameUnit(ctx: RowContext): boolean {
  const same = ctx.same;
  const { cols } = ctx;
  return (
    same !== null &&
    cellAt(ctx, cols.unit) === same.unit &&
    cellAt(ctx, cols.group) === same.group &&
    cellAt(ctx, cols.unitCode) === same.code
  );
}

function rowUnit(ctx: RowContext): UnitInput | null {
  const { cols, book } = ctx;
  const name = unitName(ctx);
  const group = cols.group < 0 ? null : cols.groupText(cellAt(ctx, cols.group));
  const code = cols.unitCode < 0 ? '' : cellText(cellAt(ctx, cols.unitCode));
  const unit = book.unit(
    name,
    group === '' ? null : group,
    code || null,
    () => cellLoc(ctx, cols.unit),
    ctx.role === 'survey',
  );
  if (unit && unit !== ctx.lastUnit) {
    ctx.lastUnit = unit;
    if (!ctx.seen.has(unit)) {
      ctx.seen.add(unit);
      ctx.ledger.units.push(unit.name);
    }
  }
  if (unit) {
    const { cells } = ctx.raw;
    const at = (col: number) => (col < 0 ? null : (cells[col] ?? null));
    ctx.same = { unit: at(cols.unit), group: at(cols.group), code: at(cols.unitCode), found: unit };
  }
  return unit;
}

/** A "Cộng" / "Tổng cộng" row in the unit column: the file's own sums, rejected with an info. */
function totalRow(ctx: RowContext): boolean {
  const name = unitName(ctx);
  if (name === '' || !ctx.cols.isTotal(name)) return false;
  ctx.book.reject(diag('I_TOTAL_ROW_IGNORED', 'info', cellLoc(ctx, ctx.cols.unit), { found: name }));
  return true;
}

/**
 * An error cell (#N/A, #REF!, a formula without a stored value, a corrupt cell) where the row names its
 * unit, group or criterion names nothing: the row is rejected with one diagnostic at that cell, never
 * read under the error's text (a unit called "#N/A"). True when it was.
 */
function keyCellError(ctx: RowContext): boolean {
  for (const col of ctx.keyCols) {
    const v = ctx.raw.cells[col];
    if (typeof v !== 'object' || v === null || !isCellError(v)) continue;
    const problem = cellProblem(v)!;
    ctx.ledger.rows.read++;
    ctx.book.reject(diag(problem.code, 'error', cellLoc(ctx, col), problem.args));
    return true;
  }
  return false;
}

/** A row without a unit name is rejected; true when it has one. */
function hasUnit(ctx: RowContext): boolean {
  if (unitName(ctx) !== '') return true;
  const above = cellText(ctx.above(ctx.cols.unit, ctx.raw.row));
  ctx.book.reject(diag('E_ROW_NO_UNIT', 'error', cellLoc(ctx, ctx.cols.unit), above ? { above } : {}));
  return false;
}

/** The row's reason, evidence and note, when it has any. */
function rowTexts(ctx: RowContext): RowTexts | null {
  const { cols } = ctx;
  return textsOf(
    cols.reason < 0 ? '' : cellText(cellAt(ctx, cols.reason)),
    cols.evidence < 0 ? '' : cellText(cellAt(ctx, cols.evidence)),
    cols.note < 0 ? '' : cellText(cellAt(ctx, cols.note)),
  );
}

/** Codes remembered per table at most: a hostile file of a million distinct codes stays bounded. */
const CODE_MEMO = 4096;

/** The criterion a long row names: its code normalised and looked up, once per distinct cell. */
function rowCode(ctx: RowContext): RowCode {
  const cell = cellAt(ctx, ctx.cols.criterion);
  const memo = typeof cell === 'string' || typeof cell === 'number';
  const known = memo ? ctx.codes.get(cell) : undefined;
  if (known) return known;
  const code = normalizeCode(cell);
  const found = code === '' ? [] : resolveCode(ctx.framework, code);
  const leaf = Array.isArray(found) || found.children.length > 0 ? -1 : ctx.book.leafAt(found.code);
  const read = { code, found, leaf };
  if (memo && ctx.codes.size < CODE_MEMO) ctx.codes.set(cell, read);
  return read;
}

function longRow(ctx: RowContext): void {
  const { cols, book } = ctx;
  const { code, found, leaf: at } = rowCode(ctx);
  if (at >= 0 && sameUnit(ctx)) {
    // A leaf of the unit of the row above: only the values are new (the unit was checked there).
    const self = valueAt(ctx, cols.longSelf);
    const appraised = valueAt(ctx, cols.longAppraised);
    const survey = ctx.role === 'survey';
    if (
      (self !== null || appraised !== null) &&
      (!survey || (found as FrameworkNode).component === 'survey')
    ) {
      ctx.ledger.rows.read++;
      book.put(ctx.same!.found, at, self, appraised, ctx.raw.row, ctx.longPlace, rowTexts(ctx), survey);
      return;
    }
  }
  const total = cols.isTotal(unitName(ctx));
  if (code === '' || total) {
    ctx.ledger.rows.read++;
    if (!totalRow(ctx)) book.reject(diag('E_ROW_NO_CRITERION', 'error', cellLoc(ctx, cols.criterion)));
    return;
  }
  const selfCol = cols.longSelf;
  const appraisedCol = cols.longAppraised;
  const self = valueAt(ctx, selfCol);
  const appraised = valueAt(ctx, appraisedCol);
  const node = Array.isArray(found) ? undefined : found;
  if (node && self === null && appraised === null) {
    if (node.children.length > 0) {
      ctx.ledger.rows.headings++; // a criterion with sub-criteria, listed without a value
      return;
    }
    const name = unitName(ctx);
    if (name !== '') {
      // Named, coded and left blank: not entered. Where a missing value is reported, never a value.
      ctx.ledger.rows.blank++;
      book.blank(name, node.code, cellLoc(ctx, appraisedCol >= 0 ? appraisedCol : selfCol));
      book.unitNotEntered(name, cellLoc(ctx, cols.unit));
      return;
    }
  }
  ctx.ledger.rows.read++;
  if (!hasUnit(ctx)) return;
  const leaf = checkLeaf(ctx, found, code, () => cellLoc(ctx, cols.criterion));
  if (!leaf) return;
  const unit = rowUnit(ctx);
  if (!unit) return;
  const survey = ctx.role === 'survey';
  book.put(unit, at, self, appraised, ctx.raw.row, ctx.longPlace, rowTexts(ctx), survey);
}

/** A wide or survey row without a single value: the unit is not entered there (a total row is a subtotal). */
function blankUnitRow(ctx: RowContext): void {
  const name = unitName(ctx);
  if (name !== '' && ctx.cols.isTotal(name)) {
    ctx.ledger.rows.subtotals++;
    return;
  }
  ctx.ledger.rows.blank++;
  if (name !== '' && ctx.role === 'scores') ctx.book.unitNotEntered(name, cellLoc(ctx, ctx.cols.unit));
  // A survey row left blank is where the unit's missing survey value is reported (E_SURVEY_MISSING).
  const leaf = ctx.cols.survey >= 0 && name !== '' ? soleSurveyLeaf(ctx.framework) : null;
  if (leaf && !Array.isArray(leaf)) ctx.book.blank(name, leaf.code, cellLoc(ctx, ctx.cols.survey));
}

function wideRow(ctx: RowContext): void {
  const { header, cols, book, framework } = ctx;
  const { store } = book;
  const hasValue = header.columns.some((c) => c.kind === 'leaf' && valueAt(ctx, c.index) !== null);
  if (!hasValue && (cols.survey < 0 || valueAt(ctx, cols.survey) === null)) {
    blankUnitRow(ctx);
    return;
  }
  ctx.ledger.rows.read++;
  if (totalRow(ctx) || !hasUnit(ctx)) return;
  const unit = rowUnit(ctx);
  if (!unit) return;
  for (const col of header.columns) {
    if (col.kind !== 'leaf') continue;
    // Empty: not applicable to the group, or missing (reported when scoring).
    if (valueAt(ctx, col.index) === null) continue;
    const node = framework.byCode.get(col.code)!;
    if (ctx.role === 'survey' && node.component !== 'survey') continue; // reported once on the header
    const value = valueAt(ctx, col.index);
    const self = col.value === 'self';
    const place = store.placeOf(
      ctx.where.file,
      ctx.where.sheet,
      self ? col.index : -1,
      self ? -1 : col.index,
    );
    const [s, a] = self ? [value, null] : [null, value];
    book.put(unit, book.leafAt(col.code), s, a, ctx.raw.row, place, rowTexts(ctx), ctx.role === 'survey');
  }
  if (cols.survey >= 0) surveyValue(ctx, unit);
}

function surveyValue(ctx: RowContext, unit: UnitInput): void {
  const leaf = soleSurveyLeaf(ctx.framework);
  const value = valueAt(ctx, ctx.cols.survey);
  if (value === null || Array.isArray(leaf)) return; // the header reports it
  const { book, where } = ctx;
  const place = book.store.placeOf(where.file, where.sheet, -1, ctx.cols.survey);
  book.put(unit, book.leafAt(leaf.code), null, value, ctx.raw.row, place, rowTexts(ctx), true);
}

function surveyRow(ctx: RowContext): void {
  if (valueAt(ctx, ctx.cols.survey) === null) {
    blankUnitRow(ctx);
    return;
  }
  ctx.ledger.rows.read++;
  if (totalRow(ctx) || !hasUnit(ctx)) return;
  const unit = rowUnit(ctx);
  if (unit) surveyValue(ctx, unit);
}

const ROW_READERS = { long: longRow, wide: wideRow, survey: surveyRow } as const;

/**
 * Reads one --scores or --survey file into the book: every sheet whose header is recognised (long, wide,
 * survey or form layout), each row read, set aside (a blank "not entered" row) or rejected by a
 * diagnostic, and every sheet and column written down in the book's ledger.
 */
export async function readScores(
  file: string,
  role: ScoreRole,
  framework: Framework,
  book: ScoreBook,
  options: SheetsOptions & { layout?: Layout | undefined },
): Promise<void> {
  // --layout is about the score files; a survey file's layout (often one value column) is always detected.
  const layout = role === 'survey' ? undefined : options.layout;
  const expected =
    layout === 'form'
      ? describeFields(SCORE_FIELDS, ['stt', 'criterion', 'self', 'appraised'])
      : describeFields(SCORE_FIELDS, ['unit', 'group', 'criterion', 'self', 'appraised']);
  book.use(framework);
  const ledger = options.ledger ?? book.ledger.file(file, role);
  const spec = {
    detect: (block: Parameters<typeof detectScoreHeader>[0]) =>
      detectScoreHeader(block, framework, layout, role),
    keyColumns: scoreKeyColumns,
    fit: (h: ScoreHeader) => h.map.fields.size + h.columns.filter((c) => c.kind === 'leaf').length,
    expected,
    everySheet: true,
    setAside: setAsideSheet,
  };
  const located = await locateTables(file, { ...options, ledger }, spec, async (t) => {
    t.ledger.layout = t.header.layout;
    const columns = scoreColumns(t, framework, role);
    if (t.header.layout === 'form')
      await readFormTable({ ...t, rows: watching(t.rows, columns.watch) }, framework, book, role);
    else await readTable(t, framework, book, role, columns.watch);
    // A form left blank is set aside whole: its columns say nothing about what was read.
    if (t.ledger.status === 'read') book.diagnostics.push(...columns.finish());
  });
  book.diagnostics.push(...located);
}

async function* watching(rows: AsyncIterable<RawRow>, watch: (raw: RawRow) => void): AsyncGenerator<RawRow> {
  for await (const raw of rows) {
    watch(raw);
    yield raw;
  }
}

async function readTable(
  t: SheetTable<ScoreHeader>,
  framework: Framework,
  book: ScoreBook,
  role: ScoreRole,
  watch: (raw: RawRow) => void,
): Promise<void> {
  const where = { file: t.file, sheet: t.sheet };
  book.diagnostics.push(...duplicateHeaderDiagnostics(t.header.map, where, t.headerRow));
  book.diagnostics.push(...headerDiagnostics(t.header, framework, where, t.headerRow, role));
  const read = ROW_READERS[t.header.layout as 'long' | 'wide' | 'survey'];
  const cols = columnsOf(t.header);
  // Unit, group and unit code merged down over a unit's rows: filled from the merge's first row.
  const fill = new MergeFill(
    [cols.unit, cols.group, cols.unitCode].filter((c) => c >= 0),
    t.merges,
  );
  const ctx: RowContext = {
    raw: { row: 0, cells: [] },
    where,
    header: t.header,
    cols,
    ledger: t.ledger,
    framework,
    book,
    role,
    above: (column, row) => fill.above(column, row),
    seen: new Set(),
    lastUnit: null,
    longPlace: book.store.placeOf(where.file, where.sheet, cols.longSelf, cols.longAppraised),
    codes: new Map(),
    same: null,
    keyCols: [cols.unit, cols.group, cols.unitCode, t.header.layout === 'long' ? cols.criterion : -1].filter(
      (c) => c >= 0,
    ),
  };
  const handle = (raw: RawRow) => {
    ctx.raw = raw;
    if (!keyCellError(ctx)) read(ctx);
  };
  // One row object for the whole table: the reader lends each row's cells for the call only.
  const current: RawRow = { row: 0, cells: [] };
  await pumpRows(t.rows, (row, cells) => {
    if (isBlankRow(cells)) return;
    current.row = row;
    current.cells = cells as CellValue[];
    watch(current);
    const extra = extraCell(cells, t.header.map);
    if (extra !== null) book.diagnostics.push(extraCellWarning(where, row, extra, cells[extra] ?? null));
    const ready = fill.take(current);
    if (ready) handle(ready);
  });
  for (const raw of fill.rest()) handle(raw);
}

function isBlankRow(cells: readonly CellValue[]): boolean {
  for (let i = 0; i < cells.length; i++) if (!isBlank(cells[i])) return false;
  return true;
}
