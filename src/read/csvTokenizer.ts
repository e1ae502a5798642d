import { FormatError } from '../ooxml/errors.js';
import { FieldMemory } from './fieldMemory.js';

/**
 * Splits CSV text into records, chunk by chunk, with the state of an unfinished record carried over.
 *
 * Why not csv-parse: the budget for a national CSV run (docs/benchmark.md) is 1.3 × csv-parse reading the
 * file alone, and csv-parse's byte-by-byte state machine plus a stream hop per record left no room for
 * reading and scoring 332,100 rows. This scanner works on decoded text with `indexOf` inside quotes and one
 * `charCodeAt` loop elsewhere; the test suite checks it against csv-parse on generated files.
 *
 * The dialect is what Excel and the clerks' tools write, read leniently the way Excel reads it:
 * - a field that starts with `"` is quoted: delimiters and line ends inside are text, `""` is one quote;
 * - a quote anywhere else is an ordinary character (`5 "inch"`), and text after a closing quote is kept
 *   (`"ab"c` is `abc`), so a stray quote never rejects a file;
 * - records end at `\r\n`, `\n` or `\r` (concatenated exports mix them);
 * - ragged records keep the fields they have; an empty field is null;
 * - a quote left open at the end of the input, or a record longer than `maxRecordChars`, is an error.
 */
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export type CsvRecord = (string | null)[];

/** A quoted field that held line breaks: its record (1-based), column (0-based), first and last line. */
export interface MultilineField {
  record: number;
  column: number;
  line: number;
  until: number;
}

/**
 * Line ends in quoted text s[from, to): \r\n, \n or a lone \r each count once. A loop over the field
 * itself: an indexOf for a \r that a file does not have would search the rest of the chunk on every field.
 */
function lineEnds(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === LF || (c === CR && s.charCodeAt(i + 1) !== LF)) n++;
  }
  return n;
}

export class CsvTokenizer {
  private readonly sep: number;
  private record: CsvRecord = [];
  /** Fields of the current record so far (`record` may be longer: a reused array, see reuseRecords). */
  private count = 0;
  /** Characters of the current field read from earlier chunks (or before an escaped quote). */
  private field = '';
  /** Nothing of the current field consumed yet: a quote here opens a quoted field. */
  private fresh = true;
  private quoted = false;
  /** The chunk ended on a quote inside a quoted field: `""` or a closing quote, the next chunk says. */
  private quoteAtEnd = false;
  /** The chunk ended on `\r`: a `\n` starting the next chunk belongs to the same line end. */
  private crAtEnd = false;
  /** Characters in the finished fields of the current record. */
  private recordChars = 0;
  /** Records finished so far (1-based number of the current one is `records + 1`). */
  private records = 0;
  /** Line ends read so far (the current line is `lines + 1`), inside quoted fields too. */
  private lines = 0;
  /** The chunk ended on a \r inside a quoted field. */
  private crInQuotes = false;
  /** The line where the open quoted field's quote is. */
  private quoteLine = 0;
  /** Quoted fields that spanned line breaks: where each opened and closed. */
  readonly multiline: MultilineField[] = [];
  /**
   * The current field's text so far as a range of the chunk being read (a quoted field closed within the
   * chunk, nothing after its quote yet), instead of a string: -1 when there is none. A field equal to the
   * one above it is then found equal in place, and no string is made for it at all.
   */
  private rangeFrom = -1;
  private rangeTo = 0;
  /** The fields met lately, per column, as kept (see FieldMemory). */
  private readonly memory: FieldMemory;
  /** Whether `clean` may change a field of the chunk being read (see `mayChange`). */
  private chunkMayChange = true;

  constructor(
    delimiter: string,
    private readonly maxRecordChars: number,
    /** Applied to every non-empty field (NFC for the readers). */
    clean: (field: string) => string = (s) => s,
    /**
     * False when `clean` leaves every piece of this chunk of text as it is (NFC: a chunk of only
     * precomposed text), so its short fields are taken as cut, with no check each. Absent: it may.
     */
    private readonly mayChange?: (chunk: string) => boolean,
  ) {
    if (delimiter.length !== 1) throw new Error(`CSV delimiter must be one character, got "${delimiter}"`);
    this.sep = delimiter.charCodeAt(0);
    this.memory = new FieldMemory(clean);
  }

  /**
   * Hand each record to its taker as soon as it is complete, in one array reused for every record (the
   * taker copies what it keeps) instead of a new array per record.
   */
  reuseRecords = false;

  /** The records completed by this chunk of text. */
  push(s: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    this.feed(s, (r) => out.push(r));
    return out;
  }

  /** The last record, if the input does not end with a line end; fails on a quote left open. */
  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    this.finish((r) => out.push(r));
    return out;
  }

  /** Each record this chunk of text completes, to `take`, synchronously. */
  feed(s: string, take: (record: CsvRecord) => void): void {
    const n = s.length;
    const sep = this.sep;
    let i = 0;
    if (n === 0) return;
    this.chunkMayChange = this.mayChange === undefined || this.mayChange(s);
    if (this.quoteAtEnd) {
      this.quoteAtEnd = false;
      if (s.charCodeAt(0) === QUOTE) {
        this.field += '"';
        i = 1;
      } else this.closeQuote();
    } else if (this.crAtEnd) {
      this.crAtEnd = false;
      if (s.charCodeAt(0) === LF) i = 1;
    }
    let start = i; // start of the unquoted run not yet copied into `field`
    while (i < n) {
      if (this.quoted) {
        const q = s.indexOf('"', i);
        const to = q < 0 ? n : q;
        // A \r\n cut between chunks inside quotes is one line end: the \r counted it.
        this.lines += lineEnds(s, i, to) - (this.crInQuotes && s.charCodeAt(i) === LF ? 1 : 0);
        this.crInQuotes = q < 0 && s.charCodeAt(n - 1) === CR;
        if (q < 0) {
          this.field += s.slice(i);
          start = i = n;
        } else if (q + 1 === n) {
          this.field += s.slice(i, q);
          this.quoteAtEnd = true;
          start = i = n;
        } else if (s.charCodeAt(q + 1) === QUOTE) {
          this.field += s.slice(i, q + 1);
          start = i = q + 2;
        } else {
          if (this.field === '') {
            this.rangeFrom = i;
            this.rangeTo = q;
          } else this.field += s.slice(i, q);
          this.closeQuote();
          start = i = q + 1;
        }
        continue;
      }
      if (this.fresh && s.charCodeAt(i) === QUOTE) {
        this.quoted = true;
        this.quoteLine = this.lines + 1;
        this.fresh = false;
        start = ++i;
        continue;
      }
      // The rest of an unquoted field, in one tight loop: a quote inside it is an ordinary character.
      let j = i;
      let c = 0;
      for (; j < n; j++) {
        c = s.charCodeAt(j);
        if (c === sep || c === LF || c === CR) break;
      }
      if (j > i) this.fresh = false;
      i = j;
      if (j === n) break;
      this.endField(s, start, j);
      i = j + 1;
      if (c !== sep) {
        this.endRecord(take);
        this.lines++;
        if (c === CR) {
          if (i === n) this.crAtEnd = true;
          else if (s.charCodeAt(i) === LF) i++;
        }
      }
      start = i;
    }
    // The next chunk is another string: what this one holds of the current field becomes a string.
    this.keepRange(s);
    if (start < n) this.field += s.slice(start);
    if (this.recordChars + this.field.length > this.maxRecordChars) this.tooLong();
  }

  /** The range of the current field (see rangeFrom) as text in `field`. */
  private keepRange(s: string): void {
    if (this.rangeFrom < 0) return;
    this.field += s.slice(this.rangeFrom, this.rangeTo);
    this.rangeFrom = -1;
  }

  /** A quoted field ends; one that spanned line breaks is remembered. */
  private closeQuote(): void {
    this.quoted = false;
    const until = this.lines + 1;
    if (until > this.quoteLine) {
      this.multiline.push({
        record: this.records + 1,
        column: this.count,
        line: this.quoteLine,
        until,
      });
    }
  }

  /** The last record to `take`, if the input does not end with a line end; fails on a quote left open. */
  finish(take: (record: CsvRecord) => void): void {
    if (this.quoteAtEnd) {
      this.quoteAtEnd = false;
      this.closeQuote();
    }
    if (this.quoted) {
      throw new FormatError('E_FILE_CORRUPT', {
        reason: 'csv-quote-open',
        line: this.quoteLine,
        record: this.records + 1,
      });
    }
    if (this.count === 0 && this.fresh && this.field === '') return;
    this.endField('', 0, 0);
    this.endRecord(take);
  }

  private endField(s: string, start: number, end: number): void {
    if (this.rangeFrom >= 0) {
      if (start === end) {
        // A quoted field and nothing after its closing quote: the common case, read in place.
        const from = this.rangeFrom;
        this.rangeFrom = -1;
        this.endText(s, from, this.rangeTo);
        return;
      }
      this.keepRange(s);
    }
    if (this.field === '') {
      this.endText(s, start, end);
      return;
    }
    const text = this.field + s.slice(start, end);
    this.field = '';
    this.fresh = true;
    this.recordChars += text.length;
    this.addField(this.keep(text));
  }

  /** The field s[from, to), as kept (see FieldMemory). */
  private endText(s: string, from: number, to: number): void {
    this.fresh = true;
    const length = to - from;
    this.recordChars += length;
    this.addField(length === 0 ? null : this.memory.field(s, from, to, this.count, this.chunkMayChange));
  }

  /** A field put together from pieces (chunks, escaped quotes): cleaned whatever its last chunk held. */
  private keep(text: string): string {
    return this.memory.field(text, 0, text.length, this.count, true);
  }

  private addField(v: string | null): void {
    this.record[this.count++] = v;
  }

  private endRecord(take: (record: CsvRecord) => void): void {
    if (this.recordChars > this.maxRecordChars) this.tooLong();
    const record = this.record;
    // A reused array keeps its length when the records are as wide as the last one (setting it is slow).
    if (record.length !== this.count) record.length = this.count;
    this.count = 0;
    this.recordChars = 0;
    this.records++;
    if (!this.reuseRecords) this.record = [];
    take(record);
  }

  private tooLong(): never {
    throw new FormatError('E_FILE_CORRUPT', {
      reason: 'csv-record-too-long',
      record: this.records + 1,
      limit: this.maxRecordChars,
    });
  }
}
