// docs/outputs.md, "Writing files", end to end on the built binary: an output that is any input (compared
// as files: symlinks, `..` through a link, hard links) or another output is refused before anything is
// read; the report set (with the --diagnostics file) is written all or nothing, keeps a replaced file's
// mode, follows a link to a report, streams into a FIFO; SIGINT or SIGTERM during the writes leaves every
// target as it was and no temporary file.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, watch } from 'node:fs';
import {
  chmod,
  link,
  lstat,
  mkdir,
  readdir,
  readFile,
  readlink,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  BIN,
  baseEnv,
  csv,
  hasStack,
  run,
  tinyCriteria,
  tinyInputs,
  tinyUnit,
  type Workspace,
  workspace,
} from './helpers.js';

const ROWS = [...tinyUnit('Xã A', 'Xã', 25, 35, 20), ...tinyUnit('Xã B', 'Xã', 20, 30, 18)];

/** Every file name in the folder, temporary files included (they start with a dot). */
const names = async (ws: Workspace, dir = '.') => (await readdir(ws.path(dir))).sort();
const temporaries = async (ws: Workspace, dir = '.') =>
  (await names(ws, dir)).filter((n) => n.endsWith('.tmp'));

/** Runs score in the workspace expecting a refusal: exit 2, the code in one `cchc:` line, no stack. */
async function refused(ws: Workspace, args: readonly string[], code: string) {
  const r = await run(['score', '--lang', 'en', ...args], { cwd: ws.dir });
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toMatch(/^cchc: /);
  expect(hasStack(r.stderr)).toBe(false);
  expect(r.stderr).toContain(code === 'E_OUTPUT_IS_INPUT' ? 'refusing to overwrite' : 'are the same file');
  return r;
}

describe('an output that is any input is refused, before anything is read or written', () => {
  it('--previous: -o onto the previous results (today they were overwritten)', async () => {
    const ws = await workspace();
    const args = await tinyInputs(ws, ROWS);
    const previous = csv([
      ['unit', 'group', 'rank', 'index'],
      ['Xã A', 'Xã', 1, 80],
    ]);
    await ws.write('prev.csv', previous);
    await refused(ws, [...args, '--previous', 'prev.csv', '-o', 'prev.csv'], 'E_OUTPUT_IS_INPUT');
    expect(await readFile(ws.path('prev.csv'), 'utf8')).toBe(previous);
  });

  it('--config: -o onto the settings file given, and the settings file naming itself in `out`', async () => {
    const ws = await workspace();
    const args = await tinyInputs(ws, ROWS);
    const cfg = JSON.stringify({ lang: 'en' });
    await ws.write('my.json', cfg);
    await refused(ws, [...args, '--config', 'my.json', '-o', 'my.json'], 'E_OUTPUT_IS_INPUT');
    expect(await readFile(ws.path('my.json'), 'utf8')).toBe(cfg);

    const self = JSON.stringify({
      criteria: 'criteria.csv',
      scores: ['scores.csv'],
      out: ['cchc.config.json'],
    });
    await ws.write('cchc.config.json', self);
    const r = await refused(ws, [], 'E_OUTPUT_IS_INPUT');
    expect(r.stderr).toContain('cchc.config.json');
    expect(await readFile(ws.path('cchc.config.json'), 'utf8')).toBe(self);
  });

  it('the ./cchc.config.json read by default, and --bands-file', async () => {
    const ws = await workspace();
    const args = await tinyInputs(ws, ROWS);
    await ws.write('cchc.config.json', '{}');
    await refused(ws, [...args, '-o', 'cchc.config.json'], 'E_OUTPUT_IS_INPUT');
    expect(await readFile(ws.path('cchc.config.json'), 'utf8')).toBe('{}');
    await ws.write('bands.csv', csv([['group', 'band', 'min', 'op']]));
    await refused(
      ws,
      [...args, '--bands-file', 'bands.csv', '--diagnostics', 'bands.csv'],
      'E_OUTPUT_IS_INPUT',
    );
  });

  it('a symbolic link to an input, a hard link to one, and `link/..` that the system resolves to one', async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', tinyCriteria());
    await mkdir(ws.path('deep/inner'), { recursive: true });
    await ws.write(
      'deep/scores.csv',
      csv([['Đơn vị', 'Khối', 'Mã tiêu chí', 'Điểm tự đánh giá', 'Điểm thẩm định'], ...ROWS]),
    );
    await symlink(ws.path('deep/inner'), ws.path('sub'));
    await symlink(ws.path('criteria.csv'), ws.path('soft.csv'));
    await link(ws.path('criteria.csv'), ws.path('hard.csv'));
    const args = ['--criteria', 'criteria.csv', '--scores', 'deep/scores.csv'];
    const before = await names(ws);
    for (const out of ['soft.csv', 'hard.csv', 'sub/../scores.csv']) {
      const r = await refused(ws, [...args, '-o', 'report.json', '-o', out], 'E_OUTPUT_IS_INPUT');
      expect(r.stderr).toContain(`(given as "${out}")`);
    }
    expect(await names(ws)).toEqual(before);
    expect(await readFile(ws.path('criteria.csv'), 'utf8')).toBe(tinyCriteria());
    // `sub/..` is deep/, not the working folder: lexically the same spelling would have been ./scores.csv.
    const ok = await run(['score', ...args, '-o', 'sub/../other.json'], { cwd: ws.dir });
    expect(ok.code, ok.stderr).toBe(0);
    expect((await names(ws, 'deep')).includes('other.json')).toBe(true);
  });

  it('two outputs that are one file: the same path spelt twice, -o and --diagnostics, a link to the other', async () => {
    const ws = await workspace();
    const args = await tinyInputs(ws, ROWS);
    await ws.write('a.json', 'old');
    await symlink(ws.path('a.json'), ws.path('b.json'));
    for (const outs of [
      ['-o', 'a.json', '-o', './a.json'],
      ['-o', 'a.json', '--diagnostics', 'a.json'],
      ['-o', 'a.json', '-o', 'b.json'],
    ]) {
      await refused(ws, [...args, ...outs], 'E_OUTPUT_TWICE');
    }
    expect(await readFile(ws.path('a.json'), 'utf8')).toBe('old');
    expect(await temporaries(ws)).toEqual([]);
  });

  it('template -o onto its criteria, convert --out-dir onto its input, convert -o onto its settings file', async () => {
    const ws = await workspace();
    const criteria = await ws.xlsx('criteria.xlsx', [
      {
        name: 'Tiêu chí',
        rows: [
          ['Mã tiêu chí', 'Tên tiêu chí', 'Điểm tối đa'],
          ['1', 'Lĩnh vực', 10],
          ['1.1', 'Tiêu chí', 10],
        ],
      },
    ]);
    const bytes = await readFile(criteria);
    await ws.write(
      'units.csv',
      csv([
        ['Đơn vị', 'Khối'],
        ['Xã A', 'Xã'],
      ]),
    );
    const t = await run(
      ['template', '--criteria', 'criteria.xlsx', '--units', 'units.csv', '-o', './criteria.xlsx'],
      {
        cwd: ws.dir,
      },
    );
    expect(t.code, t.stderr).toBe(2);
    expect(await readFile(criteria)).toEqual(bytes);

    await ws.write('a.csv', csv([['x'], ['1']]));
    const onto = await run(['convert', '--lang', 'en', 'a.csv', '--out-dir', '.'], { cwd: ws.dir });
    expect(onto.code, onto.stderr).toBe(2);
    expect(onto.stderr).toContain('refusing to overwrite the input file "a.csv"');
    expect(await readFile(ws.path('a.csv'), 'utf8')).toBe(csv([['x'], ['1']]));
    await ws.write('my.json', '{}');
    const config = await run(['convert', '--lang', 'en', 'a.csv', '--config', 'my.json', '-o', 'my.json'], {
      cwd: ws.dir,
    });
    expect(config.code, config.stderr).toBe(2);
    expect(config.stderr).toContain('refusing to overwrite the input file "my.json"');
    expect(await readFile(ws.path('my.json'), 'utf8')).toBe('{}');
  });
});

describe('the report set is written all or nothing', () => {
  it('one target that cannot be written (a folder): no other report or diagnostics file replaced, no temp file', async () => {
    const ws = await workspace();
    const args = await tinyInputs(ws, ROWS);
    await ws.write('report.json', 'old json');
    await ws.write('diag.json', 'old diagnostics');
    await mkdir(ws.path('report.csv'));
    const r = await run(
      [
        'score',
        ...args,
        '--diagnostics',
        'diag.json',
        '-o',
        'report.json',
        '-o',
        'report.csv',
        '-o',
        'new.md',
      ],
      { cwd: ws.dir },
    );
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('report.csv');
    expect(await readFile(ws.path('report.json'), 'utf8')).toBe('old json');
    expect(await readFile(ws.path('diag.json'), 'utf8')).toBe('old diagnostics');
    expect(await names(ws)).toEqual(['criteria.csv', 'diag.json', 'report.csv', 'report.json', 'scores.csv']);
  });

  it('convert --out-dir is one set: a folder in the way of one output leaves the others as they were', async () => {
    const ws = await workspace();
    await ws.write('a.csv', csv([['x'], ['1']]));
    await ws.write('b.csv', csv([['y'], ['2']]));
    await mkdir(ws.path('out/b.csv'), { recursive: true });
    await ws.write('out/a.csv', 'old');
    const r = await run(['convert', 'a.csv', 'b.csv', '--out-dir', 'out'], { cwd: ws.dir });
    expect(r.code, r.stderr).toBe(2);
    expect(await readFile(ws.path('out/a.csv'), 'utf8')).toBe('old');
    expect(await names(ws, 'out')).toEqual(['a.csv', 'b.csv']);
  });

  it("a replaced report keeps its file's mode; a new one gets the usual mode; a link to a report is followed", async () => {
    const ws = await workspace();
    const args = await tinyInputs(ws, ROWS);
    await ws.write('kept.json', 'old');
    await chmod(ws.path('kept.json'), 0o640);
    await mkdir(ws.path('shared'));
    await ws.write('shared/report.md', 'old');
    await symlink(ws.path('shared/report.md'), ws.path('link.md'));
    await writeFile(ws.path('probe'), '');
    const usual = (await stat(ws.path('probe'))).mode & 0o777;
    const r = await run(['score', ...args, '-o', 'kept.json', '-o', 'fresh.csv', '-o', 'link.md'], {
      cwd: ws.dir,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(await readFile(ws.path('kept.json'), 'utf8')).schema).toBe('cchc.results/1');
    expect((await stat(ws.path('kept.json'))).mode & 0o777).toBe(0o640);
    expect((await stat(ws.path('fresh.csv'))).mode & 0o777).toBe(usual);
    expect((await lstat(ws.path('link.md'))).isSymbolicLink()).toBe(true);
    expect(await readlink(ws.path('link.md'))).toBe(ws.path('shared/report.md'));
    expect(await readFile(ws.path('shared/report.md'), 'utf8')).toContain('| ');
    expect(await temporaries(ws)).toEqual([]);
    expect(await temporaries(ws, 'shared')).toEqual([]);
  });

  it('a FIFO output is written in place (not replaced by a file), the files renamed once it is done', async () => {
    const ws = await workspace();
    const args = await tinyInputs(ws, ROWS);
    execFileSync('mkfifo', [ws.path('pipe.csv')]);
    const reader = createReadStream(ws.path('pipe.csv'));
    const chunks: Buffer[] = [];
    reader.on('data', (c) => chunks.push(c as Buffer));
    const ended = once(reader, 'end');
    const r = await run(['score', ...args, '-o', 'report.json', '-o', 'pipe.csv'], { cwd: ws.dir });
    await ended;
    expect(r.code, r.stderr).toBe(0);
    expect(Buffer.concat(chunks).toString('utf8')).toMatch(/^\uFEFF?unit,unit_code,group/);
    expect((await lstat(ws.path('pipe.csv'))).isFIFO()).toBe(true);
    expect(JSON.parse(await readFile(ws.path('report.json'), 'utf8')).units).toHaveLength(2);
  });
});

describe('an interrupted run replaces nothing and leaves no temporary file', () => {
  // The process is held at a known point without sleeping: the last output is a FIFO that no one opens,
  // so cchc waits there, after every other output has been written to its temporary file and before any
  // is renamed. The signal is sent as soon as a temporary file appears in the folder.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} while the outputs are written: ends by ${signal} (a shell shows ${signal === 'SIGINT' ? 130 : 143}), old reports kept`, async () => {
      const ws = await workspace();
      const args = await tinyInputs(ws, ROWS);
      await ws.write('report.json', 'old json');
      await chmod(ws.path('report.json'), 0o600);
      execFileSync('mkfifo', [ws.path('pipe.csv')]);
      const before = await names(ws);
      const child = spawn(
        process.execPath,
        [BIN, 'score', ...args, '--diagnostics', 'diag.json', '-o', 'report.json', '-o', 'pipe.csv'],
        { cwd: ws.dir, env: baseEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => {
        stderr += c.toString('utf8');
      });
      const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
      const watcher = watch(ws.dir, (_event, name) => {
        if (name && /^\.report\.json\.[0-9a-f]+\.tmp$/.test(name)) child.kill(signal);
      });
      const [code, got] = await exited;
      watcher.close();
      expect({ code, signal: got }, stderr).toEqual({ code: null, signal });
      expect(hasStack(stderr)).toBe(false);
      expect(await names(ws)).toEqual(before);
      expect(await readFile(ws.path('report.json'), 'utf8')).toBe('old json');
      expect((await stat(ws.path('report.json'))).mode & 0o777).toBe(0o600);
      expect((await lstat(ws.path('pipe.csv'))).isFIFO()).toBe(true);
    });
  }
});
