// A cell scored as it is read (storeCell: fast paths in doubles for the common cells) against evaluateLeaf,
// the general evaluator: for any cell and any rule, the same points, N/A, problem or warning.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/model/cell.js';
import { type Dec, parseDec } from '../../src/model/decimal.js';
import type { FrameworkNode, Rule } from '../../src/model/framework.js';
import {
  CELL_BIG,
  CELL_KIND,
  CELL_NA,
  CELL_POINTS,
  CELL_PROBLEM,
  CELL_WARNED,
  ScoreStore,
} from '../../src/model/scoreStore.js';
import { tToDec } from '../../src/model/tenThousandths.js';
import { evaluateLeaf } from '../../src/score/rules/evaluate.js';
import { parseRule } from '../../src/score/rules/parseRule.js';
import { leafPlan, storeCell } from '../../src/score/rules/storeCell.js';

function rule(text: string): Rule {
  const r = parseRule(text);
  if (!r.ok) throw new Error(`rule ${text}`);
  return r.value;
}

const leaf = (ruleText: string, max: string): FrameworkNode => ({
  code: '1.2',
  name: 'leaf',
  max: parseDec(max)!,
  component: 'appraisal',
  rule: rule(ruleText),
  na: undefined,
  groups: null,
  parent: '1',
  children: [],
  depth: 1,
  location: {},
});

const RULES = [
  'points',
  'ratio',
  'yesno',
  'steps: >=90%=1; >=70%=0,5; else=0',
  'steps: >90%=2; >=70%=1; else=0',
  'steps: >0,5=0,25; >=0,3333=0,125',
  'steps: >=99,99%=3',
  'choice: đúng hạn=1; chậm=0,5; không ban hành=0',
];
const MAXES = ['1', '0.5', '2', '2.25', '30', '0.3333', '0.33333', '100000', '1000000'];

const digits = (n: number) => fc.stringMatching(new RegExp(`^[0-9]{1,${n}}$`));
const decimalText = fc
  .tuple(digits(10), fc.constantFrom(',', '.'), digits(5))
  .map(([w, m, f]) => `${w}${m}${f}`);
const cellText = fc.oneof(
  digits(11),
  decimalText,
  fc.tuple(digits(4), digits(4)).map(([a, b]) => `${a}/${b}`),
  fc.integer({ min: 200_000, max: 999_999 }).map(String),
  fc.tuple(digits(4), fc.constantFrom('', ' '), digits(4)).map(([a, s, b]) => `${a}${s}/${s}${b}`),
  fc.tuple(fc.oneof(digits(3), decimalText), fc.constantFrom('%', ' %')).map(([a, p]) => `${a}${p}`),
  fc.constantFrom('KPS', 'không phát sinh', 'N/A', '-', 'x', 'có', 'không', 'Đúng hạn', 'chậm', '0', '1'),
  fc.constantFrom(' 0,5', '0,5 ', '+1', '-1', '1e3', '1,2,3', '0/0', '1.234,5', '00,25', '.5', '5.'),
  fc.string({ maxLength: 6 }),
);
const cellNumber = fc.oneof(
  fc.integer({ min: -5, max: 200 }).map((n) => n / 4),
  fc.integer({ min: 0, max: 10_000 }).map((n) => n / 10_000),
  fc.double({ noNaN: false }),
  fc.constantFrom(0.7368421052631579, 1e15, 1e-5, -0, 14 / 19, 0.30000000000000004),
);
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  cellText,
  cellNumber,
  fc.boolean(),
  fc.constant({ error: '#DIV/0!' }),
  fc.constant(new Date(Date.UTC(2025, 0, 2))),
);

/** What evaluateLeaf says, in the store's terms. */
function expected(v: CellValue, node: FrameworkNode) {
  const r = evaluateLeaf(v, node);
  if (r.kind === 'na') return { kind: 'na' };
  if (r.kind === 'problem') return { kind: 'problem', problem: r.problem };
  return { kind: 'points', points: r.points, warning: r.warning ?? null };
}

/** What storeCell stored. */
function stored(store: ScoreStore, cell: number) {
  const kind = store.kind[cell]! & CELL_KIND;
  if (kind === CELL_NA) return { kind: 'na' };
  if (kind === CELL_PROBLEM) return { kind: 'problem', problem: store.problems.get(cell) };
  const points: Dec = kind === CELL_BIG ? store.big.get(cell)! : tToDec(store.points[cell]!);
  expect([CELL_BIG, CELL_POINTS]).toContain(kind);
  const warned = (store.kind[cell]! & CELL_WARNED) !== 0;
  return { kind: 'points', points, warning: warned ? store.warnings.get(cell) : null };
}

describe('storeCell', () => {
  it('stores what evaluateLeaf gives, for any cell under any rule (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RULES), fc.constantFrom(...MAXES), cell, (ruleText, max, v) => {
        const node = leaf(ruleText, max);
        const store = new ScoreStore(1, false, 1);
        storeCell(store, 1, v, leafPlan(node));
        expect(stored(store, 1)).toEqual(expected(v, node));
      }),
      { numRuns: 30_000 },
    );
  });

  it('keeps the cell as read only where a message or a report needs it', () => {
    const node = leaf('points', '1');
    const lean = new ScoreStore(1, false, 1);
    storeCell(lean, 0, '0,75', leafPlan(node));
    storeCell(lean, 1, 'KPS', leafPlan(node));
    expect([lean.rawOf(0), lean.rawOf(1)]).toEqual([null, 'KPS']);
    const full = new ScoreStore(1, true, 1);
    storeCell(full, 0, '0,75', leafPlan(node));
    expect(full.rawOf(0)).toBe('0,75');
  });
});
