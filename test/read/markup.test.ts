// Exports that are not binary workbooks: HTML tables and Excel 2003 XML saved under an .xls name (as web
// systems do), a hand-made .ods, and the cell rules of the SheetJS readers.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { sheetjsCell } from '../../src/read/sheetjsCells.js';
import { cp1258Bytes } from '../convert/encoders.js';
import { errorCode, readAll, tempDir, zip } from './helpers.js';

const file = await tempDir();

const HTML = `<html><head><meta charset="utf-8"><title>Báo cáo</title></head><body>
<table>
  <tr><td colspan="2">Bảng điểm</td></tr>
  <tr><th>Đơn vị</th><th>Mã tiêu chí</th><th>Điểm</th></tr>
  <tr><td rowspan="2">Xã Hòa Bình</td><td>1.1</td><td>1,5</td></tr>
  <tr><td>1.2</td><td>15/01/2024</td></tr>
</table>
<table><tr><td>bảng thứ hai</td></tr></table>
</body></html>`;

describe('an HTML table saved as .xls', () => {
  it('is read in-process, each table a sheet, text kept as written, merges known, and said so', async () => {
    const notices: Diagnostic[] = [];
    const path = await file('bao-cao.xls', HTML);
    const sheets = await readAll(path, { notice: (d) => notices.push(d) });
    expect(sheets.map((s) => [s.sheet, s.rows])).toEqual([
      [
        'Sheet1',
        [
          { row: 1, cells: ['Bảng điểm'] },
          { row: 2, cells: ['Đơn vị', 'Mã tiêu chí', 'Điểm'] },
          { row: 3, cells: ['Xã Hòa Bình', '1.1', '1,5'] },
          { row: 4, cells: [null, '1.2', '15/01/2024'] },
        ],
      ],
      ['Sheet2', [{ row: 1, cells: ['bảng thứ hai'] }]],
    ]);
    expect(notices.map((d) => [d.code, d.args])).toEqual([
      ['I_FILE_FORMAT', { format: 'html', named: 'xls' }],
    ]);
  });

  it('a single table is named after the file; the declared charset decodes it', async () => {
    const table = '<table><tr><td>Đơn vị</td><td>Thị xã Đức Phổ</td></tr></table>';
    const page = (charset: string) =>
      Buffer.concat([
        Buffer.from(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}">`),
        cp1258Bytes(`</head><body>${table}</body></html>`),
      ]);
    const [sheet] = await readAll(await file('xuat.xls', page('windows-1258')));
    expect([sheet?.sheet, sheet?.rows]).toEqual(['xuat', [{ row: 1, cells: ['Đơn vị', 'Thị xã Đức Phổ'] }]]);
  });
});

describe('Excel 2003 XML and other XML', () => {
  it('an XML Spreadsheet 2003 file is read with its typed cells', async () => {
    const xml = `<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Worksheet ss:Name="Điểm"><Table>
  <Row><Cell><Data ss:Type="String">Đơn vị</Data></Cell><Cell><Data ss:Type="String">Điểm</Data></Cell></Row>
  <Row><Cell><Data ss:Type="String">Xã Hòa Bình</Data></Cell><Cell><Data ss:Type="Number">61.12</Data></Cell>
   <Cell><Data ss:Type="String">1.1</Data></Cell></Row>
 </Table></Worksheet>
</Workbook>`;
    const sheets = await readAll(await file('xml2003.xls', xml));
    expect(sheets.map((s) => [s.sheet, s.rows])).toEqual([
      [
        'Điểm',
        [
          { row: 1, cells: ['Đơn vị', 'Điểm'] },
          { row: 2, cells: ['Xã Hòa Bình', 61.12, '1.1'] },
        ],
      ],
    ]);
  });

  it('XML that is no spreadsheet is a damaged file, not a CSV', async () => {
    const path = await file('note.xls', '<?xml version="1.0"?><note><to>x</to></note>');
    expect(await errorCode(() => readAll(path))).toBe('E_FILE_CORRUPT');
  });
});

describe('a hand-made .ods', () => {
  it('a hidden table is hidden; a formula without a stored value refuses the file (SheetJS would drop it)', async () => {
    const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<office:automatic-styles><style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style></office:automatic-styles>
<office:body><office:spreadsheet>
<table:table table:name="S"><table:table-row><table:table-cell office:value-type="float" office:value="2"><text:p>2</text:p></table:table-cell><table:table-cell table:formula="of:=[.A1]+1" office:value-type="float" office:value="3"><text:p>3</text:p></table:table-cell>FORMULA</table:table-row></table:table>
<table:table table:name="Ẩn &amp; cũ" table:style-name="ta2"><table:table-row><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>
</office:spreadsheet></office:body></office:document-content>`;
    const ods = (formula: string) =>
      zip(
        [
          ['mimetype', 'application/vnd.oasis.opendocument.spreadsheet'],
          [
            'META-INF/manifest.xml',
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
          ],
          [
            'styles.xml',
            '<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>',
          ],
          ['content.xml', content.replace('FORMULA', formula)],
        ],
        {},
        ['mimetype'],
      );
    const sheets = await readAll(await file('hand.ods', ods('')));
    expect(sheets.map((s) => [s.sheet, s.hidden, s.rows])).toEqual([
      ['S', false, [{ row: 1, cells: [2, 3] }]],
      ['Ẩn & cũ', true, [{ row: 1, cells: ['x'] }]],
    ]);
    const unvalued = await file('unvalued.ods', ods('<table:table-cell table:formula="of:=[.A1]*2"/>'));
    await expect(readAll(unvalued)).rejects.toMatchObject({
      code: 'E_FILE_CORRUPT',
      args: { reason: 'ods-formula-no-value', sheet: 'S' },
    });
  });
});

describe('SheetJS cells as plain values', () => {
  const rules = { date1904: false, formatCode: (id: number) => (id === 14 ? 'm/d/yy' : undefined) };
  it('maps each kind by the xlsx reader rules', () => {
    expect(sheetjsCell({ t: 'n', f: 'A1+1' }, rules)).toEqual({ error: 'NO_CACHED_VALUE' });
    expect(sheetjsCell({ t: 'z', f: 'A1+1' }, rules)).toEqual({ error: 'NO_CACHED_VALUE' });
    expect(sheetjsCell({ t: 'z' }, rules)).toBeNull();
    expect(sheetjsCell({ t: 's', v: '' }, rules)).toBeNull();
    expect(sheetjsCell({ t: 's', v: 'Hoa\u0300' }, rules)).toBe('Hoà');
    expect(sheetjsCell({ t: 'e', v: 0x2a }, rules)).toEqual({ error: '#N/A' });
    expect(sheetjsCell({ t: 'e', v: 0x07, f: 'A1/0' }, rules)).toEqual({ error: '#DIV/0!' });
    expect(sheetjsCell({ t: 'b', v: false }, rules)).toBe(false);
    expect(sheetjsCell({ t: 'n', v: 45306, z: 14 }, rules)).toEqual(new Date(Date.UTC(2024, 0, 15)));
    expect(sheetjsCell({ t: 'n', v: 45306, z: '0.00' }, rules)).toBe(45306);
    expect(sheetjsCell({ t: 'n', v: 0, z: 'dd/mm/yyyy' }, { ...rules, date1904: true })).toEqual(
      new Date(Date.UTC(1904, 0, 1)),
    );
  });
});
