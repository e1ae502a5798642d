// holdYoungGeneration asks V8 to keep its young generation small only for large inputs: a province's files
// (a few hundred KB) keep V8's default, a national file (6 MB of xlsx, 14 MB of CSV) holds it. And the flag
// is one V8 knows, on this Node: set in a child process, the young generation then stays small while a
// million objects survive scavenges, where by default it grows to its largest.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { HOLD_FLAG, holdYoungGeneration } from '../../src/pipeline/youngGeneration.js';

const newSpaceAfterSurvivors = (flags: string | null): number => {
  const script = `
    const v8 = require('node:v8');
    ${flags === null ? '' : `v8.setFlagsFromString(${JSON.stringify(flags)});`}
    const kept = [];
    for (let i = 0; i < 1e6; i++) kept.push({ i });
    process.stdout.write(String(v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size));
  `;
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
};

describe('holdYoungGeneration', () => {
  it('holds the young generation for inputs of 2 MiB or more, and only then', () => {
    const set: string[] = [];
    holdYoungGeneration(600 * 1024, (f) => set.push(f));
    expect(set).toEqual([]);
    holdYoungGeneration(2 * 1024 * 1024, (f) => set.push(f));
    holdYoungGeneration(14 * 1024 * 1024, (f) => set.push(f));
    expect(set).toEqual([HOLD_FLAG, HOLD_FLAG]);
  });

  it('sets a flag that keeps the young generation at its first size', () => {
    const held = newSpaceAfterSurvivors(HOLD_FLAG);
    const grown = newSpaceAfterSurvivors(null);
    // Node 20 and 22: 2 MB held, 32 MB grown. Node 24's V8 still grows it now and then (2–11 MB, 64 MB).
    expect(held).toBeLessThan(grown / 2);
  });
});
