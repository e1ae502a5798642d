import { type Dec, toFixed, toPlain } from '../model/decimal.js';
import type { Band, Lang } from '../model/settings.js';

/** Shown where a value does not exist (no survey, no previous result). */
export const DASH = '—';

/** The decimal separator people expect: Vietnamese writes 81,87, English 81.87. No thousands grouping. */
export const decimalSeparator = (lang: Lang): string => (lang === 'vi' ? ',' : '.');

/** Fixed decimals, rounded half-up: formatDec(81.87, 2, 'vi') → "81,87". */
export const formatDec = (d: Dec, places: number, lang: Lang): string =>
  toFixed(d, places, decimalSeparator(lang));

/** formatDec, or "—" for a missing value. */
export const formatDecOrDash = (d: Dec | null, places: number, lang: Lang): string =>
  d === null ? DASH : formatDec(d, places, lang);

/** Shortest exact text with the language's separator: thresholds and maxima ("90", "31,5"). */
export const formatPlain = (d: Dec, lang: Lang): string => toPlain(d).replace('.', decimalSeparator(lang));

/** "8/13": rank within a group of `of` units. */
export const formatRank = (rank: number, of: number): string => `${rank}/${of}`;

/** A change with its sign: "+2", "−1" (minus sign), "0"; "—" when there is nothing to compare. */
export function formatChange(change: number | null): string {
  if (change === null) return DASH;
  if (change > 0) return `+${change}`;
  if (change < 0) return `−${-change}`;
  return '0';
}

/** A decimal change with its sign: "+1,25", "−0,50", "0,00"; "—" when there is nothing to compare. */
export function formatDecChange(change: Dec | null, places: number, lang: Lang): string {
  if (change === null) return DASH;
  const text = formatDec(change < 0n ? -change : change, places, lang);
  if (/^[0.,]+$/.test(text)) return text;
  return change > 0n ? `+${text}` : `−${text}`;
}

/** A band's condition: "≥ 90", "> 80"; "—" for the last band, which has no threshold. */
export function formatBandRule(band: Pick<Band, 'op' | 'min'>, lang: Lang): string {
  if (band.min === null || band.op === null) return DASH;
  return `${band.op === '>=' ? '≥' : '>'} ${formatPlain(band.min, lang)}`;
}
