/**
 * Token-level decoding of legacy Vietnamese font text (TCVN3/ABC and VNI) that was read as Latin-1 or
 * CP1252 characters. Decoding never crosses a token boundary (ASCII space, digit or punctuation), so
 * callers can judge each decoded word on its own.
 */
import { isVietnameseSyllable } from './legacySyllable.js';
import {
  legacyByte,
  TCVN3,
  TCVN3_VN1_ONLY,
  VNI_BREVE,
  VNI_CIRCUMFLEX,
  VNI_LETTER,
  VNI_TONE,
  type VniMark,
} from './legacyTables.js';

export type LegacyFont = 'tcvn3' | 'vni';

export interface Piece {
  readonly text: string;
  /** True for a word-like run that may hold legacy letters; false for the ASCII separators between. */
  readonly token: boolean;
}

/** Control bytes that TCVN 5712 VN1 uses for capitals (never tab, line feed or carriage return). */
const VN1_CONTROLS = new Set([0x01, 0x02, 0x04, 0x05, 0x06, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17]);

function isTokenChar(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp >= 0x80) return cp !== 0xa0;
  return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || VN1_CONTROLS.has(cp);
}

/** Splits a text into word-like tokens and the ASCII separators between them. */
export function splitTokens(text: string): Piece[] {
  const pieces: Piece[] = [];
  let current = '';
  let currentToken = false;
  for (const ch of text) {
    const token = isTokenChar(ch);
    if (current !== '' && token !== currentToken) {
      pieces.push({ text: current, token: currentToken });
      current = '';
    }
    current += ch;
    currentToken = token;
  }
  if (current !== '') pieces.push({ text: current, token: currentToken });
  return pieces;
}

/** True when every character of `text` is one a Latin-1 or CP1252 reader can produce from a byte. */
export function isLegacyRepresentable(text: string): boolean {
  for (const ch of text) if (legacyByte(ch.codePointAt(0) ?? 0) === undefined) return false;
  return true;
}

function countAscii(text: string): { upper: number; lower: number } {
  let upper = 0;
  let lower = 0;
  for (const ch of text) {
    if (ch >= 'A' && ch <= 'Z') upper++;
    else if (ch >= 'a' && ch <= 'z') lower++;
  }
  return { upper, lower };
}

function isShouting(token: string): boolean {
  const { upper, lower } = countAscii(token);
  return upper >= 2 && lower === 0;
}

/**
 * TCVN3 has no toned capitals: all-caps text was typed in `.VnTimeH`, which draws the lowercase codes as
 * capitals. A word whose ASCII letters are all capitals (at least two) is taken as such; so is every
 * word of a text that has no lowercase ASCII letter and at least one such word ("Hµ NéI" → "HÀ NỘI").
 */
export function tcvn3CapsText(text: string): boolean {
  return countAscii(text).lower === 0 && splitTokens(text).some((p) => p.token && isShouting(p.text));
}

function decodeTcvn3Bytes(token: string, bytes: number[], upper: boolean, vn1: boolean): string {
  let out = '';
  let i = 0;
  for (const ch of token) {
    const byte = bytes[i++] ?? -1;
    const letter = TCVN3.get(byte) ?? (vn1 ? TCVN3_VN1_ONLY.get(byte) : undefined);
    out += letter === undefined ? ch : upper ? letter.toUpperCase() : letter;
  }
  return out.normalize('NFC');
}

/** Decodes one TCVN3 token; `capsText` is `tcvn3CapsText` of the whole text. */
export function decodeTcvn3Token(token: string, capsText: boolean): string {
  const bytes: number[] = [];
  for (const ch of token) {
    const byte = legacyByte(ch.codePointAt(0) ?? 0);
    if (byte === undefined) return token;
    bytes.push(byte);
  }
  const upper = capsText || isShouting(token);
  const vn3 = decodeTcvn3Bytes(token, bytes, upper, false);
  if (!bytes.some((b) => TCVN3_VN1_ONLY.has(b))) return vn3;
  // VN1 capitals share bytes with CP1252 punctuation (0x93 “ is Ỏ): use them only when they make a word.
  const vn1 = decodeTcvn3Bytes(token, bytes, upper, true);
  return isVietnameseSyllable(trimNonLetters(vn1)) ? vn1 : vn3;
}

const BASES = new Set([...'aeiouyAEIOUY']);
const CIRCUMFLEX_BASES = new Set([...'aeoAEO']);
const BREVE_BASES = new Set([...'aA']);

/** Decodes one VNI token: a base vowel takes the diacritic bytes that follow it. */
export function decodeVniToken(token: string): string {
  if (!isLegacyRepresentable(token)) return token;
  const chars = [...token];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    const standalone = VNI_LETTER.get(ch);
    const isHorned = ch === 'ô' || ch === 'ö' || ch === 'Ô' || ch === 'Ö';
    if (!BASES.has(ch) && !isHorned) {
      out += standalone ?? ch;
      continue;
    }
    const base = standalone ?? ch;
    let mark: VniMark | undefined;
    const next = chars[i + 1] ?? '';
    if (CIRCUMFLEX_BASES.has(ch)) mark = VNI_CIRCUMFLEX.get(next);
    if (mark === undefined && BREVE_BASES.has(ch)) mark = VNI_BREVE.get(next);
    if (mark !== undefined) i++;
    let tone = mark?.tone ?? '';
    const after = VNI_TONE.get(chars[i + 1] ?? '');
    if (tone === '' && after !== undefined) {
      tone = after.tone;
      i++;
    }
    out += (base + (mark?.shape ?? '') + tone).normalize('NFC');
  }
  return out;
}

export function decodeToken(token: string, font: LegacyFont, capsText: boolean): string {
  return font === 'tcvn3' ? decodeTcvn3Token(token, capsText) : decodeVniToken(token);
}

/** Drops leading and trailing characters that are not letters ("“Tốt”" → "Tốt"). */
export function trimNonLetters(text: string): string {
  return text.replace(/^\P{L}+|\P{L}+$/gu, '');
}
