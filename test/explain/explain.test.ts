// cchc explain, in-process on the built CLI: for EVERY unit of the sample data the trace's subtotals
// (component sums rebuilt from the leaves, domain subtotals, total, index, rank, band) are the numbers
// `cchc score --format json` publishes; the table shows them in Vietnamese; a wrong --unit exits 2.
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, type Json, runInProcess } from '../cli/helpers.js';

const PROVINCE = join(FIXTURES, 'province');
const DISTRICT = join(FIXTURES, 'district');
const RULES = join(FIXTURES, 'rules');

const PROVINCE_INPUTS = [
  '--criteria',
  join(PROVINCE, 'criteria.xlsx'),
  '--scores',
  join(PROVINCE, 'scores.xlsx'),
  '--survey',
  join(PROVINCE, 'survey.csv'),
];
const DISTRICT_INPUTS = [
  '--criteria',
  join(DISTRICT, 'criteria.xlsx'),
  '--scores',
  join(DISTRICT, 'scores-phong.xlsx'),
  join(DISTRICT, 'scores-sunghiep.csv'),
  join(DISTRICT, 'scores-xa.xlsx'),
  '--survey',
  join(DISTRICT, 'survey-xa.csv'),
];
const RULES_INPUTS = ['--criteria', join(RULES, 'criteria.csv'), '--scores', join(RULES, 'scores.csv')];

async function json(args: string[]): Promise<Json> {
  const r = await runInProcess([...args, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

const round2 = (x: number): number => Math.round((x + Number.EPSILON) * 100) / 100;
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

/** Unit names known before the run (from expected.json), so that each unit is its own test. */
const unitsOf = (dir: string): string[] =>
  (JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { units: { unit: string }[] }).units.map(
    (u) => u.unit,
  );

describe.each([
  ['province', PROVINCE, PROVINCE_INPUTS],
  ['district', DISTRICT, DISTRICT_INPUTS],
  ['rules', RULES, RULES_INPUTS],
])('%s: explain agrees with score', (_name, dir, inputs) => {
  let score: Json;
  beforeAll(async () => {
    score = await json(['score', ...inputs]);
  });

  it('for the units of expected.json', () => {
    expect(score.units.map((u: Json) => u.unit).sort()).toEqual(unitsOf(dir).sort());
  });

  it.each(unitsOf(dir))(
    '%s: components, total, max, index, rank, band, domains, neighbours',
    async (name) => {
      const u = score.units.find((v: Json) => v.unit === name);
      const t = await json(['explain', ...inputs, '--unit', u.unit]);
      const where = `${u.unit}`;
      expect(t.schema, where).toBe('cchc.explain/1');
      expect([t.unit, t.group], where).toEqual([u.unit, u.group]);
      // Component sums rebuilt from the leaves equal what score published.
      expect(t.components.appraisal.points, where).toBe(u.appraisal);
      expect(t.components.survey?.points ?? null, where).toBe(u.survey);
      expect(t.components.bonus.points, where).toBe(u.bonus);
      expect(t.components.penalty.points, where).toBe(u.penalty);
      expect(t.self, where).toBe(u.self);
      expect([t.total, t.max, t.index, t.rank, t.of, t.band], where).toEqual([
        u.total,
        u.max,
        u.index,
        u.rank,
        u.of,
        u.band,
      ]);
      // max = appraisal max after N/A + survey max if held.
      expect(t.components.appraisal.max + (t.components.survey?.max ?? 0), where).toBeCloseTo(u.max, 10);
      // Every domain (top-level node, possibly a leaf such as the survey) subtotal is score's domain:
      // exact sums rounded to the precision.
      const rows = new Map<string, Json>([...t.leaves, ...t.nodes].map((x: Json) => [x.code, x]));
      const roots = [...rows.values()].filter((x: Json) => !x.code.includes('.'));
      expect(roots.map((x: Json) => x.code).sort(), where).toEqual(u.domains.map((d: Json) => d.code).sort());
      expect(
        u.domains.map((d: Json) => ({
          code: d.code,
          points: round2(rows.get(d.code).points ?? 0),
          max: rows.get(d.code).max,
        })),
        where,
      ).toEqual(u.domains.map((d: Json) => ({ code: d.code, points: d.points, max: d.max })));
      // Each node is the sum of its leaves (codes are dotted in every sample).
      for (const n of t.nodes) {
        const under = t.leaves.filter((l: Json) => l.code.startsWith(`${n.code}.`));
        expect(n.points, `${where} ${n.code}`).toBeCloseTo(sum(under.map((l: Json) => l.points ?? 0)), 8);
        expect(n.max, `${where} ${n.code}`).toBeCloseTo(sum(under.map((l: Json) => l.max)), 8);
      }
      // Neighbours are the closest higher and lower published indices of the same group.
      const group = score.units.filter((v: Json) => v.group === u.group && v.unit !== u.unit);
      const higher = group.filter((v: Json) => v.index > u.index).map((v: Json) => v.index);
      const lower = group.filter((v: Json) => v.index < u.index).map((v: Json) => v.index);
      expect(t.neighbours.above?.index ?? null, where).toBe(higher.length ? Math.min(...higher) : null);
      expect(t.neighbours.below?.index ?? null, where).toBe(lower.length ? Math.max(...lower) : null);
      if (t.neighbours.above)
        expect(t.neighbours.above.indexGap, where).toBeCloseTo(t.neighbours.above.index - u.index, 8);
      expect(t.neighbours.tied.sort(), where).toEqual(
        group
          .filter((v: Json) => v.index === u.index)
          .map((v: Json) => v.unit)
          .sort(),
      );
    },
  );
});

describe('explain --unit "Huyện Mộ Đức" (province)', () => {
  const args = ['explain', ...PROVINCE_INPUTS, '--unit', 'Huyện Mộ Đức'];

  it('prints the trace in Vietnamese: 61,12 + 20,75 = 81,87, rank 8/13, neighbours and changes', async () => {
    const r = await runInProcess(args);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const out = r.stdout;
    expect(out).toContain('Đơn vị: Huyện Mộ Đức');
    for (const s of [
      '61,12',
      '20,75',
      '81,87',
      '8/13',
      'Tốt',
      'Huyện Lý Sơn',
      'Huyện Trà Bồng',
      '+0,78',
      '−1,17',
    ]) {
      expect(out).toContain(s);
    }
    // A changed leaf: self 3 → appraised 2, with the council's reason.
    expect(out).toMatch(/2\.1: 3 → 2 \(−1\) — \S/);
    expect(out).not.toContain('81.87');
  });

  it('prints English numbers with --lang en', async () => {
    const r = await runInProcess([...args, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Unit: Huyện Mộ Đức');
    expect(r.stdout).toContain('81.87');
    expect(r.stdout).not.toContain('81,87');
  });

  it('matches the name ignoring case, NFC/NFD and extra spaces', async () => {
    for (const name of ['  huyện   MỘ ĐỨC ', 'Huyện Mộ Đức'.normalize('NFD')]) {
      const t = await json(['explain', ...PROVINCE_INPUTS, '--unit', name]);
      expect(t.unit).toBe('Huyện Mộ Đức');
      expect([t.total, t.index, t.rank, t.of]).toEqual([81.87, 81.87, 8, 13]);
    }
  });

  it('gives every leaf in framework order with its raw value, points, self and appraised', async () => {
    const t = await json(args);
    const codes = t.leaves.map((l: Json) => l.code);
    expect(codes[0]).toBe('1.1.1');
    const l = t.leaves.find((x: Json) => x.code === '2.1');
    expect([l.raw, l.points, l.max, l.self, l.appraised, l.diff]).toEqual(['2', 2, 3, 3, 2, -1]);
    expect(l.reason).not.toBe('');
  });
});

describe('explain errors', () => {
  it('an unknown unit exits 2 with the nearest name, nothing on stdout', async () => {
    const r = await runInProcess(['explain', ...PROVINCE_INPUTS, '--unit', 'Huyen Mo Duc']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('"Huyen Mo Duc"');
    expect(r.stderr).toContain('"Huyện Mộ Đức"');
  });

  it('an unknown unit with no near name exits 2 without a suggestion', async () => {
    const r = await runInProcess(['explain', ...PROVINCE_INPUTS, '--unit', 'Sở Ngoại vụ', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cchc: no unit named "Sở Ngoại vụ"\n$/);
  });

  it('--unit is required (usage error, exit 2)', async () => {
    const r = await runInProcess(['explain', ...PROVINCE_INPUTS]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });

  it('an unknown --format is a usage error', async () => {
    const r = await runInProcess([
      'explain',
      ...PROVINCE_INPUTS,
      '--unit',
      'Huyện Mộ Đức',
      '--format',
      'csv',
    ]);
    expect(r.code).toBe(2);
  });

  it('inputs with errors: diagnostics on stderr, exit 1, no trace', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cchc-explain-'));
    try {
      const scores = join(dir, 'scores.csv');
      const text = await readFile(join(RULES, 'scores.csv'), 'utf8');
      await writeFile(
        scores,
        text.replace('Xã Tịnh Kỳ,Cấp xã,1.2,19/19,19/19', 'Xã Tịnh Kỳ,Cấp xã,1.2,19/19,0/0'),
      );
      const args = [
        'explain',
        '--criteria',
        join(RULES, 'criteria.csv'),
        '--scores',
        scores,
        '--unit',
        'Xã An Hải',
      ];
      const r = await runInProcess(args);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('E_RATIO_ZERO_DENOMINATOR');
      const j = await runInProcess([...args, '--format', 'json']);
      expect(j.code).toBe(1);
      expect(j.stdout).toBe('');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
