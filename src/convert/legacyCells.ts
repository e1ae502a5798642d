import {
  convertLegacy,
  fromNamedFont,
  type LegacyFont,
  type LegacyFontOption,
  legacyFontOfName,
} from './legacyFont.js';

/**
 * Which legacy font a text cell is decoded from, decided cell by cell (docs/commands.md, cchc convert):
 * - a cell whose workbook font is a legacy one (".VnTime", ".VnTimeH" capitals, "VNI-Times") is decoded
 *   from that font, since that is how Excel draws it, so a Unicode header row and TCVN3 unit names in one
 *   file both come out right;
 * - every other text (another font, or no font at all: CSV, JSON) gets the file's font: the one given with
 *   --legacy-font, or under `auto` the one detection finds over exactly those texts (LegacyFontDetector),
 *   which never changes ordinary Unicode text;
 * - `none` changes nothing.
 */
export class LegacyCells {
  /** Text cells that came out different. */
  cells = 0;
  /** The fonts those cells were decoded from. */
  readonly fonts = new Set<LegacyFont>();

  /**
   * `fileFont`: the font of texts without a legacy font name (null: left as they are). `view`: the
   * characters a legacy decoder expects for a text as read (singleByteView for a Windows-1258 CSV); null
   * when the text cannot be legacy bytes.
   */
  constructor(
    readonly option: LegacyFontOption,
    readonly fileFont: LegacyFont | null,
    private readonly view: (s: string) => string | null = (s) => s,
  ) {}

  /** The cell's text in Unicode. */
  text(text: string, fontName: string | null | undefined): string {
    if (this.option === 'none') return text;
    const named = legacyFontOfName(fontName);
    let font: LegacyFont | null = null;
    let out = text;
    if (named !== null) {
      out = fromNamedFont(text, named);
      font = named.font;
    } else if (this.fileFont !== null) {
      const bytes = this.view(text);
      if (bytes === null) return text;
      const converted = convertLegacy(bytes, this.fileFont);
      if (converted.changed) out = converted.text;
      font = this.fileFont;
    }
    if (out === text || font === null) return text;
    this.cells++;
    this.fonts.add(font);
    return out;
  }

  /** A sheet name (no font of its own): the file's font, not counted as a cell. */
  sheetName(name: string): string {
    if (this.option === 'none' || this.fileFont === null) return name;
    const bytes = this.view(name);
    if (bytes === null) return name;
    const converted = convertLegacy(bytes, this.fileFont);
    return converted.changed ? converted.text : name;
  }
}
