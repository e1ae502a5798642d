// collectGarbage runs a full collection for a large run: an object nothing refers to any more is gone after
// it (its WeakRef empties), which V8 would otherwise do whenever it pleased.
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/pipeline/collectGarbage.js';

const tick = () => new Promise((r) => setImmediate(r));

describe('collectGarbage', () => {
  it('collects what nothing refers to, for a run of 50,000 values or more', async () => {
    // A WeakRef's target stays alive until the job that made it ends: made in one job, checked in another.
    let ref: WeakRef<object> | null = null;
    (() => {
      ref = new WeakRef({ rows: new Array(100_000).fill(1) });
    })();
    await tick();
    collectGarbage(50_000);
    await tick();
    expect((ref as WeakRef<object> | null)?.deref()).toBeUndefined();
  });

  it('leaves gc out of the global scope', () => {
    collectGarbage(1_000_000);
    expect('gc' in globalThis).toBe(false);
  });
});
