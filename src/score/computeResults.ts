import { type Dec, round, ZERO } from '../model/decimal.js';
import { type Diagnostic, diag, rowId } from '../model/diagnostic.js';
import { appliesTo, COMPONENTS, type Framework } from '../model/framework.js';
import type { DomainResult, GroupResult, InputRef, Results, UnitResult } from '../model/results.js';
import type { ScoreStore } from '../model/scoreStore.js';
import type { RowCounts, UnitInput } from '../model/scores.js';
import type { Settings } from '../model/settings.js';
import { bandOf, schemeFor } from './bands.js';
import { summarizeFramework } from './frameworkSummary.js';
import { compareUnitNames, competitionRanks } from './rank.js';
import { scoreUnit, type UnitScore } from './scoreUnit.js';
import { stats } from './stats.js';
import { indexQuotient, publishedIndex } from './unitIndex.js';

export interface ScoreInput {
  framework: Framework;
  /** Scored in order, one at a time (runPipeline frees each unit's entries once it is scored). */
  units: Iterable<UnitInput>;
  /** The units' values, as the readers stored them. */
  store: ScoreStore;
  settings: Settings;
  inputs: InputRef[];
  /** Diagnostics from reading and parsing, carried into the results. */
  diagnostics: Diagnostic[];
  /**
   * Rows read and the ids of those rejected while reading. `count`, when given, turns the final set of
   * rejected ids (reading's and scoring's) into the counts — the readers' ledger, sheet by sheet.
   */
  rows: { read: number; rejected: Set<string>; count?: (rejected: ReadonlySet<string>) => RowCounts };
  /**
   * Keep every unit's leaf-by-leaf results (UnitResult.leaves) for the reports that show them (xlsx,
   * html, explain). Without them a national run holds one small object per unit instead of 332,100.
   */
  keepLeaves?: boolean;
}

function domainsOf(framework: Framework, score: UnitScore, precision: number): DomainResult[] {
  return framework.roots
    .map((r, k) => ({ r, k }))
    .filter(({ r }) => appliesTo(r, score.unit.groupKey))
    .map(({ r, k }) => {
      const { points, max } = score.domain(k);
      return {
        code: r.code,
        name: r.name,
        component: r.component,
        points: round(points, precision),
        max: round(max, precision),
        index: max === ZERO ? null : publishedIndex(points, max, precision),
      };
    });
}

/** Items by key, keys in order of first appearance. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const members = groups.get(k);
    if (members) members.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * The whole computation of docs/computation.md: every unit scored, the survey rule applied per group,
 * published values, competition ranks within groups, bands and group statistics. Pure: data in, data out.
 */
export function computeResults(input: ScoreInput): Results {
  const { framework, settings } = input;
  const p = settings.precision;
  const diagnostics = [...input.diagnostics];
  const rejected = new Set(input.rows.rejected);
  const scores: UnitScore[] = [];
  for (const unit of input.units) {
    const out = scoreUnit(framework, input.store, unit, settings, input.keepLeaves ?? true);
    diagnostics.push(...out.diagnostics);
    for (const loc of out.rejected) rejected.add(rowId(loc));
    scores.push(out.score);
  }

  // Survey held by no unit of a group → that group is indexed on the appraisal maximum alone;
  // held by some → the others are missing a value.
  // Grouped once: a filter per group would be units × groups.
  const scoresByGroup = groupBy(scores, (s) => s.unit.groupKey);
  const groupOrder = [...scoresByGroup.keys()];
  const held = new Map<string, boolean>();
  for (const [g, members] of scoresByGroup) {
    const any = members.some((s) => s.surveyHeld);
    held.set(g, any);
    const applies = members.some((s) => s.surveyMissing.length > 0 || s.surveyHeld);
    if (!any && applies) {
      const group = members[0]!.unit.group;
      diagnostics.push(diag('I_SURVEY_NOT_HELD', 'info', {}, group === '' ? {} : { group }));
    }
    if (!any) continue;
    for (const s of members) {
      for (const leaf of s.surveyMissing) {
        // At the blank survey cell when a file left one (a survey row, a long row), else at the unit.
        const at = s.unit.blank?.get(leaf.code) ?? s.unit.location;
        diagnostics.push(diag('E_SURVEY_MISSING', 'error', at, { unit: s.unit.name, code: leaf.code }));
      }
    }
  }

  const units: UnitResult[] = scores.map((s) => {
    const surveyHeld = held.get(s.unit.groupKey) === true;
    const [appraisal, survey, bonus, penalty] = COMPONENTS.map((c) => s.points(c)) as [Dec, Dec, Dec, Dec];
    const total = appraisal + survey + bonus - penalty;
    const max = s.max('appraisal') + (surveyHeld ? s.max('survey') : ZERO);
    const self = s.self;
    if (max === ZERO)
      diagnostics.push(diag('E_UNIT_NO_MAX', 'error', s.unit.location, { unit: s.unit.name }));
    return {
      unit: s.unit.name,
      unitCode: s.unit.unitCode,
      group: s.unit.group,
      groupKey: s.unit.groupKey,
      appraisal: round(appraisal, p),
      self: self === null ? null : round(self, p),
      survey: s.surveyHeld ? round(survey, p) : null,
      bonus: round(bonus, p),
      penalty: round(penalty, p),
      total: round(total, p),
      max: round(max, p),
      index: publishedIndex(total, max, p),
      exactIndex: indexQuotient(total, max),
      rank: 0,
      of: 0,
      band: '',
      domains: domainsOf(framework, s, p),
      leaves: s.leaves,
      previous: null,
      rankChange: null,
      indexChange: null,
    };
  });

  const ordered: UnitResult[] = [];
  const groups: GroupResult[] = [];
  const unitsByGroup = groupBy(units, (u) => u.groupKey);
  for (const g of groupOrder) {
    const members = unitsByGroup.get(g)!;
    const ranks = competitionRanks(members.map((u) => u.index));
    const scheme = schemeFor(settings.bands, g);
    members.forEach((u, i) => {
      u.rank = ranks[i]!;
      u.of = members.length;
      u.band = bandOf(scheme, u.index);
    });
    members.sort((a, b) => a.rank - b.rank || compareUnitNames(a.unit, b.unit));
    ordered.push(...members);
    const st = stats(
      members.map((u) => u.exactIndex),
      p,
    );
    groups.push({
      group: members[0]!.group,
      groupKey: g,
      units: members.length,
      ...st,
      top: members[0]!.unit,
      bands: scheme.map((b) => ({ ...b, count: members.filter((u) => u.band === b.band).length })),
    });
  }

  const rows: RowCounts = input.rows.count?.(rejected) ?? {
    read: input.rows.read,
    scored: input.rows.read - rejected.size,
    rejected: rejected.size,
  };
  return {
    settings,
    inputs: input.inputs,
    framework: summarizeFramework(framework),
    units: ordered,
    groups,
    rows,
    diagnostics,
    previousOnly: [],
  };
}
