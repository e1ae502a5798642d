import { type CellXml, cellValue, decodeEscapes, type SheetContext } from './cellValue.js';
import { nfc } from './nfc.js';
import type { SheetCell, SheetRow } from './sheetRow.js';
import { attribute, columnIn, digitsIn, localName, nameAt, typeIn, xmlText } from './xmlMarkup.js';

/**
 * Rows of one worksheet, scanned straight from its XML text: a batch of rows per chunk.
 *
 * Why not a general XML parser: a province's 30,000-row sheet took ~0.3 s in saxes, a third of the
 * 1 s budget for the whole run. Worksheet XML is a flat, regular format (row > c > v | f | is > t), so
 * this scanner reads the common cell in one regex match (PLAIN_CELL), finds other tags with `indexOf`,
 * reads only the attributes it needs (row r; c r, t, s) and keeps the text of <v> and <t> only in a cell. It still checks what a parser would: every end tag must
 * close the element that is open, the document must end with every element closed, and a DTD is refused
 * (OOXML has none; no entity is ever expanded). The test suite checks it against saxes on generated sheets.
 */
export async function* sheetRows(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  ctx: SheetContext,
): AsyncGenerator<SheetRow[]> {
  const decoder = new TextDecoder('utf-8');
  const scanner = new SheetScanner(ctx);
  for await (const chunk of chunks) yield scanner.push(decoder.decode(chunk, { stream: true }));
  const rows = scanner.push(decoder.decode());
  scanner.end();
  yield rows;
}

/**
 * The shared strings table (xl/sharedStrings.xml) as plain text, read by the same scanner: each <si>'s
 * <t> runs concatenated, phonetic runs (rPh) left out, NFC.
 */
export async function readSharedStrings(
  chunks: AsyncIterable<Uint8Array>,
  corrupt: (reason: string) => Error,
): Promise<string[]> {
  const decoder = new TextDecoder('utf-8');
  const scanner = new SheetScanner({
    sharedStrings: undefined,
    isDateStyle: () => false,
    date1904: false,
    onRow: () => {},
    corrupt,
  });
  for await (const chunk of chunks) scanner.push(decoder.decode(chunk, { stream: true }));
  scanner.push(decoder.decode());
  scanner.end();
  return scanner.strings;
}

const MAX_COLUMN = 16383; // XFD

/**
 * A cell in the form Excel and exceljs write nearly every one of them: `r`, then optional `s` and `t`,
 * then an optional plain <v> (no entity, no carriage return), closed at once. Anything else (formulas,
 * inline strings, other attributes or orders, prefixes, a cell cut by the chunk end) fails the match
 * and goes through the general scanner below.
 */
const PLAIN_CELL = /<c r="([A-Z]{1,3})\d+"(?: s="(\d+)")?(?: t="([a-zA-Z]+)")?>(?:<v>([^<&\r]*)<\/v>)?<\/c>/y;

class SheetScanner {
  /** Text of an incomplete tag (or tail) left from the previous chunk. */
  private carry = '';
  /** Qualified names of the open elements, for the end-tag check. */
  private readonly open: string[] = [];
  /** Their local names (the same strings for the names this scanner knows). */
  private readonly localOpen: string[] = [];
  private sawRoot = false;
  private rowNumber = 0;
  private rowCount = 0;
  private cells: SheetCell[] | null = null;
  /** The style of each cell of the row, when the context asks for them (null otherwise: no cost). */
  private styles: number[] | null = null;
  private col = -1;
  private inCell = false;
  private inPhonetic = false;
  /** Collecting the text of a <v> or <t>: raw XML text, entities decoded when the cell ends. */
  private collecting = false;
  private readonly cell: CellXml = { type: undefined, style: 0, formula: false, text: null };
  /** The <si> items of a shared strings table, when that is what is scanned. */
  readonly strings: string[] = [];

  constructor(private readonly ctx: SheetContext) {}

  /** The rows completed by this text. */
  push(chunk: string): SheetRow[] {
    const out: SheetRow[] = [];
    const s = this.carry === '' ? chunk : this.carry + chunk;
    this.carry = '';
    const n = s.length;
    let i = 0;
    while (i < n) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        if (this.collecting) this.cell.text += s.slice(i);
        break;
      }
      if (lt > i && this.collecting) this.cell.text += s.slice(i, lt);
      if (this.cells !== null && !this.inCell && s.charCodeAt(lt + 1) === 0x63) {
        // The common cell, as Excel and exceljs write it, in one native regex match.
        PLAIN_CELL.lastIndex = lt;
        const m = PLAIN_CELL.exec(s);
        if (m !== null) {
          this.plainCell(m);
          i = PLAIN_CELL.lastIndex;
          continue;
        }
      }
      const end = this.tagEnd(s, lt);
      if (end < 0) {
        this.carry = s.slice(lt);
        break;
      }
      this.tag(s, lt, end, out);
      i = end + 1;
    }
    return out;
  }

  end(): void {
    if (this.carry !== '') throw this.ctx.corrupt('the XML ends inside a tag');
    if (!this.sawRoot) throw this.ctx.corrupt('no XML document');
    if (this.open.length > 0) throw this.ctx.corrupt(`the XML ends before </${this.open.at(-1)}>`);
  }

  /** A cell matched by PLAIN_CELL: [, column letters, style, type, value text]. */
  private plainCell(m: RegExpExecArray): void {
    const letters = m[1]!;
    const col = columnIn(letters, 0, letters.length);
    if (col > MAX_COLUMN) throw this.ctx.corrupt(`bad cell reference ${letters}`);
    this.col = col;
    const cell = this.cell;
    cell.type = m[3];
    cell.style = m[2] === undefined ? 0 : Number(m[2]);
    cell.formula = false;
    cell.text = m[4] ?? null;
    const v = cellValue(cell, this.ctx);
    if (v === null) return;
    const cells = this.cells!;
    while (cells.length < col) cells.push(null);
    cells[col] = v;
    if (this.styles !== null) this.keepStyle(col, cell.style);
  }

  private keepStyle(col: number, style: number): void {
    const styles = this.styles!;
    while (styles.length < col) styles.push(-1);
    styles[col] = style;
  }

  /** Index of the '>' that ends the markup starting at `lt`, or -1 when it is not all here yet. */
  private tagEnd(s: string, lt: number): number {
    const next = s.charCodeAt(lt + 1);
    if (next === 0x21) {
      // '!': a comment, CDATA or a DTD
      if (s.startsWith('<!--', lt)) {
        const e = s.indexOf('-->', lt + 4);
        return e < 0 ? -1 : e + 2;
      }
      if (s.startsWith('<![CDATA[', lt)) {
        const e = s.indexOf(']]>', lt + 9);
        return e < 0 ? -1 : e + 2;
      }
      if (lt + 9 > s.length) return -1;
      throw this.ctx.corrupt('a DTD or other declaration inside the worksheet XML');
    }
    if (next === 0x3f) {
      const e = s.indexOf('?>', lt + 2);
      return e < 0 ? -1 : e + 1;
    }
    // A start or end tag: '>' outside attribute quotes.
    let quote = 0;
    for (let i = lt + 1; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === 0x3e) return i;
      else if (c === 0x22 || c === 0x27) quote = c;
      else if (c === 0x3c) throw this.ctx.corrupt('a "<" inside a tag');
    }
    return -1;
  }

  private tag(s: string, lt: number, gt: number, out: SheetRow[]): void {
    const first = s.charCodeAt(lt + 1);
    if (first === 0x3f) return; // <?xml …?>
    if (first === 0x21) {
      // CDATA: literal text; escaped so that decoding the collected text at the end restores it.
      if (this.collecting && s.startsWith('<![CDATA[', lt)) {
        this.cell.text += s
          .slice(lt + 9, gt - 2)
          .replaceAll('&', '&amp;')
          .replaceAll('<', '&lt;');
      }
      return;
    }
    if (first === 0x2f) {
      const expected = this.open.pop();
      const after = lt + 2 + (expected?.length ?? 0);
      if (expected === undefined || !s.startsWith(expected, lt + 2) || s.slice(after, gt).trim() !== '') {
        const name = s.slice(lt + 2, gt).trim();
        throw this.ctx.corrupt(
          expected === undefined
            ? `an unexpected </${name}>`
            : `</${name}> where </${expected}> was expected`,
        );
      }
      this.close(this.localOpen.pop()!, out);
      return;
    }
    const selfClosing = s.charCodeAt(gt - 1) === 0x2f;
    let nameEnd = lt + 1;
    while (nameEnd < gt) {
      const c = s.charCodeAt(nameEnd);
      if (c === 0x20 || c === 0x2f || c === 0x0a || c === 0x09 || c === 0x0d) break;
      nameEnd++;
    }
    const name = nameAt(s, lt + 1, nameEnd);
    if (name === '') throw this.ctx.corrupt('a tag without a name');
    if (this.open.length === 0) {
      if (this.sawRoot) throw this.ctx.corrupt('a second root element');
      this.sawRoot = true;
    }
    const local = localName(name);
    this.openElement(local, s, nameEnd, selfClosing ? gt - 1 : gt);
    if (selfClosing) this.close(local, out);
    else {
      this.open.push(name);
      this.localOpen.push(local);
    }
  }

  /**
   * The attributes of a <c> tag in s[from, to), in one pass: `t` and `s` into the cell, and the column of
   * `r` returned (-2 without one). Other attributes (cm, vm, ph…) are skipped.
   */
  private cellAttributes(s: string, from: number, to: number): number {
    let col = -2;
    let i = from;
    while (i < to) {
      const c = s.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2f) {
        i++;
        continue;
      }
      const nameStart = i;
      while (i < to) {
        const d = s.charCodeAt(i);
        if (d === 0x3d || d === 0x20 || d === 0x09 || d === 0x0a || d === 0x0d) break;
        i++;
      }
      const nameLength = i - nameStart;
      while (i < to && s.charCodeAt(i) !== 0x3d) i++; // '='
      i++;
      while (i < to && s.charCodeAt(i) !== 0x22 && s.charCodeAt(i) !== 0x27) i++;
      if (i >= to) break;
      const start = i + 1;
      const end = s.indexOf(s[i]!, start);
      if (end < 0 || end > to) break;
      if (nameLength === 1) {
        const name = s.charCodeAt(nameStart);
        if (name === 0x72) col = columnIn(s, start, end);
        else if (name === 0x74) this.cell.type = typeIn(s, start, end);
        else if (name === 0x73) this.cell.style = digitsIn(s, start, end);
      }
      i = end + 1;
    }
    return col;
  }

  /** An element starts; its attributes are s[from, to). */
  private openElement(local: string, s: string, from: number, to: number): void {
    const cell = this.cell;
    switch (local) {
      case 'c': {
        if (this.cells === null) return;
        cell.type = undefined;
        cell.style = 0;
        const col = this.cellAttributes(s, from, to);
        this.col = col === -2 ? this.col + 1 : col;
        if (this.col < 0 || this.col > MAX_COLUMN) {
          throw this.ctx.corrupt(`bad cell reference ${attribute(s, from, to, 'r') ?? ''}`);
        }
        cell.formula = false;
        cell.text = null;
        this.inCell = true;
        return;
      }
      case 'v':
        if (this.inCell) {
          this.collecting = true;
          cell.text = '';
        }
        return;
      case 't':
        // <is><t>…</t></is> or rich inline runs <is><r><t>…</t></r>…</is>
        if (this.inCell && !this.inPhonetic) {
          this.collecting = true;
          cell.text ??= '';
        }
        return;
      case 'f':
        if (this.inCell) cell.formula = true;
        return;
      case 'row': {
        const r = attribute(s, from, to, 'r');
        this.rowNumber = r ? Number(r) : this.rowNumber + 1;
        this.ctx.onRow(++this.rowCount);
        this.cells = [];
        if (this.ctx.keepStyles === true) this.styles = [];
        this.col = -1;
        return;
      }
      case 'rPh':
        this.inPhonetic = true;
        return;
      case 'mergeCell':
        this.ctx.onMerge?.(attribute(s, from, to, 'ref') ?? '');
        return;
      case 'si':
        this.inCell = true;
        cell.text = null;
        return;
    }
  }

  private close(local: string, out: SheetRow[]): void {
    switch (local) {
      case 'v':
      case 't':
        this.collecting = false;
        return;
      case 'c': {
        if (!this.inCell || this.cells === null) return;
        this.inCell = false;
        const cell = this.cell;
        if (cell.text !== null) cell.text = xmlText(cell.text);
        const v = cellValue(cell, this.ctx);
        if (v === null) return;
        while (this.cells.length < this.col) this.cells.push(null);
        this.cells[this.col] = v;
        if (this.styles !== null) this.keepStyle(this.col, cell.style);
        return;
      }
      case 'row':
        if (this.cells !== null && this.cells.length > 0) {
          out.push(
            this.styles === null
              ? { row: this.rowNumber, cells: this.cells }
              : { row: this.rowNumber, cells: this.cells, styles: this.styles },
          );
        }
        this.cells = null;
        this.styles = null;
        return;
      case 'rPh':
        this.inPhonetic = false;
        return;
      case 'si': {
        this.inCell = false;
        const text = this.cell.text;
        this.strings.push(text === null ? '' : nfc(decodeEscapes(xmlText(text))));
        return;
      }
    }
  }
}
