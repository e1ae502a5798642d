// Inputs that make a run say a lot: 150,000 rejected rows, a cell of 150,000 legacy-encoded characters. Both
// ended in exit 3 ("Maximum call stack size exceeded": a spread of that many values into push() or
// String.fromCharCode()); they are input errors (exit 1) or plain data (exit 0) like any other.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { hasStack, run, runJson, tinyCriteria, workspace } from './helpers.js';

/** Past what a spread into one call takes on Node's default stack (about 120,000 values). */
const ROWS = 150_000;

describe('a run with very many diagnostics', () => {
  it('150,000 duplicate rows: each rejected by its own E_SCORE_DUPLICATE, in validate and inspect', {
    timeout: 60_000,
  }, async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', tinyCriteria());
    const row = 'Xã A,Xã,1.1,5,5\n';
    await ws.write(
      'scores.csv',
      `Đơn vị,Khối,Mã tiêu chí,Điểm tự đánh giá,Điểm thẩm định\n${row.repeat(ROWS)}`,
    );
    const inputs = ['--criteria', 'criteria.csv', '--scores', 'scores.csv', '--no-survey'];
    const v = await runJson(['validate', ...inputs], { cwd: ws.dir });
    expect(v.code, v.stderr.slice(-300)).toBe(1);
    const duplicates = v.json.diagnostics.filter((d: { code: string }) => d.code === 'E_SCORE_DUPLICATE');
    expect(duplicates).toHaveLength(ROWS - 1);
    expect(v.json.rows).toEqual({ read: ROWS, scored: 1, rejected: ROWS - 1 });

    const i = await runJson(['inspect', 'scores.csv'], { cwd: ws.dir });
    expect(i.code, i.stderr.slice(-300)).toBe(1);
    for (const r of [v, i]) expect(hasStack(r.stderr)).toBe(false);
  });

  it('a Windows-1258 CSV with a cell of 150,000 accented letters converts (exit 0)', async () => {
    const ws = await workspace();
    const bytes = Buffer.concat([
      Buffer.from('Don vi,Ghi chu\nXa A,'),
      Buffer.alloc(ROWS, 0xe0),
      Buffer.from('\n'),
    ]);
    await ws.write('dai.csv', bytes);
    const r = await run(['convert', 'dai.csv', '-o', 'out.csv', '--lang', 'en'], { cwd: ws.dir });
    expect(r.code, r.stderr.slice(-300)).toBe(0);
    expect(r.stderr).toContain('encoding windows-1258');
    const out = await readFile(ws.path('out.csv'), 'utf8');
    expect(out).toContain('à'.repeat(ROWS));
  });
});
