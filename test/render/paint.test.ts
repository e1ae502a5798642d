import { Chalk } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paint, type Style } from '../../src/render/paint.js';

// chalk drew the terminal's colours before render/paint.ts; it stays a dev dependency as this test's oracle.
const STYLES: Style[] = ['bold', 'dim', 'red', 'green', 'yellow', 'magenta', 'cyan'];

describe('paint', () => {
  it('leaves text as it is without colour', () => {
    for (const s of STYLES) expect(paint(false)[s]('Xã An\n\u001b[1m')).toBe('Xã An\n\u001b[1m');
  });

  it('writes the 16-colour codes: green band, bold heading', () => {
    expect(paint(true).green('Xuất sắc')).toBe('\u001b[32mXuất sắc\u001b[39m');
    expect(paint(true).bold('Khối: Huyện')).toBe('\u001b[1mKhối: Huyện\u001b[22m');
    expect(paint(true).red('')).toBe('');
  });

  it('writes what chalk wrote at level 1 and level 0, nesting and line breaks included (property)', () => {
    const on = new Chalk({ level: 1 });
    const off = new Chalk({ level: 0 });
    const piece = fc.constantFrom(
      'a',
      'Đ',
      ' ',
      '\n',
      '\r\n',
      '\r',
      '\u001b',
      '\u001b[22m',
      '\u001b[39m',
      '[1m',
    );
    const text = fc.array(piece, { maxLength: 10 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, fc.constantFrom(...STYLES), fc.constantFrom(...STYLES), (t, outer, inner) => {
        const ours = paint(true)[outer](paint(true)[inner](t));
        return ours === on[outer](on[inner](t)) && paint(false)[outer](t) === off[outer](t);
      }),
      { numRuns: 3000 },
    );
  });
});
