/**
 * Legacy Vietnamese font text (TCVN3/ABC, VNI) → Unicode NFC, and detection of which font a text or a
 * file was typed in. Code tables and their sources: `legacyTables.ts`.
 *
 * Detection judges words, not characters. A word is evidence for a font when, read as Unicode, it is not
 * a Vietnamese syllable ("B×nh", "Khaù") and, decoded with that font, it is one ("Bình", "Khá"); a word
 * that decodes into a non-syllable counts against the font. Words that are Vietnamese either way
 * ("Toát" is VNI for "Tốt" but also a real word) prove nothing, so valid Unicode Vietnamese is never
 * converted: its words are syllables already. Lone symbols ("×", "½"), pure-ASCII words and
 * vowel-less abbreviations ("QĐ") are neutral.
 */
import {
  decodeToken,
  isLegacyRepresentable,
  type LegacyFont,
  splitTokens,
  tcvn3CapsText,
  trimNonLetters,
} from './legacyDecode.js';
import { hasVowel, isVietnameseSyllable } from './legacySyllable.js';

export type { LegacyFont } from './legacyDecode.js';
export type LegacyFontOption = 'auto' | LegacyFont | 'none';

const FONTS: readonly LegacyFont[] = ['tcvn3', 'vni'];

/**
 * Convert one text from the given legacy font (as it appears when read as Windows-1252/Latin-1 characters) to
 * Unicode NFC. `caps`: the text is in a TCVN3 capitals-only font (else judged from the text itself).
 */
export function fromLegacy(text: string, font: LegacyFont, caps = false): string {
  caps ||= font === 'tcvn3' && tcvn3CapsText(text);
  return splitTokens(text)
    .map((piece) => (piece.token ? decodeToken(piece.text, font, caps) : piece.text))
    .join('')
    .normalize('NFC');
}

interface Evidence {
  /** Words that are Vietnamese only once decoded. */
  good: number;
  /** Words that decode into something that is not Vietnamese. */
  bad: number;
  /** Characters of changed words that no Unicode Vietnamese text uses (¶, ×, ø, ñ …). */
  signals: number;
}

const VIETNAMESE_LATIN1 = new Set([...'àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ']);

function signalCount(token: string): number {
  let n = 0;
  for (const ch of token) if ((ch.codePointAt(0) ?? 0) >= 0x80 && !VIETNAMESE_LATIN1.has(ch)) n++;
  return n;
}

function addEvidence(text: string, font: LegacyFont, into: Evidence): void {
  const caps = font === 'tcvn3' && tcvn3CapsText(text);
  for (const piece of splitTokens(text)) {
    // Plain ASCII (VN1 puts capitals on control bytes) and lone symbols ("×", "½") prove nothing.
    if (!piece.token || [...piece.text].length < 2 || !/[^\p{ASCII}]/u.test(piece.text)) continue;
    const decoded = decodeToken(piece.text, font, caps);
    if (decoded === piece.text.normalize('NFC')) continue;
    const word = trimNonLetters(decoded);
    if (!hasVowel(word)) continue;
    into.signals += signalCount(piece.text);
    if (!isVietnameseSyllable(word)) into.bad++;
    else if (!isVietnameseSyllable(trimNonLetters(piece.text))) into.good++;
  }
}

/** Conservative: some evidence, at most one contradicting word per four supporting ones. */
function plausible(e: Evidence): boolean {
  return e.good >= 1 && e.bad * 4 <= e.good;
}

function choose(evidence: ReadonlyMap<LegacyFont, Evidence>): LegacyFont | null {
  const ranked = FONTS.flatMap((font) => {
    const e = evidence.get(font);
    return e !== undefined && plausible(e) ? [{ font, score: e.good - 4 * e.bad, signals: e.signals }] : [];
  }).sort((a, b) => b.score - a.score || b.signals - a.signals);
  const [best, second] = ranked;
  if (best === undefined) return null;
  if (second !== undefined && second.score === best.score && second.signals === best.signals) return null;
  return best.font;
}

function emptyEvidence(): Map<LegacyFont, Evidence> {
  return new Map(FONTS.map((font) => [font, { good: 0, bad: 0, signals: 0 }]));
}

/** Guess whether a text is TCVN3 or VNI mojibake; null when it looks like ordinary text (Unicode Vietnamese, English, numbers). */
export function detectLegacyFont(text: string): LegacyFont | null {
  // A character no single-byte reader produces (ư, ạ, “ is fine) means the text is Unicode already.
  if (!isLegacyRepresentable(text)) return null;
  const evidence = emptyEvidence();
  for (const [font, e] of evidence) addEvidence(text, font, e);
  return choose(evidence);
}

/**
 * Detection over many cells of one file (more reliable than per-cell), fed one text at a time so that a
 * file of any length is judged without being held: the font that explains the file's text best, or null.
 * Cells that are Unicode already count against every font, word for word, so a Unicode file with a few
 * odd cells is left alone.
 */
export class LegacyFontDetector {
  readonly #evidence = emptyEvidence();
  #unicodeWords = 0;
  /**
   * What each text added, remembered for the texts seen first: a long file repeats its unit names, group
   * names and codes on every row, and adding a remembered text is adding numbers.
   */
  readonly #seen = new Map<string, { evidence: Map<LegacyFont, Evidence>; unicodeWords: number }>();

  add(text: string): void {
    let known = this.#seen.get(text);
    if (known === undefined) {
      known = { evidence: emptyEvidence(), unicodeWords: 0 };
      if (isLegacyRepresentable(text)) {
        for (const [font, e] of known.evidence) addEvidence(text, font, e);
      } else {
        for (const piece of splitTokens(text)) {
          if (piece.token && !isLegacyRepresentable(piece.text) && isVietnameseSyllable(piece.text))
            known.unicodeWords++;
        }
      }
      const none =
        known.unicodeWords === 0 &&
        [...known.evidence.values()].every((e) => e.good + e.bad + e.signals === 0);
      if (none) known = NOTHING;
      if (this.#seen.size < REMEMBERED_TEXTS) this.#seen.set(text, known);
    }
    if (known === NOTHING) return;
    for (const [font, e] of known.evidence) {
      const total = this.#evidence.get(font)!;
      total.good += e.good;
      total.bad += e.bad;
      total.signals += e.signals;
    }
    this.#unicodeWords += known.unicodeWords;
  }

  font(): LegacyFont | null {
    const font = choose(this.#evidence);
    if (font === null) return null;
    return (this.#evidence.get(font)?.good ?? 0) > this.#unicodeWords ? font : null;
  }
}

/** Distinct texts whose evidence a detector remembers (bounded, for a file of any size). */
const REMEMBERED_TEXTS = 50_000;
/** What most texts add (plain ASCII, numbers, codes): one shared record. */
const NOTHING = { evidence: emptyEvidence(), unicodeWords: 0 };

/** LegacyFontDetector over a list of texts. */
export function detectLegacyFontInTexts(texts: Iterable<string>): LegacyFont | null {
  const detector = new LegacyFontDetector();
  for (const text of texts) detector.add(text);
  return detector.font();
}

/**
 * The legacy font a workbook names for a cell, from the font families' naming: TCVN3 (ABC) fonts are
 * ".VnTime", ".VnArial", … and their capitals-only variants end in H (".VnTimeH", ".VnArialH"), which draw
 * the lowercase codes as capitals; VNI fonts are "VNI-Times", "VNI-Helve", …. Null for any other font.
 */
export function legacyFontOfName(
  name: string | null | undefined,
): { font: LegacyFont; caps: boolean } | null {
  const n = name?.trim() ?? '';
  if (/^\.vn/i.test(n)) return { font: 'tcvn3', caps: /H$/.test(n) };
  if (/^vni[-_ ]/i.test(n)) return { font: 'vni', caps: false };
  return null;
}

/**
 * One text in a font named by its cell: decoded whatever detection would say (the workbook says how it
 * draws it), except that text holding characters no legacy byte produces (ư, ạ, ≥) is Unicode already.
 * A capitals-only TCVN3 font shows every letter as a capital, so the text comes out in capitals.
 */
export function fromNamedFont(text: string, named: { font: LegacyFont; caps: boolean }): string {
  if (!isLegacyRepresentable(text)) return text;
  if (!named.caps) return fromLegacy(text, named.font);
  return fromLegacy(text, named.font, true).toUpperCase().normalize('NFC');
}

/** Applies the option: 'none' → unchanged; a font → fromLegacy; 'auto' → detect then convert, and must NEVER alter valid Unicode Vietnamese or plain ASCII text. */
export function convertLegacy(
  text: string,
  option: LegacyFontOption,
): { text: string; font: LegacyFont | null; changed: boolean } {
  if (option === 'none') return { text, font: null, changed: false };
  // Even with an explicit font, a text holding characters no legacy byte produces (ư, ạ, ≥) is Unicode.
  const font = option === 'auto' ? detectLegacyFont(text) : isLegacyRepresentable(text) ? option : null;
  if (font === null) return { text, font: null, changed: false };
  const converted = fromLegacy(text, font);
  return { text: converted, font, changed: converted !== text };
}
