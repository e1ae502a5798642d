import type { Dec } from '../model/decimal.js';

let collator: Intl.Collator | undefined;

const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * Vietnamese collation of unit names (`Intl.Collator('vi')`, numeric): the tie-break everywhere
 * (docs/computation.md). Making the collator costs about 8 ms, the price of loading ICU's collation data,
 * paid by every run that ranks two units alike; most such pairs are told apart by their first differing
 * character. When that character is an ASCII letter in both names, and a different letter, the collator's
 * answer is already known: the names agree before it (so their collation elements agree), a letter is
 * never a combining mark nor part of a digit run, and in the Vietnamese order every letter with its marks
 * (ă, â after a) sorts after the bare letter and before the next one. Only other pairs reach ICU.
 * test/score/rank.test.ts holds the two to the same sign on arbitrary Vietnamese names.
 */
export function compareUnitNames(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i < n) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (isAsciiLetter(x) && isAsciiLetter(y) && (x | 32) !== (y | 32)) return (x | 32) < (y | 32) ? -1 : 1;
  }
  collator ??= new Intl.Collator('vi', { sensitivity: 'variant', numeric: true });
  return collator.compare(a, b);
}

/**
 * Competition ranking ("1224"): units with equal published index share the best rank, and the next rank
 * skips as many places as were shared. Returns ranks in the order of `indices`.
 */
export function competitionRanks(indices: readonly Dec[]): number[] {
  const sorted = [...indices].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
  const firstPlace = new Map<Dec, number>();
  sorted.forEach((v, i) => {
    if (!firstPlace.has(v)) firstPlace.set(v, i + 1);
  });
  return indices.map((v) => firstPlace.get(v)!);
}
