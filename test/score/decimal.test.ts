import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decFromNumber,
  div,
  mulDiv,
  parseDec,
  round,
  SCALE,
  toFixed,
  toNumber,
  toPlain,
} from '../../src/model/decimal.js';

const d = (s: string) => parseDec(s)!;

describe('exact decimals', () => {
  it('adds 61.12 + 20.75 to exactly 81.87', () => {
    const total = d('61.12') + d('20.75');
    expect(toPlain(total)).toBe('81.87');
    expect(toNumber(total)).toBe(81.87);
    expect(toPlain(d('0.1') + d('0.2'))).toBe('0.3'); // where floats give 0.30000000000000004
  });

  it('reads spreadsheet doubles as Excel shows them (15 significant digits)', () => {
    expect(toPlain(decFromNumber(0.1 + 0.2)!)).toBe('0.3');
    expect(decFromNumber(Number.NaN)).toBeNull();
    expect(decFromNumber(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('parses plain decimal text and rejects the rest', () => {
    expect(toPlain(d('-0.25'))).toBe('-0.25');
    expect(toPlain(d('1e-3'))).toBe('0.001');
    expect(parseDec('1e309')).toBeNull();
    expect(parseDec('NaN')).toBeNull();
    expect(parseDec('1,5')).toBeNull();
  });

  it('rounds half-up (away from zero) at the published precision', () => {
    expect(toFixed(d('81.865'), 2)).toBe('81.87');
    expect(toFixed(d('81.864999'), 2)).toBe('81.86');
    expect(toFixed(d('-1.005'), 2)).toBe('-1.01');
    expect(toFixed(d('93.35'), 2, ',')).toBe('93,35');
    expect(toPlain(round(d('2.5'), 0))).toBe('3');
  });

  it('divides to twelve decimals before the published rounding', () => {
    expect(toPlain(div(d('2'), d('3')))).toBe('0.666666666667');
    // 14/19 of 2 points, rounded half-up to 4 decimals: 1.47368… → 1.4737
    expect(toPlain(mulDiv(d('2'), d('14'), d('19'), 4))).toBe('1.4737');
  });

  it('sums in any order to the same exact value (property)', () => {
    const cents = fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 50 });
    fc.assert(
      fc.property(cents, (xs) => {
        const decs = xs.map((x) => d((x / 100).toFixed(2)));
        const forward = decs.reduce((a, b) => a + b, 0n);
        const backward = [...decs].reverse().reduce((a, b) => a + b, 0n);
        const expected = xs.reduce((a, b) => a + b, 0);
        return forward === backward && toFixed(forward, 2) === (expected / 100).toFixed(2);
      }),
    );
  });
});

describe('toNumber', () => {
  it('is the double that the exact decimal text reads as, fast path or not', () => {
    const huge = 2n ** 80n;
    fc.assert(
      fc.property(fc.bigInt({ min: -huge, max: huge }), (a) => {
        expect(toNumber(a)).toBe(Number(toPlain(a)));
      }),
      { numRuns: 5000 },
    );
    // Published values: a few decimals, where a wrong last bit would print 81.87000000000001.
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (hundredths) => {
        const d = BigInt(hundredths) * (SCALE / 100n);
        expect(String(toNumber(d))).toBe(toPlain(d));
      }),
      { numRuns: 5000 },
    );
  });
});
