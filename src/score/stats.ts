import { type Dec, decFromInt, div, round } from '../model/decimal.js';

export interface Stats {
  mean: Dec;
  median: Dec;
  min: Dec;
  max: Dec;
}

/** Statistics on exact values, each then rounded half-up to `precision` (docs/computation.md). */
export function stats(values: readonly Dec[], precision: number): Stats {
  if (values.length === 0) return { mean: 0n, median: 0n, min: 0n, max: 0n };
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const n = sorted.length;
  const total = sorted.reduce((s, v) => s + v, 0n);
  const mid = Math.floor(n / 2);
  const median = n % 2 === 1 ? sorted[mid]! : div(sorted[mid - 1]! + sorted[mid]!, decFromInt(2));
  return {
    mean: round(div(total, decFromInt(n)), precision),
    median: round(median, precision),
    min: round(sorted[0]!, precision),
    max: round(sorted[n - 1]!, precision),
  };
}
