// One test per diagnostic code about headers and the criteria file (docs/inputs.md, docs/diagnostics.md):
// code, severity, location, and exit code 1 (the framework is broken, so nothing is scored).
import { describe, expect, it } from 'vitest';
import {
  CRITERIA_HEADER,
  csv,
  type DiagnosticRecord,
  type Json,
  type LongRow,
  longScores,
  run,
  tinyCriteria,
  tinyInputs,
  tinyUnit,
  validate,
  workspace,
} from './helpers.js';

const GOOD: LongRow[] = [...tinyUnit('Xã A', 'Xã', 25, 35, 20), ...tinyUnit('Xã B', 'Xã', 20, 30, 18)];

/** tiny framework rows (header = row 1; 1 = row 2, 1.1 = row 3, 1.2 = row 4, 2 = row 5). */
const base = [
  ['1', 'Lĩnh vực 1', 70, 'thẩm định'],
  ['1.1', 'Tiêu chí 1.1', 30, ''],
  ['1.2', 'Tiêu chí 1.2', 40, ''],
  ['2', 'Điều tra xã hội học', 30, 'xhh'],
];
/** base rows with extra columns (empty) and one cell changed. */
const withColumn = (name: string, values: Record<string, string>) =>
  csv([[...CRITERIA_HEADER, name], ...base.map((r) => [...r, values[r[0] as string] ?? ''])]);

interface Case {
  code: string;
  criteria: string;
  where: Partial<DiagnosticRecord>;
  /** Text the message must contain (a value, a code or a suggestion — never prose). */
  mentions?: string;
}

const CASES: Case[] = [
  {
    code: 'E_NO_HEADER',
    criteria: csv([
      ['Số thứ tự', 'Nội dung', 'Ghi chú'],
      ['1', 'abc', ''],
    ]),
    where: { file: 'criteria.csv', cell: null },
  },
  {
    code: 'E_DUPLICATE_HEADER',
    criteria: csv([[...CRITERIA_HEADER, 'Điểm tối đa'], ...base.map((r) => [...r, r[2]])]),
    where: { file: 'criteria.csv', sheet: 'criteria', row: 1, cell: 'E1' },
  },
  {
    code: 'E_CRITERIA_NO_CODE',
    criteria: tinyCriteria([['', 'Tiêu chí không mã', 5, '']]),
    where: { cell: 'A6', row: 6 },
    mentions: 'Tiêu chí không mã',
  },
  {
    code: 'E_CRITERIA_BAD_MAX',
    criteria: csv([
      CRITERIA_HEADER,
      ...base.map((r) => (r[0] === '1.2' ? ['1.2', 'Tiêu chí 1.2', 'bốn mươi', ''] : r)),
    ]),
    where: { cell: 'C4' },
    mentions: 'bốn mươi',
  },
  {
    code: 'E_CRITERIA_BAD_COMPONENT',
    criteria: csv([
      CRITERIA_HEADER,
      ...base.map((r) => (r[0] === '2' ? ['2', 'Điều tra', 30, 'khảo sát viên'] : r)),
    ]),
    where: { cell: 'D5' },
    mentions: 'khảo sát viên',
  },
  {
    code: 'E_CRITERIA_BAD_NA',
    criteria: withColumn('Không phát sinh', { '1.1': 'có lẽ' }),
    where: { cell: 'E3' },
    mentions: 'có lẽ',
  },
  {
    code: 'E_RULE_INVALID',
    criteria: withColumn('Cách tính', { '1.1': 'tùy hứng' }),
    where: { cell: 'E3' },
    mentions: 'tùy hứng',
  },
  {
    code: 'E_RULE_INVALID',
    criteria: withColumn('Cách tính', { '1.1': 'steps: >90%=30; khoảng 70%=10; else=0' }),
    where: { cell: 'E3' },
  },
  {
    code: 'E_RULE_ABOVE_MAX',
    criteria: withColumn('Cách tính', { '1.1': 'choice: đúng hạn=31; chậm=0,5' }),
    where: { cell: 'A3' },
    mentions: '31',
  },
  {
    code: 'E_RULE_ABOVE_MAX',
    criteria: withColumn('Cách tính', { '1.2': 'steps: >90%=45; >=70%=20; else=0' }),
    where: { cell: 'A4' },
  },
  {
    code: 'E_CRITERIA_DUPLICATE_CODE',
    criteria: tinyCriteria([['1.1', 'Tiêu chí 1.1 (lặp)', 30, '']]),
    where: { cell: 'A6' },
    mentions: 'A3',
  },
  {
    code: 'E_CRITERIA_UNKNOWN_PARENT',
    criteria: tinyCriteria([['3.1', 'Con không cha', 0, '']]),
    where: { cell: 'A6' },
    mentions: '3',
  },
  {
    code: 'E_CRITERIA_NO_MAX',
    criteria: tinyCriteria([['1.3', 'Tiêu chí không điểm', '', '']]),
    where: { cell: 'A6' },
  },
  {
    code: 'E_CRITERIA_MAX_MISMATCH',
    criteria: csv([
      CRITERIA_HEADER,
      ...base.map((r) => (r[0] === '1.2' ? ['1.2', 'Tiêu chí 1.2', 41, ''] : r)),
    ]),
    where: { cell: 'A2' },
    mentions: '71',
  },
];

describe('criteria diagnostics', () => {
  it.each(CASES.map((c) => [c.code, c] as const))('%s', async (_code, c) => {
    const ws = await workspace();
    const args = await tinyInputs(ws, GOOD, c.criteria);
    const { code, json } = await validate(ws, args);
    expect(json.schema).toBe('cchc.diagnostics/1');
    const found = (json.diagnostics as DiagnosticRecord[]).filter((d) => d.code === c.code);
    expect(found, JSON.stringify(json.diagnostics, null, 1)).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', file: 'criteria.csv', ...c.where });
    if (c.mentions) expect(found[0]!.message).toContain(c.mentions);
    expect(code).toBe(1);
    // score agrees: exit 1, the same diagnostics as data on stdout, no report
    const score = await run(['score', ...args, '--format', 'json'], { cwd: ws.dir });
    expect(score.code).toBe(1);
    const doc = JSON.parse(score.stdout) as Json;
    expect(doc.schema).toBe('cchc.diagnostics/1');
    expect(doc.diagnostics.map((d: Json) => d.code)).toContain(c.code);
  });

  it('E_NO_HEADER on a scores file names the file; exit 1', async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', tinyCriteria());
    await ws.write(
      'scores.csv',
      csv([
        ['Họ tên', 'Điểm'],
        ['A', 1],
      ]),
    );
    const { code, json } = await validate(ws, ['--criteria', 'criteria.csv', '--scores', 'scores.csv']);
    expect(code).toBe(1);
    expect(json.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'E_NO_HEADER', severity: 'error', file: 'scores.csv' }),
    );
  });

  // Regression: describeFields() once took the second alias of each field, so the Vietnamese message asked
  // for "unit name", "criterion code", "self assessed" (fixed in 29ee46b).
  it('E_NO_HEADER names the expected columns in the language of the message', async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', tinyCriteria());
    await ws.write(
      'scores.csv',
      csv([
        ['Họ tên', 'Điểm'],
        ['A', 1],
      ]),
    );
    const args = ['--criteria', 'criteria.csv', '--scores', 'scores.csv'];
    const vi = (await validate(ws, args)).json.diagnostics.find((d: Json) => d.code === 'E_NO_HEADER')
      .message as string;
    const en = (await validate(ws, [...args, '--lang', 'en'])).json.diagnostics.find(
      (d: Json) => d.code === 'E_NO_HEADER',
    ).message as string;
    expect(vi.toLowerCase()).toContain('"đơn vị"');
    expect(vi).not.toMatch(/unit name|criterion code|self assessed/);
    expect(en).toContain('"unit"');
    expect(en).not.toMatch(/khối|thẩm định/);
  });

  it('E_DUPLICATE_HEADER on a scores file points at the second column', async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', tinyCriteria());
    const header = ['Đơn vị', 'Khối', 'Mã tiêu chí', 'Điểm thẩm định', 'Điểm thẩm định'];
    await ws.write('scores.csv', longScores(GOOD, header));
    const { code, json } = await validate(ws, ['--criteria', 'criteria.csv', '--scores', 'scores.csv']);
    expect(code).toBe(1);
    expect(json.diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'E_DUPLICATE_HEADER',
        file: 'scores.csv',
        row: 1,
        column: 'E',
        cell: 'E1',
      }),
    );
  });

  it('the valid tiny framework has no diagnostics at all', async () => {
    const ws = await workspace();
    const { code, json } = await validate(ws, await tinyInputs(ws, GOOD));
    expect(json.diagnostics).toEqual([]);
    expect(code).toBe(0);
    expect(json.rows).toEqual({ read: 6, scored: 6, rejected: 0 });
  });
});
