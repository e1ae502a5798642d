import { type Dec, round, ZERO } from '../model/decimal.js';
import {
  appliesTo,
  type Component,
  type Framework,
  type FrameworkNode,
  isLeaf,
  type RuleKind,
} from '../model/framework.js';
import { cellText } from '../model/normalize.js';
import type { LeafResult, Results, UnitResult } from '../model/results.js';

/** One leaf of the trace, in framework order. Points are exact (a ratio leaf may carry 4 decimals). */
export interface TraceLeaf {
  code: string;
  name: string;
  component: Component;
  rule: RuleKind;
  /** The rule as written in the criteria file ("steps: >90%=2; …"), or the rule's name. */
  ruleText: string;
  /** The published stage's cell as written; '' when the unit gave no value (an empty bonus leaf). */
  raw: string;
  /** Points counted; null when the leaf is N/A and excluded, or has no value. */
  points: Dec | null;
  /** Maximum counted (0 when excluded as N/A or without a value). */
  max: Dec;
  /** The framework's maximum for the leaf, whatever the unit wrote. */
  frameworkMax: Dec;
  na: boolean;
  /** No value at all for this leaf (bonus/penalty left empty; survey not held). */
  missing: boolean;
  self: Dec | null;
  appraised: Dec | null;
  /** appraised − self, when both exist. */
  diff: Dec | null;
  reason: string;
  evidence: string;
}

/** A criterion, domain or any other non-leaf node: exact sums over its applicable leaves. */
export interface TraceNode {
  code: string;
  name: string;
  depth: number;
  component: Component;
  points: Dec;
  max: Dec;
  /** Sums of the self-assessed / appraised points of its leaves (null when no leaf has one). */
  self: Dec | null;
  appraised: Dec | null;
  diff: Dec | null;
}

export interface ComponentTotal {
  /** Published (rounded to --precision) sum of the component's leaves. */
  points: Dec;
  /** Exact sum of the maxima counted (after N/A). */
  max: Dec;
}

export interface Neighbour {
  unit: string;
  index: Dec;
  total: Dec;
  rank: number;
  /**
   * The neighbour's index minus this unit's, published values: positive above, negative below. Signed,
   * because with N/A leaves the maxima differ and a unit above may have the lower total.
   */
  indexGap: Dec;
  /** The neighbour's total minus this unit's, published values (signed, see indexGap). */
  totalGap: Dec;
}

export interface Trace {
  unit: string;
  unitCode: string | null;
  group: string;
  stage: 'appraised' | 'self';
  precision: number;
  /** Codes of every applicable node, leaves and criteria together, in framework (file) order. */
  order: string[];
  leaves: TraceLeaf[];
  nodes: TraceNode[];
  components: {
    appraisal: ComponentTotal;
    /** null when the unit's group held no survey. */
    survey: ComponentTotal | null;
    bonus: ComponentTotal;
    penalty: ComponentTotal;
  };
  /** Self-assessed appraisal total (published) and appraised − self; null without self values. */
  self: Dec | null;
  selfDiff: Dec | null;
  total: Dec;
  max: Dec;
  index: Dec;
  rank: number;
  of: number;
  band: string;
  neighbours: {
    /** The nearest unit of the group with a higher published index (the one to overtake). */
    above: Neighbour | null;
    /** The nearest unit of the group with a lower published index. */
    below: Neighbour | null;
    /** Units of the group with the same published index (they share the rank). */
    tied: string[];
  };
}

const sumOrNull = (values: (Dec | null)[]): Dec | null =>
  values.some((v) => v !== null) ? values.reduce<Dec>((s, v) => s + (v ?? ZERO), ZERO) : null;
const diffOf = (self: Dec | null, appraised: Dec | null): Dec | null =>
  self === null || appraised === null ? null : appraised - self;

function ruleText(node: FrameworkNode): string {
  const r = node.rule;
  return r.kind === 'steps' || r.kind === 'choice' ? r.text : r.kind;
}

function traceLeaf(node: FrameworkNode, result: LeafResult | undefined): TraceLeaf {
  const base = {
    code: node.code,
    name: node.name,
    component: node.component,
    rule: node.rule.kind,
    ruleText: ruleText(node),
  };
  if (!result) {
    return {
      ...base,
      raw: '',
      points: null,
      max: ZERO,
      frameworkMax: node.max,
      na: false,
      missing: true,
      self: null,
      appraised: null,
      diff: null,
      reason: '',
      evidence: '',
    };
  }
  return {
    ...base,
    raw: cellText(result.raw),
    points: result.points,
    max: result.max,
    frameworkMax: node.max,
    na: result.na,
    missing: false,
    self: result.self,
    appraised: result.appraised,
    diff: diffOf(result.self, result.appraised),
    reason: result.reason,
    evidence: result.evidence,
  };
}

function neighbour(u: UnitResult, of: UnitResult): Neighbour {
  return {
    unit: u.unit,
    index: u.index,
    total: u.total,
    rank: u.rank,
    indexGap: u.index - of.index,
    totalGap: u.total - of.total,
  };
}

/** The units just above and below `unit` in its group, by published index (ties are named apart). */
function neighboursOf(results: Results, unit: UnitResult): Trace['neighbours'] {
  const group = results.units.filter((u) => u.groupKey === unit.groupKey && u !== unit);
  let above: UnitResult | null = null;
  let below: UnitResult | null = null;
  // Results are ordered by rank then name, so the last higher unit is the closest one above it and the
  // first lower unit the closest below; among equal indices that keeps the published order.
  for (const u of group) {
    if (u.index > unit.index) above = u;
    else if (u.index < unit.index && below === null) below = u;
  }
  return {
    above: above && neighbour(above, unit),
    below: below && neighbour(below, unit),
    tied: group.filter((u) => u.index === unit.index).map((u) => u.unit),
  };
}

/**
 * One unit's trace (docs/commands.md, explain): its leaves in framework order with the raw value, rule,
 * points and self vs appraised; every non-leaf node's subtotal; the component sums rebuilt from the leaves;
 * then the published total, index, rank and band, and the neighbours in its group. Pure: data in, data out.
 */
export function buildTrace(results: Results, framework: Framework, unit: UnitResult): Trace {
  const byCode = new Map(unit.leaves.map((l) => [l.code, l]));
  const leaves = new Map<string, TraceLeaf>();
  for (const node of framework.leaves) {
    if (appliesTo(node, unit.groupKey)) leaves.set(node.code, traceLeaf(node, byCode.get(node.code)));
  }

  const under = (node: FrameworkNode): TraceLeaf[] =>
    isLeaf(node)
      ? [leaves.get(node.code)].filter((l): l is TraceLeaf => l !== undefined)
      : node.children.flatMap((c) => under(framework.byCode.get(c)!));
  const nodes: TraceNode[] = framework.nodes
    .filter((n) => !isLeaf(n) && appliesTo(n, unit.groupKey))
    .map((n) => {
      const ls = under(n);
      const self = sumOrNull(ls.map((l) => l.self));
      const appraised = sumOrNull(ls.map((l) => l.appraised));
      return {
        code: n.code,
        name: n.name,
        depth: n.depth,
        component: n.component,
        points: ls.reduce((s, l) => s + (l.points ?? ZERO), ZERO),
        max: ls.reduce((s, l) => s + l.max, ZERO),
        self,
        appraised,
        diff: diffOf(self, appraised),
      };
    });

  const p = results.settings.precision;
  const all = [...leaves.values()];
  const componentOf = (c: Component): ComponentTotal => {
    const ls = all.filter((l) => l.component === c);
    return {
      points: round(
        ls.reduce((s, l) => s + (l.points ?? ZERO), ZERO),
        p,
      ),
      max: ls.reduce((s, l) => s + l.max, ZERO),
    };
  };
  const surveyHeld = all.some((l) => l.component === 'survey' && !l.missing);
  const appraisal = componentOf('appraisal');
  return {
    unit: unit.unit,
    unitCode: unit.unitCode,
    group: unit.group,
    stage: results.settings.stage,
    precision: p,
    order: framework.nodes.filter((n) => appliesTo(n, unit.groupKey)).map((n) => n.code),
    leaves: all,
    nodes,
    components: {
      appraisal,
      survey: surveyHeld ? componentOf('survey') : null,
      bonus: componentOf('bonus'),
      penalty: componentOf('penalty'),
    },
    self: unit.self,
    selfDiff: unit.self === null ? null : appraisal.points - unit.self,
    total: unit.total,
    max: unit.max,
    index: unit.index,
    rank: unit.rank,
    of: unit.of,
    band: unit.band,
    neighbours: neighboursOf(results, unit),
  };
}
