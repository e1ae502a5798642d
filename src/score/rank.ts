import type { Dec } from '../model/decimal.js';

let collator: Intl.Collator | undefined;

/** The Vietnamese letters with marks, lower and upper case: each belongs to the family of its Latin letter. */
const MARKED =
  'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ' +
  'ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ';
let families: Uint8Array | undefined;

/**
 * The Latin letter (a–z, as its lower-case code) whose family a character is in: the letter itself in
 * either case, or a Vietnamese letter with marks (ấ is a's, đ is d's); 0 for anything else. Made on first use.
 */
function familyOf(c: number): number {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? c | 32 : 0;
  if (families === undefined) {
    families = new Uint8Array(0x1f00);
    for (const ch of MARKED) {
      const base = ch === 'đ' || ch === 'Đ' ? 'd' : ch.normalize('NFD')[0]!.toLowerCase();
      families[ch.charCodeAt(0)] = base.charCodeAt(0);
    }
  }
  return c < 0x1f00 ? families[c]! : 0;
}

/**
 * Vietnamese collation of unit names (`Intl.Collator('vi')`, numeric): the tie-break everywhere
 * (docs/computation.md). Making the collator costs about 8 ms, the price of loading ICU's collation data,
 * paid by every run that ranks two units alike, and each call a microsecond or more; most such pairs are
 * told apart by their first differing character. When that character is a letter in both names, of two
 * different families (a, ă, â, ấ… are a's; d and đ are d's), the collator's answer is already known: the
 * names agree before it (so their collation elements agree; Vietnamese has no contractions), a letter is
 * never a combining mark nor part of a digit run, and in the Vietnamese order every letter of a family,
 * with whatever marks follow it, sorts after the family's bare letter and before the next family. Names
 * that first differ inside a number are told apart by its value (compareNumbers). Only other pairs reach
 * ICU: in a national run, about 50 of the 1,700 comparisons of units tied in rank (400 before numbers
 * and marked letters were told apart here).
 * test/score/rank.test.ts holds the two to the same sign on arbitrary Vietnamese names.
 */
export function compareUnitNames(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i < n) {
    const x = familyOf(a.charCodeAt(i));
    const y = familyOf(b.charCodeAt(i));
    if (x !== 0 && y !== 0 && x !== y) return x < y ? -1 : 1;
    const byNumber = compareNumbers(a, b, i);
    if (byNumber !== 0) return byNumber;
  }
  collator ??= new Intl.Collator('vi', { sensitivity: 'variant', numeric: true });
  return collator.compare(a, b);
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * The collator's answer when the names first differ inside a number ("Phường An An 02645" and "… 02789",
 * "Phường 9" and "Phường 10"), else 0. Numeric collation makes a run of digits one collation element
 * weighed by its value, so when the runs that hold the first difference have different values, that decides
 * at the primary level: everything before agrees. Only runs of ASCII digits between ASCII characters (or
 * the ends) are judged here; a run that may go on in another script's digits, a long run, or two runs of
 * equal value ("02" and "2") is left to ICU.
 */
function compareNumbers(a: string, b: string, i: number): number {
  let from = i;
  while (from > 0 && isDigit(a.charCodeAt(from - 1))) from--;
  if (from > 0 && a.charCodeAt(from - 1) >= 0x80) return 0;
  const endA = runEnd(a, from);
  const endB = runEnd(b, from);
  if (endA === from || endB === from || endA < 0 || endB < 0) return 0;
  return compareDigits(a, from, endA, b, endB);
}

/** Where the ASCII digits from `from` end; -1 when a non-ASCII character follows them or the run is long. */
function runEnd(s: string, from: number): number {
  let end = from;
  while (end < s.length && isDigit(s.charCodeAt(end))) end++;
  if (end - from > 100 || (end < s.length && s.charCodeAt(end) >= 0x80)) return -1;
  return end;
}

/** The values of a[from, endA) and b[from, endB), digits both, compared: sign, 0 when equal. */
function compareDigits(a: string, from: number, endA: number, b: string, endB: number): number {
  let p = from;
  let q = from;
  while (p < endA - 1 && a.charCodeAt(p) === 48) p++;
  while (q < endB - 1 && b.charCodeAt(q) === 48) q++;
  if (endA - p !== endB - q) return endA - p < endB - q ? -1 : 1;
  for (; p < endA; p++, q++) {
    const d = a.charCodeAt(p) - b.charCodeAt(q);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/**
 * Competition ranking ("1224"): units with equal published index share the best rank, and the next rank
 * skips as many places as were shared. Returns ranks in the order of `indices`.
 */
export function competitionRanks(indices: readonly Dec[]): number[] {
  const sorted = [...indices].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
  const firstPlace = new Map<Dec, number>();
  sorted.forEach((v, i) => {
    if (!firstPlace.has(v)) firstPlace.set(v, i + 1);
  });
  return indices.map((v) => firstPlace.get(v)!);
}
