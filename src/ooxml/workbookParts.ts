import { decodeXml } from './xmlMarkup.js';

/**
 * The small XML parts of an xlsx that say where the data is and how to read it: the workbook (sheet names,
 * order, visibility, 1904 dates), the relationships (which zip entry holds which sheet) and the styles
 * (which cell styles are dates). They are a few KiB, so each is matched whole with regular expressions;
 * element names may carry any namespace prefix (`x:sheet`), attributes either kind of quote.
 */

export interface WorkbookSheet {
  name: string;
  /** Relationship id (`r:id`) of the sheet's part. */
  rid: string;
  hidden: boolean;
}

export interface WorkbookInfo {
  sheets: WorkbookSheet[];
  date1904: boolean;
}

/** Every start (or empty) tag named `local` in any namespace, as its attributes by local name. */
function* elements(xml: string, local: string): Generator<Map<string, string>> {
  const tag = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${local}(\\s[^>]*)?>`, 'g');
  for (const m of xml.matchAll(tag)) yield attributes(m[1] ?? '');
}

function attributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const name = m[1]!;
    const value = decodeXml(m[2] ?? m[3] ?? '');
    out.set(name, value);
    // A prefixed attribute is also found by "prefix:" + local name under any prefix (r:id, x:id…).
    const colon = name.indexOf(':');
    if (colon > 0 && name.slice(0, colon) !== 'xmlns') out.set(`:${name.slice(colon + 1)}`, value);
  }
  return out;
}

/** The workbook part; null when it lists more than `maxSheets` sheets. */
export function parseWorkbook(xml: string, maxSheets = Number.POSITIVE_INFINITY): WorkbookInfo | null {
  const sheets: WorkbookSheet[] = [];
  for (const a of elements(xml, 'sheet')) {
    if (sheets.length >= maxSheets) return null;
    const state = a.get('state');
    sheets.push({
      name: a.get('name') ?? '',
      rid: a.get(':id') ?? '',
      hidden: state === 'hidden' || state === 'veryHidden',
    });
  }
  let date1904 = false;
  for (const a of elements(xml, 'workbookPr')) {
    const v = a.get('date1904');
    date1904 = v === '1' || v === 'true';
  }
  return { sheets, date1904 };
}

export interface Relationship {
  id: string;
  type: string;
  /** The target as a zip entry name (no leading slash), resolved against the part's folder. */
  target: string;
}

/** A .rels part; `base` is the folder of the part it belongs to ("xl/" for xl/workbook.xml). */
export function parseRels(xml: string, base: string): Relationship[] {
  const rels: Relationship[] = [];
  for (const a of elements(xml, 'Relationship')) {
    if (a.get('TargetMode') === 'External') continue;
    rels.push({
      id: a.get('Id') ?? '',
      type: a.get('Type') ?? '',
      target: resolvePart(base, a.get('Target') ?? ''),
    });
  }
  return rels;
}

function resolvePart(base: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : base + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/**
 * Built-in number formats that are dates or times (ECMA-376 §18.8.30, as exceljs lists them); other
 * built-in ids are numbers. Custom formats (id 164 and up) are judged by their code.
 */
const BUILTIN_FORMATS: Record<number, string> = {
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
};

/** The text of the first element named `local` (any prefix), start tag to end tag, or undefined. */
function section(xml: string, local: string): string | undefined {
  const name = `(?:[A-Za-z_][\\w.-]*:)?${local}`;
  return new RegExp(`<${name}[\\s>][\\s\\S]*?<\\/${name}>`).exec(xml)?.[0];
}

/** The number format code of every cell style (cellXfs), by style index; undefined for "General". */
export function parseStyleFormats(xml: string): (string | undefined)[] {
  const custom = new Map<number, string>();
  for (const a of elements(xml, 'numFmt')) {
    custom.set(Number(a.get('numFmtId')), a.get('formatCode') ?? '');
  }
  const formats: (string | undefined)[] = [];
  for (const a of elements(section(xml, 'cellXfs') ?? '', 'xf')) {
    const id = Number(a.get('numFmtId') ?? 0);
    formats.push(custom.get(id) ?? BUILTIN_FORMATS[id]);
  }
  return formats;
}

/**
 * The font name of every cell style (cellXfs → fontId → <fonts>'s <font><name val>), by style index; null
 * where the style names no font. Read only when a caller asks for cell fonts (convert's legacy fonts).
 */
export function parseStyleFonts(xml: string): (string | null)[] {
  const names: (string | null)[] = [];
  const fonts = section(xml, 'fonts') ?? '';
  for (const m of fonts.matchAll(
    /<(?:[A-Za-z_][\w.-]*:)?font(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?font>)/g,
  )) {
    const name = [...elements(m[1] ?? '', 'name')][0]?.get('val');
    names.push(name === undefined || name === '' ? null : name);
  }
  const out: (string | null)[] = [];
  for (const a of elements(section(xml, 'cellXfs') ?? '', 'xf'))
    out.push(names[Number(a.get('fontId') ?? 0)] ?? null);
  return out;
}
