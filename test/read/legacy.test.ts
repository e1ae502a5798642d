// Legacy and foreign workbooks read in-process by SheetJS: .xls (BIFF8 from LibreOffice, BIFF5), .ods,
// HTML tables and Excel 2003 XML saved as .xls. The committed fixtures are made by
// test/fixtures-bin/make.mjs (exceljs writes the .xlsx, LibreOffice saves it as .xls and .ods).
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { openSheets } from '../../src/read/openSheets.js';
import { errorCode, readAll, stdinOf, tempDir } from './helpers.js';

const file = await tempDir();
const LEGACY = join(import.meta.dirname, '..', 'fixtures-bin', 'legacy');
const fixture = (name: string) => join(LEGACY, name);

/** Sheets with their rows and merges, read to the end. */
async function readWithMerges(path: string, options: Parameters<typeof openSheets>[1] = {}) {
  const out = [];
  for await (const s of openSheets(path, options)) {
    const rows = [];
    for await (const r of s.rows()) rows.push(r);
    out.push({ sheet: s.sheet, index: s.index, hidden: s.hidden, rows, merges: s.merges() });
  }
  return out;
}

/** What kinds.xlsx holds (test/fixtures-bin/make.mjs), as the readers give it. */
const KINDS = [
  { row: 1, cells: ['Bảng tổng hợp điểm'] },
  { row: 2, cells: ['Đơn vị', 'Khối', 'Điểm'] },
  { row: 3, cells: [null, null, 'Tự đánh giá', 'Thẩm định', 'Ngày', 'Tổng', 'Mã', 'Tỉ lệ'] },
  {
    row: 4,
    cells: ['Xã Hòa Bình', 'Cấp xã', 28.5, 32.62, new Date(Date.UTC(2024, 0, 15)), 61.12, '1.1', 0.25],
  },
  {
    row: 5,
    cells: ['Phường Thuỷ Xuân', null, 30, 35.5, new Date(Date.UTC(2023, 11, 31)), 65.5, '1.2', 0.5],
  },
  { row: 6, cells: ['Lỗi', null, { error: '#N/A' }, { error: '#DIV/0!' }] },
  { row: 8, cells: ['after a gap', ...Array(8).fill(null), -0.00125] },
];
const KINDS_MERGES = [
  { top: 1, left: 0, bottom: 1, right: 5 },
  { top: 2, left: 0, bottom: 3, right: 0 },
  { top: 2, left: 1, bottom: 3, right: 1 },
  { top: 2, left: 2, bottom: 2, right: 3 },
  { top: 4, left: 1, bottom: 5, right: 1 },
];
/** .VnTime / .VnTimeH / VNI-Times text: the legacy bytes as Latin-1 characters, untouched. */
const LEGACY_TEXT = [
  { row: 1, cells: ['Unicode: Đơn vị'] },
  { row: 2, cells: ['\u00a7\u00acn v\u00de', 'HUY\u00d6N M\u00e9 \u00ae\u00f8C'] },
  { row: 3, cells: ['Qua\u00fbng Nga\u00f5i'] },
];

describe('the same workbook as .xlsx, .xls and .ods', () => {
  it('reads to the same sheets, rows, values and merges', async () => {
    const [xlsx, xls, ods] = await Promise.all(
      ['kinds.xlsx', 'kinds.xls', 'kinds.ods'].map((f) => readWithMerges(fixture(f))),
    );
    expect(xlsx?.map((s) => [s.sheet, s.index, s.hidden])).toEqual([
      ['Điểm', 1, false],
      ['TCVN3', 2, false],
      ['Ghi chú', 3, true],
    ]);
    expect(xlsx?.[0]?.rows).toEqual(KINDS);
    expect(xlsx?.[0]?.merges).toEqual(KINDS_MERGES);
    expect(xlsx?.[1]?.rows).toEqual(LEGACY_TEXT);
    expect(xls).toEqual(xlsx);
    expect(ods).toEqual(xlsx);
  });

  it('a BIFF5 (Excel 5.0/95) file keeps its TCVN3 bytes as they are', async () => {
    const [sheet] = await readAll(fixture('biff5-tcvn3.xls'));
    expect(sheet?.rows).toEqual([
      { row: 1, cells: ['\u00a7\u00acn v\u00de', '?i?m'] },
      { row: 2, cells: ['Huy\u00d6n M\u00e9 \u00a7\u00f8c', 61.12] },
      { row: 3, cells: ['C\u00cap huy\u00d6n', 1.5] },
    ]);
  });

  it('cell fonts: the same names from the .xlsx and the .xls (its BIFF records); none (null) from the .ods', async () => {
    const fontsOf = async (name: string) => {
      for await (const s of openSheets(fixture(name), { cellFonts: true })) {
        if (s.sheet !== 'TCVN3') continue;
        const fonts = [];
        for await (const r of s.rows()) fonts.push(r.fonts);
        return fonts;
      }
    };
    expect(await fontsOf('kinds.xlsx')).toEqual([
      ['Times New Roman'],
      ['.VnTime', '.VnTimeH'],
      ['VNI-Times'],
    ]);
    expect(await fontsOf('kinds.xls')).toEqual(await fontsOf('kinds.xlsx'));
    expect(await fontsOf('kinds.ods')).toEqual([[null], [null, null], [null]]);
    const biff5: unknown[] = [];
    for await (const s of openSheets(fixture('biff5-tcvn3.xls'), { cellFonts: true })) {
      for await (const r of s.rows()) biff5.push(r.fonts);
    }
    expect(biff5).toEqual([
      ['Arial', 'Arial'],
      ['Arial', 'Arial'],
      ['Arial', 'Arial'],
    ]);
  });

  it('holds the row and size limits, with the xlsx codes', async () => {
    const scores = fixture('scores.xls');
    expect(await errorCode(() => readAll(scores, { maxRows: 8 }))).toBe('E_TOO_MANY_ROWS');
    expect((await readAll(scores, { maxRows: 9 }))[0]?.rows).toHaveLength(9);
    expect(await errorCode(() => readAll(scores, { maxInflatedBytes: 4096 }))).toBe('E_ZIP_TOO_LARGE');
    const ods = fixture('scores.ods');
    const { size } = await import('node:fs').then((fs) => fs.statSync(ods));
    // Under the limit as a file, over it once inflated: the zip guard stops it before SheetJS does.
    expect(await errorCode(() => readAll(ods, { maxInflatedBytes: size + 1 }))).toBe('E_ZIP_TOO_LARGE');
  });
});

describe('decided by content, not by name', () => {
  it('a real .xls renamed .xlsx (or .csv, or on stdin) is read as an xls, and said so', async () => {
    const expected = await readAll(fixture('scores.xls'));
    for (const name of ['scores-really-xls.xlsx', 'scores-really-xls.csv']) {
      const path = await file(name);
      await copyFile(fixture('scores.xls'), path);
      const notices: Diagnostic[] = [];
      expect(await readAll(path, { notice: (d) => notices.push(d) })).toEqual(expected);
      expect(notices).toEqual([
        {
          code: 'I_FILE_FORMAT',
          severity: 'info',
          location: { file: path },
          args: { format: 'xls', named: name.endsWith('.csv') ? 'csv' : 'xlsx' },
        },
      ]);
    }
    const bytes = await readFile(fixture('scores.xls'));
    expect(await readAll('-', { stdin: stdinOf(bytes) })).toEqual(expected);
  });

  it('an .ods named .xlsx is read as an ods', async () => {
    const path = await file('really-ods.xlsx');
    await copyFile(fixture('kinds.ods'), path);
    expect(await readAll(path)).toEqual(await readAll(fixture('kinds.xlsx')));
  });

  it('an encrypted package is E_FILE_ENCRYPTED whatever its name; another OLE2 file is no workbook', async () => {
    const cfb = (...streams: string[]) => {
      const c = XLSX.CFB.utils.cfb_new();
      for (const s of streams) XLSX.CFB.utils.cfb_add(c, `/${s}`, Buffer.alloc(600, 1));
      return Buffer.from(XLSX.CFB.write(c, { type: 'buffer' }) as Uint8Array);
    };
    const locked = cfb('EncryptionInfo', 'EncryptedPackage');
    for (const name of ['locked.xlsx', 'locked.xls', 'locked.csv']) {
      expect(await errorCode(async () => readAll(await file(name, locked)))).toBe('E_FILE_ENCRYPTED');
    }
    expect(await errorCode(() => readAll('-', { stdin: stdinOf(locked) }))).toBe('E_FILE_ENCRYPTED');
    const doc = await file('letter.xls', cfb('WordDocument'));
    expect(await errorCode(() => readAll(doc))).toBe('E_FILE_CORRUPT');
  });
});
