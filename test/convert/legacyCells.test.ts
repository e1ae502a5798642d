// Legacy fonts decided cell by cell from the font the workbook names (issue #10): a Unicode header row and
// TCVN3 unit names in one file both come out right. Rows are built here with the fonts a reader gives
// (RawRow.fonts); text without a legacy font name keeps the per-file `auto` decision.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { cleanSheets, cleanStats } from '../../src/convert/cleanSheets.js';
import type { InputSource } from '../../src/convert/inputSource.js';
import { LegacyCells } from '../../src/convert/legacyCells.js';
import { legacyFontOfName } from '../../src/convert/legacyFont.js';
import { scanInput } from '../../src/convert/scanInput.js';
import type { RawRow } from '../../src/model/cell.js';
import { tcvn3Bytes } from './encoders.js';

const tcvn3 = (text: string) => tcvn3Bytes(text).toString('latin1');

/** An input of one sheet whose rows are given, fonts included, as a reader asked for cellFonts gives them. */
function source(rows: RawRow[], sheet = 'Sheet1'): InputSource {
  return {
    file: 'huyen.xlsx',
    open: async function* () {
      yield {
        file: 'huyen.xlsx',
        sheet,
        index: 1,
        hidden: false,
        merges: () => [],
        rows: () => Readable.from(rows),
      };
    },
  };
}

async function clean(rows: RawRow[], option: 'auto' | 'tcvn3' | 'vni' | 'none' = 'auto') {
  const scan = await scanInput(source(rows), null, option);
  const stats = cleanStats(scan, option);
  const out: RawRow[] = [];
  for await (const s of cleanSheets(scan, stats)) for await (const r of s.rows()) out.push(r);
  return { rows: out.map((r) => r.cells), stats, font: scan.font };
}

describe('legacyFontOfName', () => {
  it('knows the TCVN3 (ABC) and VNI families, and the capitals-only H fonts', () => {
    expect(legacyFontOfName('.VnTime')).toEqual({ font: 'tcvn3', caps: false });
    expect(legacyFontOfName('.VnArial Narrow')).toEqual({ font: 'tcvn3', caps: false });
    expect(legacyFontOfName('.VnTimeH')).toEqual({ font: 'tcvn3', caps: true });
    expect(legacyFontOfName(' .VnArialH ')).toEqual({ font: 'tcvn3', caps: true });
    expect(legacyFontOfName('VNI-Times')).toEqual({ font: 'vni', caps: false });
    expect(legacyFontOfName('VNI-Helve-Condense')).toEqual({ font: 'vni', caps: false });
    for (const other of ['Times New Roman', 'Arial', 'Calibri', 'VnTime', 'Vni', null, undefined, '']) {
      expect(legacyFontOfName(other), String(other)).toBeNull();
    }
  });
});

describe('legacy fonts cell by cell', () => {
  it('a Unicode header in Times New Roman and TCVN3 names in .VnTime both come out right', async () => {
    const names = ['Xã Bình Sơn', 'Thị trấn Chợ Chùa', 'Xã Tịnh Hà', 'Phường Nghĩa Lộ'];
    const rows: RawRow[] = [
      {
        row: 1,
        cells: ['Mã số', 'Tên đơn vị', 'Ghi chú'],
        fonts: ['Times New Roman', 'Times New Roman', 'Times New Roman'],
      },
      ...names.map((n, i) => ({
        row: i + 2,
        cells: [`X${i}`, tcvn3(n), 'Tốt'],
        fonts: ['Times New Roman', '.VnTime', 'Times New Roman'],
      })),
    ];
    const { rows: out, stats } = await clean(rows);
    expect(out).toEqual([['Mã số', 'Tên đơn vị', 'Ghi chú'], ...names.map((n, i) => [`X${i}`, n, 'Tốt'])]);
    expect(stats.legacy.cells).toBe(4);
    expect([...stats.legacy.fonts]).toEqual(['tcvn3']);
  });

  it('the same file without fonts: one per-file decision reads the header as TCVN3 too (why fonts matter)', async () => {
    const names = ['Xã Bình Sơn', 'Thị trấn Chợ Chùa', 'Xã Tịnh Hà', 'Phường Nghĩa Lộ'];
    const rows: RawRow[] = [
      { row: 1, cells: ['Mã', 'Ghi chú'] },
      ...names.map((n, i) => ({ row: i + 2, cells: [`X${i}`, tcvn3(n)] })),
    ];
    const { rows: out, font } = await clean(rows);
    expect(font).toBe('tcvn3');
    expect(out.slice(1).map((r) => r[1])).toEqual(names);
    expect(out[0]).toEqual(['Mó', 'Ghi chỳ']); // Latin-1 letters read as TCVN3 bytes
  });

  it('.VnTimeH draws capitals; VNI-Times cells decode as VNI; a Unicode cell in a legacy font stays', async () => {
    const rows: RawRow[] = [
      {
        row: 1,
        cells: [tcvn3('hà nội'), 'UBND tØnh qu¶ng ng·i', 'Quaûng Ngaõi', 'Điểm thẩm định'],
        fonts: ['.VnTimeH', '.VnTimeH', 'VNI-Times', '.VnTime'],
      },
    ];
    const { rows: out } = await clean(rows);
    expect(out[0]).toEqual(['HÀ NỘI', 'UBND TỈNH QUẢNG NGÃI', 'Quảng Ngãi', 'Điểm thẩm định']);
  });

  it('text in a legacy font is decoded even where a file-wide guess would not dare', async () => {
    // Among Unicode text, one TCVN3 word is too little evidence for the file: its font says what it is.
    const rows: RawRow[] = [
      { row: 1, cells: [tcvn3('Tốt'), 'Xếp loại Tốt', tcvn3('Khá')], fonts: ['.VnTime', 'Arial', 'Arial'] },
    ];
    const { rows: out, font } = await clean(rows);
    expect(font).toBeNull();
    expect(out[0]).toEqual(['Tốt', 'Xếp loại Tốt', tcvn3('Khá')]);
  });

  it('--legacy-font none changes nothing, whatever the fonts', async () => {
    const rows: RawRow[] = [{ row: 1, cells: [tcvn3('Xã Bình Sơn')], fonts: ['.VnTime'] }];
    expect((await clean(rows, 'none')).rows[0]).toEqual([tcvn3('Xã Bình Sơn')]);
  });

  it('a forced font applies to cells without a legacy font name; a named font still wins', async () => {
    const rows: RawRow[] = [
      { row: 1, cells: ['Quaûng Ngaõi', tcvn3('Quảng Ngãi')], fonts: ['Arial', '.VnTime'] },
    ];
    expect((await clean(rows, 'vni')).rows[0]).toEqual(['Quảng Ngãi', 'Quảng Ngãi']);
  });

  it('counts a cell only when it changed', () => {
    const cells = new LegacyCells('auto', null);
    expect(cells.text('Hanoi 2025', '.VnTime')).toBe('Hanoi 2025');
    expect(cells.text('Hµ Néi', '.VnTime')).toBe('Hà Nội');
    expect(cells.text('Hµ Néi', 'Arial')).toBe('Hµ Néi');
    expect(cells.cells).toBe(1);
  });
});
