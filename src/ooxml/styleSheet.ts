import { xmlAttr } from './xmlEscape.js';

/** Colour as ARGB hex, alpha first: "FF1F3A5F". */
export type Argb = string;

export interface Font {
  bold?: boolean;
  italic?: boolean;
  /** Points; 11 when absent. */
  size?: number;
  color?: Argb;
}

export interface Alignment {
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'center' | 'bottom';
  wrapText?: boolean;
  /** Indent level (about three spaces each), as Excel's Increase Indent sets it. */
  indent?: number;
}

/** A thin line on each side given, in that colour (the report draws no other kind of line). */
export interface Border {
  left?: Argb;
  right?: Argb;
  top?: Argb;
  bottom?: Argb;
}

/**
 * What a cell looks like. Every part is optional; absent parts are the workbook defaults. The style sheet
 * remembers a style object by identity, so do not change one after a cell has used it (freeze it).
 */
export interface CellStyle {
  /** Excel number format code, e.g. "0.00" or "+0.00;-0.00;0.00". */
  numFmt?: string;
  font?: Font;
  /** Solid fill colour. */
  fill?: Argb;
  border?: Border;
  alignment?: Alignment;
  /** false: the cell stays editable when its sheet is protected (a form's input cells). */
  locked?: boolean;
}

const ARGB = /^[0-9A-F]{8}$/;
const argb = (color: Argb): string => {
  if (!ARGB.test(color)) throw new Error(`xlsx colour must be 8 upper-case hex digits (ARGB): ${color}`);
  return color;
};

/** Formats every Excel knows by number (ECMA-376 §18.8.30); writing their id keeps them localisable. */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
};
const FIRST_CUSTOM_FORMAT = 164;

const DEFAULT_FONT = '<sz val="11"/><name val="Calibri"/><family val="2"/>';

/** Interns each distinct value in first-use order: the same styles, in the same order, give the same ids. */
class Table {
  readonly items: string[] = [];
  readonly #ids = new Map<string, number>();
  constructor(...initial: string[]) {
    for (const item of initial) this.id(item);
  }
  id(item: string): number {
    let id = this.#ids.get(item);
    if (id === undefined) {
      id = this.items.length;
      this.items.push(item);
      this.#ids.set(item, id);
    }
    return id;
  }
}

/**
 * The workbook's xl/styles.xml: fonts, fills, borders and number formats, each written once, and one
 * cell format (xf) per distinct CellStyle. A style object seen before is found by identity first, so
 * 30 000 cells sharing a dozen frozen objects cost a dozen lookups of their parts, not 30 000.
 */
export class StyleSheet {
  readonly #byObject = new Map<CellStyle, number>();
  readonly #numFmts = new Map<string, number>();
  readonly #fonts = new Table(`<font>${DEFAULT_FONT}</font>`);
  // Fills 0 and 1 are reserved: Excel assumes them to be "none" and "gray125" whatever the file says.
  readonly #fills = new Table(
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  );
  readonly #borders = new Table('<border><left/><right/><top/><bottom/><diagonal/></border>');
  readonly #xfs = new Table('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');

  /** The cell format index (`s` attribute) of a style; 0, the default, for none. */
  id(style: CellStyle | undefined): number {
    if (style === undefined) return 0;
    let id = this.#byObject.get(style);
    if (id === undefined) {
      id = this.#xfs.id(this.#xf(style));
      this.#byObject.set(style, id);
    }
    return id;
  }

  #xf(style: CellStyle): string {
    const numFmtId = style.numFmt === undefined ? 0 : this.#numFmtId(style.numFmt);
    const fontId = style.font ? this.#fonts.id(fontXml(style.font)) : 0;
    const fillId = style.fill ? this.#fills.id(fillXml(style.fill)) : 0;
    const borderId = style.border ? this.#borders.id(borderXml(style.border)) : 0;
    let attrs = `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"`;
    if (numFmtId !== 0) attrs += ' applyNumberFormat="1"';
    if (fontId !== 0) attrs += ' applyFont="1"';
    if (fillId !== 0) attrs += ' applyFill="1"';
    if (borderId !== 0) attrs += ' applyBorder="1"';
    const alignment = style.alignment ? alignmentXml(style.alignment) : '';
    if (alignment) attrs += ' applyAlignment="1"';
    // CT_Xf holds alignment, then protection.
    const unlocked = style.locked === false;
    if (unlocked) attrs += ' applyProtection="1"';
    const children = alignment + (unlocked ? '<protection locked="0"/>' : '');
    return children ? `<xf ${attrs}>${children}</xf>` : `<xf ${attrs}/>`;
  }

  #numFmtId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.#numFmts.get(code);
    if (id === undefined) {
      id = FIRST_CUSTOM_FORMAT + this.#numFmts.size;
      this.#numFmts.set(code, id);
    }
    return id;
  }

  /** xl/styles.xml, children in the order CT_Stylesheet requires. */
  toXml(): string {
    const list = (tag: string, items: readonly string[]) =>
      `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
    const numFmts = [...this.#numFmts].map(
      ([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlAttr(code)}"/>`,
    );
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (numFmts.length > 0 ? list('numFmts', numFmts) : '') +
      list('fonts', this.#fonts.items) +
      list('fills', this.#fills.items) +
      list('borders', this.#borders.items) +
      list('cellStyleXfs', ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>']) +
      list('cellXfs', this.#xfs.items) +
      list('cellStyles', ['<cellStyle name="Normal" xfId="0" builtinId="0"/>']) +
      '<dxfs count="0"/><tableStyles count="0"/>' +
      '</styleSheet>'
    );
  }
}

/** CT_Font is a sequence in practice (Excel writes b, i, sz, color, name, family); keep that order. */
function fontXml(font: Font): string {
  const size = font.size ?? 11;
  if (!(size > 0 && size < 410)) throw new Error(`xlsx font size out of range: ${size}`);
  return (
    '<font>' +
    (font.bold ? '<b/>' : '') +
    (font.italic ? '<i/>' : '') +
    `<sz val="${size}"/>` +
    (font.color ? `<color rgb="${argb(font.color)}"/>` : '') +
    '<name val="Calibri"/><family val="2"/></font>'
  );
}

const fillXml = (color: Argb): string =>
  `<fill><patternFill patternType="solid"><fgColor rgb="${argb(color)}"/></patternFill></fill>`;

function borderXml(border: Border): string {
  const side = (name: keyof Border): string => {
    const color = border[name];
    return color ? `<${name} style="thin"><color rgb="${argb(color)}"/></${name}>` : `<${name}/>`;
  };
  return `<border>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border>`;
}

function alignmentXml(a: Alignment): string {
  let attrs = '';
  if (a.horizontal) attrs += ` horizontal="${a.horizontal}"`;
  if (a.vertical) attrs += ` vertical="${a.vertical}"`;
  if (a.wrapText) attrs += ' wrapText="1"';
  if (a.indent) {
    if (!(Number.isInteger(a.indent) && a.indent > 0 && a.indent <= 250))
      throw new Error(`xlsx indent out of range: ${a.indent}`);
    attrs += ` indent="${a.indent}"`;
  }
  return attrs ? `<alignment${attrs}/>` : '';
}
