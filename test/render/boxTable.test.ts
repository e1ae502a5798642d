// The box table drawn by hand against cli-table3 drawing the same cells with the same options: byte for
// byte on plain cells (Vietnamese text, numbers, colour codes), and cli-table3 itself for any other cell.
import { Chalk } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Align, boxTable, libraryBox, plainBox, plainWidth } from '../../src/render/boxTable.js';

const chalk = new Chalk({ level: 1 });
const paints = [
  (s: string) => s,
  chalk.bold,
  chalk.green,
  chalk.red,
  (s: string) => chalk.bold(chalk.cyan(s)),
];

const plainChar = fc.constantFrom(
  ...'aAzZ09 ,.%/-()ĐđăâêôơưàáảãạằắẳẵặầấẩẫậềếểễệồốổỗộờớởỡợừứửữựỳýỷỹỵÀÝ×·°±–—‘’“”•…≤≥'.split(''),
);
const plainText = fc
  .tuple(fc.array(plainChar, { maxLength: 14 }), fc.nat({ max: paints.length - 1 }))
  .map(([cs, p]) => paints[p]!(cs.join('')));

const table = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.record({
    head: fc.array(plainText, { minLength: n, maxLength: n }),
    rows: fc.array(fc.array(plainText, { minLength: n, maxLength: n }), { maxLength: 8 }),
    align: fc.array(fc.constantFrom<Align>('left', 'right'), { minLength: n, maxLength: n }),
  }),
);

describe('box table', () => {
  it('draws plain cells exactly as cli-table3 does (property)', () => {
    fc.assert(
      fc.property(table, ({ head, rows, align }) => {
        expect(plainBox(head, rows, align)).toBe(libraryBox(head, rows, align));
      }),
      { numRuns: 500 },
    );
  });

  it('leaves other cells to cli-table3: wide, combining and emoji characters, line breaks', () => {
    for (const odd of ['日本', 'a\u0301', '😀', '©', 'two\nlines', '\u0007']) {
      expect(plainWidth(odd)).toBe(-1);
      const head = ['A', 'B'];
      const rows = [[odd, '1']];
      expect(plainBox(head, rows, ['left', 'right'])).toBeNull();
      expect(boxTable(head, rows, ['left', 'right'])).toBe(libraryBox(head, rows, ['left', 'right']));
    }
  });

  it('measures colour codes as nothing', () => {
    expect(plainWidth(chalk.bold('Xếp loại'))).toBe(8);
  });
});
