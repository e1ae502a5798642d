// The blank forms as a unit's clerk meets them in Excel: every sheet protected, only the input cells of
// leaves unlocked, each value cell checked by its leaf's rule, titles merged, the list linking to the forms.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FIXTURES, run, workspace } from '../cli/helpers.js';
import { zipEntries } from '../render/zipReader.js';

const P = join(FIXTURES, 'province');

describe('cchc template forms', () => {
  it('protects every sheet, unlocks only leaf inputs, validates values and links the list to each form', async () => {
    const ws = await workspace();
    const units = await ws.write(
      'units.csv',
      'Đơn vị,Khối,Mã đơn vị\nXã An,Cấp huyện,X01\n=Xã Bình,Cấp huyện,\n',
    );
    const out = ws.path('forms.xlsx');
    const r = await run(['template', '--criteria', join(P, 'criteria.xlsx'), '--units', units, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Danh sách đơn vị', 'Xã An', '=Xã Bình']);
    for (const s of wb.worksheets) {
      expect((s as unknown as { sheetProtection: object }).sheetProtection, s.name).toMatchObject({
        sheet: true,
      });
    }
    const form = wb.getWorksheet('Xã An')!;
    expect(form.getCell('A1').value).toBe('Đơn vị: Xã An');
    expect(form.getCell('A3').value).toBe('Mã đơn vị: X01');
    expect(form.model.merges).toEqual(expect.arrayContaining(['A1:G1', 'A2:G2', 'A3:G3', 'A4:G4']));
    expect(form.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(form.getRow(5).values).toEqual([
      undefined,
      'STT',
      'Tiêu chí',
      'Điểm tối đa',
      'Điểm tự đánh giá',
      'Điểm thẩm định',
      'Tài liệu kiểm chứng',
      'Ghi chú',
    ]);
    const leafRows: number[] = [];
    const headingRows: number[] = [];
    form.eachRow((row, n) => {
      if (n <= 5) return;
      (row.getCell(4).protection?.locked === false ? leafRows : headingRows).push(n);
    });
    expect(leafRows.length).toBeGreaterThan(30);
    expect(headingRows.length).toBeGreaterThan(0);
    for (const n of headingRows) expect(form.getCell(`E${n}`).dataValidation, `E${n}`).toBeUndefined();
    for (const n of leafRows) {
      for (const c of ['D', 'E', 'F', 'G'])
        expect(form.getCell(`${c}${n}`).protection?.locked, `${c}${n}`).toBe(false);
      expect(form.getCell(`B${n}`).protection?.locked).not.toBe(false);
      expect(form.getCell(`E${n}`).dataValidation?.showInputMessage, `E${n}`).toBe(true);
    }
    // The second unit's name starts like a formula: neutralised in the cells, kept in the sheet name.
    expect(wb.getWorksheet('=Xã Bình')!.getCell('A1').value).toBe("Đơn vị: '=Xã Bình");
    const list = zipEntries(await readFile(out))
      .get('xl/worksheets/sheet1.xml')!
      .toString();
    expect(list).toContain('<hyperlink ref="D3" location="\'Xã An\'!A1"/>');
    expect(list).toContain('<hyperlink ref="D4" location="\'=Xã Bình\'!A1"/>');
  });
});
