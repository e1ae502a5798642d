// Timing and peak memory of child processes, for bench/run.js.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RSS_WRAPPER = new URL('./rss.js', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'cchc-bench-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

/**
 * Runs `node script args…` once; resolves to its wall time (ms), exit code and, with `rss`, its peak
 * resident set size (MB) as the process itself reports it (process.resourceUsage().maxRSS, via rss.js).
 */
export function runOnce(script, args, { rss = false, env = {} } = {}) {
  const out = join(scratch, `rss-${process.hrtime.bigint()}.json`);
  const argv = script === null ? args : rss ? [RSS_WRAPPER, out, script, ...args] : [script, ...args];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, argv, {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', ...env },
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      if (stderr.length < 4000) stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      let rssMb = null;
      if (rss) {
        try {
          rssMb = JSON.parse(readFileSync(out, 'utf8')).maxRssKb / 1024;
        } catch {
          rssMb = null;
        }
      }
      resolve({ ms, code, rssMb, stderr });
    });
  });
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Runs each of `commands` `runs` times, interleaved (a, b, a, b, …) so that a slow moment of the machine
 * falls on both; resolves to each one's median time and median peak RSS. A run that exits non-zero fails
 * the whole benchmark: a fast failure is no measurement.
 */
export async function compare(commands, runs, onRun = () => {}) {
  const samples = commands.map(() => []);
  for (let r = 0; r < runs; r++) {
    for (const [i, c] of commands.entries()) {
      const s = await runOnce(c.script, c.args, { rss: c.rss, env: c.env });
      if (s.code !== 0) throw new Error(`${c.label} exited with ${s.code}:\n${s.stderr}`);
      samples[i].push(s);
      onRun(c.label, s);
    }
  }
  return samples.map((ss) => ({
    ms: median(ss.map((s) => s.ms)),
    rssMb: ss[0].rssMb === null ? null : median(ss.map((s) => s.rssMb)),
    runs: ss.length,
  }));
}
