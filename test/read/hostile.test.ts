import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSheets } from '../../src/read/openSheets.js';
import { findLibreOffice } from '../../src/read/xls.js';
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

  it('an OLE2 container named .xlsx is an encrypted workbook', async () => {
    const cfb = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    expect(await code(await file('locked.xlsx', cfb))).toBe('E_FILE_ENCRYPTED');
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
    expect(await code(await file('huge.xlsx', bytes))).toBe('E_ZIP_TOO_LARGE');
  });

  it('an absurd compression ratio on a large entry', async () => {
    const bytes = zip(xlsxParts([{ name: 'S', data: SHEET }]), {
      'xl/worksheets/sheet1.xml': 20 * 1024 * 1024,
    });
    expect(await code(await file('ratio.xlsx', bytes))).toBe('E_ZIP_TOO_LARGE');
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

describe('legacy .xls through LibreOffice', () => {
  const savedPath = process.env.PATH;
  let bin = '';
  beforeEach(async () => {
    bin = await file(`bin-${Math.random().toString(36).slice(2)}`);
    await mkdir(bin);
  });
  afterEach(() => {
    process.env.PATH = savedPath;
  });

  const xls = () => {
    const cfb = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    cfb.writeUInt16LE(9, 0x1e);
    Buffer.from('Workbook', 'utf16le').copy(cfb, 512);
    return cfb;
  };

  it('without LibreOffice on PATH: E_XLS_NEEDS_LIBREOFFICE', async () => {
    process.env.PATH = bin;
    expect(await findLibreOffice()).toBeUndefined();
    expect(await code(await file('old.xls', xls()))).toBe('E_XLS_NEEDS_LIBREOFFICE');
    expect(await code('-', { stdin: stdinOf(xls()) })).toBe('E_XLS_NEEDS_LIBREOFFICE');
  });

  it('with a (fake) soffice: converts in a temp dir, reads the result, cleans up', async () => {
    const converted = await file('converted.xlsx', small());
    const soffice = `${bin}/soffice`;
    const log = `${bin}/args.log`;
    await writeFile(
      soffice,
      `#!/bin/sh
echo "$@" > "${log}"
out=""; prev=""; last=""
for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; last="$a"; done
mkdir -p "$out"
name=$(basename "$last"); cp "${converted}" "$out/\${name%.*}.xlsx"
`,
      { mode: 0o755 },
    );
    process.env.PATH = `${bin}:/usr/bin:/bin`;
    const sheets = await readAll(await file('old2.xls', xls()));
    expect(sheets.map((s) => [s.sheet, s.rows[0]?.cells])).toEqual([['S', ['x', 1]]]);
    const args = (await import('node:fs')).readFileSync(log, 'utf8');
    expect(args).toContain('--headless');
    expect(args).toContain('--convert-to xlsx');
    const outDir = /--outdir (\S+)/.exec(args)?.[1] ?? '';
    expect((await import('node:fs')).existsSync(dirname(outDir))).toBe(false);
  });

  it('a failed conversion is E_FILE_CORRUPT', async () => {
    await writeFile(`${bin}/soffice`, '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    process.env.PATH = bin;
    expect(await code(await file('old3.xls', xls()))).toBe('E_FILE_CORRUPT');
  });
});
