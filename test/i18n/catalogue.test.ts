import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/i18n/messages.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const usedCodes = [
  ...new Set(
    sources('src').flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/'([EWI]_[A-Z0-9_]+)'/g)].map((m) => m[1]!),
    ),
  ),
].sort();

describe('message catalogue', () => {
  it('has a Vietnamese and an English message for every code the code base emits', () => {
    const missing = usedCodes.filter((c) => !MESSAGES[c]);
    expect(missing).toEqual([]);
    for (const [code, entry] of Object.entries(MESSAGES)) {
      expect(entry.vi({}), code).not.toBe('');
      expect(entry.en({}), code).not.toBe('');
    }
  });
});
