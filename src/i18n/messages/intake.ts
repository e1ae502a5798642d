import type { DiagnosticArgs } from '../../model/diagnostic.js';
import { type Entry, hintEn, hintVi, q } from './helpers.js';

/** What to run next when a file is refused: `cchc convert` for legacy-font text; `cchc inspect` to see it read. */
export const nextStepVi = (a: DiagnosticArgs): string =>
  (a.legacy
    ? `; chữ trong tệp có vẻ gõ bằng phông cũ (TCVN3 .VnTime, VNI): chuyển sang Unicode bằng "cchc convert ${a.file} -o tep-unicode.xlsx"`
    : '') + (a.inspect ? `; chạy "cchc inspect ${a.inspect}" để xem tệp được đọc thế nào` : '');
export const nextStepEn = (a: DiagnosticArgs): string =>
  (a.legacy
    ? `; the text looks typed in a legacy font (TCVN3 .VnTime, VNI): convert it to Unicode with "cchc convert ${a.file} -o unicode.xlsx"`
    : '') + (a.inspect ? `; run "cchc inspect ${a.inspect}" to see how it was read` : '');

const SKIP_VI: Record<string, string> = {
  empty: 'trang trống',
  'no-table': 'trang chỉ có chữ, không có bảng (hướng dẫn, trang bìa)',
  'criteria-table': 'bảng tiêu chí, không phải bảng điểm',
  'form-index': 'danh sách các biểu mẫu của tệp',
  'chart-sheet': 'trang biểu đồ, không có ô dữ liệu',
  'dialog-sheet': 'trang hộp thoại (Excel 5), không có ô dữ liệu',
  'macro-sheet': 'trang macro (Excel 4), không phải bảng số liệu',
  'not-a-worksheet': 'không phải trang bảng tính',
  'sheet-missing': 'sổ tính liệt kê trang này nhưng tệp không chứa nội dung của nó',
};
const SKIP_EN: Record<string, string> = {
  empty: 'the sheet is empty',
  'no-table': 'text only, no table (instructions, a title page)',
  'criteria-table': 'a criteria table, not scores',
  'form-index': "the list of the workbook's forms",
  'chart-sheet': 'a chart sheet, no cells',
  'dialog-sheet': 'a dialog sheet (Excel 5), no cells',
  'macro-sheet': 'a macro sheet (Excel 4), not a table',
  'not-a-worksheet': 'not a worksheet',
  'sheet-missing': 'the workbook lists this sheet but the file does not hold it',
};

/** Diagnostics of the score-file intake: sheets, multi-row headers, columns, forms sent back blank. */
export const INTAKE_MESSAGES: Record<string, Entry> = {
  I_SHEET_SKIPPED: {
    vi: (a) => `không đọc trang này: ${SKIP_VI[String(a.reason)] ?? a.reason}`,
    en: (a) => `sheet not read: ${SKIP_EN[String(a.reason)] ?? a.reason}`,
  },
  E_SHEET_NOT_UNDERSTOOD: {
    vi: (a) =>
      `trang có bảng số liệu (${a.found}) nhưng không có dòng tiêu đề với các cột ${a.expected}; ` +
      `sửa tiêu đề, xóa trang này, hoặc chọn trang cần đọc bằng --sheet${nextStepVi(a)}`,
    en: (a) =>
      `the sheet holds a table (${a.found}) but no header row with the columns ${a.expectedEn ?? a.expected}; ` +
      `fix the header, remove the sheet, or pick the sheet to read with --sheet${nextStepEn(a)}`,
  },
  E_HEADER_AMBIGUOUS: {
    vi: (a) =>
      `tiêu đề cột ${q(a.found)} vừa chỉ ${a.fields} nên không đọc được; đặt tên một nghĩa (ví dụ "Điểm thẩm định")`,
    en: (a) =>
      `column header ${q(a.found)} names both ${a.fields}, so it is not read; name one (e.g. "Điểm thẩm định")`,
  },
  W_COLUMN_IGNORED: {
    vi: (a) =>
      `cột ${q(a.found)} có số nhưng không được đọc (không phải cột điểm tự đánh giá, thẩm định hay mã tiêu chí)`,
    en: (a) =>
      `column ${q(a.found)} holds numbers but is not read (not a self-assessed, appraised or criterion column)`,
  },
  I_FORM_NOT_ENTERED: {
    vi: (a) =>
      `biểu mẫu của ${a.unit} để trống trong tệp này: không có điểm nào, bỏ qua (không phải điểm, không phải trùng lặp)`,
    en: (a) =>
      `the form of ${a.unit} is blank in this file: nothing entered, set aside (neither scores nor a duplicate)`,
  },
  E_UNIT_NOT_ENTERED: {
    vi: (a) =>
      `${a.unit} chưa có điểm: biểu mẫu của đơn vị để trống trong mọi tệp (${a.places} trang); thiếu tệp đơn vị gửi lại?`,
    en: (a) =>
      `${a.unit} has no scores: its form is blank in every file given (${a.places} ${a.places === 1 ? 'sheet' : 'sheets'}); is its returned file missing?`,
  },
  E_FORM_ROW_UNMATCHED: {
    vi: (a) =>
      `dòng ${q(a.found)} có điểm nhưng không có STT/mã và tên không khớp tiêu chí nào${hintVi(a.suggestion)}; ghi mã tiêu chí vào cột STT`,
    en: (a) =>
      `row ${q(a.found)} has values but no STT/code, and its name matches no criterion${hintEn(a.suggestion)}; write the criterion's code in the STT column`,
  },
  W_SUBTOTAL_MISMATCH: {
    vi: (a) =>
      `dòng cộng ${a.label} ghi ${a.found} nhưng tổng các điểm bên dưới là ${a.computed} (dòng cộng không được dùng để tính)`,
    en: (a) =>
      `subtotal ${a.label} says ${a.found} but the values it totals add up to ${a.computed} (subtotals are not used)`,
  },
};
