import { type Dec, toNumber } from '../model/decimal.js';
import type { ComponentTotal, Neighbour, Trace } from './buildTrace.js';

export const EXPLAIN_SCHEMA = 'cchc.explain/1';

const num = (d: Dec): number => toNumber(d);
const numOrNull = (d: Dec | null): number | null => (d === null ? null : toNumber(d));
const component = (c: ComponentTotal | null) =>
  c === null ? null : { points: num(c.points), max: num(c.max) };
const neighbour = (n: Neighbour | null) =>
  n === null
    ? null
    : {
        unit: n.unit,
        index: num(n.index),
        total: num(n.total),
        rank: n.rank,
        indexGap: num(n.indexGap),
        totalGap: num(n.totalGap),
      };

/**
 * The trace as a stable JSON document. Leaf and node points are exact (a ratio leaf may carry 4 decimals);
 * components, total, max and index are the published values, equal to `cchc score --format json`'s.
 */
export function renderTraceJson(trace: Trace): string {
  const doc = {
    schema: EXPLAIN_SCHEMA,
    unit: trace.unit,
    unitCode: trace.unitCode,
    group: trace.group,
    stage: trace.stage,
    leaves: trace.leaves.map((l) => ({
      code: l.code,
      name: l.name,
      component: l.component,
      rule: l.rule,
      ruleText: l.ruleText,
      raw: l.raw,
      points: numOrNull(l.points),
      max: num(l.max),
      frameworkMax: num(l.frameworkMax),
      na: l.na,
      missing: l.missing,
      self: numOrNull(l.self),
      appraised: numOrNull(l.appraised),
      diff: numOrNull(l.diff),
      reason: l.reason,
      evidence: l.evidence,
    })),
    nodes: trace.nodes.map((n) => ({
      code: n.code,
      name: n.name,
      depth: n.depth,
      component: n.component,
      points: num(n.points),
      max: num(n.max),
      self: numOrNull(n.self),
      appraised: numOrNull(n.appraised),
      diff: numOrNull(n.diff),
    })),
    components: {
      appraisal: component(trace.components.appraisal),
      survey: component(trace.components.survey),
      bonus: component(trace.components.bonus),
      penalty: component(trace.components.penalty),
    },
    self: numOrNull(trace.self),
    selfDiff: numOrNull(trace.selfDiff),
    total: num(trace.total),
    max: num(trace.max),
    index: num(trace.index),
    rank: trace.rank,
    of: trace.of,
    band: trace.band,
    neighbours: {
      above: neighbour(trace.neighbours.above),
      below: neighbour(trace.neighbours.below),
      tied: trace.neighbours.tied,
    },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
