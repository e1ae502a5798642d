import { columnLetter } from '../model/cell.js';
import { type Diagnostic, diag, type Location } from '../model/diagnostic.js';
import { cellText } from '../model/normalize.js';
import { unitKey } from '../model/unitName.js';
import { describeFields, mapHeader, SCORE_FIELDS } from '../parse/headers.js';
import { type LocateOptions, locateTable } from '../parse/locateTable.js';
import { duplicateHeaderDiagnostics } from '../parse/scoreHeader.js';

export interface UnitListEntry {
  name: string;
  /** '' when the list has no group for the unit. */
  group: string;
  unitCode: string;
  location: Location;
}

/** The units file of `cchc template`: a table with `unit` (đơn vị) and optional `group` (khối), `unit_code`. */
export async function readUnitList(
  file: string,
  options: LocateOptions,
): Promise<{ units: UnitListEntry[]; diagnostics: Diagnostic[] }> {
  const units: UnitListEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, Location>();
  const detect = (cells: Parameters<typeof mapHeader>[0]) => {
    const h = mapHeader(cells, SCORE_FIELDS);
    return h.fields.has('unit') ? h : null;
  };
  const expected = describeFields(SCORE_FIELDS, ['unit', 'group']);
  const located = await locateTable(file, options, detect, expected, async (t) => {
    const where = { file: t.file, sheet: t.sheet };
    diagnostics.push(...duplicateHeaderDiagnostics(t.header, where, t.headerRow));
    const col = (f: string) => t.header.fields.get(f);
    for await (const raw of t.rows) {
      const at = (c: number | undefined) => (c === undefined ? null : (raw.cells[c] ?? null));
      const name = cellText(at(col('unit')));
      const group = cellText(at(col('group')));
      const column = columnLetter(col('unit')!);
      const location: Location = { ...where, row: raw.row, column, cell: `${column}${raw.row}` };
      if (name === '') {
        if (group !== '') diagnostics.push(diag('E_ROW_NO_UNIT', 'error', location));
        continue;
      }
      const first = seen.get(unitKey(name));
      if (first) {
        diagnostics.push(
          diag('W_TEMPLATE_UNIT_REPEATED', 'warning', location, { unit: name, first: `${first.cell}` }),
        );
        continue;
      }
      seen.set(unitKey(name), location);
      units.push({ name, group, unitCode: cellText(at(col('unit_code'))), location });
    }
  });
  diagnostics.push(...located);
  return { units, diagnostics };
}
