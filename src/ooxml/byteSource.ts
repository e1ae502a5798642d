import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';

/**
 * The bytes of one input: a regular file read in place (random access for the zip directory, streaming
 * for the rows), or a buffer (stdin, pipes and FIFOs, which cannot be read twice).
 */
export type ByteSource =
  | { kind: 'file'; path: string; size: number }
  | { kind: 'buffer'; buffer: Buffer; size: number };

const CHUNK = 256 * 1024;

/** Random access reads; the handle is opened once for a batch of reads. */
export async function withReader<T>(
  src: ByteSource,
  body: (readAt: (offset: number, length: number) => Promise<Buffer>) => Promise<T>,
): Promise<T> {
  if (src.kind === 'buffer') {
    return body(async (offset, length) => src.buffer.subarray(offset, Math.min(src.size, offset + length)));
  }
  const handle = await open(src.path, 'r');
  try {
    return await body(async (offset, length) => {
      const n = Math.max(0, Math.min(length, src.size - offset));
      const buf = Buffer.allocUnsafe(n);
      const { bytesRead } = await handle.read(buf, 0, n, offset);
      return buf.subarray(0, bytesRead);
    });
  } finally {
    await handle.close();
  }
}

export const readRange = (src: ByteSource, offset: number, length: number): Promise<Buffer> =>
  withReader(src, (readAt) => readAt(offset, length));

/** The bytes from `start` to the end, as a stream of chunks. */
export function streamFrom(src: ByteSource, start = 0): Readable {
  if (src.kind === 'file') return createReadStream(src.path, { start, highWaterMark: CHUNK });
  const { buffer } = src;
  return Readable.from(
    (function* () {
      for (let i = start; i < buffer.length; i += CHUNK) yield buffer.subarray(i, i + CHUNK);
    })(),
    { objectMode: false },
  );
}
