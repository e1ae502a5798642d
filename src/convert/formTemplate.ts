import type { Workbook, Worksheet } from 'exceljs';
import { toNumber } from '../model/decimal.js';
import { appliesTo, type Framework, type FrameworkNode, type NaPolicy } from '../model/framework.js';
import { nameKey } from '../model/normalize.js';
import { newWorkbook } from '../render/excelWorkbook.js';
import { leafValidation } from './formValidation.js';
import type { UnitListEntry } from './readUnitList.js';
import { uniqueSheetNames } from './sheetNames.js';

/**
 * The blank per-unit forms of `cchc template` (docs/inputs.md, `form` layout): what readForm reads back. The
 * words are the official form's, in Vietnamese: they are content, and the header cells are the aliases the
 * reader matches.
 */
export const FORM_HEADER = [
  'STT',
  'Tiêu chí',
  'Điểm tối đa',
  'Điểm tự đánh giá',
  'Điểm thẩm định',
  'Tài liệu kiểm chứng',
  'Ghi chú',
] as const;
const WIDTHS = [10, 64, 11, 14, 14, 32, 22];
/** 1-based columns a unit fills in: self, appraised, evidence, note. */
const INPUT_COLUMNS = [4, 5, 6, 7];
const VALUE_COLUMNS = new Set([4, 5]);
export const SUMMARY_SHEET = 'Danh sách đơn vị';
const INSTRUCTIONS =
  'Hướng dẫn: chỉ nhập vào các ô trắng (Điểm tự đánh giá, Điểm thẩm định, Tài liệu kiểm chứng, Ghi chú) của ' +
  'các tiêu chí thành phần; điểm là số thập phân từ 0 đến điểm tối đa (ví dụ 1,5); tiêu chí tính theo tỉ lệ ' +
  'ghi dạng 14/19 hoặc 73,68%; ghi KPS nếu không phát sinh. Không sửa mã, tên tiêu chí và các dòng tiêu đề.';

/** Text that a spreadsheet would run as a formula gets a leading apostrophe (docs/outputs.md, injection). */
const safe = (s: string): string => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

export interface FormTemplateInput {
  framework: Framework;
  units: readonly UnitListEntry[];
  /** Group display name by key, for "Khối: …". */
  na: NaPolicy;
  /** Fixed workbook dates (SOURCE_DATE_EPOCH) so the same inputs give the same document properties. */
  date: Date;
}

/** The nodes a unit's form lists: applicable to its group, not survey, with at least one listed leaf below. */
export function formNodes(framework: Framework, groupKey: string): FrameworkNode[] {
  const listed = new Set<string>();
  const visit = (n: FrameworkNode): boolean => {
    if (!appliesTo(n, groupKey) || n.component === 'survey') return false;
    const kids = n.children.map((c) => visit(framework.byCode.get(c)!));
    const keep = n.children.length === 0 || kids.some(Boolean);
    if (keep) listed.add(n.code);
    return keep;
  };
  for (const root of framework.roots) visit(root);
  return framework.nodes.filter((n) => listed.has(n.code));
}

export async function buildFormTemplate(input: FormTemplateInput): Promise<Workbook> {
  const wb = newWorkbook();
  wb.creator = 'cchc';
  wb.created = input.date;
  wb.modified = input.date;
  const names = uniqueSheetNames(
    input.units.map((u) => u.name),
    [SUMMARY_SHEET],
  );
  const summary = wb.addWorksheet(SUMMARY_SHEET);
  const counts: number[] = [];
  input.units.forEach((unit, i) => {
    const ws = wb.addWorksheet(names[i]!, {
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 },
    });
    counts.push(unitSheet(ws, unit, input));
  });
  summarySheet(summary, input.units, names, counts);
  // Sheet protection without a password: the structure is locked against slips, not against the council.
  for (const ws of wb.worksheets) {
    await ws.protect('', {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
    });
  }
  return wb;
}

function titleRow(ws: Worksheet, text: string, bold: boolean): void {
  const row = ws.addRow([text]);
  ws.mergeCells(row.number, 1, row.number, FORM_HEADER.length);
  row.getCell(1).font = { bold };
  row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
}

function unitSheet(ws: Worksheet, unit: UnitListEntry, input: FormTemplateInput): number {
  titleRow(ws, `Đơn vị: ${safe(unit.name)}`, true);
  titleRow(ws, `Khối: ${safe(unit.group)}`, true);
  if (unit.unitCode) titleRow(ws, `Mã đơn vị: ${safe(unit.unitCode)}`, false);
  titleRow(ws, INSTRUCTIONS, false);
  ws.lastRow!.height = 48;
  const header = ws.addRow([...FORM_HEADER]);
  header.font = { bold };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    c.border = BORDER;
  });
  ws.views = [{ state: 'frozen', ySplit: header.number }];
  WIDTHS.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  let leaves = 0;
  for (const node of formNodes(input.framework, nameKey(unit.group))) {
    const isLeaf = node.children.length === 0;
    const row = ws.addRow([node.code, safe(node.name), toNumber(node.max)]);
    row.getCell(2).alignment = { wrapText: true, indent: node.depth };
    for (let c = 1; c <= FORM_HEADER.length; c++) row.getCell(c).border = BORDER;
    if (!isLeaf) {
      row.font = { bold: true };
      for (let c = 1; c <= FORM_HEADER.length; c++) row.getCell(c).fill = HEADING_FILL;
      continue;
    }
    leaves++;
    for (const c of INPUT_COLUMNS) {
      const cell = row.getCell(c);
      cell.protection = { locked: false };
      if (VALUE_COLUMNS.has(c)) cell.dataValidation = leafValidation(node, cell.address, input.na);
      else cell.alignment = { wrapText: true };
    }
  }
  return leaves;
}

const bold = true;
const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADING_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } } as const;

function summarySheet(
  ws: Worksheet,
  units: readonly UnitListEntry[],
  names: readonly string[],
  counts: number[],
): void {
  titleRow(ws, 'DANH SÁCH BIỂU MẪU TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH', true);
  const header = ws.addRow(['STT', 'Đơn vị', 'Khối', 'Trang tính', 'Số tiêu chí thành phần']);
  header.font = { bold };
  units.forEach((u, i) => {
    const name = names[i]!;
    const link = `#'${name.replace(/'/g, "''")}'!A1`;
    ws.addRow([i + 1, safe(u.name), safe(u.group), { text: name, hyperlink: link }, counts[i] ?? 0]);
  });
  [6, 44, 24, 34, 12].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
}
