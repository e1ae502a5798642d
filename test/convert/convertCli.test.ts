// convert as a clerk uses it: many inputs to a folder, JSON and back, sheets, refusals.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, run, workspace } from '../cli/helpers.js';

const P = join(FIXTURES, 'province');

describe('cchc convert', () => {
  it('--out-dir writes one file per input sheet; JSON reads back to the same CSV', async () => {
    const ws = await workspace();
    const r = await run([
      'convert',
      join(P, 'scores.xlsx'),
      join(P, 'survey.csv'),
      '--out-dir',
      ws.path('out'),
      '--format',
      'json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect((await readdir(ws.path('out'))).sort()).toEqual(['scores.json', 'survey.json']);
    const direct = await run(['convert', join(P, 'scores.xlsx')]);
    const back = await run(['convert', ws.path('out/scores.json')]);
    expect(back.code, back.stderr).toBe(0);
    expect(back.stdout).toBe(direct.stdout);
    expect(direct.stdout.split('\n')[3]).toBe('1,Thành phố Quảng Ngãi,Cấp huyện,1.1.1,1,1,,,');
  });

  it('several tables do not fit one CSV; an xlsx holds them all', async () => {
    const ws = await workspace();
    const two = [join(P, 'scores.csv'), join(P, 'survey.csv')];
    const r = await run(['convert', ...two, '-o', ws.path('all.csv'), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/2 tables/);
    const x = await run(['convert', ...two, '-o', ws.path('all.xlsx')]);
    expect(x.code, x.stderr).toBe(0);
    const back = await run(['convert', ws.path('all.xlsx'), '--sheet', '2']);
    expect(back.stdout.split('\n')[2]).toBe('STT,Đơn vị,Điểm điều tra XHH');
  });

  it('--to long merges many inputs into one long table', async () => {
    const ws = await workspace();
    const r = await run([
      'convert',
      join(P, 'scores-wide.csv'),
      join(P, 'survey.xlsx'),
      '--to',
      'long',
      '--criteria',
      join(P, 'criteria.csv'),
      '-o',
      ws.path('long.csv'),
    ]);
    expect(r.code, r.stderr).toBe(0);
    const lines = (await readFile(ws.path('long.csv'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(1 + 13 * 38 + 13);
    const s = await run([
      'score',
      '--criteria',
      join(P, 'criteria.csv'),
      '--scores',
      ws.path('long.csv'),
      '--format',
      'csv',
    ]);
    expect(s.code, s.stderr).toBe(0);
    expect(s.stdout).toContain('Huyện Mộ Đức,,Cấp huyện,61.12,,20.75,0.00,0.00,81.87');
  });

  it('refuses an output that is an input, a missing sheet, and --to long without --criteria', async () => {
    const ws = await workspace();
    const input = await ws.write('a.csv', 'Đơn vị,Điểm\nXã A,1\n');
    expect((await run(['convert', input, '-o', input])).code).toBe(2);
    expect((await run(['convert', input, '--sheet', 'Khác'])).code).toBe(2);
    expect((await run(['convert', input, '--to', 'long'])).code).toBe(2);
    expect((await run(['convert', input, '-o', ws.path('a.pdf')])).code).toBe(2);
    expect(await readFile(input, 'utf8')).toBe('Đơn vị,Điểm\nXã A,1\n');
  });

  it('prints no progress bar when stderr is not a terminal', async () => {
    const ws = await workspace();
    const a = await ws.write('a.csv', 'Đơn vị,Điểm\nXã A,"1,5"\n');
    const b = await ws.write('b.csv', 'Đơn vị,Điểm\nXã B,2\n');
    const r = await run(['convert', a, b, '--out-dir', ws.path('o')]);
    expect(r.code).toBe(0);
    expect(r.stderr.includes('\r') || r.stderr.includes('\u001b')).toBe(false);
    expect(r.stderr.trim().split('\n')).toHaveLength(2);
  });
});
