import type { CompareOp } from '../model/framework.js';
import type { Band } from '../model/settings.js';
import { parseNumberText } from '../score/rules/cellValues.js';

export const DEFAULT_BANDS = 'Xuất sắc>=90; Tốt>=80; Khá>=70; Trung bình>=50; Yếu';

const PART = /^(.+?)\s*(>=|≥|=>|>)\s*([0-9.,]+)\s*%?$/;

/**
 * The comparison operators a band threshold may use, in --bands and in --bands-file alike: `>=` and its
 * spellings `≥` and `=>`, and `>`.
 */
export const BAND_OPS = ['>=', '>', '≥', '=>'] as const;

/** `>=`, `≥`, `=>` → ">="; `>` → ">"; anything else null. */
export function bandOp(text: string): CompareOp | null {
  const t = text.trim();
  if (t === '>') return '>';
  return t === '>=' || t === '≥' || t === '=>' ? '>=' : null;
}

export type BandsParse = { ok: true; bands: Band[] } | { ok: false; part: string; why: string };

/** "Xuất sắc>=90; Tốt>=80; …; Yếu": thresholds top down, strictly decreasing, the last band without one. */
export function parseBands(text: string): BandsParse {
  const parts = text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean);
  const bands: Band[] = [];
  for (const [i, part] of parts.entries()) {
    const m = PART.exec(part);
    if (!m) {
      if (i === parts.length - 1 && !/[<>=]/.test(part)) {
        bands.push({ band: part, op: null, min: null });
        continue;
      }
      return { ok: false, part, why: 'form' };
    }
    const min = parseNumberText(m[3]!);
    if (min === null) return { ok: false, part, why: 'form' };
    const op: CompareOp = bandOp(m[2]!) ?? '>=';
    const prev = bands[bands.length - 1];
    if (prev?.min != null && min > prev.min) return { ok: false, part, why: 'order' };
    // The same threshold twice: the second band is never reached, unless it takes exactly the value the
    // first one excludes ("A>80; B>=80").
    if (prev?.min != null && min === prev.min && !(prev.op === '>' && op === '>='))
      return { ok: false, part, why: 'same' };
    bands.push({ band: m[1]!.trim(), op, min });
  }
  if (bands.length === 0) return { ok: false, part: text, why: 'empty' };
  if (bands[bands.length - 1]!.min !== null)
    return { ok: false, part: parts[parts.length - 1]!, why: 'last' };
  return { ok: true, bands };
}
