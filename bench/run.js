// npm run bench: the benchmark described in docs/benchmark.md. Generates national-scale inputs into
// bench/.data/ (once), then measures the built CLI against exceljs's and csv-parse's streaming readers
// alone, in the same run, each figure the median of several child processes, interleaved. Prints a table,
// writes bench/results.json and, with --docs, replaces the "## Latest figures" section of docs/benchmark.md.
//
//   node bench/run.js [--runs N] [--docs]
import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate, NATIONAL_UNITS } from './generate.js';
import { compare } from './measure.js';

const here = (p) => new URL(p, import.meta.url).pathname;
const argv = process.argv.slice(2);
const runsArg = argv.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(argv[runsArg + 1]) : 3;
const CLI = here('../bin/cchc.js');
const log = (s) => process.stderr.write(`${s}\n`);

const files = await generate(here('.data'), log);
const out = mkdtempSync(join(tmpdir(), 'cchc-bench-out-'));
process.on('exit', () => rmSync(out, { recursive: true, force: true }));

const score = (scores, extra = []) => ({
  label: `cchc score ${scores.split('/').pop()}`,
  script: CLI,
  args: ['score', '--criteria', files.criteria, '--scores', scores, '--format', 'json', ...extra],
  rss: true,
});
const exceljs = (file) => ({
  label: `exceljs WorkbookReader ${file.split('/').pop()}`,
  script: here('baseline-exceljs.js'),
  args: [file],
  rss: true,
});
const csvParse = (file) => ({
  label: `csv-parse ${file.split('/').pop()}`,
  script: here('baseline-csv.js'),
  args: [file],
  rss: true,
});
const progress = (label, s) =>
  log(`  ${label}: ${(s.ms / 1000).toFixed(2)} s${s.rssMb === null ? '' : `, ${s.rssMb.toFixed(0)} MB`}`);

const LONG_ROWS = NATIONAL_UNITS * 100;
const rows = [];
const add = (row) => {
  rows.push(row);
  log(`${row.measure}: ${row.value} (${row.result})`);
};
const sec = (ms) => `${(ms / 1000).toFixed(2)} s`;
const verdict = (ok) => (ok ? 'PASS' : 'FAIL');

log(`(a) national long XLSX (${LONG_ROWS.toLocaleString('en')} rows), ${RUNS} runs each`);
const [xlsx, xlsxBase] = await compare([score(files.longXlsx), exceljs(files.longXlsx)], RUNS, progress);
add({
  id: 'xlsx',
  measure: '(a) score national long XLSX vs exceljs streaming read',
  value: sec(xlsx.ms),
  reference: sec(xlsxBase.ms),
  ratio: xlsx.ms / xlsxBase.ms,
  target: '≤ 1.2×',
  result: verdict(xlsx.ms / xlsxBase.ms <= 1.2),
});

log(`(b) national long CSV, ${RUNS} runs each`);
const [csv, csvBase] = await compare([score(files.longCsv), csvParse(files.longCsv)], RUNS, progress);
add({
  id: 'csv',
  measure: '(b) score national long CSV vs csv-parse streaming read',
  value: sec(csv.ms),
  reference: sec(csvBase.ms),
  ratio: csv.ms / csvBase.ms,
  target: '≤ 1.3×',
  result: verdict(csv.ms / csvBase.ms <= 1.3),
});

for (const [id, what, m, base] of [
  ['rssXlsx', 'XLSX', xlsx, xlsxBase],
  ['rssCsv', 'CSV', csv, csvBase],
]) {
  add({
    id,
    measure: `(c) peak RSS, score national long ${what}`,
    value: `${m.rssMb.toFixed(0)} MB`,
    reference: `${base.rssMb.toFixed(0)} MB (reader alone)`,
    ratio: null,
    target: '≤ 256 MB',
    result: verdict(m.rssMb <= 256),
  });
}

const VERSION_RUNS = Math.max(15, RUNS * 7);
log(`(d) start-up, ${VERSION_RUNS} runs each`);
const [version, bare] = await compare(
  [
    { label: 'cchc --version', script: CLI, args: ['--version'] },
    { label: 'node -e 0', script: null, args: ['-e', '0'] },
  ],
  VERSION_RUNS,
);
add({
  id: 'version',
  measure: '(d) cchc --version vs node -e 0',
  value: `${version.ms.toFixed(0)} ms`,
  reference: `${bare.ms.toFixed(0)} ms`,
  ratio: version.ms / bare.ms,
  target: '≤ 1.6×',
  result: verdict(version.ms / bare.ms <= 1.6),
});

// An absolute target on a shared machine: more runs than the ratios need, for a steadier median.
const PROVINCE_RUNS = Math.max(7, RUNS);
log(`(e) province (300 units × 100 leaves) to xlsx + html, ${PROVINCE_RUNS} runs`);
const [province] = await compare(
  [score(files.provinceXlsx, ['-o', join(out, 'x.xlsx'), '-o', join(out, 'x.html')])],
  PROVINCE_RUNS,
  progress,
);
add({
  id: 'province',
  measure: '(e) province long XLSX → -o x.xlsx -o x.html',
  value: sec(province.ms),
  reference: null,
  ratio: null,
  target: '< 1 s',
  result: verdict(province.ms < 1000),
});

log(`(f) 4× national long CSV (${(4 * LONG_ROWS).toLocaleString('en')} rows), ${RUNS} runs`);
const [csv4] = await compare([score(files.long4Csv)], RUNS, progress);
const perRow = (m, n) => (m.ms * 1000) / n; // µs per row
const csvGrowth = perRow(csv4, 4 * LONG_ROWS) / perRow(csv, LONG_ROWS);
add({
  id: 'linearCsv',
  measure: '(f) time per row, 4× vs 1× national CSV',
  value: `${perRow(csv4, 4 * LONG_ROWS).toFixed(1)} µs/row (${sec(csv4.ms)})`,
  reference: `${perRow(csv, LONG_ROWS).toFixed(1)} µs/row`,
  ratio: csvGrowth,
  target: '≤ 1.25×',
  result: verdict(csvGrowth <= 1.25),
});

log('(f) 4× national long XLSX, 1 run (for the record)');
const [xlsx4] = await compare([score(files.long4Xlsx)], 1, progress);
const xlsxGrowth = perRow(xlsx4, 4 * LONG_ROWS) / perRow(xlsx, LONG_ROWS);
add({
  id: 'linearXlsx',
  measure: '(f) time per row, 4× vs 1× national XLSX',
  value: `${perRow(xlsx4, 4 * LONG_ROWS).toFixed(1)} µs/row (${sec(xlsx4.ms)}, ${xlsx4.rssMb.toFixed(0)} MB)`,
  reference: `${perRow(xlsx, LONG_ROWS).toFixed(1)} µs/row`,
  ratio: xlsxGrowth,
  target: '(≤ 1.25×)',
  result: verdict(xlsxGrowth <= 1.25),
});

log(`wide XLSX (${NATIONAL_UNITS} rows × 100 leaf columns), ${RUNS} runs each`);
const [wide, wideBase] = await compare([score(files.wideXlsx), exceljs(files.wideXlsx)], RUNS, progress);
add({
  id: 'wide',
  measure: 'score national wide XLSX vs exceljs streaming read',
  value: `${sec(wide.ms)}, ${wide.rssMb.toFixed(0)} MB`,
  reference: sec(wideBase.ms),
  ratio: wide.ms / wideBase.ms,
  target: '(≤ 1.2×)',
  result: verdict(wide.ms / wideBase.ms <= 1.2),
});

// The JSON report's sha256 of every input reads each file a second time; this is what that costs.
const hashMs = async (file) => {
  const t = performance.now();
  const h = createHash('sha256');
  for await (const c of createReadStream(file)) h.update(c);
  h.digest();
  return performance.now() - t;
};
for (const [id, file, m] of [
  ['hashXlsx', files.longXlsx, xlsx],
  ['hashCsv', files.longCsv, csv],
]) {
  const ms = await hashMs(file);
  add({
    id,
    measure: `sha256 second read of the ${(statSync(file).size / 1e6).toFixed(0)} MB ${file.endsWith('csv') ? 'CSV' : 'XLSX'}`,
    value: `${ms.toFixed(0)} ms`,
    reference: `${((100 * ms) / m.ms).toFixed(1)} % of the ${sec(m.ms)} run`,
    ratio: null,
    target: '(information)',
    result: 'info',
  });
}

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  date: new Date().toISOString().slice(0, 10),
  runs: RUNS,
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
const machineLine = `${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.platform}, ${machine.date}; median of ${RUNS} runs (start-up: ${VERSION_RUNS})`;
process.stdout.write(`\n${table}\n\n${machineLine}\n`);

writeFileSync(here('results.json'), `${JSON.stringify({ machine, results: rows }, null, 2)}\n`);

if (argv.includes('--docs')) {
  // docs/benchmark.md explains the figures; only its last section, the figures themselves, is rewritten.
  const page = here('../docs/benchmark.md');
  const text = readFileSync(page, 'utf8');
  const at = text.indexOf('\n## Latest figures');
  const section = `## Latest figures

Machine: ${machineLine} (province: ${PROVINCE_RUNS}). Written by \`npm run bench -- --docs\`.

${table}
`;
  writeFileSync(page, `${at >= 0 ? text.slice(0, at) : text.trimEnd()}\n\n${section}`);
  log('docs/benchmark.md: Latest figures updated');
}

const failed = rows.filter((r) => r.result === 'FAIL').map((r) => r.id);
if (failed.length > 0) log(`targets not met: ${failed.join(', ')}`);
