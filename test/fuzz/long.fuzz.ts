// `npm run fuzz`: the hostile corpus at full scale (100 MB of markup, 50 million shared strings' worth of
// XML) and 1,000 mutations of its small files (seed from CCHC_FUZZ_SEED, default fixed), each run as its
// own process: none may end in an internal error (exit 3), use more than 512 MB or take more than 20 s.
// Each run's exit code, peak RSS and time are appended to test/.out/fuzz-report.txt.
import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BIN, baseEnv, hasStack, workspace } from '../cli/helpers.js';
import { CRITERIA, corpus, type HostileCase } from '../hostile/corpus.js';
import { mutations } from '../hostile/mutate.js';

const MAX_RSS_KB = 512 * 1024;
const MAX_SECONDS = 20;
const SEED = Number(process.env.CCHC_FUZZ_SEED ?? 20251103);
const COUNT = Number(process.env.CCHC_FUZZ_COUNT ?? 1000);
/**
 * Reports the process's peak resident memory (VmHWM) on stderr as it exits. Not resourceUsage().maxRSS:
 * Linux carries that over from the forking parent (here a test worker holding the corpus) across exec.
 */
const PEAK = `data:text/javascript,${encodeURIComponent(`
  import { readFileSync } from 'node:fs';
  process.on('exit', () => {
    const m = /VmHWM:\\s+(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'));
    process.stderr.write('\\nCCHC_MAXRSS_KB=' + (m ? m[1] : '0') + '\\n');
  });`)}`;

/** Every run's exit code, peak RSS and time, one line each. */
const REPORT = 'test/.out/fuzz-report.txt';
mkdirSync('test/.out', { recursive: true });

interface Run {
  code: number;
  stderr: string;
  rssKb: number;
  seconds: number;
}

function runMeasured(args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    const t = performance.now();
    const child = spawn(process.execPath, ['--import', PEAK, BIN, ...args], { cwd, env: baseEnv() });
    let stderr = '';
    child.stdout.resume();
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 3 * MAX_SECONDS * 1000);
    child.on('close', (code) => {
      clearTimeout(timer);
      const rss = /CCHC_MAXRSS_KB=(\d+)/.exec(stderr);
      resolve({
        code: code ?? -1,
        stderr: stderr.replace(/\nCCHC_MAXRSS_KB=\d+\n/, ''),
        rssKb: rss ? Number(rss[1]) : Number.POSITIVE_INFINITY,
        seconds: (performance.now() - t) / 1000,
      });
    });
  });
}

async function check(cases: HostileCase[], exact: boolean): Promise<string[]> {
  const ws = await workspace();
  await ws.write('criteria.csv', CRITERIA);
  const problems: string[] = [];
  let peak = 0;
  for (const c of cases) {
    await ws.write(c.name, c.bytes());
    const args = [
      'score',
      '--criteria',
      'criteria.csv',
      '--scores',
      c.name,
      '--format',
      'json',
      ...(c.args ?? []),
    ];
    const r = await runMeasured(args, ws.dir);
    peak = Math.max(peak, r.rssKb);
    const line = `${c.what}: exit ${r.code}, ${Math.round(r.rssKb / 1024)} MB, ${r.seconds.toFixed(1)} s`;
    appendFileSync(REPORT, `${line}\n`);
    if (![0, 1, 2].includes(r.code) || hasStack(r.stderr))
      problems.push(`${line}: ${r.stderr.slice(0, 300)}`);
    else if (exact && r.code !== c.expect.exit) problems.push(`${line}: expected exit ${c.expect.exit}`);
    else if (r.rssKb > MAX_RSS_KB || r.seconds > MAX_SECONDS) problems.push(line);
    await ws.write(c.name, '');
  }
  const summary = `${cases.length} runs, peak RSS ${Math.round(peak / 1024)} MB`;
  appendFileSync(REPORT, `${summary}\n`);
  console.log(summary);
  return problems;
}

describe('long fuzz', () => {
  it('the corpus at full scale: no exit 3, under 512 MB and 20 s each, the expected exit code', async () => {
    const cases = corpus(5);
    expect(await check(cases, true)).toEqual([]);
  });

  it(`${COUNT} mutations (seed ${SEED}): no exit 3, under 512 MB and 20 s each`, async () => {
    expect(await check(mutations(SEED, COUNT), false)).toEqual([]);
  });
});
