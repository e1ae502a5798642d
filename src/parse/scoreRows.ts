import { diag } from '../model/diagnostic.js';
import type { FrameworkNode } from '../model/framework.js';
import type { UnitInput } from '../model/scores.js';
import { checkLeaf, soleSurveyLeaf } from './scoreLeaf.js';
import {
  cellLoc,
  hasUnit,
  type RowContext,
  rowCode,
  rowTexts,
  rowUnit,
  sameUnit,
  totalRow,
  unitName,
  valueAt,
} from './scoreRowContext.js';

/* One reader per score layout: a row read into the book, set aside as not entered, or rejected. */

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

export const ROW_READERS = { long: longRow, wide: wideRow, survey: surveyRow } as const;
