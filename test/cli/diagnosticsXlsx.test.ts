// --diagnostics x.xlsx: the list for the clerk to fix, as a workbook (written by the project's own writer).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { run, tinyInputs, tinyUnit, workspace } from './helpers.js';

describe('--diagnostics FILE.xlsx', () => {
  it('writes one row per diagnostic under a frozen header, in the chosen language', async () => {
    const ws = await workspace();
    const args = await tinyInputs(ws, [
      ...tinyUnit('Xã A', 'Xã', 31, 40, 30),
      ...tinyUnit('Xã B', 'Xã', 30, 40, 30),
    ]);
    const r = await run(['validate', ...args, '--diagnostics', 'diag.xlsx', '--lang', 'en'], { cwd: ws.dir });
    expect(r.code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(ws.path('diag.xlsx'));
    const sheet = wb.getWorksheet('Diagnostics')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Severity',
      'Code',
      'File',
      'Sheet',
      'Cell',
      'Row',
      'Column',
      'Message',
    ]);
    const rows: unknown[][] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push((row.values as unknown[]).slice(1, 8));
    });
    expect(rows).toContainEqual(['error', 'E_SCORE_ABOVE_MAX', 'scores.csv', 'scores', 'E2', 2, 'E']);
    const messages: string[] = [];
    sheet.getColumn(8).eachCell((c) => {
      messages.push(String(c.value));
    });
    expect(messages.some((m) => m.includes('31'))).toBe(true);
  });
});
