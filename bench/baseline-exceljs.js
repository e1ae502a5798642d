// Baseline: exceljs's streaming reader alone, iterating every row of every sheet of the file.
import ExcelJS from 'exceljs';

const reader = new ExcelJS.stream.xlsx.WorkbookReader(process.argv[2], {
  worksheets: 'emit',
  sharedStrings: 'cache',
  styles: 'cache',
  hyperlinks: 'ignore',
  entries: 'ignore',
});
let rows = 0;
let cells = 0;
for await (const sheet of reader) {
  for await (const row of sheet) {
    rows++;
    cells += row.cellCount;
  }
}
process.stderr.write(`${rows} rows, ${cells} cells\n`);
