import { reportLabels, settingsLine } from '../i18n/reportLabels.js';
import type { Results } from '../model/results.js';
import { WorkbookWriter } from '../ooxml/workbookWriter.js';
import type { RenderContext } from './context.js';
import { reportDate } from './reportDate.js';
import { titleBlock } from './titleBlock.js';
import { bodyStyles, sheetHead } from './xlsxCells.js';
import { addChangesSheet, addDetailSheet, addDiagnosticsSheet } from './xlsxDetail.js';
import { addBandsSheet, addRankingSheet } from './xlsxRanking.js';

/**
 * The xlsx report (docs/outputs.md): *Xếp hạng*, *Xếp loại*, *Chi tiết*, *Thẩm định*, *Cảnh báo* (English
 * names with --lang en). Numbers are numeric cells holding the published values, formatted with --precision
 * decimals; input text is neutralised against formula injection. The same Results give the same bytes: the
 * workbook and its zip entries carry SOURCE_DATE_EPOCH or 1980-01-01, never the time of the run. Written by
 * our own small SpreadsheetML writer (workbookWriter.ts), not exceljs, which cost half a second of a province
 * run to load and serialise (docs/benchmark.md).
 */
export async function renderXlsx(results: Results, ctx: RenderContext): Promise<Uint8Array> {
  const R = reportLabels(ctx.lang);
  const when = ctx.stamp ?? reportDate({});
  const wb = new WorkbookWriter({ creator: 'cchc', title: R.title, created: when, modified: when });

  const settings = `${settingsLine(results.settings, ctx.lang)} · ${R.groupsCount(results.groups.length, results.units.length)}`;
  const head = sheetHead(titleBlock(results, ctx), settings);
  const styles = bodyStyles(ctx.precision);
  for (const add of [addRankingSheet, addBandsSheet, addDetailSheet, addChangesSheet, addDiagnosticsSheet]) {
    add(wb, results, ctx, head, styles);
  }

  return wb.toBytes(when);
}
