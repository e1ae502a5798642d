import { basename, extname } from 'node:path';
import type { RawRow, SheetSource } from '../model/cell.js';
import { UsageError } from '../model/errors.js';
import { type ByteSource, readRange, streamFrom } from '../ooxml/byteSource.js';
import { nfc } from '../ooxml/nfc.js';
import { type CsvRecord, CsvTokenizer } from './csvTokenizer.js';
import { detectEncoding } from './decodeText.js';
import { withNullFonts } from './nullFonts.js';
import { readError } from './source.js';
import { unbatch } from './unbatch.js';

export interface CsvOptions {
  encoding?: string;
  maxRows: number;
  /** Give each row its cells' fonts: a CSV stores none, so every one is null. */
  cellFonts?: boolean;
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

async function* records(src: ByteSource, file: string, sheet: string, plan: Plan, maxRows: number) {
  const bytes = streamFrom(src, plan.bom);
  // Decoding in streaming mode carries a character split between chunks over to the next one.
  const decoder = new TextDecoder(plan.encoding);
  const tokenizer = new CsvTokenizer(plan.delimiter, MAX_RECORD_CHARS, nfc);
  let n = 0;
  const rows = (records: CsvRecord[]): RawRow[] => {
    const out: RawRow[] = [];
    for (const cells of records) {
      if (++n > maxRows) throw new UsageError('E_TOO_MANY_ROWS', { file, sheet, limit: maxRows });
      if (n === 1 && plan.skipFirst) continue;
      // An empty line (or one of empty fields) is counted, not returned.
      if (cells.some((c) => c !== null)) out.push({ row: n, cells });
    }
    return out;
  };
  try {
    for await (const chunk of bytes)
      yield rows(tokenizer.push(decoder.decode(chunk as Buffer, { stream: true })));
    yield rows([...tokenizer.push(decoder.decode()), ...tokenizer.end()]);
  } catch (e) {
    throw readError(e, file);
  } finally {
    bytes.destroy();
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
