import type { CellValue, RawRow } from '../model/cell.js';
import { columnLetter } from '../model/cell.js';
import { diag, type Location, rowId } from '../model/diagnostic.js';
import { appliesTo, type Framework, type FrameworkNode } from '../model/framework.js';
import { cellText, isBlank } from '../model/normalize.js';
import type { UnitInput } from '../model/scores.js';
import { formPaths } from './formPaths.js';
import { readFormTitle } from './formTitle.js';
import type { SheetTable } from './locateTable.js';
import { resolveCode, unresolvedCode } from './resolveCode.js';
import type { ScoreBook } from './scoreBook.js';
import { duplicateHeaderDiagnostics, type ScoreHeader } from './scoreHeader.js';

type Role = 'scores' | 'survey';

/**
 * One sheet of the `form` layout: one unit, rows are criteria. Heading rows (a domain "I", a criterion
 * with sub-criteria, "Tổng cộng" without a code) are the form's own subtotals and are skipped without a
 * word; every other row with a value becomes the unit's entry for that leaf, or a diagnostic — a value
 * next to a code the framework does not know is never dropped silently.
 */
export async function readFormTable(
  t: SheetTable<ScoreHeader>,
  framework: Framework,
  book: ScoreBook,
  role: Role,
): Promise<void> {
  const where = { file: t.file, sheet: t.sheet };
  const fields = t.header.map.fields;
  book.diagnostics.push(...duplicateHeaderDiagnostics(t.header.map, where, t.headerRow));
  const title = readFormTitle(t.above, where);
  const unitLoc: Location = title.unit?.location ?? { ...where, row: t.headerRow };
  if (!title.unit) book.diagnostics.push(diag('I_FORM_UNIT_FROM_SHEET', 'info', unitLoc, { unit: t.sheet }));
  let unit: UnitInput | null = null;
  let named = false;
  const unitOnce = (): UnitInput | null => {
    if (!named) {
      named = true;
      const name = title.unit?.text ?? t.sheet;
      unit = book.unit(
        name,
        title.group?.text ?? null,
        title.unitCode?.text ?? null,
        () => unitLoc,
        role === 'survey',
      );
    }
    return unit;
  };

  const codeCol = fields.get('criterion') ?? fields.get('stt');
  const at = (raw: RawRow, col: number | undefined): Location => {
    if (col === undefined) return { ...where, row: raw.row };
    const column = columnLetter(col);
    return { ...where, row: raw.row, column, cell: `${column}${raw.row}` };
  };
  const selfCol = fields.get('self') ?? -1;
  const appraisedCol = fields.get('appraised') ?? -1;
  const valueAt = (raw: RawRow, col: number): CellValue => {
    const value: CellValue = col < 0 ? null : (raw.cells[col] ?? null);
    return isBlank(value) ? null : value;
  };
  const text = (raw: RawRow, name: string): string => {
    const col = fields.get(name);
    return col === undefined ? '' : cellText(raw.cells[col] ?? null);
  };

  const paths = formPaths(framework, fields);
  for await (const raw of t.rows) {
    if (raw.cells.every(isBlank)) continue;
    const self = valueAt(raw, selfCol);
    const appraised = valueAt(raw, appraisedCol);
    const empty = self === null && appraised === null;
    const code = paths(raw, empty);
    const found = code === '' ? undefined : resolveCode(framework, code);
    const node = Array.isArray(found) ? undefined : found;
    if (code === '' || (node && node.children.length > 0)) continue; // a heading or a subtotal
    if (!node && empty) continue; // a Roman domain heading, a numbered line of text
    const target = unitOnce();
    // An empty row for a leaf another group uses: the form lists the whole framework, this unit skips it.
    if (node && empty && target && !appliesTo(node, target.groupKey)) continue;
    book.rowsRead++;
    const leaf = checkLeaf(found!, code, at(raw, codeCol), framework, book, role);
    if (!leaf) continue;
    if (!target) {
      book.rejected.add(rowId(at(raw, codeCol)));
      continue;
    }
    book.add(
      target,
      {
        code: leaf.code,
        self,
        appraised,
        where,
        row: raw.row,
        selfCol,
        appraisedCol,
        reason: text(raw, 'reason'),
        evidence: text(raw, 'evidence'),
        note: text(raw, 'note'),
      },
      role === 'survey',
    );
  }
  // A form with no leaf rows filled still names its unit, so the scorer reports what is missing.
  unitOnce();
}

function checkLeaf(
  found: FrameworkNode | string[],
  code: string,
  loc: Location,
  framework: Framework,
  book: ScoreBook,
  role: Role,
): FrameworkNode | null {
  if (Array.isArray(found)) {
    book.reject(unresolvedCode(framework, code, found, loc));
    return null;
  }
  if (role === 'survey' && found.component !== 'survey') {
    book.reject(diag('E_SURVEY_NOT_SURVEY_LEAF', 'error', loc, { code }));
    return null;
  }
  return found;
}
