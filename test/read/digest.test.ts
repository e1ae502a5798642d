// Each input hashed as it is read (ReadOptions.digest): the sha256 of the file's bytes, from one read, for a
// CSV that streams in many chunks (its sample included), a CSV with a byte order mark and a workbook; none
// for a CSV whose rows were not all read (the pipeline then reads it again for its hash).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSheets } from '../../src/read/openSheets.js';
import { readAll, tempDir, xlsxParts, zip } from './helpers.js';

const file = await tempDir();
const sha = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

async function digestOf(path: string, rows = Number.POSITIVE_INFINITY): Promise<string[]> {
  const digests: string[] = [];
  for await (const sheet of openSheets(path, { digest: (d) => digests.push(d) })) {
    let n = 0;
    for await (const _ of sheet.rows()) if (++n >= rows) break;
  }
  return digests;
}

describe('input hashes, from the read itself', () => {
  it('a CSV of several MB: sample and stream hashed once, in order', async () => {
    const lines = ['Đơn vị;Mã tiêu chí;Điểm'];
    for (let i = 0; i < 120_000; i++) lines.push(`Xã Hòa ${i};${1 + (i % 7)}.${1 + (i % 10)};"0,${i % 100}"`);
    const text = `${lines.join('\r\n')}\r\n`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(3 * 1024 * 1024);
    const path = await file('big.csv', text);
    expect(await digestOf(path)).toEqual([sha(text)]);
  });

  it('a CSV with a byte order mark: the mark is hashed too', async () => {
    const bytes = Buffer.from('\uFEFFĐơn vị;Điểm\nXã A;1\n', 'utf8');
    const path = await file('bom.csv', bytes);
    expect(await digestOf(path)).toEqual([sha(bytes)]);
    expect((await readAll(path))[0]?.rows[0]?.cells).toEqual(['Đơn vị', 'Điểm']);
  });

  it('a workbook, read whole once', async () => {
    const bytes = zip(xlsxParts([{ name: 'S', data: '<row r="1"><c r="A1"><v>1</v></c></row>' }]));
    const path = await file('book.xlsx', bytes);
    expect(await digestOf(path)).toEqual([sha(bytes)]);
  });

  it('no hash from a CSV whose rows were not all read', async () => {
    const lines = Array.from({ length: 200_000 }, (_, i) => `Xã ${i};${i}`);
    const path = await file('partly.csv', lines.join('\n'));
    expect(await digestOf(path, 10)).toEqual([]);
  });
});
