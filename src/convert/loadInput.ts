import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadOptions } from '../read/openSheets.js';
import { type CleanStats, cleanSheets, csvEncoding, loadSheets, type Sheet } from './cleanFile.js';
import type { LegacyFontOption } from './legacyFont.js';

/** Same sample size as the CSV reader, so the encoding judged here is the one it decoded with. */
const SAMPLE_BYTES = 1024 * 1024;

export interface LoadedInput {
  file: string;
  sheets: Sheet[];
  stats: CleanStats;
}

async function head(file: string, stdin: Buffer | null): Promise<{ bytes: Buffer; complete: boolean }> {
  if (stdin) return { bytes: stdin.subarray(0, SAMPLE_BYTES), complete: stdin.length <= SAMPLE_BYTES };
  try {
    const fh = await open(file, 'r');
    try {
      const buf = Buffer.alloc(SAMPLE_BYTES);
      const { bytesRead } = await fh.read(buf, 0, SAMPLE_BYTES, 0);
      const { size } = await fh.stat();
      return { bytes: buf.subarray(0, bytesRead), complete: bytesRead >= size };
    } finally {
      await fh.close();
    }
  } catch {
    return { bytes: Buffer.alloc(0), complete: true }; // openSheets reports the file's problem in words
  }
}

/**
 * Reads one input whole and cleans it (legacy font, number text). `stdin` holds standard input's bytes
 * when the input is '-': convert reads them once, to judge the encoding and then to parse.
 */
export async function loadInput(
  file: string,
  options: { read: ReadOptions; legacyFont: LegacyFontOption; stdin: Buffer | null },
): Promise<LoadedInput> {
  const read: ReadOptions = options.stdin
    ? { ...options.read, stdin: Readable.from([options.stdin]) }
    : options.read;
  const sheets = await loadSheets(file, read);
  const isJson = extname(file).toLowerCase() === '.json';
  const sample = isJson ? null : await head(file, options.stdin);
  const encoding = sample ? csvEncoding(sample.bytes, sample.complete, options.read.encoding) : null;
  const stats = cleanSheets(sheets, encoding, { legacyFont: options.legacyFont });
  return { file, sheets, stats };
}
