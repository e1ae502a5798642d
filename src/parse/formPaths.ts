import type { RawRow } from '../model/cell.js';
import type { Framework } from '../model/framework.js';
import { cellText, isBlank } from '../model/normalize.js';
import { classifyCode, PathTracker } from './codePath.js';
import { isTotalLabel } from './rowLabels.js';

/**
 * The path of each row of a form sheet, numbered as the criteria file numbers its rows (codePath): a Roman
 * row opens a domain only when the framework has that domain; a letter or bullet row counts only when it
 * carries points — a maximum in the form's max column or, without that column, a value — as a criteria
 * row counts only with a maximum; a total row (TỔNG CỘNG …) has no path. '' = no path.
 */
export function formPaths(
  framework: Framework,
  fields: ReadonlyMap<string, number>,
): (raw: RawRow, empty: boolean) => string {
  const tracker = new PathTracker((roman) => framework.byCode.has(roman));
  const codeCol = fields.get('criterion') ?? fields.get('stt');
  const nameCol = fields.get('criterion_name');
  const maxCol = fields.get('max');
  return (raw, empty) => {
    if (codeCol === undefined) return '';
    const cell = raw.cells[codeCol] ?? null;
    const name = nameCol === undefined ? '' : cellText(raw.cells[nameCol] ?? null);
    if (isTotalLabel(name) || isTotalLabel(cellText(cell))) return '';
    const code = classifyCode(cell);
    if (code.kind === 'letter' || code.kind === 'bullet') {
      const points = maxCol === undefined ? !empty : !isBlank(raw.cells[maxCol]);
      if (!points) return '';
    }
    return tracker.next(code).path;
  };
}
