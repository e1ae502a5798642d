/**
 * Bytes written in fixed-size chunks, for large XML parts. Building a 2 MB sheet as one string left tens
 * of megabytes of rope fragments alive until the end, and the young-generation collections copying them
 * took most of a province report's time; text written here as it is made leaves little for the collector.
 * Chunks, not one growing buffer, so nothing is copied on the way; they are joined once, by the caller.
 */
export class ByteWriter {
  readonly #chunks: Buffer[] = [];
  #chunk: Buffer;
  #used = 0;

  constructor(readonly chunkSize = 1 << 18) {
    this.#chunk = Buffer.allocUnsafe(chunkSize);
  }

  /** Text known to be ASCII (markup, references, numbers): one byte per character. */
  ascii(text: string): void {
    if (this.#used + text.length > this.#chunk.length) {
      this.#chunks.push(this.#chunk.subarray(0, this.#used));
      this.#chunk = Buffer.allocUnsafe(Math.max(this.chunkSize, text.length));
      this.#used = 0;
    }
    this.#used += this.#chunk.write(text, this.#used, 'latin1');
  }

  /** What was written, as the list of chunks (views, not copies). */
  chunks(): Buffer[] {
    return [...this.#chunks, this.#chunk.subarray(0, this.#used)];
  }
}
