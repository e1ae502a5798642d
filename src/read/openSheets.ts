import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { SheetSource } from '../model/cell.js';
import { type Diagnostic, diag } from '../model/diagnostic.js';
import { UsageError } from '../model/errors.js';
import { type ByteSource, readRange } from '../ooxml/byteSource.js';
import { readCsv, SAMPLE_BYTES } from './csv.js';
import { detectEncoding, type TextEncoding } from './decodeText.js';
import { DEFAULT_LIMITS, type ReadLimits, readLimits } from './limits.js';
import { type InputFormat, promisedFormat, sniffFormat } from './sniffFormat.js';
import { ioError, openSource } from './source.js';

export interface ReadOptions extends Partial<ReadLimits> {
  /** Read when file is '-' (the CLI passes its io.stdin; there is no default). */
  stdin?: NodeJS.ReadableStream;
  /** Force the CSV text encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258'. */
  encoding?: string;
  /** Give every row its cells' font names (RawRow.fonts), for legacy-font conversion cell by cell. */
  cellFonts?: boolean;
  /** Told what a reader noticed about a file, as an info (I_FILE_FORMAT: the content is not what its name says). */
  notice?: (d: Diagnostic) => void;
  /**
   * Told the file's sha256 (hex), computed from the bytes as they are read, once all of them are: a
   * workbook is read whole first (it is read at random anyway), a CSV hashed as it streams. Not called when
   * the file was not read to its end (a CSV whose rows were not all read) or is too large to hold.
   */
  digest?: (sha256: string) => void;
}

export const DEFAULT_MAX_ROWS = DEFAULT_LIMITS.maxRows;
export const DEFAULT_MAX_INFLATED_BYTES = DEFAULT_LIMITS.maxInflatedBytes;

export type { InputFormat };

/** What each sniffed format is called in the info (an OLE2 file that reads is a legacy .xls). */
const FORMAT_NAME: Record<InputFormat, string> = {
  xlsx: 'xlsx',
  ods: 'ods',
  cfb: 'xls',
  html: 'html',
  xml: 'xml',
  csv: 'csv',
};

/**
 * The sheets of one input file ('-' = stdin), each with its rows as plain cells.
 * The format is decided by content, never by the extension (sniffFormat.ts): a zip is an xlsx or an ods, an
 * OLE2 compound file a legacy .xls (or an encrypted xlsx), markup an HTML table or an XML spreadsheet, and
 * other text CSV; when the content is not what the name says, `notice` gets an I_FILE_FORMAT info.
 * Streaming: read each sheet's rows before asking for the next sheet.
 * Every failure to open or decode is a UsageError (E_FILE_NOT_FOUND, E_FILE_UNREADABLE, E_FILE_CORRUPT,
 * E_FILE_ENCRYPTED, E_ZIP_TOO_LARGE, E_TOO_MANY_ROWS, E_UNKNOWN_ENCODING).
 */
export async function* openSheets(file: string, options: ReadOptions = {}): AsyncGenerator<SheetSource> {
  const limits = readLimits(options);
  const { maxRows, maxInflatedBytes } = limits;
  const opened = await openSource(file, options.stdin);
  const format = await sniffFormat(opened, file);
  const src = format !== 'csv' && options.digest ? await wholeSource(opened, file, options.digest) : opened;
  const promised = promisedFormat(file);
  if (promised !== undefined && promised !== FORMAT_NAME[format]) {
    options.notice?.(
      diag('I_FILE_FORMAT', 'info', { file }, { format: FORMAT_NAME[format], named: promised }),
    );
  }
  const cellFonts = options.cellFonts === true;
  // Each reader loads only for its files: SheetJS (xls, ods, HTML, XML) is large, and xlsx/CSV never need it.
  if (format === 'xlsx') {
    const { readXlsx } = await import('./xlsx.js');
    yield* readXlsx(src, file, { ...limits, cellFonts, notice: options.notice });
  } else if (format === 'csv') {
    yield* readCsv(src, file, {
      maxRows,
      encoding: options.encoding,
      cellFonts,
      notice: options.notice,
      digest: options.digest,
    });
  } else {
    const { readSheetJs } = await import('./sheetjs.js');
    yield* readSheetJs(src, file, format, {
      maxRows,
      maxInflatedBytes,
      cellFonts,
      encoding: options.encoding,
    });
  }
}

/**
 * The encoding the CSV reader decodes `file` with, judged as it judges it (the same sniffing, the same
 * sample); null for what is not read as delimited text (a workbook, an HTML or XML export) and for a file
 * that cannot be opened or is refused (the reader says why when it reads it).
 */
export async function textEncodingOf(file: string, options: ReadOptions = {}): Promise<TextEncoding | null> {
  try {
    const src = await openSource(file, options.stdin);
    if ((await sniffFormat(src, file)) !== 'csv') return null;
    const sample = await readRange(src, 0, SAMPLE_BYTES);
    return detectEncoding(sample, sample.length >= src.size, options.encoding).encoding;
  } catch (e) {
    if (e instanceof UsageError) return null;
    throw e;
  }
}

/**
 * A workbook is held whole up to this size, to be hashed in the same read (a national one is 7 MB); a larger
 * one is streamed, and read again for its hash, rather than held (4 × national: 27 MB more at the peak).
 */
const WHOLE_BYTES = 16 * 1024 * 1024;

/** The file's bytes in memory, hashed on the way (one read of the file instead of two). */
async function wholeSource(
  src: ByteSource,
  file: string,
  digest: (sha256: string) => void,
): Promise<ByteSource> {
  if (src.kind === 'file' && src.size > WHOLE_BYTES) return src;
  const bytes = src.kind === 'buffer' ? src.buffer : await readWhole(src.path, file);
  digest(createHash('sha256').update(bytes).digest('hex'));
  return { kind: 'buffer', buffer: bytes, size: bytes.length };
}

async function readWhole(path: string, file: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    throw ioError(e, file);
  }
}

/** Names of the sheets in order of appearance, reading (and discarding) their rows. */
export async function sheetNames(file: string, options: ReadOptions = {}): Promise<string[]> {
  const names: string[] = [];
  for await (const sheet of openSheets(file, options)) names.push(sheet.sheet);
  return names;
}
