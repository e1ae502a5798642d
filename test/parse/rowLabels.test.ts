// What a row's name says: a total row, or a survey / bonus / penalty domain.
import { describe, expect, it } from 'vitest';
import { componentFromName, isTotalLabel } from '../../src/parse/rowLabels.js';

describe('isTotalLabel', () => {
  it('recognises the total rows offices write', () => {
    for (const name of [
      'TỔNG CỘNG',
      'Tổng cộng',
      'Tổng số điểm',
      'Tổng điểm',
      'Tổng',
      'Cộng',
      'Tổng cộng (I+II+III)',
      'TỔNG ĐIỂM TỐI ĐA:',
      'Tong cong',
    ])
      expect(isTotalLabel(name), name).toBe(true);
  });

  it('leaves criteria that merely start with the word alone', () => {
    for (const name of ['Tổng kết công tác CCHC', 'Công khai thủ tục hành chính', 'Cộng đồng dân cư', ''])
      expect(isTotalLabel(name), name).toBe(false);
  });
});

describe('componentFromName', () => {
  it('knows the survey, bonus and penalty domains by their names', () => {
    const cases: [string, string | null][] = [
      ['Điều tra xã hội học', 'survey'],
      ['ĐIỂM ĐIỀU TRA XÃ HỘI HỌC', 'survey'],
      ['Điểm điều tra XHH', 'survey'],
      ['XHH', 'survey'],
      ['Đánh giá qua điều tra xã hội học (30 điểm)', 'survey'],
      ['Khảo sát sự hài lòng của người dân', 'survey'],
      ['Điểm cộng', 'bonus'],
      ['Điểm thưởng', 'bonus'],
      ['Điểm cộng (sáng kiến CCHC)', 'bonus'],
      ['Điểm trừ', 'penalty'],
      ['ĐIỂM TRỪ', 'penalty'],
      ['Công tác chỉ đạo, điều hành', null],
      ['Công khai thủ tục hành chính', null],
      ['Cải cách thủ tục hành chính', null],
      ['Tổ chức khảo sát nhu cầu đào tạo', null],
    ];
    for (const [name, component] of cases) expect(componentFromName(name), name).toBe(component);
  });
});
