import type { Dec } from '../model/decimal.js';

let collator: Intl.Collator | undefined;

/** The Vietnamese alphabet in its order, with the Latin letters it does not use (f, j, w, z) in theirs. */
const ALPHABET = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
/** Letters with tone marks (secondary differences in the Vietnamese order), lower and upper case. */
const TONED =
  'àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ' +
  'ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ';
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
/** Per character below U+1F00: its letter's place in ALPHABET (1-based), 0 for no letter. Made on first use. */
let letters: Uint8Array | undefined;
/** Per place in ALPHABET, the place of its Latin letter (ă, â: a's; đ: d's; ư: u's). */
let families: Uint8Array | undefined;

function letterTables(): Uint8Array {
  if (letters !== undefined) return letters;
  const place = (ch: string) => ALPHABET.indexOf(ch) + 1;
  const table = new Uint8Array(0x1f00);
  families = new Uint8Array(ALPHABET.length + 1);
  for (const ch of ALPHABET) {
    const latin = ch === 'đ' ? 'd' : ch.normalize('NFD')[0]!;
    families[place(ch)] = place(latin);
    table[ch.charCodeAt(0)] = place(ch);
    table[ch.toUpperCase().charCodeAt(0)] = place(ch);
  }
  for (const ch of TONED) {
    const letter = ch.normalize('NFD').replace(TONE_MARKS, '').normalize('NFC').toLowerCase();
    table[ch.charCodeAt(0)] = place(letter);
  }
  letters = table;
  return table;
}

const isMark = (c: number) => c >= 0x300 && c <= 0x36f;

/**
 * The collator's answer when the names first differ at a letter in both, else 0. Letters of two different
 * Latin families (a, ă, â, ấ… are a's; d and đ are d's) are in the order of their families whatever marks
 * follow them: in the Vietnamese order a family's letters, marked or not, sort after its bare letter and
 * before the next family. Within a family (u and ư, ú and ư), the letters' own places decide — a tone is
 * only a secondary difference — unless a combining mark follows in either name, which could make the
 * letter another one (u + U+031B is ư).
 */
function compareLetters(a: string, b: string, i: number): number {
  const x = a.charCodeAt(i);
  const y = b.charCodeAt(i);
  if (x >= 0x1f00 || y >= 0x1f00) return 0;
  const table = letterTables();
  const px = table[x]!;
  const py = table[y]!;
  if (px === 0 || py === 0 || px === py) return 0;
  const sign = px < py ? -1 : 1;
  if (families![px] !== families![py]) return sign;
  return isMark(a.charCodeAt(i + 1)) || isMark(b.charCodeAt(i + 1)) ? 0 : sign;
}

/**
 * Vietnamese collation of unit names (`Intl.Collator('vi')`, numeric): the tie-break everywhere
 * (docs/computation.md). Making the collator costs about 8 ms, the price of loading ICU's collation data,
 * paid by every run that ranks two units alike, and each call a microsecond or more; most such pairs are
 * told apart by their first differing character, where the names agree before it (so do their collation
 * elements: Vietnamese has no contractions). Two letters there are ordered by compareLetters, two numbers
 * by their values (compareNumbers); only other pairs reach ICU. In a national run of 3,321 units that is
 * none of the 1,700 comparisons of units tied in rank (397 before letters with marks and numbers were
 * told apart here). test/score/rank.test.ts holds the two to the same sign on arbitrary Vietnamese names.
 */
export function compareUnitNames(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i < n) {
    const byLetter = compareLetters(a, b, i);
    if (byLetter !== 0) return byLetter;
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
