import { toNumber } from '../model/decimal.js';
import { type Diagnostic, diag } from '../model/diagnostic.js';
import type { Component, Framework } from '../model/framework.js';
import { labelKey } from '../model/normalize.js';
import type { CriteriaRow, TotalRow } from './criteriaRow.js';

/** A name folded for comparison: no diacritics or case, a trailing "(I+II+III)" or ":" dropped. */
const fold = (name: string): string =>
  labelKey(name)
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/[\s:.*]+$/, '');

/** What the total row of a framework or form is called (compared folded). */
const TOTAL_LABELS = new Set([
  'tong',
  'cong',
  'tong cong',
  'tong so',
  'tong diem',
  'tong so diem',
  'tong cong diem',
  'tong diem toi da',
  'tong so diem toi da',
  'tong cong diem toi da',
  'total',
  'grand total',
]);

/** "TỔNG CỘNG", "Tổng số điểm", "Tổng điểm (I+II+III)", "Cộng": a total row, not a criterion. */
export const isTotalLabel = (name: string): boolean => name !== '' && TOTAL_LABELS.has(fold(name));

/**
 * The component a domain's name gives when the criteria file has no component column:
 * "Điều tra xã hội học", "Điểm điều tra XHH", "Khảo sát sự hài lòng…" → survey; "Điểm cộng", "Điểm thưởng"
 * → bonus; "Điểm trừ" → penalty. Only the start of the name (or the survey words anywhere) counts, so a
 * criterion that merely mentions a survey in passing is not taken for one — the caller asks about domains only.
 */
export function componentFromName(name: string): Component | null {
  const key = fold(name);
  // "điểm" is required: folded, "cộng" is also "công" (công tác, công khai …).
  if (/^(diem (cong|thuong)|cong diem)\b/.test(key)) return 'bonus';
  if (/^(diem tru|tru diem)\b/.test(key)) return 'penalty';
  if (/\b(dieu tra xa hoi hoc|xhh)\b/.test(key) || /^(diem )?khao sat\b/.test(key)) return 'survey';
  return null;
}

/**
 * Without a component column, a domain named for the survey, a bonus or a penalty is one (info
 * I_COMPONENT_BY_NAME each); its children inherit it. `rows` are criteria rows whose codes are paths,
 * so a domain is a row without a dot and without a parent.
 */
export function componentsByName(rows: CriteriaRow[], diagnostics: Diagnostic[]): void {
  for (const row of rows) {
    if (row.parent !== null || row.code.includes('.') || row.component !== null) continue;
    const component = componentFromName(row.name);
    if (component === null) continue;
    row.component = component;
    diagnostics.push(
      diag('I_COMPONENT_BY_NAME', 'info', row.location, { code: row.code, found: row.name, component }),
    );
  }
}

/**
 * Total rows against the framework: a number equal to the sum of the domains that are not bonus or penalty
 * (appraisal + survey), or to the maximum of the domain the row closes (a subtotal), is an info; any other
 * number a warning naming both. `after` is the code of the criterion just above the row.
 */
export function checkTotals(
  totals: { row: TotalRow; after: string | null }[],
  framework: Framework,
  diagnostics: Diagnostic[],
): void {
  const expected = framework.roots
    .filter((r) => r.component !== 'bonus' && r.component !== 'penalty')
    .reduce((s, r) => s + r.max, 0n);
  for (const { row, after } of totals) {
    let domain = after === null ? undefined : framework.byCode.get(after);
    while (domain?.parent) domain = framework.byCode.get(domain.parent);
    const agrees = row.max === null || row.max === expected || row.max === domain?.max;
    diagnostics.push(
      agrees
        ? diag('I_CRITERIA_TOTAL_ROW', 'info', row.location, { found: row.name })
        : diag('W_CRITERIA_TOTAL_MISMATCH', 'warning', row.location, {
            found: row.name,
            max: toNumber(row.max!),
            expected: toNumber(expected),
          }),
    );
  }
}

/** isTotalLabel with a memory of one: a long file repeats a unit's name on each of its rows. */
export function totalLabelTest(): (name: string) => boolean {
  let last = '';
  let result = false;
  return (name) => {
    if (name !== last) {
      last = name;
      result = isTotalLabel(name);
    }
    return result;
  };
}
