import { cellText } from './xmlEscape.js';

/** Leading or trailing whitespace, or runs and breaks, that an XML reader may drop without xml:space. */
const NEEDS_PRESERVE = /^\s|\s$|\s\s|[\t\n\r]/;

/**
 * xl/sharedStrings.xml: each distinct text once, cells refer to it by index. A report repeats group
 * names, band names and leaf codes on every row, so this is much smaller than inline strings.
 */
export class SharedStrings {
  readonly #ids = new Map<string, number>();
  readonly #items: string[] = [];
  #count = 0;

  /** The index of `text`, adding it on first use (so indices follow the order cells are written). */
  id(text: string): number {
    this.#count++;
    let id = this.#ids.get(text);
    if (id === undefined) {
      id = this.#items.length;
      this.#ids.set(text, id);
      const space = NEEDS_PRESERVE.test(text) ? ' xml:space="preserve"' : '';
      this.#items.push(`<si><t${space}>${cellText(text)}</t></si>`);
    }
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
