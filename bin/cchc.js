#!/usr/bin/env node
// A CommonJS script (bin/package.json), though the package and dist/ are ES modules: an ESM entry costs
// node several milliseconds more to start, and `cchc --version` should cost no more than starting node
// (benchmark figure (f)). The CLI itself is loaded with import() once there is a command line to run.
'use strict';

// dist/cli/ is an esbuild bundle; with CCHC_DEBUG=1 its source maps turn stack traces back into src/ lines.
if (process.env.CCHC_DEBUG === '1') process.setSourceMapsEnabled(true);
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // Answered before the CLI loads at all (main() answers it the same way when it is called in-process).
  process.stdout.write(`${require('../package.json').version}\n`);
} else run();

async function run() {
  const { main } = await import('../dist/cli/main.js');

  // A reader that stops early (`cchc score … | head`) closes the pipe. What it did not read it did not
  // want: end quietly with the run's own exit code instead of an unhandled EPIPE and a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e) => {
      if (e.code !== 'EPIPE') throw e;
      process.exit(process.exitCode ?? 0);
    });
  }

  process.exitCode = await main(process.argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
  });
}
