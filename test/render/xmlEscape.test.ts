import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellText, xmlAttr, xmlText } from '../../src/ooxml/xmlEscape.js';
import { notXmlChar } from './xmlChars.js';

/** What a spreadsheet program does with cell text: XML entities, then the _xHHHH_ escapes. */
const readCell = (xml: string): string =>
  xml
    .replace(/&(lt|gt|quot|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&' })[e]!)
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

describe('xml escaping', () => {
  it('writes any cell text so that it reads back unchanged and is valid XML character data', () => {
    const text = fc.string({
      unit: fc.constantFrom(
        'a',
        ' ',
        '&',
        '<',
        '>',
        '"',
        '_',
        'x',
        '0',
        'F',
        '\r',
        '\n',
        '\t',
        '\u0000',
        '\u0007',
        '\u001f',
        '\uffff',
        'ệ',
      ),
    });
    fc.assert(
      fc.property(text, (s) => {
        const xml = cellText(s);
        expect(notXmlChar(xml)).toBeNull();
        expect(xml).not.toMatch(/[<>\r]|&(?!(amp|lt|gt);)/);
        expect(readCell(xml)).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });

  it('escapes the literal look-alike of an escape, and controls as Excel does', () => {
    expect(cellText('_x0041_')).toBe('_x005F_x0041_');
    expect(cellText('_x41_ _xZZZZ_')).toBe('_x41_ _xZZZZ_');
    expect(cellText('a\u0001b\rc')).toBe('a_x0001_b_x000D_c');
    expect(cellText('plain Tiếng Việt')).toBe('plain Tiếng Việt');
  });

  it('drops what XML cannot hold from other text, and keeps whitespace in attributes', () => {
    expect(xmlText('a & <b> "c"\u0000\r')).toBe('a &amp; &lt;b&gt; "c"&#13;');
    expect(xmlAttr('Q&A <"1">\tx\ny\u0008')).toBe('Q&amp;A &lt;&quot;1&quot;&gt;&#9;x&#10;y');
  });
});
