import { toNumber } from '../model/decimal.js';
import { appliesTo, type Framework, type FrameworkNode, type NaPolicy } from '../model/framework.js';
import { nameKey } from '../model/normalize.js';
import type { CellStyle } from '../ooxml/styleSheet.js';
import { WorkbookWriter } from '../ooxml/workbookWriter.js';
import { columnName, NORMAL_MARGINS, type WorksheetWriter } from '../ooxml/worksheetWriter.js';
import { neutralise as safe } from '../render/neutralise.js';
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

/**
 * The forms workbook: a summary sheet listing every unit's form (with a link to it), then one sheet per
 * unit. Every sheet is protected without a password (the structure is locked against slips, not against
 * the council); on a unit's sheet only the input cells of its leaves are unlocked.
 */
export function buildFormTemplate(input: FormTemplateInput): WorkbookWriter {
  const wb = new WorkbookWriter({
    creator: 'cchc',
    title: SUMMARY_TITLE,
    created: input.date,
    modified: input.date,
  });
  const names = uniqueSheetNames(
    input.units.map((u) => u.name),
    [SUMMARY_SHEET],
  );
  const forms = input.units.map((u) => formNodes(input.framework, nameKey(u.group)));
  const counts = forms.map((nodes) => nodes.filter((n) => n.children.length === 0).length);
  summarySheet(wb.addSheet(SUMMARY_SHEET, { protection: PROTECTION }), input.units, names, counts);
  input.units.forEach((unit, i) => {
    // The header row is frozen: it follows the title rows (a unit code adds one).
    const headerRow = unit.unitCode ? 5 : 4;
    const ws = wb.addSheet(names[i]!, {
      frozen: { rows: headerRow, columns: 0 },
      page: {
        paperSize: 9,
        orientation: 'landscape',
        fitToWidth: 1,
        fitToHeight: 0,
        margins: NORMAL_MARGINS,
      },
      protection: PROTECTION,
    });
    unitSheet(ws, unit, forms[i]!, input.na);
    ws.finish();
  });
  return wb;
}

const PROTECTION = { formatColumns: true, formatRows: true } as const;
const SUMMARY_TITLE = 'DANH SÁCH BIỂU MẪU TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH';
const BLACK = 'FF000000';
const BORDER = { left: BLACK, right: BLACK, top: BLACK, bottom: BLACK };
const TITLE: CellStyle = Object.freeze({ alignment: { wrapText: true, vertical: 'top' } } as const);
const BOLD_TITLE: CellStyle = Object.freeze({ ...TITLE, font: { bold: true } });
const BOLD: CellStyle = Object.freeze({ font: { bold: true } });
const HEADER: CellStyle = Object.freeze({
  font: { bold: true },
  fill: 'FFD9E1F2',
  border: BORDER,
  alignment: { wrapText: true, vertical: 'center', horizontal: 'center' },
} as const);
const HEADING: CellStyle = Object.freeze({ font: { bold: true }, fill: 'FFF2F2F2', border: BORDER });
const CELL: CellStyle = Object.freeze({ border: BORDER });
const INPUT: CellStyle = Object.freeze({ border: BORDER, locked: false });
const TEXT_INPUT: CellStyle = Object.freeze({ border: BORDER, locked: false, alignment: { wrapText: true } });

/** One frozen style per indent level of the criterion names, so the style sheet finds each by identity. */
const nameStyles = new Map<string, CellStyle>();
function nameStyle(depth: number, heading: boolean): CellStyle {
  const key = `${depth}:${heading}`;
  let style = nameStyles.get(key);
  if (style === undefined) {
    style = Object.freeze({ ...(heading ? HEADING : CELL), alignment: { wrapText: true, indent: depth } });
    nameStyles.set(key, style);
  }
  return style;
}

/** A title across the first `width` columns. */
function titleRow(ws: WorksheetWriter, text: string, style: CellStyle, width: number, height?: number): void {
  const row = ws.addRow([text], [style], height === undefined ? undefined : { height });
  ws.merge({ firstRow: row, lastRow: row, firstColumn: 1, lastColumn: width });
}

function unitSheet(
  ws: WorksheetWriter,
  unit: UnitListEntry,
  nodes: readonly FrameworkNode[],
  na: NaPolicy,
): void {
  const width = FORM_HEADER.length;
  titleRow(ws, `Đơn vị: ${safe(unit.name)}`, BOLD_TITLE, width);
  titleRow(ws, `Khối: ${safe(unit.group)}`, BOLD_TITLE, width);
  if (unit.unitCode) titleRow(ws, `Mã đơn vị: ${safe(unit.unitCode)}`, TITLE, width);
  titleRow(ws, INSTRUCTIONS, TITLE, width, 48);
  ws.addRow(
    [...FORM_HEADER],
    FORM_HEADER.map(() => HEADER),
  );
  WIDTHS.forEach((w, i) => {
    ws.setWidth(i + 1, w);
  });
  for (const node of nodes) {
    const values = [node.code, safe(node.name), toNumber(node.max)];
    if (node.children.length > 0) {
      const styles = FORM_HEADER.map(() => HEADING);
      styles[1] = nameStyle(node.depth, true);
      ws.addRow(values, styles);
      continue;
    }
    const styles = FORM_HEADER.map((_, i) =>
      INPUT_COLUMNS.includes(i + 1) ? (VALUE_COLUMNS.has(i + 1) ? INPUT : TEXT_INPUT) : CELL,
    );
    styles[1] = nameStyle(node.depth, false);
    const row = ws.addRow(values, styles);
    for (const c of VALUE_COLUMNS) {
      const ref = `${columnName(c)}${row}`;
      ws.validate(ref, leafValidation(node, ref, na));
    }
  }
}

function summarySheet(
  ws: WorksheetWriter,
  units: readonly UnitListEntry[],
  names: readonly string[],
  counts: readonly number[],
): void {
  const header = ['STT', 'Đơn vị', 'Khối', 'Trang tính', 'Số tiêu chí thành phần'];
  titleRow(ws, SUMMARY_TITLE, BOLD_TITLE, header.length);
  ws.addRow(
    header,
    header.map(() => BOLD),
  );
  units.forEach((u, i) => {
    const name = names[i]!;
    const row = ws.addRow([i + 1, safe(u.name), safe(u.group), safe(name), counts[i] ?? 0]);
    ws.link(`D${row}`, `'${name.replace(/'/g, "''")}'!A1`);
  });
  [6, 44, 24, 34, 12].forEach((w, i) => {
    ws.setWidth(i + 1, w);
  });
}
