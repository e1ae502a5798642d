import { type Entry, hintEn, hintVi, n, q } from './helpers.js';

const FORMAT_VI: Record<string, string> = {
  json: 'JSON',
  csv: 'CSV',
  xlsx: 'bảng tính Excel',
  md: 'Markdown',
  html: 'trang HTML',
  table: 'bảng chữ',
};
const FORMAT_EN: Record<string, string> = {
  json: 'JSON',
  csv: 'CSV',
  xlsx: 'Excel workbook',
  md: 'Markdown',
  html: 'HTML page',
  table: 'text table',
};

/** What a run wrote or did not write, and the mistakes a council makes in its settings. */
export const REPORTS_MESSAGES: Record<string, Entry> = {
  I_REPORT_WRITTEN: {
    vi: (a) => `đã ghi báo cáo ${FORMAT_VI[String(a.format)] ?? a.format}: ${a.file}`,
    en: (a) => `wrote the ${FORMAT_EN[String(a.format)] ?? a.format} report: ${a.file}`,
  },
  I_DIAGNOSTICS_WRITTEN: {
    vi: (a) => `đã ghi danh sách cảnh báo và lỗi: ${a.file}`,
    en: (a) => `wrote the diagnostics: ${a.file}`,
  },
  I_NO_REPORT_ERRORS: {
    vi: (a) => `không ghi báo cáo nào: dữ liệu đầu vào có ${a.errors} lỗi cần sửa trước`,
    en: (a) => `no report written: the inputs have ${a.errors} error(s) to fix first`,
  },
  I_NO_REPORT_STRICT: {
    vi: (a) => `không ghi báo cáo nào: có ${a.warnings} cảnh báo và --strict coi cảnh báo là lỗi`,
    en: (a) => `no report written: there are ${a.warnings} warning(s) and --strict counts warnings as errors`,
  },
  W_SURVEY_NOT_GIVEN: {
    vi: (a) =>
      `bộ tiêu chí có phần điều tra XHH (${a.code}, tối đa ${n(a.max, 'vi')} điểm) nhưng không có điểm điều tra nào: chưa đưa tệp --survey? Nếu kỳ này không điều tra, hãy ghi --no-survey`,
    en: (a) =>
      `the framework has a survey component (${a.code}, up to ${n(a.max, 'en')} points) but no survey values were given: is a --survey file missing? If this period held no survey, say --no-survey`,
  },
  I_NO_SURVEY: {
    vi: () =>
      'kỳ này không điều tra XHH (--no-survey): chỉ số tính trên phần điểm đánh giá, quy về thang 100',
    en: () =>
      'no survey this period (--no-survey): the index is on the assessed points alone, rescaled to 100',
  },
  W_BANDS_GROUP_UNKNOWN: {
    vi: (a) =>
      `khối ${q(a.group)} trong bảng xếp loại không có trong dữ liệu điểm nên mức xếp loại này không được dùng${hintVi(a.suggestion)}`,
    en: (a) =>
      `group ${q(a.group)} of the bands file is not in the scores, so its scheme is not used${hintEn(a.suggestion)}`,
  },
  E_PREVIOUS_NOT_RESULTS: {
    vi: (a) =>
      `tệp kết quả kỳ trước ${q(a.file)} không dùng được: ${a.why === 'json' ? 'không phải tệp JSON kết quả của cchc (cchc.results/1)' : 'không có bảng với các cột đơn vị, xếp hạng, chỉ số'}`,
    en: (a) =>
      `the previous results ${q(a.file)} cannot be used: ${a.why === 'json' ? 'not a cchc results JSON file (cchc.results/1)' : 'no table with unit, rank and index columns'}`,
  },
};
