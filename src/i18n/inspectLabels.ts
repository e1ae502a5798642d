import type { Lang } from '../model/settings.js';

/** The words of `cchc inspect`'s table: how each input, sheet and column was understood. */
export interface InspectLabels {
  role: Record<'criteria' | 'scores' | 'survey', string>;
  sheet: (index: number, name: string) => string;
  status: Record<'read' | 'skipped' | 'refused', string>;
  reason: Record<string, string>;
  layout: Record<string, string>;
  headerRows: (first: number, last: number) => string;
  column: string;
  /** What a column is read as, by field. */
  field: Record<string, string>;
  /** Known and not needed (STT, a criterion's name, its maximum). */
  notNeeded: string;
  leaf: (code: string, value: string) => string;
  ignored: Record<string, string>;
  units: (n: number, names: string, more: number) => string;
  rows: (r: { read: number; rejected: number; headings: number; subtotals: number; blank: number }) => string;
  unchecked: string;
  found: (row: number, text: string) => string;
}

const vi: InspectLabels = {
  role: { criteria: 'bộ tiêu chí', scores: 'tệp điểm', survey: 'tệp điều tra XHH' },
  sheet: (i, name) => `trang ${i} "${name}"`,
  status: { read: 'đọc', skipped: 'bỏ qua', refused: 'KHÔNG HIỂU ĐƯỢC' },
  reason: {
    hidden: 'trang ẩn',
    'not-selected': '--sheet chọn trang khác',
    empty: 'trang trống',
    'no-table': 'chỉ có chữ, không có bảng',
    'not-entered': 'biểu mẫu để trống (đơn vị chưa nhập)',
    'criteria-table': 'bảng tiêu chí',
    'form-index': 'danh sách các biểu mẫu',
    'first-table-only': 'chỉ dùng bảng đầu tiên của tệp',
    'no-header': 'có bảng nhưng không có dòng tiêu đề với các cột cần thiết',
    'chart-sheet': 'trang biểu đồ',
    'dialog-sheet': 'trang hộp thoại (Excel 5)',
    'macro-sheet': 'trang macro (Excel 4)',
    'not-a-worksheet': 'không phải trang bảng tính',
    'sheet-missing': 'tệp không chứa nội dung trang này',
  },
  layout: { long: 'dạng long', wide: 'dạng wide', form: 'biểu mẫu', survey: 'một cột điểm XHH' },
  headerRows: (f, l) => (f === l ? `tiêu đề dòng ${f}` : `tiêu đề dòng ${f}–${l}`),
  column: 'cột',
  field: {
    unit: 'đơn vị',
    group: 'khối',
    unit_code: 'mã đơn vị',
    criterion: 'mã tiêu chí',
    criterion_name: 'tên tiêu chí',
    stt: 'số thứ tự',
    code: 'mã tiêu chí',
    self: 'điểm tự đánh giá',
    appraised: 'điểm thẩm định',
    survey: 'điểm điều tra XHH',
    value: 'điểm',
    evidence: 'tài liệu kiểm chứng',
    reason: 'lý do điều chỉnh',
    note: 'ghi chú',
    name: 'tên tiêu chí',
    max: 'điểm tối đa',
    component: 'thành phần',
    rule: 'cách tính',
    na: 'không phát sinh',
    groups: 'khối áp dụng',
    parent: 'mã cha',
  },
  notNeeded: 'không cần',
  leaf: (code, value) => `tiêu chí ${code} (${value})`,
  ignored: {
    text: 'bỏ qua (chữ)',
    numbers: 'BỎ QUA dù có số',
    parent: 'bỏ qua: tiêu chí có tiêu chí con, tổng được tự tính',
    'unknown-code': 'mã không có trong bộ tiêu chí',
    ambiguous: 'không rõ là tự đánh giá hay thẩm định',
    duplicate: 'trùng với một cột trước',
    'not-survey': 'không phải tiêu chí điều tra XHH',
  },
  units: (n, names, more) => `${n} đơn vị: ${names}${more > 0 ? ` và ${more} đơn vị khác` : ''}`,
  rows: (r) =>
    `dòng: ${r.read} đọc (${r.rejected} bị loại), ${r.headings} tiêu đề mục, ${r.subtotals} dòng cộng, ${r.blank} để trống`,
  unchecked: 'không có --criteria: mã tiêu chí, tên và dòng cộng chưa được đối chiếu với bộ tiêu chí',
  found: (row, text) => `dòng ${row} giống tiêu đề: ${text}`,
};

const en: InspectLabels = {
  role: { criteria: 'criteria', scores: 'scores', survey: 'survey' },
  sheet: (i, name) => `sheet ${i} "${name}"`,
  status: { read: 'read', skipped: 'skipped', refused: 'NOT UNDERSTOOD' },
  reason: {
    hidden: 'hidden',
    'not-selected': '--sheet picks another sheet',
    empty: 'empty',
    'no-table': 'text only, no table',
    'not-entered': 'a blank form (nothing entered)',
    'criteria-table': 'a criteria table',
    'form-index': "the list of the workbook's forms",
    'first-table-only': "only the file's first table is used",
    'no-header': 'a table, but no header row with the columns needed',
    'chart-sheet': 'a chart sheet',
    'dialog-sheet': 'a dialog sheet (Excel 5)',
    'macro-sheet': 'a macro sheet (Excel 4)',
    'not-a-worksheet': 'not a worksheet',
    'sheet-missing': 'the file does not hold this sheet',
  },
  layout: { long: 'long layout', wide: 'wide layout', form: 'form', survey: 'one survey column' },
  headerRows: (f, l) => (f === l ? `header row ${f}` : `header rows ${f}–${l}`),
  column: 'column',
  field: {
    unit: 'unit',
    group: 'group',
    unit_code: 'unit code',
    criterion: 'criterion code',
    criterion_name: 'criterion name',
    stt: 'row number',
    code: 'criterion code',
    self: 'self-assessed',
    appraised: 'appraised',
    survey: 'survey',
    value: 'value',
    evidence: 'evidence',
    reason: 'reason',
    note: 'note',
    name: 'criterion name',
    max: 'maximum',
    component: 'component',
    rule: 'rule',
    na: 'N/A policy',
    groups: 'groups',
    parent: 'parent code',
  },
  notNeeded: 'not needed',
  leaf: (code, value) => `criterion ${code} (${value})`,
  ignored: {
    text: 'ignored (text)',
    numbers: 'IGNORED though it holds numbers',
    parent: 'ignored: a criterion with sub-criteria, its total is computed',
    'unknown-code': 'a code the framework does not know',
    ambiguous: 'names both self-assessed and appraised',
    duplicate: 'repeats an earlier column',
    'not-survey': 'not a survey criterion',
  },
  units: (n, names, more) => `${n} unit${n === 1 ? '' : 's'}: ${names}${more > 0 ? ` and ${more} more` : ''}`,
  rows: (r) =>
    `rows: ${r.read} read (${r.rejected} rejected), ${r.headings} headings, ${r.subtotals} subtotals, ${r.blank} blank`,
  unchecked: 'no --criteria: criterion codes, names and subtotals are not checked against a framework',
  found: (row, text) => `row ${row} looks like its header: ${text}`,
};

export const INSPECT_LABELS: Record<Lang, InspectLabels> = { vi, en };
