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
  /** Changes the council made: "2 tiêu chí được điều chỉnh khi thẩm định". */
  changes: (n: number) => string;
  reason: string;
}

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
  indexGap: 'Cách chỉ số',
  totalGap: 'Cách tổng điểm',
  tied: (names) => `Đồng hạng: ${names}`,
  stage: (s) => `Điểm công bố: ${s === 'appraised' ? 'điểm thẩm định' : 'điểm tự đánh giá'}`,
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
  changes: (n) => `${n} ${n === 1 ? 'criterion' : 'criteria'} changed by the appraisal`,
  reason: 'Reason',
};

export const EXPLAIN_LABELS: Record<Lang, ExplainLabels> = { vi, en };
