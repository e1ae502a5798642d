import type { Lang } from '../model/settings.js';

/** Words of the `cchc explain` trace table, per language (the report words live in labels.ts). */
export interface ExplainLabels {
  title: (unit: string) => string;
  code: string;
  name: string;
  raw: string;
  rule: string;
  points: string;
  max: string;
  self: string;
  appraised: string;
  diff: string;
  /** Shown in place of points for a not-applicable leaf. */
  na: string;
  component: string;
  appraisal: string;
  survey: string;
  bonus: string;
  penalty: string;
  selfTotal: string;
  total: string;
  index: string;
  rank: string;
  band: string;
  surveyNotHeld: string;
  neighbours: string;
  above: string;
  below: string;
  unit: string;
  indexGap: string;
  totalGap: string;
  tied: (names: string) => string;
  stage: (stage: 'appraised' | 'self') => string;
  /** Names of the rules that have no text of their own in the criteria file. */
  rules: { points: string; ratio: string; yesno: string };
  /** "Huyện A xếp trên: chỉ số cao hơn 0,35, tổng điểm thấp hơn 1,20" — the gaps in words. */
  gapLine: (unit: string, place: 'above' | 'below', indexGap: string, totalGap: string) => string;
  /** Said when the total and the index differ in direction: the maxima differ (N/A leaves). */
  maxNote: string;
  /** Changes the council made: "2 tiêu chí được điều chỉnh khi thẩm định". */
  changes: (n: number) => string;
  reason: string;
}

/** "+0,35" → "cao hơn 0,35"; "−1,20" → "thấp hơn 1,20"; "0,00" → "bằng nhau". */
const signed = (text: string, up: string, down: string, same: string): string =>
  text.startsWith('+') ? `${up} ${text.slice(1)}` : text.startsWith('−') ? `${down} ${text.slice(1)}` : same;
const signedVi = (t: string) => signed(t, 'cao hơn', 'thấp hơn', 'bằng nhau');
const signedEn = (t: string) => signed(t, 'higher by', 'lower by', 'the same');

const vi: ExplainLabels = {
  title: (unit) => `Đơn vị: ${unit}`,
  code: 'Mã',
  name: 'Tiêu chí',
  raw: 'Giá trị',
  rule: 'Cách tính',
  points: 'Điểm',
  max: 'Tối đa',
  self: 'Tự ĐG',
  appraised: 'Thẩm định',
  diff: 'Chênh lệch',
  na: 'KPS',
  component: 'Thành phần',
  appraisal: 'Thẩm định',
  survey: 'Điều tra XHH',
  bonus: 'Điểm cộng',
  penalty: 'Điểm trừ',
  selfTotal: 'Tự đánh giá',
  total: 'Tổng điểm',
  index: 'Chỉ số (%)',
  rank: 'Xếp hạng',
  band: 'Xếp loại',
  surveyNotHeld: 'không tổ chức',
  neighbours: 'Đơn vị liền kề',
  above: 'Xếp trên',
  below: 'Xếp dưới',
  unit: 'Đơn vị',
  indexGap: 'Chênh lệch chỉ số',
  totalGap: 'Chênh lệch tổng điểm',
  tied: (names) => `Đồng hạng: ${names}`,
  stage: (s) => `Điểm công bố: ${s === 'appraised' ? 'điểm thẩm định' : 'điểm tự đánh giá'}`,
  rules: { points: 'chấm điểm trực tiếp', ratio: 'theo tỷ lệ', yesno: 'có / không' },
  gapLine: (unit, place, indexGap, totalGap) =>
    `${unit} ${place === 'above' ? 'xếp trên' : 'xếp dưới'}: chỉ số ${signedVi(indexGap)}, tổng điểm ${signedVi(totalGap)}`,
  maxNote:
    'Tổng điểm và chỉ số chênh lệch khác chiều vì điểm tối đa của hai đơn vị khác nhau (tiêu chí không phát sinh).',
  changes: (n) => `${n} tiêu chí được điều chỉnh khi thẩm định`,
  reason: 'Lý do',
};

const en: ExplainLabels = {
  title: (unit) => `Unit: ${unit}`,
  code: 'Code',
  name: 'Criterion',
  raw: 'Value',
  rule: 'Rule',
  points: 'Points',
  max: 'Max',
  self: 'Self',
  appraised: 'Appraised',
  diff: 'Change',
  na: 'N/A',
  component: 'Component',
  appraisal: 'Appraisal',
  survey: 'Survey',
  bonus: 'Bonus',
  penalty: 'Penalty',
  selfTotal: 'Self-assessed',
  total: 'Total',
  index: 'Index (%)',
  rank: 'Rank',
  band: 'Band',
  surveyNotHeld: 'not held',
  neighbours: 'Neighbours',
  above: 'Above',
  below: 'Below',
  unit: 'Unit',
  indexGap: 'Index gap',
  totalGap: 'Total gap',
  tied: (names) => `Tied with: ${names}`,
  stage: (s) => `Published points: ${s === 'appraised' ? 'appraised' : 'self-assessed'}`,
  rules: { points: 'points as entered', ratio: 'in proportion', yesno: 'yes / no' },
  gapLine: (unit, place, indexGap, totalGap) =>
    `${unit} ${place === 'above' ? 'ranks above' : 'ranks below'}: index ${signedEn(indexGap)}, total ${signedEn(totalGap)}`,
  maxNote:
    'The total and the index differ in opposite directions because the two units have different maxima (N/A leaves).',
  changes: (n) => `${n} ${n === 1 ? 'criterion' : 'criteria'} changed by the appraisal`,
  reason: 'Reason',
};

export const EXPLAIN_LABELS: Record<Lang, ExplainLabels> = { vi, en };
