// docs/outputs.md, "Row counts", by example: survey rows are counted like score rows, and every rejected row
// is named by a diagnostic at that row. The numbers are counted by hand from the rows written here.
import { describe, expect, it } from 'vitest';
import {
  CRITERIA_HEADER,
  csv,
  type DiagnosticRecord,
  type Json,
  LONG_HEADER,
  tinyCriteria,
  validate,
  workspace,
} from './helpers.js';

type Cell = string | number | null;

/** Where each diagnostic of a code points: "file:cell". */
const at = (json: Json, code: string) =>
  (json.diagnostics as DiagnosticRecord[])
    .filter((d) => d.code === code)
    .map((d) => `${d.file}:${d.cell ?? d.row}`);

/** Writes the inputs (long scores; survey rows under their own header) and runs validate on them. */
async function run(
  scores: readonly Cell[][],
  options: { survey?: Cell[][]; criteria?: string; stage?: string } = {},
) {
  const ws = await workspace();
  await ws.write('criteria.csv', options.criteria ?? tinyCriteria());
  await ws.write('scores.csv', csv([LONG_HEADER, ...scores]));
  const args = ['--criteria', 'criteria.csv', '--scores', 'scores.csv'];
  if (options.survey) {
    await ws.write('survey.csv', csv(options.survey));
    args.push('--survey', 'survey.csv');
  }
  if (options.stage) args.push('--stage', options.stage);
  return (await validate(ws, args)).json;
}

const UNIT_A: Cell[][] = [
  ['Xã A', 'Xã', '1.1', 25, 25],
  ['Xã A', 'Xã', '1.2', 35, 35],
];

describe('row counts with survey files', () => {
  it('a blank survey value is not entered, and E_SURVEY_MISSING points at it, not at the scores', async () => {
    const json = await run([...UNIT_A, ['Xã B', 'Xã', '1.1', 20, 20], ['Xã B', 'Xã', '1.2', 30, 30]], {
      survey: [
        ['Đơn vị', 'Điểm XHH'],
        ['Xã A', 20],
        ['Xã B', null],
      ],
    });
    expect(at(json, 'E_SURVEY_MISSING')).toEqual(['survey.csv:B3']);
    // Read: the 4 score rows and Xã A's survey row; Xã B's blank survey row is not entered.
    expect(json.rows).toEqual({ read: 5, scored: 5, rejected: 0 });
  });

  it('a survey unit not in the scores: each of its survey rows rejected and named at that row', async () => {
    const criteria = csv([
      CRITERIA_HEADER,
      ['1', 'Lĩnh vực 1', 70, 'thẩm định'],
      ['1.1', 'Tiêu chí 1.1', 70, ''],
      ['2', 'Điều tra', 30, 'xhh'],
      ['2.1', 'Người dân', 20, ''],
      ['2.2', 'Công chức', 10, ''],
    ]);
    const survey = [
      ['Đơn vị', 'Mã tiêu chí', 'Điểm'],
      ['Xã An Bình', '2.1', 15],
      ['Xã An Bình', '2.2', 8],
      ['Xã An Bính', '2.1', 12],
      ['Xã An Bính', '2.2', 7],
    ];
    const json = await run([['Xã An Bình', 'Xã', '1.1', 60, 60]], { criteria, survey });
    expect(at(json, 'E_SURVEY_UNKNOWN_UNIT')).toEqual(['survey.csv:A4', 'survey.csv:A5']);
    expect(json.rows).toEqual({ read: 5, scored: 3, rejected: 2 });
  });

  it('the survey row of a unit whose score rows are all blank: I_SURVEY_NOT_USED at that row, rejected', async () => {
    const json = await run(
      [...UNIT_A, ['Xã B', 'Xã', '1.1', null, null], ['Xã B', 'Xã', '1.2', null, null]],
      {
        survey: [
          ['Đơn vị', 'Điểm XHH'],
          ['Xã A', 20],
          ['Xã B', 18],
        ],
      },
    );
    expect(at(json, 'E_UNIT_NOT_ENTERED')).toEqual(['scores.csv:A4']);
    expect(at(json, 'I_SURVEY_NOT_USED')).toEqual(['survey.csv:A3']);
    // Read: Xã A's 2 score rows and both survey rows; Xã B's blank score rows are not entered.
    expect(json.rows).toEqual({ read: 4, scored: 3, rejected: 1 });
  });
});

describe('rejected rows are named where they are', () => {
  it('a wrong self value next to a right appraised one rejects the row (it was counted as scored)', async () => {
    const json = await run([['Xã A', 'Xã', '1.1', 45, 25], UNIT_A[1]!]);
    expect(at(json, 'E_SCORE_ABOVE_MAX')).toEqual(['scores.csv:D2']);
    expect(json.rows).toEqual({ read: 2, scored: 1, rejected: 1 });
  });

  it('--stage self: a row with only the appraised value is rejected, E_SCORE_MISSING at its blank self cell', async () => {
    const json = await run([['Xã A', 'Xã', '1.1', null, 25], UNIT_A[1]!], { stage: 'self' });
    expect(at(json, 'E_SCORE_MISSING')).toEqual(['scores.csv:D2']);
    expect(json.rows).toEqual({ read: 2, scored: 1, rejected: 1 });
  });

  it('a value without unit or code just below the header is a data row, not more header', async () => {
    const json = await run([[null, null, null, null, 45], ['Xã A', 'Xã', '1.1', 20, 25], UNIT_A[1]!]);
    // Taken for a second header row, it renamed column E "Điểm thẩm định 45": no appraised value was read.
    expect(at(json, 'E_ROW_NO_CRITERION')).toEqual(['scores.csv:C2']);
    expect(at(json, 'W_NOT_APPRAISED')).toEqual([]);
    expect(json.rows).toEqual({ read: 3, scored: 2, rejected: 1 });
  });
});
