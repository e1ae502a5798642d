// What the own writer gained so that it is the project's only one (forms and conversions, beside reports):
// booleans and error values, rows at given numbers, inline strings once the shared table is full, sheets
// larger than a deflate piece, merged cells, protection with unlocked cells, data validations, links.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { WorkbookWriter } from '../../src/ooxml/workbookWriter.js';
import { excelSerial } from '../../src/ooxml/worksheetWriter.js';
import { DEFAULT_LIMITS } from '../../src/read/limits.js';
import { readXlsx } from '../../src/read/xlsx.js';
import { props, WHEN } from './nastyWorkbook.js';
import { zipEntries } from './zipReader.js';

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** Every row of every sheet as cchc's own reader sees them. */
async function ownRows(bytes: Uint8Array) {
  const buffer = Buffer.from(bytes);
  const out = new Map<string, { row: number; cells: unknown[] }[]>();
  const sheets = readXlsx({ kind: 'buffer', buffer, size: buffer.length }, 'w.xlsx', DEFAULT_LIMITS);
  for await (const s of sheets) {
    const rows = [];
    for await (const r of s.rows()) rows.push({ row: r.row, cells: r.cells });
    out.set(s.sheet, rows);
  }
  return out;
}

const sheetXml = (bytes: Uint8Array, n: number) =>
  zipEntries(bytes).get(`xl/worksheets/sheet${n}.xml`)!.toString('utf8');

describe('WorkbookWriter cells', () => {
  it('writes booleans, Excel error values, dates as serials, and rows at the numbers given', async () => {
    const wb = new WorkbookWriter(props);
    const ws = wb.addSheet('S');
    ws.addRow(['title']);
    ws.addRow([true, false, { error: '#DIV/0!' }, { error: '#N/A' }], undefined, { row: 5 });
    ws.addRow([excelSerial(new Date(Date.UTC(2024, 2, 5)))], [{ numFmt: 'yyyy-mm-dd' }]);
    expect(() => ws.addRow(['back'], undefined, { row: 6 })).toThrow(/does not follow/);
    const bytes = wb.toBytes(WHEN);
    const rows = (await ownRows(bytes)).get('S')!;
    expect(rows).toEqual([
      { row: 1, cells: ['title'] },
      { row: 5, cells: [true, false, { error: '#DIV/0!' }, { error: '#N/A' }] },
      { row: 6, cells: [new Date(Date.UTC(2024, 2, 5))] },
    ]);
    const out = (await read(bytes)).getWorksheet('S')!;
    expect(out.getCell('C5').value).toEqual({ error: '#DIV/0!' });
    expect(out.getCell('A6').value).toEqual(new Date(Date.UTC(2024, 2, 5)));
    expect(sheetXml(bytes, 1)).toContain('<dimension ref="A1:D6"/>');
  });

  it('refuses an error value Excel does not know', () => {
    const ws = new WorkbookWriter(props).addSheet('S');
    expect(() => ws.addRow([{ error: 'NO_CACHED_VALUE' } as never])).toThrow(/no Excel error/);
  });

  it('puts text in the cell once the shared strings table is full, and reads back the same', async () => {
    const wb = new WorkbookWriter(props, { maxSharedChars: 10 });
    const ws = wb.addSheet('S');
    ws.addRow(['Xã An', 'Xã An']); // 5 characters, shared twice
    ws.addRow(['Phường Bình Thạnh', ' khoảng trắng ', 'Xã An']); // past the cap: inline
    const bytes = wb.toBytes(WHEN);
    const xml = sheetXml(bytes, 1);
    expect(xml).toContain('<c r="A2" t="inlineStr"><is><t>Phường Bình Thạnh</t></is></c>');
    expect(xml).toContain('<c r="B2" t="inlineStr"><is><t xml:space="preserve"> khoảng trắng </t></is></c>');
    expect(xml).toContain('<c r="C2" t="s"><v>0</v></c>');
    expect(zipEntries(bytes).get('xl/sharedStrings.xml')!.toString()).toContain('count="3" uniqueCount="1"');
    expect((await ownRows(bytes)).get('S')).toEqual([
      { row: 1, cells: ['Xã An', 'Xã An'] },
      { row: 2, cells: ['Phường Bình Thạnh', ' khoảng trắng ', 'Xã An'] },
    ]);
    expect((await read(bytes)).getWorksheet('S')!.getCell('A2').value).toBe('Phường Bình Thạnh');
  });

  it('streams a sheet of many deflate pieces that both readers read whole', async () => {
    const wb = new WorkbookWriter(props, { maxSharedChars: 1000 });
    const ws = wb.addSheet('Big');
    const n = 12_000; // about 1.5 MB of XML: six pieces of 256 kB
    for (let i = 1; i <= n; i++) ws.addRow([`Đơn vị số ${i}`, i / 4, i % 3 === 0]);
    const bytes = wb.toBytes(WHEN);
    const rows = (await ownRows(bytes)).get('Big')!;
    expect(rows).toHaveLength(n);
    expect(rows[n - 1]).toEqual({ row: n, cells: [`Đơn vị số ${n}`, n / 4, true] });
    expect(rows.every((r, i) => r.cells[0] === `Đơn vị số ${i + 1}`)).toBe(true);
    expect((await read(bytes)).getWorksheet('Big')!.getCell(`B${n}`).value).toBe(n / 4);
  });
});

describe('WorkbookWriter forms', () => {
  function form(): Uint8Array {
    const wb = new WorkbookWriter(props);
    const list = wb.addSheet('List', { protection: { formatColumns: true, formatRows: true } });
    list.addRow(['Title across'], [{ font: { bold: true } }]);
    list.merge({ firstRow: 1, lastRow: 1, firstColumn: 1, lastColumn: 3 });
    const r = list.addRow(['Xã A']);
    list.link(`A${r}`, "'Xã A'!A1");
    const ws = wb.addSheet('Xã A', { protection: { formatColumns: true } });
    ws.addRow(
      ['1.1', 'Tiêu chí', null],
      [undefined, undefined, { locked: false, border: { left: 'FF000000' } }],
    );
    ws.validate('C1', {
      type: 'custom',
      formula1: 'OR(AND(ISNUMBER(C1),C1>=0,C1<=1.5),UPPER(TRIM(C1))="KPS")',
      allowBlank: true,
      prompt: { title: 'Cách nhập', text: 'Nhập số điểm từ 0 đến 1,5 & "KPS"' },
      error: { title: 'Giá trị không hợp lệ', text: 'Nhập số điểm từ 0 đến 1,5' },
    });
    ws.validate('D1', { type: 'list', formula1: '"Có,Không,KPS"', allowBlank: true });
    ws.validate('E1', { type: 'decimal', operator: 'between', formula1: '0', formula2: '2.5' });
    ws.validate('F1', { type: 'any', prompt: { title: 'Cách nhập', text: 'Nhập tỉ lệ, ví dụ 14/19' } });
    return wb.toBytes(WHEN);
  }

  it('writes protection, merged titles, unlocked cells and validations that exceljs reads back', async () => {
    const wb = await read(form());
    const list = wb.getWorksheet('List')!;
    expect((list as unknown as { sheetProtection: object }).sheetProtection).toMatchObject({
      sheet: true,
      formatColumns: true,
      formatRows: true,
    });
    expect(list.model.merges).toEqual(['A1:C1']);
    const ws = wb.getWorksheet('Xã A')!;
    expect(ws.getCell('C1').protection).toMatchObject({ locked: false });
    expect(ws.getCell('A1').protection?.locked).not.toBe(false);
    expect(ws.getCell('C1').dataValidation).toMatchObject({
      type: 'custom',
      formulae: ['OR(AND(ISNUMBER(C1),C1>=0,C1<=1.5),UPPER(TRIM(C1))="KPS")'],
      showInputMessage: true,
      prompt: 'Nhập số điểm từ 0 đến 1,5 & "KPS"',
      showErrorMessage: true,
      errorStyle: 'stop',
      error: 'Nhập số điểm từ 0 đến 1,5',
    });
    expect(ws.getCell('D1').dataValidation).toMatchObject({ type: 'list', formulae: ['"Có,Không,KPS"'] });
    expect(ws.getCell('E1').dataValidation).toMatchObject({
      type: 'decimal',
      operator: 'between',
      formulae: [0, 2.5],
    });
    expect(ws.getCell('F1').dataValidation).toMatchObject({ prompt: 'Nhập tỉ lệ, ví dụ 14/19' });
  });

  it('orders the parts after the cells as CT_Worksheet requires, with an in-workbook link', () => {
    const bytes = form();
    const list = sheetXml(bytes, 1);
    expect(list).toContain('<hyperlink ref="A2" location="\'Xã A\'!A1"/>');
    expect(zipEntries(bytes).has('xl/worksheets/_rels/sheet1.xml.rels')).toBe(false);
    const order = ['</sheetData>', '<sheetProtection ', '<mergeCells ', '<hyperlinks>'].map((t) =>
      list.indexOf(t),
    );
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const sheet = sheetXml(bytes, 2);
    expect(sheet).toContain('<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0"/>');
    expect(sheet.indexOf('<sheetProtection ')).toBeLessThan(sheet.indexOf('<dataValidations count="4">'));
    expect(sheet).toContain('prompt="Nhập số điểm từ 0 đến 1,5 &amp; &quot;KPS&quot;"');
    const styles = zipEntries(bytes).get('xl/styles.xml')!.toString();
    expect(styles).toMatch(/applyProtection="1"><protection locked="0"\/><\/xf>/);
  });

  it('refuses an input message Excel would cut', () => {
    const ws = new WorkbookWriter(props).addSheet('S');
    expect(() => ws.validate('A1', { type: 'any', prompt: { title: 't', text: 'x'.repeat(256) } })).toThrow(
      /too long/,
    );
  });
});
