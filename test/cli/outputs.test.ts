// stdout formats (csv, md), `-o -`, --na full, and CSV-injection neutralising (docs/commands.md,
// docs/outputs.md).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, type Json, longScores, run, runJson, tinyCriteria, workspace } from './helpers.js';

const P = (f: string) => join(FIXTURES, 'province', f);
const ARGS = [
  'score',
  '--criteria',
  P('criteria.csv'),
  '--scores',
  P('scores.csv'),
  '--survey',
  P('survey.csv'),
];

describe('stdout formats', () => {
  it('--format csv: one row per unit, flat columns, domain.<code> columns, dot decimals', async () => {
    const r = await run([...ARGS, '--format', 'csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split(/\r?\n/);
    expect(lines).toHaveLength(14);
    const header = lines[0]!.split(',');
    expect(header.slice(0, 3)).toEqual(['unit', 'unit_code', 'group']);
    for (const k of [
      'appraisal',
      'survey',
      'total',
      'max',
      'index',
      'rank',
      'of',
      'band',
      'domain.1',
      'domain.7',
    ]) {
      expect(header).toContain(k);
    }
    const row = lines.find((l) => l.startsWith('Huyện Mộ Đức,'))!.split(',');
    const at = (k: string) => row[header.indexOf(k)];
    expect([at('appraisal'), at('survey'), at('total'), at('index'), at('rank'), at('of')]).toEqual([
      '61.12',
      '20.75',
      '81.87',
      '81.87',
      '8',
      '13',
    ]);
  });

  it('--format md: a GitHub table per group with 81,87 and 8/13 (vi)', async () => {
    const r = await run([...ARGS, '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\| --- \|/m);
    const line = r.stdout.split('\n').find((l) => l.startsWith('| Huyện Mộ Đức'));
    expect(line).toContain('81,87');
    expect(line).toContain('8/13');
  });

  it('-o - writes the --format to stdout next to the files', async () => {
    const ws = await workspace();
    const r = await run([...ARGS, '--format', 'json', '-o', '-', '-o', ws.path('r.csv')]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).schema).toBe('cchc.results/1');
  });
});

describe('--na', () => {
  it('--na full awards the maximum to a KPS leaf (Sơn Tịnh 6.3.2 = 1.5), breaking the 3/13 tie', async () => {
    const { json } = await runJson([...ARGS, '--na', 'full']);
    const u = (name: string) => json.units.find((x: Json) => x.unit === name);
    expect(json.settings.na).toBe('full');
    expect(u('Huyện Sơn Tịnh')).toMatchObject({ appraisal: 63.37, max: 100, index: 85.62, rank: 3 });
    expect(u('Thị xã Đức Phổ')).toMatchObject({ index: 85.4, rank: 4 });
  });

  it('a criteria `na: full` column overrides --na exclude', async () => {
    const ws = await workspace();
    await ws.write(
      'criteria.csv',
      tinyCriteria()
        .replace('Thành phần\n', 'Thành phần,Không phát sinh\n')
        .replace('1.2,Tiêu chí 1.2,40,\n', '1.2,Tiêu chí 1.2,40,,full\n'),
    );
    await ws.write(
      'scores.csv',
      longScores([
        ['Xã A', 'Xã', '1.1', 25, 25],
        ['Xã A', 'Xã', '1.2', 'KPS', 'không phát sinh'],
        ['Xã A', 'Xã', '2', null, 20],
      ]),
    );
    const r = await run(
      ['score', '--criteria', 'criteria.csv', '--scores', 'scores.csv', '--format', 'json'],
      { cwd: ws.dir },
    );
    expect(r.code, r.stdout).toBe(0);
    expect(JSON.parse(r.stdout).units[0]).toMatchObject({ appraisal: 65, max: 100, total: 85 });
  });
});

describe('CSV injection', () => {
  it('a unit name starting with = is neutralised in csv output', async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', tinyCriteria());
    await ws.write(
      'scores.csv',
      longScores([
        ['=HYPERLINK("http://x")', 'Xã', '1.1', 1, 1],
        ['=HYPERLINK("http://x")', 'Xã', '1.2', 1, 1],
      ]),
    );
    const r = await run(
      ['score', '--criteria', 'criteria.csv', '--scores', 'scores.csv', '--format', 'csv'],
      { cwd: ws.dir },
    );
    expect(r.code).toBe(0);
    const row = r.stdout.trim().split('\n')[1]!;
    expect(row.startsWith('"\'=HYPERLINK') || row.startsWith("'=HYPERLINK")).toBe(true);
  });
});

describe('the published index is rounded once', () => {
  // 44.125712644148 of 84.33007672078 is 52.3249999999998399…% (worked out with Python's decimal module):
  // 52.32 at two decimals. Rounded to 12 decimals first it would be 52.325000000000, published as 52.33.
  it('in the unit, its domain, the group statistics and the table', async () => {
    const ws = await workspace();
    await ws.write(
      'criteria.csv',
      'Mã tiêu chí,Tên tiêu chí,Điểm tối đa\n1,Lĩnh vực,84.33007672078\n1.1,Tiêu chí,84.33007672078\n',
    );
    await ws.write('scores.csv', longScores([['Xã A', 'Xã', '1.1', null, '44.125712644148']]));
    const args = ['score', '--criteria', 'criteria.csv', '--scores', 'scores.csv'];
    const r = await runJson(args, { cwd: ws.dir });
    expect(r.code, r.stderr).toBe(0);
    const [unit] = r.json.units;
    expect([unit.index, unit.domains[0].index]).toEqual([52.32, 52.32]);
    const [group] = r.json.groups;
    expect([group.mean, group.median, group.min, group.max]).toEqual([52.32, 52.32, 52.32, 52.32]);
    const table = await run(args, { cwd: ws.dir });
    expect(table.stdout).toMatch(/52,32/);
    expect(table.stdout).not.toMatch(/52,33/);
  });
});
