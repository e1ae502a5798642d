import { describe, expect, it } from 'vitest';
import { unbatch } from '../../src/read/unbatch.js';

describe('unbatch', () => {
  it('hands out every item in order, skipping empty batches', async () => {
    async function* batches() {
      yield [1, 2];
      yield [];
      yield [3];
      yield [];
    }
    const out: number[] = [];
    for await (const x of unbatch(batches())) out.push(x);
    expect(out).toEqual([1, 2, 3]);
  });

  it('closes the source when the loop is left early, and passes errors on', async () => {
    let closed = false;
    async function* batches() {
      try {
        yield [1, 2, 3];
        yield [4];
      } finally {
        closed = true;
      }
    }
    for await (const x of unbatch(batches())) if (x === 2) break;
    expect(closed).toBe(true);
    async function* failing(): AsyncGenerator<number[]> {
      yield [1];
      throw new Error('damaged');
    }
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const x of unbatch(failing())) seen.push(x);
      })(),
    ).rejects.toThrow('damaged');
    expect(seen).toEqual([1]);
  });
});
