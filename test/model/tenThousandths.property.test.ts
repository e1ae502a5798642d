// Sums and quotients of ten-thousandths in doubles against BigInt arithmetic: exact below 2^53, and past
// it through the BigInt spill, whatever the order and size of the values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEC_PLACES, divRoundBig } from '../../src/model/decimal.js';
import { decToT, divRoundT, ExactSums, mulT, tToDec } from '../../src/model/tenThousandths.js';

const T = 10n ** BigInt(DEC_PLACES - 4);
const MAX = BigInt(Number.MAX_SAFE_INTEGER);

const tens = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 52, 2 ** 53 - 2),
  fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
);

describe('ten-thousandths in doubles', () => {
  it('sums exactly, spilling into a BigInt past 2^53 (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            tens.map((t) => ({ t })),
            fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
          ),
        ),
        (values) => {
          const sums = new ExactSums(2);
          let expected = 0n;
          for (const v of values) {
            if (typeof v === 'bigint') {
              sums.addDec(1, v);
              expected += v;
            } else {
              sums.add(1, v.t);
              expected += BigInt(v.t) * T;
            }
          }
          expect(sums.dec(1)).toBe(expected);
          expect(sums.dec(0)).toBe(0n);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('divides with one rounding half away from zero, or says it cannot (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        (a, b) => {
          const q = divRoundT(a, b);
          if (a > 2 ** 52 || b > 2 ** 52) expect(q).toBeNaN();
          else expect(BigInt(q)).toBe(divRoundBig(BigInt(a), BigInt(b)));
        },
      ),
      { numRuns: 20_000 },
    );
    expect(divRoundT(5, 10)).toBe(1);
    expect(divRoundT(14 * 10_000, 19)).toBe(7368); // 14/19 of a point: 0.7368
  });

  it('multiplies only within the safe range', () => {
    expect(mulT(3, 4)).toBe(12);
    expect(mulT(2 ** 30, 2 ** 30)).toBeNaN();
  });

  it('reads a Dec as ten-thousandths only when it is a whole, safe number of them (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), (d) => {
        const t = decToT(d);
        const whole = d % T === 0n && d / T <= MAX && d / T >= -MAX;
        if (whole) expect(tToDec(t)).toBe(d);
        else expect(t).toBeNaN();
      }),
      { numRuns: 5000 },
    );
  });
});
