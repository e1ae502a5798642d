import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CellStyle } from '../../src/ooxml/styleSheet.js';
import { WorkbookWriter } from '../../src/ooxml/workbookWriter.js';
import { columnName } from '../../src/ooxml/worksheetWriter.js';
import { NASTY, nastyWorkbook, props, SPECIAL_NAME, WHEN } from './nastyWorkbook.js';
import { notXmlChar } from './xmlChars.js';
import { zipEntries } from './zipReader.js';

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

describe('WorkbookWriter', () => {
  it('round-trips text with markup, control characters and fake escapes, and numbers, through exceljs', async () => {
    const wb = await read(nastyWorkbook().toBytes(WHEN));
    expect(wb.worksheets.map((w) => w.name)).toEqual([SPECIAL_NAME, 'Second']);
    const ws = wb.getWorksheet(SPECIAL_NAME)!;
    const texts = NASTY.map((_, i) => ws.getRow(2 + i).getCell(1).value);
    expect(texts).toEqual(NASTY);
    expect([2, 3, 4, 5, 6, 7, 8, 9].map((r) => ws.getRow(r).getCell(2).value)).toEqual([
      0,
      -0.5,
      1234567.891,
      1e-7,
      -1e21,
      2 ** 53 + 2,
      95.75,
      null,
    ]);
    expect(ws.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('B3').type).toBe(ExcelJS.ValueType.Number);
    expect(wb.title).toBe('T & <t>');
    expect(wb.creator).toBe('cchc');
    expect(wb.created.toISOString()).toBe('2024-03-05T08:30:14.000Z');
    // The special name survives in the defined names that point at the sheet.
    expect(ws.pageSetup.printTitlesRow).toMatch(/^\$?1:\$?1$/);
    expect(ws.autoFilter).toBe('A1:B9');
    expect(ws.headerFooter.oddFooter).toBe('&L&A & <x>');
  });

  it('writes well-formed parts with the reserved fills, escaped names and a filter database name', () => {
    const entries = zipEntries(nastyWorkbook().toBytes(WHEN));
    const text = (name: string) => entries.get(name)!.toString('utf8');
    expect([...entries.keys()]).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'docProps/core.xml',
      'docProps/app.xml',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/sharedStrings.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
    const workbook = text('xl/workbook.xml');
    expect(workbook).toContain('<sheet name="Q&amp;A &lt;&quot;1&quot;&gt; it\'s" sheetId="1" r:id="rId1"/>');
    expect(workbook).toContain(
      '<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">\'Q&amp;A &lt;"1"&gt; it\'\'s\'!$A$1:$B$9</definedName>',
    );
    expect(text('xl/styles.xml')).toMatch(
      /<fills count="\d+"><fill><patternFill patternType="none"\/><\/fill><fill><patternFill patternType="gray125"\/><\/fill>/,
    );
    const strings = text('xl/sharedStrings.xml');
    expect(strings).toContain('bell_x0007_ nul_x0000_ esc_x001B_ vt_x000B_ ff_x000C_');
    expect(strings).toContain('line1\nline2_x000D_\nline3\ttab');
    expect(strings).toContain('_x005F_x0041_ stays _x005F_x0041_, not A');
    expect(strings).toContain('<t xml:space="preserve">  leading and trailing  </t>');
    // No character XML 1.0 forbids anywhere in the package.
    for (const [name, bytes] of entries) {
      expect(notXmlChar(bytes.toString('utf8')), name).toBeNull();
    }
    const sheet = text('xl/worksheets/sheet1.xml');
    const order = [
      '<sheetPr>',
      '<dimension ',
      '<sheetViews>',
      '<sheetFormatPr ',
      '<cols>',
      '<sheetData>',
      '<autoFilter ',
      '<pageMargins ',
      '<pageSetup ',
      '<headerFooter>',
    ].map((tag) => sheet.indexOf(tag));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('gives the same bytes for the same workbook, stamped with the given instant', () => {
    const a = nastyWorkbook().toBytes(WHEN);
    const b = nastyWorkbook().toBytes(WHEN);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(nastyWorkbook().toBytes(new Date(0))).equals(Buffer.from(a))).toBe(false);
  });

  it('writes one cell format per distinct style, styled empty cells, row heights and row styles', async () => {
    const wb = new WorkbookWriter(props);
    const ws = wb.addSheet('S');
    const boxed: CellStyle = { border: { top: 'FFBFC5CD', bottom: 'FFBFC5CD' }, numFmt: '0.000' };
    const same: CellStyle = { border: { top: 'FFBFC5CD', bottom: 'FFBFC5CD' }, numFmt: '0.000' };
    ws.addRow(['title'], undefined, { height: 22, style: { font: { bold: true, size: 14 } } });
    ws.addRow([1.5, null, 2], [boxed, boxed, same]);
    ws.addRow([]);
    ws.addRow(['after a blank row'], [{ fill: 'FFD7EFDC', alignment: { wrapText: true, vertical: 'top' } }]);
    const bytes = wb.toBytes(WHEN);
    const styles = zipEntries(bytes).get('xl/styles.xml')!.toString('utf8');
    expect(styles).toContain('<cellXfs count="4">'); // default, title, boxed (= same), filled
    expect(styles).toContain('<numFmt numFmtId="164" formatCode="0.000"/>');
    const out = (await read(bytes)).getWorksheet('S')!;
    expect(out.getRow(1).height).toBe(22);
    expect(out.getCell('A1').font).toMatchObject({ bold: true, size: 14 });
    expect(out.getCell('A2').numFmt).toBe('0.000');
    expect(out.getCell('B2').value).toBeNull();
    expect(out.getCell('B2').border).toMatchObject({ top: { style: 'thin', color: { argb: 'FFBFC5CD' } } });
    expect(out.getCell('A4').value).toBe('after a blank row');
    expect(out.getCell('A4').fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFD7EFDC' } });
    expect(out.getCell('A4').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
  });

  it('refuses what would make a file Excel repairs: bad sheet names, duplicates, non-finite numbers, bad colours', () => {
    const wb = new WorkbookWriter(props);
    for (const bad of ['', 'a/b', 'a[1]', 'what?', "'quoted'", 'x'.repeat(32), 'tab\there']) {
      expect(() => wb.addSheet(bad), bad).toThrow(/sheet name/);
    }
    wb.addSheet('Sheet');
    expect(() => wb.addSheet('SHEET')).toThrow(/duplicate/);
    const ws = wb.addSheet('Numbers');
    expect(() => ws.addRow([Number.NaN])).toThrow(/not a number/);
    expect(() => ws.addRow(['kept', Number.POSITIVE_INFINITY])).toThrow(/not a number/);
    expect(ws.rowCount).toBe(0); // the failed rows left nothing behind
    expect(() => ws.addRow([1], [{ fill: '#1F3A5F' }])).toThrow(/ARGB/);
    expect(() => ws.addRow([1], [{ fill: 'FFFF1F3A5F' }])).toThrow(/ARGB/);
    expect(() => ws.addRow([1], undefined, { height: 500 })).toThrow(/height/);
    expect(ws.rowCount).toBe(0);
    ws.addRow([7]);
    const xml = zipEntries(wb.toBytes(WHEN)).get('xl/worksheets/sheet2.xml')!.toString('utf8');
    expect(xml).toContain('<sheetData><row r="1"><c r="A1"><v>7</v></c></row></sheetData>');
    expect(() => new WorkbookWriter(props).toBytes(WHEN)).toThrow(/at least one sheet/);
  });

  it('writes a print header next to the footer, a print scale instead of fitting to pages, title columns', async () => {
    const w = new WorkbookWriter(props);
    const margins = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 };
    const sheet = w.addSheet('S', {
      page: { paperSize: 9, orientation: 'landscape', scale: 73, margins },
      header: '&CTitle & <x>',
      footer: '&R&P',
    });
    sheet.addRow(['a']);
    sheet.printTitles = { first: 1, last: 2, columns: { first: 1, last: 1 } };
    const ws = (await read(w.toBytes(WHEN))).getWorksheet('S')!;
    expect(ws.pageSetup.printTitlesRow).toMatch(/^\$?1:\$?2$/);
    expect(ws.pageSetup.printTitlesColumn).toMatch(/^\$?A:\$?A$/);
    expect(ws.headerFooter.oddHeader).toBe('&CTitle & <x>');
    expect(ws.headerFooter.oddFooter).toBe('&R&P');
    expect(ws.pageSetup.scale).toBe(73);
    expect(ws.pageSetup.fitToPage).toBeFalsy();
  });

  it('names columns the way Excel does', () => {
    expect([1, 26, 27, 52, 53, 702, 703, 16384].map(columnName)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
      'XFD',
    ]);
  });
});
