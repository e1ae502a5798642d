import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import type { SheetSource } from '../model/cell.js';
import { detectEncoding, type TextEncoding } from '../read/decodeText.js';
import { openSheets, type ReadOptions } from '../read/openSheets.js';
import { readJsonTable } from './jsonTable.js';

/** Same sample size as the CSV reader, so the encoding judged here is the one it decoded with. */
const SAMPLE_BYTES = 1024 * 1024;
const ZIP = [0x50, 0x4b];
const CFB = [0xd0, 0xcf];

/**
 * One input of convert, which reads it twice (first to judge it, then to write it): every sheet of an
 * xlsx, xls, csv/tsv/txt, or a JSON table written by convert, with each cell's font name where the
 * workbook stores one. Standard input is read once into memory and replayed.
 */
export interface InputSource {
  file: string;
  /** `notice` hears what the reader noticed (a corrupt cell, a file not what its name says). */
  open(notice?: ReadOptions['notice']): AsyncIterable<SheetSource>;
}

/** Bytes of standard input, read once: convert looks at them (encoding) and then parses them, twice. */
export async function readStdin(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(parts);
}

/**
 * `fonts`: ask the reader for each cell's font name (a workbook; a text file has none, and asking would
 * only give every row a list of nulls to carry).
 */
export function inputSource(
  file: string,
  read: ReadOptions,
  stdin: Buffer | null,
  fonts: boolean,
): InputSource {
  const isJson = extname(file).toLowerCase() === '.json';
  return {
    file,
    open: (notice) => {
      if (isJson) return readJsonTable(file);
      const options: ReadOptions = { ...read, cellFonts: fonts, ...(notice ? { notice } : {}) };
      if (file === '-' && stdin) options.stdin = Readable.from([stdin]);
      return openSheets(file, options);
    },
  };
}

/** What the CSV reader decoded a text input as (null for workbooks and JSON), judged on the same bytes. */
export async function inputEncoding(
  file: string,
  stdin: Buffer | null,
  forced: string | undefined,
): Promise<TextEncoding | null> {
  if (extname(file).toLowerCase() === '.json') return null;
  const sample = await head(file, stdin);
  if (sample === null) return null;
  const { bytes, complete } = sample;
  if (ZIP.every((b, i) => bytes[i] === b) || CFB.every((b, i) => bytes[i] === b)) return null;
  const text = bytes.toString('latin1', 0, 256).replace(/^\xEF\xBB\xBF/, '');
  if (/^\s*</.test(text)) return null; // an HTML "xls"
  return detectEncoding(bytes, complete, forced).encoding;
}

async function head(
  file: string,
  stdin: Buffer | null,
): Promise<{ bytes: Buffer; complete: boolean } | null> {
  if (file === '-') {
    const all = stdin ?? Buffer.alloc(0);
    return { bytes: all.subarray(0, SAMPLE_BYTES), complete: all.length <= SAMPLE_BYTES };
  }
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
    return null; // the reader has already said what is wrong with the file
  }
}
