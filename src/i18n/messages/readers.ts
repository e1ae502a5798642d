import { type Entry, q } from './helpers.js';

/** Where in a workbook a limit was reached: "Điểm › D7", or the shared string's number. */
const placeVi = (a: Record<string, string | number | undefined>) =>
  a.cell !== undefined
    ? `ô ${a.sheet ?? ''} › ${a.cell} của ${q(a.file)}`
    : `chuỗi dùng chung số ${a.item ?? '?'} của ${q(a.file)}`;
const placeEn = (a: Record<string, string | number | undefined>) =>
  a.cell !== undefined
    ? `cell ${a.sheet ?? ''} › ${a.cell} of ${q(a.file)}`
    : `shared string ${a.item ?? '?'} of ${q(a.file)}`;

/**
 * What the readers refuse or notice (exit 2 for a file they cannot read within the limits; diagnostics
 * for what they read but doubt). Each limit names the option that raises it.
 */
const CORRUPT_VI: Record<string, (found: string) => string> = {
  number: (f) => `${q(f)} không phải là số như bảng tính lưu (không có dạng 0x…, 0b…, Infinity)`,
  'blank-number': () => 'ô số chỉ chứa dấu cách, không phải số 0',
  boolean: (f) => `${q(f)} không phải TRUE hay FALSE (1 hoặc 0)`,
  'string-index': (f) => `trỏ tới chuỗi dùng chung số ${q(f)}, tệp không có chuỗi đó`,
  'two-values': () => 'một ô có hai giá trị',
};
const CORRUPT_EN: Record<string, (found: string) => string> = {
  number: (f) => `${q(f)} is not a number as a spreadsheet stores one (no 0x…, 0b…, Infinity)`,
  'blank-number': () => 'a number cell holding only spaces, which is not 0',
  boolean: (f) => `${q(f)} is not TRUE or FALSE (1 or 0)`,
  'string-index': (f) => `points to shared string ${q(f)}, which the file does not have`,
  'two-values': () => 'two values in one cell',
};

export const READERS_MESSAGES: Record<string, Entry> = {
  E_UNSUPPORTED_ENCODING: {
    vi: (a) =>
      `tệp ${q(a.file)} được lưu bằng bảng mã ${a.encoding}, cchc không đọc bảng mã này; hãy lưu lại thành CSV UTF-8`,
    en: (a) =>
      `${q(a.file)} is in the ${a.encoding} encoding, which cchc does not read; save it again as CSV UTF-8`,
  },
  W_TEXT_UNDECODABLE: {
    vi: (a) =>
      `ô có byte không thuộc bảng mã ${a.encoding} (hiện thành �): ${q(a.found)}; kiểm tra và lưu lại tệp bằng UTF-8`,
    en: (a) =>
      `the cell holds a byte that is not ${a.encoding} (shown as �): ${q(a.found)}; check it and save the file again as UTF-8`,
  },
  W_CSV_QUOTE_SPANS_LINES: {
    vi: (a) =>
      `dấu ngoặc kép mở ở dòng ${a.line} chỉ đóng ở dòng ${a.until}: các dòng giữa thành một ô, trong khi mọi dòng khác chỉ có một dòng — kiểm tra dấu " thừa`,
    en: (a) =>
      `a quote opened at line ${a.line} closes only at line ${a.until}: the lines between became one cell, where every other record is one line — look for a stray "`,
  },
  E_CELL_CORRUPT: {
    vi: (a) =>
      `ô bị hỏng: ${(CORRUPT_VI[String(a.reason)] ?? CORRUPT_VI.number!)(String(a.found ?? ''))}; mở tệp bằng Excel, sửa ô rồi lưu lại`,
    en: (a) =>
      `a damaged cell: ${(CORRUPT_EN[String(a.reason)] ?? CORRUPT_EN.number!)(String(a.found ?? ''))}; open the file in Excel, fix the cell and save it again`,
  },
  E_CELL_TOO_LONG: {
    vi: (a) => `${placeVi(a)} chứa hơn ${a.limit} ký tự (nâng giới hạn bằng --max-cell-chars)`,
    en: (a) => `${placeEn(a)} holds more than ${a.limit} characters (raise the limit with --max-cell-chars)`,
  },
  E_TOO_MANY_SHARED_STRINGS: {
    vi: (a) =>
      `tệp ${q(a.file)} có hơn ${a.limit} chuỗi dùng chung (nâng giới hạn bằng --max-shared-strings)`,
    en: (a) =>
      `${q(a.file)} has more than ${a.limit} shared strings (raise the limit with --max-shared-strings)`,
  },
  E_SHARED_STRINGS_TOO_LARGE: {
    vi: (a) =>
      `các chuỗi dùng chung của ${q(a.file)} dài hơn ${a.limit} ký tự (nâng giới hạn bằng --max-shared-chars)`,
    en: (a) =>
      `the shared strings of ${q(a.file)} hold more than ${a.limit} characters (raise the limit with --max-shared-chars)`,
  },
  E_ZIP_RATIO: {
    vi: (a) =>
      `phần ${q(a.entry)} của ${q(a.file)} khai giải nén ra ${a.size} byte từ ${a.compressed} byte, gấp hơn ${a.ratio} lần — không bảng tính nào nén được như vậy (tệp bị hỏng hoặc là "bom zip"); nâng --max-inflated-bytes không giúp được`,
    en: (a) =>
      `entry ${q(a.entry)} of ${q(a.file)} claims to inflate to ${a.size} bytes from ${a.compressed}, over ${a.ratio} times its size — no spreadsheet compresses like that (a damaged file or a zip bomb); raising --max-inflated-bytes would not help`,
  },
  E_TOO_MANY_COLUMNS: {
    vi: (a) =>
      `${placeVi(a)} nằm ngoài ${a.limit} cột đầu tiên mà cchc đọc (nâng giới hạn bằng --max-columns)`,
    en: (a) =>
      `${placeEn(a)} lies beyond the first ${a.limit} columns that cchc reads (raise the limit with --max-columns)`,
  },
  E_TOO_MANY_MERGES: {
    vi: (a) =>
      `trang ${q(a.sheet)} của ${q(a.file)} có hơn ${a.limit} vùng gộp ô (nâng giới hạn bằng --max-merges)`,
    en: (a) =>
      `sheet ${q(a.sheet)} of ${q(a.file)} has more than ${a.limit} merged ranges (raise the limit with --max-merges)`,
  },
  E_TOO_MANY_SHEETS: {
    vi: (a) => `tệp ${q(a.file)} có hơn ${a.limit} trang tính (nâng giới hạn bằng --max-sheets)`,
    en: (a) => `${q(a.file)} has more than ${a.limit} sheets (raise the limit with --max-sheets)`,
  },
};
