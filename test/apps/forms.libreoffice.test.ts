// The workbooks the own writer makes besides reports, as LibreOffice opens them: the blank forms of
// `cchc template` (protected sheets, merged titles, validations) and a `cchc convert -o x.xlsx` of a
// multi-sheet workbook. Part of `npm run test:apps`.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, run, workspace } from '../cli/helpers.js';
import { sheetsAsCsv } from './sheetsAsCsv.js';

const P = join(FIXTURES, 'province');

describe('own-writer workbooks as LibreOffice reads them', () => {
  it('opens the blank forms: the list, each unit form with its title, header and criteria', async () => {
    const ws = await workspace();
    const units = await ws.write(
      'units.csv',
      'Đơn vị,Khối\nHuyện Mộ Đức,Cấp huyện\nThị xã Đức Phổ,Cấp huyện\n',
    );
    const out = ws.path('forms.xlsx');
    const r = await run(['template', '--criteria', join(P, 'criteria.xlsx'), '--units', units, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const sheets = sheetsAsCsv(out, ws.dir);
    expect([...sheets.keys()].sort()).toEqual(
      ['forms-Danh sách đơn vị.csv', 'forms-Huyện Mộ Đức.csv', 'forms-Thị xã Đức Phổ.csv'].sort(),
    );
    const form = (sheets.get('forms-Huyện Mộ Đức.csv') ?? '').split('\n');
    expect(form[0]).toMatch(/^Đơn vị: Huyện Mộ Đức,/);
    expect(form).toContain(
      'STT,Tiêu chí,Điểm tối đa,Điểm tự đánh giá,Điểm thẩm định,Tài liệu kiểm chứng,Ghi chú',
    );
    expect(form.filter((l) => /^1\.1\.1,/.test(l))).toHaveLength(1);
    expect(sheets.get('forms-Danh sách đơn vị.csv')).toContain('1,Huyện Mộ Đức,Cấp huyện,Huyện Mộ Đức,');
  }, 180_000);

  it('opens a converted multi-sheet workbook with typed cells', async () => {
    const ws = await workspace();
    const input = await ws.xlsx('huyen.xlsx', [
      {
        name: 'Xã An',
        rows: [
          ['Đơn vị', 'Điểm', 'Đạt'],
          ['Xã An', '1,5', true],
        ],
      },
      {
        name: 'Xã Bình',
        rows: [
          ['Đơn vị', 'Điểm', 'Đạt'],
          ['Xã Bình', 2.25, false],
        ],
      },
    ]);
    const out = ws.path('sach.xlsx');
    const r = await run(['convert', input, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const sheets = sheetsAsCsv(out, ws.dir);
    expect(sheets.get('sach-Xã An.csv')).toBe('Đơn vị,Điểm,Đạt\nXã An,1.5,TRUE\n');
    expect(sheets.get('sach-Xã Bình.csv')).toBe('Đơn vị,Điểm,Đạt\nXã Bình,2.25,FALSE\n');
  }, 180_000);
});
