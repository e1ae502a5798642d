import ExcelJS from 'exceljs';
import { reportLabels, settingsLine } from '../i18n/reportLabels.js';
import type { Results } from '../model/results.js';
import type { RenderContext } from './index.js';
import { bodyStyles } from './xlsxCells.js';
import { addChangesSheet, addDetailSheet, addDiagnosticsSheet } from './xlsxDetail.js';
import { addBandsSheet, addRankingSheet } from './xlsxRanking.js';
import { reportDate, setZipTimestamps } from './xlsxZip.js';

/**
 * The xlsx report (SPEC §6): *Xếp hạng*, *Xếp loại*, *Chi tiết*, *Thẩm định*, *Cảnh báo* (English names
 * with --lang en). Numbers are numeric cells holding the published values, formatted with --precision
 * decimals; input text is neutralised against formula injection. The same Results give the same bytes:
 * the workbook and its zip entries carry SOURCE_DATE_EPOCH or 1980-01-01, never the time of the run.
 */
export async function renderXlsx(results: Results, ctx: RenderContext): Promise<Uint8Array> {
  const R = reportLabels(ctx.lang);
  const when = reportDate(process.env);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cchc';
  wb.lastModifiedBy = 'cchc';
  wb.title = R.title;
  wb.created = when;
  wb.modified = when;
  wb.calcProperties = { fullCalcOnLoad: false };

  const subtitle = `${settingsLine(results.settings, ctx.lang)} · ${R.groupsCount(results.groups.length, results.units.length)}`;
  const styles = bodyStyles(ctx.precision);
  for (const add of [addRankingSheet, addBandsSheet, addDetailSheet, addChangesSheet, addDiagnosticsSheet]) {
    add(wb, results, ctx, subtitle, styles);
  }

  const written = await wb.xlsx.writeBuffer();
  const bytes = new Uint8Array(written as unknown as ArrayBuffer);
  return setZipTimestamps(bytes, when);
}
