// Runs a script in this process and, on exit, reports the peak resident set size to the file named by
// the first argument: `node bench/rss.js OUT script.js args…`. The script sees `script.js args…` as argv.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [out, script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], resolve(script), ...args];
process.on('exit', (code) => {
  writeFileSync(out, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, code }));
});
await import(pathToFileURL(resolve(script)).href);
