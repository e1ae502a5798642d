import { type Entry, hintEn, hintVi, q } from './helpers.js';

/** Per-unit forms, cchc convert and cchc template. */
export const CLERKS_MESSAGES: Record<string, Entry> = {
  // ── per-unit forms (layout form) and cchc template / convert ──
  I_FORM_UNIT_FROM_SHEET: {
    vi: (a) => `không có ô "Đơn vị: …" phía trên dòng tiêu đề; lấy tên trang ${q(a.unit)} làm tên đơn vị`,
    en: (a) => `no "Đơn vị: …" cell above the header; the sheet name ${q(a.unit)} is taken as the unit`,
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
  E_CONVERT_XLSX_ROWS: {
    vi: (a) =>
      `bảng ${q(a.sheet)} có ${a.rows} dòng, một trang .xlsx chỉ chứa ${a.limit}; ghi ra .csv hoặc .json thay cho ${q(a.file)}`,
    en: (a) =>
      `table ${q(a.sheet)} has ${a.rows} rows and an .xlsx sheet holds ${a.limit}; write .csv or .json instead of ${q(a.file)}`,
  },
  E_CONVERT_NO_DATA: {
    vi: () => 'không có trang tính nào có dữ liệu để chuyển đổi',
    en: () => 'no sheet with data to convert',
  },
  I_CONVERT_SUMMARY: {
    vi: (a) =>
      [
        `${a.file} → ${a.out || '—'}`,
        a.sheets === undefined ? '' : `${a.sheets} trang`,
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
        a.sheets === undefined ? '' : `${a.sheets} sheets`,
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
  I_CONVERT_SHEET_EMPTY: {
    vi: () => 'trang không có dữ liệu; không chuyển đổi',
    en: () => 'sheet without data; not converted',
  },
  I_CONVERT_LONG: {
    vi: (a) => `bảng dạng dài: ${a.rows} dòng → ${a.out}`,
    en: (a) => `long table: ${a.rows} rows → ${a.out}`,
  },
};
