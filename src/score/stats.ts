import type { Dec } from '../model/decimal.js';
import type { IndexQuotient } from '../model/results.js';
import { compareQuotients, publishedIndex, publishedMean, publishedMidpoint } from './unitIndex.js';

export interface Stats {
  mean: Dec;
  median: Dec;
  min: Dec;
  max: Dec;
}

/**
 * Statistics of the units' unrounded indices, each rounded half-up once to `precision` (docs/computation.md):
 * min, max and an odd median are the published index of a unit, so a group of one has mean = median = its
 * index; an even median is the exact midpoint; the mean is carried to 40 decimals.
 */
export function stats(indices: readonly IndexQuotient[], precision: number): Stats {
  if (indices.length === 0) return { mean: 0n, median: 0n, min: 0n, max: 0n };
  const sorted = [...indices].sort(compareQuotients);
  const n = sorted.length;
  const mid = Math.floor(n / 2);
  const pub = (q: IndexQuotient) => publishedIndex(q.total, q.max, precision);
  return {
    mean: publishedMean(sorted, precision),
    median: n % 2 === 1 ? pub(sorted[mid]!) : publishedMidpoint(sorted[mid - 1]!, sorted[mid]!, precision),
    min: pub(sorted[0]!),
    max: pub(sorted[n - 1]!),
  };
}
