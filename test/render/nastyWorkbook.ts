import { WorkbookWriter } from '../../src/ooxml/workbookWriter.js';

// A workbook made to break naive XML writers, shared by the writer's tests and the LibreOffice check.
export const WHEN = new Date(Date.UTC(2024, 2, 5, 8, 30, 14));
export const props = { creator: 'cchc', title: 'T & <t>', created: WHEN, modified: WHEN };

/** Text made to break naive XML: markup, quotes, controls XML cannot hold, CR, and a fake escape. */
export const NASTY = [
  'a & b < c > d "e" \'f\'',
  'bell\u0007 nul\u0000 esc\u001b vt\u000b ff\u000c',
  'line1\nline2\r\nline3\ttab',
  '  leading and trailing  ',
  '_x0041_ stays _x0041_, not A',
  'non-characters \uffff\ufffe end',
  'Tiếng Việt: Ủy ban nhân dân xã Chúc Sơn 🙂',
  ']]> <![CDATA[ x ]]>',
];
export const SPECIAL_NAME = `Q&A <"1"> it's`;

export function nastyWorkbook(): WorkbookWriter {
  const wb = new WorkbookWriter(props);
  const ws = wb.addSheet(SPECIAL_NAME, {
    frozen: { rows: 1, columns: 0 },
    page: {
      paperSize: 9,
      orientation: 'landscape',
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    footer: '&L&A & <x>',
  });
  ws.setWidth(1, 60);
  ws.addRow(['text', 'number']);
  const numbers = [0, -0.5, 1234567.891, 1e-7, -1e21, 2 ** 53 + 2, 95.75];
  NASTY.forEach((t, i) => {
    ws.addRow([t, numbers[i] ?? null]);
  });
  ws.autoFilter = { firstRow: 1, firstColumn: 1, lastRow: ws.rowCount, lastColumn: 2 };
  ws.printTitles = { first: 1, last: 1 };
  wb.addSheet('Second');
  return wb;
}
