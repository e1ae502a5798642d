// Usage errors (docs/diagnostics.md: exit 2, a short message, no stack trace) and "nothing lost, no half
// reports" (docs/outputs.md: no report from inputs with errors; --diagnostics FILE has the located list).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FIXTURES,
  hasStack,
  type Json,
  type LongRow,
  run,
  tinyInputs,
  tinyUnit,
  workspace,
} from './helpers.js';

const PROVINCE = join(FIXTURES, 'province');
const ARGS = ['score', '--criteria', 'criteria.csv', '--scores', 'scores.csv', '--survey', 'survey.csv'];

interface UsageCase {
  name: string;
  args: string[];
  /** What the first line of stderr names (an option, a file, a value) — not the prose around it. */
  names: string;
}

const USAGE: UsageCase[] = [
  { name: 'unknown flag', args: [...ARGS, '--frobnicate'], names: '--frobnicate' },
  { name: 'unknown command', args: ['frobnicate'], names: 'frobnicate' },
  { name: 'missing --criteria', args: ['score', '--scores', 'scores.csv'], names: '--criteria' },
  { name: 'missing --scores', args: ['score', '--criteria', 'criteria.csv'], names: '--scores' },
  {
    name: 'missing criteria file',
    args: ['score', '--criteria', 'nope.csv', '--scores', 'scores.csv'],
    names: 'nope.csv',
  },
  {
    name: 'missing scores file',
    args: ['validate', '--criteria', 'criteria.csv', '--scores', 'nope.xlsx'],
    names: 'nope.xlsx',
  },
  {
    name: 'a directory as input',
    args: ['score', '--criteria', '.', '--scores', 'scores.csv'],
    names: '"."',
  },
  {
    name: '--sheet Nope on an xlsx',
    args: ['score', '--criteria', 'criteria.xlsx', '--scores', 'scores.xlsx', '--sheet', 'Nope'],
    names: 'Nope',
  },
  {
    name: '--sheet 9 on an xlsx',
    args: ['validate', '--criteria', 'criteria.xlsx', '--scores', 'scores.xlsx', '--sheet', '9'],
    names: '"9"',
  },
  { name: 'bad --bands (no number)', args: [...ARGS, '--bands', 'A>=x; B'], names: 'A>=x' },
  { name: 'bad --bands (increasing)', args: [...ARGS, '--bands', 'A>=80; B>=90; C'], names: 'B>=90' },
  { name: 'bad --bands (last has a threshold)', args: [...ARGS, '--bands', 'A>=80; B>=50'], names: 'B>=50' },
  { name: '-o to an input path', args: [...ARGS, '-o', 'scores.csv'], names: 'scores.csv' },
  { name: '-o to an input path spelt ./', args: [...ARGS, '-o', './survey.csv'], names: 'survey.csv' },
  {
    name: '--diagnostics to an input path',
    args: [...ARGS, '--diagnostics', 'criteria.csv'],
    names: 'criteria.csv',
  },
  {
    name: '-o out.xyz',
    args: [...ARGS, '-o', '/tmp/cchc-never-written.xyz'],
    names: 'cchc-never-written.xyz',
  },
  { name: 'bad --precision', args: [...ARGS, '--precision', '-1'], names: '-1' },
  { name: 'bad --stage', args: [...ARGS, '--stage', 'final'], names: 'final' },
  { name: 'bad --format', args: [...ARGS, '--format', 'pdf'], names: 'pdf' },
  { name: 'bad --lang', args: [...ARGS, '--lang', 'fr'], names: 'fr' },
];

describe('usage errors exit 2, with no stack trace and nothing on stdout', () => {
  it.each(USAGE.map((c) => [c.name, c] as const))('%s', async (_n, c) => {
    const before = readdirSync(PROVINCE).sort();
    const r = await run(c.args, { cwd: PROVINCE });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(hasStack(r.stderr)).toBe(false);
    const message = r.stderr.split('\n').find((l) => /^(cchc|error): /.test(l));
    expect(message, r.stderr).toBeDefined();
    expect(message).toContain(c.names);
    expect(readdirSync(PROVINCE).sort()).toEqual(before); // nothing written, no temp files left
  });

  it('errors of our own are one line prefixed "cchc:", in English with --lang en', async () => {
    const vi = await run(['score', '--criteria', 'nope.csv', '--scores', 'scores.csv'], { cwd: PROVINCE });
    const en = await run(['score', '--criteria', 'nope.csv', '--scores', 'scores.csv', '--lang', 'en'], {
      cwd: PROVINCE,
    });
    for (const r of [vi, en]) expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(vi.stderr).toMatch(/^cchc: .*"nope\.csv"/);
    expect(en.stderr).toMatch(/^cchc: .*"nope\.csv"/);
    expect(vi.stderr).not.toBe(en.stderr);
  });

  it('-o to an input path leaves the input untouched', async () => {
    const before = readFileSync(join(PROVINCE, 'scores.csv'));
    await run([...ARGS, '-o', 'scores.csv'], { cwd: PROVINCE });
    expect(readFileSync(join(PROVINCE, 'scores.csv')).equals(before)).toBe(true);
  });

  it('--version and --help exit 0', async () => {
    const v = await run(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const h = await run(['score', '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('--criteria');
  });

  it('declares every command when the line does not start with one: cchc --help, cchc help score', async () => {
    // A line that starts with a command declares only that command (main.ts); the others must still be there.
    const all = await run(['--help']);
    expect(all.code).toBe(0);
    for (const c of ['score', 'validate', 'explain', 'convert', 'template', 'inspect']) {
      expect(all.stdout).toMatch(new RegExp(`^  ${c}\\b`, 'm'));
    }
    const help = await run(['help', 'score']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--criteria');
    const typo = await run(['scroe']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('score');
  });
});

describe('nothing lost, no half reports', () => {
  // Xã A has a value above the maximum (row 2) and an unknown code (row 8); Xã B is clean.
  const rows: LongRow[] = [
    ['Xã A', 'Xã', '1.1', 25, 31],
    ...tinyUnit('Xã A', 'Xã', 25, 35, 20).slice(1),
    ...tinyUnit('Xã B', 'Xã', 20, 30, 18),
    ['Xã A', 'Xã', '1.l', 1, 1],
  ];

  it('with errors: exit 1, no -o report, --diagnostics diag.csv / diag.json hold the located errors', async () => {
    const ws = await workspace();
    const args = await tinyInputs(ws, rows);
    const r = await run(
      ['score', ...args, '-o', 'report.json', '-o', 'report.csv', '--diagnostics', 'diag.csv'],
      { cwd: ws.dir },
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(existsSync(ws.path('report.json'))).toBe(false);
    expect(existsSync(ws.path('report.csv'))).toBe(false);
    const lines = readFileSync(ws.path('diag.csv'), 'utf8').trim().split(/\r?\n/);
    // Headers and severities in the clerk's language; the codes stay codes.
    expect(lines[0]).toBe('Mức độ,Mã,Tệp,Trang tính,Ô,Dòng,Cột,Nội dung');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 5).join(','))).toEqual(
      expect.arrayContaining([
        'lỗi,E_SCORE_ABOVE_MAX,scores.csv,scores,E2',
        'lỗi,E_UNKNOWN_CRITERION,scores.csv,scores,C8',
      ]),
    );
    expect(lines).toHaveLength(3);

    const j = await run(['validate', ...args, '--diagnostics', 'diag.json'], { cwd: ws.dir });
    expect(j.code).toBe(1);
    const doc = JSON.parse(readFileSync(ws.path('diag.json'), 'utf8'));
    expect(doc.schema).toBe('cchc.diagnostics/1');
    expect(doc.diagnostics.map((d: Json) => [d.code, d.file, d.cell])).toEqual(
      expect.arrayContaining([
        ['E_SCORE_ABOVE_MAX', 'scores.csv', 'E2'],
        ['E_UNKNOWN_CRITERION', 'scores.csv', 'C8'],
      ]),
    );
    expect(readdirSync(ws.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('every row read is scored or rejected, and the counts are reported (JSON and stderr summary)', async () => {
    const ws = await workspace();
    const args = await tinyInputs(ws, rows);
    const r = await run(['score', ...args, '--format', 'json'], { cwd: ws.dir });
    const doc = JSON.parse(r.stdout);
    expect(doc.rows.read).toBe(7);
    expect(doc.rows.read).toBe(doc.rows.scored + doc.rows.rejected);
    expect(doc.rows.rejected).toBeGreaterThanOrEqual(1);
    const en = await run(['score', ...args, '--lang', 'en'], { cwd: ws.dir });
    expect(en.stderr).toMatch(/rows read 7, scored \d+, rejected \d+/);
  });

  it('without errors, --diagnostics writes the warnings and infos and the report is written', async () => {
    const ws = await workspace();
    const ok: LongRow[] = [
      ...tinyUnit('Xã A', 'Xã', 25, 35),
      ...tinyUnit('Xã B', 'Xã', 20, 30),
      ['Xã A', 'Xã', '1', 60, 60],
    ];
    const args = await tinyInputs(ws, ok);
    const r = await run(['score', ...args, '-o', 'report.json', '--diagnostics', 'diag.json'], {
      cwd: ws.dir,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(ws.path('report.json'), 'utf8')).schema).toBe('cchc.results/1');
    const codes = JSON.parse(readFileSync(ws.path('diag.json'), 'utf8')).diagnostics.map((d: Json) => d.code);
    expect(codes.sort()).toEqual(['I_SURVEY_NOT_HELD', 'W_SUBTOTAL_IGNORED', 'W_SURVEY_NOT_GIVEN']);
    expect(r.stderr).toContain('đã ghi danh sách cảnh báo và lỗi: diag.json');
    expect(r.stderr).toContain('đã ghi báo cáo JSON: report.json');
  });
});
