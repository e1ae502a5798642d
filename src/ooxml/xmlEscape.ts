/**
 * Escaping for the XML parts of an xlsx. XML 1.0 cannot hold most C0 control characters at all (not even
 * as character references), and a parser turns a literal CR into LF, so text from the inputs needs more
 * than `&` and `<`. Lone UTF-16 surrogates need nothing here: encoding the part as UTF-8 (Buffer.from)
 * writes them as U+FFFD.
 */

/**
 * C0 controls other than tab, LF and CR, and the two non-characters U+FFFE/U+FFFF: not allowed in XML.
 * As the body of a regular expression character class.
 */
export const FORBIDDEN = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF';
const FORBIDDEN_CHARS = new RegExp(`[${FORBIDDEN}]`, 'g');

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

const TEXT_SPECIAL = /[&<>\r]/;
const TEXT_CHARS = /[&<>\r]/g;
/** Element text: & < > escaped, CR as a character reference (kept, not turned into LF), controls dropped. */
export function xmlText(text: string): string {
  const clean = text.replace(FORBIDDEN_CHARS, '');
  return TEXT_SPECIAL.test(clean) ? clean.replace(TEXT_CHARS, (c) => ENTITIES[c]!) : clean;
}

const ATTR_CHARS = /[&<>"\t\n\r]/g;
/** Attribute value in double quotes: whitespace as references too, since parsers turn it into spaces. */
export function xmlAttr(text: string): string {
  return text.replace(FORBIDDEN_CHARS, '').replace(ATTR_CHARS, (c) => ENTITIES[c]!);
}

/**
 * Cell text (SpreadsheetML ST_Xstring): characters XML cannot hold, and CR, are written as `_xHHHH_`,
 * the escape Excel and LibreOffice decode. Text that already looks like such an escape gets its
 * underscore escaped (`_x005F_`), so "_x0041_" typed by a user reads back as itself and not as "A".
 */
const CELL_SPECIAL = new RegExp(`[&<>\\r${FORBIDDEN}]|_x[0-9A-Fa-f]{4}_`);
const CELL_CHARS = new RegExp(`[&<>\\r${FORBIDDEN}]|_(?=x[0-9A-Fa-f]{4}_)`, 'g');
export function cellText(text: string): string {
  if (!CELL_SPECIAL.test(text)) return text;
  return text.replace(CELL_CHARS, (c) =>
    c === '&' || c === '<' || c === '>'
      ? ENTITIES[c]!
      : `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
}
