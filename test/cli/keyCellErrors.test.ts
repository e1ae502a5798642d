// An error cell where a score or survey row says whose value it holds and for what (the unit, group, unit
// code or criterion-code column): #N/A, #REF!, a formula without a stored value, a cell the strict xlsx
// reader finds corrupt. The row is rejected with one diagnostic at that cell; the error's text is never
// taken for a unit, a group or a code (a unit called "#CORRUPT" missing its values, a group "#REF!").
import { describe, expect, it } from 'vitest';
import { xlsxParts, zip } from '../read/helpers.js';
import {
  type DiagnosticRecord,
  type Json,
  LONG_HEADER,
  runJson,
  tinyCriteria,
  type Workspace,
  workspace,
} from './helpers.js';

const T = 20_000;

/** Xã A (1.1 in row 2, 1.2 in row 3) and Xã B (rows 4, 5), each cell as exceljs takes it. */
const ROWS: unknown[][] = [
  ['Xã A', 'Xã', '1.1', 25, 25],
  ['Xã A', 'Xã', '1.2', 35, 35],
  ['Xã B', 'Xã', '1.1', 20, 20],
  ['Xã B', 'Xã', '1.2', 30, 30],
];

async function score(ws: Workspace, args: string[] = []) {
  await ws.write('criteria.csv', tinyCriteria());
  return runJson(
    ['validate', '--criteria', 'criteria.csv', '--scores', 'scores.xlsx', '--no-survey', ...args],
    { cwd: ws.dir },
  );
}

/** The run's diagnostics at `cell`, and a check that none elsewhere took the error text for a name. */
function expectRejectedAt(json: Json, cell: string, code: string, errorText: string): void {
  const all = json.diagnostics as DiagnosticRecord[];
  expect(
    all.filter((d) => d.cell === cell).map((d) => d.code),
    JSON.stringify(all),
  ).toEqual([code]);
  expect(all.filter((d) => d.message.includes(errorText) && d.cell !== cell)).toEqual([]);
  for (const d of all) expect(['E_UNKNOWN_CRITERION', 'E_UNIT_TWO_GROUPS']).not.toContain(d.code);
  expect(json.rows.rejected).toBeGreaterThanOrEqual(1);
  expect(json.rows.read).toBe(json.rows.scored + json.rows.rejected);
}

describe('an error cell in a key column of a long score row', () => {
  const cases: [what: string, column: number, value: unknown, code: string, text: string][] = [
    ['#N/A as the unit', 0, { error: '#N/A' }, 'E_CELL_ERROR', '#N/A'],
    ['#REF! as the group', 1, { error: '#REF!' }, 'E_CELL_ERROR', '#REF!'],
    ['#N/A as the criterion code', 2, { error: '#N/A' }, 'E_CELL_ERROR', '#N/A'],
    ['a formula without a value as the unit', 0, { formula: 'Z1' }, 'E_FORMULA_NO_VALUE', 'NO_CACHED_VALUE'],
    ['a formula without a value as the code', 2, { formula: 'Z1' }, 'E_FORMULA_NO_VALUE', 'NO_CACHED_VALUE'],
  ];
  it.each(cases)(
    '%s: the row is rejected at that cell (exit 1)',
    { timeout: T },
    async (_, col, value, code, text) => {
      const ws = await workspace();
      const rows = ROWS.map((r, i) => (i === 0 ? r.map((c, j) => (j === col ? value : c)) : r));
      await ws.xlsx('scores.xlsx', [{ name: 'Điểm', rows: [LONG_HEADER, ...rows] }]);
      const r = await score(ws, ['--lang', 'en']);
      expect(r.code, r.stderr).toBe(1);
      expectRejectedAt(r.json, `${'ABC'[col]}2`, code, text);
      // The other unit is read as it is.
      expect(r.json.diagnostics.some((d: DiagnosticRecord) => d.message.includes('Xã B'))).toBe(false);
    },
  );

  it('a corrupt unit cell: E_CELL_CORRUPT once, no unit called "#CORRUPT"', { timeout: T }, async () => {
    const ws = await workspace();
    const t = (ref: string, s: string) => `<c r="${ref}" t="inlineStr"><is><t>${s}</t></is></c>`;
    const n = (ref: string, v: number) => `<c r="${ref}"><v>${v}</v></c>`;
    const row = (r: number, cells: string[]) => `<row r="${r}">${cells.join('')}</row>`;
    const data = [
      row(
        1,
        LONG_HEADER.map((h, i) => t(`${'ABCDE'[i]}1`, h)),
      ),
      // A shared-string index the file does not have.
      row(2, ['<c r="A2" t="s"><v>9</v></c>', t('B2', 'Xã'), t('C2', '1.1'), n('D2', 25), n('E2', 25)]),
      row(3, [t('A3', 'Xã A'), t('B3', 'Xã'), t('C3', '1.2'), n('D3', 35), n('E3', 35)]),
    ].join('');
    await ws.write('scores.xlsx', zip(xlsxParts([{ name: 'Điểm', data }])));
    const r = await score(ws, ['--lang', 'en']);
    expect(r.code, r.stderr).toBe(1);
    expectRejectedAt(r.json, 'A2', 'E_CELL_CORRUPT', '#CORRUPT');
    expect(r.json.rows).toEqual({ read: 2, scored: 1, rejected: 1 });
  });
});

describe('other layouts', () => {
  it('wide: #N/A as the unit rejects the row at A', { timeout: T }, async () => {
    const ws = await workspace();
    await ws.xlsx('scores.xlsx', [
      {
        name: 'Điểm',
        rows: [
          ['Đơn vị', 'Khối', '1.1', '1.2'],
          [{ error: '#N/A' }, 'Xã', 25, 35],
          ['Xã B', 'Xã', 20, 30],
        ],
      },
    ]);
    const r = await score(ws, ['--lang', 'en']);
    expect(r.code, r.stderr).toBe(1);
    expectRejectedAt(r.json, 'A2', 'E_CELL_ERROR', '#N/A');
    expect(r.json.rows).toEqual({ read: 2, scored: 1, rejected: 1 });
  });

  it('a survey file: #N/A as the unit rejects the survey row', { timeout: T }, async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', tinyCriteria());
    await ws.xlsx('scores.xlsx', [{ name: 'Điểm', rows: [LONG_HEADER, ...ROWS] }]);
    await ws.xlsx('survey.xlsx', [
      {
        name: 'XHH',
        rows: [
          ['Đơn vị', 'Điểm XHH'],
          ['Xã A', 20],
          [{ error: '#N/A' }, 18],
        ],
      },
    ]);
    const r = await runJson(
      ['validate', '--criteria', 'criteria.csv', '--scores', 'scores.xlsx', '--survey', 'survey.xlsx'],
      { cwd: ws.dir },
    );
    expect(r.code, r.stderr).toBe(1);
    const at = (r.json.diagnostics as DiagnosticRecord[]).filter((d) => d.file === 'survey.xlsx');
    expect(at.map((d) => [d.code, d.cell])).toEqual([['E_CELL_ERROR', 'A3']]);
    // Xã B's survey value is missing (its row named no one), said where the scores name Xã B.
    expect(r.json.rows.read).toBe(r.json.rows.scored + r.json.rows.rejected);
  });

  it('form: a formula without a value as the STT of a row with values is rejected there', {
    timeout: T,
  }, async () => {
    const ws = await workspace();
    await ws.xlsx('scores.xlsx', [
      {
        name: 'Xã A',
        rows: [
          ['Khối: Xã'],
          ['STT', 'Tiêu chí', 'Điểm tối đa', 'Điểm tự đánh giá', 'Điểm thẩm định'],
          ['1', 'Lĩnh vực 1', 70, null, null],
          [{ formula: 'Z1' }, 'Tiêu chí 1.1', 30, 25, 25],
          ['1.2', 'Tiêu chí 1.2', 40, 35, 35],
        ],
      },
    ]);
    const r = await score(ws, ['--lang', 'en']);
    expect(r.code, r.stderr).toBe(1);
    expectRejectedAt(r.json, 'A4', 'E_FORMULA_NO_VALUE', 'NO_CACHED_VALUE');
    expect(r.json.rows).toEqual({ read: 2, scored: 1, rejected: 1 });
  });
});
