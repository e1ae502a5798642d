#!/usr/bin/env node
// A CommonJS script (bin/package.json), like the bundle it loads: node starts an ES module entry several
// milliseconds slower, and `cchc --version` should cost no more than starting node (benchmark figure (f)).
'use strict';
const { join } = require('node:path');

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // Answered before the CLI loads at all (main() answers it the same way when it is called in-process).
  process.stdout.write(`${require('../package.json').version}\n`);
} else run();

async function run() {
  const bundle = join(__dirname, '..', 'dist', 'cli', 'main.js');
  let cli;
  if (process.env.CCHC_DEBUG === '1') {
    // dist/cli/ is an esbuild bundle; its source maps turn stack traces back into src/ lines. Node applies
    // them to what require() loads, not to a vm.Script: no code cache when debugging.
    process.setSourceMapsEnabled(true);
    cli = { exports: require(bundle), save() {} };
  } else cli = require('./codeCache.js').load(bundle);

  // A reader that stops early (`cchc score … | head`) closes the pipe. What it did not read it did not
  // want: end quietly with the run's own exit code instead of an unhandled EPIPE and a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e) => {
      if (e.code !== 'EPIPE') throw e;
      process.exit(process.exitCode ?? 0);
    });
  }

  process.exitCode = await cli.exports.main(process.argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
  });
  // The cache holds what this run compiled: not written after a usage error (exit 2) or an internal
  // one (3), which compile little of what later runs need.
  if (process.exitCode <= 1) cli.save();
}
