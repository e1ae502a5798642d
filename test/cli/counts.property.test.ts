// The row accounting of docs/outputs.md (`rows`) as a property: for random score and survey files, valid
// and broken (units spelt two ways or left blank, groups that disagree, unknown and parent codes, blank
// values, values above the maximum or not numbers, duplicates, survey units the scores do not know),
// under both stages and with a second score file, every non-empty row is set aside as "not entered" (a
// unit and a code, no value) or a heading, or read;
// every row read is scored or rejected, a rejected row named by exactly one diagnostic for each cell at
// fault (self and appraised both wrong: two); and the totals add up.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  csv,
  type DiagnosticRecord,
  type Json,
  LONG_HEADER,
  runJson,
  tinyCriteria,
  workspace,
} from './helpers.js';

type Cell = string | number | null;

const UNITS = ['Xã A', 'xã  a', 'UBND Xã A', 'Xã B', 'Xã C', ''];
const GROUPS = ['Xã', 'Phường', ''];
/** Leaves 1.1 (30), 1.2 (40) and survey 2 (30); 1 has children; 9 and 1.3 are not in the framework. */
const CODES = ['1.1', '1.2', '2', '1', '9', '1.3', ''];
const VALUES: Cell[] = [null, null, 0, 5, 12.5, '12,5', 30, 31, 45, -1, 'abc', 'KPS'];
const SURVEY_UNITS = ['Xã A', 'Xã B', 'Xã D', ''];
const SURVEY_VALUES: Cell[] = [null, 0, 10, 30, 31, 'abc', '12,5'];

const pick = <T>(items: readonly T[]) => fc.constantFrom(...items);
const scoreRow = fc.tuple(pick(UNITS), pick(GROUPS), pick(CODES), pick(VALUES), pick(VALUES));
const surveyRow = fc.tuple(pick(SURVEY_UNITS), pick(SURVEY_VALUES));

/**
 * Diagnostics about a unit as a whole (a missing value, no group, no maximum, nothing entered): they point
 * at the unit's first cell or at the blank cell where its value belongs, and reject no row. Every other
 * diagnostic with a row is about that row.
 */
const ABOUT_A_UNIT = new Set([
  'E_SCORE_MISSING',
  'E_SURVEY_MISSING',
  'E_UNIT_NO_GROUP',
  'E_UNIT_NO_MAX',
  'E_UNIT_NOT_ENTERED',
]);
/**
 * Diagnostics that reject the row they name without being errors: a value on a criterion with sub-criteria
 * (its total is computed), a leaf of another group, a total row, the survey row of a unit that entered no
 * score (the unit's own error is E_UNIT_NOT_ENTERED).
 */
const REJECTING_NON_ERRORS = new Set([
  'W_SUBTOTAL_IGNORED',
  'W_LEAF_NOT_IN_GROUP',
  'I_TOTAL_ROW_IGNORED',
  'I_SURVEY_NOT_USED',
]);

const blank = (v: Cell | undefined) => v === null || v === undefined || v === '';

/** How the reader files a non-empty scores row, from its content alone. */
function scoresFate([unit, , code, self, appraised]: readonly Cell[]): 'read' | 'set aside' {
  const leafOrParent = code === '1.1' || code === '1.2' || code === '2' || code === '1';
  if (!leafOrParent || !blank(self) || !blank(appraised)) return 'read';
  return code === '1' || unit !== '' ? 'set aside' : 'read';
}

const surveyFate = ([, value]: readonly Cell[]) => (blank(value) ? 'set aside' : 'read');

/**
 * The rows as the reader takes them: a CSV keeps no merges, so a blank unit cell (column A) is read as the
 * nearest unit above it (W_CELLS_FILLED_DOWN); a row blank throughout is skipped and fills nothing.
 */
function filledDown(rows: readonly (readonly Cell[])[]): Cell[][] {
  let above: Cell = '';
  return rows.map((r) => {
    if (r.every(blank)) return [...r];
    if (!blank(r[0])) above = r[0] ?? '';
    return blank(r[0]) && above !== '' ? [above, ...r.slice(1)] : [...r];
  });
}

interface Row {
  file: string;
  row: number;
  fate: 'read' | 'set aside';
}

/** The rows of a CSV written by csv() with a header: data rows from line 2, blank lines skipped. */
function rowsOf(file: string, rows: readonly (readonly Cell[])[], fate: (r: readonly Cell[]) => Row['fate']) {
  return rows.flatMap((r, i) => (r.every(blank) ? [] : [{ file, row: i + 2, fate: fate(r) }]));
}

describe('every row is scored, set aside or rejected by one diagnostic', () => {
  it('property: random long scores and survey files', async () => {
    const ws = await workspace();
    const criteria = await ws.write('criteria.csv', tinyCriteria());
    await fc.assert(
      fc.asyncProperty(
        fc.array(scoreRow, { minLength: 1, maxLength: 14 }),
        fc.option(fc.array(scoreRow, { minLength: 1, maxLength: 6 }), { nil: undefined }),
        fc.option(fc.array(surveyRow, { minLength: 1, maxLength: 5 }), { nil: undefined }),
        pick(['appraised', 'self']),
        async (scores, more, survey, stage) => {
          const scoresFile = await ws.write('scores.csv', csv([LONG_HEADER, ...scores]));
          const args = ['validate', '--criteria', criteria, '--scores', scoresFile, '--stage', stage];
          const rows: Row[] = rowsOf(scoresFile, filledDown(scores), scoresFate);
          if (more) {
            // A second score file: the same units and codes again across files (duplicates, groups).
            const moreFile = await ws.write('more.csv', csv([LONG_HEADER, ...more]));
            args.push('--scores', moreFile);
            rows.push(...rowsOf(moreFile, filledDown(more), scoresFate));
          }
          if (survey) {
            const surveyFile = await ws.write('survey.csv', csv([['Đơn vị', 'Điểm XHH'], ...survey]));
            args.push('--survey', surveyFile);
            rows.push(...rowsOf(surveyFile, survey, surveyFate));
          }
          const { json } = await runJson(args);
          check(json, rows);
        },
      ),
      { numRuns: 200 },
    );
  });
});

function check(json: Json, rows: readonly Row[]): void {
  const at = (d: DiagnosticRecord) => `${d.file}|${d.row}`;
  const byRow = new Map(rows.map((r) => [`${r.file}|${r.row}`, r]));
  const naming = new Map<string, DiagnosticRecord[]>();
  for (const d of json.diagnostics as DiagnosticRecord[]) {
    if (d.row === null) continue;
    const row = byRow.get(at(d));
    // Every diagnostic with a row points at a row of the inputs (the header is row 1).
    if (d.row !== 1) expect(row, `${d.code} at ${at(d)}`).toBeDefined();
    // About a unit: at its first cell (column A) or at a blank row. E_SCORE_MISSING at a value cell of a
    // row read is about that row: it holds only the other stage's value (--stage self), so it is rejected.
    if (ABOUT_A_UNIT.has(d.code) && (d.column === 'A' || row?.fate !== 'read')) continue;
    if (d.severity !== 'error' && !REJECTING_NON_ERRORS.has(d.code)) continue;
    // A row set aside holds no value: nothing about it can be rejected.
    expect(row?.fate, `${d.code} at ${at(d)}`).not.toBe('set aside');
    naming.set(at(d), [...(naming.get(at(d)) ?? []), d]);
  }
  // One diagnostic per cell: a row with two bad cells (self and appraised) has two, one for each to fix.
  for (const [where, ds] of naming) {
    const cells = ds.map((d) => d.cell ?? d.column);
    expect(new Set(cells).size, `${where}: ${ds.map((d) => `${d.code} ${d.cell}`).join(', ')}`).toBe(
      ds.length,
    );
  }
  const read = rows.filter((r) => r.fate === 'read').length;
  expect(json.rows).toEqual({ read, scored: read - naming.size, rejected: naming.size });
}
