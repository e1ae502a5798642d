// Multi-row headers combined column by column, with merges known (an xlsx) or not (a CSV), and the value
// columns recognised by their words.
import { describe, expect, it } from 'vitest';
import type { CellRange, CellValue, RawRow } from '../../src/model/cell.js';
import { headerBlocks, isNumberingRow } from '../../src/parse/headerBlock.js';
import { matchValueWords } from '../../src/parse/headerWords.js';
import { scoreKeyColumns } from '../../src/parse/scoreHeader.js';

const rows = (...r: CellValue[][]): RawRow[] => r.map((cells, i) => ({ row: i + 1, cells }));
const range = (top: number, left: number, bottom: number, right: number): CellRange => ({
  top,
  left,
  bottom,
  right,
});
const last = <T>(a: T[]): T => a[a.length - 1]!;

describe('headerBlocks', () => {
  const twoRows = rows(
    ['STT', 'Đơn vị', 'Mã tiêu chí', 'Điểm', null, 'Ghi chú'],
    [null, null, null, 'Tự đánh giá', 'Thẩm định', null],
    [1, 'Xã A', '1.1', 2, 2, null],
  );

  it('carries "Điểm" across its merge and stops at the first data row', () => {
    const blocks = headerBlocks(twoRows, 0, [range(1, 3, 1, 4), range(1, 0, 2, 0)], scoreKeyColumns);
    expect(blocks).toHaveLength(2);
    expect(last(blocks)).toMatchObject({ first: 1, last: 2 });
    expect(last(blocks).texts).toEqual([
      'STT',
      'Đơn vị',
      'Mã tiêu chí',
      'Điểm Tự đánh giá',
      'Điểm Thẩm định',
      'Ghi chú',
    ]);
  });

  it('without merges (a CSV), carries a label over the blank cells that have a lower header below', () => {
    const blocks = headerBlocks(twoRows, 0, [], scoreKeyColumns);
    expect(last(blocks).texts[4]).toBe('Điểm Thẩm định');
    // "Ghi chú" has nothing below: it is a column's own header, never carried right.
    const wider = rows(['Đơn vị', 'Mã tiêu chí', 'Ghi chú', null], [null, null, null, 'Lý do']);
    expect(last(headerBlocks(wider, 0, [], scoreKeyColumns)).texts).toEqual([
      'Đơn vị',
      'Mã tiêu chí',
      'Ghi chú',
      'Lý do',
    ]);
  });

  it('three rows: caption, domains, codes; the codes are the lowest part', () => {
    const wide = rows(
      ['Đơn vị', 'ĐIỂM THẨM ĐỊNH', null, null],
      [null, '1. Công tác', null, '2. Khảo sát'],
      [null, '1.1', '1.2', '2'],
      ['Xã A', 2, 3, 4],
    );
    const blocks = headerBlocks(wide, 0, [], scoreKeyColumns);
    expect(last(blocks)).toMatchObject({ first: 1, last: 3 });
    expect(last(blocks).parts).toEqual([
      ['Đơn vị'],
      ['ĐIỂM THẨM ĐỊNH', '1. Công tác', '1.1'],
      ['ĐIỂM THẨM ĐỊNH', '1. Công tác', '1.2'],
      ['ĐIỂM THẨM ĐỊNH', '2. Khảo sát', '2'],
    ]);
  });

  it('a data row under a one-row header is never taken for more header (its unit cell is filled)', () => {
    const long = rows(['Đơn vị', 'Mã tiêu chí', 'Điểm thẩm định'], ['Xã A', '1.1', 2]);
    expect(headerBlocks(long, 0, [], scoreKeyColumns)).toHaveLength(1);
  });

  it('a column-numbering row ends the header and is part of it', () => {
    const numbered = rows(
      ['Đơn vị', 'Mã tiêu chí', 'Điểm thẩm định'],
      ['(1)', '(2)', '(3)'],
      ['Xã A', '1.1', 2],
    );
    const blocks = headerBlocks(numbered, 0, [], scoreKeyColumns);
    expect(last(blocks)).toMatchObject({ first: 1, last: 2, numbering: 2 });
    expect(last(blocks).texts).toEqual(['Đơn vị', 'Mã tiêu chí', 'Điểm thẩm định']);
  });
});

describe('isNumberingRow', () => {
  it.each([
    [['(1)', '(2)', '(3)'], true],
    [['A', 'B', '1', '2', '3'], true],
    [['1', '2', '(3)=(1)+(2)'], true],
    [['1', '1', '2'], false],
    [['5', '45'], false],
    [['30', '31'], false],
    [['1', 'Công tác chỉ đạo', '10'], false],
    [['(1)'], false],
  ])('%j → %s', (cells, expected) => {
    expect(isNumberingRow(cells)).toBe(expected);
  });
});

describe('matchValueWords', () => {
  it.each([
    ['Điểm tự đánh giá của đơn vị', 'self'],
    ['Điểm TĐG', 'self'],
    ['Điểm tự chấm', 'self'],
    ['Điểm thẩm định của Hội đồng', 'appraised'],
    ['Kết quả thẩm định', 'appraised'],
    ['Điểm do Hội đồng thẩm định', 'appraised'],
    ['Điểm HĐTĐ', 'appraised'],
    ['ĐIỂM THẨM ĐỊNH THEO LĨNH VỰC, TIÊU CHÍ', 'appraised'],
    ['Điểm điều tra XHH', 'survey'],
    ['Điểm tự đánh giá năm 2025', 'self'],
  ])('%s → %s', (header, field) => {
    expect(matchValueWords(header)).toEqual({ field });
  });

  it.each([
    'Điểm năm 2024',
    'Tỷ lệ %',
    'Tổng điểm thẩm định',
    'Ý kiến thẩm định',
    'Ngày thẩm định',
    'Ghi chú của Hội đồng',
    'Điểm đánh giá',
  ])('%s → not a value column', (header) => {
    expect(matchValueWords(header)).toBeNull();
  });

  it('"tự đánh giá" and "thẩm định" in one header is ambiguous', () => {
    expect(matchValueWords('Điểm tự đánh giá/thẩm định')).toEqual({ ambiguous: ['self', 'appraised'] });
  });
});
