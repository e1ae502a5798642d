import { createRequire } from 'node:module';
import type { CellValue, RawRow } from '../model/cell.js';
import { nfc } from './decodeText.js';

/**
 * The XML inside an xlsx, parsed with exceljs's own SAX helper (saxes) but fed by a *streaming* UTF-8
 * decoder. exceljs 4.4 decodes each inflated chunk on its own (lib/utils/browser-buffer-decode.js), so a
 * Vietnamese letter split between two chunks becomes U+FFFD twice: about 1 string in 800 in a large
 * workbook. Hence these readers for worksheets and shared strings; exceljs still does the zip, the
 * workbook, the relationships and the styles.
 */
interface SaxNode {
  name: string;
  attributes: Record<string, string | undefined>;
}
type SaxEvent =
  | { eventType: 'opentag'; value: SaxNode }
  | { eventType: 'closetag'; value: SaxNode }
  | { eventType: 'text'; value: string };
type ParseSax = (chunks: AsyncIterable<string>) => AsyncIterable<SaxEvent[]>;

const requireCjs = createRequire(import.meta.url);
const parseSax = requireCjs('exceljs/lib/utils/parse-sax.js') as ParseSax;
/**
 * exceljs's way of reading a zip entry. Node's own stream iterator destroys the entry when done, which can
 * end unzipper's parse early: the entries after it (workbook.xml, say) are then never seen.
 */
export const iterateEntry = requireCjs('exceljs/lib/utils/iterate-stream.js') as (
  entry: NodeJS.ReadableStream,
) => AsyncIterable<Uint8Array>;

async function* utf8(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

/** OOXML escapes control characters as _xHHHH_ (Excel writes _x000D_ for a carriage return). */
const decodeEscapes = (s: string): string =>
  s.includes('_x')
    ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : s;

/** Shared strings as plain text: rich text runs concatenated, phonetic runs (rPh) left out. */
export async function readSharedStrings(chunks: AsyncIterable<Uint8Array>): Promise<string[]> {
  const strings: string[] = [];
  let text = '';
  let inText = false;
  let inPhonetic = false;
  for await (const events of parseSax(utf8(chunks))) {
    for (const event of events) {
      if (event.eventType === 'text') {
        if (inText) text += event.value;
      } else if (event.eventType === 'opentag') {
        const name = event.value.name;
        if (name === 't') inText = !inPhonetic;
        else if (name === 'si') text = '';
        else if (name === 'rPh') inPhonetic = true;
      } else {
        const name = event.value.name;
        if (name === 't') inText = false;
        else if (name === 'si') strings.push(nfc(decodeEscapes(text)));
        else if (name === 'rPh') inPhonetic = false;
      }
    }
  }
  return strings;
}

export interface SheetContext {
  sharedStrings: readonly string[] | undefined;
  /** Whether the cell style `s` has a date number format. */
  isDateStyle: (style: number) => boolean;
  date1904: boolean;
  /** Called with the running count of <row> elements so the caller can enforce its cap. */
  onRow: (count: number) => void;
  corrupt: (reason: string) => Error;
}

const MAX_COLUMN = 16383; // XFD

/** Column index (0-based) from an A1 reference, reading only the letters. */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + c - 64;
  }
  return col - 1;
}

/**
 * Rows of one worksheet. Per cell: one state object update and one value; per row: the cells array and the
 * RawRow. Rows without any value are skipped (their numbers are kept by the others).
 */
export async function* sheetRows(
  chunks: AsyncIterable<Uint8Array>,
  ctx: SheetContext,
): AsyncGenerator<RawRow> {
  const { sharedStrings, isDateStyle, date1904 } = ctx;
  let rowNumber = 0;
  let rowCount = 0;
  let cells: CellValue[] | null = null;
  let col = -1;
  let type: string | undefined;
  let style = 0;
  let formula = false;
  let text: string | null = null;
  let inCell = false;
  let collecting = false;
  let inPhonetic = false;

  const value = (): CellValue => {
    if (text === null) return formula ? { error: 'NO_CACHED_VALUE' } : null;
    switch (type) {
      case 's': {
        const s = sharedStrings?.[Number(text)];
        return s === undefined || s === '' ? null : s;
      }
      case 'str':
      case 'inlineStr':
        return text === '' ? null : nfc(decodeEscapes(text));
      case 'b':
        return text === '1' || text === 'true';
      case 'e':
        return { error: text };
      case 'd': {
        const d = new Date(text);
        return Number.isNaN(d.getTime()) ? text : d;
      }
      default: {
        if (text === '') return formula ? { error: 'NO_CACHED_VALUE' } : null;
        const n = Number(text);
        if (Number.isNaN(n)) return text;
        return isDateStyle(style) ? excelDate(n, date1904) : n;
      }
    }
  };

  for await (const events of parseSax(utf8(chunks))) {
    for (const event of events) {
      if (event.eventType === 'text') {
        if (collecting) text += event.value;
      } else if (event.eventType === 'opentag') {
        const { name, attributes } = event.value;
        if (name === 'c') {
          if (cells === null) continue;
          const ref = attributes.r;
          col = ref ? columnOf(ref) : col + 1;
          if (col < 0 || col > MAX_COLUMN) throw ctx.corrupt(`bad cell reference ${ref ?? ''}`);
          type = attributes.t;
          style = attributes.s ? Number(attributes.s) : 0;
          formula = false;
          text = null;
          inCell = true;
        } else if (name === 'v') {
          if (inCell) {
            collecting = true;
            text = '';
          }
        } else if (name === 'row') {
          const r = attributes.r;
          rowNumber = r ? Number(r) : rowNumber + 1;
          ctx.onRow(++rowCount);
          cells = [];
          col = -1;
        } else if (name === 't') {
          // <is><t>…</t></is> or rich inline runs <is><r><t>…</t></r>…</is>
          if (inCell && !inPhonetic) {
            collecting = true;
            text ??= '';
          }
        } else if (name === 'f') {
          if (inCell) formula = true;
        } else if (name === 'rPh') inPhonetic = true;
      } else {
        const name = event.value.name;
        if (name === 'v' || name === 't') collecting = false;
        else if (name === 'c') {
          if (!inCell || cells === null) continue;
          inCell = false;
          const v = value();
          if (v === null) continue;
          while (cells.length < col) cells.push(null);
          cells[col] = v;
        } else if (name === 'row') {
          if (cells !== null && cells.length > 0) yield { row: rowNumber, cells };
          cells = null;
        } else if (name === 'rPh') inPhonetic = false;
      }
    }
  }
}

/** Excel serial day → Date (UTC), as exceljs does; 1904-based workbooks are offset by 1462 days. */
export const excelDate = (serial: number, date1904: boolean): Date =>
  new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

/** exceljs's rule: a number format is a date format if, outside quotes and [..], it has y m d h s or b. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}
