// The CLI bundle compiled with V8's code cache: Node 20 has no compile cache for modules (Node 22's
// module.enableCompileCache), and compiling the bundle's functions the first time each runs was about
// 30 ms of a province run (docs/benchmark.md, "Start-up"). vm.Script takes the bytes V8 made at the end of an
// earlier run (script.createCachedData(): the bundle's top level and every function that run compiled),
// and writes them after a run that had none.
//
// The cache lives beside the bundle, dist/cli/main.js.cache, where only who can write the code can write it.
// V8 refuses bytes made by another V8 or under other flags, and checks the source's length only: each
// cache starts with the SHA-256 of the source it was made from, and any other source compiles from scratch.
// Nothing here is allowed to fail a run: a cache that cannot be read or written is no cache.
'use strict';
const { createHash } = require('node:crypto');
const { readFileSync, renameSync, unlinkSync, writeFileSync } = require('node:fs');
const { createRequire, wrap } = require('node:module');
const { dirname } = require('node:path');
const { Script } = require('node:vm');

const DIGEST = 32;

/**
 * The bundle's exports; `cached`: whether V8 took this run's cache; `save()` writes one when it did not.
 */
exports.load = function load(file) {
  const cacheFile = `${file}.cache`;
  const source = readFileSync(file, 'utf8');
  const digest = createHash('sha256').update(source).digest();
  let cachedData;
  try {
    const bytes = readFileSync(cacheFile);
    if (bytes.length > DIGEST && digest.equals(bytes.subarray(0, DIGEST)))
      cachedData = bytes.subarray(DIGEST);
  } catch {}
  const script = new Script(wrap(source), { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  const save = () => {
    if (cachedData !== undefined && !script.cachedDataRejected) return;
    // Written whole under another name, then renamed: a run started meanwhile reads the old or the new.
    const tmp = `${cacheFile}.${process.pid}`;
    try {
      // Made under the flags every run starts with, or no run would take it: a large run has held V8's
      // young generation (src/pipeline/youngGeneration.ts), and this puts V8's default back.
      require('node:v8').setFlagsFromString('--semi-space-growth-factor=2');
      writeFileSync(tmp, Buffer.concat([digest, script.createCachedData()]));
      renameSync(tmp, cacheFile);
    } catch {
      try {
        unlinkSync(tmp);
      } catch {}
    }
  };
  return { exports: module.exports, cached: cachedData !== undefined && !script.cachedDataRejected, save };
};
