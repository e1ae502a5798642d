// npm run bench: the benchmark described in docs/benchmark.md. Generates national-scale inputs into
// bench/.data/ (once), then measures the built CLI against its references in the same run — csv-parse
// streaming the CSV alone, the xlsx floor (the worksheet inflated by zlib, its cells counted), `node -e 0` —
// each figure the median of several child processes, interleaved. Prints each ratio with its target, writes
// bench/results.json and, with --docs, replaces the "## Latest figures" section of docs/benchmark.md.
// Exits with 1 when a target is missed.
//
//   node bench/run.js [--runs N] [--docs]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONVERT_ROWS, generate, LEAVES, NATIONAL_UNITS } from './generate.js';
import { compare } from './measure.js';

const here = (p) => new URL(p, import.meta.url).pathname;
const argv = process.argv.slice(2);
const runsArg = argv.indexOf('--runs');
const RUNS = Math.max(3, runsArg >= 0 ? Number(argv[runsArg + 1]) : 5);
const CLI = here('../bin/cchc.js');
const log = (s) => process.stderr.write(`${s}\n`);

const files = await generate(here('.data'), log);
const out = mkdtempSync(join(tmpdir(), 'cchc-bench-out-'));
process.on('exit', () => rmSync(out, { recursive: true, force: true }));
const loadBefore = loadavg();

const score = (scores, format = 'json', extra = []) => ({
  label: `cchc score ${scores.split('/').pop()} --format ${format}`,
  script: CLI,
  args: ['score', '--criteria', files.criteria, '--scores', scores, '--format', format, ...extra],
  rss: true,
});
const baseline = (name, file) => ({
  label: `${name} ${file.split('/').pop()}`,
  script: here(`baseline-${name}.js`),
  args: [file],
  rss: true,
});
const node0 = { label: 'node -e 0', script: null, args: ['-e', '0'] };
const progress = (label, s) =>
  log(`  ${label}: ${(s.ms / 1000).toFixed(2)} s${s.rssMb === null ? '' : `, ${s.rssMb.toFixed(0)} MB`}`);

const LONG_ROWS = NATIONAL_UNITS * LEAVES;
const rows = [];
const add = (row) => {
  rows.push(row);
  log(`${row.measure}: ${row.value} (${row.result})`);
};
const sec = (ms) => `${(ms / 1000).toFixed(2)} s`;
const mb = (m) => `${m.rssMb.toFixed(0)} MB`;
const verdict = (ok) => (ok ? 'PASS' : 'FAIL');
const ratioRow = (id, measure, m, base, limit, unit = sec) =>
  add({
    id,
    measure,
    value: unit(m.ms),
    reference: unit(base.ms),
    ratio: m.ms / base.ms,
    target: `≤ ${limit}×`,
    result: verdict(m.ms / base.ms <= limit),
  });
const rssRow = (id, measure, m, limitMb, reference = null) =>
  add({
    id,
    measure,
    value: mb(m),
    reference,
    ratio: null,
    target: `≤ ${limitMb} MB`,
    result: verdict(m.rssMb <= limitMb),
  });

log(`(a) national long CSV (${LONG_ROWS.toLocaleString('en')} rows), ${RUNS} runs each`);
const [csv, csvBase] = await compare([score(files.longCsv), baseline('csv', files.longCsv)], RUNS, progress);
ratioRow('csv', '(a) score national long CSV vs csv-parse streaming alone', csv, csvBase, 0.8);

log(`(b) national long XLSX, ${RUNS} runs each`);
const [xlsx, floor] = await compare(
  [score(files.longXlsx), baseline('floor', files.longXlsx)],
  RUNS,
  progress,
);
ratioRow('xlsx', '(b) score national long XLSX vs the floor (zlib inflate, cells counted)', xlsx, floor, 1.8);

rssRow('rssCsv', '(c) peak RSS, national CSV', csv, 128, `${mb(csvBase)} (csv-parse alone)`);
rssRow('rssXlsx', '(c) peak RSS, national XLSX', xlsx, 128, `${mb(floor)} (floor)`);

const perRow = (m, n) => (m.ms * 1000) / n; // µs per row
for (const [id, what, file, one] of [
  ['Csv', 'CSV', files.long4Csv, csv],
  ['Xlsx', 'XLSX', files.long4Xlsx, xlsx],
]) {
  log(`(d) 4× national long ${what} (${(4 * LONG_ROWS).toLocaleString('en')} rows), ${RUNS} runs`);
  const [four] = await compare([score(file)], RUNS, progress);
  rssRow(`rss4${id}`, `(d) peak RSS, 4× national ${what}`, four, 256);
  const growth = perRow(four, 4 * LONG_ROWS) / perRow(one, LONG_ROWS);
  add({
    id: `linear${id}`,
    measure: `(d) time per row, 4× vs 1× national ${what}`,
    value: `${perRow(four, 4 * LONG_ROWS).toFixed(2)} µs/row (${sec(four.ms)})`,
    reference: `${perRow(one, LONG_ROWS).toFixed(2)} µs/row`,
    ratio: growth,
    target: '≤ 1.25×',
    result: verdict(growth <= 1.25),
  });
  // Linear memory: no more bytes per row at 4× than at 1× (bounded memory does better).
  const memGrowth = four.rssMb / (4 * one.rssMb);
  add({
    id: `linearMem${id}`,
    measure: `(d) peak RSS per row, 4× vs 1× national ${what}`,
    value: `${mb(four)} / 4`,
    reference: mb(one),
    ratio: memGrowth,
    target: '≤ 1×',
    result: verdict(memGrowth <= 1),
  });
}

// npm run demo's command: the province sample, table output, as a newcomer first runs it.
const DEMO = [
  'score',
  '--criteria',
  here('../fixtures/province/criteria.xlsx'),
  '--scores',
  here('../fixtures/province/scores.xlsx'),
  '--survey',
  here('../fixtures/province/survey.csv'),
];
const STARTUP_RUNS = Math.max(21, RUNS * 7);
log(`(e) province sample (npm run demo) and (f) start-up, ${STARTUP_RUNS} runs each`);
const [demo, version, bare] = await compare(
  [
    { label: 'cchc score (npm run demo)', script: CLI, args: DEMO },
    { label: 'cchc --version', script: CLI, args: ['--version'] },
    node0,
  ],
  STARTUP_RUNS,
);
const ms = (t) => `${t.toFixed(0)} ms`;
ratioRow('province', '(e) province sample, table output (npm run demo) vs node -e 0', demo, bare, 2.5, ms);
ratioRow('version', '(f) cchc --version vs node -e 0', version, bare, 1.3, ms);

log(`(g) --format table vs --format json, national CSV, ${RUNS} runs each`);
const [asTable, asJson] = await compare(
  [score(files.longCsv, 'table'), score(files.longCsv, 'json')],
  RUNS,
  progress,
);
ratioRow('table', '(g) score national CSV --format table vs --format json', asTable, asJson, 1.2);

log(`(h) convert ${CONVERT_ROWS.toLocaleString('en')} rows CSV → xlsx, ${RUNS} runs`);
const [convert] = await compare(
  [
    {
      label: 'cchc convert → xlsx',
      script: CLI,
      args: ['convert', files.convertCsv, '-o', join(out, 'convert.xlsx')],
      rss: true,
    },
  ],
  RUNS,
  progress,
);
add({
  id: 'convertXlsx',
  measure: `(h) convert ${CONVERT_ROWS.toLocaleString('en')} CSV rows → -o x.xlsx, peak RSS`,
  value: `${mb(convert)} (${sec(convert.ms)})`,
  reference: null,
  ratio: null,
  target: '≤ 256 MB',
  result: verdict(convert.rssMb <= 256),
});

log(`wide XLSX (${NATIONAL_UNITS} rows × ${LEAVES} leaf columns), for the record, ${RUNS} runs each`);
const [wide, wideFloor] = await compare(
  [score(files.wideXlsx), baseline('floor', files.wideXlsx)],
  RUNS,
  progress,
);
add({
  id: 'wide',
  measure: 'score national wide XLSX vs its floor',
  value: `${sec(wide.ms)}, ${mb(wide)}`,
  reference: sec(wideFloor.ms),
  ratio: wide.ms / wideFloor.ms,
  target: '(information)',
  result: 'info',
});

const load = (l) => l.map((x) => x.toFixed(1)).join(' ');
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  date: new Date().toISOString().slice(0, 10),
  runs: RUNS,
  loadBefore: load(loadBefore),
  loadAfter: load(loadavg()),
};

const fmtRatio = (r) => (r === null ? '' : `${r.toFixed(2)}×`);
const table = [
  '| measure | cchc | reference | ratio | target | result |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows.map(
    (r) =>
      `| ${r.measure} | ${r.value} | ${r.reference ?? ''} | ${fmtRatio(r.ratio)} | ${r.target} | ${r.result} |`,
  ),
].join('\n');
const machineLine = `${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.platform}, ${machine.date}; median of ${RUNS} runs (province and start-up: ${STARTUP_RUNS}); load average ${machine.loadBefore} before, ${machine.loadAfter} after (1, 5, 15 min)`;
process.stdout.write(`\n${table}\n\n${machineLine}\n`);

writeFileSync(here('results.json'), `${JSON.stringify({ machine, results: rows }, null, 2)}\n`);

if (argv.includes('--docs')) {
  // docs/benchmark.md explains the figures; only its last section, the figures themselves, is rewritten.
  const page = here('../docs/benchmark.md');
  const text = readFileSync(page, 'utf8');
  const at = text.indexOf('\n## Latest figures');
  const section = `## Latest figures

Machine: ${machineLine}. Written by \`npm run bench -- --docs\`.

${table}
`;
  writeFileSync(page, `${at >= 0 ? text.slice(0, at) : text.trimEnd()}\n\n${section}`);
  log('docs/benchmark.md: Latest figures updated');
  // The README shows the same figures, shorter: between its two bench markers.
  const readme = here('../README.md');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const r = readFileSync(readme, 'utf8');
  const from = r.indexOf(start);
  const to = r.indexOf(end);
  if (from >= 0 && to > from) {
    const short = rows
      .filter((row) => row.result !== 'info' && !row.id.startsWith('linear'))
      .map(
        (row) => `| ${row.measure} | ${row.value} | ${fmtRatio(row.ratio)} | ${row.target} | ${row.result} |`,
      );
    const body = [
      `${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.date} (load average ${machine.loadBefore} before):`,
      '',
      '| measure | cchc | ratio | target | result |',
      '| --- | --- | --- | --- | --- |',
      ...short,
    ].join('\n');
    writeFileSync(readme, `${r.slice(0, from + start.length)}\n${body}\n${r.slice(to)}`);
    log('README.md: benchmark figures updated');
  }
}

const failed = rows.filter((r) => r.result === 'FAIL').map((r) => r.id);
if (failed.length > 0) {
  log(`targets not met: ${failed.join(', ')}`);
  process.exitCode = 1;
}
