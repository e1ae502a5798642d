import type { CellValue } from '../../model/cell.js';
import { compareRatio, type Dec, decFromNumber, mulDiv, SCALE, toNumber, ZERO } from '../../model/decimal.js';
import type { FrameworkNode, Rule, RuleKind } from '../../model/framework.js';
import { cellText, labelKey } from '../../model/normalize.js';
import {
  cellNumber,
  cellProblem,
  cellRatio,
  cellYesNo,
  isNaText,
  parseNumberText,
  type ValueProblem,
} from './cellValues.js';

/** What one cell is worth under its leaf's rule. */
export type LeafValue =
  | { kind: 'points'; points: Dec; warning?: ValueProblem }
  | { kind: 'na' }
  | { kind: 'problem'; problem: ValueProblem };

type Evaluator<K extends RuleKind> = (
  v: CellValue,
  display: string,
  leaf: FrameworkNode,
  rule: Extract<Rule, { kind: K }>,
) => LeafValue;

const problem = (p: ValueProblem): LeafValue => ({ kind: 'problem', problem: p });

/** Ratio points: max × ratio, ratio clamped to [0, 1], rounded half-up to 4 places (docs/computation.md). */
const RATIO_PLACES = 4;

const EVALUATORS: { [K in RuleKind]: Evaluator<K> } = {
  points(v, display, leaf) {
    const n = cellNumber(v, display);
    if (!n.ok) return problem(n.problem);
    const max = leaf.max;
    if (n.value < ZERO)
      return problem({ code: 'E_SCORE_NEGATIVE', args: { found: display, code: leaf.code } });
    if (n.value > max)
      return problem({
        code: 'E_SCORE_ABOVE_MAX',
        args: { found: display, max: toNumber(max), code: leaf.code },
      });
    return { kind: 'points', points: n.value };
  },
  ratio(v, display, leaf) {
    const r = cellRatio(v, display);
    if (!r.ok) return problem(r.problem);
    const { num, den } = r.value;
    if (compareRatio(num, den, ZERO) < 0 || compareRatio(num, den, SCALE) > 0) {
      const clamped = compareRatio(num, den, ZERO) < 0 ? ZERO : leaf.max;
      return {
        kind: 'points',
        points: clamped,
        warning: { code: 'W_RATIO_CLAMPED', args: { found: display, code: leaf.code } },
      };
    }
    return { kind: 'points', points: mulDiv(leaf.max, num, den, RATIO_PLACES) };
  },
  steps(v, display, leaf, rule) {
    const r = cellRatio(v, display);
    if (!r.ok) return problem(r.problem);
    // A ratio outside [0, 1] ("65" meant as 65 %, a typo 953/57) is clamped with a warning, as for `ratio`.
    const { num, den } = r.value;
    const outside = compareRatio(num, den, ZERO) < 0 || compareRatio(num, den, SCALE) > 0;
    const ratio = outside ? { num: compareRatio(num, den, ZERO) < 0 ? ZERO : SCALE, den: SCALE } : r.value;
    const warning = outside
      ? { code: 'W_RATIO_CLAMPED', args: { found: display, code: leaf.code } }
      : undefined;
    const step = rule.steps.find(
      (s) =>
        s.op === null ||
        s.threshold === null ||
        (s.op === '>'
          ? compareRatio(ratio.num, ratio.den, s.threshold) > 0
          : compareRatio(ratio.num, ratio.den, s.threshold) >= 0),
    );
    return { kind: 'points', points: step?.points ?? ZERO, ...(warning ? { warning } : {}) };
  },
  yesno(v, display, leaf) {
    const yn = cellYesNo(v, display);
    return yn.ok ? { kind: 'points', points: yn.value ? leaf.max : ZERO } : problem(yn.problem);
  },
  choice(v, display, leaf, rule) {
    const bad = cellProblem(v);
    if (bad) return problem(bad);
    const key = labelKey(display);
    // A numeric cell 0.5 matches a label written "0,5".
    const asNumber = typeof v === 'number' ? decFromNumber(v) : null;
    const found = rule.choices.find(
      (c) => c.key === key || (asNumber !== null && parseNumberText(c.label) === asNumber),
    );
    if (found) return { kind: 'points', points: found.points };
    return problem({
      code: 'E_VALUE_NOT_CHOICE',
      args: { found: display, code: leaf.code, expected: rule.choices.map((c) => c.label).join(' | ') },
    });
  },
};

/**
 * A plain number within [0, max] for a `points` leaf — nearly every cell of a national run — scored
 * without working out how the cell reads (its display text is only needed for a message).
 */
function plainPoints(v: CellValue, leaf: FrameworkNode): LeafValue | null {
  if (leaf.rule.kind !== 'points') return null;
  const n = typeof v === 'number' ? decFromNumber(v) : typeof v === 'string' ? parseNumberText(v) : null;
  return n !== null && n >= ZERO && n <= leaf.max ? { kind: 'points', points: n } : null;
}

/** Evaluates a non-empty cell. N/A words are recognised under every rule. */
export function evaluateLeaf(v: CellValue, leaf: FrameworkNode): LeafValue {
  if (typeof v === 'string' && isNaText(v)) return { kind: 'na' };
  const fast = plainPoints(v, leaf);
  if (fast) return fast;
  const display = cellText(v);
  const rule = leaf.rule;
  return (EVALUATORS[rule.kind] as Evaluator<typeof rule.kind>)(v, display, leaf, rule as never);
}
