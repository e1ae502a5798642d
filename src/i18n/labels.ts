import type { Lang } from '../model/settings.js';

/**
 * User-facing words of the report renderers (table, md, html, xlsx), per language. Diagnostic messages
 * live in messages.ts; these are the headers, titles and summary words around the numbers.
 */
export interface Labels {
  unit: string;
  unitCode: string;
  group: string;
  appraisal: string;
  /** The council's value of a leaf, next to the unit's own (the changes sheet). */
  appraised: string;
  self: string;
  survey: string;
  bonus: string;
  penalty: string;
  total: string;
  /** Maximum points (điểm tối đa). */
  maxPoints: string;
  index: string;
  rank: string;
  band: string;
  threshold: string;
  units: string;
  mean: string;
  median: string;
  min: string;
  max: string;
  top: string;
  previousRank: string;
  previousIndex: string;
  rankChange: string;
  indexChange: string;
  /** Heading of the list of units in --previous but not this year. */
  goneUnits: string;
  domain: string;
  points: string;
  /** Title of the ranking section. */
  ranking: string;
  /** Title of the band summary section. */
  bandSummary: string;
  /** Title of the diagnostics section. */
  diagnostics: string;
  /** Shown for a group named '' (inputs without a group column). */
  allUnits: string;
  /** "Khối: Sở, ban, ngành" — the heading of one group's section. */
  groupHeading: (name: string) => string;
  /** "Dòng dữ liệu: đọc 120, chấm điểm 118, bị từ chối 2". */
  rowsSummary: (read: number, scored: number, rejected: number) => string;
  errors: (n: number) => string;
  warnings: (n: number) => string;
  infos: (n: number) => string;
  /** The settings line under a report. */
  stage: string;
  stages: { appraised: string; self: string };
  na: string;
  precision: string;
  language: string;
  inputs: string;
  file: string;
  role: string;
  sha256: string;
}

const vi: Labels = {
  unit: 'Đơn vị',
  unitCode: 'Mã đơn vị',
  group: 'Khối',
  appraisal: 'Thẩm định',
  appraised: 'Điểm thẩm định',
  self: 'Tự đánh giá',
  survey: 'Điều tra XHH',
  bonus: 'Điểm cộng',
  penalty: 'Điểm trừ',
  total: 'Tổng điểm',
  maxPoints: 'Điểm tối đa',
  index: 'Chỉ số (%)',
  rank: 'Xếp hạng',
  band: 'Xếp loại',
  threshold: 'Ngưỡng (%)',
  units: 'Số đơn vị',
  mean: 'Bình quân', // not "Trung bình": that is also a band name
  median: 'Trung vị',
  min: 'Thấp nhất',
  max: 'Cao nhất',
  top: 'Dẫn đầu',
  previousRank: 'Xếp hạng kỳ trước',
  previousIndex: 'Chỉ số kỳ trước',
  rankChange: 'Thay đổi hạng',
  indexChange: 'Thay đổi chỉ số',
  goneUnits: 'Có trong kỳ trước, không còn trong kỳ này',
  domain: 'Lĩnh vực',
  points: 'Điểm',
  ranking: 'Xếp hạng',
  bandSummary: 'Xếp loại',
  diagnostics: 'Cảnh báo',
  allUnits: 'Tất cả',
  groupHeading: (name) => `Khối: ${name}`,
  rowsSummary: (read, scored, rejected) =>
    `Dòng dữ liệu: đọc ${read}, chấm điểm ${scored}, bị từ chối ${rejected}`,
  errors: (n) => `${n} lỗi`,
  warnings: (n) => `${n} cảnh báo`,
  infos: (n) => `${n} thông tin`,
  stage: 'Giai đoạn',
  stages: { appraised: 'thẩm định', self: 'tự đánh giá' },
  na: 'Không phát sinh',
  precision: 'Số chữ số thập phân',
  language: 'Ngôn ngữ',
  inputs: 'Tệp đầu vào',
  file: 'Tệp',
  role: 'Vai trò',
  sha256: 'SHA-256',
};

const en: Labels = {
  unit: 'Unit',
  unitCode: 'Unit code',
  group: 'Group',
  appraisal: 'Appraisal',
  appraised: 'Appraised',
  self: 'Self-assessed',
  survey: 'Survey',
  bonus: 'Bonus',
  penalty: 'Penalty',
  total: 'Total',
  maxPoints: 'Maximum',
  index: 'Index (%)',
  rank: 'Rank',
  band: 'Band',
  threshold: 'Threshold (%)',
  units: 'Units',
  mean: 'Mean',
  median: 'Median',
  min: 'Min',
  max: 'Max',
  top: 'Top',
  previousRank: 'Previous rank',
  previousIndex: 'Previous index',
  rankChange: 'Rank change',
  indexChange: 'Index change',
  goneUnits: 'In the previous results, gone this year',
  domain: 'Domain',
  points: 'Points',
  ranking: 'Ranking',
  bandSummary: 'Bands',
  diagnostics: 'Diagnostics',
  allUnits: 'All units',
  groupHeading: (name) => `Group: ${name}`,
  rowsSummary: (read, scored, rejected) => `Rows: ${read} read, ${scored} scored, ${rejected} rejected`,
  errors: (n) => `${n} ${n === 1 ? 'error' : 'errors'}`,
  warnings: (n) => `${n} ${n === 1 ? 'warning' : 'warnings'}`,
  infos: (n) => `${n} info`,
  stage: 'Stage',
  stages: { appraised: 'appraised', self: 'self-assessed' },
  na: 'Not applicable',
  precision: 'Decimals',
  language: 'Language',
  inputs: 'Inputs',
  file: 'File',
  role: 'Role',
  sha256: 'SHA-256',
};

export const LABELS: Record<Lang, Labels> = { vi, en };

export const labels = (lang: Lang): Labels => LABELS[lang];

/** A group's display name: '' (no group column in the inputs) is "Tất cả" / "All units". */
export const groupName = (group: string, lang: Lang): string =>
  group === '' ? LABELS[lang].allUnits : group;

/** Group heading: "Khối: X", or just "Tất cả" when the inputs had no groups. */
export const groupHeading = (group: string, lang: Lang): string =>
  group === '' ? LABELS[lang].allUnits : LABELS[lang].groupHeading(group);
