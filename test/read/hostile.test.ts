import { mkdir } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openSheets } from '../../src/read/openSheets.js';
import { errorCode, readAll, stdinOf, tempDir, xlsxParts, zip } from './helpers.js';

const file = await tempDir();

const SHEET = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1</v></c></row>';
const small = () => zip(xlsxParts([{ name: 'S', data: SHEET }], { sharedStrings: ['x'] }));
/** A worksheet of `rows` rows; compresses about 200:1. */
const bigSheet = (rows: number) =>
  Array.from({ length: rows }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c></row>`).join('');

/** Each hostile case must fail fast with its code: a hang fails the test by timeout. */
const code = (path: string, options?: Parameters<typeof readAll>[1]) =>
  errorCode(() => readAll(path, options));

describe('files that cannot be opened', () => {
  it('missing file', async () => {
    expect(await code(await file('nope.xlsx'))).toBe('E_FILE_NOT_FOUND');
    expect(await code(`${await file('nodir')}/x.csv`)).toBe('E_FILE_NOT_FOUND');
  });

  it('a directory', async () => {
    const dir = await file('adir');
    await mkdir(dir);
    expect(await code(dir)).toBe('E_FILE_UNREADABLE');
  });
});

describe('damaged or disguised workbooks', () => {
  it('text named .xlsx', async () => {
    expect(await code(await file('text.xlsx', 'đơn vị,điểm\n'))).toBe('E_FILE_CORRUPT');
  });

  it('binary junk', async () => {
    expect(await code(await file('junk.bin', Buffer.from([1, 0, 2, 0, 0, 0, 255, 0, 0, 9])))).toBe(
      'E_FILE_CORRUPT',
    );
  });

  it('truncated zip', async () => {
    const bytes = small();
    for (const keep of [0.5, 0.9, 0.99]) {
      const path = await file(`truncated-${keep}.xlsx`, bytes.subarray(0, Math.floor(bytes.length * keep)));
      expect(await code(path)).toBe('E_FILE_CORRUPT');
    }
  });

  it('a zip that is not a workbook, and an empty zip', async () => {
    expect(await code(await file('docx.xlsx', zip([['word/document.xml', '<w/>']])))).toBe('E_FILE_CORRUPT');
    expect(await code(await file('empty.xlsx', zip([])))).toBe('E_FILE_CORRUPT');
  });

  it('damaged deflate data, with the worksheet read directly or through a temp file', async () => {
    for (const order of ['direct', 'deferred']) {
      const parts = xlsxParts([{ name: 'S', data: bigSheet(2000) }], { sharedStrings: ['x'] });
      const bytes = zip(order === 'direct' ? parts : [...parts].reverse());
      const sheetAt = bytes.indexOf('xl/worksheets/sheet1.xml') + 'xl/worksheets/sheet1.xml'.length;
      bytes.fill(0xff, sheetAt + 20, sheetAt + 60);
      expect(await code(await file(`bad-deflate-${order}.xlsx`, bytes))).toBe('E_FILE_CORRUPT');
    }
  });

  it('malformed worksheet XML', async () => {
    const bytes = zip(xlsxParts([{ name: 'S', data: '<row r="1"><c r="A1"><v>1</v></row></oops>' }]));
    expect(await code(await file('badxml.xlsx', bytes))).toBe('E_FILE_CORRUPT');
  });

  it('an OLE2 signature with nothing behind it is damaged, not encrypted, whatever its name', async () => {
    const cfb = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    expect(await code(await file('locked.xlsx', cfb))).toBe('E_FILE_CORRUPT');
    expect(await code(await file('locked.xls', cfb))).toBe('E_FILE_CORRUPT');
  });

  it('an OLE2 container holding EncryptionInfo is encrypted whatever its name (and on stdin)', async () => {
    const cfb = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    cfb.writeUInt16LE(9, 0x1e); // 512-byte sectors
    cfb.writeUInt32LE(0, 0x30); // directory in sector 0, right after the header
    Buffer.from('EncryptionInfo', 'utf16le').copy(cfb, 512 + 128);
    expect(await code(await file('locked.xls', cfb))).toBe('E_FILE_ENCRYPTED');
    expect(await code('-', { stdin: stdinOf(cfb) })).toBe('E_FILE_ENCRYPTED');
  });
});

describe('zip bombs and caps', () => {
  it('a central directory declaring a huge size', async () => {
    const bytes = zip(xlsxParts([{ name: 'S', data: SHEET }], { sharedStrings: ['x'] }), {
      'xl/worksheets/sheet1.xml': 0xfffffff0,
    });
    // 4 GB from a few hundred bytes: the ratio is what is wrong, not the size.
    expect(await code(await file('huge.xlsx', bytes))).toBe('E_ZIP_RATIO');
  });

  it('an absurd compression ratio on a large entry: E_ZIP_RATIO, whatever the size limit', async () => {
    const bytes = zip(xlsxParts([{ name: 'S', data: SHEET }]), {
      'xl/worksheets/sheet1.xml': 20 * 1024 * 1024,
    });
    const path = await file('ratio.xlsx', bytes);
    expect(await code(path)).toBe('E_ZIP_RATIO');
    expect(await code(path, { maxInflatedBytes: 2 ** 40 })).toBe('E_ZIP_RATIO');
  });

  it('a declared total over the limit at an ordinary ratio: E_ZIP_TOO_LARGE', async () => {
    const bytes = zip(xlsxParts([{ name: 'S', data: SHEET }]), { 'xl/worksheets/sheet1.xml': 100_000 });
    expect(await code(await file('declared.xlsx', bytes), { maxInflatedBytes: 50_000 })).toBe(
      'E_ZIP_TOO_LARGE',
    );
  });

  it('honest sizes over the configured limit', async () => {
    const bytes = zip(xlsxParts([{ name: 'S', data: bigSheet(20_000) }]));
    expect(await code(await file('honest.xlsx', bytes), { maxInflatedBytes: 100_000 })).toBe(
      'E_ZIP_TOO_LARGE',
    );
  });

  it('a lying central directory is caught while inflating, directly or through temp files', async () => {
    for (const order of ['direct', 'deferred']) {
      const parts = xlsxParts([{ name: 'S', data: bigSheet(50_000) }], { sharedStrings: ['x'] });
      const bytes = zip(order === 'direct' ? parts : [...parts].reverse(), {
        'xl/worksheets/sheet1.xml': 100,
      });
      const path = await file(`liar-${order}.xlsx`, bytes);
      expect(await code(path, { maxInflatedBytes: 200_000 })).toBe('E_ZIP_TOO_LARGE');
    }
  });

  it('limits on what a workbook makes the reader hold: sheets, shared strings, one cell', async () => {
    const three = zip(
      xlsxParts(
        ['A', 'B', 'C'].map((name) => ({ name, data: SHEET })),
        { sharedStrings: ['x', 'y', 'z'] },
      ),
    );
    const path = await file('three.xlsx', three);
    expect(await code(path, { maxSheets: 3, maxSharedStrings: 3 })).toBe('ok');
    expect(await code(path, { maxSheets: 2 })).toBe('E_TOO_MANY_SHEETS');
    expect(await code(path, { maxSharedStrings: 2 })).toBe('E_TOO_MANY_SHARED_STRINGS');
    expect(await code(path, { maxSharedChars: 2 })).toBe('E_SHARED_STRINGS_TOO_LARGE');
    const long = zip(
      xlsxParts([{ name: 'Dài', data: '<row r="1"><c r="B1" t="str"><v>abcdef</v></c></row>' }]),
    );
    const err = await readAll(await file('long.xlsx', long), { maxCellChars: 5 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'E_CELL_TOO_LONG', args: { sheet: 'Dài', cell: 'B1', limit: 5 } });
  });

  it('a value further right than maxColumns, and more merged ranges than maxMerges', async () => {
    const wide = zip(xlsxParts([{ name: 'S', data: '<row r="4"><c r="AMK4"><v>1</v></c></row>' }]));
    const path = await file('wide.xlsx', wide);
    expect(await code(path, { maxColumns: 1025 })).toBe('ok');
    const err = await readAll(path).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'E_TOO_MANY_COLUMNS',
      args: { sheet: 'S', cell: 'AMK4', limit: 1024 },
    });
    const after = '<mergeCells><mergeCell ref="A1:B1"/><mergeCell ref="A2:B2"/></mergeCells>';
    const merged = zip(xlsxParts([{ name: 'S', data: SHEET, after }]));
    const mpath = await file('merged.xlsx', merged);
    expect(await code(mpath, { maxMerges: 2 })).toBe('ok');
    expect(await code(mpath, { maxMerges: 1 })).toBe('E_TOO_MANY_MERGES');
  });

  it('row cap in xlsx and csv', async () => {
    const xlsx = zip(xlsxParts([{ name: 'S', data: bigSheet(1000) }]));
    expect(await code(await file('rows.xlsx', xlsx), { maxRows: 999 })).toBe('E_TOO_MANY_ROWS');
    expect((await readAll(await file('rows-ok.xlsx', xlsx), { maxRows: 1000 }))[0]?.rows.length).toBe(1000);
    const csv = 'a\n'.repeat(1000);
    expect(await code(await file('rows.csv', csv), { maxRows: 999 })).toBe('E_TOO_MANY_ROWS');
    expect((await readAll(await file('rows-ok.csv', csv), { maxRows: 1000 }))[0]?.rows.length).toBe(1000);
  });

  it('an unclosed quote does not swallow the file silently', async () => {
    expect(await code(await file('quote.csv', 'a,"b\nc,d\n'))).toBe('E_FILE_CORRUPT');
  });

  it('a workbook abandoned half-way releases its file', async () => {
    const wb = new ExcelJS.Workbook();
    for (const name of ['A', 'B']) wb.addWorksheet(name).addRow([name]);
    const path = await file('abandon.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    for await (const sheet of openSheets(path)) {
      expect(sheet.sheet).toBe('A');
      break;
    }
  });
});
