import { describe, expect, it } from 'vitest';
import { escapeMd, renderMd } from '../../src/render/md.js';
import { ctx, sampleResults } from './sampleResults.js';

describe('renderMd', () => {
  const text = renderMd(sampleResults(), ctx());

  it('writes a heading, a ranking table and a band summary per group', () => {
    expect(text).toContain(
      '## Khối: Huyện\n\n| Đơn vị | Thẩm định | Điều tra XHH | Điểm cộng | Điểm trừ | Tổng điểm | Điểm tối đa | Chỉ số (%) | Xếp hạng | Xếp loại |',
    );
    expect(text).toContain('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
    expect(text).toContain(
      '| Huyện Mộ Đức | 61,12 | 20,75 | 0,00 | 0,00 | 81,87 | 100,00 | 81,87 | 8/13 | Tốt |',
    );
    expect(text.startsWith('# Kết quả Chỉ số cải cách hành chính\n')).toBe(true);
    expect(text).toContain('## Khối: Xã, phường');
    expect(text.indexOf('## Khối: Huyện')).toBeLessThan(text.indexOf('## Khối: Xã, phường'));
    expect(text).toContain('| Xuất sắc | ≥ 90 | 3 |');
    expect(text).toContain('| Yếu | — | 1 |');
    expect(text).toContain('| 13 | 79,87 | 81,87 | 48,30 | 95,00 | Huyện Sơn Tịnh |');
    expect(text).toContain('Dòng dữ liệu: đọc 1234, chấm điểm 1230, bị từ chối 4');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('shows ties with the same rank and a dash for a missing survey', () => {
    expect(text.match(/ \| 2\/13 \| /g)).toHaveLength(2);
    expect(text).toMatch(/\| Phường "Mới", Bắc \| 49,00 \| — \|/);
  });

  it('escapes pipes and Markdown in names', () => {
    expect(text).toContain('| Xã Tân \\| Bình | 65,00 |');
    expect(text).toContain('| 3 | 84,43 | 83,50 | 70,00 | 95,00 | Xã Tân \\| Bình |');
    expect(escapeMd('a|b')).toBe('a\\|b');
    expect(escapeMd('a\\|b')).toBe('a\\\\\\|b');
    expect(escapeMd('*x* <b>\nnext')).toBe('\\*x\\* \\<b\\> next');
    // Every ranking row has as many unescaped pipes as the header (13 columns with previous results).
    const rows = text.split('\n').filter((l) => l.startsWith('| ') && l.includes('/13'));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.replace(/\\\|/g, '').split('|')).toHaveLength(15);
  });

  it('speaks English with decimal points', () => {
    const en = renderMd(sampleResults(), ctx({ lang: 'en' }));
    expect(en).toContain(
      '| Unit | Appraisal | Survey | Bonus | Penalty | Total | Maximum | Index (%) | Rank | Band |',
    );
    expect(en).toContain(
      '| Huyện Mộ Đức | 61.12 | 20.75 | 0.00 | 0.00 | 81.87 | 100.00 | 81.87 | 8/13 | Tốt |',
    );
    expect(en).toContain('## Group: Huyện');
  });

  it('calls a group without a name "Tất cả" / "All units"', () => {
    const r = sampleResults();
    for (const u of r.units) u.group = '';
    for (const g of r.groups) g.group = '';
    expect(renderMd(r, ctx())).toContain('## Tất cả\n');
    expect(renderMd(r, ctx({ lang: 'en' }))).toContain('## All units\n');
  });
});
