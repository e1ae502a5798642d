import type { CellValue } from '../../model/cell.js';
import type { FrameworkNode } from '../../model/framework.js';
import { CELL_BIG, CELL_NA, CELL_PROBLEM, CELL_WARNED, type ScoreStore } from '../../model/scoreStore.js';
import { decToT, divRoundT, mulT } from '../../model/tenThousandths.js';
import { thousandthsIn } from './cellValues.js';
import { evaluateLeaf } from './evaluate.js';

/**
 * What the fast paths need to know of a leaf, worked out once per framework: its rule and, in
 * ten-thousandths, its maximum and its steps (NaN where a figure is no whole number of them: that leaf
 * then always takes the general path).
 */
export interface LeafPlan {
  leaf: FrameworkNode;
  rule: FrameworkNode['rule']['kind'];
  maxT: number;
  /** For `steps`, in order: taken at once (`always`: an else), or when the ratio passes the threshold. */
  steps: { op: '>' | '>='; always: boolean; thresholdT: number; pointsT: number }[];
  /** The fast paths apply: every figure above is a whole number of ten-thousandths. */
  fast: boolean;
}

export function leafPlan(leaf: FrameworkNode): LeafPlan {
  const maxT = decToT(leaf.max);
  const rule = leaf.rule;
  const steps =
    rule.kind === 'steps'
      ? rule.steps.map((s) => ({
          op: s.op ?? '>=',
          always: s.op === null || s.threshold === null,
          thresholdT: s.threshold === null ? 0 : decToT(s.threshold),
          pointsT: decToT(s.points),
        }))
      : [];
  const exact = (s: LeafPlan['steps'][number]) =>
    !Number.isNaN(s.pointsT) && (s.always || !Number.isNaN(s.thresholdT));
  return { leaf, rule: rule.kind, maxT, steps, fast: !Number.isNaN(maxT) && steps.every(exact) };
}

const TEN_THOUSAND = 10000;
/** A ratio's numerator times 10^4 must stay exact for the step comparison. */
const RATIO_NUM_MAX = Number.MAX_SAFE_INTEGER / TEN_THOUSAND;

/**
 * Scores one non-empty cell by its leaf's rule and stores the outcome in cell `cell` of the store: points
 * (in ten-thousandths, or as an exact Dec), N/A, or the problem to report when scoring. The cells a
 * national run is made of — "0,75", "14/19", "92,5%", numbers of an xlsx — are read here without a
 * BigInt or a string allocated; anything else goes through evaluateLeaf, the general (Dec) evaluator,
 * which the fast paths are tested against (test/score/storeCell.property.test.ts).
 */
export function storeCell(store: ScoreStore, cell: number, v: CellValue, plan: LeafPlan): void {
  if (store.keepRaw) store.keepCell(cell, v);
  if (plan.fast) {
    const t =
      typeof v === 'string' ? fastText(v, plan) : typeof v === 'number' ? fastNumber(v, plan) : Number.NaN;
    if (t >= 0) {
      store.setPoints(cell, t);
      return;
    }
  }
  const out = evaluateLeaf(v, plan.leaf);
  if (out.kind === 'na') {
    store.kind[cell] = CELL_NA;
    if (!store.keepRaw) store.keepCell(cell, v); // E_NA_FORBIDDEN quotes it
    return;
  }
  if (out.kind === 'problem') {
    store.kind[cell] = CELL_PROBLEM;
    store.problems.set(cell, out.problem);
    return;
  }
  const t = decToT(out.points);
  const flags = out.warning ? CELL_WARNED : 0;
  if (Number.isNaN(t)) {
    store.kind[cell] = CELL_BIG | flags;
    store.big.set(cell, out.points);
  } else store.setPoints(cell, t, flags);
  if (out.warning) store.warnings.set(cell, out.warning);
}

/** Points of a text cell in ten-thousandths, or NaN when the general path must decide. */
function fastText(s: string, plan: LeafPlan): number {
  const n = s.length;
  if (plan.rule === 'points') {
    const k = thousandthsIn(s, 0, n);
    return k >= 0 && k * 10 <= plan.maxT ? k * 10 : Number.NaN;
  }
  if (plan.rule !== 'ratio' && plan.rule !== 'steps') return Number.NaN;
  // The ratio forms cellRatio reads, in its order: "14/19", "92,5%", "0,75" (no spaces: those go general).
  let num: number;
  let den: number;
  const slash = s.indexOf('/');
  if (slash >= 0) {
    num = thousandthsIn(s, 0, slash);
    den = thousandthsIn(s, slash + 1, n);
  } else if (n > 0 && s.charCodeAt(n - 1) === 0x25 /* % */) {
    num = thousandthsIn(s, 0, n - 1);
    den = 100 * 1000;
  } else {
    num = thousandthsIn(s, 0, n);
    den = 1000;
  }
  return ratioPoints(num, den, plan);
}

/** Points of a number cell (an xlsx value) in ten-thousandths, or NaN. As decFromNumber reads it. */
function fastNumber(v: number, plan: LeafPlan): number {
  const k = v * TEN_THOUSAND;
  if (!Number.isInteger(k) || k < 0 || k >= 1e15) return Number.NaN;
  if (plan.rule === 'points') return k <= plan.maxT ? k : Number.NaN;
  if (plan.rule === 'ratio' || plan.rule === 'steps') return ratioPoints(k, TEN_THOUSAND, plan);
  return Number.NaN;
}

/**
 * A ratio num/den (whole numbers, num ≥ 0) within [0, 1] scored by a `ratio` leaf (max × ratio, rounded
 * half-up to ten-thousandths) or a `steps` leaf (the first step that holds); NaN outside [0, 1] (clamped
 * with a warning by the general path), for a zero denominator (an error) or past the safe range.
 */
function ratioPoints(num: number, den: number, plan: LeafPlan): number {
  if (!(num >= 0 && den > 0 && num <= den)) return Number.NaN;
  if (plan.rule === 'ratio') return divRoundT(mulT(plan.maxT, num), den);
  if (num > RATIO_NUM_MAX) return Number.NaN;
  const scaled = num * TEN_THOUSAND;
  for (const step of plan.steps) {
    if (step.always) return step.pointsT;
    // num/den against threshold/10^4, exactly: num × 10^4 against threshold × den.
    const rhs = mulT(step.thresholdT, den);
    if (Number.isNaN(rhs)) return Number.NaN;
    if (step.op === '>' ? scaled > rhs : scaled >= rhs) return step.pointsT;
  }
  return 0;
}
