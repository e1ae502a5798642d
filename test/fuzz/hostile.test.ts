// Mutations of the hostile corpus (test/hostile/mutate.ts, fixed seed, a bounded number of cases) through
// the command: each ends with exit 0, 1 or 2 — never 3 (an internal error), never a stack trace. The long
// run with memory and time checks is `npm run fuzz` (test/fuzz/long.fuzz.ts).
import { describe, expect, it } from 'vitest';
import { hasStack, run, workspace } from '../cli/helpers.js';
import { CRITERIA } from '../hostile/corpus.js';
import { mutations } from '../hostile/mutate.js';

describe('mutated hostile files', () => {
  it('120 mutations: never an internal error', { timeout: 120_000 }, async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', CRITERIA);
    for (const c of mutations(20251103, 120)) {
      await ws.write(c.name, c.bytes());
      const r = await run(['score', '--criteria', 'criteria.csv', '--scores', c.name, '--format', 'json'], {
        cwd: ws.dir,
      });
      expect([0, 1, 2], `${c.what}: ${r.stderr.slice(0, 300)}`).toContain(r.code);
      expect(hasStack(r.stderr), c.what).toBe(false);
    }
  });
});
