import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { SheetSource } from '../model/cell.js';
import { UsageError } from '../model/errors.js';
import { type ByteSource, readRange, withReader } from '../ooxml/byteSource.js';
import { readCsv } from './csv.js';
import { looksBinary } from './decodeText.js';
import { openSource } from './source.js';

export interface ReadOptions {
  /** Read when file is '-' (default process.stdin). */
  stdin?: NodeJS.ReadableStream;
  /** Force the CSV text encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258'. */
  encoding?: string;
  /** Rows per sheet before E_TOO_MANY_ROWS (default 2,000,000). */
  maxRows?: number;
  /** Inflated bytes per xlsx before E_ZIP_TOO_LARGE (default 512 MiB). */
  maxInflatedBytes?: number;
  /** Give every row its cells' font names (RawRow.fonts), for legacy-font conversion cell by cell. */
  cellFonts?: boolean;
}

export const DEFAULT_MAX_ROWS = 2_000_000;
export const DEFAULT_MAX_INFLATED_BYTES = 512 * 1024 * 1024;

export type InputFormat = 'xlsx' | 'xls' | 'csv';

const XLSX_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xltx', '.xltm']);
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * The sheets of one input file ('-' = stdin), each with its rows as plain cells.
 * The format is decided by content first, extension second: a zip is an xlsx, an OLE2 compound file is an
 * encrypted workbook (when named .xlsx or holding an EncryptionInfo stream) or a legacy .xls (converted by
 * LibreOffice), text is CSV. Streaming: read each sheet's rows before asking for the next sheet.
 * Every failure to open or decode is a UsageError (E_FILE_NOT_FOUND, E_FILE_UNREADABLE, E_FILE_CORRUPT,
 * E_FILE_ENCRYPTED, E_XLS_NEEDS_LIBREOFFICE, E_ZIP_TOO_LARGE, E_TOO_MANY_ROWS, E_UNKNOWN_ENCODING).
 */
export async function* openSheets(file: string, options: ReadOptions = {}): AsyncGenerator<SheetSource> {
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const maxInflatedBytes = options.maxInflatedBytes ?? DEFAULT_MAX_INFLATED_BYTES;
  const src = await openSource(file, options.stdin);
  const format = await sniffFormat(src, file);
  // The xlsx reader (exceljs's XML and zip parts) and the LibreOffice bridge load only for such files.
  if (format === 'xlsx') {
    const { readXlsx } = await import('./xlsx.js');
    yield* readXlsx(src, file, { maxRows, maxInflatedBytes });
  } else if (format === 'xls') {
    const [{ convertXls }, { readXlsx }] = await Promise.all([import('./xls.js'), import('./xlsx.js')]);
    const converted = await convertXls(src, file);
    try {
      const { size } = await stat(converted.path);
      yield* readXlsx({ kind: 'file', path: converted.path, size }, file, { maxRows, maxInflatedBytes });
    } finally {
      await converted.cleanup();
    }
  } else {
    yield* readCsv(src, file, { maxRows, encoding: options.encoding });
  }
}

/** Names of the sheets in order of appearance, reading (and discarding) their rows. */
export async function sheetNames(file: string, options: ReadOptions = {}): Promise<string[]> {
  const names: string[] = [];
  for await (const sheet of openSheets(file, options)) names.push(sheet.sheet);
  return names;
}

async function sniffFormat(src: ByteSource, file: string): Promise<InputFormat> {
  const head = await readRange(src, 0, 8192);
  const ext = file === '-' ? '' : extname(file).toLowerCase();
  const corrupt = (reason: string) => new UsageError('E_FILE_CORRUPT', { file, reason });
  if (head[0] === 0x50 && head[1] === 0x4b) {
    if (head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
    throw corrupt(head[2] === 0x05 ? 'empty zip archive' : 'damaged zip archive');
  }
  if (CFB_MAGIC.every((b, i) => head[i] === b)) {
    // Excel saves a password-protected .xlsx as an OLE2 container (EncryptionInfo + EncryptedPackage).
    if (XLSX_EXTENSIONS.has(ext) || (await cfbIsEncryptedPackage(src))) {
      throw new UsageError('E_FILE_ENCRYPTED', { file });
    }
    return 'xls';
  }
  if (XLSX_EXTENSIONS.has(ext)) throw corrupt('not a zip archive, so not an xlsx workbook');
  if (looksBinary(head)) throw corrupt('binary data that is neither xlsx, xls nor text');
  // Many "xls" exports from web systems are HTML tables: LibreOffice reads those; text ones are CSV/TSV.
  if (ext === '.xls' && /^\s*</.test(head.toString('latin1', 0, 256).replace(/^\uFEFF|^\xEF\xBB\xBF/, ''))) {
    return 'xls';
  }
  return 'csv';
}

/** Look for the EncryptionInfo stream name (UTF-16LE) in the first directory sectors of a compound file. */
async function cfbIsEncryptedPackage(src: ByteSource): Promise<boolean> {
  return withReader(src, async (readAt) => {
    const header = await readAt(0, 512);
    if (header.length < 512) return false;
    const sectorSize = 1 << header.readUInt16LE(0x1e);
    const firstDirSector = header.readUInt32LE(0x30);
    if (sectorSize > 65536 || firstDirSector >= 0xfffffffa) return false;
    const dir = await readAt((firstDirSector + 1) * sectorSize, 8 * 512);
    return dir.includes(Buffer.from('EncryptionInfo', 'utf16le'));
  });
}
