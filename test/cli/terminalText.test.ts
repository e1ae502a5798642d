// Nothing from the inputs reaches the terminal raw (docs/outputs.md, "Text on a terminal"): control
// characters in unit, group and band names, file names, cell values and reasons are shown escaped in the
// table, the Markdown, explain's trace and the diagnostics, with colour or without; JSON and CSV keep them.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  baseEnv,
  csv,
  LONG_HEADER,
  ROOT,
  run,
  runJson,
  tinyCriteria,
  type Workspace,
  workspace,
} from './helpers.js';

const UNIT = 'Xã \x1b[2J\x07A'; // clears the screen and rings the bell
const GROUP = 'Khối \u202eXã'; // right-to-left override
const FILE = 'diem\x1b]0;pwned\x07.csv'; // sets the terminal's title
const SHOWN_UNIT = 'Xã \\x1b[2J\\x07A';
const SHOWN_GROUP = 'Khối \\u202eXã';
const SHOWN_FILE = 'diem\\x1b]0;pwned\\x07.csv';

/** A raw control (line ends apart), C1, separator or bidi control: none may be in terminal text. */
const RAW = /(?!\n)[\p{Cc}\u2028\u2029\p{Bidi_Control}]/u;
/** The colour codes cchc itself writes (SGR), removed before looking for raw controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the test
const SGR = /\x1b\[[0-9;]*m/g;

/** Unit A has no appraised value for 1.2 (W_NOT_APPRAISED names it); its reason hides text (ESC [8m). */
async function nastyInputs(ws: Workspace): Promise<string[]> {
  await ws.write('criteria.csv', tinyCriteria());
  await ws.write(
    FILE,
    csv([
      [...LONG_HEADER, 'Lý do điều chỉnh'],
      [UNIT, GROUP, '1.1', 30, 25, 'cắt\x1b[8m5 điểm'],
      [UNIT, GROUP, '1.2', 35, null, ''],
      [UNIT, GROUP, '2', null, 20, ''],
      ['Xã B', GROUP, '1.1', 20, 20, ''],
      ['Xã B', GROUP, '1.2', 30, 30, ''],
      ['Xã B', GROUP, '2', null, 18, ''],
    ]),
  );
  return ['--criteria', 'criteria.csv', '--scores', FILE, '--bands', 'Tốt\x1b[5m>=50; Yếu'];
}

/** main() in-process with streams that say they are terminals, so colours are on. */
async function runOnTerminal(args: readonly string[], cwd: string) {
  const url = new URL(`file://${join(ROOT, 'dist', 'cli', 'main.js')}`).href;
  const { main } = (await import(url)) as {
    main: (argv: readonly string[], io: unknown) => Promise<number>;
  };
  const tty = () => {
    const s = Object.assign(new PassThrough(), { isTTY: true });
    const chunks: Buffer[] = [];
    s.on('data', (c: Buffer) => chunks.push(c));
    return { s, text: () => Buffer.concat(chunks).toString('utf8') };
  };
  const out = tty();
  const err = tty();
  const env = baseEnv();
  delete env.NO_COLOR;
  const here = process.cwd();
  process.chdir(cwd);
  try {
    const code = await main(['node', 'cchc', ...args], {
      stdout: out.s,
      stderr: err.s,
      stdin: Readable.from([]),
      env,
    });
    return { code, stdout: out.text(), stderr: err.text() };
  } finally {
    process.chdir(here);
  }
}

describe('text from the inputs on a terminal', () => {
  it('the table and the diagnostics on stderr, without colour: escaped, and shown', async () => {
    const ws = await workspace();
    const args = await nastyInputs(ws);
    await ws.write('cchc.config.json', JSON.stringify({ title: 'Kết quả \u001b[2J2025' }));
    const r = await run(['score', ...args], { cwd: ws.dir });
    expect(r.code, r.stderr).toBe(0);
    expect(RAW.test(r.stdout)).toBe(false);
    expect(RAW.test(r.stderr)).toBe(false);
    expect(r.stdout).toContain(SHOWN_UNIT);
    expect(r.stdout).toContain(SHOWN_GROUP);
    expect(r.stdout).toContain('Tốt\\x1b[5m');
    expect(r.stdout).toContain('Kết quả \\x1b[2J2025');
    expect(r.stderr).toContain('W_NOT_APPRAISED');
    expect(r.stderr).toContain(`${SHOWN_FILE} › `);
    expect(r.stderr).toContain(`${SHOWN_UNIT}: 1.2`);
  });

  it('with colour on: only cchc’s own colour codes are raw, the names still escaped', async () => {
    const ws = await workspace();
    const args = await nastyInputs(ws);
    const r = await runOnTerminal(['score', ...args], ws.dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(SGR);
    expect(r.stderr).toMatch(SGR);
    expect(RAW.test(r.stdout.replace(SGR, ''))).toBe(false);
    expect(RAW.test(r.stderr.replace(SGR, ''))).toBe(false);
    expect(r.stdout).toContain(SHOWN_UNIT);
    expect(r.stderr).toContain(SHOWN_FILE);
  });

  it('Markdown (CI job summaries) is escaped too; JSON and CSV keep the data as read', async () => {
    const ws = await workspace();
    const args = await nastyInputs(ws);
    const md = await run(['score', ...args, '--format', 'md'], { cwd: ws.dir });
    expect(md.code, md.stderr).toBe(0);
    expect(RAW.test(md.stdout)).toBe(false);
    // Markdown escapes the backslash of the escape, so the page shows \x1b.
    expect(md.stdout).toContain('Xã \\\\x1b\\[2J\\\\x07A');

    const json = await runJson(['score', ...args], { cwd: ws.dir });
    expect(json.code, json.stderr).toBe(0);
    expect(json.json.units.map((u: { unit: string }) => u.unit)).toContain(UNIT);
    expect(json.json.units[0].group).toBe(GROUP);
    const file = await run(['score', ...args, '-o', 'report.csv'], { cwd: ws.dir });
    expect(file.code, file.stderr).toBe(0);
    expect(await readFile(ws.path('report.csv'), 'utf8')).toContain(UNIT);
  });

  it('explain’s trace (names, reasons) and validate’s list on stdout', async () => {
    const ws = await workspace();
    const args = await nastyInputs(ws);
    const explain = await run(['explain', ...args, '--unit', UNIT], { cwd: ws.dir });
    expect(explain.code, explain.stderr).toBe(0);
    expect(RAW.test(explain.stdout)).toBe(false);
    expect(explain.stdout).toContain(SHOWN_UNIT);
    expect(explain.stdout).toContain('cắt\\x1b[8m5 điểm');

    const validate = await run(['validate', ...args], { cwd: ws.dir });
    expect(validate.code, validate.stderr).toBe(0);
    expect(RAW.test(validate.stdout)).toBe(false);
    expect(validate.stdout).toContain(`${SHOWN_FILE} › `);
  });

  it('a usage error naming a file: the `cchc:` line is escaped', async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', tinyCriteria());
    const r = await run(['score', '--criteria', 'criteria.csv', '--scores', 'missing\x1b[2J.csv'], {
      cwd: ws.dir,
    });
    expect(r.code).toBe(2);
    expect(RAW.test(r.stderr)).toBe(false);
    expect(r.stderr).toContain('missing\\x1b[2J.csv');
  });
});
