import type { Dec } from '../model/decimal.js';
import type { Band, BandSchemes } from '../model/settings.js';

export const schemeFor = (schemes: BandSchemes, groupKey: string): Band[] =>
  schemes.byGroup.get(groupKey) ?? schemes.default;

/** The first band, top down, whose threshold the published index meets; the last band takes the rest. */
export function bandOf(scheme: readonly Band[], index: Dec): string {
  for (const b of scheme) {
    if (b.min === null || b.op === null) return b.band;
    if (b.op === '>' ? index > b.min : index >= b.min) return b.band;
  }
  return scheme[scheme.length - 1]?.band ?? '';
}
