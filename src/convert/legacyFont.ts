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

/** Convert one text from the given legacy font (as it appears when read as Windows-1252/Latin-1 characters) to Unicode NFC. */
export function fromLegacy(text: string, font: LegacyFont): string {
  const caps = font === 'tcvn3' && tcvn3CapsText(text);
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
 * Detection over many cells of one file (more reliable than per-cell): returns the font that explains
 * the file's text best, or null. Cells that are Unicode already count against every font, word for
 * word, so a Unicode file with a few odd cells is left alone.
 */
export function detectLegacyFontInTexts(texts: Iterable<string>): LegacyFont | null {
  const evidence = emptyEvidence();
  let unicodeWords = 0;
  for (const text of texts) {
    if (isLegacyRepresentable(text)) {
      for (const [font, e] of evidence) addEvidence(text, font, e);
      continue;
    }
    for (const piece of splitTokens(text)) {
      if (piece.token && !isLegacyRepresentable(piece.text) && isVietnameseSyllable(piece.text))
        unicodeWords++;
    }
  }
  const font = choose(evidence);
  if (font === null) return null;
  return (evidence.get(font)?.good ?? 0) > unicodeWords ? font : null;
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
