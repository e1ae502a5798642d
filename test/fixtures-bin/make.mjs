// Makes the binary fixtures of the legacy-format readers: each workbook is written as .xlsx by exceljs and
// saved as .xls (Excel 97-2003, BIFF8) and .ods by LibreOffice, the way an office would get such files.
// Run by hand when a fixture changes (not by npm test, which must pass on Node alone):
//   apt-get install -y --no-install-recommends libreoffice-calc && node test/fixtures-bin/make.mjs
// The .xls/.ods bytes carry LibreOffice's timestamps, so a re-run changes them; the tests check the
// cells, never the bytes. biff5-tcvn3.xls (Excel 5.0/95) is written without LibreOffice, which no
// longer saves that format: SheetJS writes the BIFF5 records and this script puts the TCVN3 bytes in.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'legacy');
const FIXED_DATE = new Date(Date.UTC(2024, 0, 1));

/** Text typed in the .VnTime font (TCVN3) as Excel stores it: the TCVN3 bytes read as Latin-1. */
const TCVN3 = {
  title: 'B¶ng tæng hîp ®iÓm chØ sè c¶i c¸ch hµnh chÝnh', // Bảng tổng hợp điểm chỉ số cải cách hành chính
  unit: '§¬n vÞ', // Đơn vị
  group: 'Khèi', // Khối
  moDuc: 'HuyÖn Mé §øc', // Huyện Mộ Đức
  ducPho: 'ThÞ x· §øc Phæ', // Thị xã Đức Phổ
  district: 'CÊp huyÖn', // Cấp huyện
  survey: '§iÓm ®iÒu tra x· héi häc', // Điểm điều tra xã hội học
};

function book() {
  const wb = new ExcelJS.Workbook();
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

/** Every kind of cell the readers map, merges, a hidden sheet and legacy-font cells. */
function kinds() {
  const wb = book();
  const ws = wb.addWorksheet('Điểm');
  ws.getCell('A1').value = 'Bảng tổng hợp điểm';
  ws.mergeCells('A1:F1');
  ws.getCell('A2').value = 'Đơn vị';
  ws.mergeCells('A2:A3');
  ws.getCell('B2').value = 'Khối';
  ws.mergeCells('B2:B3');
  ws.getCell('C2').value = 'Điểm';
  ws.mergeCells('C2:D2');
  ws.getCell('C3').value = 'Tự đánh giá';
  ws.getCell('D3').value = 'Thẩm định';
  ws.getCell('E3').value = 'Ngày';
  ws.getCell('F3').value = 'Tổng';
  ws.getCell('G3').value = 'Mã';
  ws.getCell('H3').value = 'Tỉ lệ';
  const units = [
    ['Xã Hòa Bình', 28.5, 32.62, new Date(Date.UTC(2024, 0, 15))],
    ['Phường Thuỷ Xuân', 30, 35.5, new Date(Date.UTC(2023, 11, 31))],
  ];
  units.forEach(([unit, self, appraised, date], i) => {
    const r = 4 + i;
    ws.getCell(`A${r}`).value = unit;
    ws.getCell(`C${r}`).value = self;
    ws.getCell(`D${r}`).value = appraised;
    ws.getCell(`E${r}`).value = date;
    ws.getCell(`E${r}`).numFmt = 'dd/mm/yyyy';
    ws.getCell(`F${r}`).value = { formula: `C${r}+D${r}`, result: self + appraised };
    ws.getCell(`G${r}`).value = `1.${i + 1}`;
    ws.getCell(`H${r}`).value = 0.25 * (i + 1);
    ws.getCell(`H${r}`).numFmt = '0%';
  });
  ws.getCell('B4').value = 'Cấp xã';
  ws.mergeCells('B4:B5'); // the group merged down its two units
  ws.getCell('A6').value = 'Lỗi';
  ws.getCell('C6').value = { error: '#N/A' };
  ws.getCell('D6').value = { formula: 'C4/0', result: { error: '#DIV/0!' } };
  ws.getCell('A8').value = 'after a gap';
  ws.getCell('J8').value = -1.25e-3;

  const legacy = wb.addWorksheet('TCVN3');
  legacy.getCell('A1').value = 'Unicode: Đơn vị';
  legacy.getCell('A1').font = { name: 'Times New Roman' };
  legacy.getCell('A2').value = TCVN3.unit;
  legacy.getCell('A2').font = { name: '.VnTime' };
  legacy.getCell('B2').value = 'HUYÖN Mé ®øC'; // HUYỆN MỘ ĐỨC: .VnTimeH draws the lowercase codes as capitals
  legacy.getCell('B2').font = { name: '.VnTimeH' };
  legacy.getCell('A3').value = 'Quaûng Ngaõi'; // Quảng Ngãi in VNI
  legacy.getCell('A3').font = { name: 'VNI-Times' };

  const hidden = wb.addWorksheet('Ghi chú', { state: 'hidden' });
  hidden.getCell('A1').value = 'ẩn';
  return wb;
}

/**
 * Long-layout scores in the tiny framework of test/cli/helpers.ts (1.1 of 30, 1.2 of 40, survey 2 of 30):
 * title rows merged across the table, then the header, as clerks' files have them.
 */
function scores() {
  const wb = book();
  const ws = wb.addWorksheet('Điểm');
  ws.getCell('A1').value = 'UBND TỈNH QUẢNG NGÃI';
  ws.mergeCells('A1:E1');
  ws.getCell('A2').value = 'Bảng điểm chỉ số cải cách hành chính năm 2024';
  ws.mergeCells('A2:E2');
  ws.addRow([]);
  ws.addRow(['Đơn vị', 'Khối', 'Mã tiêu chí', 'Điểm tự đánh giá', 'Điểm thẩm định']);
  const rows = [
    ['Huyện Mộ Đức', 'Cấp huyện', '1.1', 29, 28.5],
    ['Huyện Mộ Đức', 'Cấp huyện', '1.2', 33, 32.62],
    ['Huyện Mộ Đức', 'Cấp huyện', '2', null, 20.75],
    ['Thị xã Đức Phổ', 'Cấp huyện', '1.1', 30, 30],
    ['Thị xã Đức Phổ', 'Cấp huyện', '1.2', 35.5, 35.5],
    ['Thị xã Đức Phổ', 'Cấp huyện', '2', null, 'KPS'],
  ];
  for (const r of rows) ws.addRow(r);
  wb.addWorksheet('Hướng dẫn', { state: 'hidden' }).getCell('A1').value = 'Nhập điểm vào trang Điểm';
  return wb;
}

/** The same long table typed in .VnTime (TCVN3), with decimal commas typed as text, as old files have it. */
function tcvn3Scores() {
  const wb = book();
  const ws = wb.addWorksheet('Sheet1');
  const rows = [
    [TCVN3.title],
    [],
    [TCVN3.unit, TCVN3.group, '1.1', '1.2', TCVN3.survey],
    [TCVN3.moDuc, TCVN3.district, '28,5', '32,62', '20,75'],
    [TCVN3.ducPho, TCVN3.district, '30', '35,5', 'KPS'],
  ];
  for (const r of rows) {
    const row = ws.addRow(r);
    row.eachCell((c) => {
      c.font = { name: '.VnTime' };
    });
  }
  return wb;
}

function saveAs(xlsx, format, filter) {
  const work = mkdtempSync(join(tmpdir(), 'cchc-fixtures-'));
  try {
    const profile = pathToFileURL(join(work, 'profile')).href;
    execFileSync(
      'soffice',
      ['--headless', `-env:UserInstallation=${profile}`, '--convert-to', filter, '--outdir', work, xlsx],
      { stdio: 'ignore', timeout: 120_000 },
    );
    const name = xlsx
      .split('/')
      .pop()
      .replace(/\.xlsx$/, `.${format}`);
    renameSync(join(work, name), join(DIR, name));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** BIFF5 with TCVN3 text: SheetJS writes ASCII placeholders of the same length, replaced by the bytes. */
function biff5() {
  const texts = [TCVN3.unit, TCVN3.moDuc, TCVN3.district];
  const placeholders = texts.map((t, i) => `${String.fromCharCode(65 + i)}`.repeat(t.length));
  const ws = XLSX.utils.aoa_to_sheet([
    [placeholders[0], 'Điểm'.replace(/[^\x20-\x7e]/g, '?')],
    [placeholders[1], 61.12],
    [placeholders[2], 1.5],
  ]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
  const bytes = XLSX.write(wb, { bookType: 'biff5', type: 'buffer' });
  texts.forEach((text, i) => {
    const at = bytes.indexOf(Buffer.from(placeholders[i], 'latin1'));
    if (at < 0) throw new Error(`placeholder ${i} not found`);
    Buffer.from(text, 'latin1').copy(bytes, at);
  });
  writeFileSync(join(DIR, 'biff5-tcvn3.xls'), bytes);
}

const books = { kinds: kinds(), scores: scores(), 'scores-tcvn3': tcvn3Scores() };
for (const [name, wb] of Object.entries(books)) {
  const xlsx = join(DIR, `${name}.xlsx`);
  await wb.xlsx.writeFile(xlsx);
  saveAs(xlsx, 'xls', 'xls:MS Excel 97');
  saveAs(xlsx, 'ods', 'ods');
}
biff5();
console.log(`fixtures written to ${DIR}`);
