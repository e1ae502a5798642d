import type { Readable } from 'node:stream';
import { UsageError } from '../model/errors.js';

/**
 * Watches the stream exceljs unzips, through the one door it leaves open: it calls `input.pipe(unzipper)`.
 * - Lets the unzipper end only when it has really read its last entry (see below).
 * - Counts the bytes actually inflated into every entry (declared sizes can lie) and stops at the limit,
 *   before a lying zip bomb fills memory or the temp files exceljs writes for deferred worksheets.
 * - Turns an input or unzip error into a failure of every pending `guard`ed promise. exceljs can be left
 *   waiting on a stream that will never finish (a temp-file copy of a damaged entry, say), so callers
 *   guard their awaits rather than trusting every failure to surface.
 */
export interface ZipWatch {
  /** `promise`, or the watch's failure if that comes first. */
  guard<T>(promise: Promise<T>): Promise<T>;
}

type Entry = Readable & { write: (chunk: Uint8Array, ...rest: unknown[]) => boolean };

export function watchUnzip(input: Readable, file: string, limit: number): ZipWatch {
  let failure: unknown;
  // Rejecters of the pending guards. Not Promise.race against one long-lived promise: each race would
  // leave a reaction on it holding the chunk it resolved with, so the whole sheet would stay in memory.
  const pending = new Set<(e: unknown) => void>();
  const fail = (e: unknown) => {
    if (failure !== undefined) return;
    failure = e;
    for (const reject of pending) reject(e);
    pending.clear();
    input.destroy();
  };
  const guard = <T>(promise: Promise<T>): Promise<T> => {
    if (failure !== undefined) return Promise.reject(failure);
    return new Promise<T>((resolve, reject) => {
      pending.add(reject);
      promise.then(
        (value) => {
          pending.delete(reject);
          resolve(value);
        },
        (e: unknown) => {
          pending.delete(reject);
          reject(e);
        },
      );
    });
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
    // unzipper 0.10's Parse emits 'end' and 'close' as soon as its *input* is written (parse.js, on
    // 'finish'), not when its last entry has been read. exceljs then stops early and silently drops the
    // entries still queued: with small files or slow consumers (temp-file copies), often workbook.xml,
    // the last entry exceljs writes, so sheet names and states are lost. Only the real end gets through.
    const emit = unzip.emit.bind(unzip);
    unzip.emit = (event: string | symbol, ...args: unknown[]): boolean => {
      if ((event === 'end' || event === 'close') && !unzip.readableEnded && !unzip.destroyed) return false;
      return emit(event, ...args);
    };
    const push = unzip.push.bind(unzip);
    unzip.push = (chunk: unknown, encoding?: BufferEncoding) => {
      if (chunk && typeof chunk === 'object' && 'write' in chunk) meter(chunk as Entry);
      return push(chunk, encoding);
    };
    return pipe(dest);
  }) as Readable['pipe'];

  return { guard };
}

/** An async iterator whose next() also ends when the watch fails. */
export function guarded<T>(source: AsyncIterator<T>, watch: ZipWatch): AsyncIterator<T> {
  return { next: () => watch.guard(source.next()) };
}
