// Diagnostics that need more than one scores CSV: groups in the framework, survey files, xlsx cells
// (dates, Excel errors, formulas without a cached value) and hidden sheets.
import { describe, expect, it } from 'vitest';
import {
  csv,
  type DiagnosticRecord,
  type Json,
  LONG_HEADER,
  longScores,
  run,
  tinyCriteria,
  tinyUnit,
  validate,
  workspace,
} from './helpers.js';

const only = (json: Json, code: string): DiagnosticRecord[] =>
  (json.diagnostics as DiagnosticRecord[]).filter((d) => d.code === code);

describe('groups in the framework', () => {
  // 1.2 is for communes (Xã), 1.3 for wards (Phường); both groups have an appraisal maximum of 70.
  const criteria = csv([
    ['Mã tiêu chí', 'Tên tiêu chí', 'Điểm tối đa', 'Thành phần', 'Áp dụng cho'],
    ['1', 'Lĩnh vực 1', 70, 'thẩm định', ''],
    ['1.1', 'Chung', 30, '', ''],
    ['1.2', 'Riêng cho xã', 40, '', 'Xã'],
    ['1.3', 'Riêng cho phường', 40, '', 'Phường'],
  ]);

  it('W_LEAF_NOT_IN_GROUP: a value for a leaf of another group is ignored (warning, exit 0; --strict 1)', async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', criteria);
    const rows = [
      ...tinyUnit('Xã A', 'Xã', 25, 35),
      ['Xã A', 'Xã', '1.3', 10, 10] as const, // row 4
      ['Phường B', 'Phường', '1.1', 20, 20] as const,
      ['Phường B', 'Phường', '1.3', 30, 30] as const,
    ];
    await ws.write('scores.csv', longScores(rows));
    const args = ['--criteria', 'criteria.csv', '--scores', 'scores.csv'];
    const { code, json } = await validate(ws, args);
    expect(code).toBe(0);
    expect(only(json, 'W_LEAF_NOT_IN_GROUP')).toEqual([
      expect.objectContaining({ severity: 'warning', file: 'scores.csv', row: 4 }),
    ]);
    expect(json.rows).toEqual({ read: 5, scored: 4, rejected: 1 });
    const score = await run(['score', ...args, '--format', 'json'], { cwd: ws.dir });
    expect(score.code).toBe(0);
    const units = JSON.parse(score.stdout).units.map((u: Json) => [
      u.unit,
      u.group,
      u.appraisal,
      u.max,
      u.rank,
      u.of,
    ]);
    expect(units).toEqual([
      ['Xã A', 'Xã', 60, 70, 1, 1],
      ['Phường B', 'Phường', 50, 70, 1, 1],
    ]);
    expect((await run(['score', ...args, '--strict'], { cwd: ws.dir })).code).toBe(1);
  });
});

describe('survey files', () => {
  const scores = longScores([
    ...tinyUnit('Xã An Bình', 'Xã', 25, 35),
    ...tinyUnit('Xã Hòa Lạc', 'Xã', 20, 30),
  ]);

  it('a survey file fills the survey leaf (index on 100)', async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', tinyCriteria());
    await ws.write('scores.csv', scores);
    await ws.write(
      'survey.csv',
      csv([
        ['STT', 'Đơn vị', 'Điểm điều tra XHH'],
        [1, 'Xã Hòa Lạc', '21,5'],
        [2, 'Xã An Bình', 20],
      ]),
    );
    const r = await run(
      [
        'score',
        '--criteria',
        'criteria.csv',
        '--scores',
        'scores.csv',
        '--survey',
        'survey.csv',
        '--format',
        'json',
      ],
      {
        cwd: ws.dir,
      },
    );
    expect(r.code, r.stderr).toBe(0);
    const units = JSON.parse(r.stdout).units.map((u: Json) => [u.unit, u.survey, u.total, u.max, u.index]);
    expect(units).toEqual([
      ['Xã An Bình', 20, 80, 100, 80],
      ['Xã Hòa Lạc', 21.5, 71.5, 100, 71.5],
    ]);
  });

  it('E_SURVEY_UNKNOWN_UNIT: a misspelt unit in the survey is an error that suggests the near match', async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', tinyCriteria());
    await ws.write('scores.csv', scores);
    await ws.write(
      'survey.csv',
      csv([
        ['Đơn vị', 'Điểm XHH'],
        ['Xã Hòa Lạc', 21],
        ['Xã An Binh', 20],
      ]),
    );
    const { code, json } = await validate(ws, [
      '--criteria',
      'criteria.csv',
      '--scores',
      'scores.csv',
      '--survey',
      'survey.csv',
    ]);
    expect(code).toBe(1);
    const found = only(json, 'E_SURVEY_UNKNOWN_UNIT');
    expect(found).toEqual([
      expect.objectContaining({ severity: 'error', file: 'survey.csv', row: 3, cell: 'A3' }),
    ]);
    expect(found[0]!.message).toContain('"Xã An Bình"');
  });

  it('E_SURVEY_LEAF_AMBIGUOUS: one survey column but two survey leaves', async () => {
    const ws = await workspace();
    await ws.write(
      'criteria.csv',
      tinyCriteria([]).replace(
        '2,Điều tra xã hội học,30,xhh\n',
        '2,Điều tra xã hội học,30,xhh\n2.1,Người dân,15,\n2.2,Công chức,15,\n',
      ),
    );
    await ws.write('scores.csv', scores);
    await ws.write(
      'survey.csv',
      csv([
        ['Đơn vị', 'Điểm XHH'],
        ['Xã Hòa Lạc', 21],
        ['Xã An Bình', 20],
      ]),
    );
    const { code, json } = await validate(ws, [
      '--criteria',
      'criteria.csv',
      '--scores',
      'scores.csv',
      '--survey',
      'survey.csv',
    ]);
    expect(code).toBe(1);
    expect(only(json, 'E_SURVEY_LEAF_AMBIGUOUS')).toEqual([
      expect.objectContaining({ file: 'survey.csv', row: 1, cell: 'B1' }),
    ]);
    expect(only(json, 'E_SURVEY_LEAF_AMBIGUOUS')[0]!.message).toMatch(/2\.1, 2\.2/);
  });
});

describe('xlsx cells', () => {
  const header = ['STT', ...LONG_HEADER];
  const rowsWith = (a11: unknown) => [
    ['BẢNG ĐIỂM CCHC NĂM 2024'],
    [],
    header, // row 3
    [1, 'Xã A', 'Xã', '1.1', 25, a11], // row 4: appraised in F4
    [2, 'Xã A', 'Xã', '1.2', 35, 35],
    [3, 'Xã B', 'Xã', '1.1', 20, 20],
    [4, 'Xã B', 'Xã', '1.2', 30, 30],
  ];

  it.each([
    ['E_VALUE_DATE', new Date(Date.UTC(2024, 2, 15))],
    ['E_CELL_ERROR', { error: '#DIV/0!' }],
    ['E_FORMULA_NO_VALUE', { formula: 'E4*2' }],
  ])('%s is located at the appraised cell F4', async (code, value) => {
    const ws = await workspace();
    await ws.write('criteria.csv', tinyCriteria());
    await ws.xlsx('scores.xlsx', [{ name: 'Điểm', rows: rowsWith(value) }]);
    const { code: exit, json } = await validate(ws, [
      '--criteria',
      'criteria.csv',
      '--scores',
      'scores.xlsx',
    ]);
    expect(exit).toBe(1);
    const errors = json.diagnostics.filter((d: DiagnosticRecord) => d.severity === 'error');
    expect(errors).toEqual([
      expect.objectContaining({ code, file: 'scores.xlsx', sheet: 'Điểm', row: 4, column: 'F', cell: 'F4' }),
    ]);
  });

  it('a formula with its cached value is read through the value', async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', tinyCriteria());
    await ws.xlsx('scores.xlsx', [{ name: 'Điểm', rows: rowsWith({ formula: 'E4', result: 25 }) }]);
    const r = await run(
      ['score', '--criteria', 'criteria.csv', '--scores', 'scores.xlsx', '--format', 'json'],
      { cwd: ws.dir },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).units[0]).toMatchObject({ unit: 'Xã A', appraisal: 60 });
  });

  it('I_HIDDEN_SHEET_SKIPPED: a hidden sheet with a table is skipped (info), the visible one is read', async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', tinyCriteria());
    const hiddenRows = [header, [1, 'Xã Ẩn', 'Xã', '1.1', 1, 1], [2, 'Xã Ẩn', 'Xã', '1.2', 1, 1]];
    await ws.xlsx('scores.xlsx', [
      { name: 'Nháp', rows: hiddenRows, state: 'hidden' },
      { name: 'Điểm', rows: rowsWith(25) },
    ]);
    const r = await run(
      ['score', '--criteria', 'criteria.csv', '--scores', 'scores.xlsx', '--format', 'json'],
      { cwd: ws.dir },
    );
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(only(json, 'I_HIDDEN_SHEET_SKIPPED')).toEqual([
      expect.objectContaining({ severity: 'info', file: 'scores.xlsx', sheet: 'Nháp' }),
    ]);
    expect(json.units.map((u: Json) => u.unit)).toEqual(['Xã A', 'Xã B']);
  });

  const twoSheets = async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', tinyCriteria());
    const other = [header, [1, 'Xã C', 'Xã', '1.1', 10, 10], [2, 'Xã C', 'Xã', '1.2', 10, 10]];
    await ws.xlsx('scores.xlsx', [
      { name: 'Năm trước', rows: other, state: 'hidden' },
      { name: 'Điểm', rows: rowsWith(25) },
    ]);
    return ws;
  };
  const unitsWith = async (ws: { dir: string }, sheet: string) => {
    const r = await run(
      [
        'score',
        '--criteria',
        'criteria.csv',
        '--scores',
        'scores.xlsx',
        '--sheet',
        sheet,
        '--format',
        'json',
      ],
      {
        cwd: ws.dir,
      },
    );
    expect(r.code, `--sheet ${sheet}: ${r.stderr}`).toBe(0);
    return JSON.parse(r.stdout).units.map((u: Json) => u.unit);
  };

  it('--sheet 1 picks the first sheet even when it is hidden', async () => {
    expect(await unitsWith(await twoSheets(), '1')).toEqual(['Xã C']);
  });

  // --sheet picks the sheet of the score workbooks; the criteria file (here a CSV) is found by its headers.
  it('--sheet NAME with a CSV criteria file picks the scores sheet', async () => {
    const ws = await twoSheets();
    expect(await unitsWith(ws, 'Năm trước')).toEqual(['Xã C']);
    expect(await unitsWith(ws, 'NAM TRUOC')).toEqual(['Xã C']);
  });
});
