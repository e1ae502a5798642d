/**
 * Legacy font text in a CSV saved by a non-Unicode program is bytes meant for a TCVN3/VNI font. The CSV
 * reader decodes such a file as Windows-1258 (not UTF-8 → the Vietnamese code page), which turns some of
 * those bytes into combining tone marks and then composes them (NFC). The legacy converter expects the
 * Windows-1252 reading of the bytes, so this gets the bytes back (one per character of Windows-1258;
 * a composed letter that code page lacks is split into its letter and its combining mark, which is how
 * it was read) and reads them as Latin-1 (which the legacy tables take as well as Windows-1252).
 */
const BYTE_OF = new Map<string, number>();
const decoder1258 = new TextDecoder('windows-1258');
for (let b = 0x80; b <= 0xff; b++) BYTE_OF.set(decoder1258.decode(Uint8Array.of(b)), b);

function pushChar(ch: string, out: number[]): boolean {
  const code = ch.codePointAt(0)!;
  if (code < 0x80) {
    out.push(code);
    return true;
  }
  const b = BYTE_OF.get(ch);
  if (b === undefined) return false;
  out.push(b);
  return true;
}

/** The Latin-1 reading of the bytes a Windows-1258 decoding came from; null if it cannot have. */
export function singleByteView(text: string): string | null {
  if (!/[^\x20-\x7e]/.test(text)) return text;
  const bytes: number[] = [];
  for (const ch of text) {
    if (pushChar(ch, bytes)) continue;
    for (const part of ch.normalize('NFD')) if (!pushChar(part, bytes)) return null;
  }
  // Latin-1 reading; the legacy tables accept it as well as CP1252's (legacyByte).
  return Buffer.from(bytes).toString('latin1'); // a spread of a long cell's bytes overflows the stack
}
