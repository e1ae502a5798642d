// Runs a script in this process and, on exit, reports the peak resident set size to the file named by
// the first argument: `node bench/rss.js OUT script.js args…`. The script sees `script.js args…` as argv.
//
// The peak is VmHWM of /proc/self/status: the high-water mark of this process's own memory since its exec.
// process.resourceUsage().maxRSS is not that on Linux: a spawned child starts with its parent's resident
// size at the fork as its maxRSS (the kernel keeps the larger of the old and the new image's), so every
// child of a bench run holding 220 MB reported 220 MB.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [out, script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], resolve(script), ...args];

function peakKb() {
  try {
    const m = /^VmHWM:\s*(\d+)\s*kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // no /proc: the figure resourceUsage gives is the best there is
  }
  return process.resourceUsage().maxRSS;
}

process.on('exit', (code) => {
  writeFileSync(out, JSON.stringify({ maxRssKb: peakKb(), code }));
});
await import(pathToFileURL(resolve(script)).href);
