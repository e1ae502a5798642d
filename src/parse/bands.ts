import type { CompareOp } from '../model/framework.js';
import type { Band } from '../model/settings.js';
import { parseNumberText } from '../score/rules/cellValues.js';

export const DEFAULT_BANDS = 'Xuất sắc>=90; Tốt>=80; Khá>=70; Trung bình>=50; Yếu';

const PART = /^(.+?)\s*(>=|≥|=>|>)\s*([0-9.,]+)\s*%?$/;

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
    const op: CompareOp = m[2] === '>' ? '>' : '>=';
    const prev = bands[bands.length - 1];
    if (prev?.min != null && min > prev.min) return { ok: false, part, why: 'order' };
    bands.push({ band: m[1]!.trim(), op, min });
  }
  if (bands.length === 0) return { ok: false, part: text, why: 'empty' };
  if (bands[bands.length - 1]!.min !== null)
    return { ok: false, part: parts[parts.length - 1]!, why: 'last' };
  return { ok: true, bands };
}
