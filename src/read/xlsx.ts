import type { RawRow, SheetSource } from '../model/cell.js';
import { UsageError } from '../model/errors.js';
import { nfc } from './decodeText.js';
import { isDateFormat, iterateEntry, readSharedStrings, type SheetContext, sheetRows } from './sheetXml.js';
import { type ByteSource, readError, streamFrom } from './source.js';
import { inspectZip } from './zipGuard.js';
import { guarded, watchUnzip } from './zipWatch.js';

export interface XlsxOptions {
  maxRows: number;
  maxInflatedBytes: number;
}

/** The parts of exceljs's streaming WorkbookReader (4.4) used here; see workbook-reader.js. */
interface StreamReader {
  model?: { sheets?: { name: string; state?: string }[] };
  properties?: { model?: { date1904?: boolean } };
  styles: { getStyleModel(id: number): { numFmt?: string } | null };
  sharedStrings?: unknown[];
  parse(): AsyncGenerator<{ eventType: string; value: unknown }>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<never>;
}
interface StreamWorksheet {
  name: string;
  state?: string;
  /** The worksheet's inflated XML: the zip entry, or a temp file when exceljs had to defer it. */
  iterator: AsyncIterable<Uint8Array>;
}

/**
 * Sheets of an xlsx, streamed: the zip is read once, front to back, by exceljs. Consequences:
 * - sheets come in storage order (usually tab order); `index` is always the tab position;
 * - a sheet's rows must be read (or abandoned) before the next sheet is requested; an unread sheet is
 *   drained when the next one is requested;
 * - when sharedStrings.xml is stored after the worksheets (Excel does this), exceljs first copies the
 *   worksheets to temp files, so the first row arrives only after the whole zip was inflated once.
 */
export async function* readXlsx(
  src: ByteSource,
  file: string,
  options: XlsxOptions,
): AsyncGenerator<SheetSource> {
  const entries = await inspectZip(src, file, options.maxInflatedBytes);
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
    throw new UsageError('E_FILE_CORRUPT', { file, reason: 'a zip archive but not an Excel workbook' });
  }
  const { default: ExcelJS } = await import('exceljs');
  const input = streamFrom(src);
  const watch = watchUnzip(input, file, options.maxInflatedBytes);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // needed to tell dates from numbers
    hyperlinks: 'ignore', // a hyperlink cell then reads as its text
    entries: 'ignore',
  }) as unknown as StreamReader;
  // biome-ignore lint/correctness/useYield: exceljs calls it with yield*; the strings are kept, not emitted
  reader._parseSharedStrings = async function* (entry) {
    reader.sharedStrings = await readSharedStrings(iterateEntry(entry));
  };
  // exceljs reads sheet names from workbook.xml; a worksheet stored before it would crash on `model.sheets`.
  reader.model = { sheets: [] };

  const dateStyles: (boolean | undefined)[] = [];
  const numberFormat = (s: number): string | undefined => {
    try {
      return reader.styles.getStyleModel(s)?.numFmt;
    } catch {
      return undefined; // no styles.xml: exceljs's style manager has no model
    }
  };
  const isDateStyle = (s: number): boolean => (dateStyles[s] ??= isDateFormat(numberFormat(s)));

  const events = reader.parse();
  let ordinal = 0;
  try {
    for (;;) {
      let step: IteratorResult<{ eventType: string; value: unknown }>;
      try {
        step = await watch.guard(events.next());
      } catch (e) {
        throw readError(e, file);
      }
      if (step.done) break;
      if (step.value.eventType !== 'worksheet') continue;
      const worksheet = step.value.value as StreamWorksheet;
      ordinal++;
      const sheet = nfc(worksheet.name);
      const tabs = reader.model?.sheets ?? [];
      const tab = tabs.findIndex((s) => s.name === worksheet.name);
      const ctx: SheetContext = {
        sharedStrings: reader.sharedStrings as string[] | undefined,
        isDateStyle,
        date1904: reader.properties?.model?.date1904 === true,
        onRow: (count) => {
          if (count > options.maxRows)
            throw new UsageError('E_TOO_MANY_ROWS', { file, sheet, limit: options.maxRows });
        },
        corrupt: (reason) => new UsageError('E_FILE_CORRUPT', { file, reason: `${sheet}: ${reason}` }),
      };
      const cursor = new SheetCursor(guarded(worksheet.iterator[Symbol.asyncIterator](), watch), ctx, file);
      yield {
        file,
        sheet,
        index: tab >= 0 ? tab + 1 : ordinal,
        hidden: worksheet.state === 'hidden' || worksheet.state === 'veryHidden',
        rows: () => cursor.rows(),
      };
      await cursor.finish();
    }
  } finally {
    // Not awaited: after a failure exceljs may be stuck on a stream that never ends.
    events.return(undefined).catch(() => {});
    input.destroy();
  }
}

/**
 * One worksheet's rows, readable once. Whatever is left unread is drained before the next sheet, so the
 * zip stream can move on; after a failure the workbook is not read further.
 */
class SheetCursor {
  private started = false;
  private generator: AsyncGenerator<RawRow> | undefined;
  private failure: unknown;

  constructor(
    private readonly source: AsyncIterator<Uint8Array>,
    private readonly ctx: SheetContext,
    private readonly file: string,
  ) {}

  rows(): AsyncIterable<RawRow> {
    if (this.started) throw new Error('rows() of an xlsx sheet can be read only once');
    this.started = true;
    this.generator = this.read();
    return this.generator;
  }

  /** The entry's chunks without return(): stopping the XML parser must not close the zip entry. */
  private chunks(): AsyncIterable<Uint8Array> {
    const source = this.source;
    return { [Symbol.asyncIterator]: () => ({ next: () => source.next() }) };
  }

  private async *read(): AsyncGenerator<RawRow> {
    let settled = false;
    try {
      yield* sheetRows(this.chunks(), this.ctx);
      settled = true;
    } catch (e) {
      settled = true;
      this.failure = readError(e, this.file);
      throw this.failure;
    } finally {
      if (!settled) await this.drain();
    }
  }

  private async drain(): Promise<void> {
    try {
      while (!(await this.source.next()).done) {
        // discard: exceljs reaches the next zip entry only once this one is consumed
      }
    } catch {
      // a damaged entry: the next step of the workbook reports it
    }
  }

  async finish(): Promise<void> {
    if (!this.started) {
      this.started = true;
      await this.drain();
    } else await this.generator?.return(undefined);
    if (this.failure) throw this.failure;
  }
}
