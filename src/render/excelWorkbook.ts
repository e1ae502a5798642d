import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import { packZip, STORED } from './xlsxZip.js';

const requireCjs = createRequire(import.meta.url);

/**
 * A new, empty exceljs Workbook. The class is required from its own file: the package entry also loads
 * the streaming reader and writer and the CSV module, ~0.15 s of start-up a report does not use (SPEC §9).
 */
export function newWorkbook(): ExcelJS.Workbook {
  const Workbook = requireCjs('exceljs/lib/doc/workbook.js') as typeof ExcelJS.Workbook;
  return new Workbook();
}

/** The workbook's bytes: natively compressed, every zip entry stamped `when` (see packZip). */
export async function workbookBytes(wb: ExcelJS.Workbook, when: Date): Promise<Uint8Array> {
  const stored = await wb.xlsx.writeBuffer(STORED as unknown as ExcelJS.XlsxWriteOptions);
  return packZip(new Uint8Array(stored as unknown as ArrayBuffer), when);
}
