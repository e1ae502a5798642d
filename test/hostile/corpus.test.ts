// The hostile-input corpus (corpus.ts) through the built command: each file ends with its expected exit
// code and code, at its place, with no stack trace; a usage error is one line naming the file, and the
// reader refuses the file with that code.
import { describe, expect, it } from 'vitest';
import { findDiag, hasStack, run, workspace } from '../cli/helpers.js';
import { errorCode, readAll } from '../read/helpers.js';
import { CRITERIA, corpus } from './corpus.js';

describe('hostile corpus', () => {
  it.each(corpus(1).map((c) => [c.name, c] as const))('%s', { timeout: 60_000 }, async (name, c) => {
    const ws = await workspace();
    await ws.write('criteria.csv', CRITERIA);
    await ws.write(name, c.bytes());
    const r = await run(
      ['score', '--criteria', 'criteria.csv', '--scores', name, '--format', 'json', ...(c.args ?? [])],
      {
        cwd: ws.dir,
      },
    );
    expect(r.code, `${c.what}\n${r.stderr.slice(0, 500)}`).toBe(c.expect.exit);
    expect(hasStack(r.stderr)).toBe(false);
    expect(r.stderr).not.toContain('\u0000');
    if (c.expect.exit === 2) {
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(name);
      const max = c.args?.[c.args.indexOf('--max-inflated-bytes') + 1];
      const options = max === undefined ? {} : { maxInflatedBytes: Number(max) };
      expect(await errorCode(() => readAll(ws.path(name), options))).toBe(c.expect.code);
    } else if (c.expect.code === undefined) {
      expect(JSON.parse(r.stdout).units).toHaveLength(1);
    } else {
      const d = findDiag(JSON.parse(r.stdout), c.expect.code);
      expect(d, r.stderr).toBeDefined();
      expect(d!.file).toBe(name);
      if (c.expect.cell) expect(d!.cell).toBe(c.expect.cell);
    }
  });
});
