import { corruptReasonEn, corruptReasonVi } from './corruptReasons.js';
import { type Entry, hintEn, hintVi, q, reasonEn, reasonVi, typeEn, typeVi } from './helpers.js';

const BANDS_WHY_VI: Record<string, string> = {
  form: 'cần dạng "Xuất sắc>=90; Tốt>=80; …; Yếu"; phép so sánh dùng một trong: >= > ≥ =>',
  order: 'các ngưỡng phải giảm dần từ mức cao nhất',
  same: 'mức này cùng ngưỡng với mức trước nên không bao giờ đạt được',
  last: 'mức cuối cùng không có ngưỡng (nhận mọi chỉ số còn lại)',
  empty: 'không có mức xếp loại nào',
};
const BANDS_WHY_EN: Record<string, string> = {
  form: 'expected "Xuất sắc>=90; Tốt>=80; …; Yếu"; the comparison is one of: >= > ≥ =>',
  order: 'thresholds must decrease from the top band',
  same: 'this band has the same threshold as the one before, so it can never be reached',
  last: 'the last band has no threshold (it takes every index left)',
  empty: 'no bands',
};

/** Usage errors (exit 2): the command line and files that cannot be opened. */
export const USAGE_MESSAGES: Record<string, Entry> = {
  // ── usage errors (exit 2) ──
  E_INTERNAL: {
    vi: () => 'lỗi nội bộ của cchc; hãy báo lỗi kèm lệnh đã chạy (đặt CCHC_DEBUG=1 để xem chi tiết)',
    en: () =>
      'internal error in cchc; please report it with the command you ran (set CCHC_DEBUG=1 for details)',
  },
  E_OPTIONS_EXCLUSIVE: {
    vi: (a) => `chỉ dùng một trong hai tùy chọn ${a.first} và ${a.second}, không dùng cả hai`,
    en: (a) => `use either ${a.first} or ${a.second}, not both`,
  },
  E_OPTION_REQUIRES: {
    vi: (a) => `${a.option} cần có thêm ${a.needs}`,
    en: (a) => `${a.option} needs ${a.needs}`,
  },
  E_OPTION_VALUE: {
    vi: (a) => `giá trị ${q(a.found)} không hợp lệ cho ${a.option}; cần một trong: ${a.expected}`,
    en: (a) => `invalid value ${q(a.found)} for ${a.option}; expected one of: ${a.expected}`,
  },
  E_FILE_NOT_FOUND: {
    vi: (a) => `không tìm thấy tệp ${q(a.file)}`,
    en: (a) => `file not found: ${q(a.file)}`,
  },
  E_FILE_UNREADABLE: {
    vi: (a) => `không đọc được tệp ${q(a.file)}: ${reasonVi(a.reason)}`,
    en: (a) => `cannot read ${q(a.file)}: ${reasonEn(a.reason)}`,
  },
  E_FILE_CORRUPT: {
    vi: (a) => `tệp ${q(a.file)} bị hỏng hoặc không phải bảng tính: ${corruptReasonVi(a)}`,
    en: (a) => `${q(a.file)} is damaged or not a spreadsheet: ${corruptReasonEn(a)}`,
  },
  E_FILE_ENCRYPTED: {
    vi: (a) => `tệp ${q(a.file)} có mật khẩu; hãy mở bằng Excel, bỏ mật khẩu và lưu lại`,
    en: (a) => `${q(a.file)} is password-protected; open it in Excel, remove the password and save it again`,
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
    vi: (a) => `--bands không hợp lệ ở ${q(a.part)}: ${BANDS_WHY_VI[String(a.why)] ?? BANDS_WHY_VI.form}`,
    en: (a) => `invalid --bands at ${q(a.part)}: ${BANDS_WHY_EN[String(a.why)] ?? BANDS_WHY_EN.form}`,
  },
  E_CONFIG_SYNTAX: {
    vi: (a) => `tệp thiết lập ${q(a.file)} không phải JSON hợp lệ: lỗi ở dòng ${a.line}, cột ${a.column}`,
    en: (a) =>
      `the settings file ${q(a.file)} is not valid JSON: error at line ${a.line}, column ${a.column}`,
  },
  E_CONFIG_UNKNOWN_KEY: {
    vi: (a) => `tệp thiết lập ${q(a.file)} có khóa lạ ${q(a.key)}${hintVi(a.suggestion)}`,
    en: (a) => `the settings file ${q(a.file)} has an unknown key ${q(a.key)}${hintEn(a.suggestion)}`,
  },
  E_CONFIG_TYPE: {
    vi: (a) => `trong tệp thiết lập ${q(a.file)}, ${q(a.key)} phải là ${typeVi(a.expected)}`,
    en: (a) => `in the settings file ${q(a.file)}, ${q(a.key)} must be ${typeEn(a.expected)}`,
  },
  E_CONFIG_VALUE: {
    vi: (a) =>
      `trong tệp thiết lập ${q(a.file)}, ${q(a.key)} có giá trị không hợp lệ ${a.found}${a.expected ? `; cần: ${a.expected}` : ''}`,
    en: (a) =>
      `in the settings file ${q(a.file)}, ${q(a.key)} has an invalid value ${a.found}${a.expected ? `; expected: ${a.expected}` : ''}`,
  },
  // ── the command line as commander reads it ──
  E_UNKNOWN_OPTION: {
    vi: (a) => `lệnh ${a.command} không có tùy chọn ${a.option}${hintVi(a.suggestion)}`,
    en: (a) => `${a.command} has no option ${a.option}${hintEn(a.suggestion)}`,
  },
  E_UNKNOWN_COMMAND: {
    vi: (a) => `không có lệnh ${q(a.command)}${hintVi(a.suggestion)} (các lệnh: ${a.commands})`,
    en: (a) => `no command ${q(a.command)}${hintEn(a.suggestion)} (commands: ${a.commands})`,
  },
  E_MISSING_ARGUMENT: {
    vi: (a) => `lệnh ${a.command} cần ${a.argument}`,
    en: (a) => `${a.command} needs ${a.argument}`,
  },
  E_OPTION_NEEDS_VALUE: {
    vi: (a) =>
      `tùy chọn ${a.option} cần một giá trị${a.next ? ` (ngay sau nó lại là tùy chọn ${a.next})` : ''}`,
    en: (a) =>
      `the option ${a.option} needs a value${a.next ? ` (it is followed by the option ${a.next})` : ''}`,
  },
  E_MISSING_OPTION: {
    vi: (a) => `lệnh ${a.command} cần tùy chọn ${a.option}`,
    en: (a) => `${a.command} needs the option ${a.option}`,
  },
  E_TOO_MANY_ARGUMENTS: {
    vi: (a) => `lệnh ${a.command} không nhận đối số ${q(a.found)}`,
    en: (a) => `${a.command} takes no argument ${q(a.found)}`,
  },
  E_OUTPUT_IS_INPUT: {
    vi: (a) =>
      `không ghi đè tệp đầu vào ${q(a.input ?? a.file)}${a.input !== undefined && a.input !== a.file ? ` (ghi là ${q(a.file)})` : ''}; hãy chọn tên tệp kết quả khác`,
    en: (a) =>
      `refusing to overwrite the input file ${q(a.input ?? a.file)}${a.input !== undefined && a.input !== a.file ? ` (given as ${q(a.file)})` : ''}; choose another output path`,
  },
  E_OUTPUT_TWICE: {
    vi: (a) => `${q(a.file)} và ${q(a.other)} là cùng một tệp; mỗi tệp kết quả cần một tên riêng`,
    en: (a) => `${q(a.file)} and ${q(a.other)} are the same file; give each output its own path`,
  },
  E_OUTPUT_FORMAT: {
    vi: (a) => `không biết định dạng của ${q(a.file)}; dùng đuôi .json .csv .xlsx .md .html`,
    en: (a) => `unknown output format for ${q(a.file)}; use .json .csv .xlsx .md .html`,
  },
  E_WRITE_FAILED: {
    vi: (a) => `không ghi được tệp ${q(a.file)}: ${reasonVi(a.reason)}`,
    en: (a) => `cannot write ${q(a.file)}: ${reasonEn(a.reason)}`,
  },
  E_UNKNOWN_UNIT: {
    vi: (a) => `không có đơn vị ${q(a.unit)}${hintVi(a.suggestion)}`,
    en: (a) => `no unit named ${q(a.unit)}${hintEn(a.suggestion)}`,
  },
};
