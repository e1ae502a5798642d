import { type Dec, HUNDRED, parseDec } from '../../src/model/decimal.js';
import type { BandCount, DomainResult, GroupResult, Results, UnitResult } from '../../src/model/results.js';
import type { Band } from '../../src/model/settings.js';
import type { RenderContext } from '../../src/render/index.js';

/** A Dec from its text, for readable fixtures. */
export function d(text: string): Dec {
  const v = parseDec(text);
  if (v === null) throw new Error(`not a decimal: ${text}`);
  return v;
}

export const ctx = (over: Partial<RenderContext> = {}): RenderContext => ({
  lang: 'vi',
  color: false,
  precision: 2,
  ...over,
});

export const SCHEME: Band[] = [
  { band: 'Xuất sắc', op: '>=', min: d('90') },
  { band: 'Tốt', op: '>=', min: d('80') },
  { band: 'Khá', op: '>=', min: d('70') },
  { band: 'Trung bình', op: '>=', min: d('50') },
  { band: 'Yếu', op: null, min: null },
];

const bandOf = (index: Dec): string =>
  SCHEME.find((b) => b.min === null || (b.op === '>' ? index > b.min : index >= b.min))?.band ?? 'Yếu';

interface UnitSpec {
  unit: string;
  group: string;
  appraisal: string;
  survey: string | null;
  rank: number;
  of: number;
  bonus?: string;
  penalty?: string;
  unitCode?: string | null;
  previous?: { rank: number; index: string } | null;
}

function unit(s: UnitSpec): UnitResult {
  const appraisal = d(s.appraisal);
  const survey = s.survey === null ? null : d(s.survey);
  const bonus = d(s.bonus ?? '0');
  const penalty = d(s.penalty ?? '0');
  const total = appraisal + (survey ?? 0n) + bonus - penalty;
  // Without a survey the index is on the appraisal maximum alone (70), rescaled to 100.
  const max = survey === null ? d('70') : HUNDRED;
  const exactIndex = (total * HUNDRED) / max;
  const index = exactIndex - (exactIndex % 10n ** 10n); // two decimals, enough for these fixtures
  const domains: DomainResult[] = [
    { code: '1', name: 'Công tác chỉ đạo', points: d('8.5'), max: d('10'), index: d('85') },
    { code: '2', name: 'Thủ tục hành chính', points: appraisal - d('8.5'), max: d('60'), index: null },
  ];
  const previous = s.previous ? { rank: s.previous.rank, index: d(s.previous.index) } : null;
  return {
    unit: s.unit,
    unitCode: s.unitCode ?? null,
    group: s.group,
    groupKey: s.group.toLowerCase(),
    appraisal,
    self: appraisal + d('1.25'),
    survey,
    bonus,
    penalty,
    total,
    max,
    index,
    exactIndex: { total, max },
    rank: s.rank,
    of: s.of,
    band: bandOf(index),
    domains,
    leaves: [],
    previous,
    rankChange: previous ? previous.rank - s.rank : null,
    indexChange: previous ? index - previous.index : null,
  };
}

/** Thirteen districts: the Quảng Ngãi one scores 61.12 + 20.75 = 81.87 and ranks 8/13; two tie at 2/13. */
const DISTRICTS: [string, string, string][] = [
  ['Huyện Sơn Tịnh', '68', '27'],
  ['Huyện Bình Sơn', '65.5', '25'],
  ['Huyện Tư Nghĩa', '66', '24.5'],
  ['Huyện Nghĩa Hành', '64', '24'],
  ['Huyện Đức Phổ', '63.25', '23'],
  ['Huyện Ba Tơ', '63', '22'],
  ['Huyện Minh Long', '62.4', '21'],
  ['Huyện Mộ Đức', '61.12', '20.75'],
  ['Huyện Sơn Hà', '59', '20'],
  ['Huyện Trà Bồng', '56', '19.5'],
  ['Huyện Sơn Tây', '53', '19'],
  ['Huyện Lý Sơn', '47', '18'],
  ['Huyện Tây Trà', '30.3', '18'],
];
const DISTRICT_RANKS = [1, 2, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];

function group(
  name: string,
  units: UnitResult[],
  top: string,
  stats: Record<'mean' | 'median' | 'min' | 'max', string>,
): GroupResult {
  const bands: BandCount[] = SCHEME.map((b) => ({
    ...b,
    count: units.filter((u) => u.band === b.band).length,
  }));
  return {
    group: name,
    groupKey: name.toLowerCase(),
    units: units.length,
    mean: d(stats.mean),
    median: d(stats.median),
    min: d(stats.min),
    max: d(stats.max),
    top,
    bands,
  };
}

export function sampleResults(): Results {
  const districts = DISTRICTS.map(([name, appraisal, survey], i) =>
    unit({
      unit: name,
      group: 'Huyện',
      appraisal,
      survey,
      rank: DISTRICT_RANKS[i] ?? 0,
      of: 13,
      unitCode: `H${String(i + 1).padStart(2, '0')}`,
      previous: name === 'Huyện Mộ Đức' ? { rank: 6, index: '83.37' } : null,
    }),
  );
  const communes = [
    unit({
      unit: 'Xã Tân | Bình',
      group: 'Xã, phường',
      appraisal: '65',
      survey: '28',
      rank: 1,
      of: 3,
      bonus: '2',
    }),
    unit({
      unit: '=HYPERLINK("http://x","y")',
      group: 'Xã, phường',
      appraisal: '60',
      survey: '25',
      rank: 2,
      of: 3,
      penalty: '1.5',
      unitCode: '-07',
      previous: { rank: 1, index: '85' },
    }),
    unit({ unit: 'Phường "Mới", Bắc', group: 'Xã, phường', appraisal: '49', survey: null, rank: 3, of: 3 }),
  ];
  return {
    previousOnly: [],
    settings: {
      stage: 'appraised',
      na: 'exclude',
      precision: 2,
      lang: 'vi',
      strict: false,
      bands: { default: SCHEME, byGroup: new Map() },
    },
    inputs: [
      { role: 'criteria', file: 'criteria.xlsx', sha256: 'a'.repeat(64) },
      { role: 'scores', file: 'scores.xlsx', sha256: 'b'.repeat(64) },
    ],
    framework: {
      appraisalMax: d('70'),
      surveyMax: d('30'),
      bonusMax: d('3'),
      penaltyMax: d('5'),
      leaves: 42,
    },
    units: [...districts, ...communes],
    groups: [
      group('Huyện', districts, 'Huyện Sơn Tịnh', {
        mean: '79.871538461538',
        median: '81.87',
        min: '48.3',
        max: '95',
      }),
      group('Xã, phường', communes, 'Xã Tân | Bình', {
        mean: '84.428571428571',
        median: '83.5',
        min: '70',
        max: '95',
      }),
    ],
    rows: { read: 1234, scored: 1230, rejected: 4 },
    diagnostics: [
      {
        code: 'W_NOT_APPRAISED',
        severity: 'warning',
        location: { file: 'scores.xlsx', sheet: 'Xã', row: 7, column: 'D', cell: 'D7' },
        args: { unit: 'Xã Tân | Bình', code: '2.1.1' },
      },
      { code: 'I_SURVEY_RESCALED', severity: 'info', location: {}, args: { group: 'Xã, phường' } },
    ],
  };
}
