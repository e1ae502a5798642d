// The double fast paths of the exact decimals against their BigInt paths: whatever the operands (small, at
// the 2^52 and 2^53 edges, with many trailing zeros, exact ties), divRound, round and mulDiv give what the
// BigInt arithmetic alone gives. decimal.property.test.ts holds the BigInt arithmetic to decimal.js.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEC_PLACES, divRound, divRoundBig, mulDiv, round, SCALE } from '../../src/model/decimal.js';

const EDGE = [2n ** 52n, 2n ** 53n, 2n ** 53n - 1n, 2n ** 52n + 1n, 2n ** 52n - 1n];

/** Integers around the double edges and far beyond, scaled points with trailing zeros, ties. */
const anyInt = fc.oneof(
  fc.bigInt({ min: -(2n ** 54n), max: 2n ** 54n }),
  fc.constantFrom(...EDGE, ...EDGE.map((e) => -e)),
  fc.tuple(fc.constantFrom(...EDGE), fc.integer({ min: -1000, max: 1000 })).map(([e, d]) => e + BigInt(d)),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map((c) => BigInt(c) * (SCALE / 10_000n)),
  fc.integer({ min: -1000, max: 1000 }).map((c) => BigInt(c) * 5n * 10n ** 9n), // …5 ties
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
);
const nonZero = anyInt.filter((b) => b !== 0n);
const places = fc.integer({ min: 0, max: DEC_PLACES });

/** The BigInt-only reference of round and mulDiv, as they were before the fast paths. */
const roundRef = (a: bigint, p: number) => {
  const unit = 10n ** BigInt(DEC_PLACES - p);
  return divRoundBig(a, unit) * unit;
};
const mulDivRef = (a: bigint, num: bigint, den: bigint, p: number) => {
  const unit = 10n ** BigInt(DEC_PLACES - p);
  return divRoundBig(a * num, den * unit) * unit;
};

describe('decimal fast paths against the BigInt paths', () => {
  it('divRound', () => {
    fc.assert(
      fc.property(anyInt, nonZero, (a, b) => {
        expect(divRound(a, b)).toBe(divRoundBig(a, b));
      }),
      { numRuns: 20_000 },
    );
  });

  it('round', () => {
    fc.assert(
      fc.property(anyInt, places, (a, p) => {
        expect(round(a, p)).toBe(roundRef(a, p));
      }),
      { numRuns: 20_000 },
    );
  });

  it('mulDiv', () => {
    fc.assert(
      fc.property(anyInt, anyInt, nonZero, places, (a, num, den, p) => {
        expect(mulDiv(a, num, den, p)).toBe(mulDivRef(a, num, den, p));
      }),
      { numRuns: 20_000 },
    );
  });

  it('mulDiv on what the index is made of: total × 100 ÷ max', () => {
    const hundredths = fc.integer({ min: 0, max: 20_000 }).map((c) => BigInt(c) * (SCALE / 100n));
    const positive = fc.integer({ min: 1, max: 20_000 }).map((c) => BigInt(c) * (SCALE / 100n));
    fc.assert(
      fc.property(hundredths, positive, places, (total, max, p) => {
        expect(mulDiv(total, 100n * SCALE, max, p)).toBe(mulDivRef(total, 100n * SCALE, max, p));
      }),
      { numRuns: 20_000 },
    );
  });
});
