// The exact decimal type against decimal.js, an independent arbitrary-precision library: + − × ÷, rounding
// half-up at every precision, and the published index, which must be decimal.js's ROUND_HALF_UP of the exact
// quotient total ÷ max × 100 — one rounding, never a 12-decimal quotient rounded again.
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Dec, div, mul, mulDiv, round, SCALE, toPlain } from '../../src/model/decimal.js';
import { publishedIndex, publishedMean } from '../../src/score/unitIndex.js';

// Enough significant digits that no quotient here is rounded before toDecimalPlaces rounds it.
const D = Decimal.clone({ precision: 200, rounding: Decimal.ROUND_HALF_UP });
const big = (a: Dec) => new D(toPlain(a));
const dec = (x: Decimal) => {
  expect(x.decimalPlaces()).toBeLessThanOrEqual(12);
  return BigInt(x.times(SCALE.toString()).toFixed(0));
};

/** Any value with up to 12 decimals, up to ±10^9. */
const anyDec = fc.bigInt({ min: -(10n ** 21n), max: 10n ** 21n });
/** What scores are: non-negative, at most a few hundred points, up to 12 decimals. */
const points = fc.bigInt({ min: 0n, max: 500n * SCALE });
const positive = fc.bigInt({ min: 1n, max: 500n * SCALE });
/** Values with few decimals, where ties (…5) are common. */
const hundredths = fc.integer({ min: -10_000_000, max: 10_000_000 }).map((c) => BigInt(c) * (SCALE / 100n));
const places = fc.integer({ min: 0, max: 12 });

describe('decimal arithmetic against decimal.js', () => {
  it('adds and subtracts exactly', () => {
    fc.assert(
      fc.property(anyDec, anyDec, (a, b) => {
        expect(a + b).toBe(dec(big(a).plus(big(b))));
        expect(a - b).toBe(dec(big(a).minus(big(b))));
      }),
      { numRuns: 2000 },
    );
  });

  it('multiplies and divides, rounding half-up to 12 decimals', () => {
    fc.assert(
      fc.property(anyDec, anyDec, (a, b) => {
        expect(mul(a, b)).toBe(dec(big(a).times(big(b)).toDecimalPlaces(12)));
        if (b !== 0n) expect(div(a, b)).toBe(dec(big(a).div(big(b)).toDecimalPlaces(12)));
      }),
      { numRuns: 2000 },
    );
  });

  it('rounds half-up (away from zero) to any number of decimals, ties included', () => {
    fc.assert(
      fc.property(fc.oneof(anyDec, hundredths), places, (a, p) => {
        expect(round(a, p)).toBe(dec(big(a).toDecimalPlaces(p)));
      }),
      { numRuns: 3000 },
    );
    expect(toPlain(round(SCALE / 200n, 2))).toBe('0.01'); // 0.005 → 0.01
    expect(toPlain(round(-(SCALE / 200n), 2))).toBe('-0.01');
  });

  it('computes a × b ÷ c with one rounding', () => {
    fc.assert(
      fc.property(points, points, positive, fc.integer({ min: 0, max: 12 }), (a, b, c, p) => {
        expect(mulDiv(a, b, c, p)).toBe(dec(big(a).times(big(b)).div(big(c)).toDecimalPlaces(p)));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the published index against decimal.js', () => {
  const precision = fc.integer({ min: 0, max: 6 });

  it('is ROUND_HALF_UP of the exact total ÷ max × 100 at --precision', () => {
    fc.assert(
      fc.property(points, positive, precision, (total, max, p) => {
        const exact = big(total).div(big(max)).times(100);
        expect(publishedIndex(total, max, p)).toBe(dec(exact.toDecimalPlaces(p)));
      }),
      { numRuns: 5000 },
    );
  });

  it('is right where a 12-decimal quotient rounded again would not be', () => {
    // Quotients just below a half at the published precision: total = (k + 0.5 − ε) × max ÷ 100.
    const nearHalf = fc
      .tuple(fc.integer({ min: 0, max: 9_999 }), positive, precision, fc.integer({ min: 1, max: 1_000 }))
      .map(([k, max, p, e]) => {
        const target = new D(k)
          .plus(0.5)
          .div(new D(10).pow(p))
          .minus(new D(e).div(new D(10).pow(14)));
        const total = dec(target.times(big(max)).div(100).toDecimalPlaces(12, Decimal.ROUND_DOWN));
        return { total, max, p };
      });
    fc.assert(
      fc.property(nearHalf, ({ total, max, p }) => {
        const exact = big(total).div(big(max)).times(100);
        expect(publishedIndex(total, max, p)).toBe(dec(exact.toDecimalPlaces(p)));
      }),
      { numRuns: 3000 },
    );
    const d = (s: string) => dec(new D(s));
    expect(toPlain(publishedIndex(d('44.125712644148'), d('84.33007672078'), 2))).toBe('52.32');
    expect(toPlain(round(div(d('44.125712644148') * 100n, d('84.33007672078')), 2))).toBe('52.33');
  });

  it('gives a group mean equal to decimal.js on the exact quotients', () => {
    const unit = fc.record({ total: points, max: positive });
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 12 }), precision, (units, p) => {
        const exact = units
          .reduce((s, u) => s.plus(big(u.total).div(big(u.max)).times(100)), new D(0))
          .div(units.length);
        expect(publishedMean(units, p)).toBe(dec(exact.toDecimalPlaces(p)));
      }),
      { numRuns: 2000 },
    );
  });
});
