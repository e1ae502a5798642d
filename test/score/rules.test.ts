// The leaf rules of docs/inputs.md at and around every threshold, called directly: parseRule turns the
// criteria file's `Cách tính` text into a Rule, evaluateLeaf turns one cell into points. Codes, not prose.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/model/cell.js';
import { type Dec, parseDec, toPlain } from '../../src/model/decimal.js';
import type { FrameworkNode, Rule } from '../../src/model/framework.js';
import { evaluateLeaf, type LeafValue } from '../../src/score/rules/evaluate.js';
import { parseRule, rulePointsCeiling } from '../../src/score/rules/parseRule.js';

const d = (text: string): Dec => parseDec(text)!;

function rule(text: string): Rule {
  const r = parseRule(text);
  if (!r.ok) throw new Error(`rule ${text}: ${r.problem.code} ${JSON.stringify(r.problem.args)}`);
  return r.value;
}

function leaf(ruleText: string, max = '2'): FrameworkNode {
  return {
    code: '1.2',
    name: 'leaf',
    max: d(max),
    component: 'appraisal',
    rule: rule(ruleText),
    na: undefined,
    groups: null,
    parent: '1',
    children: [],
    depth: 1,
    location: {},
  };
}

/** The points as plain text ("1.4737"), or the problem code, or "na". */
function score(ruleText: string, v: CellValue, max = '2'): string {
  const r: LeafValue = evaluateLeaf(v, leaf(ruleText, max));
  if (r.kind === 'points') return toPlain(r.points);
  if (r.kind === 'na') return 'na';
  return r.problem.code;
}

const STEPS = 'steps: >90%=2; >=70%=1; else=0';
const STEPS_GE = 'steps: >=90%=2; >=70%=1; else=0';

describe('parseRule', () => {
  it('reads the simple rules in English and Vietnamese, empty = points', () => {
    expect(rule('').kind).toBe('points');
    expect(rule('points').kind).toBe('points');
    expect(rule('Điểm').kind).toBe('points');
    expect(rule('ratio').kind).toBe('ratio');
    expect(rule('Tỷ lệ').kind).toBe('ratio');
    expect(rule('YESNO').kind).toBe('yesno');
    expect(rule('có/không').kind).toBe('yesno');
  });

  it('reads steps top down, with > and >= kept apart and thresholds as exact ratios', () => {
    const r = rule(STEPS);
    expect(r.kind).toBe('steps');
    if (r.kind !== 'steps') return;
    expect(
      r.steps.map((s) => [s.op, s.threshold === null ? null : toPlain(s.threshold), toPlain(s.points)]),
    ).toEqual([
      ['>', '0.9', '2'],
      ['>=', '0.7', '1'],
      [null, null, '0'],
    ]);
    expect(r.text).toBe(STEPS);
  });

  it('takes decimal commas inside rule texts: thresholds and points', () => {
    const r = rule('steps: >=95%=1,5; >=80,5%=0,75; else=0');
    if (r.kind !== 'steps') throw new Error('not steps');
    expect(
      r.steps.map((s) => [s.threshold === null ? null : toPlain(s.threshold), toPlain(s.points)]),
    ).toEqual([
      ['0.95', '1.5'],
      ['0.805', '0.75'],
      [null, '0'],
    ]);
    const c = rule('choice: đúng hạn=1; chậm=0,5; không ban hành=0');
    if (c.kind !== 'choice') throw new Error('not choice');
    expect(c.choices.map((x) => [x.label, toPlain(x.points)])).toEqual([
      ['đúng hạn', '1'],
      ['chậm', '0.5'],
      ['không ban hành', '0'],
    ]);
  });

  it('accepts ≥, => and Vietnamese rule names and else words', () => {
    expect(score('bậc: ≥ 90% = 2; còn lại = 0', '95%')).toBe('2');
    expect(score('Thang bậc: =>90%=2; khác=0', '89%')).toBe('0');
    expect(score('lựa chọn: Đúng hạn=1; Chậm=0,5', 'chậm')).toBe('0.5');
    // Without a name, a text that starts with a comparison is steps, one with labels is a choice.
    expect(score('>90%=2; else=0', '91%')).toBe('2');
    expect(score('đúng hạn=1; chậm=0,5', 'Đúng hạn')).toBe('1');
  });

  it.each([
    ['steps: >90%=2; >=70%'], // a step without points
    ['steps: >abc=2'], // a threshold that is not a number
    ['steps: 90%=2'], // no comparison
    ['steps: <70%=0'], // only > and >= exist
    ['steps:'], // no steps at all
    ['steps: >90%=hai'], // points not a number
    ['choice: đúng hạn; chậm=0,5'], // a label without points
    ['choice: =1'], // points without a label
    ['choice:'],
    ['tính theo công thức'], // not a rule
    ['percent'],
  ])('E_RULE_INVALID for %j', (text) => {
    const r = parseRule(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.code).toBe('E_RULE_INVALID');
  });

  it('gives the highest points a rule can award, to check against the maximum', () => {
    expect(toPlain(rulePointsCeiling(rule(STEPS))!)).toBe('2');
    expect(toPlain(rulePointsCeiling(rule('choice: a=0,5; b=1,5; c=0'))!)).toBe('1.5');
    expect(rulePointsCeiling(rule('ratio'))).toBeNull();
  });
});

describe('points', () => {
  it('takes the number as written, comma or dot, within [0, max]', () => {
    expect(score('points', '1,5')).toBe('1.5');
    expect(score('points', '1.5')).toBe('1.5');
    expect(score('points', 2)).toBe('2');
    expect(score('points', 0)).toBe('0');
    expect(score('points', '2,01')).toBe('E_SCORE_ABOVE_MAX');
    expect(score('points', -0.25)).toBe('E_SCORE_NEGATIVE');
    expect(score('points', 'hai')).toBe('E_VALUE_NOT_NUMBER');
    expect(score('points', '1,2,3')).toBe('E_VALUE_NOT_NUMBER');
  });
  it('reads a cached 0.30000000000000004 as Excel shows it', () => {
    expect(score('points', 0.1 + 0.2)).toBe('0.3');
  });
});

describe('ratio', () => {
  it('is max × ratio rounded half-up to 4 decimals', () => {
    expect(score('ratio', '14/19')).toBe('1.4737'); // 2 × 0.736842… = 1.473684…
    expect(score('ratio', '1/3')).toBe('0.6667'); // 2 × 0.3333… = 0.6666…
    expect(score('ratio', '1/3', '1')).toBe('0.3333');
    expect(score('ratio', '2/3', '1')).toBe('0.6667');
    expect(score('ratio', '1/8', '1')).toBe('0.125');
    expect(score('ratio', '1/16', '1')).toBe('0.0625');
    expect(score('ratio', '1/32', '1')).toBe('0.0313'); // 0.03125: the half goes up
    expect(score('ratio', '73,68%')).toBe('1.4736');
    expect(score('ratio', 0.7368)).toBe('1.4736');
    expect(score('ratio', '0,75')).toBe('1.5');
  });
  it('is exactly the maximum at 19/19 and 0 at 0/19', () => {
    expect(score('ratio', '19/19')).toBe('2');
    expect(score('ratio', '100%')).toBe('2');
    expect(score('ratio', '0/19')).toBe('0');
  });
  it('clamps a ratio outside [0, 1] with a warning', () => {
    const above = evaluateLeaf('20/19', leaf('ratio'));
    expect(above.kind === 'points' && [toPlain(above.points), above.warning?.code]).toEqual([
      '2',
      'W_RATIO_CLAMPED',
    ]);
    const below = evaluateLeaf('-5%', leaf('ratio'));
    expect(below.kind === 'points' && [toPlain(below.points), below.warning?.code]).toEqual([
      '0',
      'W_RATIO_CLAMPED',
    ]);
  });
  it('0/0 is E_RATIO_ZERO_DENOMINATOR (write KPS if nothing arose), under ratio and steps', () => {
    expect(score('ratio', '0/0')).toBe('E_RATIO_ZERO_DENOMINATOR');
    expect(score('ratio', '5/0')).toBe('E_RATIO_ZERO_DENOMINATOR');
    expect(score(STEPS, '0/0')).toBe('E_RATIO_ZERO_DENOMINATOR');
  });
  it('rejects what is not a ratio', () => {
    expect(score('ratio', 'nhiều')).toBe('E_VALUE_NOT_RATIO');
    expect(score('ratio', '14/')).toBe('E_VALUE_NOT_RATIO');
    expect(score('ratio', 'abc%')).toBe('E_VALUE_NOT_RATIO');
  });
});

describe('steps', () => {
  it('>90% and >=90% differ at exactly 90%, whichever way 90% is written', () => {
    for (const v of ['9/10', '90%', '90,0%', 0.9, '0,9', '45/50']) {
      expect(score(STEPS, v), String(v)).toBe('1');
      expect(score(STEPS_GE, v), String(v)).toBe('2');
    }
  });
  it('compares exactly just around the threshold', () => {
    expect(score(STEPS, '90,0001%')).toBe('2');
    expect(score(STEPS, '89,9999%')).toBe('1');
    expect(score(STEPS, '901/1000')).toBe('2');
    expect(score(STEPS, '899/1000')).toBe('1');
    expect(score(STEPS, '53/57')).toBe('2'); // 92.98%
    expect(score(STEPS, '92,98%')).toBe('2');
    expect(score(STEPS, '14/19')).toBe('1'); // 73.68%
    expect(score(STEPS, '7/10')).toBe('1'); // exactly 70%: >=
    expect(score(STEPS, '69,99%')).toBe('0');
    expect(score(STEPS, '0/57')).toBe('0');
  });
  it('19/19 is exactly 100%', () => {
    expect(score('steps: >=100%=2; else=0', '19/19')).toBe('2');
    expect(score('steps: >=100%=2; else=0', '18/19')).toBe('0');
    expect(score('steps: >100%=2; else=0', '19/19')).toBe('0');
    // 1/3 is not 33.33%: the comparison is exact, never on a rounded percentage.
    expect(score('steps: >=33,33%=1; else=0', '1/3', '1')).toBe('1');
    expect(score('steps: >=33,34%=1; else=0', '1/3', '1')).toBe('0');
  });
  it('awards a decimal-comma step', () => {
    const r = 'steps: >=95%=1,5; >=80%=1; else=0';
    expect(score(r, '95%')).toBe('1.5');
    expect(score(r, '94,99%')).toBe('1');
  });
  it('gives 0 when no step holds and there is no else', () => {
    expect(score('steps: >90%=2; >=70%=1', '50%')).toBe('0');
  });
  it('checks top down: the first step that holds wins', () => {
    expect(score('steps: >=50%=1; >=90%=2; else=0', '95%')).toBe('1');
  });
});

describe('yesno', () => {
  it.each([['có'], ['Có'], ['CO'], ['yes'], ['x'], ['X'], ['1'], ['đạt'], ['Đạt'], [1], [true]])(
    '%j → max',
    (v) => {
      expect(score('yesno', v, '1.5')).toBe('1.5');
    },
  );
  it.each([['không'], ['Không'], ['KHONG'], ['no'], ['0'], ['không đạt'], ['chưa'], [0], [false]])(
    '%j → 0',
    (v) => {
      expect(score('yesno', v)).toBe('0');
    },
  );
  it('rejects anything else', () => {
    expect(score('yesno', 'có lẽ')).toBe('E_VALUE_NOT_YESNO');
    expect(score('yesno', 2)).toBe('E_VALUE_NOT_YESNO');
  });
});

describe('choice', () => {
  const CHOICE = 'choice: đúng hạn=1; chậm=0,5; không ban hành=0';
  it('matches labels ignoring case, diacritics and spacing', () => {
    expect(score(CHOICE, 'chậm', '1')).toBe('0.5');
    expect(score(CHOICE, 'CHAM', '1')).toBe('0.5');
    expect(score(CHOICE, 'Chậm', '1')).toBe('0.5');
    expect(score(CHOICE, 'DUNG HAN', '1')).toBe('1');
    expect(score(CHOICE, '  Đúng   hạn ', '1')).toBe('1');
    expect(score(CHOICE, 'Không ban hành', '1')).toBe('0');
    expect(score(CHOICE, 'khong ban hanh', '1')).toBe('0');
    // NFD input (macOS, some web forms) is the same label.
    expect(score(CHOICE, 'chậm'.normalize('NFD'), '1')).toBe('0.5');
  });
  it('rejects a label that is not listed', () => {
    expect(score(CHOICE, 'sớm', '1')).toBe('E_VALUE_NOT_CHOICE');
    expect(score(CHOICE, 'cham tre', '1')).toBe('E_VALUE_NOT_CHOICE');
  });
});

describe('N/A under every rule', () => {
  it.each([['points'], ['ratio'], [STEPS], ['yesno'], ['choice: a=1; b=0']])(
    '%s accepts KPS, không phát sinh, N/A, -',
    (r) => {
      for (const v of ['KPS', 'kps', 'Không phát sinh', 'khong phat sinh', 'N/A', '-'])
        expect(score(r, v), v).toBe('na');
    },
  );
});

describe('properties', () => {
  const ratioArb = fc
    .tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 10_000 }))
    .filter(([n, den]) => n <= den);

  it('steps: points never decrease as the ratio grows', () => {
    fc.assert(
      fc.property(ratioArb, ratioArb, ([a, da], [b, db]) => {
        const [lo, hi] = a * db <= b * da ? [`${a}/${da}`, `${b}/${db}`] : [`${b}/${db}`, `${a}/${da}`];
        for (const r of [STEPS, STEPS_GE, 'steps: >=95%=1,5; >=80%=1; >50%=0,5; else=0']) {
          expect(Number(score(r, hi))).toBeGreaterThanOrEqual(Number(score(r, lo)));
        }
      }),
    );
  });

  it('ratio: points stay within [0, max] and equal max × ratio to 4 decimals', () => {
    const maxArb = fc.integer({ min: 0, max: 1000 }).map((h) => (h / 100).toFixed(2));
    fc.assert(
      fc.property(ratioArb, maxArb, ([n, den], max) => {
        const p = Number(score('ratio', `${n}/${den}`, max));
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(Number(max));
        expect(Math.abs(p - (Number(max) * n) / den)).toBeLessThanOrEqual(0.00005 + 1e-12);
      }),
    );
  });

  it('ratio: a percentage and the same fraction score the same', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (hundredths) => {
        const pct = `${Math.floor(hundredths / 100)},${String(hundredths % 100).padStart(2, '0')}%`;
        expect(score('ratio', pct)).toBe(score('ratio', `${hundredths}/10000`));
      }),
    );
  });
});

// Once bugs, now fixed: each test pins the fix.
describe('edge cases', () => {
  it('parseRule: "constructor" / "__proto__" are not rules', () => {
    for (const text of ['constructor', '__proto__', 'hasOwnProperty'])
      expect(parseRule(text).ok, text).toBe(false);
  });

  it('steps: a ratio above 100% ("65" meant as 65%, a typo 953/57) is flagged like ratio does', () => {
    const r = evaluateLeaf('953/57', leaf(STEPS));
    expect(r.kind === 'points' ? r.warning?.code : r.kind).toBe('W_RATIO_CLAMPED');
  });

  it('steps: a threshold above 1 without % (">90=2") is read as a percentage', () => {
    expect(['E_RULE_INVALID', '2']).toContain(score('steps: >90=2; else=0', '95%'));
  });

  it('a steps text without the colon is not read as a choice', () => {
    expect(rule('steps >90%=2; >=70%=1; else=0').kind).toBe('steps');
  });
});
