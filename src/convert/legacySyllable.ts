/**
 * Is a word one well-formed Vietnamese syllable? Used to tell legacy-font mojibake from real text: a
 * decoding that turns "B×nh" into "Bình" is evidence, one that turns "Hoà" into "HoỔ" is not.
 *
 * The check is structural: initial consonant + vowel nucleus + final consonant, the spelling rules
 * (c/k/q, g/gh, ng/ngh), at most one tone mark, placed on the main vowel (old and new placement both
 * accepted for oa, oe, uy), and only sắc or nặng before a stop final (c, ch, p, t).
 */

const TONES = new Set(['\u0301', '\u0300', '\u0309', '\u0303', '\u0323']);
const SAC_NANG = new Set(['\u0301', '\u0323']);

// biome-ignore format: list
const INITIALS = [
  'ngh', 'ng', 'nh', 'ch', 'gh', 'gi', 'kh', 'ph', 'qu', 'th', 'tr',
  'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x', '',
];

const FINALS = ['ch', 'ng', 'nh', 'c', 'm', 'n', 'p', 't', ''];
const STOP_FINALS = new Set(['c', 'ch', 'p', 't']);

/** Nuclei: 'open' takes no final, 'closed' needs one, 'both' either. */
type Kind = 'open' | 'closed' | 'both';
// biome-ignore format: list
const NUCLEI: ReadonlyMap<string, Kind> = new Map<string, Kind>([
  ...['a', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'oa', 'oe', 'uê', 'uy'].map((n): [string, Kind] => [n, 'both']),
  ...['ă', 'â', 'iê', 'yê', 'uô', 'ươ', 'uyê', 'oă', 'uâ', 'oo'].map((n): [string, Kind] => [n, 'closed']),
  ...[
    'y', 'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iu', 'oi', 'ôi', 'ơi', 'ua', 'ui', 'ưa', 'ưi',
    'ưu', 'iêu', 'yêu', 'oai', 'oay', 'oao', 'oeo', 'uây', 'uôi', 'ươi', 'ươu', 'uyu', 'uya', 'uơ',
  ].map((n): [string, Kind] => [n, 'open']),
]);

/** Nuclei after which ch/nh may end a syllable, and those after which c/ng may not. */
const PALATAL_OK = new Set(['a', 'ê', 'i', 'oa', 'uê', 'uy', 'y']);
const VELAR_NOT = new Set(['i', 'ê', 'y', 'uy', 'uê']);
const FRONT = new Set(['e', 'ê', 'i', 'y']);
const SHAPED = new Set(['ă', 'â', 'ê', 'ô', 'ơ', 'ư']);
const EITHER_PLACE = new Set(['oa', 'oe', 'uy']);

interface Bare {
  /** The word without its tone mark, lowercase, NFC. */
  readonly base: string;
  /** Index in `base` of the letter carrying the tone, or -1. */
  readonly toneAt: number;
  readonly tone: string;
}

function stripTone(word: string): Bare | undefined {
  let base = '';
  let toneAt = -1;
  let tone = '';
  for (const ch of word.normalize('NFC')) {
    let letter = '';
    for (const part of ch.normalize('NFD')) {
      if (!TONES.has(part)) {
        letter += part;
        continue;
      }
      if (tone !== '') return undefined;
      tone = part;
      toneAt = [...base].length;
    }
    base += letter.normalize('NFC');
  }
  return { base, toneAt, tone };
}

function hasCase(word: string): boolean {
  const lower = word.toLowerCase();
  const upper = word.toUpperCase();
  if (word === lower || word === upper) return true;
  const [first = '', ...rest] = [...word];
  return first === first.toUpperCase() && rest.join('') === rest.join('').toLowerCase();
}

function rhymeOk(initial: string, rest: string[], bare: Bare): boolean {
  const restText = rest.join('');
  for (const final of FINALS) {
    if (!restText.endsWith(final)) continue;
    const nucleusLetters = rest.slice(0, rest.length - [...final].length);
    const nucleus = nucleusLetters.join('');
    const kind = NUCLEI.get(nucleus);
    if (kind === undefined || nucleus === '') continue;
    if (final === '' ? kind === 'closed' : kind === 'open') continue;
    if ((final === 'ch' || final === 'nh') && !PALATAL_OK.has(nucleus)) continue;
    if ((final === 'c' || final === 'ng') && VELAR_NOT.has(nucleus)) continue;
    if (STOP_FINALS.has(final) && bare.tone !== '' && !SAC_NANG.has(bare.tone)) continue;
    if (!spellingOk(initial, nucleusLetters[0] ?? '')) continue;
    if (!tonePlaceOk(nucleusLetters, final, bare.toneAt - [...initial].length)) continue;
    return true;
  }
  return false;
}

function spellingOk(initial: string, firstVowel: string): boolean {
  const front = FRONT.has(firstVowel);
  switch (initial) {
    case 'c':
    case 'ng':
      return !front;
    case 'g':
      return !front || firstVowel === 'i'; // "gì", "gìn": the i of gi doubles as the vowel
    case 'k':
    case 'gh':
    case 'ngh':
      return front;
    case 'qu':
      return firstVowel !== 'u' && firstVowel !== 'o';
    default:
      return true;
  }
}

function tonePlaceOk(nucleus: string[], final: string, at: number): boolean {
  if (at < 0) return true; // no tone (thanh ngang)
  let shaped = -1;
  nucleus.forEach((letter, i) => {
    if (SHAPED.has(letter)) shaped = i;
  });
  if (shaped >= 0) return at === shaped;
  if (nucleus.length === 1) return at === 0;
  if (EITHER_PLACE.has(nucleus.join('')) && final === '') return at === 0 || at === 1;
  if (final !== '') return at === nucleus.length - 1;
  return at === (nucleus.length === 3 ? 1 : 0);
}

// Spreadsheets repeat the same few thousand words, so file-wide detection asks about each many times.
const verdicts = new Map<string, boolean>();
const MAX_VERDICTS = 50_000;

/** True when `word` (letters only) is one Vietnamese syllable, in lower, Title or UPPER case. */
export function isVietnameseSyllable(word: string): boolean {
  const known = verdicts.get(word);
  if (known !== undefined) return known;
  if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
  const verdict = checkSyllable(word);
  verdicts.set(word, verdict);
  return verdict;
}

function checkSyllable(word: string): boolean {
  if (word === '' || !hasCase(word)) return false;
  const bare = stripTone(word.toLowerCase());
  if (bare === undefined) return false;
  const letters = [...bare.base];
  for (const initial of INITIALS) {
    if (!bare.base.startsWith(initial)) continue;
    const rest = letters.slice([...initial].length);
    if (rest.length === 0) continue;
    // The tone must sit in the rhyme, except for "gì" where the i belongs to both.
    if (bare.toneAt >= 0 && bare.toneAt < [...initial].length) continue;
    if (rhymeOk(initial, rest, bare)) return true;
  }
  return false;
}

/** True when `word` has a Vietnamese vowel letter (so it is a word, not an abbreviation such as "QĐ"). */
export function hasVowel(word: string): boolean {
  return /[aeiouyăâêôơư]/i.test(word.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
}
