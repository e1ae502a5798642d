import { type Dec, ZERO } from '../model/decimal.js';
import { type Diagnostic, diag, type Location } from '../model/diagnostic.js';
import {
  appliesTo,
  COMPONENTS,
  type Component,
  type Framework,
  type FrameworkNode,
} from '../model/framework.js';
import { cellText } from '../model/normalize.js';
import type { LeafResult } from '../model/results.js';
import {
  CELL_BIG,
  CELL_EMPTY,
  CELL_KIND,
  CELL_NA,
  CELL_PROBLEM,
  CELL_WARNED,
  type ScoreStore,
  type Stage,
} from '../model/scoreStore.js';
import type { UnitInput } from '../model/scores.js';
import type { Settings } from '../model/settings.js';
import { decToT, ExactSums, tToDec } from '../model/tenThousandths.js';
import { rootOfLeaf } from './rootOfLeaf.js';

/**
 * A unit's exact (unrounded) sums, before ranking: kept as the scoring left them (ExactSums, one typed
 * array per unit) and read as Decs when the results are made, rather than as some fifty objects per unit
 * that a national run would hold until every unit is scored.
 */
export class UnitScore {
  constructor(
    readonly unit: UnitInput,
    readonly leaves: LeafResult[],
    private readonly sums: ExactSums,
    private readonly domainSeen: Uint8Array,
    private readonly selfSeen: boolean,
    /** Whether any survey value was given for the unit. */
    readonly surveyHeld: boolean,
    /** Survey leaves that apply to the unit but have no value (an error only if the group held a survey). */
    readonly surveyMissing: FrameworkNode[],
  ) {}

  /** Points counted for a component. */
  points(c: Component): Dec {
    return this.sums.dec(POINTS + COMPONENTS.indexOf(c));
  }

  /** Maximum counted for a component (after N/A). */
  max(c: Component): Dec {
    return this.sums.dec(MAX + COMPONENTS.indexOf(c));
  }

  /** Sum of self-assessed appraisal points; null when the unit gave no self values. */
  get self(): Dec | null {
    return this.selfSeen ? this.sums.dec(SELF) : null;
  }

  /** Points and maximum counted under the framework's k-th top-level node (domain); zero when none. */
  domain(k: number): { points: Dec; max: Dec } {
    if (!this.domainSeen[k]) return { points: ZERO, max: ZERO };
    return { points: this.sums.dec(DOMAINS + 2 * k), max: this.sums.dec(DOMAINS + 2 * k + 1) };
  }
}

export interface ScoreUnitOutput {
  score: UnitScore;
  diagnostics: Diagnostic[];
  /** Rows whose values were not used, for the read = scored + rejected count. */
  rejected: Location[];
}

/** What scoring needs of each leaf, worked out once per framework. */
interface LeafFacts {
  component: number;
  /** Index of its domain among the framework's roots; -1 for none. */
  root: number;
  /** Its maximum in ten-thousandths (NaN: not a whole number of them, use the Dec). */
  maxT: number;
}

const facts = new WeakMap<Framework, LeafFacts[]>();
function leafFacts(framework: Framework): LeafFacts[] {
  let list = facts.get(framework);
  if (list) return list;
  const roots = rootOfLeaf(framework);
  const rootIndex = new Map(framework.roots.map((r, i) => [r.code, i]));
  list = framework.leaves.map((leaf) => ({
    component: COMPONENTS.indexOf(leaf.component),
    root: rootIndex.get(roots.get(leaf.code) ?? '') ?? -1,
    maxT: decToT(leaf.max),
  }));
  facts.set(framework, list);
  return list;
}

/** Sums kept per unit: points and maximum per component, the self total, then points and max per domain. */
const POINTS = 0;
const MAX = 4;
const SELF = 8;
const DOMAINS = 9;

/**
 * One cell's worth under the N/A policy: points (ten-thousandths `t`, or the exact `big` when not null;
 * `none` when an N/A is excluded) and the maximum counted (`full`: the leaf's, or none). Two of these are
 * reused for every leaf (self and appraised): scoring allocates nothing per leaf.
 */
class Valued {
  t = 0;
  big: Dec | null = null;
  none = false;
  full = true;
  na = false;

  /** The points as a Dec; null when excluded. */
  points(): Dec | null {
    return this.none ? null : (this.big ?? tToDec(this.t));
  }
}

/**
 * Applies the N/A policy to one stored cell; null when the cell has a problem (reported at the cell,
 * whose location is only worked out then).
 */
function leafValue(
  store: ScoreStore,
  slot: number,
  which: Stage,
  leaf: FrameworkNode,
  settings: Settings,
  out: Diagnostic[],
  into: Valued,
): Valued | null {
  const cell = which === 'self' ? 2 * slot : 2 * slot + 1;
  const stored = store.kind[cell]!;
  const kind = stored & CELL_KIND;
  if (kind === CELL_PROBLEM) {
    const p = store.problems.get(cell)!;
    out.push(diag(p.code, 'error', store.valueLocation(slot, which), { code: leaf.code, ...p.args }));
    return null;
  }
  into.na = false;
  into.none = false;
  into.full = true;
  into.big = null;
  if (kind !== CELL_NA) {
    if ((stored & CELL_WARNED) !== 0) {
      const w = store.warnings.get(cell)!;
      out.push(diag(w.code, 'warning', store.valueLocation(slot, which), w.args));
    }
    if (kind === CELL_BIG) into.big = store.big.get(cell)!;
    else into.t = store.points[cell]!;
    return into;
  }
  const policy = leaf.na ?? settings.na;
  if (policy === 'forbid') {
    const found = cellText(store.rawOf(cell));
    out.push(diag('E_NA_FORBIDDEN', 'error', store.valueLocation(slot, which), { code: leaf.code, found }));
    return null;
  }
  into.na = true;
  if (policy === 'full') into.big = leaf.max;
  else {
    into.none = true;
    into.full = false;
  }
  return into;
}

const scratchSelf = new Valued();
const scratchAppraised = new Valued();

/**
 * Scores one unit, leaf by leaf (docs/inputs.md value grammar, docs/computation.md roll-up), from the
 * cells the readers stored already scored by their rules. Sums are exact: whole ten-thousandths in
 * doubles while they are safe, BigInt beyond (ExactSums). Pure.
 */
export function scoreUnit(
  framework: Framework,
  store: ScoreStore,
  unit: UnitInput,
  settings: Settings,
  keepLeaves = true,
): ScoreUnitOutput {
  const leafList = framework.leaves;
  const known = leafFacts(framework);
  const diagnostics: Diagnostic[] = [];
  const rejected: Location[] = [];
  const sums = new ExactSums(DOMAINS + 2 * framework.roots.length);
  const domainSeen = new Uint8Array(framework.roots.length);
  const leaves: LeafResult[] = [];
  const surveyMissing: FrameworkNode[] = [];
  let selfSeen = false;
  let surveyHeld = false;
  const stage = settings.stage;
  const base = unit.index * store.leaves;

  const add = (i: number, v: Valued) => {
    if (v.none) return;
    if (v.big !== null) sums.addDec(i, v.big);
    else sums.add(i, v.t);
  };
  const addMax = (i: number, v: Valued, leaf: FrameworkNode, maxT: number) => {
    if (!v.full) return;
    if (Number.isNaN(maxT)) sums.addDec(i, leaf.max);
    else sums.add(i, maxT);
  };

  for (let i = 0; i < leafList.length; i++) {
    const leaf = leafList[i]!;
    const slot = base + i;
    const has = store.has(slot);
    if (!appliesTo(leaf, unit.groupKey)) {
      if (has) {
        const at = store.location(slot);
        diagnostics.push(
          diag('W_LEAF_NOT_IN_GROUP', 'warning', at, { code: leaf.code, unit: unit.name, group: unit.group }),
        );
        rejected.push(at);
      }
      continue;
    }
    const selfGiven = has && (store.kind[2 * slot]! & CELL_KIND) !== CELL_EMPTY;
    const appraisedGiven = has && (store.kind[2 * slot + 1]! & CELL_KIND) !== CELL_EMPTY;
    const selfV = selfGiven ? leafValue(store, slot, 'self', leaf, settings, diagnostics, scratchSelf) : null;
    const apprV = appraisedGiven
      ? leafValue(store, slot, 'appraised', leaf, settings, diagnostics, scratchAppraised)
      : null;
    let chosen: Stage | null = (stage === 'self' ? selfGiven : appraisedGiven) ? stage : null;
    // Units assess themselves on appraisal leaves only: survey, bonus and penalty values are the
    // council's whatever the stage, so under --stage self they are taken as given.
    if (stage === 'self' && !chosen && leaf.component !== 'appraisal' && appraisedGiven) chosen = 'appraised';
    if (stage === 'appraised' && has && !appraisedGiven && selfGiven) {
      diagnostics.push(
        diag('W_NOT_APPRAISED', 'warning', store.location(slot), { code: leaf.code, unit: unit.name }),
      );
      chosen = 'self';
    }
    const value = chosen === 'self' ? selfV : apprV;
    if (!has || !chosen) {
      if (leaf.component === 'survey') surveyMissing.push(leaf);
      else if (leaf.component === 'appraisal') {
        if (has) rejected.push(store.location(slot)); // a row that names the leaf but holds no value
        // A row with only the other stage's value: at the blank cell of this stage's.
        const at = has ? store.valueLocation(slot, stage) : (unit.blank?.get(leaf.code) ?? unit.location);
        diagnostics.push(
          diag('E_SCORE_MISSING', 'error', at, { code: leaf.code, unit: unit.name, stage: settings.stage }),
        );
      }
      // Bonus and penalty leaves left empty award nothing and deduct nothing.
      continue;
    }
    if (leaf.component === 'survey') surveyHeld = true;
    // A cell with a problem (reported by leafValue) rejects its row, the value not chosen included: a
    // row is scored whole or not at all, so every row named by an error is counted as rejected.
    const bad = (selfGiven && !selfV) || (appraisedGiven && !apprV);
    if (!value || bad) {
      rejected.push(store.valueLocation(slot, chosen));
      continue;
    }
    const { component, root, maxT } = known[i]!;
    add(POINTS + component, value);
    addMax(MAX + component, value, leaf, maxT);
    if (leaf.component === 'appraisal' && selfV) {
      selfSeen = true;
      add(SELF, selfV);
    }
    if (root >= 0) {
      domainSeen[root] = 1;
      add(DOMAINS + 2 * root, value);
      addMax(DOMAINS + 2 * root + 1, value, leaf, maxT);
    }
    if (!keepLeaves) continue;
    const texts = store.textsOf(slot);
    leaves.push({
      code: leaf.code,
      component: leaf.component,
      rule: leaf.rule.kind,
      raw: store.rawOf(chosen === 'self' ? 2 * slot : 2 * slot + 1),
      points: value.points(),
      max: value.full ? leaf.max : ZERO,
      na: value.na,
      self: selfV ? selfV.points() : null,
      appraised: apprV ? apprV.points() : null,
      reason: texts.reason,
      evidence: texts.evidence,
    });
  }
  return {
    score: new UnitScore(unit, leaves, sums, domainSeen, selfSeen, surveyHeld, surveyMissing),
    diagnostics,
    rejected,
  };
}
