// The readers' E_FILE_CORRUPT reasons are codes the catalogue words in each language (they were English
// phrases inside Vietnamese messages). Free text stays only for what cannot be enumerated: a library's own
// message (SheetJS, the JSON parser), shown as it is.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORRUPT_REASONS } from '../../src/i18n/messages/corruptReasons.js';
import { ROOT, run, workspace } from '../cli/helpers.js';
import { xlsxParts, zip } from '../read/helpers.js';

/** Every .ts file under src/, recursively. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('E_FILE_CORRUPT reasons', () => {
  it('every reason code the readers give has its words', () => {
    const given = new Set<string>();
    const readers = ['ooxml', 'read', 'convert'].flatMap((d) => sources(join(ROOT, 'src', d)));
    for (const file of readers) {
      const text = readFileSync(file, 'utf8');
      // reason: 'zip-entry-crc' in an error's arguments, corrupt('xml-ends-in-tag') through a callback.
      for (const m of text.matchAll(/(?:reason: |corrupt\()'([a-z0-9-]+)'/g)) given.add(m[1]!);
      for (const m of text.matchAll(/corrupt\(\w+ === [^?]+\? '([a-z0-9-]+)' : '([a-z0-9-]+)'\)/g)) {
        given.add(m[1]!);
        given.add(m[2]!);
      }
    }
    // The E_FILE_UNREADABLE reason of convert and the corrupt-cell kinds have words of their own.
    for (const other of [
      'changed-while-read',
      'two-values',
      'string-index',
      'boolean',
      'blank-number',
      'number',
    ])
      given.delete(other);
    expect(given.size).toBeGreaterThan(30);
    expect([...given].filter((code) => !(code in CORRUPT_REASONS))).toEqual([]);
  });

  const truncatedXlsx = () =>
    zip(xlsxParts([{ name: 'Điểm', data: '<row r="1"><c r="A1"><v>1</v></c></row>' }])).subarray(0, 200);
  const damagedXlsx = () => {
    const copy = Buffer.from(
      zip(xlsxParts([{ name: 'Điểm', data: '<row r="1"><c r="A1"><v>1</v></c></row>' }])),
    );
    // Flip the first byte of the first entry's deflated data: zlib refuses it ("invalid distance too far
    // back", its own English words, which reached the message before).
    const at = 30 + copy.readUInt16LE(26) + copy.readUInt16LE(28);
    copy.writeUInt8(copy.readUInt8(at) ^ 0xff, at);
    return copy;
  };
  it.each([
    ['a truncated xlsx', 'a.xlsx', truncatedXlsx, 'tệp nén bị cắt cụt', 'a truncated zip archive'],
    [
      'a text file named .xlsx',
      'b.xlsx',
      () => Buffer.from('Đơn vị,Điểm\n'),
      'không phải tệp nén',
      'not a zip archive',
    ],
    [
      'a CSV quote left open',
      'c.csv',
      () => Buffer.from('Đơn vị,Điểm\n"Xã A,1\n'),
      'không bao giờ đóng',
      'is never closed',
    ],
    [
      'XML that is no spreadsheet',
      'd.xml',
      () => Buffer.from('<?xml version="1.0"?><note/>'),
      'tệp XML nhưng không phải bảng tính',
      'XML that is not a spreadsheet',
    ],
  ])('%s: the reason in Vietnamese, and in English with --lang en', async (_, name, bytes, vi, en) => {
    const ws = await workspace();
    await ws.write(name, bytes());
    const said = async (lang: string) =>
      (await run(['inspect', name, '--lang', lang], { cwd: ws.dir })).stderr.split('\n')[0]!;
    expect(await said('vi')).toMatch(
      new RegExp(`^cchc: tệp "${name}" bị hỏng hoặc không phải bảng tính: .*${vi}`),
    );
    expect(await said('en')).toMatch(new RegExp(`^cchc: "${name}" is damaged or not a spreadsheet: .*${en}`));
  });

  it("an entry zlib cannot inflate: named, the reason worded (not zlib's English)", async () => {
    const ws = await workspace();
    await ws.write('e.xlsx', damagedXlsx());
    const r = await run(['inspect', 'e.xlsx'], { cwd: ws.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'cchc: tệp "e.xlsx" bị hỏng hoặc không phải bảng tính: phần "xl/workbook.xml" trong tệp nén bị hỏng\n',
    );
  });
});
