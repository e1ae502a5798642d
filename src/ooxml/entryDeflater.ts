import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * zlib level 2: on a province report (3 MB of XML) it deflates in about 13 ms where the default level 6
 * takes about 50 ms, for a file about 18% larger (430 kB instead of 360 kB). docs/benchmark.md counts time.
 */
const LEVEL = 2;
const SYNC = { level: LEVEL, finishFlush: constants.Z_SYNC_FLUSH };

/** A zip entry's content, already deflated: what the zip writer needs to store it without the raw bytes. */
export interface DeflatedData {
  /** CRC-32 of the raw bytes. */
  crc: number;
  /** Raw (inflated) size in bytes. */
  size: number;
  /** The raw deflate stream, in pieces. */
  chunks: readonly Buffer[];
  compressedSize: number;
}

/**
 * One zip entry deflated while it is being written, so that a large part (a 100,000-row sheet is about
 * 40 MB of XML) never exists whole: only its compressed pieces are kept.
 *
 * Each piece is deflated on its own by Node's synchronous zlib and ended with a sync flush (an empty
 * stored block that byte-aligns the stream, no final bit); the last piece ends the stream. Concatenated,
 * the pieces are one valid raw deflate stream (the technique of pigz), made the same way from the same
 * bytes. A piece starts with an empty window, which costs little at the writers' 256 kB pieces.
 */
export class EntryDeflater {
  readonly #chunks: Buffer[] = [];
  #crc = 0;
  #size = 0;
  #compressed = 0;

  /** Deflates `bytes` now; the caller may reuse the buffer afterwards. */
  push(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.#crc = crc32(bytes, this.#crc);
    this.#size += bytes.length;
    this.#add(deflateRawSync(bytes, SYNC));
  }

  /**
   * Ends the entry. `head` is placed before everything pushed (a worksheet's head depends on its rows, so
   * it is known last), `tail` after it.
   */
  finish(head: Uint8Array = EMPTY, tail: Uint8Array = EMPTY): DeflatedData {
    this.#crc = crc32(tail, this.#crc);
    this.#size += tail.length;
    this.#add(deflateRawSync(tail, { level: LEVEL }));
    if (head.length > 0) {
      const first = deflateRawSync(head, SYNC);
      this.#chunks.unshift(first);
      this.#compressed += first.length;
      this.#crc = crc32Combine(crc32(head), this.#crc, this.#size);
      this.#size += head.length;
    }
    return { crc: this.#crc, size: this.#size, chunks: this.#chunks, compressedSize: this.#compressed };
  }

  #add(piece: Buffer): void {
    this.#chunks.push(piece);
    this.#compressed += piece.length;
  }
}

const EMPTY = new Uint8Array(0);

/** A whole entry deflated at once. */
export function deflated(data: string | Uint8Array): DeflatedData {
  const raw = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return new EntryDeflater().finish(EMPTY, raw);
}

/**
 * The CRC-32 of A followed by B, from crc(A), crc(B) and B's length (zlib's crc32_combine: multiplying
 * by the operator "append len2 zero bytes" in GF(2), built by repeated squaring).
 */
export function crc32Combine(crc1: number, crc2: number, len2: number): number {
  if (len2 <= 0) return crc1 >>> 0;
  const even = new Uint32Array(32);
  const odd = new Uint32Array(32);
  odd[0] = 0xedb88320; // the CRC-32 polynomial: the operator for one zero bit
  for (let n = 1, row = 1; n < 32; n++, row <<= 1) odd[n] = row;
  square(even, odd); // two zero bits
  square(odd, even); // four zero bits
  let crc = crc1 >>> 0;
  let len = len2;
  for (;;) {
    square(even, odd); // the first pass gives one zero byte
    if (len % 2 === 1) crc = times(even, crc);
    len = Math.floor(len / 2);
    if (len === 0) break;
    square(odd, even);
    if (len % 2 === 1) crc = times(odd, crc);
    len = Math.floor(len / 2);
    if (len === 0) break;
  }
  return (crc ^ crc2) >>> 0;
}

function times(matrix: Uint32Array, vector: number): number {
  let sum = 0;
  for (let v = vector >>> 0, i = 0; v !== 0; v >>>= 1, i++) if (v & 1) sum ^= matrix[i]!;
  return sum >>> 0;
}

function square(into: Uint32Array, matrix: Uint32Array): void {
  for (let n = 0; n < 32; n++) into[n] = times(matrix, matrix[n]!);
}
