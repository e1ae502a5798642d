// The sniffing decodes the sample 64 KiB at a time and stops once it has the lines it looks at: what it
// sees must be what decoding the whole sample at once gave (the same first lines, the same delimiter),
// whatever the line lengths, line ends and characters cut by a piece's end.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sniffDelimiter, sniffText } from '../../src/read/csv.js';

const LINE_END = /\r\n|\n|\r/;
const firstLines = (text: string) => text.split(LINE_END, 50);

const cell = fc.oneof(
  fc.constantFrom('', '1,5', 'Xã Đông Hòa', '"a;b"', '𝔘nit', 'Đ'.repeat(700)),
  fc.string({ unit: fc.constantFrom('a', 'ạ', ';', ',', '\t', ' ', '"'), maxLength: 3000 }),
);
/** Lines of 1 to 9 KB: the 50 lines sniffed take several pieces, and pieces end inside characters. */
const padding = fc
  .tuple(fc.integer({ min: 300, max: 3000 }), fc.constantFrom('ạ', 'a', 'Đ'))
  .map(([n, c]) => c.repeat(n));
const line = fc
  .tuple(fc.array(cell, { minLength: 1, maxLength: 6 }), padding, fc.constantFrom(';', ',', '\t'))
  .map(([cells, pad, d]) => [...cells, pad].join(d));
const sample = fc
  .tuple(fc.array(line, { minLength: 20, maxLength: 80, size: 'max' }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([lines, end]) => Buffer.from(lines.join(end), 'utf8'));

describe('sniffText', () => {
  it('gives the sniffing the lines and the delimiter of the whole sample decoded at once', () => {
    fc.assert(
      fc.property(sample, fc.boolean(), (bytes, more) => {
        const whole = new TextDecoder('utf-8').decode(bytes, { stream: more });
        const text = sniffText(bytes, 'utf-8', more);
        expect(whole.startsWith(text)).toBe(true);
        expect(firstLines(text)).toEqual(firstLines(whole));
        expect(sniffDelimiter(text)).toEqual(sniffDelimiter(whole));
      }),
      // Shrinking samples of hundreds of KB takes minutes: a failure is reported as found.
      { numRuns: 60, endOnFailure: true },
    );
  });
});
