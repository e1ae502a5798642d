import { describe, expect, it } from 'vitest';
import { renderMd } from '../../src/render/md.js';
import { renderTable } from '../../src/render/table.js';
import { ctx, d, sampleResults } from './sampleResults.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI escape sequences is the point
const ANSI = /\u001b\[/;

describe('renderTable', () => {
  const text = renderTable(sampleResults(), ctx());

  it('shows each group ranking with published values in Vietnamese', () => {
    expect(text).toContain('Khối: Huyện');
    expect(text).toMatch(
      /│ Huyện Mộ Đức +│ +61,12 │ +20,75 │ +0,00 │ +0,00 │ +81,87 │ +100,00 │ +81,87 │ +8\/13 │ Tốt +│/,
    );
    expect(text).toMatch(/│ Phường "Mới", Bắc +│ +49,00 │ +— │/);
    // Every row adds up: without a survey the maximum is 70, so the maximum column is shown.
    expect(text).toMatch(/│ Phường "Mới", Bắc +│ +49,00 │ +— │ +0,00 │ +0,00 │ +49,00 │ +70,00 │ +70,00 │/);
    for (const h of [
      'Đơn vị',
      'Thẩm định',
      'Điều tra XHH',
      'Tổng điểm',
      'Chỉ số (%)',
      'Xếp hạng',
      'Xếp loại',
    ]) {
      expect(text).toContain(h);
    }
    expect(text.indexOf('Khối: Huyện')).toBeLessThan(text.indexOf('Khối: Xã, phường'));
  });

  it('shows bonus, penalty and maximum columns when the framework or the units have them', () => {
    expect(text).toContain('Điểm cộng');
    expect(text).toContain('Điểm trừ');
    expect(text).toContain('Điểm tối đa');
    const r = sampleResults();
    for (const u of r.units) {
      u.bonus = 0n;
      u.penalty = 0n;
    }
    // The framework still has them: a column of zeros says that nobody earned or lost points.
    expect(renderTable(r, ctx())).toContain('Điểm cộng');
    r.framework.bonusMax = 0n;
    r.framework.penaltyMax = 0n;
    for (const u of r.units) u.max = d('100');
    const plain = renderTable(r, ctx());
    expect(plain).not.toContain('Điểm cộng');
    expect(plain).not.toContain('Điểm trừ');
    expect(plain).not.toContain('Điểm tối đa');
  });

  it('names every unit tied for first', () => {
    const r = sampleResults();
    r.units[1]!.rank = 1;
    const tied = renderTable(r, ctx());
    expect(tied).toContain(`Dẫn đầu: ${r.units[0]!.unit}, ${r.units[1]!.unit}`);
  });

  it('labels the value column "Tự đánh giá" and says so above the table for --stage self', () => {
    const r = sampleResults();
    r.settings.stage = 'self';
    const self = renderTable(r, ctx());
    expect(self).toMatch(/│ Đơn vị +│ Tự đánh giá │/);
    expect(self.split('\n')[0]).toBe('Kết quả Chỉ số cải cách hành chính (theo điểm tự đánh giá)');
    expect(text).not.toContain('Tự đánh giá');
  });

  it('prints the title block when the run gives one', () => {
    const report = { title: 'Chỉ số CCHC 2025', period: 'Năm 2025', issuer: 'Sở Nội vụ', date: '2026-01-15' };
    const t = renderTable(sampleResults(), ctx({ report: { ...report, printedDate: '2026-01-15' } }));
    expect(t.split('\n').slice(0, 2)).toEqual([
      'Chỉ số CCHC 2025',
      'Năm 2025 · Sở Nội vụ · Ngày 15 tháng 01 năm 2026',
    ]);
  });

  it('summarises bands, statistics, rows and warnings', () => {
    expect(text).toMatch(/│ Xuất sắc +│ +≥ 90 │ +3 │/);
    expect(text).toMatch(/│ Yếu +│ +— │ +1 │/);
    expect(text).toContain(
      'Số đơn vị: 13 · Bình quân: 79,87 · Trung vị: 81,87 · Thấp nhất: 48,30 · Cao nhất: 95,00 · Dẫn đầu: Huyện Sơn Tịnh',
    );
    expect(text).toContain('Dòng dữ liệu: đọc 1234, chấm điểm 1230, bị từ chối 4');
    expect(text).toContain('1 cảnh báo · 1 thông tin');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('has no ANSI codes without colour and colours bands by position with it', () => {
    expect(text).not.toMatch(ANSI);
    const coloured = renderTable(sampleResults(), ctx({ color: true }));
    expect(coloured).toMatch(ANSI);
    expect(coloured).toContain('\u001b[32mXuất sắc\u001b[39m');
    expect(coloured).toContain('\u001b[36mTốt\u001b[39m');
    expect(coloured).toContain('\u001b[31mYếu\u001b[39m');
    // A renamed scheme gets the same colours: position, not name.
    const r = sampleResults();
    for (const g of r.groups) g.bands = g.bands.map((b, i) => ({ ...b, band: `Loại ${i + 1}` }));
    for (const u of r.units) u.band = u.band === 'Xuất sắc' ? 'Loại 1' : u.band;
    expect(renderTable(r, ctx({ color: true }))).toContain('\u001b[32mLoại 1\u001b[39m');
  });

  it('speaks English', () => {
    const en = renderTable(sampleResults(), ctx({ lang: 'en' }));
    expect(en).toMatch(
      /│ Huyện Mộ Đức +│ +61\.12 │ +20\.75 │ +0\.00 │ +0\.00 │ +81\.87 │ +100\.00 │ +81\.87 │ +8\/13 │/,
    );
    expect(en).toContain('Group: Huyện');
    expect(en).toContain('Rows: 1234 read, 1230 scored, 4 rejected');
    expect(en).toContain('1 warning · 1 info');
    expect(en).toContain('Units: 13 · Mean: 79.87');
  });

  it('is deterministic and uses the context precision', () => {
    expect(renderTable(sampleResults(), ctx())).toBe(text);
    const r = sampleResults();
    r.units[0]!.index = d('95');
    expect(renderTable(r, ctx({ precision: 1 }))).toMatch(/│ +95,0 │ +1\/13 │/);
  });

  it('calls a group without a name "Tất cả"', () => {
    const r = sampleResults();
    r.groups = r.groups.slice(0, 1);
    r.groups[0]!.group = '';
    expect(renderTable(r, ctx())).toMatch(/^Tất cả\n/);
  });
});

describe('renderTable with previous results', () => {
  it('shows previous rank, rank and index change, and lists units gone this year', () => {
    const r = sampleResults();
    r.previousOnly = [{ unit: 'Xã Cũ', group: 'Xã, phường', rank: 3, index: d('70') }];
    const text = renderTable(r, { lang: 'vi', color: false, precision: 2 });
    expect(text).toContain('Thay đổi hạng');
    expect(text).toContain('Có trong kỳ trước, không còn trong kỳ này: Xã Cũ (3; 70,00)');
    const md = renderMd(r, { lang: 'en', color: false, precision: 2 });
    expect(md).toContain('| Rank change |');
    expect(md).toContain('In the previous results, gone this year: Xã Cũ (3; 70.00)');
  });
});
