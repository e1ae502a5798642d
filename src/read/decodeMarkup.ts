import { detectEncoding, encodingByName } from './decodeText.js';

/**
 * The text of an HTML or XML export. A byte order mark or --encoding decides; else the charset the file
 * declares (`<meta charset>`, `<?xml encoding>`) when the platform knows it; else the CSV reader's guess
 * (UTF-8 when valid, otherwise Windows-1258).
 */
export function decodeMarkup(bytes: Buffer, forced: string | undefined): string {
  const detected = detectEncoding(bytes, true, forced);
  if (forced !== undefined || detected.bom > 0)
    return decode(bytes.subarray(detected.bom), detected.encoding);
  const declared = declaredCharset(bytes.toString('latin1', 0, 4096));
  if (declared !== undefined) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // a label the platform does not know: fall back to the guess
    }
  }
  return decode(bytes, detected.encoding);
}

const decode = (bytes: Buffer, encoding: string) => new TextDecoder(encodingByName(encoding)).decode(bytes);

function declaredCharset(head: string): string | undefined {
  const m =
    /<meta[^>]*charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return m?.[1];
}
