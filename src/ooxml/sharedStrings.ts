import { cellText } from './xmlEscape.js';

/** Leading or trailing whitespace, or runs and breaks, that an XML reader may drop without xml:space. */
const NEEDS_PRESERVE = /^\s|\s$|\s\s|[\t\n\r]/;

/**
 * The characters of distinct text the table holds at most (about 8 to 16 MB, twice: key and XML). A report
 * stays far below it; a 100,000-row conversion whose every note differs would not, so text past it is
 * written in its cell (an inline string), which keeps a sheet of any length in bounded memory.
 */
export const MAX_SHARED_CHARS = 4_000_000;

/** `<t>text</t>`, with xml:space="preserve" where a reader would otherwise drop white space. */
export const textElement = (text: string): string =>
  `<t${NEEDS_PRESERVE.test(text) ? ' xml:space="preserve"' : ''}>${cellText(text)}</t>`;

/**
 * xl/sharedStrings.xml: each distinct text once, cells refer to it by index. A report repeats group
 * names, band names and leaf codes on every row, so this is much smaller than inline strings.
 */
export class SharedStrings {
  readonly #ids = new Map<string, number>();
  readonly #items: string[] = [];
  #count = 0;
  #chars = 0;

  constructor(readonly maxChars = MAX_SHARED_CHARS) {}

  /**
   * The index of `text`, adding it on first use (so indices follow the order cells are written); -1 when
   * the table is full and the text is not in it: the cell then holds the text itself.
   */
  id(text: string): number {
    let id = this.#ids.get(text);
    if (id === undefined) {
      if (this.#chars + text.length > this.maxChars) return -1;
      this.#chars += text.length;
      id = this.#items.length;
      this.#ids.set(text, id);
      this.#items.push(`<si>${textElement(text)}</si>`);
    }
    this.#count++;
    return id;
  }

  toXml(): string {
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.#count}" uniqueCount="${this.#items.length}">` +
      this.#items.join('') +
      '</sst>'
    );
  }
}
