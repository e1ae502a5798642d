// Running the office-shaped fixture sets (fixtures/office/) and comparing with their expected.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { FIXTURES, type Json, pick } from './helpers.js';

export const OFFICE = join(FIXTURES, 'office');
/** The fields of an expected unit / group that the results JSON does not have (or has in another shape). */
const UNIT_EXTRAS = new Set(['indexExact', 'na', 'changes', 'domains']);
const GROUP_EXTRAS = new Set(['surveyHeld', 'meanExact', 'bands']);
const fieldsOf = (o: Json, extras: Set<string>) => Object.keys(o).filter((k) => !extras.has(k));

export { pick };

export interface Args {
  criteria: string;
  scores: string[];
  survey: string[];
}
/** The CLI arguments of an expected.json `args`. */
export const argv = (a: Args): string[] => [
  '--criteria',
  a.criteria,
  ...a.scores.flatMap((f) => ['--scores', f]),
  ...a.survey.flatMap((f) => ['--survey', f]),
];

/** The results agree with expected.json: units, domains, groups, bands, framework, row counts. */
export function expectScored(json: Json, exp: Json): void {
  const unitFields = fieldsOf(exp.units[0], UNIT_EXTRAS);
  expect(json.units.map((u: Json) => pick(u, unitFields))).toEqual(
    exp.units.map((u: Json) => pick(u, unitFields)),
  );
  // expected.json lists the appraisal domains; the results also have the survey/bonus/penalty ones.
  for (const [i, u] of (exp.units as Json[]).entries()) {
    const got = new Map(json.units[i].domains.map((d: Json) => [d.code, [d.points, d.max]]));
    for (const d of u.domains) expect(got.get(d.code), `${u.unit} ${d.code}`).toEqual([d.points, d.max]);
  }
  const groupFields = fieldsOf(exp.groups[0], GROUP_EXTRAS);
  expect(json.groups.map((g: Json) => pick(g, groupFields))).toEqual(
    exp.groups.map((g: Json) => pick(g, groupFields)),
  );
  expect(json.groups.map((g: Json) => g.bands.map((b: Json) => b.count))).toEqual(
    exp.groups.map((g: Json) => g.bands.map((b: Json) => b.count)),
  );
  const fw = exp.framework;
  expect(json.framework).toEqual({
    appraisalMax: fw.appraisalMax,
    surveyMax: fw.surveyMax,
    bonusMax: fw.bonusMax,
    penaltyMax: fw.penaltyMax,
    leaves: fw.leaves,
  });
  expect(json.rows.read).toBe(json.rows.scored + json.rows.rejected);
}

export const notInfo = (json: Json): Json[] =>
  (json.diagnostics as Json[]).filter((d) => d.severity !== 'info');

export const loadExpected = (set: string): Json =>
  JSON.parse(readFileSync(join(OFFICE, set, 'expected.json'), 'utf8'));
