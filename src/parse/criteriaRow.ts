import type { CellValue, RawRow } from '../model/cell.js';
import { columnLetter } from '../model/cell.js';
import { type Dec, decFromNumber } from '../model/decimal.js';
import { type Diagnostic, diag, type Location } from '../model/diagnostic.js';
import type { Component, NaPolicy, Rule } from '../model/framework.js';
import { cellText, labelKey, nameKey } from '../model/normalize.js';
import { parseNumberText } from '../score/rules/cellValues.js';
import { parseRule } from '../score/rules/parseRule.js';
import { classifyCode, normalizeCode, type PathTracker } from './codePath.js';
import { extraCell, extraCellWarning, type HeaderMap } from './headers.js';
import { isTotalLabel } from './rowLabels.js';

/** One criteria row after schema checks, before the tree is built. */
export interface CriteriaRow {
  code: string;
  name: string;
  max: Dec | null;
  component: Component | null;
  rule: Rule | null;
  na: NaPolicy | undefined;
  groups: string[] | null;
  parent: string | null;
  location: Location;
}

const COMPONENT_WORDS: Record<string, Component> = {
  appraisal: 'appraisal',
  'tham dinh': 'appraisal',
  'tu danh gia': 'appraisal',
  'tu danh gia, tham dinh': 'appraisal',
  survey: 'survey',
  xhh: 'survey',
  'dieu tra xhh': 'survey',
  'dieu tra xa hoi hoc': 'survey',
  'dieu tra': 'survey',
  bonus: 'bonus',
  'diem cong': 'bonus',
  cong: 'bonus',
  'diem thuong': 'bonus',
  penalty: 'penalty',
  'diem tru': 'penalty',
  tru: 'penalty',
};

const NA_WORDS: Record<string, NaPolicy> = {
  exclude: 'exclude',
  'loai tru': 'exclude',
  'khong tinh': 'exclude',
  'bo qua': 'exclude',
  full: 'full',
  'du diem': 'full',
  'tinh du': 'full',
  'tinh du diem': 'full',
  'toi da': 'full',
  forbid: 'forbid',
  'khong cho phep': 'forbid',
  'khong duoc': 'forbid',
  cam: 'forbid',
};

/** Kept here for the score readers, which import it with the criteria row. */
export { normalizeCode };

/** Splits a `groups` cell: "Xã, thị trấn; Phòng chuyên môn" → two keys (commas belong to names). */
export function splitGroups(text: string): string[] {
  return text
    .split(/[;\n]/)
    .map((g) => nameKey(g))
    .filter((g) => g !== '');
}

/** A total row (TỔNG CỘNG …): not a criterion; its number is checked once the framework is built. */
export interface TotalRow {
  kind: 'total';
  max: Dec | null;
  name: string;
  location: Location;
}

export interface CriteriaContext {
  header: HeaderMap;
  where: { file: string; sheet: string };
  diagnostics: Diagnostic[];
  /** Turns the STT/code cells, in file order, into paths (Roman domains, letters, bullets). */
  paths: PathTracker;
}

const parseMax = (cell: CellValue, text: string): Dec | null =>
  typeof cell === 'number' ? decFromNumber(cell) : parseNumberText(text);

export function readCriteriaRow(row: RawRow, ctx: CriteriaContext): CriteriaRow | TotalRow | null {
  const { header, where, diagnostics } = ctx;
  const col = (field: string): number | undefined => header.fields.get(field);
  const at = (field: string): CellValue => {
    const c = col(field);
    return c === undefined ? null : (row.cells[c] ?? null);
  };
  const loc = (field?: string): Location => {
    const c = field === undefined ? undefined : col(field);
    if (c === undefined) return { ...where, row: row.row };
    const column = columnLetter(c);
    return { ...where, row: row.row, column, cell: `${column}${row.row}` };
  };
  const codeField = col('code') !== undefined ? 'code' : 'stt';
  const rowCode = classifyCode(at(codeField));
  const name = cellText(at('name'));
  const maxText = cellText(at('max'));
  // "TỔNG CỘNG" in the name cell, or in the STT cell ("Cộng" beside "Cộng lĩnh vực II").
  if (isTotalLabel(name) || (rowCode.kind === 'other' && isTotalLabel(cellText(at(codeField))))) {
    const max = maxText === '' ? null : parseMax(at('max'), maxText);
    return { kind: 'total', max, name, location: loc(maxText === '' ? codeField : 'max') };
  }
  if (rowCode.kind === 'empty') {
    if (name === '' && maxText === '') return null; // blank row
    diagnostics.push(
      maxText === ''
        ? diag('I_ROW_IGNORED', 'info', loc(), { found: name })
        : diag('E_CRITERIA_NO_CODE', 'error', loc(codeField), { found: name }),
    );
    return null;
  }
  // "a)", "-" lines without points explain their criterion (how it is scored): text, not sub-criteria.
  if ((rowCode.kind === 'letter' || rowCode.kind === 'bullet') && maxText === '') {
    diagnostics.push(diag('I_SUBITEM_TEXT', 'info', loc(codeField), { found: name }));
    return null;
  }
  const { path: code, orphan } = ctx.paths.next(rowCode);
  if (orphan) {
    diagnostics.push(diag('E_CRITERIA_SUBITEM_NO_PARENT', 'error', loc(codeField), { found: name }));
    return null;
  }
  const extra = extraCell(row.cells, header);
  if (extra !== null) diagnostics.push(extraCellWarning(where, row.row, extra, row.cells[extra] ?? null));
  // A bad cell is reported and left empty, so one typo does not cascade into "unknown parent" errors.
  const fail = (d: Diagnostic) => diagnostics.push(d);

  let max: Dec | null = null;
  if (maxText !== '') {
    max = parseMax(at('max'), maxText);
    if (max === null || max < 0n) {
      max = null;
      fail(diag('E_CRITERIA_BAD_MAX', 'error', loc('max'), { found: maxText, code }));
    }
  }

  const componentText = cellText(at('component'));
  let component: Component | null = null;
  if (componentText !== '') {
    component = COMPONENT_WORDS[labelKey(componentText)] ?? null;
    if (component === null)
      fail(diag('E_CRITERIA_BAD_COMPONENT', 'error', loc('component'), { found: componentText, code }));
  }

  const ruleText = cellText(at('rule'));
  let rule: Rule | null = null;
  if (ruleText !== '') {
    const parsed = parseRule(ruleText);
    if (parsed.ok) rule = parsed.value;
    else fail(diag(parsed.problem.code, 'error', loc('rule'), { ...parsed.problem.args, code }));
  }

  const naText = cellText(at('na'));
  let na: NaPolicy | undefined;
  if (naText !== '') {
    na = NA_WORDS[labelKey(naText)];
    if (na === undefined) fail(diag('E_CRITERIA_BAD_NA', 'error', loc('na'), { found: naText, code }));
  }

  const groupsText = cellText(at('groups'));
  const groups = groupsText === '' ? null : splitGroups(groupsText);
  const parentText = ctx.paths.qualify(normalizeCode(at('parent')));

  return {
    code,
    name,
    max,
    component,
    rule,
    na,
    groups,
    parent: parentText === '' ? null : parentText,
    location: loc(codeField),
  };
}
