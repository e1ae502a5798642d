// Shared helpers for the CLI tests (STYLE.md principle 10: CLI transcripts — command, stdout, stderr, exit
// code — with colour off; assert diagnostic codes and locations, not prose).
//
// `run` calls main(argv, io) from the built bundle in this process, with its own streams, environment and
// working folder: the same code the binary runs, without starting Node for every case. `runBinary` spawns
// `node bin/cchc.js` for the few tests about what only a real process shows (test/cli/binary.test.ts).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach } from 'vitest';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'bin', 'cchc.js');
export const FIXTURES = join(ROOT, 'fixtures');

/** The input options of the two samples, run from their folders under fixtures/. */
export const SAMPLE_INPUTS = {
  province: ['--criteria', 'criteria.xlsx', '--scores', 'scores.xlsx', '--survey', 'survey.csv'],
  district: [
    '--criteria',
    'criteria.xlsx',
    '--scores',
    'scores-phong.xlsx',
    '--scores',
    'scores-sunghiep.csv',
    '--scores',
    'scores-xa.xlsx',
    '--survey',
    'survey-xa.csv',
  ],
} as const;
const MAIN = join(ROOT, 'dist', 'cli', 'main.js');

if (!existsSync(MAIN)) {
  throw new Error('dist/ is missing: build first with `npm run build`');
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** The working folder relative paths are read from (default: the repository). */
  cwd?: string;
  /** Standard input (then closed). Without it stdin is empty. */
  input?: string | Buffer;
  /** Added to the environment (NO_COLOR=1, CCHC_LANG and CCHC_DEBUG removed first). */
  env?: Record<string, string>;
}

/** The environment every run starts from: colour off, no language or debug override. */
export function baseEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.CCHC_LANG;
  delete env.CCHC_DEBUG;
  delete env.FORCE_COLOR;
  delete env.SOURCE_DATE_EPOCH;
  return { ...env, ...extra };
}

/** `cchc …args`, in-process (see runInProcess); resolves with exit code, stdout and stderr, never rejects. */
export function run(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return runInProcess(args, options);
}

/** Spawns `node bin/cchc.js …args`: for what only a real process shows (start-up, exit status, pipes). */
export function runBinary(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: options.cwd ?? ROOT, env: baseEnv(options.env), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end(options.input ?? '');
  });
}

type MainFn = (argv: readonly string[], io: unknown) => Promise<number>;
let mainFn: MainFn | null = null;
/** Runs one at a time: each sets the process's working folder for its duration. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Calls main() of dist/cli/main.js with its own stdout, stderr, stdin and environment; argv as the user types
 * it (without node and the script). main() never calls process.exit nor sets process.exitCode; it resolves
 * to the exit code. The working folder is the one thing main() takes from the process (relative paths are
 * opened from it), so it is set for the call and restored after; calls are queued so that overlapping runs
 * (Promise.all) never see each other's folder. Vitest runs each test file in its own forked process.
 */
export function runInProcess(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const result = queue.then(() => inProcess(args, options));
  queue = result.catch(() => {});
  return result;
}

async function inProcess(args: readonly string[], options: RunOptions): Promise<RunResult> {
  mainFn ??= ((await import(pathToFileURL(MAIN).href)) as { main: MainFn }).main;
  const collect = () => {
    const s = new PassThrough();
    const chunks: Buffer[] = [];
    s.on('data', (c: Buffer) => chunks.push(c));
    return { s, text: () => Buffer.concat(chunks).toString('utf8') };
  };
  const out = collect();
  const err = collect();
  const input = options.input ?? '';
  const before = process.cwd();
  process.chdir(options.cwd ?? ROOT);
  let code: number;
  try {
    code = await mainFn(['node', 'cchc', ...args], {
      stdout: out.s,
      stderr: err.s,
      stdin: Readable.from([typeof input === 'string' ? Buffer.from(input) : input]),
      env: baseEnv(options.env),
    });
  } finally {
    process.chdir(before);
  }
  await new Promise((r) => setImmediate(r));
  return { code, stdout: out.text(), stderr: err.text() };
}

export interface DiagnosticRecord {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  file: string | null;
  sheet: string | null;
  row: number | null;
  column: string | null;
  cell: string | null;
}

// biome-ignore lint/suspicious/noExplicitAny: the results JSON is checked field by field in the tests
export type Json = any;

/** Runs with `--format json` appended and parses stdout (results or the cchc.diagnostics/1 document). */
export async function runJson(
  args: readonly string[],
  options: RunOptions = {},
): Promise<RunResult & { json: Json }> {
  const r = await run([...args, '--format', 'json'], options);
  let json: Json = null;
  try {
    json = JSON.parse(r.stdout);
  } catch {
    throw new Error(`stdout is not JSON (exit ${r.code}):\n${r.stdout}\n--- stderr ---\n${r.stderr}`);
  }
  return { ...r, json };
}

/** The published fields of a unit and of a group that the samples' expected.json files hold. */
export const UNIT_FIELDS = [
  'unit',
  'group',
  'appraisal',
  'self',
  'survey',
  'bonus',
  'penalty',
  'total',
  'max',
  'index',
  'rank',
  'of',
  'band',
];
export const GROUP_FIELDS = ['group', 'units', 'mean', 'median', 'min', 'max', 'top', 'bands'];
export const pick = (o: Json, keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, o[k]]));

export const codesOf = (json: Json): string[] => (json.diagnostics as DiagnosticRecord[]).map((d) => d.code);
export const findDiag = (json: Json, code: string): DiagnosticRecord | undefined =>
  (json.diagnostics as DiagnosticRecord[]).find((d) => d.code === code);

/** No line of a JS stack trace ("    at foo (file:…)") anywhere in the text. */
export const hasStack = (text: string): boolean => /^\s+at .+[(:]/m.test(text);

// ── temp workspace ──

export interface Workspace {
  dir: string;
  path(name: string): string;
  /** Writes a text or binary file; returns its absolute path. */
  write(name: string, content: string | Buffer): Promise<string>;
  /** Writes an xlsx workbook (see xlsx()); returns its absolute path. */
  xlsx(name: string, sheets: SheetSpec[]): Promise<string>;
}

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A fresh temp dir for one test, removed after it. */
export async function workspace(): Promise<Workspace> {
  const dir = await mkdtemp(join(tmpdir(), 'cchc-cli-test-'));
  dirs.push(dir);
  const path = (name: string) => join(dir, name);
  return {
    dir,
    path,
    async write(name, content) {
      await writeFile(path(name), content);
      return path(name);
    },
    async xlsx(name, sheets) {
      await writeFile(path(name), await xlsx(sheets));
      return path(name);
    },
  };
}

// ── file builders ──

type Cell = string | number | null | undefined;

const csvField = (v: Cell): string => {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Rows → CSV text (LF line ends, fields quoted when needed). */
export const csv = (rows: readonly (readonly Cell[])[]): string =>
  `${rows.map((r) => r.map(csvField).join(',')).join('\n')}\n`;

export const CRITERIA_HEADER = ['Mã tiêu chí', 'Tên tiêu chí', 'Điểm tối đa', 'Thành phần'];
export const LONG_HEADER = ['Đơn vị', 'Khối', 'Mã tiêu chí', 'Điểm tự đánh giá', 'Điểm thẩm định'];

/**
 * The tiny valid framework: appraisal domain 1 = 1.1 (30) + 1.2 (40) = 70, survey leaf 2 (30).
 * Extra rows (same four columns, or more with `header`) are appended.
 */
export function tinyCriteria(
  extra: readonly (readonly Cell[])[] = [],
  header: readonly string[] = CRITERIA_HEADER,
): string {
  return csv([
    header,
    ['1', 'Lĩnh vực 1', 70, 'thẩm định'],
    ['1.1', 'Tiêu chí 1.1', 30, ''],
    ['1.2', 'Tiêu chí 1.2', 40, ''],
    ['2', 'Điều tra xã hội học', 30, 'xhh'],
    ...extra,
  ]);
}

/** One long-layout row: unit, group, criterion, self, appraised. */
export type LongRow = readonly [unit: Cell, group: Cell, code: Cell, self: Cell, appraised: Cell];

/** Long-layout scores CSV with the Vietnamese header. */
export const longScores = (rows: readonly LongRow[], header: readonly string[] = LONG_HEADER): string =>
  csv([header, ...rows]);

/** Complete, valid long rows for a unit of the tiny framework (survey included unless survey is null). */
export function tinyUnit(unit: string, group: string, a11: Cell, a12: Cell, survey: Cell = null): LongRow[] {
  const rows: LongRow[] = [
    [unit, group, '1.1', a11, a11],
    [unit, group, '1.2', a12, a12],
  ];
  if (survey !== null) rows.push([unit, group, '2', null, survey]);
  return rows;
}

/** Writes criteria.csv (tiny framework) and scores.csv; returns the CLI args, relative to ws.dir. */
export async function tinyInputs(
  ws: Workspace,
  rows: readonly LongRow[],
  criteria: string = tinyCriteria(),
): Promise<string[]> {
  await ws.write('criteria.csv', criteria);
  await ws.write('scores.csv', longScores(rows));
  return ['--criteria', 'criteria.csv', '--scores', 'scores.csv'];
}

/** `cchc validate …args --format json` in the workspace (file names in diagnostics are then relative). */
export const validate = (ws: Workspace, args: readonly string[], options: RunOptions = {}) =>
  runJson(['validate', ...args], { cwd: ws.dir, ...options });

export interface SheetSpec {
  name: string;
  rows: unknown[][];
  state?: 'visible' | 'hidden' | 'veryHidden';
  /**
   * Merged ranges ("E6:F6", "B7:B21"), as an office merges a header or a unit's cells: only the top-left
   * cell keeps its value (exceljs writes the others empty, as Excel does).
   */
  merges?: string[];
}

/** An xlsx workbook; cell values as exceljs takes them ({formula}, {error}, Date, numbers, text). */
export async function xlsx(sheets: readonly SheetSpec[]): Promise<Buffer> {
  // Loaded on first use: most CLI test files never build a workbook, and exceljs takes ~0.3 s to load.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, s.state ? { state: s.state } : {});
    for (const r of s.rows) ws.addRow(r);
    for (const range of s.merges ?? []) ws.mergeCells(range);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
