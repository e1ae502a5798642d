import type { Dec } from '../model/decimal.js';

/** Vietnamese collation for unit names: the tie-break everywhere (docs/computation.md). */
export const viCollator = new Intl.Collator('vi', { sensitivity: 'variant', numeric: true });

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
