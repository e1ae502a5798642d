import { type Dec, divRound, HUNDRED, mulDiv, SCALE, ZERO } from '../model/decimal.js';
import type { IndexQuotient } from '../model/results.js';

// The index of `total` out of `max`: total ÷ max × 100 (docs/computation.md); 0 when max is 0 (the unit is
// then reported by E_UNIT_NO_MAX). Published values are rounded half-up once, from the exact quotient: a
// quotient of 52.32499999999984 is 52.32, where rounding it to 12 decimals first would give 52.33.

/** The published index: rounded half-up once to `places` decimals. */
export const publishedIndex = (total: Dec, max: Dec, places: number): Dec =>
  max === ZERO ? ZERO : mulDiv(total, HUNDRED, max, places);

/** The index unrounded; a unit without maximum counts as 0. */
export const indexQuotient = (total: Dec, max: Dec): IndexQuotient =>
  max === ZERO ? { total: ZERO, max: SCALE } : { total, max };

/** Orders quotients by value (maxima are positive): negative, zero or positive like a − b. */
export function compareQuotients(a: IndexQuotient, b: IndexQuotient): number {
  const l = a.total * b.max;
  const r = b.total * a.max;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** The midpoint of two quotients, published: (a + b) ÷ 2 rounded once. */
export const publishedMidpoint = (a: IndexQuotient, b: IndexQuotient, places: number): Dec =>
  publishedIndex(a.total * b.max + b.total * a.max, 2n * a.max * b.max, places);

/** Decimals the mean's terms are carried to: a sum of different quotients has no short exact form. */
const FINE_PLACES = 40;
const FINE = 10n ** BigInt(FINE_PLACES);

/** The mean of the quotients, each carried to 40 decimals, then rounded once to `places`. */
export function publishedMean(quotients: readonly IndexQuotient[], places: number): Dec {
  if (quotients.length === 0) return ZERO;
  let sum = 0n;
  for (const q of quotients) sum += divRound(q.total * 100n * FINE, q.max);
  const unit = 10n ** BigInt(FINE_PLACES - places);
  return divRound(sum, BigInt(quotients.length) * unit) * (SCALE / 10n ** BigInt(places));
}
