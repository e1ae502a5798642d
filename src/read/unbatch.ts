/**
 * Items handed out one by one from batches (the rows decoded from one chunk of a file). An async
 * generator that yields every row costs a few promises and queue steps per row: ~0.1 s over the 332,100
 * rows of a national file. Here a row of the current batch is one already-resolved promise; only moving
 * to the next batch waits. `return()` (a loop left early) is passed on, so the source closes its file.
 */
export function unbatch<T>(batches: AsyncIterable<T[]>): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator]() {
      const source = batches[Symbol.asyncIterator]();
      let batch: T[] = [];
      let i = 0;
      const pull = async (): Promise<IteratorResult<T, undefined>> => {
        for (;;) {
          const next = await source.next();
          if (next.done) return { value: undefined, done: true };
          if (next.value.length > 0) {
            batch = next.value;
            i = 1;
            return { value: batch[0] as T, done: false };
          }
        }
      };
      return {
        next: () => (i < batch.length ? Promise.resolve({ value: batch[i++] as T, done: false }) : pull()),
        return: async () => {
          batch = [];
          await source.return?.();
          return { value: undefined, done: true };
        },
      };
    },
  };
}
