// Options of `cchc score` (docs/commands.md): -o, --lang / CCHC_LANG, --precision, --stage, --bands,
// --bands-file,
// --config, and `-` for stdin.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csv, FIXTURES, hasStack, type Json, run, runJson, workspace } from './helpers.js';

const PROVINCE = join(FIXTURES, 'province');
const DISTRICT = join(FIXTURES, 'district');
const P = (f: string) => join(PROVINCE, f);
const PROVINCE_ARGS = [
  'score',
  '--criteria',
  P('criteria.csv'),
  '--scores',
  P('scores.csv'),
  '--survey',
  P('survey.csv'),
];
const expectedProvince: Json = JSON.parse(readFileSync(P('expected.json'), 'utf8'));
const moDuc = (json: Json) => json.units.find((u: Json) => u.unit === 'Huyện Mộ Đức');

describe('-o / --out', () => {
  it('writes .json, .csv and .md reports, and nothing to stdout', async () => {
    const ws = await workspace();
    const r = await run([
      ...PROVINCE_ARGS,
      '-o',
      ws.path('out.json'),
      '-o',
      ws.path('out.csv'),
      '-o',
      ws.path('out.md'),
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const json = JSON.parse(readFileSync(ws.path('out.json'), 'utf8'));
    expect(json.schema).toBe('cchc.results/1');
    expect(moDuc(json)).toMatchObject({ total: 81.87, rank: 8, of: 13 });
    const csvText = readFileSync(ws.path('out.csv'), 'utf8');
    expect(csvText.split(/\r?\n/).filter(Boolean)).toHaveLength(1 + 13);
    expect(csvText).toContain('Huyện Mộ Đức');
    expect(csvText).toMatch(/domain\.1/);
    const md = readFileSync(ws.path('out.md'), 'utf8');
    expect(md).toMatch(/^\|.*\|$/m);
    expect(md).toContain('Huyện Mộ Đức');
  });

  it('-o report.json equals --format json on stdout', async () => {
    const ws = await workspace();
    await run([...PROVINCE_ARGS, '-o', ws.path('r.json')]);
    const stdout = await run([...PROVINCE_ARGS, '--format', 'json']);
    expect(readFileSync(ws.path('r.json'), 'utf8')).toBe(stdout.stdout);
  });

  it('writes no report at all when the inputs have errors', async () => {
    const ws = await workspace();
    const text = readFileSync(P('scores.csv'), 'utf8');
    const edited = text.replace(
      '1,Thành phố Quảng Ngãi,Cấp huyện,1.1.1,1,1',
      '1,Thành phố Quảng Ngãi,Cấp huyện,1.1.1,1,9',
    );
    expect(edited).not.toBe(text);
    const aboveMax = await ws.write('above-max.csv', edited);
    const duplicate = await ws.write('duplicate.csv', `${text}999,Huyện Mộ Đức,Cấp huyện,1.2,1,1,,,\r\n`);
    for (const scores of [aboveMax, duplicate]) {
      const r = await run([
        'score',
        '--criteria',
        P('criteria.csv'),
        '--scores',
        scores,
        '--survey',
        P('survey.csv'),
        '-o',
        ws.path('out.json'),
        '-o',
        ws.path('out.csv'),
        '-o',
        ws.path('out.md'),
      ]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      for (const f of ['out.json', 'out.csv', 'out.md']) expect(existsSync(ws.path(f)), f).toBe(false);
    }
  });
});

describe('language', () => {
  it('--lang en and CCHC_LANG=en both give English numbers and settings.lang = en', async () => {
    const flag = await runJson([...PROVINCE_ARGS, '--lang', 'en']);
    const env = await runJson(PROVINCE_ARGS, { env: { CCHC_LANG: 'en' } });
    expect(flag.json.settings.lang).toBe('en');
    expect(env.json.settings.lang).toBe('en');
    const table = await run(PROVINCE_ARGS, { env: { CCHC_LANG: 'en' } });
    expect(table.stdout.split('\n').find((l) => l.includes('Huyện Mộ Đức'))).toContain('81.87');
    expect(table.stdout).not.toContain('81,87');
  });

  it('--lang wins over CCHC_LANG', async () => {
    const r = await run([...PROVINCE_ARGS, '--lang', 'vi'], { env: { CCHC_LANG: 'en' } });
    expect(r.stdout.split('\n').find((l) => l.includes('Huyện Mộ Đức'))).toContain('81,87');
  });

  it('diagnostic messages follow the language; codes do not', async () => {
    const vi = await runJson(['validate', '--criteria', P('criteria.csv'), '--scores', P('scores.csv')]);
    const en = await runJson([
      'validate',
      '--criteria',
      P('criteria.csv'),
      '--scores',
      P('scores.csv'),
      '--lang',
      'en',
    ]);
    expect(vi.json.diagnostics.map((d: Json) => d.code)).toEqual(
      en.json.diagnostics.map((d: Json) => d.code),
    );
    expect(vi.json.diagnostics[0].message).not.toBe(en.json.diagnostics[0].message);
  });
});

describe('--precision, --stage, --bands', () => {
  it('--precision 1 publishes one decimal and ranks on it', async () => {
    const { json } = await runJson([...PROVINCE_ARGS, '--precision', '1']);
    expect(json.settings.precision).toBe(1);
    expect(moDuc(json)).toMatchObject({ appraisal: 61.1, total: 81.9, index: 81.9 });
    for (const u of json.units)
      for (const k of ['appraisal', 'total', 'index']) expect(Math.round(u[k] * 10) / 10).toBe(u[k]);
    expect(json.groups[0].mean).toBe(81.7);
  });

  // `--stage self` (docs/commands.md): the published value is the self-assessed one. The survey (from
  // --survey files, which have no self/appraised columns) and the bonus still count, so Mộ Đức is
  // 63.12 + 20.75 = 83.87.
  it('--stage self: totals are the self values plus survey and bonus', async () => {
    const { code, json } = await runJson([...PROVINCE_ARGS, '--stage', 'self']);
    expect(code).toBe(0);
    expect(json.settings.stage).toBe('self');
    for (const exp of expectedProvince.units) {
      const u = json.units.find((x: Json) => x.unit === exp.unit);
      expect(u.appraisal, exp.unit).toBe(exp.self);
    }
    expect(moDuc(json)).toMatchObject({
      appraisal: 63.12,
      survey: 20.75,
      total: 83.87,
      max: 100,
      index: 83.87,
    });
    expect(json.diagnostics.map((d: Json) => d.code)).not.toContain('I_SURVEY_NOT_HELD');
  });

  it('--stage self uses the self column (appraisal totals change to the self totals)', async () => {
    const { json } = await runJson([...PROVINCE_ARGS, '--stage', 'self']);
    const byName = new Map(json.units.map((u: Json) => [u.unit, u.appraisal]));
    for (const exp of expectedProvince.units) expect(byName.get(exp.unit), exp.unit).toBe(exp.self);
  });

  it('--bands "A>=85; B" bands on the published index', async () => {
    const { json } = await runJson([...PROVINCE_ARGS, '--bands', 'A>=85; B']);
    const bands = Object.fromEntries(json.units.map((u: Json) => [u.unit, u.band]));
    expect(bands['Huyện Sơn Tịnh']).toBe('A'); // exact 85.401… publishes 85.40
    expect(bands['Huyện Tư Nghĩa']).toBe('B');
    expect(json.groups[0].bands).toEqual([
      { band: 'A', op: '>=', min: 85, count: 4 },
      { band: 'B', op: null, min: null, count: 9 },
    ]);
  });

  it('--bands-file gives a group its own scheme; * is the default', async () => {
    const ws = await workspace();
    const bands = await ws.write(
      'bands.csv',
      csv([
        ['group', 'band', 'min', 'op'],
        ['Phòng chuyên môn', 'Loại I', 90, '>='],
        ['Phòng chuyên môn', 'Loại II', 80, '>='],
        ['Phòng chuyên môn', 'Loại III', '', ''],
        ['*', 'A', 85, '>='],
        ['*', 'B', '', ''],
      ]),
    );
    const D = (f: string) => join(DISTRICT, f);
    const { code, json } = await runJson([
      'score',
      '--criteria',
      D('criteria.xlsx'),
      '--scores',
      D('scores-phong.xlsx'),
      '--scores',
      D('scores-sunghiep.csv'),
      '--scores',
      D('scores-xa.xlsx'),
      '--survey',
      D('survey-xa.csv'),
      '--bands-file',
      bands,
    ]);
    expect(code).toBe(0);
    const counts = (g: number) => json.groups[g].bands.map((b: Json) => [b.band, b.count]);
    expect(counts(0)).toEqual([
      ['Loại I', 11],
      ['Loại II', 1],
      ['Loại III', 0],
    ]);
    expect(counts(1).map((b: Json) => b[0])).toEqual(['A', 'B']);
    expect(counts(2).map((b: Json) => b[0])).toEqual(['A', 'B']);
    expect(json.units.find((u: Json) => u.unit === 'Phòng Nội vụ').band).toBe('Loại I');
  });
});

describe('--config', () => {
  it('reads the inputs and settings from a config file; flags win', async () => {
    const ws = await workspace();
    const config = await ws.write(
      'cchc.config.json',
      JSON.stringify({
        criteria: P('criteria.csv'),
        scores: [P('scores.csv')],
        survey: [P('survey.csv')],
        precision: 1,
        format: 'json',
      }),
    );
    const r = await run(['score', '--config', config]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.settings.precision).toBe(1);
    expect(moDuc(json).index).toBe(81.9);
    const flagsWin = await run(['score', '--config', config, '--precision', '2']);
    expect(moDuc(JSON.parse(flagsWin.stdout)).index).toBe(81.87);
  });

  it('uses ./cchc.config.json from the working directory when present', async () => {
    const ws = await workspace();
    await ws.write(
      'cchc.config.json',
      JSON.stringify({
        criteria: P('criteria.csv'),
        scores: [P('scores.csv')],
        survey: [P('survey.csv')],
        lang: 'en',
      }),
    );
    const r = await runJson(['score'], { cwd: ws.dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.settings.lang).toBe('en');
  });

  it.each([
    ['unknown key', '{"precisio": 3}'],
    ['wrong type', '{"precision": "two"}'],
    ['not JSON', '{criteria: '],
  ])('a bad config (%s) is a usage error: exit 2, one line, no stack', async (_n, text) => {
    const ws = await workspace();
    const config = await ws.write('bad.json', text);
    const r = await run([...PROVINCE_ARGS, '--config', config]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^cchc: /);
    expect(hasStack(r.stderr)).toBe(false);
  });
});

describe('- for stdin', () => {
  it('--scores - reads the CSV piped in and scores as the file does', async () => {
    const piped = await runJson(
      ['score', '--criteria', P('criteria.csv'), '--scores', '-', '--survey', P('survey.csv')],
      {
        input: readFileSync(P('scores.csv')),
      },
    );
    expect(piped.code, piped.stderr).toBe(0);
    const file = await runJson(PROVINCE_ARGS);
    expect(piped.json.units).toEqual(file.json.units);
    expect(piped.json.inputs[1]).toMatchObject({
      role: 'scores',
      file: '-',
      sha256: file.json.inputs[1].sha256,
    });
  });

  it('--criteria - reads the framework from stdin', async () => {
    const r = await runJson(
      ['score', '--criteria', '-', '--scores', P('scores.csv'), '--survey', P('survey.csv')],
      {
        input: readFileSync(P('criteria.csv')),
      },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(moDuc(r.json).index).toBe(81.87);
  });
});
