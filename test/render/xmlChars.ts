/**
 * The first character XML 1.0 does not allow, even as a reference (C0 controls but tab, LF, CR; U+FFFE and
 * U+FFFF), or null. Written out here rather than taken from src, so the tests check the code against the
 * XML spec and not against itself.
 */
export function notXmlChar(text: string): string | null {
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffe || c === 0xffff) return ch;
  }
  return null;
}
