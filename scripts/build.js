// npm run build: src/ bundled by esbuild into one CommonJS file, dist/cli/main.js (docs/architecture.md,
// "Why a bundle"). CommonJS so that bin/cchc.js can compile it with V8's code cache (bin/codeCache.js), which
// Node 20 offers for a script and not for an ES module. Dependencies stay external; every import() becomes
// a require() made when it runs, so what a run does not use is still neither loaded nor run.
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const out = new URL('../dist/cli/', import.meta.url).pathname;
const require = createRequire(import.meta.url);

/**
 * commander is bundled, not left external like the other packages: every run that has a command line
 * loads it, and from node_modules Node 20 compiles its files on each run (16 ms of a province run's 90),
 * where in the bundle they come from the code cache. Its command.js requires child_process at the top, for
 * executable subcommands cchc has none of, which loads net and dgram too (4 ms): that require is made
 * when child_process is first used, which is never.
 */
const commanderInBundle = {
  name: 'commander-in-bundle',
  setup(b) {
    b.onResolve({ filter: /^commander$/ }, () => ({ path: require.resolve('commander') }));
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes('/node_modules/commander/')
        ? { path: 'child_process', namespace: 'lazy' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};
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
  plugins: [commanderInBundle],
  logLevel: 'warning',
});
// The package is "type": "module"; this folder's .js files are CommonJS.
writeFileSync(`${out}package.json`, '{ "type": "commonjs" }\n');
