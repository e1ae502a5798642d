// fixtures/rules scores exactly as its hand-computed expected.json says (the arithmetic is in its
// README): every rule of docs/inputs.md from raw figures, through the built CLI; explain shows each leaf's
// points.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, type Json, runInProcess } from '../cli/helpers.js';

const RULES = join(FIXTURES, 'rules');
const INPUTS = ['--criteria', join(RULES, 'criteria.csv'), '--scores', join(RULES, 'scores.csv')];
const expected: Json = JSON.parse(readFileSync(join(RULES, 'expected.json'), 'utf8'));

const UNITS: [string, Json][] = expected.units.map((u: Json) => [u.unit, u]);

const UNIT_FIELDS = [
  'unit',
  'group',
  'appraisal',
  'self',
  'survey',
  'total',
  'max',
  'index',
  'rank',
  'of',
  'band',
];
const GROUP_FIELDS = ['group', 'units', 'mean', 'median', 'min', 'max', 'top'];
const pick = (o: Json, keys: string[]) => Object.fromEntries(keys.map((k) => [k, o[k]]));

async function run(args: string[]) {
  const r = await runInProcess(args);
  expect(r.code, r.stderr).toBe(0);
  return r;
}

describe('fixtures/rules', () => {
  it('score: every unit and the group as expected.json, in rank order, without diagnostics', async () => {
    const json = JSON.parse((await run(['score', ...INPUTS, '--format', 'json'])).stdout);
    expect(json.units.map((u: Json) => pick(u, UNIT_FIELDS))).toEqual(
      expected.units.map((u: Json) => pick(u, UNIT_FIELDS)),
    );
    expect(json.groups.map((g: Json) => pick(g, GROUP_FIELDS))).toEqual(expected.groups);
    expect(json.framework).toEqual(expected.framework);
    expect(json.diagnostics).toEqual([]);
    expect(json.rows).toEqual({ read: 35, scored: 35, rejected: 0 });
  });

  it.each(UNITS)('explain %s: every leaf scores as expected.json', async (name, u) => {
    const t = JSON.parse((await run(['explain', ...INPUTS, '--unit', name, '--format', 'json'])).stdout);
    expect(Object.fromEntries(t.leaves.map((l: Json) => [l.code, l.points]))).toEqual(u.leaves);
    expect([t.total, t.index, t.rank, t.of, t.band]).toEqual([u.total, u.index, u.rank, u.of, u.band]);
  });

  it('explain shows the raw figure, the rule and exact ratio points; self vs appraised', async () => {
    const t = JSON.parse(
      (await run(['explain', ...INPUTS, '--unit', 'Xã An Hải', '--format', 'json'])).stdout,
    );
    const l = t.leaves.find((x: Json) => x.code === '1.2');
    expect(pick(l, ['raw', 'rule', 'points', 'max', 'self', 'appraised', 'diff', 'reason'])).toEqual({
      raw: '14/19',
      rule: 'ratio',
      points: 1.4737,
      max: 2,
      self: 2,
      appraised: 1.4737,
      diff: -0.5263,
      reason: 'Chỉ hoàn thành 14/19 nhiệm vụ',
    });
    expect(t.leaves.find((x: Json) => x.code === '2.1').ruleText).toBe(
      'choice: đúng hạn=1; chậm=0,5; không ban hành=0',
    );
    expect(t.nodes.map((n: Json) => [n.code, n.points, n.max])).toEqual([
      ['1', 5.4737, 6],
      ['2', 1, 2],
    ]);
    expect(t.neighbours.above.unit).toBe('Xã Bình Minh');
    expect(t.neighbours.below.unit).toBe('Xã Cát Tiến');

    const table = (await run(['explain', ...INPUTS, '--unit', 'Xã An Hải'])).stdout;
    for (const s of ['14/19', '1,4737', '53/57', 'Chậm', '−0,5263', '6,47', '9,72', '81,03', '3/5'])
      expect(table).toContain(s);
  });

  it('explain shows a KPS leaf as KPS, excluded from the maximum', async () => {
    const t = JSON.parse(
      (await run(['explain', ...INPUTS, '--unit', 'xã cát tiến', '--format', 'json'])).stdout,
    );
    const l = t.leaves.find((x: Json) => x.code === '1.2');
    expect(pick(l, ['raw', 'points', 'max', 'frameworkMax', 'na'])).toEqual({
      raw: 'KPS',
      points: null,
      max: 0,
      frameworkMax: 2,
      na: true,
    });
    expect(t.components.appraisal).toEqual({ points: 3.5, max: 6 });
    const table = (await run(['explain', ...INPUTS, '--unit', 'Xã Cát Tiến'])).stdout;
    expect(table).toMatch(/│ 1\.2 .*│ KPS +│ theo tỷ lệ +│ +KPS │ +0 \(2\) │/);
  });
});
