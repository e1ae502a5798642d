import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import { ZipEntries } from '../ooxml/zipEntries.js';
import { writeZip, type ZipEntry } from '../ooxml/zipWriter.js';

const requireCjs = createRequire(import.meta.url);

/** A new, empty exceljs Workbook, through the package's public entry point (loaded only when used). */
export function newWorkbook(): ExcelJS.Workbook {
  const { Workbook } = requireCjs('exceljs') as typeof ExcelJS;
  return new Workbook();
}

/**
 * The bytes of a workbook made with exceljs (templates, converted tables, diagnostics), written through
 * the same zip writer as the reports:
 * - speed: exceljs compresses through JSZip's pure-JavaScript deflate, so it is asked to store the
 *   entries, which Node's native zlib then compresses;
 * - reproducibility: JSZip stamps entries with the time of writing; here every entry is stamped `when`.
 * Names, contents and order are kept.
 */
export async function workbookBytes(wb: ExcelJS.Workbook, when: Date): Promise<Uint8Array> {
  const options = { zip: { compression: 'STORE' } } as unknown as ExcelJS.XlsxWriteOptions;
  const stored = Buffer.from((await wb.xlsx.writeBuffer(options)) as ArrayBuffer);
  const zip = await ZipEntries.open(
    { kind: 'buffer', buffer: stored, size: stored.length },
    'workbook',
    Number.MAX_SAFE_INTEGER,
  );
  const entries: ZipEntry[] = [];
  for (const name of zip.names) {
    const parts: Uint8Array[] = [];
    for await (const chunk of zip.chunks(name)) parts.push(chunk);
    entries.push({ name, data: Buffer.concat(parts) });
  }
  return writeZip(entries, when);
}
