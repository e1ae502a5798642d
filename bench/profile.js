// Where a run's time goes: runs `node --cpu-prof bin/cchc.js ARGS…` once and prints the profile's self
// time by function (top N) and by group (garbage collection, the CSV tokenizer, the sheet scanner, …), as
// summarised in docs/benchmark.md ("Profiles").
//
//   node bench/profile.js [--top N] [--keep DIR] -- score --criteria … --scores … --format json
//   node bench/profile.js [--top N] --from FILE.cpuprofile      (a profile taken before)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const argv = process.argv.slice(2);
const dash = argv.indexOf('--');
const own = dash < 0 ? argv : argv.slice(0, dash);
const args = dash < 0 ? [] : argv.slice(dash + 1);
const opt = (name, fallback) => {
  const i = own.indexOf(name);
  return i < 0 ? fallback : own[i + 1];
};
const top = Number(opt('--top', 25));
const keep = opt('--keep', null);
const from = opt('--from', null);
const cli = new URL('../bin/cchc.js', import.meta.url).pathname;

let wall = null;
let status = null;
let profilePath = from;
if (from === null) {
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'cchc-prof-'));
  const t0 = performance.now();
  const run = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, cli, ...args], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  wall = performance.now() - t0;
  status = run.status;
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile written (exit ${run.status})`);
  profilePath = join(dir, file);
}
const profile = JSON.parse(readFileSync(profilePath, 'utf8'));
if (from === null && !keep) rmSync(dirname(profilePath), { recursive: true, force: true });

const maps = new Map();
// Self time per node from the samples and their time deltas.
const self = new Map();
for (const [i, id] of profile.samples.entries()) {
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
}
const byFunction = new Map();
const byGroup = new Map();
let total = 0;
for (const node of profile.nodes) {
  const ms = self.get(node.id) ?? 0;
  if (ms === 0) continue;
  total += ms;
  const f = original(node.callFrame);
  const where = f.url ? `${basename(f.url)}:${f.lineNumber + 1}` : '';
  const key = `${f.functionName || '(anonymous)'} ${where}`.trim();
  byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
  const group = groupOf(f.functionName, f.url);
  byGroup.set(group, (byGroup.get(group) ?? 0) + ms);
}

/** The bundle's frames mapped back to src/ through its source maps (npm run build writes them). */
function original(frame) {
  if (!frame.url.includes('/dist/')) return frame;
  const path = frame.url.startsWith('file:') ? fileURLToPath(frame.url) : frame.url;
  if (!maps.has(path)) {
    try {
      maps.set(path, new SourceMap(JSON.parse(readFileSync(`${path}.map`, 'utf8'))));
    } catch {
      maps.set(path, null);
    }
  }
  const entry = maps.get(path)?.findEntry(frame.lineNumber, frame.columnNumber);
  if (!entry?.originalSource) return frame;
  return { ...frame, url: entry.originalSource, lineNumber: entry.originalLine };
}

/** A coarse account of where a function belongs, by its name and file. */
function groupOf(name, url) {
  if (name === '(garbage collector)') return 'garbage collection';
  if (name === '(idle)') return 'idle (waiting for I/O)';
  if (name === '(program)' || name === '(root)') return 'V8 and Node internals';
  if (!url) return 'native (regex, string, typed-array built-ins)';
  if (url.startsWith('node:')) return `Node (${url.slice(5).split('/')[0]})`;
  if (url.includes('node_modules')) return `dependency ${url.split('node_modules/')[1].split('/')[0]}`;
  return `cchc ${basename(url)}`;
}

const pct = (ms) => `${((100 * ms) / total).toFixed(1).padStart(5)} %`;
const line = ([k, ms]) => `${ms.toFixed(0).padStart(7)} ms ${pct(ms)}  ${k}`;
const sorted = (m) => [...m].sort((a, b) => b[1] - a[1]);
process.stdout.write(
  [
    `${wall === null ? profilePath : `wall ${(wall / 1000).toFixed(2)} s (profiling included), exit ${status}`}; sampled ${(total / 1000).toFixed(2)} s`,
    '',
    'by group:',
    ...sorted(byGroup).map(line),
    '',
    `top ${top} functions by self time:`,
    ...sorted(byFunction).slice(0, top).map(line),
    '',
  ].join('\n'),
);
