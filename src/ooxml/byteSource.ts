import { open } from 'node:fs/promises';

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

/**
 * The bytes from `start` to the end, in chunks read into one buffer: a chunk is valid only until the next
 * one is asked for, so its reader must copy (decode, hash) what it keeps. Why: a stream allocates a new
 * 256 KiB buffer per chunk; a national CSV is 55 of them, and malloc, having handed out and taken back
 * blocks that size, kept them (20 MB more resident at the run's peak than the same run with one buffer).
 */
export async function* chunksFrom(src: ByteSource, start = 0): AsyncGenerator<Uint8Array> {
  if (src.kind === 'buffer') {
    for (let i = start; i < src.size; i += CHUNK) yield src.buffer.subarray(i, i + CHUNK);
    return;
  }
  const handle = await open(src.path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (let position = start; ; ) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, position);
      if (bytesRead === 0) return;
      position += bytesRead;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}
