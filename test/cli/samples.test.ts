// The sample data under fixtures/ scores as its expected.json says, through the built binary.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FIXTURES,
  GROUP_FIELDS,
  type Json,
  pick,
  run,
  runJson,
  SAMPLE_INPUTS,
  UNIT_FIELDS,
} from './helpers.js';

const PROVINCE = join(FIXTURES, 'province');
const DISTRICT = join(FIXTURES, 'district');
const expected = (dir: string): Json => JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));

const PROVINCE_ARGS = ['score', ...SAMPLE_INPUTS.province];
const DISTRICT_ARGS = ['score', ...SAMPLE_INPUTS.district];

describe.each([
  ['province', PROVINCE, PROVINCE_ARGS],
  ['district', DISTRICT, DISTRICT_ARGS],
])('%s sample: score --format json', (_name, dir, args) => {
  it('gives every unit and group the values of expected.json, in its order', async () => {
    const exp = expected(dir);
    const { code, json, stderr } = await runJson(args, { cwd: dir });
    expect(code, stderr).toBe(0);
    expect(json.schema).toBe('cchc.results/1');
    expect(json.units.map((u: Json) => pick(u, UNIT_FIELDS))).toEqual(
      exp.units.map((u: Json) => pick(u, UNIT_FIELDS)),
    );
    expect(json.groups.map((g: Json) => pick(g, GROUP_FIELDS))).toEqual(
      exp.groups.map((g: Json) => pick(g, GROUP_FIELDS)),
    );
    for (const [i, u] of exp.units.entries()) {
      const byCode = new Map(
        json.units[i].domains.map((d: Json) => [d.code, { points: d.points, max: d.max }]),
      );
      for (const d of u.domains)
        expect(byCode.get(d.code), `${u.unit} domain ${d.code}`).toEqual({ points: d.points, max: d.max });
    }
    const fw = exp.framework;
    expect(json.framework).toMatchObject({
      appraisalMax: fw.appraisalMax,
      surveyMax: fw.surveyMax,
      leaves: fw.leaves,
    });
  });

  it('reports no errors or warnings, and every row read is scored', async () => {
    const { json } = await runJson(args, { cwd: dir });
    expect(json.diagnostics.filter((d: Json) => d.severity !== 'info')).toEqual([]);
    expect(json.rows.read).toBe(json.rows.scored + json.rows.rejected);
    expect(json.rows.rejected).toBe(0);
  });

  it('is byte-identical across two runs', async () => {
    const [a, b] = await Promise.all([
      run([...args, '--format', 'json'], { cwd: dir }),
      run([...args, '--format', 'json'], { cwd: dir }),
    ]);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout.length).toBeGreaterThan(1000);
    const [t1, t2] = await Promise.all([run(args, { cwd: dir }), run(args, { cwd: dir })]);
    expect(t1.stdout).toBe(t2.stdout);
  });
});

describe('province sample', () => {
  it('JSON has exactly the docs/outputs.md keys', async () => {
    const { json } = await runJson(PROVINCE_ARGS, { cwd: PROVINCE });
    expect(Object.keys(json).sort()).toEqual(
      [
        'schema',
        'report',
        'settings',
        'inputs',
        'framework',
        'units',
        'groups',
        'rows',
        'diagnostics',
      ].sort(),
    );
    expect(json.report).toEqual({ title: null, period: null, issuer: null, date: null });
    expect(Object.keys(json.settings).sort()).toEqual(['lang', 'na', 'precision', 'stage']);
    expect(json.settings).toEqual({ stage: 'appraised', na: 'exclude', precision: 2, lang: 'vi' });
    expect(Object.keys(json.framework).sort()).toEqual([
      'appraisalMax',
      'bonusMax',
      'leaves',
      'penaltyMax',
      'surveyMax',
    ]);
    expect(json.inputs.map((i: Json) => [i.role, i.file])).toEqual([
      ['criteria', 'criteria.xlsx'],
      ['scores', 'scores.xlsx'],
      ['survey', 'survey.csv'],
    ]);
    for (const i of json.inputs) expect(i.sha256).toMatch(/^[0-9a-f]{64}$/);
    const unitKeys = [
      'unit',
      'unitCode',
      'group',
      'appraisal',
      'self',
      'survey',
      'bonus',
      'penalty',
      'total',
      'max',
      'index',
      'rank',
      'of',
      'band',
      'domains',
      'previous',
      'rankChange',
      'indexChange',
    ];
    for (const u of json.units) expect(Object.keys(u).sort()).toEqual([...unitKeys].sort());
    for (const d of json.units[0].domains)
      expect(Object.keys(d).sort()).toEqual(['code', 'index', 'max', 'name', 'points']);
    for (const g of json.groups) {
      expect(Object.keys(g).sort()).toEqual([
        'bands',
        'group',
        'leaders',
        'max',
        'mean',
        'median',
        'min',
        'top',
        'units',
      ]);
      expect(g.leaders).toContain(g.top);
    }
    expect(Object.keys(json.rows).sort()).toEqual(['read', 'rejected', 'scored']);
  });

  it('table shows Huyện Mộ Đức 61,12 + 20,75 = 81,87, ranked 8/13 (vi)', async () => {
    const { code, stdout } = await run(PROVINCE_ARGS, { cwd: PROVINCE });
    expect(code).toBe(0);
    const line = stdout.split('\n').find((l) => l.includes('Huyện Mộ Đức'));
    expect(line).toBeDefined();
    for (const s of ['61,12', '20,75', '81,87', '8/13', 'Tốt']) expect(line).toContain(s);
    expect(stdout).not.toMatch(/81\.8700000/);
    expect(stdout).not.toContain('\u001b['); // NO_COLOR
  });

  it('table in English shows 81.87', async () => {
    const { stdout } = await run([...PROVINCE_ARGS, '--lang', 'en'], { cwd: PROVINCE });
    const line = stdout.split('\n').find((l) => l.includes('Huyện Mộ Đức'));
    expect(line).toContain('81.87');
    expect(line).toContain('8/13');
    expect(line).not.toContain('81,87');
  });

  it('the tie exists only after rounding: Sơn Tịnh and Đức Phổ both 3/13, next is 5/13', async () => {
    const { json } = await runJson(PROVINCE_ARGS, { cwd: PROVINCE });
    const rank = (name: string) => json.units.find((u: Json) => u.unit === name);
    expect(rank('Huyện Sơn Tịnh')).toMatchObject({ index: 85.4, rank: 3, max: 98.5 });
    expect(rank('Thị xã Đức Phổ')).toMatchObject({ index: 85.4, rank: 3 });
    expect(rank('Huyện Tư Nghĩa')).toMatchObject({ rank: 5 });
  });

  const indices = (json: Json) =>
    json.units.map((u: Json) => [u.unit, u.total, u.max, u.index, u.rank, u.band]);

  it.each([
    [
      'criteria.csv + scores.csv',
      ['--criteria', 'criteria.csv', '--scores', 'scores.csv', '--survey', 'survey.csv'],
    ],
    [
      'criteria.csv + scores-wide.csv',
      ['--criteria', 'criteria.csv', '--scores', 'scores-wide.csv', '--survey', 'survey.csv'],
    ],
    [
      'criteria.xlsx + scores-wide.csv + survey.xlsx',
      ['--criteria', 'criteria.xlsx', '--scores', 'scores-wide.csv', '--survey', 'survey.xlsx'],
    ],
    [
      '--layout wide (forces the scores file only; the one-column survey file is still detected)',
      [
        '--criteria',
        'criteria.csv',
        '--scores',
        'scores-wide.csv',
        '--survey',
        'survey.csv',
        '--layout',
        'wide',
      ],
    ],
  ])('%s gives the same indices as the xlsx inputs', async (_n, args) => {
    const base = await runJson(PROVINCE_ARGS, { cwd: PROVINCE });
    const other = await runJson(['score', ...args], { cwd: PROVINCE });
    expect(other.code, other.stderr).toBe(0);
    expect(indices(other.json)).toEqual(indices(base.json));
    expect(indices(other.json)).toEqual(
      expected(PROVINCE).units.map((u: Json) => [u.unit, u.total, u.max, u.index, u.rank, u.band]),
    );
  });
});

describe('district sample', () => {
  it('groups needing no survey are rescaled on the appraisal maximum (info, not an error)', async () => {
    const { code, json } = await runJson(DISTRICT_ARGS, { cwd: DISTRICT });
    expect(code).toBe(0);
    const info = json.diagnostics.filter((d: Json) => d.code === 'I_SURVEY_NOT_HELD');
    expect(info).toHaveLength(2);
    const noi = json.units.find((u: Json) => u.unit === 'Phòng Nội vụ');
    expect(noi).toMatchObject({ appraisal: 68.25, survey: null, max: 70, index: 97.5, rank: 1, of: 12 });
    const chucSon = json.units.find((u: Json) => u.unit === 'Thị trấn Chúc Sơn');
    expect(chucSon).toMatchObject({ index: 89.85, rank: 2, of: 32 });
  });

  it('table lists the three groups in order of appearance', async () => {
    const { stdout } = await run(DISTRICT_ARGS, { cwd: DISTRICT });
    const at = ['Phòng chuyên môn', 'Đơn vị sự nghiệp', 'Xã, thị trấn'].map((g) => stdout.indexOf(g));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
});
