import { type Diagnostic, diag, type Location, rowId } from '../model/diagnostic.js';
import { foldDiacritics } from '../model/normalize.js';
import type { UnitInput } from '../model/scores.js';
import { nearest } from '../model/suggest.js';
import type { ScoreBook } from '../parse/scoreBook.js';

/**
 * The survey rows of units the score files do not score, each rejected by a diagnostic at that row (one per
 * row, however many survey values it holds), so that every rejected row is named where it is: a unit
 * missing from the scores is an error that suggests the near name (E_SURVEY_UNKNOWN_UNIT); a unit whose
 * score rows or forms are all blank is already an error (E_UNIT_NOT_ENTERED), so its survey row only says
 * that it is set aside (I_SURVEY_NOT_USED).
 */
export function surveyOnlyUnits(book: ScoreBook, scored: readonly UnitInput[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const key of book.surveyOnly) {
    const u = book.units.get(key)!;
    const notEntered = book.isNotEntered(key);
    const suggestion = notEntered
      ? undefined
      : nearest(
          u.key,
          scored.map((s) => ({ key: s.key, label: s.name })),
          foldDiacritics,
        );
    // Each row named at its unit cell, where the name to correct is (the unit's first row is where the
    // unit is, even when it holds no survey value of its own: a wide row with other columns only).
    const rows = new Map<string, Location>([[rowId(u.location), u.location]]);
    for (const value of book.valueLocations(u, true)) {
      const at = unitCell(value, u.location);
      if (!rows.has(rowId(at))) rows.set(rowId(at), at);
    }
    for (const [id, at] of rows) {
      book.rejected.add(id);
      out.push(
        notEntered
          ? diag('I_SURVEY_NOT_USED', 'info', at, { unit: u.name })
          : diag('E_SURVEY_UNKNOWN_UNIT', 'error', at, { unit: u.name, suggestion }),
      );
    }
  }
  return out;
}

/** The unit's cell on another row of the sheet where the unit was first met; elsewhere the row's value cell. */
function unitCell(row: Location, first: Location): Location {
  if (row.file !== first.file || row.sheet !== first.sheet || first.column === undefined) return row;
  return { ...row, column: first.column, cell: `${first.column}${row.row}` };
}
