import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dosDateTime, writeZip } from '../../src/ooxml/zipWriter.js';
import { zipEntryInfos } from './zipReader.js';

const WHEN = new Date(Date.UTC(2024, 2, 5, 8, 30, 14));

describe('writeZip', () => {
  it('stores every entry deflated, UTF-8 named, stamped with the given instant, in order', () => {
    const zip = writeZip(
      [
        { name: '[Content_Types].xml', data: '<Types/>' },
        { name: 'empty.txt', data: '' },
        { name: 'tên tệp/ẩn.bin', data: new Uint8Array([0, 1, 2, 255]) },
        { name: 'big.xml', data: '<r>'.repeat(100_000) },
      ],
      WHEN,
    );
    const entries = zipEntryInfos(zip);
    expect(entries.map((e) => e.name)).toEqual([
      '[Content_Types].xml',
      'empty.txt',
      'tên tệp/ẩn.bin',
      'big.xml',
    ]);
    expect(entries.map((e) => e.data.toString('latin1'))).toEqual([
      '<Types/>',
      '',
      '\u0000\u0001\u0002\u00ff',
      '<r>'.repeat(100_000),
    ]);
    for (const e of entries) {
      expect(e.method).toBe(8);
      expect(e.flags).toBe(0x0800);
      expect(e.date).toBe(((2024 - 1980) << 9) | (3 << 5) | 5);
      expect(e.time).toBe((8 << 11) | (30 << 5) | 7);
    }
    expect(zip.length).toBeLessThan(2_000); // 300 kB of repetition deflates to almost nothing
  });

  it('gives the same bytes for the same entries and instant', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ minLength: 1 }), fc.string()), { maxLength: 5 }), (files) => {
        const entries = files.map(([name, data]) => ({ name, data }));
        const a = writeZip(entries, WHEN);
        expect(Buffer.from(a).equals(Buffer.from(writeZip(entries, WHEN)))).toBe(true);
        expect(zipEntryInfos(a).map((e) => e.data.toString('utf8'))).toEqual(
          files.map(([, data]) => Buffer.from(data, 'utf8').toString('utf8')),
        );
      }),
    );
  });

  it('clamps instants outside what a DOS date holds', () => {
    expect(dosDateTime(new Date(0))).toEqual({ time: 0, date: (1 << 5) | 1 });
    expect(dosDateTime(new Date(Date.UTC(2200, 0, 1)))).toEqual({
      time: 0,
      date: (127 << 9) | (12 << 5) | 31,
    });
  });
});
