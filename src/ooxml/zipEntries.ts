import { createReadStream } from 'node:fs';
import { Readable, type TransformOptions } from 'node:stream';
import { crc32, createInflateRaw, inflateRawSync, type ZlibOptions } from 'node:zlib';
import { type ByteSource, readRange } from './byteSource.js';
import { FormatError } from './errors.js';
import { inspectZip, type ZipEntry } from './zipGuard.js';

const CHUNK = 256 * 1024;
/**
 * Inflated chunk size. 64 KiB measured best on a national sheet: 256 KiB chunks made the XML parser's
 * strings large and kept them alive (9 s and 345 MB instead of 4.7 s and 200 MB).
 */
const INFLATED_CHUNK = 64 * 1024;
/**
 * Inflated bytes zlib may hold ready before the reader asks for them. A stream's default (16 KiB, less than
 * one chunk) let zlib inflate only the chunk after the one being read, and a national sheet's reader
 * waited for it 70–87 ms of its run; with sixteen chunks ahead, 39–60 ms (event-loop idle time, 3 runs each).
 */
const INFLATED_AHEAD = 16 * INFLATED_CHUNK;
/** zlib hands its options to its stream (Node's types list only zlib's own). */
const INFLATE_OPTIONS: ZlibOptions & TransformOptions = {
  chunkSize: INFLATED_CHUNK,
  readableHighWaterMark: INFLATED_AHEAD,
};
/** Entries declared up to this size are inflated in one call (memory: this much at most, at once). */
const WHOLE_ENTRY_BYTES = 16 * 1024 * 1024;

/** A buffer as the chunks a stream of inflated bytes would give. */
export function* slices(bytes: Buffer): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += INFLATED_CHUNK) yield bytes.subarray(i, i + INFLATED_CHUNK);
}

/**
 * Random access to the entries of a zip (an xlsx), each inflated as a stream of chunks by Node's zlib.
 * The central directory is checked first (inspectZip: truncation, encryption, declared sizes); the bytes
 * actually inflated are then counted across all entries, because declared sizes can lie: past
 * `maxInflatedBytes` the read stops with E_ZIP_TOO_LARGE before a zip bomb fills memory. Every entry read
 * is checked against its CRC-32 (a damaged archive is E_FILE_CORRUPT naming the entry), and names that
 * differ only in case are refused.
 */
export class ZipEntries {
  private inflated = 0;

  private constructor(
    private readonly src: ByteSource,
    private readonly file: string,
    private readonly byName: Map<string, ZipEntry>,
    private readonly maxInflatedBytes: number,
  ) {}

  static async open(src: ByteSource, file: string, maxInflatedBytes: number): Promise<ZipEntries> {
    const entries = await inspectZip(src, file, maxInflatedBytes);
    // Part names are case-insensitive in OPC; a few generators write "xl/SharedStrings.xml". Two entries
    // whose names differ only in case are refused: readers disagree on which one counts (Excel and
    // LibreOffice took the first, a later-wins lookup the second, and scored 0.80 where they showed 3.80).
    const byName = new Map<string, ZipEntry>();
    for (const e of entries) {
      const key = e.name.toLowerCase();
      const first = byName.get(key);
      if (first !== undefined) {
        throw new FormatError('E_FILE_CORRUPT', {
          file,
          reason: 'zip-entry-twice',
          entry: first.name,
          other: e.name,
        });
      }
      byName.set(key, e);
    }
    return new ZipEntries(src, file, byName, maxInflatedBytes);
  }

  /** The entry names, as written, in the order of the central directory. */
  get names(): string[] {
    return [...this.byName.values()].map((e) => e.name);
  }

  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }

  /** The inflated bytes of an entry, chunk by chunk; nothing for a missing entry. */
  async *chunks(name: string): AsyncGenerator<Uint8Array> {
    const entry = this.byName.get(name.toLowerCase());
    if (!entry) return;
    if (entry.method !== 0 && entry.method !== 8) {
      throw new FormatError('E_FILE_CORRUPT', {
        file: this.file,
        reason: 'zip-entry-compression',
        entry: entry.name,
        method: entry.method,
      });
    }
    const whole = await this.whole(name);
    if (whole !== null) {
      yield* slices(whole);
      return;
    }
    const raw = await this.rawStream(entry);
    const inflater = entry.method === 8 ? createInflateRaw(INFLATE_OPTIONS) : null;
    const stream = inflater ? raw.pipe(inflater) : raw;
    // pipe() does not pass errors along: a read error of the file must still end the iteration.
    if (inflater) raw.on('error', (e) => inflater.destroy(e));
    const it = (stream as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
    let crc = 0;
    let settled = false;
    try {
      for (let next = await it.next(); !next.done; next = await it.next()) {
        this.count(next.value.length);
        crc = crc32(next.value, crc);
        yield next.value;
      }
      settled = true;
      this.checkCrc(entry, crc);
    } catch (e) {
      settled = true;
      throw this.inflateFailure(e, entry);
    } finally {
      // Left early (a sheet scanned for its header only): the rest is inflated too, so that every byte
      // the reader looked at is known to be the archive's own.
      if (!settled) {
        for (let next = await it.next(); !next.done; next = await it.next()) {
          this.count(next.value.length);
          crc = crc32(next.value, crc);
        }
        this.checkCrc(entry, crc);
      }
      raw.destroy();
      inflater?.destroy();
    }
  }

  /** zlib's refusal of an entry's bytes ("invalid distance too far back") is a damaged entry, named. */
  private inflateFailure(e: unknown, entry: ZipEntry): unknown {
    const code = (e as NodeJS.ErrnoException | undefined)?.code;
    if (typeof code !== 'string' || !code.startsWith('Z_')) return e;
    return new FormatError('E_FILE_CORRUPT', {
      file: this.file,
      reason: 'zip-entry-damaged',
      entry: entry.name,
    });
  }

  /** E_FILE_CORRUPT naming the entry when its bytes are not those the archive recorded. */
  private checkCrc(entry: ZipEntry, crc: number): void {
    if (crc !== entry.crc) {
      throw new FormatError('E_FILE_CORRUPT', {
        file: this.file,
        reason: 'zip-entry-crc',
        entry: entry.name,
      });
    }
  }

  /**
   * A small entry (declared up to 16 MiB, deflated) inflated whole, so that a reader can look at its end
   * before its beginning; null for a larger entry, a stored one, or one that inflates to more than it
   * declares. Nothing for a missing entry.
   */
  async whole(name: string): Promise<Buffer | null> {
    const entry = this.byName.get(name.toLowerCase());
    if (!entry) return Buffer.alloc(0);
    if (entry.method !== 8 || entry.uncompressedSize > WHOLE_ENTRY_BYTES) return null;
    return this.inflateWhole(entry);
  }

  /**
   * A small entry inflated in one synchronous call, which saves the stream machinery (~40 ms on a
   * province's sheet). Never more than the declared size is inflated here: an entry that inflates to more
   * (a lying directory) gives null and goes through the counted stream instead.
   */
  private async inflateWhole(entry: ZipEntry): Promise<Buffer | null> {
    const { start, end } = await this.dataRange(entry);
    const stored =
      this.src.kind === 'buffer'
        ? this.src.buffer.subarray(start, end)
        : await readRange(this.src, start, end - start);
    let data: Buffer;
    try {
      data = inflateRawSync(stored, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return null;
      throw this.inflateFailure(e, entry);
    }
    this.count(data.length);
    this.checkCrc(entry, crc32(data));
    return data;
  }

  private count(bytes: number): void {
    this.inflated += bytes;
    if (this.inflated > this.maxInflatedBytes) {
      throw new FormatError('E_ZIP_TOO_LARGE', {
        file: this.file,
        size: this.inflated,
        limit: this.maxInflatedBytes,
      });
    }
  }

  /** A whole entry as UTF-8 text ('' for a missing entry); E_FILE_CORRUPT past `maxBytes`. */
  async text(name: string, maxBytes = Number.POSITIVE_INFINITY): Promise<string> {
    const decoder = new TextDecoder('utf-8');
    let text = '';
    let bytes = 0;
    for await (const chunk of this.chunks(name)) {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        throw new FormatError('E_FILE_CORRUPT', {
          file: this.file,
          reason: 'part-too-large',
          entry: name,
          limit: maxBytes,
        });
      }
      text += decoder.decode(chunk, { stream: true });
    }
    return text + decoder.decode();
  }

  /** Where an entry's stored (compressed) bytes are, found through its local header; end exclusive. */
  private async dataRange(entry: ZipEntry): Promise<{ start: number; end: number }> {
    const header = await readRange(this.src, entry.localOffset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== 0x04034b50) {
      throw new FormatError('E_FILE_CORRUPT', {
        file: this.file,
        reason: 'zip-entry-damaged',
        entry: entry.name,
      });
    }
    const start = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    const end = start + entry.compressedSize;
    if (end > this.src.size) {
      throw new FormatError('E_FILE_CORRUPT', {
        file: this.file,
        reason: 'zip-entry-truncated',
        entry: entry.name,
      });
    }
    return { start, end };
  }

  /** The stored (compressed) bytes of an entry as a stream. */
  private async rawStream(entry: ZipEntry): Promise<Readable> {
    const { start, end } = await this.dataRange(entry);
    if (this.src.kind === 'buffer') {
      const bytes = this.src.buffer.subarray(start, end);
      return Readable.from(
        (function* () {
          for (let i = 0; i < bytes.length; i += CHUNK) yield bytes.subarray(i, i + CHUNK);
        })(),
        { objectMode: false },
      );
    }
    if (end === start) return Readable.from([], { objectMode: false });
    return createReadStream(this.src.path, { start, end: end - 1, highWaterMark: CHUNK });
  }
}
