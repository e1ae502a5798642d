// docs/outputs.md (writing files) end to end: reports are written atomically (temp file + rename, nothing
// left behind on failure), an output that is an input is refused before anything is written, and text from
// the inputs that a spreadsheet would run as a formula is neutralised in the CSV and XLSX reports.
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csv, hasStack, LONG_HEADER, run, tinyCriteria, tinyInputs, tinyUnit, workspace } from './helpers.js';

const ROWS = [...tinyUnit('Xã A', 'Xã', 25, 35, 20), ...tinyUnit('Xã B', 'Xã', 20, 30, 18)];

describe('atomic writes', () => {
  it('a report that cannot be put in place (the path is a folder): exit 2, no temp file left', async () => {
    const ws = await workspace();
    const args = await tinyInputs(ws, ROWS);
    await mkdir(ws.path('report.json'));
    const r = await run(['score', ...args, '-o', 'report.json', '-o', 'ok.csv'], { cwd: ws.dir });
    expect(r.code, r.stderr).toBe(2);
    expect(hasStack(r.stderr)).toBe(false);
    expect(r.stderr).toContain('report.json');
    const names = await readdir(ws.dir);
    expect(names.filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect((await stat(ws.path('report.json'))).isDirectory()).toBe(true);
  });

  it('-o into a folder that does not exist: exit 2, no stack', async () => {
    const ws = await workspace();
    const args = await tinyInputs(ws, ROWS);
    const r = await run(['score', ...args, '-o', 'missing/report.html'], { cwd: ws.dir });
    expect(r.code, r.stderr).toBe(2);
    expect(hasStack(r.stderr)).toBe(false);
    expect(r.stderr).toContain('missing/report.html');
  });
});

describe('an output that is an input is refused', () => {
  for (const [what, out] of [
    ['-o criteria.csv', ['-o', 'criteria.csv']],
    ['-o ./sub/../scores.csv (another spelling of an input)', ['-o', './sub/../scores.csv']],
    ['--diagnostics criteria.csv', ['--diagnostics', 'criteria.csv']],
  ] as const) {
    it(`${what}: exit 2, the input unchanged, no other report written`, async () => {
      const ws = await workspace();
      const args = await tinyInputs(ws, ROWS);
      await mkdir(ws.path('sub'));
      const before = [await readFile(ws.path('criteria.csv')), await readFile(ws.path('scores.csv'))];
      const r = await run(['score', ...args, '-o', 'report.json', ...out], { cwd: ws.dir });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/^cchc: /);
      expect(hasStack(r.stderr)).toBe(false);
      expect(await readFile(ws.path('criteria.csv'))).toEqual(before[0]);
      expect(await readFile(ws.path('scores.csv'))).toEqual(before[1]);
      expect((await readdir(ws.dir)).sort()).toEqual(['criteria.csv', 'scores.csv', 'sub']);
    });
  }
});

describe('CSV injection in the reports', () => {
  const EVIL = '=HYPERLINK("http://evil.example","click")';

  it('a unit named =HYPERLINK(…), a group +1 and a reason @SUM(1) are neutralised in report.csv and report.xlsx', async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', tinyCriteria());
    await ws.write(
      'scores.csv',
      csv([
        [...LONG_HEADER, 'Lý do điều chỉnh'],
        [EVIL, '+1 Khối', '1.1', 30, 25, '@SUM(1)'],
        [EVIL, '+1 Khối', '1.2', 40, 35, '-cắt 5 điểm'],
        [EVIL, '+1 Khối', '2', null, 20, ''],
        ['\tXã B', '+1 Khối', '1.1', 20, 20, ''],
        ['\tXã B', '+1 Khối', '1.2', 30, 30, ''],
        ['\tXã B', '+1 Khối', '2', null, 18, ''],
      ]),
    );
    const r = await run(
      [
        'score',
        '--criteria',
        'criteria.csv',
        '--scores',
        'scores.csv',
        '-o',
        'report.csv',
        '-o',
        'report.xlsx',
      ],
      { cwd: ws.dir },
    );
    expect(r.code, r.stderr).toBe(0);

    const text = await readFile(ws.path('report.csv'), 'utf8');
    const fields = text
      .split(/\r?\n/)
      .slice(1)
      .filter(Boolean)
      .map((l) => l.replace(/^"/, ''));
    expect(fields.some((l) => l.startsWith(`'=HYPERLINK`))).toBe(true);
    for (const line of text.split(/\r?\n/)) expect(line).not.toMatch(/(^|,)"?[=+@\t]/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(ws.path('report.xlsx'));
    const strings: string[] = [];
    wb.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.formula, `${sheet.name}!${cell.address}`).toBeFalsy();
          if (typeof cell.value === 'string') strings.push(cell.value);
        }),
      ),
    );
    expect(strings).toContain(`'${EVIL}`);
    expect(strings).not.toContain(EVIL);
    expect(strings.some((s) => s.startsWith('+1 Khối'))).toBe(false);
    expect(strings.some((s) => s.startsWith('@SUM'))).toBe(false);
    expect(strings.filter((s) => /^[=+\-@\t\r]/.test(s))).toEqual([]);
  });
});
