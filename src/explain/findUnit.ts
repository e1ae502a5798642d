import { UsageError } from '../model/errors.js';
import { foldDiacritics } from '../model/normalize.js';
import type { Results, UnitResult } from '../model/results.js';
import { nearest } from '../model/suggest.js';
import { unitKey } from '../model/unitName.js';

/**
 * The unit named on the command line, matched as the score files match units: case, NFC/NFD and runs of
 * spaces never matter; diacritics do ("Mộ Đức" ≠ "Mo Duc"), but the suggestion ignores them so that a name
 * typed without accents still points at the right unit. Unknown → UsageError E_UNKNOWN_UNIT (exit 2).
 */
export function findUnit(results: Results, name: string): UnitResult {
  const key = unitKey(name);
  const found = results.units.find((u) => unitKey(u.unit) === key);
  if (found) return found;
  const suggestion = nearest(
    key,
    results.units.map((u) => ({ key: unitKey(u.unit), label: u.unit })),
    foldDiacritics,
  );
  throw new UsageError('E_UNKNOWN_UNIT', { unit: name.trim(), suggestion });
}
