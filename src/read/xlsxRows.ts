import type { RawRow, RowSink, RowStream } from '../model/cell.js';
import type { SheetContext } from '../ooxml/cellValue.js';
import { FormatError } from '../ooxml/errors.js';
import { SheetRowReader } from '../ooxml/sheetReader.js';
import type { SheetRow } from '../ooxml/sheetRow.js';
import { slices, type ZipEntries } from '../ooxml/zipEntries.js';
import { readError } from './source.js';

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * The rows of one worksheet of an xlsx, streamed from its zip entry: iterated (a row object per row, for the
 * header search and small sheets) or pumped into a sink as the scanner closes each row, in one array reused
 * for every row. An entry small enough is inflated whole first, so that `whole` (the merges after the
 * cells) can be looked at before the rows. Whatever fails is the user's error naming the file and sheet.
 */
export class XlsxRows implements RowStream {
  private reader: SheetRowReader | null = null;
  /** Rows read by the iterator and not handed out yet. */
  private pending: SheetRow[] = [];
  private at = 0;
  private ended = false;

  constructor(
    private readonly zip: ZipEntries,
    private readonly part: string,
    private readonly ctx: SheetContext,
    private readonly where: { file: string; sheet: string },
    private readonly whole: (xml: Buffer) => void,
  ) {}

  [Symbol.asyncIterator](): AsyncIterator<RawRow> {
    return {
      next: () => this.next(),
      return: async () => {
        this.ended = true;
        await this.reader?.return();
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
    if (this.ended) return;
    this.ended = true;
    try {
      await (await this.open()).pump(sink);
    } catch (e) {
      throw this.failure(e);
    }
  }

  private async next(): Promise<IteratorResult<RawRow>> {
    try {
      while (this.at >= this.pending.length) {
        if (this.ended) return DONE;
        const rows = await (await this.open()).next();
        if (rows === null) {
          this.ended = true;
          return DONE;
        }
        this.pending = rows;
        this.at = 0;
      }
      return { value: this.pending[this.at++]!, done: false };
    } catch (e) {
      throw this.failure(e);
    }
  }

  private async open(): Promise<SheetRowReader> {
    if (this.reader !== null) return this.reader;
    const whole = await this.zip.whole(this.part);
    if (whole === null) this.reader = new SheetRowReader(this.zip.chunks(this.part), this.ctx);
    else {
      this.whole(whole);
      this.reader = new SheetRowReader(slices(whole), this.ctx);
    }
    return this.reader;
  }

  /** A limit reached in a sheet names the sheet (the format layer knows only the cell). */
  private failure(e: unknown): Error {
    const { file, sheet } = this.where;
    return readError(e instanceof FormatError ? new FormatError(e.code, { sheet, ...e.args }) : e, file);
  }
}
