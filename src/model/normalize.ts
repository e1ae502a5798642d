import type { CellValue } from './cell.js';
import { isCellError } from './cell.js';

const COMBINING = /[\u0300-\u036f]/g;
const SPACES = /\s+/g;

/**
 * What cleanText would change: white space at either end, two in a row, any but a plain space, or a
 * character outside U+0021–U+02FF and the precomposed Vietnamese letters (so possibly not NFC). Most cells
 * have none of these, and one regex test is much cheaper than normalize + replace + trim on every cell.
 */
const MAYBE_UNCLEAN = /^\s|\s$|\s\s|[^\S ]|[^ -\u02ff\u1ea0-\u1ef9]/;

/** NFC, trimmed, inner runs of white space (incl. NBSP, tabs, line breaks) collapsed to one space. */
export function cleanText(s: string): string {
  if (!MAYBE_UNCLEAN.test(s)) return s;
  return s.normalize('NFC').replace(SPACES, ' ').trim();
}

/** Strips Vietnamese diacritics (đ → d) and lower-cases: "Điểm thẩm định" → "diem tham dinh". */
export function foldDiacritics(s: string): string {
  return s.normalize('NFD').replace(COMBINING, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/** Header match key: no case, diacritics, spaces or punctuation. "Điểm tối đa (*)" → "diemtoida". */
export function headerKey(s: string): string {
  return foldDiacritics(s).replace(/[^a-z0-9]/g, '');
}

/** Tone marks in the order of the precomposed letters below: grave, acute, hook, tilde, dot. */
const O_TONED = 'òóỏõọ';
const U_TONED = 'ùúủũụ';
const TONED: Record<string, string> = { a: 'àáảãạ', e: 'èéẻẽẹ', y: 'ỳýỷỹỵ' };
const OLD_TONE = /([òóỏõọ])([ae])|([ùúủũụ])(y)/g;

/**
 * The tone of the clusters oa, oe, uy on their second vowel, as the new spelling places it: "hòa", "khỏe",
 * "thủy" → "hoà", "khoẻ", "thuỷ" (lower case, NFC). Both placements are in use for the same names.
 */
export function moveTones(lower: string): string {
  if (!/[òóỏõọùúủũụ]/.test(lower)) return lower;
  return lower.replace(OLD_TONE, (_m, o?: string, ae?: string, u?: string) => {
    const tone = o !== undefined ? O_TONED.indexOf(o) : U_TONED.indexOf(u!);
    return o !== undefined ? `o${TONED[ae!]![tone]}` : `u${TONED.y![tone]}`;
  });
}

/**
 * Unit and group match key. NFC/NFD, stray or double spaces, case and the tone placement of oa/oe/uy
 * ("Hòa" = "Hoà") never split a name in two; other diacritics do count ("Xã An Bình" and "Xã An Binh" are
 * different names, which a near match only suggests). Units also ignore prefixes: see unitKey.
 */
export function nameKey(s: string): string {
  return moveTones(cleanText(s).toLowerCase());
}

/** Label key for choice/yesno rules and N/A words: diacritics, case and spacing ignored. */
export function labelKey(s: string): string {
  return foldDiacritics(cleanText(s)).replace(/\s+/g, ' ');
}

/** The text of a cell as a user would read it; numbers as Excel shows them (15 significant digits). */
export function cellText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'string') return cleanText(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(Number(v.toPrecision(15))) : String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (isCellError(v)) return v.error;
  return '';
}

export const isBlank = (v: CellValue | undefined): boolean =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
