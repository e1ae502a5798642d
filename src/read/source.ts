import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { UsageError } from '../model/errors.js';
import type { ByteSource } from '../ooxml/byteSource.js';
import { FormatError } from '../ooxml/errors.js';

/** Stat and probe a path; every failure becomes the UsageError a user can act on. */
export async function openSource(
  file: string,
  stdin: NodeJS.ReadableStream | undefined,
): Promise<ByteSource> {
  if (file === '-') {
    // Standard input comes from the caller (the CLI's io), never from the process: tests run the CLI in-process.
    if (!stdin) throw new Error('no standard input was given to read "-" from');
    return bufferSource(await readAll(stdin, file));
  }
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(file);
  } catch (e) {
    throw ioError(e, file);
  }
  if (info.isDirectory()) throw new UsageError('E_FILE_UNREADABLE', { file, reason: 'is a directory' });
  if (!info.isFile()) {
    // A FIFO or character device (/dev/stdin, <(…)): no size, no seeking, so take it whole.
    return bufferSource(await readAll(createReadStream(file), file));
  }
  try {
    // Opening proves readability now, not halfway through a stream.
    await (await open(file, 'r')).close();
  } catch (e) {
    throw ioError(e, file);
  }
  return { kind: 'file', path: file, size: info.size };
}

function bufferSource(buffer: Buffer): ByteSource {
  return { kind: 'buffer', buffer, size: buffer.length };
}

async function readAll(stream: NodeJS.ReadableStream, file: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  try {
    for await (const chunk of stream) parts.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  } catch (e) {
    throw ioError(e, file);
  }
  return Buffer.concat(parts);
}

const IO_REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
};

/** A failed syscall on the input: missing, or there but unreadable. */
export function ioError(e: unknown, file: string): UsageError {
  if (e instanceof UsageError) return e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code ?? '';
  if (code === 'ENOENT' || code === 'ENOTDIR') return new UsageError('E_FILE_NOT_FOUND', { file });
  return new UsageError('E_FILE_UNREADABLE', { file, reason: IO_REASONS[code] ?? shortReason(e) });
}

/**
 * Anything thrown while decoding an input (zip, xml, csv): I/O failures keep their meaning, the rest is a
 * damaged file. The reason is one short line, never a stack.
 */
export function readError(e: unknown, file: string): UsageError {
  if (e instanceof UsageError) return e;
  if (e instanceof FormatError) return new UsageError(e.code, { file, ...e.args });
  if (typeof (e as NodeJS.ErrnoException | undefined)?.syscall === 'string') return ioError(e, file);
  return new UsageError('E_FILE_CORRUPT', { file, reason: shortReason(e) });
}

export function shortReason(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const line = (text.split('\n')[0] ?? '').trim();
  return line.length > 160 ? `${line.slice(0, 157)}...` : line || 'unknown error';
}
