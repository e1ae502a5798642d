/**
 * Small readers of XML markup held in a string, for the worksheet scanner and the workbook parts: entity
 * references, attributes read in place (s[from, to) is a start tag's attribute text), element names.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML character and entity references in attribute values. */
export function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref] ?? whole;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * Where the value of attribute `name` starts in the start tag s[from, to) (just after its opening quote),
 * or -1. The name must be whole: preceded by white space, followed by optional spaces and '='.
 */
function attributeAt(s: string, from: number, to: number, name: string): number {
  for (;;) {
    const at = s.indexOf(name, from);
    if (at < 0 || at >= to) return -1;
    from = at + name.length;
    const before = s.charCodeAt(at - 1);
    if (before !== 0x20 && before !== 0x09 && before !== 0x0a && before !== 0x0d) continue;
    let i = from;
    while (s.charCodeAt(i) === 0x20) i++;
    if (s.charCodeAt(i) !== 0x3d) continue; // '='
    i++;
    while (s.charCodeAt(i) === 0x20) i++;
    const quote = s.charCodeAt(i);
    return quote === 0x22 || quote === 0x27 ? i + 1 : -1;
  }
}

/** The attribute's value as a string (entities decoded), or undefined. */
export function attribute(s: string, from: number, to: number, name: string): string | undefined {
  const start = attributeAt(s, from, to, name);
  if (start < 0) return undefined;
  const end = s.indexOf(s[start - 1]!, start);
  if (end < 0 || end > to) return undefined;
  const value = s.slice(start, end);
  return value.includes('&') ? decodeXml(value) : value;
}

/** The 0-based column of an A1 reference s[start, end) ("AB12" → 27), reading only the letters. */
export function columnIn(s: string, start: number, end: number): number {
  let col = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + c - 64;
  }
  return col - 1;
}

/** Plain digits s[start, end) as a number (0 when empty); NaN, so no style and not a date, otherwise. */
export function digitsIn(s: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    n = n * 10 + d;
  }
  return n;
}

/** Cell types as constants, so that a type is compared, not allocated, per cell. */
const CELL_TYPES = ['s', 'str', 'inlineStr', 'b', 'e', 'd', 'n'];

export function typeIn(s: string, start: number, end: number): string {
  for (const t of CELL_TYPES) if (end - start === t.length && s.startsWith(t, start)) return t;
  return s.slice(start, end);
}

/** An element name; the names of cells and rows are constants rather than a new string per tag. */
export function nameAt(s: string, start: number, end: number): string {
  if (end - start === 1) {
    switch (s.charCodeAt(start)) {
      case 0x63:
        return 'c';
      case 0x76:
        return 'v';
      case 0x66:
        return 'f';
      case 0x74:
        return 't';
      case 0x72:
        return 'r';
    }
  } else if (end - start === 3 && s.startsWith('row', start)) return 'row';
  return s.slice(start, end);
}

/** The local name of an element (no prefix) from the text after '<' or '</'. */
export function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

/** Character data as an XML parser hands it over: line ends normalised to \n, then references decoded. */
export function xmlText(raw: string): string {
  const lines = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  return lines.includes('&') ? decodeXml(lines) : lines;
}
