import type { CellValue, RawRow } from '../model/cell.js';
import { isCellError } from '../model/cell.js';
import { diag, type Location } from '../model/diagnostic.js';
import type { Framework, FrameworkNode } from '../model/framework.js';
import type { LedgerSheet } from '../model/ledger.js';
import { cellText, isBlank } from '../model/normalize.js';
import type { RowTexts } from '../model/scoreStore.js';
import { cellLocation, type SheetRef, type UnitInput } from '../model/scores.js';
import { cellProblem } from '../score/rules/cellValues.js';
import { normalizeCode } from './criteriaRow.js';
import { resolveCode } from './resolveCode.js';
import { totalLabelTest } from './rowLabels.js';
import { type ScoreBook, textsOf } from './scoreBook.js';
import type { ScoreHeader, ScoreRole } from './scoreHeader.js';

/*
 * What a score row is read with: the table's columns, looked up once, and the row's context (the sheet, the
 * book, the unit of the row above), with the small readings every layout shares (its unit, code, texts).
 */
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

export function columnsOf(header: ScoreHeader): Columns {
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

export interface RowContext {
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

export const cellLoc = (ctx: RowContext, col: number): Location => cellLocation(ctx.where, ctx.raw.row, col);

/** The cell in column `col` as read; null when there is no such column. */
export const cellAt = (ctx: RowContext, col: number): CellValue =>
  col < 0 ? null : (ctx.raw.cells[col] ?? null);

/** The cell in column `col`, null when there is no such column or the cell is blank. */
export const valueAt = (ctx: RowContext, col: number): CellValue => {
  const value = col < 0 ? null : (ctx.raw.cells[col] ?? null);
  return isBlank(value) ? null : value;
};

export const unitName = (ctx: RowContext): string => ctx.cols.unitText(cellAt(ctx, ctx.cols.unit));

/** Whether the row's unit, group and unit-code cells are the very ones of the last row whose unit was found. */
export function sameUnit(ctx: RowContext): boolean {
  const same = ctx.same;
  const { cols } = ctx;
  return (
    same !== null &&
    cellAt(ctx, cols.unit) === same.unit &&
    cellAt(ctx, cols.group) === same.group &&
    cellAt(ctx, cols.unitCode) === same.code
  );
}

export function rowUnit(ctx: RowContext): UnitInput | null {
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
export function totalRow(ctx: RowContext): boolean {
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
export function keyCellError(ctx: RowContext): boolean {
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
export function hasUnit(ctx: RowContext): boolean {
  if (unitName(ctx) !== '') return true;
  const above = cellText(ctx.above(ctx.cols.unit, ctx.raw.row));
  ctx.book.reject(diag('E_ROW_NO_UNIT', 'error', cellLoc(ctx, ctx.cols.unit), above ? { above } : {}));
  return false;
}

/**
 * The row's reason, evidence and note, when it has any and the store keeps them (only for the reports that
 * show them: a national run to JSON would clean a reason's text on every fourth row for nothing).
 */
export function rowTexts(ctx: RowContext): RowTexts | null {
  const { cols } = ctx;
  if (!ctx.book.store.keepRaw) return null;
  return textsOf(
    cols.reason < 0 ? '' : cellText(cellAt(ctx, cols.reason)),
    cols.evidence < 0 ? '' : cellText(cellAt(ctx, cols.evidence)),
    cols.note < 0 ? '' : cellText(cellAt(ctx, cols.note)),
  );
}

/** Codes remembered per table at most: a hostile file of a million distinct codes stays bounded. */
const CODE_MEMO = 4096;

/** The criterion a long row names: its code normalised and looked up, once per distinct cell. */
export function rowCode(ctx: RowContext): RowCode {
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
