// Golden conversions through the built binary: legacy TCVN3 bytes, Windows-1258 and UTF-16 CSVs all come
// out as the same clean UTF-8 table (numbers normalised, text in Unicode NFC).
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { run, workspace } from '../cli/helpers.js';
import { cp1258Bytes, tcvn3Bytes, utf16be, utf16le } from './encoders.js';

const SOURCE = [
  'Đơn vị,Khối,Mã tiêu chí,Điểm tự đánh giá,Điểm thẩm định,Ghi chú',
  'Huyện Mộ Đức,Cấp huyện,1.1.1,"1,5","0,5",Chưa ban hành kế hoạch đúng hạn',
  'Thành phố Quảng Ngãi,Cấp huyện,1.1.2,1,KPS,Không phát sinh trong năm',
  '',
].join('\r\n');

const EXPECTED = [
  'Đơn vị,Khối,Mã tiêu chí,Điểm tự đánh giá,Điểm thẩm định,Ghi chú',
  'Huyện Mộ Đức,Cấp huyện,1.1.1,1.5,0.5,Chưa ban hành kế hoạch đúng hạn',
  'Thành phố Quảng Ngãi,Cấp huyện,1.1.2,1,KPS,Không phát sinh trong năm',
  '',
].join('\n');

describe('convert: golden CSV conversions', () => {
  const cases: [string, Buffer, RegExp][] = [
    ['tcvn3.csv', tcvn3Bytes(SOURCE), /TCVN3/],
    ['windows-1258.csv', cp1258Bytes(SOURCE), /windows-1258/],
    ['utf16le.csv', utf16le(SOURCE), /utf-16le/],
    ['utf16be.csv', utf16be(SOURCE), /utf-16be/],
    ['utf8-bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SOURCE)]), /utf-8/],
  ];
  for (const [name, bytes, note] of cases) {
    it(`${name} → clean UTF-8 CSV`, async () => {
      const ws = await workspace();
      const input = await ws.write(name, bytes);
      const r = await run(['convert', input, '-o', ws.path('out.csv'), '--lang', 'en']);
      expect(r.code, r.stderr).toBe(0);
      expect(await readFile(ws.path('out.csv'), 'utf8')).toBe(EXPECTED);
      expect(r.stderr).toMatch(note);
      expect(r.stderr).toMatch(/2 numbers written as text/);
    });
  }

  it('--decimal comma quotes comma decimals; --bom starts with a BOM', async () => {
    const ws = await workspace();
    const input = await ws.write('in.csv', tcvn3Bytes(SOURCE));
    const r = await run(['convert', input, '--decimal', 'comma', '--bom']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('\uFEFFĐơn vị')).toBe(true);
    expect(r.stdout).toContain('1.1.1,"1,5","0,5",');
  });

  it('--legacy-font none leaves the bytes as read', async () => {
    const ws = await workspace();
    const input = await ws.write('in.csv', tcvn3Bytes(SOURCE));
    const r = await run(['convert', input, '--legacy-font', 'none']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('Mộ Đức');
  });

  it('neutralises formula text but not negative numbers or a lone dash', async () => {
    const ws = await workspace();
    const input = await ws.write(
      'in.csv',
      'Đơn vị,Mã tiêu chí,Điểm thẩm định,Ghi chú\n=HYPERLINK("x"),9,-0.5,@cmd\nXã A,9,-,+1+2\n',
    );
    const r = await run(['convert', input]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `Đơn vị,Mã tiêu chí,Điểm thẩm định,Ghi chú\n"'=HYPERLINK(""x"")",9,-0.5,'@cmd\nXã A,9,-,'+1+2\n`,
    );
  });
});
