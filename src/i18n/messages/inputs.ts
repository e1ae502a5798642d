import { type Entry, hintEn, hintVi, inGroupEn, inGroupVi, n, q } from './helpers.js';
import { nextStepEn, nextStepVi } from './intake.js';

const FORMATS_VI: Record<string, string> = {
  xlsx: 'bảng tính Excel .xlsx',
  xls: 'bảng tính Excel 97-2003 (.xls)',
  ods: 'bảng tính OpenDocument (.ods)',
  html: 'một bảng HTML (trang web xuất ra)',
  xml: 'bảng tính XML (Excel 2003 XML hoặc OpenDocument)',
  csv: 'văn bản CSV',
};
const FORMATS_EN: Record<string, string> = {
  xlsx: 'an Excel .xlsx workbook',
  xls: 'an Excel 97-2003 workbook (.xls)',
  ods: 'an OpenDocument spreadsheet (.ods)',
  html: 'an HTML table (a web page export)',
  xml: 'an XML spreadsheet (Excel 2003 XML or OpenDocument)',
  csv: 'CSV text',
};
const formatVi = (f: string | number | undefined) => FORMATS_VI[String(f)] ?? String(f ?? '');
const formatEn = (f: string | number | undefined) => FORMATS_EN[String(f)] ?? String(f ?? '');

/** Diagnostics of the inputs: reading, headers, criteria. */
export const INPUTS_MESSAGES: Record<string, Entry> = {
  // ── reading and headers ──
  E_NO_HEADER: {
    vi: (a) => `không tìm thấy dòng tiêu đề; cần các cột ${a.expected}${nextStepVi(a)}`,
    en: (a) => `no header row found; expected columns ${a.expectedEn ?? a.expected}${nextStepEn(a)}`,
  },
  E_DUPLICATE_HEADER: {
    vi: (a) => `cột ${q(a.field)} xuất hiện nhiều lần (cột ${a.columns})`,
    en: (a) => `column ${q(a.field)} appears more than once (columns ${a.columns})`,
  },
  I_FILE_FORMAT: {
    vi: (a) =>
      `tệp có đuôi .${a.named} nhưng nội dung là ${formatVi(a.format)}; đã đọc theo đúng nội dung` +
      (a.format === 'html' || a.format === 'xml' ? ' (cchc convert lưu được thành .xlsx sạch)' : ''),
    en: (a) =>
      `the file is named .${a.named} but holds ${formatEn(a.format)}; read as what it holds` +
      (a.format === 'html' || a.format === 'xml' ? ' (cchc convert saves it as a clean .xlsx)' : ''),
  },
  I_HIDDEN_SHEET_SKIPPED: { vi: () => 'bỏ qua trang ẩn', en: () => 'hidden sheet skipped' },
  I_ROW_IGNORED: {
    vi: (a) => `dòng không có mã và điểm, coi là tiêu đề mục: ${q(a.found)}`,
    en: (a) => `row without code or maximum taken as a heading: ${q(a.found)}`,
  },
  W_ROW_EXTRA_CELLS: {
    vi: (a) =>
      `dòng có giá trị ${q(a.found)} lệch chỗ: ngoài các cột tiêu đề, hoặc là nửa sau của một số bị dấu phẩy thập phân không có ngoặc kép trong CSV tách đôi (viết "3,8" trong ngoặc kép, hoặc dùng dấu ; giữa các ô)`,
    en: (a) =>
      `the row has a value ${q(a.found)} out of place: beyond the header's columns, or the second half of a number split by an unquoted decimal comma in a CSV (write "3,8" in quotes, or use ; between fields)`,
  },

  I_COLUMN_IGNORED: { vi: (a) => `bỏ qua cột ${q(a.found)}`, en: (a) => `column ${q(a.found)} ignored` },
  E_FORMULA_NO_VALUE: {
    vi: (a) =>
      `ô có công thức nhưng không có giá trị đã tính${a.code ? ` (${a.code})` : ''}; mở bằng Excel và lưu lại`,
    en: (a) =>
      `formula without a cached value${a.code ? ` (${a.code})` : ''}; open the file in Excel and save it again`,
  },
  E_CELL_ERROR: {
    vi: (a) => `ô báo lỗi ${a.found} (${a.code})`,
    en: (a) => `error value ${a.found} in the cell (${a.code})`,
  },
  E_VALUE_DATE: {
    vi: (a) => `ô chứa ngày ${a.found} thay cho số điểm (${a.code}); định dạng ô là Number`,
    en: (a) => `a date ${a.found} where points belong (${a.code}); format the cell as Number`,
  },
  // ── criteria ──
  E_CRITERIA_NO_CODE: {
    vi: (a) => `dòng ${q(a.found)} có điểm nhưng không có mã tiêu chí`,
    en: (a) => `row ${q(a.found)} has a maximum but no criterion code`,
  },
  E_CRITERIA_BAD_MAX: {
    vi: (a) => `điểm tối đa ${q(a.found)} của ${a.code} không phải số không âm`,
    en: (a) => `maximum ${q(a.found)} of ${a.code} is not a non-negative number`,
  },
  E_CRITERIA_BAD_COMPONENT: {
    vi: (a) =>
      `thành phần ${q(a.found)} của ${a.code} không hợp lệ; cần: thẩm định, xhh, điểm cộng, điểm trừ`,
    en: (a) =>
      `component ${q(a.found)} of ${a.code} is invalid; expected appraisal, survey, bonus or penalty`,
  },
  E_CRITERIA_BAD_NA: {
    vi: (a) =>
      `cách xử lý không phát sinh ${q(a.found)} của ${a.code} không hợp lệ; cần exclude, full hoặc forbid`,
    en: (a) => `N/A policy ${q(a.found)} of ${a.code} is invalid; expected exclude, full or forbid`,
  },
  E_RULE_INVALID: {
    vi: (a) =>
      `cách tính ${q(a.found)} không đọc được (${a.why}); ví dụ: "steps: >90%=2; >=70%=1; else=0", "choice: đúng hạn=1; chậm=0,5"`,
    en: (a) =>
      `cannot read rule ${q(a.found)} (${a.why}); e.g. "steps: >90%=2; >=70%=1; else=0", "choice: on time=1; late=0.5"`,
  },
  E_RULE_ABOVE_MAX: {
    vi: (a) => `cách tính của ${a.code} cho tới ${n(a.found, 'vi')} điểm, vượt điểm tối đa ${n(a.max, 'vi')}`,
    en: (a) => `the rule of ${a.code} awards up to ${n(a.found, 'en')}, above its maximum ${n(a.max, 'en')}`,
  },
  W_RULE_ON_PARENT: {
    vi: (a) => `${a.code} có tiêu chí con nên cách tính của nó bị bỏ qua`,
    en: (a) => `${a.code} has children, so its rule is ignored`,
  },
  E_CRITERIA_DUPLICATE_CODE: {
    vi: (a) => `mã tiêu chí ${a.code} bị trùng (đã có ở ${a.first})`,
    en: (a) => `duplicate criterion code ${a.code} (first at ${a.first})`,
  },
  E_CRITERIA_UNKNOWN_PARENT: {
    vi: (a) => `${a.code} thuộc tiêu chí cha ${a.parent} không có trong bộ tiêu chí${hintVi(a.suggestion)}`,
    en: (a) => `${a.code} names a parent ${a.parent} that is not in the framework${hintEn(a.suggestion)}`,
  },
  E_CRITERIA_CYCLE: {
    vi: (a) => `${a.code} nằm trong một vòng tiêu chí cha – con`,
    en: (a) => `${a.code} is part of a parent cycle`,
  },
  E_CRITERIA_NO_MAX: {
    vi: (a) => `tiêu chí ${a.code} không có điểm tối đa`,
    en: (a) => `leaf ${a.code} has no maximum`,
  },
  E_CRITERIA_MAX_MISMATCH: {
    vi: (a) =>
      `điểm tối đa của ${a.code} là ${n(a.max, 'vi')} nhưng tổng các tiêu chí con là ${n(a.sum, 'vi')}${inGroupVi(a.group)}`,
    en: (a) =>
      `the maximum of ${a.code} is ${n(a.max, 'en')} but its children sum to ${n(a.sum, 'en')}${inGroupEn(a.group)}`,
  },
  E_CRITERIA_EMPTY: { vi: () => 'bộ tiêu chí không có dòng nào', en: () => 'the framework has no rows' },
};
