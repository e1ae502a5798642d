import { extname } from 'node:path';
import { Readable } from 'node:stream';
import type { SheetSource } from '../model/cell.js';
import type { TextEncoding } from '../read/decodeText.js';
import { openSheets, type ReadOptions, textEncodingOf } from '../read/openSheets.js';
import { readJsonTable } from './jsonTable.js';

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

/**
 * What the CSV reader decodes a text input as (null for workbooks, HTML and XML exports, and JSON), judged
 * by the reader's own sniffing on the same bytes.
 */
export async function inputEncoding(
  file: string,
  stdin: Buffer | null,
  forced: string | undefined,
): Promise<TextEncoding | null> {
  if (extname(file).toLowerCase() === '.json') return null;
  return textEncodingOf(file, {
    ...(stdin ? { stdin: Readable.from([stdin]) } : {}),
    ...(forced ? { encoding: forced } : {}),
  });
}
