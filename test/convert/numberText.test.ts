import { describe, expect, it } from 'vitest';
import { numberColumns, textToNumber } from '../../src/convert/numberText.js';

describe('number text', () => {
  it('reads what a clerk plainly meant as a number', () => {
    expect(['1,5', '20,75', ' 2 ', '-0,5', '1.234,5', '1,234.5', '0,125', '3.5'].map(textToNumber)).toEqual([
      1.5, 20.75, 2, -0.5, 1234.5, 1234.5, 0.125, 3.5,
    ]);
  });
  it('leaves codes, identifiers, ratios and ambiguous thousands as text', () => {
    expect(['1.1.2', '007', '14/19', '73,68%', '1.234', '1,234', 'KPS', '', '1e5'].map(textToNumber)).toEqual(
      Array(9).fill(null),
    );
  });
  it('keeps code columns as text below the recognised header', () => {
    const cols = numberColumns([
      { row: 1, cells: ['BẢNG ĐIỂM'] },
      { row: 3, cells: ['STT', 'Đơn vị', 'Mã tiêu chí', 'Điểm thẩm định', '1.1'] },
    ]);
    expect(cols.headerRow).toBe(3);
    expect([...cols.textColumns].sort()).toEqual([0, 1, 2]);
  });
});
