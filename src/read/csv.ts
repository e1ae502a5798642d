import { basename, extname } from 'node:path';
import { columnLetter, type RawRow, type SheetSource } from '../model/cell.js';
import { type Diagnostic, diag } from '../model/diagnostic.js';
import { UsageError } from '../model/errors.js';
import { type ByteSource, readRange, streamFrom } from '../ooxml/byteSource.js';
import { nfc } from '../ooxml/nfc.js';
import { type CsvRecord, CsvTokenizer, type MultilineField } from './csvTokenizer.js';
import { detectEncoding, unsupportedEncoding } from './decodeText.js';
import { withNullFonts } from './nullFonts.js';
import { readError } from './source.js';
import { unbatch } from './unbatch.js';

export interface CsvOptions {
  encoding?: string;
  maxRows: number;
  /** Give each row its cells' fonts: a CSV stores none, so every one is null. */
  cellFonts?: boolean;
  /** Told of what the reader doubts: undecodable bytes, quoted fields spanning lines (warnings). */
  notice?: ((d: Diagnostic) => void) | undefined;
}

/** Enough bytes to detect the encoding and the delimiter of any real file. */
const SAMPLE_BYTES = 1024 * 1024;
const SNIFF_LINES = 50;
/** An unclosed quote must not swallow the whole file into one field. */
const MAX_RECORD_CHARS = 16 * 1024 * 1024;

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
  const text = new TextDecoder(encoding).decode(sample.subarray(bom), { stream: sample.length < src.size });
  const sniffed = sniffDelimiter(text);
  const delimiter = ext === '.tsv' ? '\t' : sniffed.delimiter;
  const sheet = file === '-' ? 'stdin' : basename(file, extname(file));
  yield {
    file,
    sheet,
    index: 1,
    hidden: false,
    merges: () => [],
    rows: () => {
      const rows = records(
        src,
        file,
        sheet,
        { bom, encoding, delimiter, skipFirst: sniffed.sepLine },
        options.maxRows,
        options.notice ?? (() => {}),
      );
      return unbatch(options.cellFonts === true ? withoutFonts(rows) : rows);
    },
  };
}

interface Plan {
  bom: number;
  encoding: ReturnType<typeof detectEncoding>['encoding'];
  delimiter: string;
  skipFirst: boolean;
}

/** The records of the file as rows, a batch per chunk of bytes. */
async function* withoutFonts(batches: AsyncIterable<RawRow[]>): AsyncGenerator<RawRow[]> {
  for await (const batch of batches) yield batch.map(withNullFonts);
}

async function* records(
  src: ByteSource,
  file: string,
  sheet: string,
  plan: Plan,
  maxRows: number,
  notice: (d: Diagnostic) => void,
) {
  const bytes = streamFrom(src, plan.bom);
  // Decoding in streaming mode carries a character split between chunks over to the next one. A byte that
  // is not of the encoding becomes U+FFFD, and its line is warned about.
  const decoder = new TextDecoder(plan.encoding);
  const tokenizer = new CsvTokenizer(plan.delimiter, MAX_RECORD_CHARS, nfc);
  let n = 0;
  let undecodable = false;
  const rows = (records: CsvRecord[]): RawRow[] => {
    const out: RawRow[] = [];
    for (const cells of records) {
      if (++n > maxRows) throw new UsageError('E_TOO_MANY_ROWS', { file, sheet, limit: maxRows });
      if (undecodable) warnUndecodable(cells, n);
      if (n === 1 && plan.skipFirst) continue;
      // An empty line (or one of empty fields) is counted, not returned.
      if (cells.some((c) => c !== null)) out.push({ row: n, cells });
    }
    return out;
  };
  const warnUndecodable = (cells: CsvRecord, row: number) => {
    const col = cells.findIndex((c) => c?.includes('\uFFFD'));
    if (col < 0) return;
    const column = columnLetter(col);
    notice(
      diag(
        'W_TEXT_UNDECODABLE',
        'warning',
        { file, sheet, row, column, cell: `${column}${row}` },
        { found: cells[col]!, encoding: plan.encoding },
      ),
    );
  };
  const text = (t: string) => {
    // Only a chunk that holds a replacement character makes its records (and those after) be looked at.
    if (!undecodable && t.includes('\uFFFD')) undecodable = true;
    return t;
  };
  try {
    for await (const chunk of bytes)
      yield rows(tokenizer.push(text(decoder.decode(chunk as Buffer, { stream: true }))));
    yield rows([...tokenizer.push(text(decoder.decode())), ...tokenizer.end()]);
  } catch (e) {
    throw readError(e, file);
  } finally {
    bytes.destroy();
  }
  warnMultiline(tokenizer.multiline, n, { file, sheet }, notice);
}

/**
 * Quoted fields that held line breaks, in a file whose other records are single-line: a quote opened by
 * mistake and closed lines later swallows whole records (once, the top-ranked unit) without a word. A file
 * where such fields are common (notes typed with Alt+Enter) is left alone: at most 1 % of its records.
 */
function warnMultiline(
  fields: readonly MultilineField[],
  records: number,
  where: { file: string; sheet: string },
  notice: (d: Diagnostic) => void,
): void {
  if (fields.length === 0 || fields.length > Math.max(1, Math.floor(records / 100))) return;
  for (const f of fields) {
    const column = columnLetter(f.column);
    notice(
      diag(
        'W_CSV_QUOTE_SPANS_LINES',
        'warning',
        { ...where, row: f.record, column, cell: `${column}${f.record}` },
        { line: f.line, until: f.until },
      ),
    );
  }
}

/**
 * Pick the delimiter among `,` `;` tab: the one that splits the most sample lines into the same number of
 * fields (quotes respected), then the one giving more fields. Excel's `sep=;` first line wins outright.
 * Vietnamese Excel writes `;` with comma decimals, so `,` also appears inside cells: consistency, not
 * frequency, decides.
 */
export function sniffDelimiter(text: string): { delimiter: Delimiter; sepLine: boolean } {
  const lines = text.split(/\r\n|\n|\r/, SNIFF_LINES + 1);
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
