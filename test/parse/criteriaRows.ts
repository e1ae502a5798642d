import { parseDec } from '../../src/model/decimal.js';
import type { CriteriaRow } from '../../src/parse/criteriaRow.js';

/** A criteria row as readCriteriaRow makes it: code, maximum, the rest defaulted (or given in `extra`). */
export const row = (code: string, max: string | null, extra: Partial<CriteriaRow> = {}): CriteriaRow => ({
  code,
  name: `Tiêu chí ${code}`,
  max: max === null ? null : parseDec(max)!,
  component: null,
  rule: null,
  na: undefined,
  groups: null,
  parent: null,
  location: { file: 'criteria.csv', row: 1 },
  ...extra,
});
