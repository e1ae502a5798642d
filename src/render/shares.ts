/**
 * Whole-number percentages of `counts` that add up to exactly 100 (the largest remainder method): each
 * count gets the floor of its share, and the points left go to the largest remainders, ties to the earlier
 * count. Rounding each share alone can print 33 + 33 + 33 = 99 under a chart that claims to be the whole.
 */
export function percentShares(counts: readonly number[]): number[] {
  const total = counts.reduce((s, c) => s + c, 0);
  if (total === 0) return counts.map(() => 0);
  const floors = counts.map((c) => Math.floor((100 * c) / total));
  let left = 100 - floors.reduce((s, f) => s + f, 0);
  const order = counts
    .map((c, i) => ({ i, remainder: (100 * c) % total }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    floors[i]! += 1;
    left--;
  }
  return floors;
}
