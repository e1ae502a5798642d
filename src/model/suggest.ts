/** Near-match suggestions for misspelled unit names and criterion codes. */

function distance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/**
 * The closest candidate by edit distance on the given keys, if it is close enough to be a plausible typo
 * (at most a third of the length, and at most 4 edits). Candidates are compared by key, returned by label.
 */
export function nearest(
  key: string,
  candidates: Iterable<{ key: string; label: string }>,
  fold: (s: string) => string = (s) => s,
): string | undefined {
  const k = fold(key);
  let best: string | undefined;
  let bestD = Math.min(4, Math.max(1, Math.floor(k.length / 3)));
  for (const c of candidates) {
    const d = distance(k, fold(c.key));
    if (d <= bestD && (best === undefined || d < bestD)) {
      best = c.label;
      bestD = d;
    }
  }
  return best;
}
