import { type Entry, n, q } from './helpers.js';

const COMPONENT_VI: Record<string, string> = {
  survey: 'điểm điều tra xã hội học',
  bonus: 'điểm cộng',
  penalty: 'điểm trừ',
};

/** Diagnostics of the office shapes of criteria and score files: paths, sub-items, total rows, names. */
export const SHAPES_MESSAGES: Record<string, Entry> = {
  E_CRITERION_AMBIGUOUS: {
    vi: (a) =>
      `mã ${q(a.code)} có thể là nhiều tiêu chí (${a.found}); ghi mã đầy đủ kèm lĩnh vực, ví dụ ${a.example}`,
    en: (a) =>
      `code ${q(a.code)} could be any of ${a.found}; write the full path with its domain, e.g. ${a.example}`,
  },
  I_SUBITEM_TEXT: {
    vi: (a) =>
      `mục ${q(a.found)} không có điểm tối đa: coi là lời giải thích của tiêu chí, không phải tiêu chí con`,
    en: (a) =>
      `item ${q(a.found)} has no maximum: read as text explaining its criterion, not as a sub-criterion`,
  },
  E_CRITERIA_SUBITEM_NO_PARENT: {
    vi: (a) => `mục con ${q(a.found)} (a), b), -) không nằm dưới tiêu chí đánh số nào`,
    en: (a) => `sub-item ${q(a.found)} (a), b), -) is not under any numbered criterion`,
  },
  I_CRITERIA_TOTAL_ROW: {
    vi: (a) => `dòng ${q(a.found)} là dòng tổng, không phải tiêu chí`,
    en: (a) => `row ${q(a.found)} read as a total row, not a criterion`,
  },
  I_TOTAL_ROW_IGNORED: {
    vi: (a) => `dòng ${q(a.found)} là dòng tổng của tệp, không phải đơn vị; tổng điểm được tính lại`,
    en: (a) => `row ${q(a.found)} is the file's own total, not a unit; totals are computed`,
  },
  W_CRITERIA_TOTAL_MISMATCH: {
    vi: (a) =>
      `dòng tổng ${q(a.found)} ghi ${n(a.max, 'vi')} điểm nhưng các lĩnh vực (không kể điểm cộng, điểm trừ) cộng lại là ${n(a.expected, 'vi')}; điểm được tính theo bộ tiêu chí`,
    en: (a) =>
      `total row ${q(a.found)} says ${n(a.max, 'en')} but the domains (bonus and penalty aside) add up to ${n(a.expected, 'en')}; scores use the framework`,
  },
  I_UNIT_SIMILAR_NAME: {
    vi: (a) =>
      `đơn vị ${q(a.unit)} chỉ khác ${q(a.suggestion)} ở dấu nên được tính là hai đơn vị; nếu là một, hãy viết tên giống nhau`,
    en: (a) =>
      `unit ${q(a.unit)} differs from ${q(a.suggestion)} only in diacritics, so they are scored as two units; if they are one, spell the name the same way`,
  },
  I_COMPONENT_BY_NAME: {
    vi: (a) =>
      `lĩnh vực ${a.code} ${q(a.found)} được hiểu là ${COMPONENT_VI[a.component ?? ''] ?? a.component} theo tên (tệp không có cột thành phần)`,
    en: (a) =>
      `domain ${a.code} ${q(a.found)} taken as the ${a.component} component from its name (the file has no component column)`,
  },
};
