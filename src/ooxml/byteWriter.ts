/**
 * Text written as bytes into one fixed-size buffer that is handed to a sink each time it fills (the
 * worksheet writer's sink deflates it). Building a 2 MB sheet as one string left tens of megabytes of rope
 * fragments alive until the end, and the young-generation collections copying them took most of a
 * province report's time; text written here as it is made leaves little for the collector, and the sink
 * keeps only what it makes of the bytes, so a sheet of any length costs one buffer.
 */
export class ByteWriter {
  readonly #chunk: Buffer;
  #used = 0;

  /** `sink` must be done with the bytes when it returns: the same buffer is filled again. */
  constructor(
    private readonly sink: (bytes: Buffer) => void,
    chunkSize = 1 << 18,
  ) {
    this.#chunk = Buffer.allocUnsafe(chunkSize);
  }

  /** Text known to be ASCII (markup, references, numbers): one byte per character. */
  ascii(text: string): void {
    if (this.#used + text.length > this.#chunk.length) {
      this.flush();
      if (text.length > this.#chunk.length) {
        this.sink(Buffer.from(text, 'latin1'));
        return;
      }
    }
    this.#used += this.#chunk.write(text, this.#used, 'latin1');
  }

  /** Any text, as UTF-8 (at most three bytes per UTF-16 unit). */
  utf8(text: string): void {
    if (this.#used + 3 * text.length > this.#chunk.length) {
      this.flush();
      if (3 * text.length > this.#chunk.length) {
        this.sink(Buffer.from(text, 'utf8'));
        return;
      }
    }
    this.#used += this.#chunk.write(text, this.#used, 'utf8');
  }

  /** Hands what is buffered to the sink. */
  flush(): void {
    if (this.#used === 0) return;
    this.sink(this.#chunk.subarray(0, this.#used));
    this.#used = 0;
  }
}
