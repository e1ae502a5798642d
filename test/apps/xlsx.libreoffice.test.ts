// The XLSX writer and report as LibreOffice reads them (every sheet exported to CSV as shown). Part of
// `npm run test:apps`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderXlsx } from '../../src/render/xlsx.js';
import { nastyWorkbook, WHEN } from '../render/nastyWorkbook.js';
import { ctx, reportSample } from '../render/reportSample.js';
import { sheetsAsCsv } from './sheetsAsCsv.js';

const results = reportSample();
const VI_SHEETS = ['Xếp hạng', 'Xếp loại', 'Chi tiết', 'Thẩm định', 'Cảnh báo'];

describe('WorkbookWriter as LibreOffice reads it', () => {
  it('opens a sheet with a special name and hostile text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-writer-'));
    try {
      const file = join(dir, 'w.xlsx');
      writeFileSync(file, nastyWorkbook().toBytes(WHEN));
      const sheets = sheetsAsCsv(file, dir);
      const files = [...sheets.keys()];
      expect(files).toHaveLength(2);
      const first = files.find((f) => f !== 'w-Second.csv')!;
      const csv = sheets.get(first) ?? '';
      expect(csv).toContain('"a & b < c > d ""e"" \'f\'",0');
      expect(csv).toContain('"_x0041_ stays _x0041_, not A",-1E+');
      expect(csv).toContain('Tiếng Việt: Ủy ban nhân dân xã Chúc Sơn 🙂');
      expect(csv).toContain('95.75');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

describe('renderXlsx as LibreOffice shows it', () => {
  it('displays the published values with two decimals', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-xlsx-'));
    try {
      const file = join(dir, 'report.xlsx');
      writeFileSync(file, await renderXlsx(results, ctx()));
      const sheets = sheetsAsCsv(file, dir);
      expect([...sheets.keys()].sort()).toEqual(VI_SHEETS.map((s) => `report-${s}.csv`).sort());
      const ranking = (sheets.get('report-Xếp hạng.csv') ?? '').split('\n');
      // The title block first, then the header; rank and group size are two numeric columns.
      expect(ranking[0]).toMatch(/^Kết quả Chỉ số cải cách hành chính — Xếp hạng,/);
      expect(ranking).toContain(
        'Đơn vị,Mã đơn vị,Khối,Thẩm định,Điều tra XHH,Điểm cộng,Điểm trừ,Tổng điểm,Điểm tối đa,Chỉ số (%),Xếp hạng,Số đơn vị,Xếp loại,Xếp hạng kỳ trước,Thay đổi hạng,Chỉ số kỳ trước,Thay đổi chỉ số',
      );
      expect(ranking).toContain(
        'Sở Nội vụ,S01,"Sở, ban, ngành",67.00,27.75,1.00,0.00,95.75,100.00,95.75,1,5,Xuất sắc,2,+1,91.20,+4.55',
      );
      expect(ranking).toContain(
        'Ban Quản lý dự án,D02,Đơn vị sự nghiệp,53.50,,0.00,0.00,53.50,70.00,76.43,2,3,Loại III,,,,',
      );
      expect(ranking.some((l) => l.startsWith(`"'=HYPERLINK(`))).toBe(true);
      expect(sheets.get('report-Chi tiết.csv')).toContain(
        'Sở Giáo dục và Đào tạo,S05,"Sở, ban, ngành",3.00,2.00,KPS,7.00,',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
