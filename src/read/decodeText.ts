import { UsageError } from '../model/errors.js';

/**
 * Text encodings of CSV input. Vietnamese files come as UTF-8 (with or without BOM, from Excel's
 * "CSV UTF-8" and from Linux tools), UTF-16 (Excel's "Unicode text") or Windows-1258 (Excel's plain "CSV"
 * on a Vietnamese Windows), which writes tone marks as combining characters, hence the NFC step.
 */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

export interface DetectedEncoding {
  encoding: TextEncoding;
  /** Bytes of byte order mark to skip. */
  bom: number;
}

const ALIASES: Record<string, TextEncoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-16le': 'utf-16le',
  utf16le: 'utf-16le',
  'utf-16': 'utf-16le',
  'utf-16be': 'utf-16be',
  utf16be: 'utf-16be',
  'windows-1258': 'windows-1258',
  cp1258: 'windows-1258',
  win1258: 'windows-1258',
};

export function encodingByName(name: string): TextEncoding {
  const encoding = ALIASES[name.trim().toLowerCase()];
  if (!encoding)
    throw new UsageError('E_UNKNOWN_ENCODING', { encoding: name, expected: Object.keys(ALIASES).join(', ') });
  return encoding;
}

function bomOf(b: Uint8Array): DetectedEncoding | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  return undefined;
}

/**
 * Detect from the first bytes: a BOM; else UTF-16 by where the NUL bytes fall (ASCII and Latin-1 characters
 * have a zero high byte); else UTF-8 when the sample is valid UTF-8, or when its valid multi-byte sequences
 * are at least as many as its invalid bytes (one stray byte in a UTF-8 file must not turn every name into
 * mojibake: the reader decodes it as U+FFFD and warns at its line); else Windows-1258, whose Vietnamese
 * text is almost never valid UTF-8. `complete` says the sample is the whole input (an incomplete final
 * UTF-8 sequence is then invalid). Unsupported encodings are refused first (unsupportedEncoding).
 */
export function detectEncoding(sample: Uint8Array, complete: boolean, forced?: string): DetectedEncoding {
  const bom = bomOf(sample);
  if (forced !== undefined) {
    const encoding = encodingByName(forced);
    return { encoding, bom: bom?.encoding === encoding ? bom.bom : 0 };
  }
  if (bom) return bom;
  const utf16 = utf16ByNuls(sample);
  if (utf16) return { encoding: utf16, bom: 0 };
  const { valid, invalid } = utf8Evidence(sample, complete);
  return { encoding: invalid === 0 || valid >= invalid ? 'utf-8' : 'windows-1258', bom: 0 };
}

/** Valid UTF-8 multi-byte sequences, and bytes that belong to no valid sequence, in a sample. */
export function utf8Evidence(b: Uint8Array, complete: boolean): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  const n = b.length;
  for (let i = 0; i < n; ) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const need = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (need < 0) {
      invalid++;
      i++;
      continue;
    }
    if (i + need >= n && !complete) break; // cut by the sample's end
    let ok = i + need < n;
    for (let k = 1; ok && k <= need; k++) ok = (b[i + k]! & 0xc0) === 0x80;
    // Overlong and surrogate forms (E0 80–9F, ED A0–BF, F0 80–8F, F4 90–) are invalid too.
    const second = b[i + 1] ?? 0;
    if (ok && c === 0xe0 && second < 0xa0) ok = false;
    if (ok && c === 0xed && second > 0x9f) ok = false;
    if (ok && c === 0xf0 && second < 0x90) ok = false;
    if (ok && c === 0xf4 && second > 0x8f) ok = false;
    if (ok) {
      valid++;
      i += need + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

/** Byte order marks of encodings cchc does not read; UTF-32's comes before UTF-16's (it starts with it). */
const UNSUPPORTED_BOMS: [bytes: number[], name: string][] = [
  [[0xff, 0xfe, 0x00, 0x00], 'UTF-32LE'],
  [[0x00, 0x00, 0xfe, 0xff], 'UTF-32BE'],
  [[0x2b, 0x2f, 0x76], 'UTF-7'],
  [[0xf7, 0x64, 0x4c], 'UTF-1'],
  [[0xdd, 0x73, 0x66, 0x73], 'UTF-EBCDIC'],
  [[0x0e, 0xfe, 0xff], 'SCSU'],
  [[0xfb, 0xee, 0x28], 'BOCU-1'],
  [[0x84, 0x31, 0x95, 0x33], 'GB18030'],
];

/**
 * The name of an encoding the sample is in that cchc does not read (by its BOM, or UTF-32 by its NUL
 * bytes: three of every four), so that the user is told which it is rather than shown NUL-ridden text.
 */
export function unsupportedEncoding(b: Uint8Array): string | undefined {
  for (const [bytes, name] of UNSUPPORTED_BOMS) if (bytes.every((x, i) => b[i] === x)) return name;
  const n = Math.min(b.length, 4096) & ~3;
  if (n < 8) return undefined;
  let le = 0;
  let be = 0;
  for (let i = 0; i < n; i += 4) {
    if (b[i + 1] === 0 && b[i + 2] === 0 && b[i + 3] === 0 && b[i] !== 0) le++;
    if (b[i] === 0 && b[i + 1] === 0 && b[i + 2] === 0 && b[i + 3] !== 0) be++;
  }
  if (le > 0.3 * (n / 4)) return 'UTF-32LE';
  if (be > 0.3 * (n / 4)) return 'UTF-32BE';
  return undefined;
}

function utf16ByNuls(b: Uint8Array): TextEncoding | undefined {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) even++;
    if (b[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd > 0.3 * pairs && even < 0.05 * pairs) return 'utf-16le';
  if (even > 0.3 * pairs && odd < 0.05 * pairs) return 'utf-16be';
  return undefined;
}

/** True when the sample looks binary (NUL bytes that are not UTF-16 text). */
export function looksBinary(sample: Uint8Array): boolean {
  if (bomOf(sample) || utf16ByNuls(sample) || unsupportedEncoding(sample)) return false;
  const n = Math.min(sample.length, 8192);
  for (let i = 0; i < n; i++) if (sample[i] === 0) return true;
  return false;
}
