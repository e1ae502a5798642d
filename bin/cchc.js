#!/usr/bin/env node
// dist/cli/ is an esbuild bundle; with CCHC_DEBUG=1 its source maps turn stack traces back into src/ lines.
if (process.env.CCHC_DEBUG === '1') process.setSourceMapsEnabled(true);
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // `cchc --version` answers before the CLI loads at all: it should cost no more than starting node
  // (main() answers it the same way when it is called in-process).
  const { readFileSync } = await import('node:fs');
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${pkg.version}\n`);
} else await run();

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

  main(process.argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
  }).then((code) => {
    process.exitCode = code;
  });
}
