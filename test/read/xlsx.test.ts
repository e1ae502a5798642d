import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openSheets } from '../../src/read/openSheets.js';
import { readAll, stdinOf, tempDir, xlsxParts, zip } from './helpers.js';

const file = await tempDir();

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('xlsx cells', () => {
  it('reads every kind of value, keeping column positions', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Điểm');
      ws.getCell('C1').value = 'Mã';
      ws.getCell('A2').value = 1.5;
      ws.getCell('B2').value = 'Xã Đông Hòa';
      ws.getCell('C2').value = true;
      ws.getCell('D2').value = new Date(Date.UTC(2024, 0, 15));
      ws.getCell('E2').value = { error: '#N/A' };
      ws.getCell('F2').value = {
        richText: [{ text: 'Phường ' }, { text: 'Bến Nghé', font: { bold: true } }],
      };
      ws.getCell('G2').value = { text: 'tài liệu', hyperlink: 'https://example.vn/a' };
      ws.getCell('H2').value = { formula: 'A2*2', result: 3 };
      ws.getCell('I2').value = { formula: 'A2/0', result: { error: '#DIV/0!' } };
      ws.getCell('J2').value = { formula: 'B2&""', result: 'Xã Đông Hòa' };
      ws.getCell('K2').value = { formula: 'A2>1', result: true };
      ws.getCell('L2').value = { formula: 'A2+1' };
      ws.getCell('M2').value = 0;
      ws.getCell('B4').value = 'after a gap';
    });
    const [sheet] = await readAll(await file('kinds.xlsx', bytes));
    expect(sheet?.sheet).toBe('Điểm');
    expect(sheet?.rows).toEqual([
      { row: 1, cells: [null, null, 'Mã'] },
      {
        row: 2,
        cells: [
          1.5,
          'Xã Đông Hòa',
          true,
          new Date(Date.UTC(2024, 0, 15)),
          { error: '#N/A' },
          'Phường Bến Nghé',
          'tài liệu',
          3,
          { error: '#DIV/0!' },
          'Xã Đông Hòa',
          true,
          { error: 'NO_CACHED_VALUE' },
          0,
        ],
      },
      { row: 4, cells: [null, 'after a gap'] },
    ]);
  });

  it('gives names, tab positions and hidden state of every sheet, in order', async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet('Hướng dẫn').getCell('A1').value = 'x';
      wb.addWorksheet('Ẩn', { state: 'hidden' }).getCell('A1').value = 'y';
      wb.addWorksheet('Rất ẩn', { state: 'veryHidden' }).getCell('A1').value = 'z';
      wb.addWorksheet('Trống');
    });
    const sheets = await readAll(await file('sheets.xlsx', bytes));
    expect(sheets.map(({ sheet, index, hidden }) => ({ sheet, index, hidden }))).toEqual([
      { sheet: 'Hướng dẫn', index: 1, hidden: false },
      { sheet: 'Ẩn', index: 2, hidden: true },
      { sheet: 'Rất ẩn', index: 3, hidden: true },
      { sheet: 'Trống', index: 4, hidden: false },
    ]);
    expect(sheets[3]?.rows).toEqual([]);
  });

  it('keeps Vietnamese text intact across inflate chunk boundaries (exceljs alone does not)', async () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `Xã Phường Thị trấn Đồng Hới ${i} ạếộ`);
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('S');
      for (const n of names) ws.addRow([n, `${n} ${n}`]);
    });
    const [sheet] = await readAll(await file('viet.xlsx', bytes));
    const bad = sheet?.rows.filter(
      (r, i) => r.cells[0] !== names[i] || r.cells[1] !== `${names[i]} ${names[i]}`,
    );
    expect(sheet?.rows.length).toBe(names.length);
    expect(bad).toEqual([]);
  });

  it('reads hand-written XML: inline and rich strings, phonetic runs, escapes, ISO dates, refs omitted, 1904 dates', async () => {
    const styles = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="2"/></cellXfs></styleSheet>`;
    const data = [
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Tổng</t></is></c><c r="B1" t="inlineStr"><is><r><t>a</t></r><r><t xml:space="preserve"> b</t></r></is></c></row>',
      '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="s"><v>2</v></c><c r="D2" t="s"><v>3</v></c></row>',
      '<row><c t="d"><v>2024-03-01T00:00:00Z</v></c><c s="1"><v>0</v></c><c s="2"><v>1.25</v></c><c t="b"><v>0</v></c></row>',
      '<row r="7"><c r="A7" s="1"/><c r="B7"/></row>',
      '<row r="9"><c r="AA9"><v>1e309</v></c></row>',
    ].join('');
    const shared = [
      'line_x000D_break',
      '<r><t>Thành phố </t></r><r><rPr><b/></rPr><t>Huế</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh>',
      '',
      'Hoa\u0300', // decomposed: NFC expected
    ];
    const bytes = zip(xlsxParts([{ name: 'Raw', data }], { sharedStrings: shared, styles, date1904: true }));
    const [sheet] = await readAll(await file('raw.xlsx', bytes));
    const row9 = [...Array(26).fill(null), Number.POSITIVE_INFINITY];
    expect(sheet?.rows).toEqual([
      { row: 1, cells: ['Tổng', 'a b'] },
      { row: 2, cells: ['line\rbreak', 'Thành phố Huế', null, 'Hoà'] },
      { row: 3, cells: [new Date('2024-03-01T00:00:00Z'), new Date(Date.UTC(1904, 0, 1)), 1.25, false] },
      { row: 9, cells: row9 },
    ]);
  });

  it('reads worksheets stored before the shared strings and the workbook (temp-file path)', async () => {
    const parts = xlsxParts(
      [
        { name: 'Một', data: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' },
        { name: 'Hai', data: '<row r="1"><c r="A1" t="s"><v>1</v></c></row>' },
      ],
      { sharedStrings: ['một', 'hai'] },
    );
    const path = await file('reversed.xlsx', zip([...parts].reverse()));
    // unzipper announces its end early and exceljs alone then drops workbook.xml about half the time here.
    for (let i = 0; i < 30; i++) {
      const sheets = await readAll(path);
      expect(sheets.map((s) => [s.sheet, s.index, s.rows[0]?.cells[0]]).sort()).toEqual([
        ['Hai', 2, 'hai'],
        ['Một', 1, 'một'],
      ]);
    }
  });

  it('finds the sheets where Excel puts them when the workbook has no relationships part', async () => {
    const parts = xlsxParts([
      { name: 'Một', data: '<row r="1"><c r="A1"><v>1</v></c></row>' },
      { name: 'Hai', data: '<row r="2"><c r="B2"><v>2</v></c></row>' },
    ]).filter(([name]) => name !== 'xl/_rels/workbook.xml.rels');
    const sheets = await readAll(await file('norels.xlsx', zip(parts)));
    expect(sheets.map((s) => [s.sheet, s.rows])).toEqual([
      ['Một', [{ row: 1, cells: [1] }]],
      ['Hai', [{ row: 2, cells: [null, 2] }]],
    ]);
  });

  it('reads a Strict OOXML workbook (other relationship URIs, prefixed elements)', async () => {
    const parts = xlsxParts([
      { name: 'S', data: '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Hòa</x:t></x:is></x:c></x:row>' },
    ]).map(([name, text]): [string, string] => [
      name,
      text
        .replaceAll(
          'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
          'http://purl.oclc.org/ooxml/officeDocument/relationships',
        )
        .replace('<sheetData>', '<x:sheetData xmlns:x="http://purl.oclc.org/ooxml/spreadsheetml/main">')
        .replace('</sheetData>', '</x:sheetData>'),
    ]);
    const [sheet] = await readAll(await file('strict.xlsx', zip(parts)));
    expect(sheet?.rows).toEqual([{ row: 1, cells: ['Hòa'] }]);
  });

  it('lets a sheet be skipped or abandoned half-way, then reads the next one', async () => {
    const bytes = await workbook((wb) => {
      for (const name of ['A', 'B', 'C']) {
        const ws = wb.addWorksheet(name);
        for (let i = 0; i < 3000; i++) ws.addRow([`${name}${i}`, i]);
      }
    });
    const path = await file('skip.xlsx', bytes);
    const seen: string[] = [];
    for await (const sheet of openSheets(path)) {
      if (sheet.sheet === 'A') continue; // never touched
      for await (const row of sheet.rows()) {
        seen.push(String(row.cells[0]));
        if (sheet.sheet === 'B') break; // abandoned
      }
    }
    expect(seen[0]).toBe('B0');
    expect(seen.length).toBe(1 + 3000);
    expect(seen.at(-1)).toBe('C2999');
  });

  it('reads an xlsx from stdin', async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet('S').addRow(['đơn vị', 2]);
    });
    const [sheet] = await readAll('-', { stdin: stdinOf(bytes) });
    expect(sheet?.rows).toEqual([{ row: 1, cells: ['đơn vị', 2] }]);
  });

  it('decides the format by content: a workbook named .csv, text named .xls', async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet('S').addRow(['a', 1]);
    });
    const [x] = await readAll(await file('actually-xlsx.csv', bytes));
    expect(x?.rows).toEqual([{ row: 1, cells: ['a', 1] }]);
    const [t] = await readAll(await file('export.xls', 'a\tb\n1\t2\n'));
    expect(t?.sheet).toBe('export');
    expect(t?.rows.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('refuses to read rows twice', async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet('S').addRow([1]);
    });
    for await (const sheet of openSheets(await file('twice.xlsx', bytes))) {
      for await (const _ of sheet.rows()) {
        // consume
      }
      expect(() => sheet.rows()).toThrow();
    }
  });
});

describe('xlsx merged cells', () => {
  it('gives the ranges of ws.mergeCells in reading order, as soon as the first row is read for a small sheet', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Điểm');
      ws.getCell('A1').value = 'Đơn vị';
      ws.getCell('C1').value = 'Điểm';
      ws.getCell('C2').value = 'Tự đánh giá';
      ws.getCell('D2').value = 'Thẩm định';
      ws.getCell('A3').value = 'Xã Hòa Bình';
      ws.mergeCells('AA10:AC12');
      ws.mergeCells('C1:D1'); // Điểm over its two columns
      ws.mergeCells('B3:B5'); // a group merged down three units
      ws.mergeCells('A1:A2'); // Đơn vị merged down over the two header rows
      wb.addWorksheet('Không gộp').getCell('A1').value = 1;
    });
    const expected = [
      { top: 1, left: 0, bottom: 2, right: 0 },
      { top: 1, left: 2, bottom: 1, right: 3 },
      { top: 3, left: 1, bottom: 5, right: 1 },
      { top: 10, left: 26, bottom: 12, right: 28 },
    ];
    const seen: unknown[] = [];
    for await (const sheet of openSheets(await file('merged.xlsx', bytes))) {
      expect(sheet.merges()).toEqual([]);
      const rows = sheet.rows()[Symbol.asyncIterator]();
      const first = await rows.next();
      if (sheet.sheet === 'Điểm') expect(first.value?.cells[0]).toBe('Đơn vị');
      seen.push([sheet.sheet, 'after one row', [...sheet.merges()]]);
      while (!(await rows.next()).done) {
        // read to the end
      }
      seen.push([sheet.sheet, 'after all rows', [...sheet.merges()]]);
    }
    expect(seen).toEqual([
      ['Điểm', 'after one row', expected],
      ['Điểm', 'after all rows', expected],
      ['Không gộp', 'after one row', []],
      ['Không gộp', 'after all rows', []],
    ]);
  });

  it('finds them while streaming a sheet that is not inflated whole, complete after the rows', async () => {
    const data = Array.from(
      { length: 50 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
    );
    const after = `<mergeCells count="2"><mergeCell ref="$B$2:$A$1"/><mergeCell ref='C7'/></mergeCells>`;
    const parts = xlsxParts([{ name: 'S', data: data.join(''), after }]);
    const path = await file('stored.xlsx', zip(parts, {}, ['xl/worksheets/sheet1.xml']));
    for await (const sheet of openSheets(path)) {
      let rows = 0;
      for await (const _ of sheet.rows()) rows++;
      expect(rows).toBe(50);
      expect(sheet.merges()).toEqual([
        { top: 1, left: 0, bottom: 2, right: 1 },
        { top: 7, left: 2, bottom: 7, right: 2 },
      ]);
    }
  });

  it('a merged range that is not a range of cells is a damaged file', async () => {
    const after = '<mergeCells count="1"><mergeCell ref="A1:B"/></mergeCells>';
    for (const stored of [[], ['xl/worksheets/sheet1.xml']]) {
      const parts = xlsxParts([{ name: 'S', data: '<row r="1"><c r="A1"><v>1</v></c></row>', after }]);
      const path = await file(`bad-merge-${stored.length}.xlsx`, zip(parts, {}, stored));
      await expect(readAll(path)).rejects.toMatchObject({ code: 'E_FILE_CORRUPT' });
    }
  });
});

describe('xlsx cell fonts (ReadOptions.cellFonts)', () => {
  it("gives each cell its style's font name, only when asked", async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('S');
      ws.getCell('A1').value = 'Đơn vị'; // the workbook's default font
      ws.getCell('B1').value = '\u00a7\u00acn v\u00de';
      ws.getCell('B1').font = { name: '.VnTime' };
      ws.getCell('D1').value = 'HUY\u00d6N';
      ws.getCell('D1').font = { name: '.VnTimeH', bold: true };
      ws.getCell('A2').value = 'Qua\u00fbng Nga\u00f5i';
      ws.getCell('A2').font = { name: 'VNI-Times' };
      ws.getCell('B2').value = 1.5;
      ws.getCell('B2').font = { name: 'Times New Roman' };
      ws.getCell('C2').font = { name: '.VnArial' }; // styled but empty: no value, no font
    });
    const path = await file('fonts.xlsx', bytes);
    const rows = async (cellFonts: boolean) => {
      const out: unknown[] = [];
      for await (const s of openSheets(path, { cellFonts })) for await (const r of s.rows()) out.push(r);
      return out;
    };
    expect(await rows(true)).toEqual([
      {
        row: 1,
        cells: ['Đơn vị', '\u00a7\u00acn v\u00de', null, 'HUY\u00d6N'],
        fonts: ['Calibri', '.VnTime', null, '.VnTimeH'],
      },
      { row: 2, cells: ['Qua\u00fbng Nga\u00f5i', 1.5], fonts: ['VNI-Times', 'Times New Roman'] },
    ]);
    for (const r of (await rows(false)) as object[]) expect(r).not.toHaveProperty('fonts');
  });

  it('reads the font table of a hand-written styles part (prefixed, self-closing fonts, no name)', async () => {
    const styles = `<x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:fonts count="3"><x:font><x:sz val="11"/><x:name val="Arial"/></x:font><x:font/><x:font><x:b/><x:name val=".VnTimeH"/></x:font></x:fonts><x:cellXfs count="3"><x:xf fontId="0"/><x:xf fontId="2"/><x:xf fontId="1"/></x:cellXfs></x:styleSheet>`;
    const data =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" s="1" t="inlineStr"><is><t>b</t></is></c><c r="C1" s="2"><v>3</v></c><c r="D1" s="9"><v>4</v></c></row>';
    const path = await file('hand-fonts.xlsx', zip(xlsxParts([{ name: 'S', data }], { styles })));
    for await (const s of openSheets(path, { cellFonts: true })) {
      for await (const r of s.rows()) expect(r.fonts).toEqual(['Arial', '.VnTimeH', null, null]);
    }
  });

  it('a CSV stores no fonts: every one is null', async () => {
    const path = await file('fonts.csv', 'a,b\n1,\n');
    for await (const s of openSheets(path, { cellFonts: true })) {
      for await (const r of s.rows()) expect(r.fonts).toEqual(r.cells.map(() => null));
    }
  });
});
