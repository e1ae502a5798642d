// A workbook with several data sheets keeps all of them, in every output (issue #10): -o x.xlsx one sheet
// each, .json every table, --out-dir one file each; one CSV cannot hold them and says so before writing.
import { readdir, readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { run, type Workspace, workspace } from '../cli/helpers.js';

const HEADER = ['Đơn vị', 'Mã tiêu chí', 'Điểm thẩm định'];

/** A district's workbook: three communes' sheets, an empty sheet, and a hidden list with data. */
async function district(ws: Workspace): Promise<string> {
  return ws.xlsx('huyen.xlsx', [
    { name: 'Xã An', rows: [['BẢNG ĐIỂM XÃ AN'], HEADER, ['Xã An', '1.1', '1,5'], ['Xã An', '1.2', 2]] },
    { name: 'Trống', rows: [] },
    { name: 'Xã Bình', rows: [HEADER, ['Xã Bình', '1.1', 1], ['Xã Bình', '1.2', '0,75']] },
    { name: 'Danh mục', rows: [['Khối'], ['Xã'], ['Phường']], state: 'hidden' },
  ]);
}

async function workbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

const values = (ws: ExcelJS.Worksheet) => {
  const rows: unknown[][] = [];
  ws.eachRow((row, n) => {
    rows.push([n, ...(row.values as unknown[]).slice(1)]);
  });
  return rows;
};

describe('convert a workbook of several data sheets', () => {
  it('-o x.xlsx writes one sheet per data sheet, rows where they were; the empty sheet is named', async () => {
    const ws = await workspace();
    const input = await district(ws);
    const r = await run(['convert', input, '-o', ws.path('out.xlsx'), '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    const wb = await workbook(ws.path('out.xlsx'));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Xã An', 'Xã Bình', 'Danh mục']);
    expect(values(wb.getWorksheet('Xã An')!)).toEqual([
      [1, 'BẢNG ĐIỂM XÃ AN'],
      [2, ...HEADER],
      [3, 'Xã An', '1.1', 1.5],
      [4, 'Xã An', '1.2', 2],
    ]);
    expect(values(wb.getWorksheet('Xã Bình')!)).toEqual([
      [1, ...HEADER],
      [2, 'Xã Bình', '1.1', 1],
      [3, 'Xã Bình', '1.2', 0.75],
    ]);
    expect(r.stderr).toMatch(/info I_CONVERT_SHEET_EMPTY .*huyen\.xlsx › Trống/);
    expect(r.stderr).toMatch(/huyen\.xlsx → .*out\.xlsx; 3 sheets; 10 rows/);
  });

  it('.json holds every table, and reads back to the same tables', async () => {
    const ws = await workspace();
    const input = await district(ws);
    const r = await run(['convert', input, '-o', ws.path('out.json')]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(await readFile(ws.path('out.json'), 'utf8'));
    expect(doc.schema).toBe('cchc.table/1');
    expect(doc.sheets.map((s: { name: string }) => s.name)).toEqual(['Xã An', 'Xã Bình', 'Danh mục']);
    expect(doc.sheets[1].rows).toEqual([
      { row: 1, cells: HEADER },
      { row: 2, cells: ['Xã Bình', '1.1', 1] },
      { row: 3, cells: ['Xã Bình', '1.2', 0.75] },
    ]);
    const back = await run(['convert', ws.path('out.json'), '--sheet', 'Xã Bình']);
    expect(back.stdout).toBe('Đơn vị,Mã tiêu chí,Điểm thẩm định\nXã Bình,1.1,1\nXã Bình,1.2,0.75\n');
  });

  it('--out-dir writes one file per data sheet', async () => {
    const ws = await workspace();
    const input = await district(ws);
    const r = await run(['convert', input, '--out-dir', ws.path('out')]);
    expect(r.code, r.stderr).toBe(0);
    expect((await readdir(ws.path('out'))).sort()).toEqual([
      'huyen - Danh mục.csv',
      'huyen - Xã An.csv',
      'huyen - Xã Bình.csv',
    ]);
  });

  it('CSV on stdout or -o x.csv refuses several tables before writing, and --sheet picks one', async () => {
    const ws = await workspace();
    const input = await district(ws);
    for (const out of [[], ['-o', ws.path('x.csv')]]) {
      const r = await run(['convert', input, ...out, '--lang', 'en']);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/3 tables .* use --sheet, --out-dir, or -o a \.xlsx\/\.json file/);
    }
    await expect(readFile(ws.path('x.csv'))).rejects.toThrow();
    const one = await run(['convert', input, '--sheet', 'xa binh']);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toBe('Đơn vị,Mã tiêu chí,Điểm thẩm định\nXã Bình,1.1,1\nXã Bình,1.2,0.75\n');
    expect(one.stderr).not.toMatch(/I_CONVERT_SHEET_EMPTY/);
  });

  it('--to long reads every unit sheet of a returned forms workbook', async () => {
    const ws = await workspace();
    const criteria = await ws.write(
      'criteria.csv',
      'Mã tiêu chí,Tên tiêu chí,Điểm tối đa\n1,Lĩnh vực 1,5\n1.1,Tiêu chí 1.1,2\n1.2,Tiêu chí 1.2,3\n',
    );
    const form = (unit: string, a: number, b: number) => ({
      name: unit,
      rows: [
        [`Đơn vị: ${unit}`],
        ['STT', 'Tiêu chí', 'Điểm tối đa', 'Điểm tự đánh giá', 'Điểm thẩm định'],
        ['1', 'Lĩnh vực 1', 5],
        ['1.1', 'Tiêu chí 1.1', 2, a, a],
        ['1.2', 'Tiêu chí 1.2', 3, b, b],
      ],
    });
    const input = await ws.xlsx('forms.xlsx', [
      form('Xã An', 2, 1.5),
      form('Xã Bình', 1, 3),
      form('Xã Cát', 0, 2),
    ]);
    const r = await run(['convert', input, '--to', 'long', '--criteria', criteria, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1 + 3 * 2);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([
      'Xã An',
      'Xã An',
      'Xã Bình',
      'Xã Bình',
      'Xã Cát',
      'Xã Cát',
    ]);
    expect(r.stderr).toMatch(/long table: 6 rows → stdout/);
  });
});
