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
 * have a zero high byte); else UTF-8 if the sample is valid UTF-8; else Windows-1258.
 * `complete` says the sample is the whole input (an incomplete final UTF-8 sequence is then invalid).
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
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !complete });
    return { encoding: 'utf-8', bom: 0 };
  } catch {
    return { encoding: 'windows-1258', bom: 0 };
  }
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
  if (bomOf(sample) || utf16ByNuls(sample)) return false;
  const n = Math.min(sample.length, 8192);
  for (let i = 0; i < n; i++) if (sample[i] === 0) return true;
  return false;
}
