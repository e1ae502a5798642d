// bin/codeCache.js: the bundle compiled with V8's code cache, kept beside it (docs/architecture.md).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseEnv, ROOT, workspace } from './helpers.js';

interface Loaded {
  exports: { main: () => number };
  cached: boolean;
  save: () => void;
}
const { load } = createRequire(import.meta.url)(join(ROOT, 'bin', 'codeCache.js')) as {
  load: (file: string) => Loaded;
};

describe('the code cache of the bundle', () => {
  it('is written after a run without one, and taken by the next run', async () => {
    const ws = await workspace();
    const file = join(ws.dir, 'main.js');
    const source = 'exports.main = () => [1, 2, 3].reduce((a, b) => a + b, 36);\n';
    writeFileSync(file, source);
    const first = load(file);
    expect(first.cached).toBe(false);
    expect(first.exports.main()).toBe(42);
    first.save();
    const bytes = readFileSync(`${file}.cache`);
    // The SHA-256 of the source it was made from, then V8's bytes.
    expect(bytes.subarray(0, 32).equals(createHash('sha256').update(source).digest())).toBe(true);
    expect(bytes.length).toBeGreaterThan(32);
    const second = load(file);
    expect(second.cached).toBe(true);
    expect(second.exports.main()).toBe(42);
  });

  it('is not given to another source of the same length (V8 checks only the length)', async () => {
    const ws = await workspace();
    const file = join(ws.dir, 'main.js');
    writeFileSync(file, 'exports.main = () => 42;\n');
    load(file).save();
    writeFileSync(file, 'exports.main = () => 43;\n');
    const other = load(file);
    expect(other.cached).toBe(false);
    expect(other.exports.main()).toBe(43);
    other.save();
    expect(load(file).cached).toBe(true);
  });

  it('never fails a run: a cache that cannot be read or written is no cache', async () => {
    const ws = await workspace();
    const file = join(ws.dir, 'main.js');
    writeFileSync(file, 'exports.main = () => 42;\n');
    mkdirSync(`${file}.cache`); // neither readable as a file nor replaceable by one
    const run = load(file);
    expect(run.cached).toBe(false);
    expect(run.exports.main()).toBe(42);
    expect(() => run.save()).not.toThrow();
    expect(readdirSync(ws.dir).sort()).toEqual(['main.js', 'main.js.cache']);
    // Nothing left behind: no half-written cache under another name.
    expect(readdirSync(join(ws.dir, 'main.js.cache'))).toEqual([]);
  });
});

describe('bin/cchc.js and the code cache', () => {
  /** The package's bin and bundle copied into a folder of their own, so that the cache is theirs alone. */
  async function copy(): Promise<{ dir: string; cache: string }> {
    const ws = await workspace();
    for (const f of ['bin/cchc.js', 'bin/codeCache.js', 'bin/package.json', 'package.json']) {
      mkdirSync(dirname(join(ws.dir, f)), { recursive: true });
      copyFileSync(join(ROOT, f), join(ws.dir, f));
    }
    mkdirSync(join(ws.dir, 'dist', 'cli'), { recursive: true });
    for (const f of ['main.js', 'package.json']) {
      copyFileSync(join(ROOT, 'dist', 'cli', f), join(ws.dir, 'dist', 'cli', f));
    }
    symlinkSync(join(ROOT, 'node_modules'), join(ws.dir, 'node_modules'));
    return { dir: ws.dir, cache: join(ws.dir, 'dist', 'cli', 'main.js.cache') };
  }
  const spawnBin = (dir: string, args: string[]) =>
    new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [join(dir, 'bin', 'cchc.js'), ...args], {
        cwd: ROOT,
        env: baseEnv(),
        stdio: 'ignore',
      });
      child.on('close', resolve);
    });

  it('is written by a run that did its work, not by a usage error, and read by the runs after', async () => {
    const { dir, cache } = await copy();
    const P = join(ROOT, 'fixtures', 'province');
    expect(await spawnBin(dir, ['validate', '--criteria', 'no-such-file.xlsx', '--scores', 'x.csv'])).toBe(2);
    expect(existsSync(cache)).toBe(false);
    const args = ['validate', '--criteria', join(P, 'criteria.csv'), '--scores', join(P, 'scores.csv')];
    expect(await spawnBin(dir, [...args, '--no-survey'])).toBe(0);
    const written = statSync(cache).mtimeMs;
    expect(await spawnBin(dir, [...args, '--no-survey'])).toBe(0);
    expect(statSync(cache).mtimeMs).toBe(written); // taken, so not written again
  });
});
