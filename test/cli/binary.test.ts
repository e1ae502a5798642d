// Smoke tests of the built binary, spawned as a user runs it: what only a real process shows — the shebang
// and start-up, the exit status the shell sees, standard input from a pipe, nothing on stdout when it fails.
// Everything else about the CLI runs in-process through main(argv, io) (helpers.ts `run`).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, baseEnv, FIXTURES, hasStack, ROOT, runBinary } from './helpers.js';

const P = join(FIXTURES, 'province');
const PROVINCE = ['--criteria', join(P, 'criteria.xlsx'), '--scores', join(P, 'scores.xlsx')];

describe('bin/cchc.js', () => {
  it('--version prints the package version and exits 0', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = await runBinary(['--version']);
    expect(r).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('scores the province sample: Huyện Mộ Đức 81,87, 8/13, exit 0', async () => {
    const r = await runBinary(['score', ...PROVINCE, '--survey', join(P, 'survey.csv')]);
    expect(r.code, r.stderr).toBe(0);
    const line = r.stdout.split('\n').find((l) => l.includes('Huyện Mộ Đức'));
    expect(line).toMatch(/61,12 .* 20,75 .* 81,87 .* 81,87 .* 8\/13 .* Tốt/);
    expect(r.stderr).toBe('');
  });

  it('exits 2 on a usage error, with one line on stderr and nothing on stdout', async () => {
    const r = await runBinary(['score', '--criteria', 'no-such-file.xlsx', '--scores', 'x.csv']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('cchc: không tìm thấy tệp "no-such-file.xlsx"\n');
    expect(hasStack(r.stderr)).toBe(false);
  });

  it('reads scores from a pipe on standard input (--scores -)', async () => {
    const r = await runBinary(
      ['score', '--criteria', join(P, 'criteria.csv'), '--scores', '-', '--format', 'json'],
      {
        input: readFileSync(join(P, 'scores.csv')),
        env: { CCHC_LANG: 'en' },
      },
    );
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.inputs.map((i: { role: string; file: string }) => [i.role, i.file])).toEqual([
      ['criteria', join(P, 'criteria.csv')],
      ['scores', '-'],
    ]);
    expect(json.units).toHaveLength(13);
  });

  it('ends quietly when the reader of its output stops early (cchc … | head)', async () => {
    const D = join(FIXTURES, 'district');
    const args = ['score', '--criteria', join(D, 'criteria.xlsx'), '--scores', join(D, 'scores-phong.xlsx')];
    args.push(
      join(D, 'scores-sunghiep.csv'),
      join(D, 'scores-xa.xlsx'),
      '--survey',
      join(D, 'survey-xa.csv'),
    );
    // The reader is gone before the first write, as when head has read its lines: every write fails.
    const child = spawn(process.execPath, [BIN, ...args, '--format', 'json'], { cwd: ROOT, env: baseEnv() });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString('utf8');
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(hasStack(stderr), stderr).toBe(false);
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  });
});
