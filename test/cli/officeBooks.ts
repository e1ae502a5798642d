// Workbooks shaped the way district offices make them: title lines merged across the table, a blank row,
// the header, then the rows (numbers as numbers, or text with decimal commas as typed).
import ExcelJS from 'exceljs';
import type { Workspace } from './helpers.js';

export interface OfficeSheet {
  name: string;
  /** Title lines above the table, each merged across the header's width. */
  titles?: readonly string[];
  /** Lines such as "Đơn vị: Xã An Phú" between the titles and the header (not merged). */
  lines?: readonly (readonly unknown[])[];
  header: readonly string[];
  rows: readonly (readonly unknown[])[];
}

/** Writes an xlsx workbook of office-shaped sheets into the workspace; returns its path. */
export async function officeBook(
  ws: Workspace,
  file: string,
  sheets: readonly OfficeSheet[],
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const sheet = wb.addWorksheet(s.name);
    for (const title of s.titles ?? []) {
      const row = sheet.addRow([title]);
      sheet.mergeCells(row.number, 1, row.number, s.header.length);
      row.font = { bold: true };
    }
    for (const line of s.lines ?? []) sheet.addRow([...line]);
    sheet.addRow([]);
    sheet.addRow([...s.header]).font = { bold: true };
    for (const r of s.rows) sheet.addRow([...r]);
  }
  const path = ws.path(file);
  await wb.xlsx.writeFile(path);
  return path;
}
