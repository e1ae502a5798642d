import { type Dec, div, HUNDRED, mul, round } from '../../src/model/decimal.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { Component } from '../../src/model/framework.js';
import type { DomainResult, GroupResult, LeafResult, Results, UnitResult } from '../../src/model/results.js';
import type { Band } from '../../src/model/settings.js';
import { ctx, d, SCHEME } from './sampleResults.js';

export { ctx };

/**
 * A hand-built Results for the xlsx and html reports: three groups with different band schemes, a tie,
 * a group without survey (index rescaled on the appraisal maximum), N/A leaves, self ≠ appraised changes
 * with reasons and evidence, previous results, diagnostics, and unit names made to attack a spreadsheet
 * (= + - @) or a page (<script>). Values are computed here the way docs/computation.md says, so they are
 * consistent.
 */

/** Nam Định style scheme for public service units. */
export const SCHEME_II: Band[] = [
  { band: 'Loại I', op: '>=', min: d('90') },
  { band: 'Loại II', op: '>=', min: d('80') },
  { band: 'Loại III', op: null, min: null },
];

interface LeafDef {
  code: string;
  domain: string;
  component: Component;
  max: Dec;
}

const DOMAINS = [
  { code: '1', name: 'Công tác chỉ đạo, điều hành' },
  { code: '2', name: 'Cải cách thủ tục hành chính' },
  { code: '3', name: 'Chuyển đổi số' },
  { code: 'S', name: 'Điều tra xã hội học' },
];

const LEAVES: LeafDef[] = [
  ['1.1', '1', 4],
  ['1.2', '1', 3],
  ['1.3', '1', 3],
  ['2.1', '2', 10],
  ['2.2', '2', 12],
  ['2.3', '2', 8],
  ['3.1', '3', 15],
  ['3.2', '3', 15],
].map(([code, domain, max]) => ({
  code: String(code),
  domain: String(domain),
  component: 'appraisal',
  max: d(String(max)),
}));
const SURVEY: LeafDef[] = [
  { code: 'S.1', domain: 'S', component: 'survey', max: d('15') },
  { code: 'S.2', domain: 'S', component: 'survey', max: d('15') },
];

export interface UnitSpec {
  unit: string;
  code?: string;
  /** Appraised points per appraisal leaf, in LEAVES order; 'na' for a leaf that did not arise. */
  points: (string | 'na')[];
  survey?: [string, string] | null;
  bonus?: string;
  penalty?: string;
  /** Leaf code → [self-assessed, reason, evidence] where the council changed the unit's value. */
  changes?: Record<string, [string, string, string]>;
  previous?: { rank: number; index: string };
}

function leafResults(s: UnitSpec, leaves: LeafDef[], survey: LeafDef[]): LeafResult[] {
  const out: LeafResult[] = leaves.map((def, i) => {
    const p = s.points[i] ?? '0';
    const na = p === 'na';
    const points = na ? null : d(p);
    const change = s.changes?.[def.code];
    return {
      code: def.code,
      component: def.component,
      rule: 'points',
      raw: p,
      points,
      max: na ? 0n : def.max,
      na,
      self: change ? d(change[0]) : points,
      appraised: points,
      reason: change?.[1] ?? '',
      evidence: change?.[2] ?? '',
    };
  });
  if (s.survey) {
    survey.forEach((def, i) => {
      const v = d(s.survey?.[i] ?? '0');
      out.push({
        code: def.code,
        component: 'survey',
        rule: 'points',
        raw: '',
        points: v,
        max: def.max,
        na: false,
        self: null,
        appraised: v,
        reason: '',
        evidence: '',
      });
    });
  }
  return out;
}

const sumOf = (xs: Iterable<Dec>): Dec => {
  let s = 0n;
  for (const x of xs) s += x;
  return s;
};
const indexOf = (points: Dec, max: Dec): Dec | null =>
  max === 0n ? null : round(div(mul(points, HUNDRED), max), 2);

function bandOf(scheme: Band[], index: Dec): string {
  return scheme.find((b) => b.min === null || (b.op === '>' ? index > b.min : index >= b.min))?.band ?? '';
}

/** Scores, ranks (competition ranking on the published index) and bands one group; returns units and stats. */
export function buildGroup(
  group: string,
  scheme: Band[],
  specs: UnitSpec[],
  leaves: LeafDef[] = LEAVES,
  domains = DOMAINS,
): { units: UnitResult[]; stats: GroupResult } {
  const domainOf = new Map(leaves.concat(SURVEY).map((l) => [l.code, l.domain]));
  const units = specs.map((s): UnitResult => {
    const results = leafResults(s, leaves, SURVEY);
    const of = (c: Component) => results.filter((l) => l.component === c);
    const appraisal = sumOf(of('appraisal').map((l) => l.points ?? 0n));
    const appraisalMax = sumOf(of('appraisal').map((l) => l.max));
    const survey = s.survey ? sumOf(of('survey').map((l) => l.points ?? 0n)) : null;
    const bonus = d(s.bonus ?? '0');
    const penalty = d(s.penalty ?? '0');
    const total = appraisal + (survey ?? 0n) + bonus - penalty;
    const max = appraisalMax + (survey === null ? 0n : d('30'));
    const exactIndex = div(mul(total, HUNDRED), max);
    const index = round(exactIndex, 2);
    const domainResults: DomainResult[] = domains
      .map((dom) => {
        const ls = results.filter((l) => domainOf.get(l.code) === dom.code);
        const points = sumOf(ls.map((l) => l.points ?? 0n));
        const dmax = sumOf(ls.map((l) => l.max));
        return { code: dom.code, name: dom.name, points, max: dmax, index: indexOf(points, dmax) };
      })
      .filter((dom) => dom.max > 0n);
    const selfTotal = sumOf(of('appraisal').map((l) => l.self ?? 0n));
    const previous = s.previous ? { rank: s.previous.rank, index: d(s.previous.index) } : null;
    return {
      unit: s.unit,
      unitCode: s.code ?? null,
      group,
      groupKey: group.normalize('NFC').toLowerCase(),
      appraisal,
      self: selfTotal,
      survey,
      bonus,
      penalty,
      total,
      max,
      index,
      exactIndex: { total, max },
      rank: 0,
      of: specs.length,
      band: bandOf(scheme, index),
      domains: domainResults,
      leaves: results,
      previous,
      rankChange: null,
      indexChange: previous ? index - previous.index : null,
    };
  });
  // Competition ranking (1, 2, 2, 4) on the published index; ties ordered by Vietnamese collation.
  const collator = new Intl.Collator('vi');
  units.sort((a, b) => (a.index === b.index ? collator.compare(a.unit, b.unit) : a.index > b.index ? -1 : 1));
  units.forEach((u, i) => {
    const prev = units[i - 1];
    u.rank = prev && prev.index === u.index ? prev.rank : i + 1;
    u.rankChange = u.previous ? u.previous.rank - u.rank : null;
  });
  const exact = units
    .map((u) => div(mul(u.exactIndex.total, HUNDRED), u.exactIndex.max))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const n = BigInt(exact.length);
  const mid = exact.length >> 1;
  const median = exact.length % 2 ? exact[mid]! : (exact[mid - 1]! + exact[mid]!) / 2n;
  const stats: GroupResult = {
    group,
    groupKey: group.normalize('NFC').toLowerCase(),
    units: units.length,
    mean: round(sumOf(exact) / n, 2),
    median: round(median, 2),
    min: round(exact[0]!, 2),
    max: round(exact[exact.length - 1]!, 2),
    top: units[0]?.unit ?? '',
    bands: scheme.map((b) => ({ ...b, count: units.filter((u) => u.band === b.band).length })),
  };
  return { units, stats };
}

export const XSS = '<script>alert(1)</script>';

const DEPARTMENTS: UnitSpec[] = [
  {
    unit: 'Sở Nội vụ',
    code: 'S01',
    points: ['4', '3', '3', '10', '11.5', '8', '14', '13.5'],
    survey: ['14', '13.75'],
    bonus: '1',
    previous: { rank: 2, index: '91.2' },
  },
  {
    unit: 'Sở Tư pháp',
    code: 'S02',
    points: ['4', '3', '2.5', '9', '11', '7', '13', '12'],
    survey: ['13', '12.5'],
    previous: { rank: 1, index: '92.5' },
    changes: { '2.2': ['12', 'Hồ sơ trễ hạn 3/57', 'Báo cáo số 45/BC-STP'] },
  },
  {
    unit: 'Sở Tài chính',
    code: 'S03',
    points: ['4', '3', '2.5', '9', '11', '7', '13', '12'],
    survey: ['13', '12.5'],
  },
  {
    unit: 'Sở Y tế',
    code: 'S04',
    points: ['3.5', '2', '2', '8', '9', '6', '11', '10'],
    survey: ['12', '11.5'],
    penalty: '1',
    changes: {
      '1.1': ['4', 'Chưa ban hành kế hoạch đúng hạn', 'QĐ 123/QĐ-UBND ngày 05/3/2024'],
      '3.1': ['15', 'Tỷ lệ hồ sơ trực tuyến 73,68%', '=HYPERLINK("http://x","bằng chứng")'],
    },
  },
  {
    unit: 'Sở Giáo dục và Đào tạo',
    code: 'S05',
    points: ['3', '2', 'na', '7', '8', '5', '9', '8'],
    survey: ['11', '10'],
  },
];

const PUBLIC_UNITS: UnitSpec[] = [
  {
    unit: 'Trung tâm Phục vụ hành chính công',
    code: 'D01',
    points: ['4', '3', '3', '10', '11', '8', '14', '13'],
    survey: null,
  },
  {
    unit: 'Ban Quản lý dự án',
    code: 'D02',
    points: ['3', '2.5', '2', '8', '9', '6', '12', '11'],
    survey: null,
    changes: { '2.1': ['10', 'Thiếu hồ sơ kiểm chứng', '+84 912 345 678'] },
  },
  {
    unit: 'Đài Phát thanh và Truyền hình',
    code: 'D03',
    points: ['3', '2', '2', '6', '7', '5', '9', '9'],
    survey: null,
  },
];

const COMMUNES: UnitSpec[] = [
  {
    unit: 'Xã Chúc Sơn',
    code: 'X01',
    points: ['4', '3', '3', '9.5', '11', '7.5', '13', '12'],
    survey: ['12.5', '12.25'],
    previous: { rank: 3, index: '84' },
  },
  {
    unit: '=HYPERLINK("http://evil.example","bấm vào")',
    code: '=X02',
    points: ['3', '3', '2', '8', '10', '7', '12', '11'],
    survey: ['12', '11'],
  },
  {
    unit: '+Xã Cộng Hòa',
    code: 'X03',
    points: ['3', '2.5', '2', '8', '10', '7', '11', '10'],
    survey: ['11', '11'],
    changes: { '1.2': ['3', '@SUM(A1:A9)', '-Không có'] },
  },
  {
    unit: '-Phường Trừ',
    code: 'X04',
    points: ['3', '2', '2', '7', '9', '6', '10', '10'],
    survey: ['11', '10.5'],
    previous: { rank: 1, index: '88.1' },
  },
  { unit: '@Xã Tại', code: 'X05', points: ['2', '2', '2', '6', '8', '5', '9', '8'], survey: ['10', '10'] },
  { unit: XSS, code: 'X06', points: ['2', '1.5', 'na', '5', '6', '4', '7', '6'], survey: ['9', '8.5'] },
  {
    unit: 'Ủy ban nhân dân phường Nguyễn Trãi, thành phố Hà Đông',
    code: 'X07',
    points: ['1', '1', '1', '3', '4', '3', '5', '4'],
    survey: ['8', '7'],
    penalty: '2',
  },
];

const DIAGNOSTICS: Diagnostic[] = [
  {
    code: 'W_NOT_APPRAISED',
    severity: 'warning',
    location: { file: 'scores.xlsx', sheet: 'Xã', row: 7, column: 'D', cell: 'D7' },
    args: { unit: 'Xã Chúc Sơn', code: '2.1' },
  },
  { code: 'I_SURVEY_RESCALED', severity: 'info', location: {}, args: { group: 'Đơn vị sự nghiệp' } },
  {
    code: 'W_UNKNOWN_COLUMN',
    severity: 'warning',
    location: { file: 'scores.xlsx', sheet: 'Sở', row: 1, column: 'K' },
    args: { header: '=cmd|"/c calc"!A1' },
  },
];

export function reportSample(): Results {
  const groups = [
    buildGroup('Sở, ban, ngành', SCHEME, DEPARTMENTS),
    buildGroup('Đơn vị sự nghiệp', SCHEME_II, PUBLIC_UNITS),
    buildGroup('Xã, phường', SCHEME, COMMUNES),
  ];
  return {
    previousOnly: [],
    settings: {
      stage: 'appraised',
      na: 'exclude',
      precision: 2,
      lang: 'vi',
      strict: false,
      bands: { default: SCHEME, byGroup: new Map([['đơn vị sự nghiệp', SCHEME_II]]) },
    },
    inputs: [
      { role: 'criteria', file: 'criteria.xlsx', sha256: 'a1'.repeat(32) },
      { role: 'scores', file: 'diem <2024>.xlsx', sha256: 'b2'.repeat(32) },
      { role: 'survey', file: 'survey.csv', sha256: 'c3'.repeat(32) },
    ],
    framework: {
      appraisalMax: d('70'),
      surveyMax: d('30'),
      bonusMax: d('2'),
      penaltyMax: d('3'),
      leaves: 10,
    },
    units: groups.flatMap((g) => g.units),
    groups: groups.map((g) => g.stats),
    rows: { read: 160, scored: 160, rejected: 0 },
    diagnostics: DIAGNOSTICS,
  };
}

/** A province-sized Results for timing: `units` units in three groups, `leaves` appraisal leaves each. */
export function largeSample(unitCount = 300, leafCount = 100): Results {
  const domains = Array.from({ length: 10 }, (_, i) => ({ code: String(i + 1), name: `Lĩnh vực ${i + 1}` }));
  const leaves: LeafDef[] = Array.from({ length: leafCount }, (_, i) => ({
    code: `${(i % 10) + 1}.${Math.floor(i / 10) + 1}`,
    domain: String((i % 10) + 1),
    component: 'appraisal',
    max: d('0.7'),
  }));
  leaves.sort((a, b) => Number(a.domain) - Number(b.domain));
  const sizes = [Math.round(unitCount * 0.1), Math.round(unitCount * 0.2)];
  sizes.push(unitCount - sizes[0]! - sizes[1]!);
  const names = ['Sở, ban, ngành', 'Đơn vị sự nghiệp', 'Xã, phường'];
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const groups = sizes.map((size, g) =>
    buildGroup(
      names[g]!,
      SCHEME,
      Array.from({ length: size }, (_, u) => ({
        unit: `Đơn vị số ${g + 1}.${u + 1} Nguyễn Trãi`,
        code: `U${g}${u}`,
        points: leaves.map(() => (next() < 0.03 ? 'na' : (Math.round(next() * 70) / 100).toFixed(2))),
        survey: [
          (10 + Math.round(next() * 500) / 100).toFixed(2),
          (10 + Math.round(next() * 500) / 100).toFixed(2),
        ],
        changes: next() < 0.2 ? { [leaves[3]!.code]: ['0.7', 'Thiếu tài liệu', 'BC 12/BC'] } : undefined,
      })),
      leaves,
      [...domains, { code: 'S', name: 'Điều tra xã hội học' }],
    ),
  );
  const sample = reportSample();
  return { ...sample, units: groups.flatMap((g) => g.units), groups: groups.map((g) => g.stats) };
}
