// The office-shaped fixture sets about criteria frameworks (fixtures/office/: roman-restart,
// letter-subitems, total-rows, survey-by-name) score as their expected.json says, through the built
// binary, with every variant; the leaves carry the paths the sets define.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Json, runJson } from './helpers.js';
import { argv, expectScored, loadExpected, notInfo, OFFICE, pick } from './officeSets.js';

describe.each(['roman-restart', 'letter-subitems', 'total-rows', 'survey-by-name'])(
  'office set %s',
  (set) => {
    const dir = join(OFFICE, set);
    const exp = loadExpected(set);

    it('scores as expected.json says, with no error or warning', async () => {
      const r = await runJson(['score', ...argv(exp.args)], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(notInfo(r.json)).toEqual([]);
      expectScored(r.json, exp);
    });

    it('gives each leaf the path the set defines (explain)', async () => {
      const unit = exp.units[0].unit;
      const r = await runJson(['explain', ...argv(exp.args), '--unit', unit], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      const leaves = (r.json.leaves as Json[]).map((l) => [l.code, l.max, l.component]);
      expect(leaves).toEqual(exp.framework.leafList.map((l: Json) => [l.code, l.max, l.component]));
    });

    for (const [i, variant] of (exp.variants as Json[]).entries()) {
      it(`variant ${i + 1}: ${variant.args.criteria} + ${variant.args.scores.join(', ')}`, async () => {
        const r = await runJson(['score', ...argv(variant.args)], { cwd: dir });
        expect(r.code, r.stderr).toBe(variant.exit);
        if (variant.same) expectScored(r.json, exp);
        const wanted: Json[] = variant.diagnostics ?? [];
        const got = notInfo(r.json).map((d: Json) => pick(d, ['severity', 'file', 'sheet', 'row']));
        expect(got).toEqual(wanted.map((d) => pick(d, ['severity', 'file', 'sheet', 'row'])));
        for (const [j, d] of wanted.entries()) {
          expect(notInfo(r.json)[j].message).toContain(String(d.found));
          expect(notInfo(r.json)[j].message).toContain(String(d.expected));
        }
      });
    }
  },
);

describe('office set survey-by-name', () => {
  it('says which domains were taken for survey, bonus and penalty by their names', async () => {
    const dir = join(OFFICE, 'survey-by-name');
    const exp = loadExpected('survey-by-name');
    const r = await runJson(['validate', ...argv(exp.args)], { cwd: dir });
    const byName = (r.json.diagnostics as Json[]).filter((d) => d.code === 'I_COMPONENT_BY_NAME');
    expect(byName.map((d) => d.row)).toHaveLength(exp.byName.length);
    for (const [i, b] of (exp.byName as Json[]).entries()) expect(byName[i].message).toContain(`${b.code} `);
  });
});
