import type { SheetReason } from '../model/ledger.js';
import { headerKey } from '../model/normalize.js';
import type { HeaderBlock } from './headerBlock.js';
import { CRITERIA_FIELDS, mapHeader, SCORE_FIELDS } from './headers.js';

/** Headers of a column that names the workbook's sheets: a list of the forms, not data. */
const SHEET_COLUMNS = new Set(['trang tính', 'tên trang tính', 'trang', 'tên trang', 'sheet'].map(headerKey));

/**
 * Why a table in a score workbook that is not a score table is still no data to refuse: the criteria
 * framework kept beside the scores (every column a criteria column), or the list of forms `cchc template`
 * puts first (units and the sheet each one fills). Anything else with a table is refused.
 */
export function setAsideSheet(block: HeaderBlock): SheetReason | null {
  const criteria = mapHeader(block.cells, CRITERIA_FIELDS);
  const hasCode = criteria.fields.has('code') || criteria.fields.has('stt');
  // Every column a criteria column, each once: a form with a second "Điểm" column (its values) is not.
  const only = criteria.others.length === 0 && criteria.duplicates.size === 0;
  if (hasCode && criteria.fields.has('max') && criteria.fields.has('name') && only) return 'criteria-table';
  const scores = mapHeader(block.cells, SCORE_FIELDS);
  if (scores.fields.has('unit') && scores.others.some((o) => SHEET_COLUMNS.has(headerKey(o.text))))
    return 'form-index';
  return null;
}
