import type { Readable } from 'node:stream';
import { UsageError } from '../model/errors.js';

/**
 * Watches the stream exceljs unzips, through the one door it leaves open: it calls `input.pipe(unzipper)`.
 * - Counts the bytes actually inflated into every entry (declared sizes can lie) and stops at the limit,
 *   before a lying zip bomb fills memory or the temp files exceljs writes for deferred worksheets.
 * - Turns an input or unzip error into a rejection of `failed`. exceljs can be left waiting on a stream
 *   that will never finish (a temp-file copy of a damaged entry, say), so callers race their awaits
 *   against `failed` rather than trusting every failure to surface.
 */
export interface ZipWatch {
  failed: Promise<never>;
  /** The first failure, once there is one. */
  failure: () => unknown;
}

type Entry = Readable & { write: (chunk: Uint8Array, ...rest: unknown[]) => boolean };

export function watchUnzip(input: Readable, file: string, limit: number): ZipWatch {
  let failure: unknown;
  let reject: (e: unknown) => void = () => {};
  const failed = new Promise<never>((_, r) => {
    reject = r;
  });
  failed.catch(() => {}); // observed through races; never an unhandled rejection
  const fail = (e: unknown) => {
    if (failure !== undefined) return;
    failure = e;
    reject(e);
    input.destroy();
  };

  let inflated = 0;
  const meter = (entry: Entry) => {
    const write = entry.write.bind(entry);
    entry.write = (chunk, ...rest) => {
      inflated += chunk.length;
      if (inflated <= limit) return write(chunk, ...rest);
      const e = new UsageError('E_ZIP_TOO_LARGE', { file, size: inflated, limit });
      entry.on('error', () => {}); // exceljs may not listen (temp-file copies): never crash on it
      entry.destroy(e);
      fail(e);
      return false;
    };
  };

  const pipe = input.pipe.bind(input);
  input.pipe = (<T extends NodeJS.WritableStream>(dest: T): T => {
    const unzip = dest as unknown as Readable;
    input.once('error', (e) => {
      fail(e);
      unzip.destroy(e);
    });
    unzip.on('error', fail);
    const push = unzip.push.bind(unzip);
    unzip.push = (chunk: unknown, encoding?: BufferEncoding) => {
      if (chunk && typeof chunk === 'object' && 'write' in chunk) meter(chunk as Entry);
      return push(chunk, encoding);
    };
    return pipe(dest);
  }) as Readable['pipe'];

  return { failed, failure: () => failure };
}

/** An async iterator whose next() also ends when the watch fails. */
export function raced<T>(source: AsyncIterator<T>, watch: ZipWatch): AsyncIterator<T> {
  return { next: () => Promise.race([source.next(), watch.failed]) };
}
