import type { CellValue, RawRow } from '../model/cell.js';
import { columnLetter, isCellError } from '../model/cell.js';
import { diag, type Location, rowId } from '../model/diagnostic.js';
import type { Framework, FrameworkNode } from '../model/framework.js';
import { cellText, cleanText, isBlank } from '../model/normalize.js';
import type { LeafEntry } from '../model/scores.js';
import { cellProblem } from '../score/rules/cellValues.js';
import { formPaths } from './formPaths.js';
import { rowByName } from './formRowName.js';
import { FormSums, type SubtotalRow } from './formSums.js';
import { readFormTitle } from './formTitle.js';
import type { SheetTable } from './locateTable.js';
import { resolveCode, unresolvedCode } from './resolveCode.js';
import type { ScoreBook } from './scoreBook.js';
import { duplicateHeaderDiagnostics, type ScoreHeader, type ScoreRole } from './scoreHeader.js';

/**
 * One sheet of the `form` layout: one unit, rows are criteria. Each row is read as a value for its leaf
 * (or rejected by a diagnostic), or set aside as a heading (a domain, a criterion with sub-criteria, a
 * line of text without values), a subtotal (checked against the values it totals) or a blank line (the
 * unit entered nothing there). A row without STT or code but with values is matched by its name (the
 * `Điểm cộng` bonus row) or rejected naming the row. A sheet without a single value is a unit that did not
 * enter anything in this file — the whole template a district sends out and each commune sends back.
 */
export async function readFormTable(
  t: SheetTable<ScoreHeader>,
  framework: Framework,
  book: ScoreBook,
  role: ScoreRole,
): Promise<void> {
  const where = { file: t.file, sheet: t.sheet };
  const fields = t.header.map.fields;
  book.diagnostics.push(...duplicateHeaderDiagnostics(t.header.map, where, t.headerRow));
  const title = readFormTitle(t.above, where);
  const unitLoc: Location = title.unit?.location ?? { ...where, row: t.headerRow };
  const unitName = title.unit?.text ?? t.sheet;

  const codeCol = fields.get('criterion') ?? fields.get('stt');
  const nameCol = fields.get('criterion_name');
  const selfCol = fields.get('self') ?? -1;
  const appraisedCol = fields.get('appraised') ?? -1;
  const at = (raw: RawRow, col: number | undefined): Location => {
    if (col === undefined || col < 0) return { ...where, row: raw.row };
    const column = columnLetter(col);
    return { ...where, row: raw.row, column, cell: `${column}${raw.row}` };
  };
  const valueAt = (raw: RawRow, col: number): CellValue => {
    const value: CellValue = col < 0 ? null : (raw.cells[col] ?? null);
    return isBlank(value) ? null : value;
  };
  const text = (raw: RawRow, name: string): string => {
    const col = fields.get(name);
    return col === undefined ? '' : cellText(raw.cells[col] ?? null);
  };
  const rows = t.ledger.rows;
  const sums = new FormSums(framework);
  const entries: LeafEntry[] = [];
  const blanks: { code: string; location: Location }[] = [];
  const subtotals: SubtotalRow[] = [];
  let entered = false;

  const paths = formPaths(framework, fields);
  for await (const raw of t.rows) {
    if (raw.cells.every(isBlank)) continue;
    const self = valueAt(raw, selfCol);
    const appraised = valueAt(raw, appraisedCol);
    const empty = self === null && appraised === null;
    // An error cell (#N/A, a formula without a stored value, a corrupt cell) as the row's STT or code
    // names no criterion: a row with values is rejected at that cell, never read under the error's text.
    const codeCell = codeCol === undefined ? null : (raw.cells[codeCol] ?? null);
    if (isCellError(codeCell)) {
      if (empty) rows.headings++;
      else {
        entered = true;
        rows.read++;
        const problem = cellProblem(codeCell)!;
        book.reject(diag(problem.code, 'error', at(raw, codeCol), problem.args));
      }
      continue;
    }
    const code = paths(raw, empty);
    const found = code === '' ? undefined : resolveCode(framework, code);
    let node = Array.isArray(found) ? undefined : found;
    if (code === '' && empty) {
      rows.headings++; // a heading line or a note without a code
      continue;
    }
    if (code === '') {
      const label = nameCol === undefined ? '' : cellText(raw.cells[nameCol] ?? null);
      const named = rowByName(framework, label);
      if ('total' in named) {
        rows.subtotals++;
        subtotals.push({ row: raw.row, node: null, label, self, appraised });
        continue;
      }
      if ('unknown' in named) {
        entered = true;
        rows.read++;
        const loc = at(raw, nameCol ?? codeCol);
        book.reject(
          diag('E_FORM_ROW_UNMATCHED', 'error', loc, { found: label, suggestion: named.suggestion }),
        );
        continue;
      }
      node = named.node;
    }
    if (node && node.children.length > 0) {
      if (empty) rows.headings++;
      else {
        rows.subtotals++;
        subtotals.push({ row: raw.row, node, label: node.code, self, appraised });
      }
      continue;
    }
    if (!node && empty) {
      rows.headings++; // a Roman domain heading, a numbered line of text
      continue;
    }
    if (empty) {
      // A leaf the unit left blank (or one another group uses: the form lists the whole framework).
      rows.blank++;
      blanks.push({ code: node!.code, location: at(raw, appraisedCol >= 0 ? appraisedCol : selfCol) });
      continue;
    }
    entered = true;
    rows.read++;
    sums.add(node ?? null, self, appraised);
    const leaf = checkLeaf(
      node ?? (Array.isArray(found) ? found : []),
      code,
      at(raw, codeCol),
      framework,
      book,
      role,
    );
    if (!leaf) continue;
    entries.push({
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
    });
  }

  if (!entered) {
    t.ledger.status = 'skipped';
    t.ledger.reason = 'not-entered';
    t.ledger.units.push(cleanText(unitName));
    book.diagnostics.push(diag('I_FORM_NOT_ENTERED', 'info', unitLoc, { unit: unitName }));
    book.unitNotEntered(unitName, unitLoc);
    return;
  }
  if (!title.unit) book.diagnostics.push(diag('I_FORM_UNIT_FROM_SHEET', 'info', unitLoc, { unit: t.sheet }));
  const unit = book.unit(
    unitName,
    title.group?.text ?? null,
    title.unitCode?.text ?? null,
    () => unitLoc,
    role === 'survey',
  );
  t.ledger.units.push(unit?.name ?? unitName);
  for (const b of blanks) book.blank(unitName, b.code, b.location);
  for (const entry of entries) {
    if (unit) book.add(unit, entry, role === 'survey');
    else book.rejected.add(rowId({ ...where, row: entry.row })); // the unit's group clash is reported once
  }
  book.diagnostics.push(...sums.check(subtotals, where, { self: selfCol, appraised: appraisedCol }));
}

function checkLeaf(
  found: FrameworkNode | string[],
  code: string,
  loc: Location,
  framework: Framework,
  book: ScoreBook,
  role: ScoreRole,
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
