import { type Entry, hintEn, hintVi, n, q } from './helpers.js';

/** Diagnostics of scores, survey, bands and previous results. */
export const SCORES_MESSAGES: Record<string, Entry> = {
  // ── scores ──
  E_ROW_NO_UNIT: {
    vi: (a) =>
      'dòng không có tên đơn vị' +
      (a.above
        ? ` (dòng trên ghi ${q(a.above)}; nếu dòng này cũng của đơn vị đó, hãy ghi tên vào hoặc gộp ô — trong bảng tính chỉ ô gộp mới được điền xuống)`
        : ''),
    en: (a) =>
      'row without a unit name' +
      (a.above
        ? ` (the row above says ${q(a.above)}; if this row is that unit's too, write its name or merge the cells — in a workbook only merged cells are filled down)`
        : ''),
  },
  W_CELLS_FILLED_DOWN: {
    vi: (a) =>
      `${n(a.count, 'vi')} ô trống của cột này được điền theo ô phía trên như ô gộp (ô đầu tiên lấy ${q(a.found)} từ ${a.from}): tệp CSV không giữ ô gộp, nên giá trị của ô gộp chỉ nằm ở dòng đầu; nếu các ô này không thuộc ô gộp, hãy ghi tên vào`,
    en: (a) =>
      `${n(a.count, 'en')} blank cells of this column filled from the cell above, as merged cells (the first took ${q(a.found)} from ${a.from}): a CSV keeps no merges, so a merged cell's value is on its first row only; if these cells were not merged, write the names in`,
  },
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
  // Without a group column every unit is in one unnamed group: said without a group.
  I_SURVEY_NOT_HELD: {
    vi: (a) =>
      a.group
        ? `khối ${q(a.group)} không có điểm điều tra XHH: chỉ số tính trên điểm thẩm định (quy về 100)`
        : 'không đơn vị nào có điểm điều tra XHH: chỉ số tính trên điểm thẩm định (quy về 100)',
    en: (a) =>
      a.group
        ? `group ${q(a.group)} held no survey: its index is computed on the appraisal maximum alone`
        : 'no unit has a survey value: the indices are computed on the appraisal maximum alone',
  },
  E_SURVEY_MISSING: {
    vi: (a) => `${a.unit} thiếu điểm điều tra XHH (${a.code}) trong khi các đơn vị cùng khối đều có`,
    en: (a) => `${a.unit} has no survey value (${a.code}) while others in its group do`,
  },
  I_SURVEY_NOT_USED: {
    vi: (a) =>
      `điểm điều tra XHH của ${q(a.unit)} không được dùng: đơn vị này không nhập điểm nào trong bảng điểm`,
    en: (a) => `the survey value of ${q(a.unit)} is not used: the unit entered no score`,
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
    vi: (a) =>
      `giá trị ${q(a.found)} trong bảng xếp loại không hợp lệ${a.expected ? `; phép so sánh dùng một trong: ${a.expected}` : '; ngưỡng phải là một số'}`,
    en: (a) =>
      `invalid value ${q(a.found)} in the bands file${a.expected ? `; the comparison is one of: ${a.expected}` : '; the threshold must be a number'}`,
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
};
