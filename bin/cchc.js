#!/usr/bin/env node
// dist/cli/ is an esbuild bundle; with CCHC_DEBUG=1 its source maps turn stack traces back into src/ lines.
if (process.env.CCHC_DEBUG === '1') process.setSourceMapsEnabled(true);
const { main } = await import('../dist/cli/main.js');

main(process.argv, {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
