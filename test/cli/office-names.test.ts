// Unit names across files (fixtures/office/name-variants and hand-made files): tone placement, the council
// prefix and abbreviated levels name one unit, shown as first written in the scores (a plainer spelling met
// later replaces a UBND one); a name without diacritics is only ever suggested.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csv, findDiag, type Json, runJson, tinyCriteria, workspace } from './helpers.js';
import { argv, expectScored, loadExpected, notInfo, OFFICE } from './officeSets.js';

describe('office set name-variants', () => {
  const dir = join(OFFICE, 'name-variants');
  const exp = loadExpected('name-variants');

  it('matches every spelling of a unit across the three files and scores as expected.json says', async () => {
    const r = await runJson(['score', ...argv(exp.args)], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.diagnostics).toEqual([]);
    expectScored(r.json, exp);
  });

  it('suggests, never matches, a survey name written without diacritics', async () => {
    const variant = exp.variants[0];
    const r = await runJson(['score', ...argv(variant.args)], { cwd: dir });
    expect(r.code).toBe(variant.exit);
    const got = notInfo(r.json).map((d: Json) => d.code);
    expect(got).toEqual(variant.diagnostics.map((d: Json) => d.code));
    const unknown = findDiag(r.json, 'E_SURVEY_UNKNOWN_UNIT')!;
    const want = variant.diagnostics[0];
    expect(unknown).toMatchObject({ file: want.file, row: want.row });
    expect(unknown.message).toContain(want.found);
    expect(unknown.message).toContain(want.suggestion);
  });
});

describe('unit names across score files', () => {
  const HEADER = ['Đơn vị', 'Khối', 'Mã tiêu chí', 'Điểm tự đánh giá', 'Điểm thẩm định'];

  it('reads UBND / X. / P. / tone variants as one unit, shown under the plainest spelling', async () => {
    const ws = await workspace();
    await ws.write('tieu-chi.csv', tinyCriteria());
    // Xã Thủy Xuân: 1.1 = 25, 1.2 = 35, survey 20 → 80; Phường Hòa Khánh: 28 + 38 + 25 = 91.
    await ws.write(
      'a.csv',
      csv([
        HEADER,
        ['UBND xã Thủy Xuân', 'Xã, phường', '1.1', 25, 25],
        ['Phường Hòa Khánh', 'Xã, phường', '1.1', 28, 28],
      ]),
    );
    await ws.write(
      'b.csv',
      csv([
        HEADER,
        ['Xã Thuỷ Xuân', 'Xã, phường', '1.2', '35', '35'],
        ['P. Hoà Khánh', 'Xã, phường', '1.2', '38', '38'],
      ]),
    );
    await ws.write(
      'xhh.csv',
      csv([
        ['Đơn vị', 'Điểm XHH'],
        ['X. Thủy Xuân', '20'],
        ['Ủy ban nhân dân phường Hoà Khánh', '25'],
      ]),
    );
    const r = await runJson(
      [
        'score',
        '--criteria',
        'tieu-chi.csv',
        '--scores',
        'a.csv',
        '--scores',
        'b.csv',
        '--survey',
        'xhh.csv',
      ],
      { cwd: ws.dir },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.diagnostics).toEqual([]);
    expect(r.json.units.map((u: Json) => [u.unit, u.appraisal, u.survey, u.total, u.rank])).toEqual([
      ['Phường Hòa Khánh', 66, 25, 91, 1],
      ['Xã Thuỷ Xuân', 60, 20, 80, 2],
    ]);
  });

  it('keeps a name without diacritics apart, and says which unit it resembles', async () => {
    const ws = await workspace();
    await ws.write('tieu-chi.csv', tinyCriteria());
    await ws.write(
      'diem.csv',
      csv([HEADER, ['Xã Thủy Xuân', 'Xã', '1.1', 25, 25], ['Xa Thuy Xuan', 'Xã', '1.2', 35, 35]]),
    );
    const r = await runJson(['validate', '--criteria', 'tieu-chi.csv', '--scores', 'diem.csv'], {
      cwd: ws.dir,
    });
    expect(r.code).toBe(1); // each of the two units misses a leaf
    expect(findDiag(r.json, 'I_UNIT_SIMILAR_NAME')).toMatchObject({ file: 'diem.csv', cell: 'A3' });
    expect(findDiag(r.json, 'I_UNIT_SIMILAR_NAME')!.message).toContain('Xã Thủy Xuân');
    expect(r.json.diagnostics.filter((d: Json) => d.code === 'E_SCORE_MISSING')).toHaveLength(2);
  });
});
