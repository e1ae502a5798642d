import { createHash, type Hash } from 'node:crypto';
import { type CellValue, columnLetter, type RawRow, type RowSink, type RowStream } from '../model/cell.js';
import { type Diagnostic, diag } from '../model/diagnostic.js';
import { UsageError } from '../model/errors.js';
import { nfc, nfcMayChange } from '../ooxml/nfc.js';
import { type CsvRecord, CsvTokenizer, type MultilineField } from './csvTokenizer.js';
import type { TextEncoding } from './decodeText.js';
import { readError } from './source.js';

/** An unclosed quote must not swallow the whole file into one field. */
const MAX_RECORD_CHARS = 16 * 1024 * 1024;

export interface CsvPlan {
  file: string;
  sheet: string;
  encoding: TextEncoding;
  delimiter: string;
  /** The first record is Excel's `sep=;` line. */
  skipFirst: boolean;
  maxRows: number;
  notice: (d: Diagnostic) => void;
  /** Told the sha256 of all the file's bytes (`hashed`, then the stream's), once the last is read. */
  digest?: ((sha256: string) => void) | undefined;
  /** The bytes read before the stream (the sample, byte order mark included). */
  hashed?: Uint8Array;
}

/** Bytes decoded at once: small enough that their text is a young object, soon collected. */
const PIECE = 64 * 1024;

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * The records of a CSV file as rows, from its decoded bytes: iterated (a row object per record, for the
 * header search and small files), or pumped into a sink a chunk at a time with one array reused for every
 * record. `row` is the record number, header included; an empty line (or one of empty fields) is counted,
 * not returned. A byte that is not of the encoding becomes U+FFFD and its cell is warned about
 * (W_TEXT_UNDECODABLE); quoted fields that span lines in an otherwise single-line file are warned about
 * at the end (W_CSV_QUOTE_SPANS_LINES).
 */
export class CsvRows implements RowStream {
  private readonly chunks: AsyncIterator<Uint8Array>;
  // Decoding in streaming mode carries a character split between chunks over to the next one.
  private readonly decoder: InstanceType<typeof TextDecoder>;
  private readonly tokenizer: CsvTokenizer;
  /** Records read so far. */
  private n = 0;
  private undecodable = false;
  /** Rows read by the iterator and not handed out yet. */
  private pending: RawRow[] = [];
  private at = 0;
  private ended = false;
  /** The first text to read, before the stream's (the sample), until it is read. */
  private first: Uint8Array | null;
  private readonly hash: Hash | null;

  constructor(
    first: Uint8Array,
    /** The file's bytes after `first`, each chunk valid until the next is asked for (chunksFrom). */
    bytes: AsyncIterable<Uint8Array>,
    private readonly plan: CsvPlan,
  ) {
    this.first = first;
    this.hash = plan.digest ? createHash('sha256').update(plan.hashed ?? new Uint8Array(0)) : null;
    this.chunks = bytes[Symbol.asyncIterator]();
    this.decoder = new TextDecoder(plan.encoding);
    this.tokenizer = new CsvTokenizer(plan.delimiter, MAX_RECORD_CHARS, nfc, nfcMayChange);
  }

  [Symbol.asyncIterator](): AsyncIterator<RawRow> {
    return {
      next: () => this.next(),
      return: async () => {
        this.close();
        return DONE;
      },
    };
  }

  async pump(sink: RowSink): Promise<void> {
    while (this.at < this.pending.length) {
      const r = this.pending[this.at++]!;
      sink(r.row, r.cells);
    }
    this.pending = [];
    this.tokenizer.reuseRecords = true;
    while (!this.ended) await this.read(sink);
  }

  private async next(): Promise<IteratorResult<RawRow>> {
    while (this.at >= this.pending.length) {
      if (this.ended) return DONE;
      this.pending = [];
      this.at = 0;
      await this.read((row, cells) => this.pending.push({ row, cells: cells as CellValue[] }));
    }
    return { value: this.pending[this.at++]!, done: false };
  }

  /** Reads the next chunk of the file (or its end) and hands the rows it completes to `take`. */
  private async read(take: RowSink): Promise<void> {
    const record = (cells: CsvRecord) => this.record(cells, take);
    try {
      if (this.first !== null) {
        // The sample in pieces of a stream chunk's size: text of a MiB would be 2 MB of string at once.
        const first = this.first;
        const piece = first.subarray(0, PIECE);
        this.first = first.length > PIECE ? first.subarray(PIECE) : null;
        this.tokenizer.feed(this.text(this.decoder.decode(piece, { stream: true })), record);
        return;
      }
      const next = await this.chunks.next();
      if (next.done) {
        this.tokenizer.feed(this.text(this.decoder.decode()), record);
        this.tokenizer.finish(record);
        this.ended = true;
        this.close();
        if (this.hash) this.plan.digest?.(this.hash.digest('hex'));
        this.warnMultiline(this.tokenizer.multiline);
      } else {
        const chunk = next.value;
        this.hash?.update(chunk);
        for (let at = 0; at < chunk.length; at += PIECE) {
          const piece = chunk.subarray(at, at + PIECE);
          this.tokenizer.feed(this.text(this.decoder.decode(piece, { stream: true })), record);
        }
      }
    } catch (e) {
      this.close();
      throw readError(e, this.plan.file);
    }
  }

  private record(cells: CsvRecord, take: RowSink): void {
    const { plan } = this;
    const n = ++this.n;
    if (n > plan.maxRows)
      throw new UsageError('E_TOO_MANY_ROWS', { file: plan.file, sheet: plan.sheet, limit: plan.maxRows });
    if (this.undecodable) this.warnUndecodable(cells, n);
    if (n === 1 && plan.skipFirst) return;
    for (let i = 0; i < cells.length; i++) {
      if (cells[i] !== null) {
        take(n, cells);
        return;
      }
    }
  }

  /** Only a chunk that holds a replacement character makes its records (and those after) be looked at. */
  private text(t: string): string {
    if (!this.undecodable && t.includes('\uFFFD')) this.undecodable = true;
    return t;
  }

  private close(): void {
    this.ended = true;
    // Ends the read where it is and closes the file (a rejection there is of no use to anyone now).
    this.chunks.return?.().catch(() => {});
  }

  private warnUndecodable(cells: CsvRecord, row: number): void {
    const col = cells.findIndex((c) => c?.includes('\uFFFD'));
    if (col < 0) return;
    const { file, sheet, encoding, notice } = this.plan;
    const column = columnLetter(col);
    notice(
      diag(
        'W_TEXT_UNDECODABLE',
        'warning',
        { file, sheet, row, column, cell: `${column}${row}` },
        { found: cells[col]!, encoding },
      ),
    );
  }

  /**
   * Quoted fields that held line breaks, in a file whose other records are single-line: a quote opened by
   * mistake and closed lines later swallows whole records (once, the top-ranked unit) without a word. A
   * file where such fields are common (notes typed with Alt+Enter) is left alone: at most 1 % of its
   * records.
   */
  private warnMultiline(fields: readonly MultilineField[]): void {
    const { file, sheet, notice } = this.plan;
    if (fields.length === 0 || fields.length > Math.max(1, Math.floor(this.n / 100))) return;
    for (const f of fields) {
      const column = columnLetter(f.column);
      notice(
        diag(
          'W_CSV_QUOTE_SPANS_LINES',
          'warning',
          { file, sheet, row: f.record, column, cell: `${column}${f.record}` },
          { line: f.line, until: f.until },
        ),
      );
    }
  }
}
