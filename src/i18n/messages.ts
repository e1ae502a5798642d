import type { DiagnosticArgs } from '../model/diagnostic.js';

type Render = (a: DiagnosticArgs) => string;
type Entry = { vi: Render; en: Render };

/** Numbers in messages follow the language: 3,5 in Vietnamese, 3.5 in English. */
const n = (v: string | number | undefined, lang: 'vi' | 'en'): string =>
  v === undefined
    ? ''
    : typeof v === 'number'
      ? lang === 'vi'
        ? String(v).replace('.', ',')
        : String(v)
      : v;
const q = (v: string | number | undefined): string => `"${v ?? ''}"`;
const hintVi = (s: string | number | undefined) => (s ? ` — có phải ${q(s)}?` : '');
const hintEn = (s: string | number | undefined) => (s ? ` — did you mean ${q(s)}?` : '');
const inGroupVi = (g: string | number | undefined) => (g ? ` (khối ${g})` : '');
const inGroupEn = (g: string | number | undefined) => (g ? ` (group ${g})` : '');

/** One entry per diagnostic or usage-error code. Codes are stable; the README lists them all. */
export const MESSAGES: Record<string, Entry> = {
  // ── usage errors (exit 2) ──
  E_USAGE: { vi: (a) => `${a.message}`, en: (a) => `${a.message}` },
  E_OPTION_VALUE: {
    vi: (a) => `giá trị ${q(a.found)} không hợp lệ cho ${a.option}; cần một trong: ${a.expected}`,
    en: (a) => `invalid value ${q(a.found)} for ${a.option}; expected one of: ${a.expected}`,
  },
  E_FILE_NOT_FOUND: {
    vi: (a) => `không tìm thấy tệp ${q(a.file)}`,
    en: (a) => `file not found: ${q(a.file)}`,
  },
  E_FILE_UNREADABLE: {
    vi: (a) => `không đọc được tệp ${q(a.file)}: ${a.reason ?? ''}`,
    en: (a) => `cannot read ${q(a.file)}: ${a.reason ?? ''}`,
  },
  E_FILE_CORRUPT: {
    vi: (a) => `tệp ${q(a.file)} bị hỏng hoặc không phải bảng tính: ${a.reason ?? ''}`,
    en: (a) => `${q(a.file)} is damaged or not a spreadsheet: ${a.reason ?? ''}`,
  },
  E_FILE_ENCRYPTED: {
    vi: (a) => `tệp ${q(a.file)} có mật khẩu; hãy mở bằng Excel, bỏ mật khẩu và lưu lại`,
    en: (a) => `${q(a.file)} is password-protected; open it in Excel, remove the password and save it again`,
  },
  E_XLS_NEEDS_LIBREOFFICE: {
    vi: (a) =>
      `cần LibreOffice để đọc tệp .xls cũ ${q(a.file)}: cài libreoffice-calc, hoặc lưu tệp thành .xlsx`,
    en: (a) =>
      `reading the old .xls file ${q(a.file)} needs LibreOffice: install libreoffice-calc, or save it as .xlsx`,
  },
  E_ZIP_TOO_LARGE: {
    vi: (a) =>
      `tệp ${q(a.file)} giải nén ra ${a.size} byte, vượt giới hạn ${a.limit} (nâng bằng --max-inflated-bytes)`,
    en: (a) =>
      `${q(a.file)} inflates to ${a.size} bytes, over the limit of ${a.limit} (raise it with --max-inflated-bytes)`,
  },
  E_TOO_MANY_ROWS: {
    vi: (a) => `trang ${q(a.sheet)} của ${q(a.file)} có quá ${a.limit} dòng (nâng bằng --max-rows)`,
    en: (a) => `sheet ${q(a.sheet)} of ${q(a.file)} has more than ${a.limit} rows (raise it with --max-rows)`,
  },
  E_UNKNOWN_ENCODING: {
    vi: (a) => `không biết bảng mã ${q(a.encoding)}; dùng một trong: ${a.expected}`,
    en: (a) => `unknown encoding ${q(a.encoding)}; use one of: ${a.expected}`,
  },
  E_SHEET_NOT_FOUND: {
    vi: (a) => `tệp ${q(a.file)} không có trang ${q(a.sheet)}; các trang: ${a.available}`,
    en: (a) => `${q(a.file)} has no sheet ${q(a.sheet)}; sheets: ${a.available}`,
  },
  E_BANDS_SPEC: {
    vi: (a) =>
      `--bands không hợp lệ ở ${q(a.part)}: cần dạng "Xuất sắc>=90; Tốt>=80; …; Yếu", ngưỡng giảm dần, loại cuối không có ngưỡng`,
    en: (a) =>
      `invalid --bands at ${q(a.part)}: expected "Xuất sắc>=90; Tốt>=80; …; Yếu", thresholds decreasing, the last band without one`,
  },
  E_CONFIG_INVALID: {
    vi: (a) => `tệp cấu hình ${q(a.file)} không hợp lệ: ${a.reason}`,
    en: (a) => `invalid config file ${q(a.file)}: ${a.reason}`,
  },
  E_OUTPUT_IS_INPUT: {
    vi: (a) => `không ghi đè tệp đầu vào ${q(a.file)}; hãy chọn tên tệp kết quả khác`,
    en: (a) => `refusing to overwrite the input file ${q(a.file)}; choose another output path`,
  },
  E_OUTPUT_FORMAT: {
    vi: (a) => `không biết định dạng của ${q(a.file)}; dùng đuôi .json .csv .xlsx .md .html`,
    en: (a) => `unknown output format for ${q(a.file)}; use .json .csv .xlsx .md .html`,
  },
  E_WRITE_FAILED: {
    vi: (a) => `không ghi được ${q(a.file)}: ${a.reason}`,
    en: (a) => `cannot write ${q(a.file)}: ${a.reason}`,
  },
  E_UNKNOWN_UNIT: {
    vi: (a) => `không có đơn vị ${q(a.unit)}${hintVi(a.suggestion)}`,
    en: (a) => `no unit named ${q(a.unit)}${hintEn(a.suggestion)}`,
  },
  // ── reading and headers ──
  E_NO_HEADER: {
    vi: (a) => `không tìm thấy dòng tiêu đề; cần các cột ${a.expected}`,
    en: (a) => `no header row found; expected columns ${a.expectedEn ?? a.expected}`,
  },
  E_DUPLICATE_HEADER: {
    vi: (a) => `cột ${q(a.field)} xuất hiện nhiều lần (cột ${a.columns})`,
    en: (a) => `column ${q(a.field)} appears more than once (columns ${a.columns})`,
  },
  I_HIDDEN_SHEET_SKIPPED: { vi: () => 'bỏ qua trang ẩn', en: () => 'hidden sheet skipped' },
  I_ROW_IGNORED: {
    vi: (a) => `dòng không có mã và điểm, coi là tiêu đề mục: ${q(a.found)}`,
    en: (a) => `row without code or maximum taken as a heading: ${q(a.found)}`,
  },
  W_ROW_EXTRA_CELLS: {
    vi: (a) =>
      `dòng có ô ${q(a.found)} nằm ngoài các cột tiêu đề (dấu phẩy thập phân trong CSV cần đặt trong ngoặc kép?)`,
    en: (a) =>
      `the row has a value ${q(a.found)} beyond the header's columns (a decimal comma in a CSV needs quotes?)`,
  },
  I_COLUMN_IGNORED: { vi: (a) => `bỏ qua cột ${q(a.found)}`, en: (a) => `column ${q(a.found)} ignored` },
  E_FORMULA_NO_VALUE: {
    vi: (a) => `ô có công thức nhưng không có giá trị đã tính (${a.code}); mở bằng Excel và lưu lại`,
    en: (a) => `formula without a cached value (${a.code}); open the file in Excel and save it again`,
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
  // ── scores ──
  E_ROW_NO_UNIT: { vi: () => 'dòng không có tên đơn vị', en: () => 'row without a unit name' },
  E_ROW_NO_CRITERION: { vi: () => 'dòng không có mã tiêu chí', en: () => 'row without a criterion code' },
  E_UNKNOWN_CRITERION: {
    vi: (a) => `mã tiêu chí ${q(a.code)} không có trong bộ tiêu chí${hintVi(a.suggestion)}`,
    en: (a) => `criterion code ${q(a.code)} is not in the framework${hintEn(a.suggestion)}`,
  },
  W_SUBTOTAL_IGNORED: {
    vi: (a) =>
      `${a.code} là tiêu chí có tiêu chí con; điểm cộng dồn được tính tự động nên giá trị này bị bỏ qua`,
    en: (a) => `${a.code} has children; its total is computed, so this value is ignored`,
  },
  E_SCORE_DUPLICATE: {
    vi: (a) => `${a.unit} đã có điểm cho ${a.code} (ở ${a.first})`,
    en: (a) => `${a.unit} already has a value for ${a.code} (at ${a.first})`,
  },
  E_UNIT_TWO_GROUPS: {
    vi: (a) => `${a.unit} thuộc khối ${q(a.group)} ở đây nhưng thuộc khối ${q(a.first)} ở nơi khác`,
    en: (a) => `${a.unit} is in group ${q(a.group)} here but in ${q(a.first)} elsewhere`,
  },
  E_UNIT_NO_GROUP: {
    vi: (a) => `${a.unit} không có khối trong khi các đơn vị khác có`,
    en: (a) => `${a.unit} has no group while other units do`,
  },
  E_NO_UNITS: { vi: () => 'không có đơn vị nào để chấm điểm', en: () => 'no units to score' },
  E_VALUE_NOT_NUMBER: {
    vi: (a) => `${q(a.found)} không phải là số (${a.code})`,
    en: (a) => `${q(a.found)} is not a number (${a.code})`,
  },
  E_VALUE_NOT_RATIO: {
    vi: (a) => `${q(a.found)} không phải tỷ lệ (${a.code}); viết 14/19, 73,68% hoặc 0,7368`,
    en: (a) => `${q(a.found)} is not a ratio (${a.code}); write 14/19, 73.68% or 0.7368`,
  },
  E_RATIO_ZERO_DENOMINATOR: {
    vi: (a) => `tỷ lệ ${q(a.found)} có mẫu số 0 (${a.code}); nếu không phát sinh, hãy ghi KPS`,
    en: (a) => `ratio ${q(a.found)} has a zero denominator (${a.code}); write KPS if nothing arose`,
  },
  W_RATIO_CLAMPED: {
    vi: (a) => `tỷ lệ ${q(a.found)} nằm ngoài [0, 100%] (${a.code}) nên được đưa về giới hạn`,
    en: (a) => `ratio ${q(a.found)} is outside [0, 100%] (${a.code}) and was clamped`,
  },
  E_VALUE_NOT_YESNO: {
    vi: (a) => `${q(a.found)} không phải có/không (${a.code}); viết có, không, x, 1 hoặc 0`,
    en: (a) => `${q(a.found)} is not yes/no (${a.code}); write yes, no, x, 1 or 0`,
  },
  E_VALUE_NOT_CHOICE: {
    vi: (a) => `${q(a.found)} không phải một lựa chọn của ${a.code}; cần: ${a.expected}`,
    en: (a) => `${q(a.found)} is not a choice of ${a.code}; expected: ${a.expected}`,
  },
  E_SCORE_NEGATIVE: {
    vi: (a) => `điểm ${n(a.found, 'vi')} của ${a.code} là số âm`,
    en: (a) => `points ${n(a.found, 'en')} of ${a.code} are negative`,
  },
  E_SCORE_ABOVE_MAX: {
    vi: (a) => `${a.found} vượt điểm tối đa ${n(a.max, 'vi')} của ${a.code}`,
    en: (a) => `${a.found} exceeds the maximum ${n(a.max, 'en')} of ${a.code}`,
  },
  E_NA_FORBIDDEN: {
    vi: (a) => `${a.code} không được ghi ${q(a.found)} (không phát sinh); cần nhập điểm`,
    en: (a) => `${a.code} does not allow ${q(a.found)} (not applicable); enter points`,
  },
  E_SCORE_MISSING: {
    vi: (a) => `${a.unit} thiếu điểm ${a.stage === 'self' ? 'tự đánh giá' : 'thẩm định'} cho ${a.code}`,
    en: (a) => `${a.unit} has no ${a.stage === 'self' ? 'self-assessed' : 'appraised'} value for ${a.code}`,
  },
  W_NOT_APPRAISED: {
    vi: (a) => `${a.unit}: ${a.code} chưa có điểm thẩm định, dùng điểm tự đánh giá`,
    en: (a) => `${a.unit}: ${a.code} has no appraised value; the self-assessed value is used`,
  },
  W_LEAF_NOT_IN_GROUP: {
    vi: (a) => `${a.code} không áp dụng cho khối ${q(a.group)} của ${a.unit}; giá trị bị bỏ qua`,
    en: (a) => `${a.code} does not apply to ${a.unit}'s group ${q(a.group)}; the value is ignored`,
  },
  E_UNIT_NO_MAX: {
    vi: (a) => `${a.unit} không còn tiêu chí nào được tính (tổng điểm tối đa bằng 0)`,
    en: (a) => `${a.unit} has no criteria left to score (maximum 0)`,
  },
  // ── survey ──
  I_SURVEY_NOT_HELD: {
    vi: (a) => `khối ${q(a.group)} không có điểm điều tra XHH: chỉ số tính trên điểm thẩm định (quy về 100)`,
    en: (a) => `group ${q(a.group)} held no survey: its index is computed on the appraisal maximum alone`,
  },
  E_SURVEY_MISSING: {
    vi: (a) => `${a.unit} thiếu điểm điều tra XHH (${a.code}) trong khi các đơn vị cùng khối đều có`,
    en: (a) => `${a.unit} has no survey value (${a.code}) while others in its group do`,
  },
  E_SURVEY_UNKNOWN_UNIT: {
    vi: (a) =>
      `đơn vị ${q(a.unit)} có trong tệp điều tra nhưng không có trong bảng điểm${hintVi(a.suggestion)}`,
    en: (a) => `unit ${q(a.unit)} is in the survey but not in the scores${hintEn(a.suggestion)}`,
  },
  E_SURVEY_LEAF_AMBIGUOUS: {
    vi: (a) => `cột điểm XHH cần đúng một tiêu chí điều tra XHH trong bộ tiêu chí (hiện có: ${a.found})`,
    en: (a) => `a survey value column needs exactly one survey leaf in the framework (found: ${a.found})`,
  },
  E_SURVEY_NOT_SURVEY_LEAF: {
    vi: (a) => `${a.code} không phải tiêu chí điều tra XHH nên không thuộc tệp --survey`,
    en: (a) => `${a.code} is not a survey leaf and does not belong in a --survey file`,
  },
  // ── bands ──
  E_BANDS_INVALID: {
    vi: (a) => `giá trị ${q(a.found)} trong bảng xếp loại không hợp lệ`,
    en: (a) => `invalid value ${q(a.found)} in the bands file`,
  },
  // ── previous results ──
  W_PREVIOUS_ROW_IGNORED: {
    vi: (a) => `bỏ qua dòng kết quả năm trước của ${q(a.unit)}: thiếu xếp hạng hoặc chỉ số`,
    en: (a) => `previous-result row for ${q(a.unit)} ignored: no rank or index`,
  },
  I_PREVIOUS_NEW_UNIT: {
    vi: (a) => `${a.unit} không có trong kết quả năm trước (đơn vị mới)`,
    en: (a) => `${a.unit} is not in the previous results (new unit)`,
  },
  I_PREVIOUS_GONE_UNIT: {
    vi: (a) => `${a.unit} có trong kết quả năm trước nhưng không còn trong năm nay`,
    en: (a) => `${a.unit} was in the previous results but is gone this year`,
  },
  // ── per-unit forms (layout form) and cchc template / convert ──
  I_FORM_UNIT_FROM_SHEET: {
    vi: (a) => `không có ô "Đơn vị: …" phía trên dòng tiêu đề; lấy tên trang ${q(a.unit)} làm tên đơn vị`,
    en: (a) => `no "Đơn vị: …" cell above the header; the sheet name ${q(a.unit)} is taken as the unit`,
  },
  I_SHEET_NO_FORM: {
    vi: () => 'trang không có bảng biểu mẫu (mã/STT, điểm tự đánh giá, điểm thẩm định); bỏ qua',
    en: () => 'sheet without a form table (code/STT, self-assessed, appraised); skipped',
  },
  E_TEMPLATE_FORMAT: {
    vi: (a) => `biểu mẫu chỉ ghi ra tệp .xlsx (hoặc - cho stdout), không ghi được ${q(a.file)}`,
    en: (a) => `forms are written as .xlsx (or - for stdout), not ${q(a.file)}`,
  },
  W_TEMPLATE_UNIT_REPEATED: {
    vi: (a) => `đơn vị ${q(a.unit)} lặp lại (đã có ở ${a.first}); chỉ tạo một biểu mẫu`,
    en: (a) => `unit ${q(a.unit)} repeated (first at ${a.first}); one form only`,
  },
  W_TEMPLATE_NO_GROUP: {
    vi: (a) => `đơn vị ${q(a.unit)} không có khối; biểu mẫu chỉ có các tiêu chí áp dụng cho mọi khối`,
    en: (a) => `unit ${q(a.unit)} has no group; its form lists only the criteria every group uses`,
  },
  W_TEMPLATE_UNKNOWN_GROUP: {
    vi: (a) =>
      `bộ tiêu chí không nhắc tới khối ${q(a.group)}${hintVi(a.suggestion)}; biểu mẫu chỉ có tiêu chí chung mọi khối`,
    en: (a) =>
      `the framework does not name the group ${q(a.group)}${hintEn(a.suggestion)}; the form lists only common criteria`,
  },
  E_TEMPLATE_EMPTY_FORM: {
    vi: (a) => `không có tiêu chí nào áp dụng cho đơn vị ${q(a.unit)}`,
    en: (a) => `no criterion applies to unit ${q(a.unit)}`,
  },
  I_TEMPLATE_WRITTEN: {
    vi: (a) => `đã ghi ${a.units} biểu mẫu vào ${q(a.file)}`,
    en: (a) => `${a.units} forms written to ${q(a.file)}`,
  },
  E_CONVERT_FORMAT: {
    vi: (a) =>
      `không biết ghi ${q(a.file)} theo định dạng nào; dùng đuôi .csv .tsv .xlsx .json (hoặc - cho CSV ra stdout)`,
    en: (a) => `unknown output format for ${q(a.file)}; use .csv .tsv .xlsx .json (or - for CSV on stdout)`,
  },
  E_CONVERT_MANY_TABLES: {
    vi: (a) =>
      `có ${a.count} bảng nhưng ${q(a.file)} chỉ chứa được một; dùng --sheet, --out-dir, hoặc -o tệp .xlsx/.json`,
    en: (a) =>
      `${a.count} tables but ${q(a.file)} holds one; use --sheet, --out-dir, or -o a .xlsx/.json file`,
  },
  E_CONVERT_NO_DATA: {
    vi: () => 'không có trang tính nào có dữ liệu để chuyển đổi',
    en: () => 'no sheet with data to convert',
  },
  I_CONVERT_SUMMARY: {
    vi: (a) =>
      [
        `${a.file} → ${a.out || '—'}`,
        a.rows === undefined ? '' : `${a.rows} dòng`,
        a.encoding ? `mã hoá ${a.encoding}` : '',
        a.font
          ? `${a.legacy} ô chuyển từ phông ${String(a.font).toUpperCase()} sang Unicode`
          : 'không có phông cũ',
        `${a.numbers} số viết dạng chữ (như "1,5") đã chuẩn hoá`,
      ]
        .filter(Boolean)
        .join('; '),
    en: (a) =>
      [
        `${a.file} → ${a.out || '—'}`,
        a.rows === undefined ? '' : `${a.rows} rows`,
        a.encoding ? `encoding ${a.encoding}` : '',
        a.font
          ? `${a.legacy} cells re-encoded from ${String(a.font).toUpperCase()} to Unicode`
          : 'no legacy font',
        `${a.numbers} numbers written as text (like "1,5") normalised`,
      ]
        .filter(Boolean)
        .join('; '),
  },
  I_CONVERT_LONG: {
    vi: (a) => `bảng dạng dài: ${a.rows} dòng → ${a.out}`,
    en: (a) => `long table: ${a.rows} rows → ${a.out}`,
  },
};
