// The zip entry deflated piece by piece: the pieces make one raw deflate stream, the CRC and size are the
// whole entry's (head placed first through crc32Combine), and the archive's own reader takes it.
import { crc32, inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32Combine, EntryDeflater } from '../../src/ooxml/entryDeflater.js';
import { writeZip } from '../../src/ooxml/zipWriter.js';
import { zipEntryInfos } from './zipReader.js';

const WHEN = new Date(Date.UTC(2024, 2, 5, 8, 30, 14));
const bytes = fc.uint8Array({ maxLength: 3000 });

describe('crc32Combine', () => {
  it('is the CRC-32 of the two byte strings one after the other', () => {
    fc.assert(
      fc.property(bytes, bytes, (a, b) => {
        expect(crc32Combine(crc32(a), crc32(b), b.length)).toBe(crc32(Buffer.concat([a, b])));
      }),
    );
  });

  it('appends zeros as one operator, also for lengths past 2^31 (halved arithmetically, not by shifts)', () => {
    // combine(c, 0, n) multiplies c by the operator "append n zero bytes": doing x then y is doing x + y.
    const c = crc32(Buffer.from('xin chào'));
    const append = (crc: number, n: number) => crc32Combine(crc, 0, n);
    fc.assert(
      fc.property(fc.nat(5000), fc.nat(5000), (x, y) => {
        expect(append(append(c, x), y)).toBe(append(c, x + y));
      }),
    );
    expect(append(append(c, 2 ** 30), 2 ** 30 + 5)).toBe(append(c, 2 ** 31 + 5));
    expect(append(append(c, 2 ** 32), 7)).toBe(append(c, 2 ** 32 + 7));
  });
});

describe('EntryDeflater', () => {
  it('pieces pushed one by one, with a head and a tail, inflate to head + pieces + tail', () => {
    fc.assert(
      fc.property(bytes, fc.array(bytes, { maxLength: 6 }), bytes, (head, pieces, tail) => {
        const d = new EntryDeflater();
        for (const p of pieces) d.push(p);
        const out = d.finish(head, tail);
        const raw = Buffer.concat([head, ...pieces, tail]);
        expect(inflateRawSync(Buffer.concat(out.chunks)).equals(raw)).toBe(true);
        expect(out.crc).toBe(crc32(raw));
        expect(out.size).toBe(raw.length);
        expect(out.compressedSize).toBe(Buffer.concat(out.chunks).length);
      }),
    );
  });

  it('gives a zip entry that an independent reader inflates and checks', () => {
    const d = new EntryDeflater();
    const piece = Buffer.from('<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(10_000));
    d.push(piece);
    d.push(piece);
    const zip = writeZip([{ name: 'x.xml', data: d.finish(Buffer.from('<x>'), Buffer.from('</x>')) }], WHEN);
    const [entry] = zipEntryInfos(zip);
    expect(entry?.data.toString()).toBe(`<x>${piece}${piece}</x>`);
  });
});
