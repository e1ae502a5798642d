// Property: `convert --legacy-font auto` never alters valid Unicode Vietnamese (NFC) text — whatever mix of
// words a file holds, including words that are also plausible legacy-font bytes ("Có", "Toán", "bà").
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../cli/helpers.js';

const WORDS = [
  'Có',
  'Không',
  'bà',
  'là',
  'thì',
  'Toán',
  'Khá',
  'Tốt',
  'Đạt',
  'Xuất',
  'sắc',
  'Huyện',
  'Mộ',
  'Đức',
  'Quảng',
  'Ngãi',
  'Thành',
  'phố',
  'xã',
  'Bình',
  'Sơn',
  'Tịnh',
  'Tư',
  'Nghĩa',
  'Lý',
  'Ba',
  'Tơ',
  'Trà',
  'Bồng',
  'chỉ',
  'số',
  'cải',
  'cách',
  'hành',
  'chính',
  'điểm',
  'thẩm',
  'định',
  'tự',
  'đánh',
  'giá',
  'KPS',
  'QĐ-UBND',
  'số',
  '123/UBND',
  'năm',
  '2024',
  'ưu',
  'tiên',
  'Ủy',
  'ban',
  'nhân',
  'dân',
  'ngày',
  'tháng',
  'À',
  'Ờ',
  'ý',
  'kiến',
  'Điều',
  'tra',
  'XHH',
  'Chưa',
  'ban',
  'hành',
  'kế',
  'hoạch',
  'đúng',
  'hạn',
  'mà',
  'hóa',
  'hoá',
  'tỷ',
  'lệ',
];

const cell = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));

describe('convert --legacy-font auto', () => {
  it('leaves valid NFC Vietnamese unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 8 }), async (rows) => {
        const csv = `Đơn vị,Ghi chú\n${rows.map(([a, b]) => `${a},${b}`).join('\n')}\n`;
        const r = await runInProcess(['convert', '-', '--legacy-font', 'auto'], { input: csv });
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout).toBe(csv.normalize('NFC'));
      }),
      { numRuns: 60 },
    );
  });
});
