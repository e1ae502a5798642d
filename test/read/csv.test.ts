import { describe, expect, it } from 'vitest';
import { nfc } from '../../src/ooxml/nfc.js';
import { sniffDelimiter } from '../../src/read/csv.js';
import { detectEncoding } from '../../src/read/decodeText.js';
import { errorCode, readAll, stdinOf, tempDir } from './helpers.js';

const file = await tempDir();

const TEXT = 'Đơn vị;Mã;Điểm\nXã Đông Hòa;1.1;1,5\n';
const EXPECTED = [
  { row: 1, cells: ['Đơn vị', 'Mã', 'Điểm'] },
  { row: 2, cells: ['Xã Đông Hòa', '1.1', '1,5'] },
];
const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();

/** "Bình Định;Đà Nẵng" in Windows-1258: tone marks are separate combining bytes (CC grave, F2 dot, DE tilde). */
const CP1258 = Buffer.from([
  0x42, 0x69, 0xcc, 0x6e, 0x68, 0x20, 0xd0, 0x69, 0xf2, 0x6e, 0x68, 0x3b, 0xd0, 0xe0, 0x20, 0x4e, 0xe3, 0xde,
  0x6e, 0x67, 0x0a,
]);

describe('csv text encodings', () => {
  it.each([
    ['utf-8', Buffer.from(TEXT, 'utf8')],
    ['utf-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')])],
    ['utf-16le with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')])],
    ['utf-16be with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)])],
    ['utf-16le without BOM', Buffer.from(TEXT, 'utf16le')],
    ['utf-16be without BOM', utf16be(TEXT)],
  ])('%s', async (name, bytes) => {
    const [sheet] = await readAll(await file(`${name.replaceAll(' ', '_')}.csv`, bytes));
    expect(sheet?.rows).toEqual(EXPECTED);
  });

  it('windows-1258, composed to NFC', async () => {
    const [sheet] = await readAll(await file('cp1258.csv', CP1258));
    expect(sheet?.rows).toEqual([{ row: 1, cells: ['Bình Định', 'Đà Nẵng'] }]);
    expect(sheet?.rows[0]?.cells[1]).toBe('Đà Nẵng'.normalize('NFC'));
  });

  it('decomposed UTF-8 (macOS) is composed to NFC', async () => {
    const [sheet] = await readAll(await file('nfd.csv', Buffer.from('Hòa,Huế\n'.normalize('NFD'))));
    expect(sheet?.rows[0]?.cells).toEqual(['Hòa', 'Huế']);
  });

  it('an encoding can be forced, and a wrong name is a usage error', async () => {
    // "Hoà;x" in Windows-1258; a forced encoding skips detection.
    const path = await file('forced.csv', Buffer.from([0x48, 0x6f, 0x61, 0xcc, 0x3b, 0x78, 0x0a]));
    const [sheet] = await readAll(path, { encoding: 'cp1258' });
    expect(sheet?.rows[0]?.cells).toEqual(['Hoà', 'x']);
    const [ascii] = await readAll(await file('forced16.csv', Buffer.from('a;b\n', 'utf16le')), {
      encoding: 'utf-16le',
    });
    expect(ascii?.rows[0]?.cells).toEqual(['a', 'b']);
    expect(await errorCode(() => readAll(path, { encoding: 'klingon' }))).toBe('E_UNKNOWN_ENCODING');
    const [utf8] = await readAll(await file('forced8.csv', Buffer.from(`\uFEFF${TEXT}`)), {
      encoding: 'utf-8',
    });
    expect(utf8?.rows).toEqual(EXPECTED);
  });

  it('detectEncoding: a multi-byte letter cut by the sample end is still UTF-8', () => {
    const bytes = Buffer.from('abc Đ', 'utf8');
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1), false).encoding).toBe('utf-8');
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1), true).encoding).toBe('windows-1258');
  });

  it('nfc leaves NFC Vietnamese alone and composes the rest', () => {
    expect(nfc('Thừa Thiên Huế')).toBe('Thừa Thiên Huế');
    expect(nfc('Hue\u0302\u0301')).toBe('Huế');
  });
});

describe('csv structure', () => {
  it.each([
    ['comma', 'a,b,c\n1,"2,5",3\n', ['1', '2,5', '3']],
    ['semicolon with comma decimals', 'Tiêu đề, năm 2024\na;b;c\n1;2,5;3\n4;5,25;6\n', ['1', '2,5', '3']],
    ['tab', 'a\tb\tc\n1\t2,5\t3\n', ['1', '2,5', '3']],
  ])('%s', async (_, text, second) => {
    const [sheet] = await readAll(await file(`d-${_.replaceAll(' ', '_')}.txt`, text));
    expect(sheet?.rows.find((r) => r.cells[0] === '1')?.cells).toEqual(second);
  });

  it('.tsv is tab-separated whatever the content', async () => {
    const [sheet] = await readAll(await file('t.tsv', 'a;b\tc\n'));
    expect(sheet?.rows[0]?.cells).toEqual(['a;b', 'c']);
  });

  it("Excel's sep= line chooses the delimiter and is not a row", async () => {
    const [sheet] = await readAll(await file('sep.csv', 'sep=;\na;b,c\n'));
    expect(sheet?.rows).toEqual([{ row: 2, cells: ['a', 'b,c'] }]);
  });

  it('empty fields are null, empty lines are skipped but counted, strings stay strings', async () => {
    const [sheet] = await readAll(await file('gaps.csv', 'a,,c\n\n,,\n"x ""q""",007,1e309\r\nlast'));
    expect(sheet?.sheet).toBe('gaps');
    expect(sheet?.index).toBe(1);
    expect(sheet?.hidden).toBe(false);
    expect(sheet?.rows).toEqual([
      { row: 1, cells: ['a', null, 'c'] },
      { row: 4, cells: ['x "q"', '007', '1e309'] },
      { row: 5, cells: ['last'] },
    ]);
  });

  it('tolerates ragged rows and stray quotes', async () => {
    const [sheet] = await readAll(await file('ragged.csv', 'a,b\n1,2,3,4\n5 "inch",6\n'));
    expect(sheet?.rows.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', '2', '3', '4'],
      ['5 "inch"', '6'],
    ]);
  });

  it('reads stdin', async () => {
    const [sheet] = await readAll('-', { stdin: stdinOf(Buffer.from(TEXT)) });
    expect(sheet?.sheet).toBe('stdin');
    expect(sheet?.rows).toEqual(EXPECTED);
  });

  it('streams a large file with multi-byte letters across chunk boundaries', async () => {
    const line = 'Xã Phường Thị trấn Đồng Hới;1,5;Bình Định\n';
    const [sheet] = await readAll(await file('big.csv', line.repeat(50_000)));
    expect(sheet?.rows.length).toBe(50_000);
    expect(
      sheet?.rows.every((r) => r.cells[0] === 'Xã Phường Thị trấn Đồng Hới' && r.cells[2] === 'Bình Định'),
    ).toBe(true);
  });

  it('streams a large UTF-16 and Windows-1258 file', async () => {
    const line = 'Xã Đông;1,5\n';
    const [u16] = await readAll(
      await file(
        'big16.csv',
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(line.repeat(40_000), 'utf16le')]),
      ),
    );
    expect(u16?.rows.length).toBe(40_000);
    expect(u16?.rows.every((r) => r.cells[0] === 'Xã Đông')).toBe(true);
    const [cp] = await readAll(await file('big1258.csv', Buffer.concat(Array(40_000).fill(CP1258))));
    expect(cp?.rows.length).toBe(40_000);
    expect(cp?.rows.every((r) => r.cells[1] === 'Đà Nẵng')).toBe(true);
  });
});

describe('sniffDelimiter', () => {
  it('prefers the consistent delimiter over the frequent one', () => {
    expect(sniffDelimiter('a;b;c\n1,5;2,5;3,5\n4;5;6').delimiter).toBe(';');
    expect(sniffDelimiter('a,b,c\n"1;2",3,4\n').delimiter).toBe(',');
    expect(sniffDelimiter('one column\nno delimiter').delimiter).toBe(',');
  });
});
