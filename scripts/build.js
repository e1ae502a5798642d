// npm run build: src/ bundled by esbuild into one CommonJS file, dist/cli/main.js (docs/architecture.md,
// "Why a bundle"). CommonJS so that bin/cchc.js can compile it with V8's code cache (bin/codeCache.js), which
// Node 20 offers for a script and not for an ES module. Dependencies stay external; every import() becomes
// a require() made when it runs, so what a run does not use is still neither loaded nor run.
import { rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const out = new URL('../dist/cli/', import.meta.url).pathname;
rmSync(new URL('../dist/', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: [new URL('../src/cli/main.ts', import.meta.url).pathname],
  outfile: `${out}main.js`,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  packages: 'external',
  target: 'node20',
  // A script compiled by vm.Script may not call import() on Node 20: external packages are required.
  supported: { 'dynamic-import': false },
  // import.meta.url (the package's own files, a require() of cli-table3) from the bundle's own path.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "var __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  sourcemap: true,
  logLevel: 'warning',
});
// The package is "type": "module"; this folder's .js files are CommonJS.
writeFileSync(`${out}package.json`, '{ "type": "commonjs" }\n');
