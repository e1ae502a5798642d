/**
 * The parts of a worksheet that follow its cells (CT_Worksheet after <sheetData>): protection, merged
 * ranges, data validations, links, page setup. Small, so they are kept as XML text until the sheet ends.
 */
import { xmlAttr, xmlText } from './xmlEscape.js';

export interface PageSetup {
  /** Excel paper code: 9 is A4. */
  paperSize: number;
  orientation: 'portrait' | 'landscape';
  /** Scale to this many pages wide / tall; 0 means as many as needed. Absent: no fitting. */
  fitToWidth?: number;
  fitToHeight?: number;
  /** Print scale in percent (10–400), used when the sheet is not fitted to pages. */
  scale?: number;
  /** Inches. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
}

/** Excel's default margins (inches), the ones its Normal margins button sets. */
export const NORMAL_MARGINS: PageSetup['margins'] = {
  left: 0.7,
  right: 0.7,
  top: 0.75,
  bottom: 0.75,
  header: 0.3,
  footer: 0.3,
};

/**
 * Sheet protection without a password: what stays allowed besides editing unlocked cells and selecting
 * cells (Excel's defaults). Structure is locked against slips, not against someone who means to change it.
 */
export interface SheetProtection {
  formatColumns?: boolean;
  formatRows?: boolean;
}

/**
 * A data validation of one cell or range (ECMA-376 §18.3.1.32). `any` accepts every value and only shows
 * the input message. Formulas are written without the leading '='; a list is `"a,b,c"`.
 */
export interface DataValidation {
  type: 'any' | 'list' | 'decimal' | 'custom';
  operator?: 'between';
  formula1?: string;
  formula2?: string;
  allowBlank?: boolean;
  /** The input message shown when the cell is selected (title at most 32 characters, text 255). */
  prompt?: { title: string; text: string };
  /** The message that stops a wrong value. */
  error?: { title: string; text: string };
}

export function protectionXml(p: SheetProtection): string {
  // An attribute set to 0 is an action the protection allows.
  let attrs = ' sheet="1" objects="1" scenarios="1"';
  if (p.formatColumns) attrs += ' formatColumns="0"';
  if (p.formatRows) attrs += ' formatRows="0"';
  return `<sheetProtection${attrs}/>`;
}

export function validationXml(ref: string, v: DataValidation): string {
  if (v.prompt && (v.prompt.title.length > 32 || v.prompt.text.length > 255)) {
    throw new Error(`xlsx input message too long for ${ref}`);
  }
  let attrs = v.type === 'any' ? '' : ` type="${v.type}"`;
  if (v.operator) attrs += ` operator="${v.operator}"`;
  if (v.allowBlank) attrs += ' allowBlank="1"';
  if (v.prompt) {
    attrs += ` showInputMessage="1" promptTitle="${xmlAttr(v.prompt.title)}" prompt="${xmlAttr(v.prompt.text)}"`;
  }
  if (v.error) {
    attrs += ` showErrorMessage="1" errorStyle="stop" errorTitle="${xmlAttr(v.error.title)}" error="${xmlAttr(v.error.text)}"`;
  }
  const formula = (n: 1 | 2, f: string | undefined) =>
    f === undefined ? '' : `<formula${n}>${xmlText(f)}</formula${n}>`;
  return `<dataValidation${attrs} sqref="${ref}">${formula(1, v.formula1)}${formula(2, v.formula2)}</dataValidation>`;
}

/** A link to a place in the workbook ("'Xã A'!A1"): no relationship part, unlike a link to a URL. */
export const linkXml = (ref: string, location: string): string =>
  `<hyperlink ref="${ref}" location="${xmlAttr(location)}"/>`;

export function pageXml(page: PageSetup): string {
  const m = page.margins;
  let setup = `paperSize="${page.paperSize}"`;
  if (page.scale !== undefined) setup += ` scale="${page.scale}"`;
  setup += ` orientation="${page.orientation}"`;
  if (page.fitToWidth !== undefined) setup += ` fitToWidth="${page.fitToWidth}"`;
  if (page.fitToHeight !== undefined) setup += ` fitToHeight="${page.fitToHeight}"`;
  return (
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
    `<pageSetup ${setup}/>`
  );
}

/** `<tag count="n">items</tag>`, or nothing for no items. */
export const listXml = (tag: string, items: readonly string[]): string =>
  items.length === 0 ? '' : `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
