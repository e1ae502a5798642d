import type { SheetContext } from './cellValue.js';
import { NEED_MORE, type PlainCell, plainCellAt, plainValue, UNREAD } from './plainCell.js';
import { IN_ROW, NOT_READY, type SheetScanner } from './sheetScan.js';

const LT = 0x3c;
const GT = 0x3e;
const QUOTE = 0x22;
const ROW_END = Buffer.from('</row>');
/** A fast element cut by a chunk's end is carried to the next chunk; one longer than this is not fast. */
const MAX_CARRY = 4096;

/**
 * A worksheet read from its inflated bytes, for the rows of a pump: the markup of nearly every row of a
 * real sheet — `<row r="…" …>`, plain cells, `</row>` — is read here from the bytes, and everything else
 * (the sheet's head and tail, formulas, inline strings, odd attributes, corrupt or date values) is decoded
 * and handed to the string scanner, which then holds the document's state as it always does.
 *
 * Why: the string scanner looks at each character through a string access (3–4 ns each); a national sheet
 * is 53 million of them, a large part of a run whose whole budget is 1.8 × inflating it. Bytes are read
 * here with one load each, most of the document is never decoded, and no string is made per cell.
 *
 * The byte path reads only where the string scanner is settled (nothing carried, no cell open: see
 * SheetScanner.fastState) and leaves it as the same markup read as text would have; the string scanner
 * takes over, a row at a time, whenever the bytes are not of that common form.
 */
export class SheetBytes {
  private readonly decoder = new TextDecoder('utf-8');
  private readonly cell: PlainCell = { col: 0, style: 0, type: '', from: -1, to: -1 };
  /** Bytes of a fast element cut by the previous chunk's end. */
  private carry: Buffer | null = null;
  /**
   * The decoder may hold the start of a character (text handed to the string scanner ended inside one):
   * until text is decoded past it, everything goes through the decoder.
   */
  private pending: boolean;

  constructor(
    private readonly scanner: SheetScanner,
    private readonly ctx: SheetContext,
    /** The decoder the string scanner was fed by before (its state carries on), if any. */
    decoder?: InstanceType<typeof TextDecoder>,
  ) {
    if (decoder !== undefined) this.decoder = decoder;
    this.pending = decoder !== undefined;
  }

  push(chunk: Buffer): void {
    let b = chunk;
    if (this.carry !== null) {
      b = Buffer.concat([this.carry, chunk]);
      this.carry = null;
    }
    const n = b.length;
    let p = 0;
    while (p < n) {
      const state = this.pending ? NOT_READY : this.scanner.fastState();
      if (state === NOT_READY) {
        p = this.asText(b, p);
        continue;
      }
      // The next tag: usually the very next byte (Buffer.indexOf is a call into C++ per tag).
      let lt = p;
      while (lt < n && b[lt] !== LT) lt++;
      if (lt === n) return; // text between tags, read by no one
      const end = this.fast(b, lt, state);
      if (end >= 0) p = end;
      else if (end === NEED_MORE && n - lt <= MAX_CARRY) {
        this.carry = Buffer.from(b.subarray(lt));
        return;
      } else p = this.asText(b, lt);
    }
  }

  end(): void {
    if (this.carry !== null) {
      const rest = this.carry;
      this.carry = null;
      this.scanner.scanText(this.decoder.decode(rest, { stream: true }));
    }
    this.scanner.scanText(this.decoder.decode());
  }

  /** The element at b[lt], read from the bytes: the index after it, NOT_PLAIN (-1) or NEED_MORE. */
  private fast(b: Buffer, lt: number, state: number): number {
    const next = b[lt + 1];
    if (state === IN_ROW) {
      if (next === 0x63) return this.plainCell(b, lt);
      if (next === 0x2f) return this.rowEnd(b, lt);
      return -1;
    }
    return next === 0x72 ? this.rowStart(b, lt) : -1;
  }

  private plainCell(b: Buffer, lt: number): number {
    const end = plainCellAt(b, lt, this.cell);
    if (end < 0) return end;
    const v = plainValue(b, this.cell, this.ctx);
    if (v === UNREAD) {
      // A plain cell with a value the string scanner reads (a date, a corrupt index, other types): just it.
      this.scanner.scanText(b.toString('utf8', lt, end));
      return end;
    }
    this.scanner.fastCell(this.cell.col, v, this.cell.style);
    return end;
  }

  /** `</row>` exactly. */
  private rowEnd(b: Buffer, lt: number): number {
    if (lt + 6 > b.length) return NEED_MORE;
    if (b[lt + 2] !== 0x72 || b[lt + 3] !== 0x6f || b[lt + 4] !== 0x77 || b[lt + 5] !== GT) return -1;
    this.scanner.fastRowEnd();
    return lt + 6;
  }

  /**
   * `<row r="N" …>` with `r` first (as Excel and exceljs write it): the row number read, the other
   * attributes skipped to the tag's end (quotes respected); a self-closing row or anything odd is text.
   */
  private rowStart(b: Buffer, lt: number): number {
    const n = b.length;
    if (lt + 9 > n) return NEED_MORE;
    // '<row r="'
    if (b[lt + 2] !== 0x6f || b[lt + 3] !== 0x77 || b[lt + 4] !== 0x20 || b[lt + 5] !== 0x72) return -1;
    if (b[lt + 6] !== 0x3d || b[lt + 7] !== QUOTE) return -1;
    let i = lt + 8;
    let r = 0;
    const digits = i;
    for (; i < n && b[i]! >= 48 && b[i]! <= 57; i++) r = r * 10 + b[i]! - 48;
    if (i >= n) return NEED_MORE;
    if (i === digits || i - digits > 9 || b[i] !== QUOTE) return -1;
    let quote = 0;
    for (i++; i < n; i++) {
      const c = b[i]!;
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === GT) break;
      else if (c === QUOTE || c === 0x27) quote = c;
      else if (c === LT) return -1;
    }
    if (i >= n) return NEED_MORE;
    if (b[i - 1] === 0x2f) return -1;
    this.scanner.fastRowStart(r);
    return i + 1;
  }

  /**
   * Bytes from b[from] handed to the string scanner as text, through the next `</row>` (after which the
   * bytes may be read again) or to the chunk's end: the index after them.
   */
  private asText(b: Buffer, from: number): number {
    const close = b.indexOf(ROW_END, from);
    const to = close < 0 ? b.length : close + ROW_END.length;
    this.scanner.scanText(this.decoder.decode(b.subarray(from, to), { stream: true }));
    // Cut at '>' the decoder holds nothing back; at the chunk's end it may hold a character's start.
    this.pending = close < 0 && endsInsideCharacter(b);
    return to;
  }
}

/** Whether the bytes end inside a UTF-8 sequence (its lead byte among the last three, its tail short). */
function endsInsideCharacter(b: Buffer): boolean {
  const n = b.length;
  for (let k = 1; k <= 3 && k <= n; k++) {
    const c = b[n - k]!;
    if (c < 0x80) return false; // ASCII: complete
    if (c >= 0xc0) {
      const length = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      return length > k;
    }
  }
  return false;
}
