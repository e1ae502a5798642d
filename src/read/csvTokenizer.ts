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

/** V8 copies substrings shorter than this; longer ones are views that keep their whole chunk alive. */
const SLICE_MIN = 13;

/**
 * A copy of a field that does not hold on to the ~256 KiB chunk it was cut from. Unit names and reasons
 * live until the end of the run: as views they kept every chunk of a national file (38 MB) in memory.
 * Slicing a concatenation makes V8 flatten it into a new string first, and the slice then views that.
 */
const unshared = (s: string): string => ` ${s}`.slice(1);

export class CsvTokenizer {
  private readonly sep: number;
  private record: CsvRecord = [];
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
  /** Per column: the last non-empty field as read, and as kept. */
  private readonly lastRaw: string[] = [];
  private readonly lastKept: string[] = [];

  constructor(
    delimiter: string,
    private readonly maxRecordChars: number,
    /** Applied to every non-empty field (NFC for the readers). */
    private readonly clean: (field: string) => string = (s) => s,
  ) {
    if (delimiter.length !== 1) throw new Error(`CSV delimiter must be one character, got "${delimiter}"`);
    this.sep = delimiter.charCodeAt(0);
  }

  /** The records completed by this chunk of text. */
  push(s: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    const n = s.length;
    let i = 0;
    if (n === 0) return out;
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
          this.field += s.slice(i, q);
          this.closeQuote();
          start = i = q + 1;
        }
        continue;
      }
      const c = s.charCodeAt(i);
      if (c === this.sep) {
        this.endField(s, start, i);
        start = ++i;
      } else if (c === LF || c === CR) {
        this.endField(s, start, i);
        out.push(this.endRecord());
        this.lines++;
        i++;
        if (c === CR) {
          if (i === n) this.crAtEnd = true;
          else if (s.charCodeAt(i) === LF) i++;
        }
        start = i;
      } else if (c === QUOTE && this.fresh) {
        this.quoted = true;
        this.quoteLine = this.lines + 1;
        this.fresh = false;
        start = ++i;
      } else {
        this.fresh = false;
        i++;
      }
    }
    if (start < n) this.field += s.slice(start);
    if (this.recordChars + this.field.length > this.maxRecordChars) this.tooLong();
    return out;
  }

  /** A quoted field ends; one that spanned line breaks is remembered. */
  private closeQuote(): void {
    this.quoted = false;
    const until = this.lines + 1;
    if (until > this.quoteLine) {
      this.multiline.push({
        record: this.records + 1,
        column: this.record.length,
        line: this.quoteLine,
        until,
      });
    }
  }

  /** The last record, if the input does not end with a line end; fails on a quote left open. */
  end(): CsvRecord[] {
    if (this.quoteAtEnd) {
      this.quoteAtEnd = false;
      this.closeQuote();
    }
    if (this.quoted) {
      throw new Error(
        `a quoted field opened at line ${this.quoteLine} (record ${this.records + 1}) is never closed`,
      );
    }
    if (this.record.length === 0 && this.fresh && this.field === '') return [];
    this.endField('', 0, 0);
    return [this.endRecord()];
  }

  private endField(s: string, start: number, end: number): void {
    const text = this.field === '' ? s.slice(start, end) : this.field + s.slice(start, end);
    this.field = '';
    this.fresh = true;
    this.recordChars += text.length;
    this.record.push(text === '' ? null : this.keep(text));
  }

  /**
   * The field as it will be kept. A value equal to the one above it in the same column (the unit and
   * group of a long file, a repeated score) is the same string, cleaned once; any other long value is
   * copied so that it never keeps its chunk alive (see `unshared`).
   */
  private keep(text: string): string {
    const col = this.record.length;
    if (text === this.lastRaw[col]) return this.lastKept[col]!;
    const copy = text.length < SLICE_MIN ? text : unshared(text);
    const kept = this.clean(copy);
    this.lastRaw[col] = copy;
    this.lastKept[col] = kept;
    return kept;
  }

  private endRecord(): CsvRecord {
    if (this.recordChars > this.maxRecordChars) this.tooLong();
    const record = this.record;
    this.record = [];
    this.recordChars = 0;
    this.records++;
    return record;
  }

  private tooLong(): never {
    throw new Error(
      `record ${this.records + 1} is longer than ${this.maxRecordChars.toLocaleString('en')} characters` +
        ' (an unclosed quote?)',
    );
  }
}
