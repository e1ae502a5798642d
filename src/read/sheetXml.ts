import { createRequire } from 'node:module';
import type { CellValue } from '../model/cell.js';
import { nfc } from './decodeText.js';

/**
 * The worksheets and shared strings of an xlsx, parsed with exceljs's SAX helper (saxes) fed by a
 * *streaming* UTF-8 decoder: exceljs 4.4 decodes each inflated chunk on its own
 * (lib/utils/browser-buffer-decode.js), so a Vietnamese letter split between two chunks would become
 * U+FFFD twice, about 1 string in 800 in a large workbook.
 */
interface SaxNode {
  name: string;
  attributes: Record<string, string | undefined>;
}
export type SaxEvent =
  | { eventType: 'opentag'; value: SaxNode }
  | { eventType: 'closetag'; value: SaxNode }
  | { eventType: 'text'; value: string };
type ParseSax = (chunks: AsyncIterable<string>) => AsyncIterable<SaxEvent[]>;

const requireCjs = createRequire(import.meta.url);
const parseSax = requireCjs('exceljs/lib/utils/parse-sax.js') as ParseSax;

async function* utf8(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

/** The XML of a zip entry as batches of SAX events (text decoded across chunk boundaries). */
export const saxEvents = (chunks: AsyncIterable<Uint8Array>): AsyncIterable<SaxEvent[]> =>
  parseSax(utf8(chunks));

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
  for await (const events of saxEvents(chunks)) {
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

/** What a cell's XML said: its type (`t`), style (`s`), whether it has a formula, and its value text. */
export interface CellXml {
  type: string | undefined;
  style: number;
  formula: boolean;
  /** The text of <v> or of the inline string's <t> runs; null when the cell has neither. */
  text: string | null;
}

/** The plain value of a cell (SPEC §4 reads numbers, text, booleans, errors and dates). */
export function cellValue(cell: CellXml, ctx: SheetContext): CellValue {
  const { text, type, formula } = cell;
  if (text === null) return formula ? { error: 'NO_CACHED_VALUE' } : null;
  switch (type) {
    case 's': {
      const s = ctx.sharedStrings?.[Number(text)];
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
      return ctx.isDateStyle(cell.style) ? excelDate(n, ctx.date1904) : n;
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
