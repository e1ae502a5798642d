// The zip reader against an independent one (yauzl) over archives that are odd but valid: stored entries,
// data descriptors, zip64 records, comments, extra fields, empty and directory entries, a central
// directory in another order than the entries, an entry streamed rather than inflated whole. Both must
// list the same entries with the same bytes. Then the archives it must refuse: a damaged entry (CRC-32)
// and two names that differ only in case.
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import type { ByteSource } from '../../src/ooxml/byteSource.js';
import { ZipEntries } from '../../src/ooxml/zipEntries.js';
import { writeZip, type ZipFile, type ZipOptions } from '../hostile/zipWriter.js';

const bufferSource = (buffer: Buffer): ByteSource => ({ kind: 'buffer', buffer, size: buffer.length });

async function ours(bytes: Buffer): Promise<Map<string, string>> {
  const zip = await ZipEntries.open(bufferSource(bytes), 'a.zip', 2 ** 40);
  const out = new Map<string, string>();
  for (const name of zip.names) {
    const parts: Uint8Array[] = [];
    for await (const chunk of zip.chunks(name)) parts.push(chunk);
    out.set(name, Buffer.concat(parts).toString('latin1'));
  }
  return out;
}

function theirs(bytes: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zipfile) => {
      if (err || !zipfile) return reject(err);
      const out = new Map<string, string>();
      zipfile.on('entry', (entry: yauzl.Entry) => {
        zipfile.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const parts: Buffer[] = [];
          stream.on('data', (c: Buffer) => parts.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(parts).toString('latin1'));
            zipfile.readEntry();
          });
          stream.on('error', reject);
        });
      });
      zipfile.on('end', () => resolve(out));
      zipfile.on('error', reject);
      zipfile.readEntry();
    });
  });
}

const sheet = '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>';
const textOf = (n: number) => Array.from({ length: n }, (_, i) => `<row r="${i}">Xã Hòa ${i}</row>`).join('');

/** Over 16 MiB of XML: streamed through zlib rather than inflated in one call. */
const BIG = textOf(700_000);

const ODD: [string, ZipFile[], ZipOptions?][] = [
  [
    'stored entries',
    [
      { name: 'a.xml', data: sheet, stored: true },
      { name: 'b.xml', data: sheet },
    ],
  ],
  ['data descriptors with a signature', [{ name: 'a.xml', data: sheet, descriptor: 'signed' }]],
  ['data descriptors without a signature', [{ name: 'a.xml', data: textOf(100), descriptor: 'unsigned' }]],
  [
    'a stored entry with a data descriptor',
    [{ name: 'a.xml', data: sheet, stored: true, descriptor: 'signed' }],
  ],
  [
    'zip64 extra fields',
    [
      { name: 'a.xml', data: sheet, zip64: true },
      { name: 'b.xml', data: 'b' },
    ],
  ],
  [
    'a zip64 end record',
    [
      { name: 'a.xml', data: sheet },
      { name: 'b.xml', data: textOf(10) },
    ],
    { zip64End: true },
  ],
  [
    'zip64 everywhere with descriptors',
    [{ name: 'a.xml', data: sheet, zip64: true, descriptor: 'signed' }],
    { zip64End: true },
  ],
  ['an archive comment', [{ name: 'a.xml', data: sheet }], { comment: 'made by a test — Đông Hòa' }],
  [
    'entry comments',
    [
      { name: 'a.xml', data: sheet, comment: 'first' },
      { name: 'b.xml', data: 'x', comment: 'second' },
    ],
  ],
  [
    'empty entries, stored and deflated',
    [
      { name: 'e1', data: '', stored: true },
      { name: 'e2', data: '' },
      { name: 'a.xml', data: sheet },
    ],
  ],
  [
    'directory entries',
    [
      { name: 'xl/', data: '', stored: true },
      { name: 'xl/a.xml', data: sheet },
    ],
  ],
  [
    'the directory in reverse order',
    [
      { name: 'a', data: 'A' },
      { name: 'b', data: textOf(5) },
      { name: 'c', data: 'C' },
    ],
    { centralOrder: [2, 1, 0] },
  ],
  [
    'an extra field in the local header only',
    [{ name: 'a.xml', data: sheet, extra: Buffer.from([0x55, 0x54, 5, 0, 1, 2, 3, 4, 5]) }],
  ],
  ['Vietnamese names', [{ name: 'xl/Điểm thẩm định.xml', data: sheet }]],
  [
    'an entry streamed, not inflated whole (over 16 MiB)',
    [
      { name: 'big.xml', data: BIG },
      { name: 'a', data: 'a' },
    ],
  ],
];

describe('zip reader against yauzl', () => {
  it.each(ODD)('%s: the same entries, the same bytes', async (_, files, options) => {
    const bytes = writeZip(files, options);
    const expected = await theirs(bytes);
    expect(expected.size).toBe(files.length);
    expect(await ours(bytes)).toEqual(expected);
  });
});

describe('archives refused', () => {
  const errorOf = (bytes: Buffer) =>
    ours(bytes).then(
      () => 'ok',
      (e: unknown) => e,
    );

  it('a damaged entry: E_FILE_CORRUPT naming it, inflated whole, streamed or stored', async () => {
    for (const f of [
      { name: 'xl/worksheets/sheet1.xml', data: sheet },
      { name: 'xl/worksheets/sheet1.xml', data: BIG },
      { name: 'xl/worksheets/sheet1.xml', data: sheet, stored: true },
    ]) {
      const good = writeZip([f]);
      expect(await errorOf(good)).toBe('ok');
      const err = await errorOf(writeZip([{ ...f, crc: 0x12345678 }]));
      expect(err).toMatchObject({ code: 'E_FILE_CORRUPT' });
      expect(err).toMatchObject({ args: { reason: 'zip-entry-crc', entry: 'xl/worksheets/sheet1.xml' } });
    }
  });

  it('a damaged entry left after its first chunk is still checked, when the reading stops', async () => {
    const bytes = writeZip([{ name: 'big.xml', data: BIG, crc: 1 }]);
    const zip = await ZipEntries.open(bufferSource(bytes), 'a.zip', 2 ** 40);
    const read = async () => {
      for await (const _ of zip.chunks('big.xml')) break;
    };
    await expect(read()).rejects.toMatchObject({ code: 'E_FILE_CORRUPT' });
  });

  it('two entries whose names differ only in case: E_FILE_CORRUPT naming both', async () => {
    const bytes = writeZip([
      { name: 'xl/sharedStrings.xml', data: '<sst/>' },
      { name: 'xl/SharedStrings.xml', data: '<sst/>' },
    ]);
    const err = await errorOf(bytes);
    expect(err).toMatchObject({ code: 'E_FILE_CORRUPT' });
    expect(err).toMatchObject({
      args: { reason: 'zip-entry-twice', entry: 'xl/sharedStrings.xml', other: 'xl/SharedStrings.xml' },
    });
  });
});
