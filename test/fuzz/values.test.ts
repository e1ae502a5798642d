// Fuzz (fast-check) of the value grammar and the text parsers: whatever a cell or a rule text holds, the
// answer is a value or a ValueProblem / diagnostic, never an exception. Also: the fast paths of
// parseNumberText, decFromNumber and cleanText give exactly what the general paths give.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/model/cell.js';
import { decFromInt, decFromNumber, parseDec, SCALE } from '../../src/model/decimal.js';
import type { FrameworkNode, Rule } from '../../src/model/framework.js';
import { cleanText, headerKey, labelKey, nameKey } from '../../src/model/normalize.js';
import { CRITERIA_FIELDS, mapHeader, SCORE_FIELDS } from '../../src/parse/headers.js';
import { parseNumberGeneral, parseNumberText } from '../../src/score/rules/cellValues.js';
import { evaluateLeaf } from '../../src/score/rules/evaluate.js';
import { parseRule } from '../../src/score/rules/parseRule.js';

const RUNS = { numRuns: 2000 };

/** Strings clerks type, and strings nobody should: digits, separators, %, /, Vietnamese, controls. */
const cellString = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'0123456789.,%/ -+eE\u00a0\t'.split('')), maxLength: 16 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom(
    'KPS',
    'không phát sinh',
    'N/A',
    '-',
    'có',
    'không đạt',
    'x',
    '0/0',
    '14/19',
    '73,68%',
    '1e309',
    'NaN',
    '=1+1',
    '1.234,5',
    '1,2,3',
    '\u0000',
    '__proto__',
    'constructor',
  ),
);
const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  cellString,
  fc.double(),
  fc.integer({ min: -1000, max: 1000 }),
  fc.boolean(),
  fc.constant(null),
  fc.date({ noInvalidDate: false }),
  fc.constantFrom({ error: '#DIV/0!' }, { error: '#N/A' }, { error: 'NO_CACHED_VALUE' }),
);

const ruleTexts = fc.oneof(
  fc.constantFrom(
    'points',
    'ratio',
    'yesno',
    'steps: >90%=2; >=70%=1; else=0',
    'choice: đúng hạn=1; chậm=0,5; không ban hành=0',
    'steps >=95%=1; >=80%=0,5; else=0',
    'đúng hạn=1; chậm=0',
  ),
  fc.string({ unit: fc.constantFrom(...'steps:choice>=<≥;%0123456789,. =abcđúng'.split('')), maxLength: 40 }),
  fc.string({ maxLength: 40 }),
);

function leaf(rule: Rule, max: bigint): FrameworkNode {
  return {
    code: '1.1',
    name: 'x',
    max,
    component: 'appraisal',
    rule,
    na: undefined,
    groups: null,
    parent: '1',
    children: [],
    depth: 1,
    location: {},
  };
}

describe('value grammar', () => {
  it('parseRule: a rule or a problem for any text, never a throw', () => {
    fc.assert(
      fc.property(ruleTexts, (text) => {
        const r = parseRule(text);
        if (!r.ok) expect(r.problem.code).toMatch(/^[EWI]_[A-Z_]+$/);
      }),
      RUNS,
    );
  });

  it('evaluateLeaf: points within [0, max], N/A, or a coded problem, for any cell under any rule', () => {
    const rules = ruleTexts
      .map((t) => parseRule(t))
      .filter((r) => r.ok)
      .map((r) => (r as { value: Rule }).value);
    fc.assert(
      fc.property(cellValue, rules, fc.integer({ min: 0, max: 100 }), (v, rule, m) => {
        const max = decFromInt(m);
        const out = evaluateLeaf(v, leaf(rule, max));
        if (out.kind === 'problem') expect(out.problem.code).toMatch(/^[EW]_[A-Z_]+$/);
        if (out.kind === 'points') {
          expect(typeof out.points).toBe('bigint');
          if (rule.kind === 'points' || rule.kind === 'ratio' || rule.kind === 'yesno') {
            expect(out.points >= 0n && out.points <= max).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });
});

describe('numbers', () => {
  it('parseNumberText: a Dec or null for any text, never a throw', () => {
    fc.assert(
      fc.property(fc.oneof(cellString, fc.string()), (s) => {
        const d = parseNumberText(s);
        expect(d === null || typeof d === 'bigint').toBe(true);
      }),
      RUNS,
    );
  });

  it('parseNumberText: the fast path agrees with the general grammar on short decimals', () => {
    const simple = fc.tuple(
      fc.stringMatching(/^\d{1,9}$/),
      fc.option(fc.stringMatching(/^\d{1,3}$/)),
      fc.constantFrom(',', '.'),
    );
    fc.assert(
      fc.property(simple, ([int, frac, mark]) => {
        const text = frac === null ? int : `${int}${mark}${frac}`;
        expect(parseNumberText(text)).toBe(parseDec(frac === null ? int : `${int}.${frac}`));
      }),
      RUNS,
    );
  });

  it('parseNumberText: the fast path never changes an answer, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(cellString, fc.string()), (s) => {
        expect(parseNumberText(s)).toBe(parseNumberGeneral(s));
      }),
      RUNS,
    );
  });

  it('decFromNumber: the fast path gives what the 15-significant-digit text gives', () => {
    const general = (n: number) =>
      Number.isFinite(n) ? parseDec(Number(n.toPrecision(15)).toString()) : null;
    const quarters = fc.integer({ min: -4_000_000, max: 4_000_000 }).map((k) => k / 4);
    const tenThousandths = fc.integer({ min: -1e9, max: 1e9 }).map((k) => k / 1e4);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double(),
          quarters,
          tenThousandths,
          fc.constantFrom(0.1 + 0.2, 1e15, 1e16 + 2, -0, 5e-324),
        ),
        (n) => {
          expect(decFromNumber(n)).toBe(general(n));
        },
      ),
      { numRuns: 5000 },
    );
    expect(decFromNumber(0.30000000000000004)).toBe((3n * SCALE) / 10n);
  });
});

describe('text keys and header matching', () => {
  it('cleanText: the fast path agrees with NFC + collapse + trim; the keys never throw', () => {
    const slow = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
    const texts = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc.string({
        unit: fc.constantFrom(' ', '\u00a0', '\t', '\n', 'a', 'Đ', 'ố', 'o\u0302\u0301', '\u200b', '\u3000'),
        maxLength: 12,
      }),
    );
    fc.assert(
      fc.property(texts, (s) => {
        expect(cleanText(s)).toBe(slow(s));
        headerKey(s);
        labelKey(s);
        nameKey(s);
      }),
      RUNS,
    );
  });

  it('mapHeader: any header row maps to distinct columns or duplicates, never a throw', () => {
    const aliases = [...Object.values(SCORE_FIELDS), ...Object.values(CRITERIA_FIELDS)].flat();
    const headerCell = fc.oneof(
      cellValue,
      fc.constantFrom(...aliases),
      fc.constantFrom(...aliases).map((a) => ` ${a.toUpperCase()} (*)`),
    );
    fc.assert(
      fc.property(fc.array(headerCell, { maxLength: 30 }), (cells) => {
        for (const spec of [SCORE_FIELDS, CRITERIA_FIELDS]) {
          const map = mapHeader(cells, spec);
          const used = [...map.fields.values()];
          expect(new Set(used).size).toBe(used.length);
          expect(map.width).toBeLessThanOrEqual(cells.length);
        }
      }),
      RUNS,
    );
  });
});
