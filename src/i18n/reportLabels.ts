import type { Severity } from '../model/diagnostic.js';
import type { InputRef } from '../model/results.js';
import type { Lang, Settings } from '../model/settings.js';
import { labels } from './labels.js';

/**
 * Words of the published reports (xlsx and html) that the terminal renderers do not use: sheet names,
 * section titles and the headers of the detail, appraisal and diagnostics tables. Shared words (unit,
 * index, band, …) come from labels.ts so every format says the same thing.
 */
export interface ReportLabels {
  /** Sheet names: at most 31 characters, none of : \ / ? * [ ] (Excel's rules). */
  sheets: { ranking: string; bands: string; detail: string; changes: string; diagnostics: string };
  /** Title of the whole report, when --title does not give one. */
  title: string;
  /** Added to the title of a --stage self report. */
  selfTitle: string;
  /** Under the title of a --stage self report. */
  selfNote: string;
  /** Under the title when --no-survey says that this period held no survey. */
  noSurveyNote: string;
  /** The report date as printed: "ngày 31 tháng 12 năm 2025". */
  dated: (isoDate: string) => string;
  /** The heat map's bonus and penalty columns, in points. */
  bonusPoints: string;
  penaltyPoints: string;
  /** Short product line under the title. */
  subtitle: string;
  /** "KPS" — a leaf that did not arise this year (không phát sinh). */
  notApplicable: string;
  criterion: string;
  difference: string;
  reason: string;
  evidence: string;
  leavesChanged: string;
  /** Heading of the appraisal changes list. */
  changesTitle: string;
  /** Heading of the per-unit totals under the changes. */
  changesByUnit: string;
  noChanges: string;
  severity: string;
  code: string;
  message: string;
  sheet: string;
  cell: string;
  severities: Record<Severity, string>;
  noDiagnostics: string;
  /** Heading of the chart of indices. */
  indexChart: string;
  /** Heading of the band distribution chart. */
  bandChart: string;
  /** Heading of the units × domains heat map. */
  heatMap: string;
  share: string;
  settings: string;
  /** The N/A policies: exclude (dropped from points and maximum) and full (awarded its maximum). */
  naPolicies: { exclude: string; full: string };
  /** Footer line: which program made the report. */
  generatedBy: string;
  /** Row of maxima under the leaf codes of the detail sheet. */
  leafMax: string;
  groupsCount: (groups: number, units: number) => string;
  /** What each input file was for, in the footer's list of inputs. */
  roles: Record<InputRef['role'], string>;
}

const vi: ReportLabels = {
  sheets: {
    ranking: 'Xếp hạng',
    bands: 'Xếp loại',
    detail: 'Chi tiết',
    changes: 'Thẩm định',
    diagnostics: 'Cảnh báo',
  },
  title: 'Kết quả Chỉ số cải cách hành chính',
  selfTitle: ' (theo điểm tự đánh giá)',
  selfNote: 'Số liệu theo điểm tự đánh giá của các đơn vị, chưa qua thẩm định.',
  noSurveyNote: 'Kỳ này không điều tra xã hội học: chỉ số tính trên phần điểm đánh giá, quy về thang 100.',
  dated: (iso) => {
    const [y, m, d] = iso.split('-');
    return `Ngày ${d} tháng ${m} năm ${y}`;
  },
  bonusPoints: 'Điểm cộng',
  penaltyPoints: 'Điểm trừ',
  subtitle: 'Chỉ số CCHC',
  notApplicable: 'KPS',
  criterion: 'Tiêu chí',
  difference: 'Chênh lệch',
  reason: 'Lý do',
  evidence: 'Tài liệu kiểm chứng',
  leavesChanged: 'Số tiêu chí điều chỉnh',
  changesTitle: 'Điểm thẩm định khác điểm tự đánh giá',
  changesByUnit: 'Tổng điểm điều chỉnh theo đơn vị',
  noChanges: 'Không có tiêu chí nào được điều chỉnh.',
  severity: 'Mức độ',
  code: 'Mã',
  message: 'Nội dung',
  sheet: 'Trang tính',
  cell: 'Ô',
  severities: { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' },
  noDiagnostics: 'Không có cảnh báo.',
  indexChart: 'Chỉ số theo đơn vị',
  bandChart: 'Phân bố xếp loại',
  heatMap: 'Chỉ số theo lĩnh vực (%)',
  share: 'Tỷ lệ (%)',
  settings: 'Thiết lập',
  naPolicies: { exclude: 'không tính vào điểm tối đa', full: 'tính đủ điểm tối đa' },
  generatedBy: 'Lập bằng công cụ cchc',
  leafMax: 'Điểm tối đa',
  groupsCount: (groups, units) => `${groups} khối, ${units} đơn vị`,
  roles: {
    criteria: 'Bộ tiêu chí',
    scores: 'Điểm',
    survey: 'Điều tra XHH',
    previous: 'Kỳ trước',
    bands: 'Xếp loại',
    config: 'Cấu hình',
  },
};

const en: ReportLabels = {
  sheets: {
    ranking: 'Ranking',
    bands: 'Bands',
    detail: 'Detail',
    changes: 'Appraisal changes',
    diagnostics: 'Diagnostics',
  },
  title: 'Administrative Reform Index results',
  selfTitle: ' (self-assessed points)',
  selfNote: "Figures from the units' self-assessment, before appraisal.",
  noSurveyNote: 'No survey this period: the index is computed on the assessed points alone, rescaled to 100.',
  dated: (iso) => iso,
  bonusPoints: 'Bonus',
  penaltyPoints: 'Penalty',
  subtitle: 'PAR Index (Chỉ số CCHC)',
  notApplicable: 'N/A',
  criterion: 'Criterion',
  difference: 'Difference',
  reason: 'Reason',
  evidence: 'Evidence',
  leavesChanged: 'Criteria changed',
  changesTitle: 'Appraised points that differ from the self-assessment',
  changesByUnit: 'Points changed per unit',
  noChanges: 'No criterion was changed by the appraisal.',
  severity: 'Severity',
  code: 'Code',
  message: 'Message',
  sheet: 'Sheet',
  cell: 'Cell',
  severities: { error: 'Error', warning: 'Warning', info: 'Info' },
  noDiagnostics: 'No diagnostics.',
  indexChart: 'Index by unit',
  bandChart: 'Band distribution',
  heatMap: 'Index by domain (%)',
  share: 'Share (%)',
  settings: 'Settings',
  naPolicies: { exclude: 'excluded from the maximum', full: 'awarded in full' },
  generatedBy: 'Made with cchc',
  leafMax: 'Maximum',
  groupsCount: (groups, units) => `${groups} ${groups === 1 ? 'group' : 'groups'}, ${units} units`,
  roles: {
    criteria: 'Criteria',
    scores: 'Scores',
    survey: 'Survey',
    previous: 'Previous period',
    bands: 'Bands',
    config: 'Configuration',
  },
};

export const REPORT_LABELS: Record<Lang, ReportLabels> = { vi, en };

export const reportLabels = (lang: Lang): ReportLabels => REPORT_LABELS[lang];

/** "Giai đoạn: thẩm định · Không phát sinh: loại khỏi điểm tối đa · Số chữ số thập phân: 2". */
export function settingsLine(settings: Pick<Settings, 'stage' | 'na' | 'precision'>, lang: Lang): string {
  const L = labels(lang);
  const R = REPORT_LABELS[lang];
  return [
    `${L.stage}: ${L.stages[settings.stage]}`,
    `${L.na}: ${R.naPolicies[settings.na]}`,
    `${L.precision}: ${settings.precision}`,
  ].join(' · ');
}
