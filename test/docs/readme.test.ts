// README.md shows three examples "with their real output": this runs them and compares, so the newcomer's
// page cannot drift from what cchc prints.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, run, workspace } from '../cli/helpers.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
/** The README's plain fenced blocks (no language), as written. */
const blocks: string[] = [];
let open: { plain: boolean; lines: string[] } | null = null;
for (const line of readme.split('\n')) {
  if (!line.startsWith('```')) open?.lines.push(line);
  else if (open) {
    if (open.plain) blocks.push(`${open.lines.join('\n')}\n`);
    open = null;
  } else open = { plain: line === '```', lines: [] };
}
const block = (firstLine: string): string => {
  const found = blocks.filter((b) => b.startsWith(firstLine));
  expect(found, `one README block starting "${firstLine}"`).toHaveLength(1);
  return found[0]!;
};

describe('README examples', () => {
  it('1. npm run demo prints the province ranking shown', async () => {
    const demo = /"demo": "npm run build && node bin\/cchc\.js (.+)"/.exec(
      readFileSync(join(ROOT, 'package.json'), 'utf8'),
    );
    const r = await run(demo![1]!.split(' '));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(block('Khối: Cấp huyện'));
  });

  it('2. explain prints the trace shown', async () => {
    const r = await run([
      'explain',
      '--criteria',
      'fixtures/rules/criteria.csv',
      '--scores',
      'fixtures/rules/scores.csv',
      '--unit',
      'Xã An Hải',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(block('Đơn vị: Xã An Hải'));
  });

  it('3. validate names the cell above its maximum and exits 1', async () => {
    const ws = await workspace();
    const scores = readFileSync(join(FIXTURES, 'rules', 'scores.csv'), 'utf8');
    const edited = scores.replace(/^Xã An Hải,Cấp xã,1\.1,1,1,$/m, 'Xã An Hải,Cấp xã,1.1,1,1.5,');
    expect(edited).not.toBe(scores);
    await ws.write('diem.csv', edited);
    const criteria = join(FIXTURES, 'rules', 'criteria.csv');
    const r = await run(['validate', '--criteria', criteria, '--scores', 'diem.csv'], { cwd: ws.dir });
    expect(`${r.stdout}${r.stderr}exit ${r.code}\n`).toBe(block('lỗi E_SCORE_ABOVE_MAX'));
  });
});
