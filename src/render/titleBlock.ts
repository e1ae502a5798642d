import { reportLabels } from '../i18n/reportLabels.js';
import { HUNDRED } from '../model/decimal.js';
import type { Results, UnitResult } from '../model/results.js';
import type { RenderContext } from './context.js';

/** What stands above a report's tables (docs/outputs.md): issuer, title, period, date and the notes a reader needs. */
export interface TitleBlock {
  issuer: string | null;
  /** --title, else the default; " (theo điểm tự đánh giá)" added for --stage self. */
  title: string;
  period: string | null;
  /** The printed date, in words ("Ngày 31 tháng 12 năm 2025"); null when the context has none. */
  date: string | null;
  /** Stage self, no survey: sentences under the title. */
  notes: string[];
  /** True when the run gave any of title, period, issuer or date itself. */
  given: boolean;
}

export function titleBlock(results: Results, ctx: RenderContext): TitleBlock {
  const R = reportLabels(ctx.lang);
  const info = ctx.report;
  const self = results.settings.stage === 'self';
  const notes: string[] = [];
  if (self) notes.push(R.selfNote);
  if (ctx.noSurvey) notes.push(R.noSurveyNote);
  return {
    issuer: info?.issuer ?? null,
    title: `${info?.title ?? R.title}${self ? R.selfTitle : ''}`,
    period: info?.period ?? null,
    date: info ? R.dated(info.printedDate) : null,
    notes,
    given: !!info && (info.title ?? info.period ?? info.issuer ?? info.date) !== null,
  };
}

/** "Năm 2025 · Sở Nội vụ tỉnh Quảng Ngãi · Ngày 31 tháng 12 năm 2025" (the parts that exist). */
export const subtitleLine = (t: TitleBlock): string =>
  [t.period, t.issuer, t.date].filter((x): x is string => x !== null).join(' · ');

/** Every unit ranked first in its group: all of them when they tie (docs/outputs.md, `leaders`). */
export function leadersByGroup(results: Results): Map<string, string[]> {
  const leaders = new Map<string, string[]>();
  for (const u of results.units) {
    if (u.rank !== 1) continue;
    const list = leaders.get(u.groupKey);
    if (list) list.push(u.unit);
    else leaders.set(u.groupKey, [u.unit]);
  }
  return leaders;
}

/** Which optional columns a ranking shows, the same for every group so that groups read alike. */
export interface RankingColumns {
  bonus: boolean;
  penalty: boolean;
  /** Điểm tối đa: when any unit's maximum is not 100, so that every row adds up. */
  max: boolean;
  previous: boolean;
  unitCode: boolean;
}

export function rankingColumns(results: Results): RankingColumns {
  return {
    bonus: results.framework.bonusMax !== 0n || results.units.some((u) => u.bonus !== 0n),
    penalty: results.framework.penaltyMax !== 0n || results.units.some((u) => u.penalty !== 0n),
    max: results.units.some((u: UnitResult) => u.max !== HUNDRED),
    previous: results.units.some((u) => u.previous !== null) || results.previousOnly.length > 0,
    unitCode: results.units.some((u) => u.unitCode !== null && u.unitCode !== ''),
  };
}
