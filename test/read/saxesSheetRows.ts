// The worksheet and shared-strings readers as they were before src/ooxml/sheetScan.ts: saxes (a real XML
// parser, a declared dev dependency) fed by a streaming UTF-8 decoder. Kept here as the oracle the fast scanner is
// checked against (test/read/sheetScan.test.ts).
import { SaxesParser } from 'saxes';
import type { CellValue, RawRow } from '../../src/model/cell.js';
import { cellValue, decodeEscapes, type SheetContext } from '../../src/ooxml/cellValue.js';
import { nfc } from '../../src/ooxml/nfc.js';

interface SaxNode {
  name: string;
  attributes: Record<string, string | undefined>;
}
type SaxEvent =
  | { eventType: 'opentag'; value: SaxNode }
  | { eventType: 'closetag'; value: SaxNode }
  | { eventType: 'text'; value: string };

/** saxes's events, a batch per chunk of text (what exceljs's parse-sax helper did). */
async function* parseSax(chunks: AsyncIterable<string>): AsyncGenerator<SaxEvent[]> {
  const parser = new SaxesParser();
  let error: Error | undefined;
  let events: SaxEvent[] = [];
  parser.on('error', (e) => {
    error = e;
  });
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value: value as SaxNode }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value: value as SaxNode }));
  for await (const chunk of chunks) {
    parser.write(chunk);
    if (error) throw error;
    yield events;
    events = [];
  }
}

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
const saxEvents = (chunks: AsyncIterable<Uint8Array>): AsyncIterable<SaxEvent[]> => parseSax(utf8(chunks));

/** Shared strings as plain text: rich text runs concatenated, phonetic runs (rPh) left out. */
export async function saxesSharedStrings(chunks: AsyncIterable<Uint8Array>): Promise<string[]> {
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
export async function* saxesSheetRows(
  chunks: AsyncIterable<Uint8Array>,
  ctx: SheetContext,
): AsyncGenerator<RawRow> {
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

  const value = (): CellValue => cellValue({ type, style, formula, text, values: 1 }, ctx);

  for await (const events of saxEvents(chunks)) {
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
