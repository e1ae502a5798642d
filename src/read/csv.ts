import { basename, extname } from 'node:path';
import type { RawRow, SheetSource } from '../model/cell.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { UsageError } from '../model/errors.js';
import { type ByteSource, chunksFrom, readRange } from '../ooxml/byteSource.js';
import { CsvRows } from './csvRows.js';
import { detectEncoding, type TextEncoding, unsupportedEncoding } from './decodeText.js';
import { withNullFonts } from './nullFonts.js';

export interface CsvOptions {
  encoding?: string;
  maxRows: number;
  /** Give each row its cells' fonts: a CSV stores none, so every one is null. */
  cellFonts?: boolean;
  /** Told of what the reader doubts: undecodable bytes, quoted fields spanning lines (warnings). */
  notice?: ((d: Diagnostic) => void) | undefined;
  /** Told the file's sha256 once its rows are all read (ReadOptions.digest). */
  digest?: ((sha256: string) => void) | undefined;
}

/** Enough bytes to detect the encoding and the delimiter of any real file. */
export const SAMPLE_BYTES = 1024 * 1024;
const SNIFF_LINES = 50;
const LINE_END = /\r\n|\n|\r/;

type Delimiter = ',' | ';' | '\t';

/**
 * One CSV/TSV/TXT input as one sheet. Cells are strings exactly as written (trimmed later, numbers parsed
 * later: `1,5` is a number only once the parser knows the column), empty fields are null, text is NFC.
 * `row` is the record number, header included (equal to the line number unless a quoted field spans lines).
 */
export async function* readCsv(
  src: ByteSource,
  file: string,
  options: CsvOptions,
): AsyncGenerator<SheetSource> {
  const sample = await readRange(src, 0, SAMPLE_BYTES);
  const unsupported = options.encoding === undefined ? unsupportedEncoding(sample) : undefined;
  if (unsupported) throw new UsageError('E_UNSUPPORTED_ENCODING', { file, encoding: unsupported });
  const { encoding, bom } = detectEncoding(sample, sample.length >= src.size, options.encoding);
  const ext = extname(file).toLowerCase();
  const sniffed = sniffDelimiter(sniffText(sample.subarray(bom), encoding, sample.length < src.size));
  const delimiter = ext === '.tsv' ? '\t' : sniffed.delimiter;
  const sheet = file === '-' ? 'stdin' : basename(file, extname(file));
  yield {
    file,
    sheet,
    index: 1,
    hidden: false,
    merges: () => [],
    flat: true,
    rows: () => {
      // The sample is the file's first chunk: read once, for the sniffing, the rows and the hash.
      const rows = new CsvRows(sample.subarray(bom), chunksFrom(src, sample.length), {
        file,
        sheet,
        encoding,
        delimiter,
        skipFirst: sniffed.sepLine,
        maxRows: options.maxRows,
        notice: options.notice ?? (() => {}),
        digest: options.digest,
        hashed: sample,
      });
      return options.cellFonts === true ? withoutFonts(rows) : rows;
    },
  };
}

/** Sample bytes decoded at once for the sniffing. */
const SNIFF_PIECE = 64 * 1024;

/**
 * The sample's text as far as sniffDelimiter reads it (its first SNIFF_LINES lines, and one more), decoded
 * 64 KiB at a time. Why not the whole MiB at once: Node's decoder takes a 4 MiB buffer from malloc for it,
 * and once that is freed glibc keeps up to twice as much for the rest of the run instead of giving it back
 * (a national CSV run peaked 20 MB higher).
 */
export function sniffText(bytes: Uint8Array, encoding: TextEncoding, more: boolean): string {
  const decoder = new TextDecoder(encoding);
  let text = '';
  for (let at = 0; at < bytes.length; at += SNIFF_PIECE) {
    const end = at + SNIFF_PIECE;
    text += decoder.decode(bytes.subarray(at, end), { stream: more || end < bytes.length });
    // More than SNIFF_LINES + 1 line ends: the lines the sniffing looks at are all whole.
    if (text.split(LINE_END, SNIFF_LINES + 3).length > SNIFF_LINES + 2) break;
  }
  return text;
}

/** Each row with a null font per cell: a CSV stores no fonts. */
async function* withoutFonts(rows: AsyncIterable<RawRow>): AsyncGenerator<RawRow> {
  for await (const row of rows) yield withNullFonts(row);
}

/**
 * Pick the delimiter among `,` `;` tab: the one that splits the most sample lines into the same number of
 * fields (quotes respected), then the one giving more fields. Excel's `sep=;` first line wins outright.
 * Vietnamese Excel writes `;` with comma decimals, so `,` also appears inside cells: consistency, not
 * frequency, decides.
 */
export function sniffDelimiter(text: string): { delimiter: Delimiter; sepLine: boolean } {
  const lines = text.split(LINE_END, SNIFF_LINES + 1);
  if (lines.length > SNIFF_LINES) lines.pop(); // possibly cut by the sample end
  const sep = /^sep=(.)$/i.exec(lines[0] ?? '');
  if (sep && (sep[1] === ',' || sep[1] === ';' || sep[1] === '\t'))
    return { delimiter: sep[1], sepLine: true };
  let best: { delimiter: Delimiter; lines: number; fields: number } = { delimiter: ',', lines: 0, fields: 0 };
  for (const delimiter of ['\t', ';', ','] as const) {
    const counts = new Map<number, number>();
    let inQuotes = false;
    for (const line of lines) {
      let count = 0;
      for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (c === '"') inQuotes = !inQuotes;
        else if (c === delimiter && !inQuotes) count++;
      }
      if (count > 0) counts.set(count, (counts.get(count) ?? 0) + 1);
    }
    for (const [fields, lineCount] of counts) {
      if (lineCount > best.lines || (lineCount === best.lines && fields > best.fields)) {
        best = { delimiter, lines: lineCount, fields };
      }
    }
  }
  return { delimiter: best.delimiter, sepLine: false };
}
