// The `form` layout: one sheet per unit, unit and group above the header, headings and subtotals skipped,
// values for unknown codes reported at the cell, never dropped.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  codesOf,
  findDiag,
  type Json,
  runJson,
  tinyCriteria,
  type Workspace,
  workspace,
} from '../cli/helpers.js';

const HEADER = [
  'STT',
  'Tiêu chí',
  'Điểm tối đa',
  'Điểm tự đánh giá',
  'Điểm thẩm định',
  'Tài liệu kiểm chứng',
  'Ghi chú',
];

async function formBook(ws: Workspace): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Hướng dẫn').addRow(['Điền điểm vào các ô trắng; mỗi đơn vị một trang.']);
  const a = wb.addWorksheet('Xa A');
  a.addRow(['Đơn vị: Xã An Bình']);
  a.mergeCells('A1:G1'); // a merged title: every cell of the merge reads the same text
  a.addRow(['Khối:', 'Xã, thị trấn']);
  a.addRow([]);
  a.addRow(HEADER);
  a.addRow(['I', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH', 70]); // a Roman heading the framework numbers 1
  a.addRow(['1', 'Lĩnh vực 1', 70, 60, 55]); // a subtotal
  a.addRow(['1.1', 'Tiêu chí 1.1', 30, 28, 25, 'QĐ 12/QĐ-UBND']);
  a.addRow(['1.2', 'Tiêu chí 1.2', 40, 32, 30, null, 'cắt 2 điểm']);
  a.addRow([null, 'Ghi chú: tiêu chí 1.2 gồm 3 nội dung']);
  a.addRow(['1.3', 'Tiêu chí đã bỏ', 5, 5, 5]); // a value for a code the framework does not know
  a.addRow(['1.4', 'Dòng chữ đánh số', null]); // numbered text without a value: ignored
  a.addRow([null, 'Tổng cộng', 70, 65, 60]);
  const b = wb.addWorksheet('Xã Bình Minh');
  b.addRow(['Khối: Xã, thị trấn']);
  b.addRow(HEADER);
  b.addRow(['1.1', 'Tiêu chí 1.1', 30, 20, 20]);
  b.addRow(['1.2', 'Tiêu chí 1.2', 40, '35,5', '35,5']);
  const path = ws.path('forms.xlsx');
  await wb.xlsx.writeFile(path);
  return path;
}

const unitsOf = (json: Json) => new Map((json.units as Json[]).map((u) => [u.unit, u]));

describe('form layout', () => {
  for (const layout of [['--layout', 'form'], []]) {
    it(`reads every sheet ${layout.length ? 'with --layout form' : 'auto-detected'}`, async () => {
      const ws = await workspace();
      const criteria = await ws.write('criteria.csv', tinyCriteria());
      const forms = await formBook(ws);
      const r = await runJson(['validate', '--criteria', criteria, '--scores', forms, ...layout]);
      expect(r.code).toBe(1);
      const unknown = findDiag(r.json, 'E_UNKNOWN_CRITERION');
      expect(unknown).toMatchObject({ sheet: 'Xa A', cell: 'A10' });
      expect(codesOf(r.json).filter((c) => c.startsWith('E_'))).toEqual(['E_UNKNOWN_CRITERION']);
      expect(findDiag(r.json, 'I_FORM_UNIT_FROM_SHEET')).toMatchObject({ sheet: 'Xã Bình Minh' });
      expect(findDiag(r.json, 'I_SHEET_SKIPPED')).toMatchObject({ sheet: 'Hướng dẫn' });
      // The form's own subtotal ('1': 60, 55) and total (65, 60, with 1.3's 5) add up: no warning.
      expect(codesOf(r.json)).not.toContain('W_SUBTOTAL_MISMATCH');
      expect(r.json.rows).toEqual({ read: 5, scored: 4, rejected: 1 });
    });
  }

  it('scores each sheet as its unit, in its group', async () => {
    const ws = await workspace();
    const criteria = await ws.write('criteria.csv', tinyCriteria());
    const forms = await formBook(ws);
    // Without the unknown row the inputs are clean.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(forms);
    wb.getWorksheet('Xa A')!.spliceRows(10, 1);
    await wb.xlsx.writeFile(forms);
    const r = await runJson(['score', '--criteria', criteria, '--scores', forms]);
    expect(r.code, r.stderr).toBe(0);
    const units = unitsOf(r.json);
    expect(units.get('Xã An Bình')).toMatchObject({
      group: 'Xã, thị trấn',
      appraisal: 55,
      self: 60,
      index: 78.57,
    });
    expect(units.get('Xã Bình Minh')).toMatchObject({
      group: 'Xã, thị trấn',
      appraisal: 55.5,
      rank: 1,
      of: 2,
    });
  });

  it('reads a CSV form with the unit above the header', async () => {
    const ws = await workspace();
    const criteria = await ws.write('criteria.csv', tinyCriteria());
    const form = await ws.write(
      'mau.csv',
      'BIỂU TỰ CHẤM ĐIỂM,,,,\nĐơn vị: Phòng Nội vụ,,,,\nKhối: Phòng chuyên môn,,,,\nMã tiêu chí,Tiêu chí,Điểm tối đa,Điểm tự đánh giá,Điểm thẩm định\n1.1,A,30,"29,5",29\n1.2,B,40,40,\n',
    );
    const r = await runJson(['score', '--criteria', criteria, '--scores', form, '--layout', 'form']);
    expect(codesOf(r.json)).toContain('W_NOT_APPRAISED');
    expect(unitsOf(r.json).get('Phòng Nội vụ')).toMatchObject({
      group: 'Phòng chuyên môn',
      appraisal: 69,
      self: 69.5,
    });
  });

  it('a long file is not read as a form under --layout form', async () => {
    const ws = await workspace();
    const criteria = await ws.write('criteria.csv', tinyCriteria());
    const scores = await ws.write('s.csv', 'Đơn vị,Khối,Mã tiêu chí,Điểm thẩm định\nXã A,Xã,1.1,3\n');
    const r = await runJson(['validate', '--criteria', criteria, '--scores', scores, '--layout', 'form']);
    expect(codesOf(r.json)).toContain('E_NO_HEADER');
  });
});
