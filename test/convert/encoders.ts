// Byte encoders for golden conversions: Unicode text → the bytes an old Windows program would have saved.
import { TCVN3 } from '../../src/convert/legacyTables.js';

const TCVN3_BYTE = new Map<string, number>([...TCVN3].map(([byte, ch]) => [ch.normalize('NFC'), byte]));

/** Unicode → TCVN3 (VN3) bytes. Toned capitals are not in VN3: the tests avoid them. */
export function tcvn3Bytes(text: string): Buffer {
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const b = TCVN3_BYTE.get(ch);
      if (b === undefined) throw new Error(`no TCVN3 byte for ${ch}`);
      out.push(b);
    }
  }
  return Buffer.from(out);
}

const TONES = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
const CP1258_BYTE = new Map<string, number>();
const d1258 = new TextDecoder('windows-1258');
for (let b = 0x80; b <= 0xff; b++) CP1258_BYTE.set(d1258.decode(Uint8Array.of(b)), b);

/** Unicode → Windows-1258 bytes, as Excel's "CSV" on a Vietnamese Windows writes (tone marks combining). */
export function cp1258Bytes(text: string): Buffer {
  const out: number[] = [];
  const push = (ch: string): boolean => {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else if (CP1258_BYTE.has(ch)) out.push(CP1258_BYTE.get(ch)!);
    else return false;
    return true;
  };
  for (const ch of text.normalize('NFC')) {
    if (push(ch)) continue;
    const nfd = ch.normalize('NFD');
    // Windows-1258 has â ê ô ơ ư ă as letters and the five tones as combining bytes.
    const tone = [...nfd].find((c) => TONES.includes(c)) ?? '';
    const letter = [...nfd]
      .filter((c) => c !== tone)
      .join('')
      .normalize('NFC');
    if (!(push(letter) && (tone === '' || push(tone)))) throw new Error(`no Windows-1258 bytes for ${ch}`);
  }
  return Buffer.from(out);
}

export const utf16le = (text: string): Buffer =>
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
export const utf16be = (text: string): Buffer => {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
};
