import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeSheetName, uniqueSheetNames } from '../../src/convert/sheetNames.js';

describe('sheet names', () => {
  it('cuts to 31 characters, drops [ ] : * ? / \\ and dedupes without case', () => {
    expect(safeSheetName('Phòng Tài nguyên và Môi trường huyện Chương Mỹ')).toBe(
      'Phòng Tài nguyên và Môi trường',
    );
    expect(safeSheetName("'Xã [A]: B/C\\D*E?'")).toBe('Xã A B C D E');
    expect(uniqueSheetNames(['Xã An', 'xã an', 'Xã An'], ['Danh sách đơn vị'])).toEqual([
      'Xã An',
      'xã an (2)',
      'Xã An (3)',
    ]);
    expect(uniqueSheetNames(['Danh sách đơn vị'], ['Danh sách đơn vị'])).toEqual(['Danh sách đơn vị (2)']);
  });

  it('any list of names gives valid, unique names', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 60 }), { maxLength: 30 }), (names) => {
        const out = uniqueSheetNames(names);
        expect(out).toHaveLength(names.length);
        expect(new Set(out.map((n) => n.toLowerCase())).size).toBe(out.length);
        for (const n of out) {
          expect([...n].length).toBeLessThanOrEqual(31);
          expect(n).not.toMatch(/[[\]:*?/\\]|^'|'$|^$/);
        }
      }),
    );
  });
});
