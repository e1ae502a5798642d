import type { SheetContext } from './cellValue.js';
import type { Corrupt } from './errors.js';
import { SheetBytes } from './sheetBytes.js';
import type { SheetRow, SheetRowSink } from './sheetRow.js';
import { type SharedStringLimits, SheetScanner } from './sheetScan.js';

/**
 * Rows of one worksheet, scanned straight from its XML text: a batch of rows per chunk, or pumped.
 *
 * Why not a general XML parser: a province's 30,000-row sheet took ~0.3 s in saxes, a third of the
 * 1 s budget for the whole run. Worksheet XML is a flat, regular format (row > c > v | f | is > t), so
 * the scanner (sheetScan.ts) reads the common cell by hand (plainCell.ts), and the rest through MarkupScanner
 * (tags found with `indexOf`, in linear time whatever the markup holds), reading only the attributes it
 * needs (row r; c r, t, s) and keeping the text of <v> and <t> only in a cell, up to `maxCellChars`. The
 * test suite checks it against saxes on generated sheets.
 */
export async function* sheetRows(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  ctx: SheetContext,
): AsyncGenerator<SheetRow[]> {
  const reader = new SheetRowReader(chunks, ctx);
  for (let rows = await reader.next(); rows !== null; rows = await reader.next()) yield rows;
}

/**
 * A worksheet's rows, chunk by chunk: a batch of rows per chunk (next), or the rest of the sheet pumped into
 * a sink as each row closes, in one array reused for every row (pump).
 */
export class SheetRowReader {
  private readonly it: AsyncIterator<Uint8Array> | Iterator<Uint8Array>;
  private readonly decoder = new TextDecoder('utf-8');
  private readonly scanner: SheetScanner;
  private done = false;
  /** Some text was decoded already (the decoder's state carries on into the pump). */
  private decoded = false;

  constructor(
    chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
    private readonly ctx: SheetContext,
  ) {
    this.it = Symbol.asyncIterator in chunks ? chunks[Symbol.asyncIterator]() : chunks[Symbol.iterator]();
    this.scanner = new SheetScanner(ctx);
  }

  /** The rows the next chunk completes; null once the sheet is read. */
  async next(): Promise<SheetRow[] | null> {
    if (this.done) return null;
    const chunk = await this.it.next();
    this.decoded = true;
    if (!chunk.done) return this.scanner.push(this.decoder.decode(chunk.value, { stream: true }));
    this.done = true;
    const rows = this.scanner.push(this.decoder.decode());
    this.scanner.end();
    return rows;
  }

  /**
   * The rows not read yet, into `sink`, to the end of the sheet, read from the bytes where they are of the
   * common form (sheetBytes.ts).
   */
  async pump(sink: SheetRowSink): Promise<void> {
    this.scanner.sink = sink;
    if (this.done) return;
    const bytes = new SheetBytes(this.scanner, this.ctx, this.decoded ? this.decoder : undefined);
    for (let chunk = await this.it.next(); !chunk.done; chunk = await this.it.next()) {
      const b = chunk.value;
      bytes.push(Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength));
    }
    this.done = true;
    bytes.end();
    this.scanner.end();
  }

  /** Stops early: the chunks' source is told (a zip entry then checks what it inflated). */
  async return(): Promise<void> {
    this.done = true;
    await this.it.return?.();
  }
}

/**
 * The shared strings table (xl/sharedStrings.xml) as plain text, read by the same scanner: each <si>'s
 * <t> runs concatenated, phonetic runs (rPh) left out, NFC. Past a limit the read stops with a
 * FormatError naming it (E_CELL_TOO_LONG, E_TOO_MANY_SHARED_STRINGS, E_SHARED_STRINGS_TOO_LARGE).
 */
export async function readSharedStrings(
  chunks: AsyncIterable<Uint8Array>,
  corrupt: Corrupt,
  limits: SharedStringLimits & { maxCellChars: number },
): Promise<string[]> {
  const decoder = new TextDecoder('utf-8');
  const scanner = new SheetScanner(
    {
      sharedStrings: undefined,
      isDateStyle: () => false,
      date1904: false,
      onRow: () => {},
      corrupt,
      maxCellChars: limits.maxCellChars,
      maxColumns: 0,
    },
    limits,
  );
  for await (const chunk of chunks) scanner.push(decoder.decode(chunk, { stream: true }));
  scanner.push(decoder.decode());
  scanner.end();
  return scanner.strings;
}
