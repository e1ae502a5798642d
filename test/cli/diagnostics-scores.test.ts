// One test per diagnostic code about score values, units and groups (docs/inputs.md, docs/computation.md,
// docs/diagnostics.md), on the tiny framework (1.1 max 30, 1.2 max 40, survey leaf 2 max 30). Scores CSV:
// header is row 1, columns A unit, B group, C criterion, D self, E appraised.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CRITERIA_HEADER,
  csv,
  type DiagnosticRecord,
  FIXTURES,
  type LongRow,
  run,
  tinyCriteria,
  tinyInputs,
  tinyUnit,
  validate,
  workspace,
} from './helpers.js';

// Xã A: rows 2-4 (1.1 at row 2, 1.2 row 3, survey row 4); Xã B: rows 5-7.
const GOOD: LongRow[] = [...tinyUnit('Xã A', 'Xã', 25, 35, 20), ...tinyUnit('Xã B', 'Xã', 20, 30, 18)];
const withRow = (row: LongRow): LongRow[] => [...GOOD, row]; // the new row is row 8
const setA11 = (appraised: string): LongRow[] =>
  GOOD.map((r, i) => (i === 0 ? ['Xã A', 'Xã', '1.1', 25, appraised] : r));

const criteriaWith = (column: string, values: Record<string, string>) =>
  csv([
    [...CRITERIA_HEADER, column],
    ['1', 'Lĩnh vực 1', 70, 'thẩm định', values['1'] ?? ''],
    ['1.1', 'Tiêu chí 1.1', 30, '', values['1.1'] ?? ''],
    ['1.2', 'Tiêu chí 1.2', 40, '', values['1.2'] ?? ''],
    ['2', 'Điều tra xã hội học', 30, 'xhh', ''],
  ]);

interface Case {
  name: string;
  code: string;
  severity: 'error' | 'warning' | 'info';
  rows: LongRow[];
  criteria?: string;
  where: Partial<DiagnosticRecord>;
  mentions?: string;
}

const CASES: Case[] = [
  {
    // A CSV keeps no merges: a blank unit cell takes the unit above (next case); with none above, an error.
    name: 'empty unit, no unit above',
    code: 'E_ROW_NO_UNIT',
    severity: 'error',
    rows: [['', 'Xã', '1.1', 1, 1], ...GOOD],
    where: { cell: 'A2' },
  },
  {
    name: 'unit cells left blank below the first, as a merged cell saved as CSV',
    code: 'W_CELLS_FILLED_DOWN',
    severity: 'warning',
    rows: GOOD.map((r, i) => (i > 3 ? ['', ...r.slice(1)] : r) as LongRow),
    where: { cell: 'A6' },
    mentions: 'Xã B',
  },
  {
    // Filled from above, a row of the next unit whose name is missing repeats a code the unit above has.
    name: 'a unit name missing mid-file',
    code: 'E_SCORE_DUPLICATE',
    severity: 'error',
    rows: withRow(['', 'Xã', '1.1', 1, 1]),
    where: { cell: 'E8' },
    mentions: 'Xã B',
  },
  {
    name: 'empty code',
    code: 'E_ROW_NO_CRITERION',
    severity: 'error',
    rows: withRow(['Xã A', 'Xã', '', 1, 1]),
    where: { cell: 'C8' },
  },
  {
    name: '"1.l" suggests 1.1',
    code: 'E_UNKNOWN_CRITERION',
    severity: 'error',
    rows: withRow(['Xã A', 'Xã', '1.l', 1, 1]),
    where: { cell: 'C8' },
    mentions: '"1.1"',
  },
  {
    name: '"11" suggests 1.1',
    code: 'E_UNKNOWN_CRITERION',
    severity: 'error',
    rows: withRow(['Xã A', 'Xã', '11', 1, 1]),
    where: { cell: 'C8' },
    mentions: '"1.1"',
  },
  {
    name: 'a parent row',
    code: 'W_SUBTOTAL_IGNORED',
    severity: 'warning',
    rows: withRow(['Xã A', 'Xã', '1', 60, 60]),
    where: { cell: 'C8' },
  },
  {
    name: 'a second value',
    code: 'E_SCORE_DUPLICATE',
    severity: 'error',
    rows: withRow(['Xã A', 'Xã', '1.1', 1, 1]),
    where: { cell: 'E8' },
    mentions: 'E2',
  },
  {
    name: 'a unit in two groups',
    code: 'E_UNIT_TWO_GROUPS',
    severity: 'error',
    rows: withRow(['Xã B', 'Phường', '1.1', 1, 1]),
    where: { cell: 'A8' },
    mentions: 'Phường',
  },
  {
    name: 'a unit without a group among grouped units',
    code: 'E_UNIT_NO_GROUP',
    severity: 'error',
    rows: [...tinyUnit('Xã C', '', 10, 10, 10), ...GOOD], // first: no group above to fill from
    where: { cell: 'A2' },
    mentions: 'Xã C',
  },
  {
    name: 'text',
    code: 'E_VALUE_NOT_NUMBER',
    severity: 'error',
    rows: setA11('hai mươi'),
    where: { cell: 'E2' },
    mentions: 'hai mươi',
  },
  {
    name: 'negative',
    code: 'E_SCORE_NEGATIVE',
    severity: 'error',
    rows: setA11('-1'),
    where: { cell: 'E2' },
  },
  {
    name: 'above max',
    code: 'E_SCORE_ABOVE_MAX',
    severity: 'error',
    rows: setA11('30,5'),
    where: { cell: 'E2', row: 2, column: 'E' },
  },
  {
    name: 'KPS where forbidden',
    code: 'E_NA_FORBIDDEN',
    severity: 'error',
    rows: setA11('KPS'),
    criteria: criteriaWith('Không phát sinh', { '1.1': 'forbid' }),
    where: { cell: 'E2' },
  },
  {
    name: 'a missing leaf',
    code: 'E_SCORE_MISSING',
    severity: 'error',
    rows: GOOD.filter((_, i) => i !== 4),
    where: { file: 'scores.csv' },
    mentions: 'Xã B',
  },
  {
    name: 'empty appraised next to self',
    code: 'W_NOT_APPRAISED',
    severity: 'warning',
    rows: setA11(''),
    where: { row: 2 },
  },
  {
    name: 'survey held by some but not all of a group',
    code: 'E_SURVEY_MISSING',
    severity: 'error',
    rows: GOOD.filter((_, i) => i !== 5),
    where: { file: 'scores.csv' },
    mentions: 'Xã B',
  },
  {
    name: 'ratio 0/0',
    code: 'E_RATIO_ZERO_DENOMINATOR',
    severity: 'error',
    rows: GOOD.map(
      (r, i): LongRow => (r[2] === '1.1' ? [r[0], r[1], '1.1', '14/19', i === 0 ? '0/0' : '73,68%'] : r),
    ),
    criteria: criteriaWith('Cách tính', { '1.1': 'ratio' }),
    where: { cell: 'E2' },
    mentions: 'KPS',
  },
  {
    name: 'not a choice',
    code: 'E_VALUE_NOT_CHOICE',
    severity: 'error',
    rows: GOOD.map(
      (r, i): LongRow => (r[2] === '1.1' ? [r[0], r[1], '1.1', 'đúng hạn', i === 0 ? 'trễ hẹn' : 'Chậm'] : r),
    ),
    criteria: criteriaWith('Cách tính', { '1.1': 'choice: đúng hạn=30; chậm=15; không ban hành=0' }),
    where: { cell: 'E2' },
    mentions: 'trễ hẹn',
  },
];

describe('score diagnostics', () => {
  it.each(CASES.map((c) => [c.code, c.name, c] as const))('%s (%s)', async (_code, _name, c) => {
    const ws = await workspace();
    const args = await tinyInputs(ws, c.rows, c.criteria);
    const { code, json } = await validate(ws, args);
    const found = (json.diagnostics as DiagnosticRecord[]).filter((d) => d.code === c.code);
    expect(found, JSON.stringify(json.diagnostics, null, 1)).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: c.severity, file: 'scores.csv', sheet: 'scores', ...c.where });
    if (c.mentions) expect(found[0]!.message).toContain(c.mentions);
    expect(json.rows.read).toBe(json.rows.scored + json.rows.rejected);
    const score = await run(['score', ...args, '--format', 'json'], { cwd: ws.dir });
    if (c.severity === 'error') {
      expect(code).toBe(1);
      expect(score.code).toBe(1);
      expect(JSON.parse(score.stdout).schema).toBe('cchc.diagnostics/1');
    } else {
      expect(code).toBe(0);
      expect(score.code).toBe(0);
      expect(JSON.parse(score.stdout).schema).toBe('cchc.results/1');
      const strict = await run(['score', ...args, '--strict', '--format', 'json'], { cwd: ws.dir });
      expect(strict.code).toBe(1);
      expect(JSON.parse(strict.stdout).schema).toBe('cchc.diagnostics/1');
    }
  });
});

describe('what the warnings and infos do to the numbers', () => {
  it('W_NOT_APPRAISED: the self value is used', async () => {
    const ws = await workspace();
    const rows = GOOD.map((r, i): LongRow => (i === 0 ? ['Xã A', 'Xã', '1.1', 28, ''] : r));
    const { code, json } = await run(['score', ...(await tinyInputs(ws, rows)), '--format', 'json'], {
      cwd: ws.dir,
    }).then((r) => ({
      code: r.code,
      json: JSON.parse(r.stdout),
    }));
    expect(code).toBe(0);
    expect(json.units.find((u: { unit: string }) => u.unit === 'Xã A')).toMatchObject({
      appraisal: 63,
      survey: 20,
      total: 83,
    });
  });

  it('W_SUBTOTAL_IGNORED: the parent value does not count, and the row is rejected', async () => {
    const ws = await workspace();
    const r = await run(
      ['score', ...(await tinyInputs(ws, withRow(['Xã A', 'Xã', '1', 69, 69]))), '--format', 'json'],
      { cwd: ws.dir },
    );
    const json = JSON.parse(r.stdout);
    expect(json.units[0]).toMatchObject({ unit: 'Xã A', appraisal: 60, total: 80 });
    expect(json.rows).toEqual({ read: 7, scored: 6, rejected: 1 });
  });

  it('I_SURVEY_NOT_HELD: no survey in the group → index = appraisal / 70 × 100, exit 0', async () => {
    const ws = await workspace();
    const rows = [...tinyUnit('Xã A', 'Xã', 25, 35), ...tinyUnit('Xã B', 'Xã', 20, 30)];
    const r = await run(['score', ...(await tinyInputs(ws, rows)), '--format', 'json'], { cwd: ws.dir });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    // The framework has a survey component and no --survey was given: said once, as a warning.
    expect(json.diagnostics).toEqual([
      expect.objectContaining({ code: 'I_SURVEY_NOT_HELD', severity: 'info' }),
      expect.objectContaining({ code: 'W_SURVEY_NOT_GIVEN', severity: 'warning', file: 'criteria.csv' }),
    ]);
    expect(
      json.units.map((u: { survey: unknown; max: number; index: number }) => [u.survey, u.max, u.index]),
    ).toEqual([
      [null, 70, 85.71],
      [null, 70, 71.43],
    ]);
    const strict = await run(['score', ...(await tinyInputs(ws, rows)), '--strict'], { cwd: ws.dir });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('không ghi báo cáo nào: có 1 cảnh báo và --strict coi cảnh báo là lỗi');
    // --no-survey says the survey is absent on purpose: an info, and --strict passes (it fails on warnings).
    const meant = await run(
      ['score', ...(await tinyInputs(ws, rows)), '--no-survey', '--strict', '--format', 'json'],
      {
        cwd: ws.dir,
      },
    );
    expect(meant.code).toBe(0);
    expect(JSON.parse(meant.stdout).diagnostics.map((d: { code: string }) => d.code)).toEqual([
      'I_SURVEY_NOT_HELD',
      'I_NO_SURVEY',
    ]);
  });
});

describe('I_SURVEY_NOT_HELD without a group column', () => {
  it('names no group (it said group "") in either language', async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', tinyCriteria());
    await ws.write(
      'scores.csv',
      csv([
        ['Đơn vị', 'Mã tiêu chí', 'Điểm tự đánh giá', 'Điểm thẩm định'],
        ['Xã A', '1.1', 25, 25],
        ['Xã A', '1.2', 35, 35],
      ]),
    );
    const args = ['validate', '--criteria', 'criteria.csv', '--scores', 'scores.csv', '--no-survey'];
    for (const lang of ['vi', 'en']) {
      const r = await run([...args, '--lang', lang, '--format', 'json'], { cwd: ws.dir });
      expect(r.code, r.stderr).toBe(0);
      const d = JSON.parse(r.stdout).diagnostics.find(
        (x: DiagnosticRecord) => x.code === 'I_SURVEY_NOT_HELD',
      );
      expect(d.message).not.toContain('""');
      expect(d.message).not.toMatch(/khối|group/);
      expect(d.message).toMatch(lang === 'vi' ? /điều tra XHH/ : /survey/);
    }
  });
});

describe('province sample with one value above its maximum', () => {
  it('E_SCORE_ABOVE_MAX is located at the appraised cell (F5 of scores.csv)', async () => {
    const P = (f: string) => join(FIXTURES, 'province', f);
    const ws = await workspace();
    const text = readFileSync(P('scores.csv'), 'utf8');
    const edited = text.replace(
      '1,Thành phố Quảng Ngãi,Cấp huyện,1.1.1,1,1',
      '1,Thành phố Quảng Ngãi,Cấp huyện,1.1.1,1,"1,5"',
    );
    expect(edited).not.toBe(text);
    await ws.write('scores.csv', edited);
    const r = await validate(ws, [
      '--criteria',
      P('criteria.csv'),
      '--scores',
      'scores.csv',
      '--survey',
      P('survey.csv'),
    ]);
    expect(r.code).toBe(1);
    expect(r.json.diagnostics).toEqual([
      expect.objectContaining({
        code: 'E_SCORE_ABOVE_MAX',
        file: 'scores.csv',
        sheet: 'scores',
        row: 5,
        column: 'F',
        cell: 'F5',
      }),
    ]);
  });
});
