/**
 * Exact decimal arithmetic on scaled integers: a Dec is a bigint counting 10^-12 units.
 * Twelve decimals are enough for every input the product sees (points, ratios, Excel's 15 significant
 * digits for values under 1000) and leave divisions two digits beyond the ten docs/computation.md promises.
 * Rounding is half away from zero ("half-up" for the non-negative values scores are), as Excel's ROUND.
 */
export type Dec = bigint;

export const DEC_PLACES = 12;
export const SCALE = 10n ** BigInt(DEC_PLACES);
export const ZERO: Dec = 0n;
export const HUNDRED: Dec = 100n * SCALE;

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Parses a plain decimal text with a dot ("1.5", "-0.25", "3", "1e-3"). Returns null when it is not one. */
export function parseDec(text: string): Dec | null {
  const m = DECIMAL_TEXT.exec(text);
  if (!m) return null;
  const [, sign, intPart = '', fracPart = '', expPart] = m;
  if (intPart === '' && fracPart === '') return null;
  const exp = expPart === undefined ? 0 : Number(expPart);
  if (!Number.isFinite(exp) || Math.abs(exp) > 40) return null;
  let digits = intPart + fracPart;
  let point = intPart.length + exp; // position of the decimal point within digits
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  const whole = digits.slice(0, point) || '0';
  const frac = digits.slice(point);
  let value = BigInt(whole) * SCALE;
  if (frac.length > 0) {
    const kept = frac.slice(0, DEC_PLACES).padEnd(DEC_PLACES, '0');
    value += BigInt(kept);
    // Digits beyond 10^-12 are rounded half-up, never silently truncated.
    if (frac.length > DEC_PLACES && frac.charCodeAt(DEC_PLACES) >= 53 /* '5' */) value += 1n;
  }
  return sign === '-' ? -value : value;
}

/**
 * A JS number from a spreadsheet cell, read as Excel shows it: 15 significant digits, so that a cached
 * 0.30000000000000004 is 0.3. Returns null for NaN and ±Infinity.
 */
export function decFromNumber(n: number): Dec | null {
  if (!Number.isFinite(n)) return null;
  // Fast path for what cells hold (1, 0.75, 0.7368): when n × 10^4 is an integer k below 10^15, n is
  // k / 10^4 to within an ulp, so its 15-digit text is exactly k / 10^4 and no string is needed.
  const k = n * 1e4;
  if (Number.isInteger(k) && Math.abs(k) < 1e15) return BigInt(k) * FROM_TEN_THOUSANDTHS;
  return parseDec(Number(n.toPrecision(15)).toString());
}

const FROM_TEN_THOUSANDTHS = 10n ** BigInt(DEC_PLACES - 4);

export const decFromInt = (n: number | bigint): Dec => BigInt(n) * SCALE;

/** 10^0 … 10^12, as bigints and as doubles (all exact). */
const POW10 = Array.from({ length: DEC_PLACES + 1 }, (_, i) => 10n ** BigInt(i));
const POW10N = Array.from({ length: DEC_PLACES + 1 }, (_, i) => 10 ** i);
/**
 * Whole numbers up to 2^52 in magnitude are divided in doubles: the quotient's product with the divisor,
 * one off at most, then stays below 2^53, where every whole number is exact.
 */
const HALF = 2 ** 52;
const HALF_BIG = BigInt(HALF);
const isSafe = (a: bigint): boolean => a <= HALF_BIG && a >= -HALF_BIG;

/**
 * num ÷ den rounded half away from zero to an integer (of whatever unit num and den share). Scaled values
 * that fit in a double (below 2^53: every score, total and index) are divided as doubles, which allocates
 * no BigInt on the way; anything larger takes the BigInt path (test/model/decimalFast.property.test.ts
 * holds the two together).
 */
export function divRound(num: bigint, den: bigint): bigint {
  if (den === 0n) throw new RangeError('division by zero');
  if (isSafe(num) && isSafe(den)) return BigInt(divRoundNumber(Number(num), Number(den)));
  return divRoundBig(num, den);
}

/** divRound on BigInts alone: the reference the fast paths are tested against. */
export function divRoundBig(num: bigint, den: bigint): bigint {
  if (den === 0n) throw new RangeError('division by zero');
  const neg = num < 0n !== den < 0n;
  const a = num < 0n ? -num : num;
  const b = den < 0n ? -den : den;
  let q = a / b;
  if ((a % b) * 2n >= b) q += 1n;
  return neg ? -q : q;
}

/**
 * a ÷ b rounded half away from zero, for whole doubles of magnitude up to 2^52 (b ≠ 0). The quotient of
 * two doubles is rounded once, so its whole part may be one off: the remainder, exact at these
 * magnitudes, puts it right.
 */
function divRoundNumber(num: number, den: number): number {
  const neg = num < 0 !== den < 0;
  const a = Math.abs(num);
  const b = Math.abs(den);
  let q = Math.floor(a / b);
  let r = a - q * b;
  if (r < 0) {
    q -= 1;
    r += b;
  } else if (r >= b) {
    q += 1;
    r -= b;
  }
  if (r >= b - r) q += 1;
  return neg ? -q : q;
}

export const mul = (a: Dec, b: Dec): Dec => divRound(a * b, SCALE);
export const div = (a: Dec, b: Dec): Dec => divRound(a * SCALE, b);

/** Rounds to `places` decimals (0..12), half away from zero. */
export function round(a: Dec, places: number): Dec {
  if (places >= DEC_PLACES) return a;
  const k = DEC_PLACES - places;
  if (isSafe(a)) {
    const n = Number(a);
    // Already a whole number of units (a published value rounded again): nothing to do.
    if (n % POW10N[k]! === 0) return a;
    return BigInt(divRoundNumber(n, POW10N[k]!)) * POW10[k]!;
  }
  return divRoundBig(a, POW10[k]!) * POW10[k]!;
}

export const sum = (values: Iterable<Dec>): Dec => {
  let s = 0n;
  for (const v of values) s += v;
  return s;
};

export const min = (a: Dec, b: Dec): Dec => (a < b ? a : b);
export const max = (a: Dec, b: Dec): Dec => (a > b ? a : b);

/** Fixed-point text with exactly `places` decimals (rounded half-up) and the given decimal separator. */
export function toFixed(a: Dec, places: number, separator = '.'): string {
  const r = round(a, places);
  const neg = r < 0n;
  const abs = neg ? -r : r;
  const whole = abs / SCALE;
  const frac = (abs % SCALE).toString().padStart(DEC_PLACES, '0').slice(0, places);
  const text = places > 0 ? `${whole}${separator}${frac}` : `${whole}`;
  return neg && r !== 0n ? `-${text}` : text;
}

/** Shortest exact text ("81.87", "3", "0.5"), dot separator: for JSON and CSV. */
export function toPlain(a: Dec): string {
  const neg = a < 0n;
  const abs = neg ? -a : a;
  const whole = abs / SCALE;
  const frac = (abs % SCALE).toString().padStart(DEC_PLACES, '0').replace(/0+$/, '');
  return `${neg ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const SCALE_NUMBER = Number(SCALE);

/**
 * A JS number for JSON/XLSX output: the double nearest the exact value, i.e. what `Number(toPlain(a))`
 * gives. Below 2^53 the scaled integer and 10^12 are both exact doubles and IEEE division rounds
 * correctly, so one division finds that same double (81.87, never 81.87000000000001).
 */
export const toNumber = (a: Dec): number =>
  a <= SAFE && a >= -SAFE ? Number(a) / SCALE_NUMBER : Number(toPlain(a));

/** a × num ÷ den rounded half-up to `places` decimals, with no intermediate rounding. */
export function mulDiv(a: Dec, num: Dec, den: Dec, places: number): Dec {
  const k = DEC_PLACES - places;
  if (k >= 0 && isSafe(a) && isSafe(num) && isSafe(den) && den !== 0n) {
    const q = mulDivNumber(Number(a), Number(num), Number(den), k);
    if (!Number.isNaN(q)) return BigInt(q) * POW10[k]!;
  }
  const unit = 10n ** BigInt(k);
  return divRoundBig(a * num, den * unit) * unit;
}

/**
 * a × num ÷ (den × 10^k) rounded half away from zero, from its double approximation: the quotient of
 * exact doubles is within a few units of 10^-16 of its magnitude, so unless it falls that close to a tie
 * (…,5), rounding the approximation gives the exact answer. NaN near a tie or beyond 2^50: the caller then
 * takes the BigInt path.
 */
function mulDivNumber(a: number, num: number, den: number, k: number): number {
  const x = (a / den) * (num / POW10N[k]!);
  const abs = Math.abs(x);
  if (!(abs < 2 ** 50)) return Number.NaN;
  const whole = Math.floor(abs);
  const margin = abs * 1e-14 + 1e-9;
  if (Math.abs(abs - whole - 0.5) <= margin) return Number.NaN;
  const q = abs - whole > 0.5 ? whole + 1 : whole;
  return x < 0 ? -q : q;
}

/** Exact comparison of num/den with a threshold (all Dec): negative, zero or positive like a − b. */
export function compareRatio(num: Dec, den: Dec, threshold: Dec): number {
  // num/den ? t  ⇔  num ? t·den  (den > 0)
  const lhs = num * SCALE;
  const rhs = threshold * den;
  return lhs < rhs ? -1 : lhs > rhs ? 1 : 0;
}
