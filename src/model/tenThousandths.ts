import { DEC_PLACES, type Dec } from './decimal.js';

/**
 * Exact arithmetic on whole numbers of ten-thousandths held in doubles. Every score a national run adds
 * is a whole number of ten-thousandths (points are written with at most 4 decimals, ratio points are
 * rounded to 4), and a double holds every whole number up to 2^53 exactly: sums of them are exact while
 * they stay below it, with no BigInt allocated per value. Each function here checks that bound and
 * answers NaN (or moves to a BigInt) when it would be crossed, so the caller can take the exact Dec path
 * instead; test/model/tenThousandths.property.test.ts holds them to the Dec functions.
 */

export const T_PLACES = 4;
const T_TO_DEC = 10n ** BigInt(DEC_PLACES - T_PLACES);
const MAX = Number.MAX_SAFE_INTEGER;
/** Products up to this stay exact after one more subtraction (divRoundT's remainder check). */
const HALF_MAX = 2 ** 52;

/** A Dec as ten-thousandths when it is a whole, safe number of them; NaN otherwise. */
export function decToT(d: Dec): number {
  if (d % T_TO_DEC !== 0n) return Number.NaN;
  const t = d / T_TO_DEC;
  return t <= BigInt(MAX) && t >= -BigInt(MAX) ? Number(t) : Number.NaN;
}

/** Ten-thousandths (a safe integer) as a Dec. */
export const tToDec = (t: number): Dec => BigInt(t) * T_TO_DEC;

/**
 * a ÷ b rounded half away from zero, for whole numbers with 0 ≤ a ≤ 2^52 and 0 < b ≤ 2^52 (the callers'
 * operands); NaN outside that range. The double quotient may be one off after rounding: the remainder,
 * exact in this range, puts it right.
 */
export function divRoundT(a: number, b: number): number {
  if (!(a >= 0 && a <= HALF_MAX && b > 0 && b <= HALF_MAX)) return Number.NaN;
  let q = Math.floor(a / b);
  let r = a - q * b;
  if (r < 0) {
    q--;
    r += b;
  } else if (r >= b) {
    q++;
    r -= b;
  }
  return 2 * r >= b ? q + 1 : q;
}

/** a × b when the product is a safe integer; NaN otherwise. */
export function mulT(a: number, b: number): number {
  const p = a * b;
  return p <= MAX && p >= -MAX ? p : Number.NaN;
}

/**
 * Running sums of ten-thousandths, exact: each sum is a double while it stays within 2^53 and spills into
 * a BigInt beside it when it would not; values that are no whole number of ten-thousandths are added as
 * Decs to that BigInt directly.
 */
export class ExactSums {
  private readonly t: Float64Array;
  private big: Dec[] | null = null;

  constructor(readonly size: number) {
    this.t = new Float64Array(size);
  }

  add(i: number, t: number): void {
    const s = this.t[i]! + t;
    if (s <= MAX && s >= -MAX) this.t[i] = s;
    else {
      this.addDec(i, tToDec(this.t[i]!) + tToDec(t));
      this.t[i] = 0;
    }
  }

  addDec(i: number, d: Dec): void {
    this.big ??= new Array<Dec>(this.size).fill(0n);
    this.big[i]! += d;
  }

  /** The exact sum, as a Dec. */
  dec(i: number): Dec {
    const t = tToDec(this.t[i]!);
    return this.big === null ? t : t + this.big[i]!;
  }
}
