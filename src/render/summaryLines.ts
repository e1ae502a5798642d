import type { Labels } from '../i18n/labels.js';
import type { GroupResult, Results, UnitResult } from '../model/results.js';
import type { RenderContext } from './context.js';
import { DASH, formatChange, formatDec, formatDecChange, formatDecOrDash, formatRank } from './numbers.js';
import { type RankingColumns, subtitleLine, type TitleBlock } from './titleBlock.js';

// The text lines the terminal table and the Markdown report share (kept apart so that Markdown does not
// load chalk and cli-table3).
/** Previous rank, rank change (+ = moved up) and index change; dashes for a unit new this year. */
export function previousCells(u: UnitResult, ctx: RenderContext): string[] {
  return [
    u.previous ? String(u.previous.rank) : DASH,
    formatChange(u.rankChange),
    formatDecChange(u.indexChange, ctx.precision, ctx.lang),
  ];
}

/** "Có trong kỳ trước, không còn trong kỳ này: Huyện X (13; 50,00)" — gone units are listed, not dropped. */
export function goneLine(results: Results, ctx: RenderContext, L: Labels): string | null {
  if (results.previousOnly.length === 0) return null;
  const items = results.previousOnly.map(
    (g) => `${g.unit} (${g.rank}; ${formatDec(g.index, ctx.precision, ctx.lang)})`,
  );
  return `${L.goneUnits}: ${items.join(', ')}`;
}

/** "Số đơn vị: 13 · Bình quân: 85,12 · … · Dẫn đầu: A, B" (index statistics of one group; every leader named). */
export function statsLine(
  group: GroupResult,
  leaders: readonly string[],
  ctx: RenderContext,
  L: Labels,
): string {
  const f = (d: bigint) => formatDec(d, ctx.precision, ctx.lang);
  return [
    `${L.units}: ${group.units}`,
    `${L.mean}: ${f(group.mean)}`,
    `${L.median}: ${f(group.median)}`,
    `${L.min}: ${f(group.min)}`,
    `${L.max}: ${f(group.max)}`,
    `${L.top}: ${leaders.length > 0 ? leaders.join(', ') : DASH}`,
  ].join(' · ');
}

/** Rows read/scored/rejected, then the count of diagnostics by severity (warnings always shown). */
export function footerLines(results: Results, L: Labels): string[] {
  const { read, scored, rejected } = results.rows;
  const count = (s: string) => results.diagnostics.filter((d) => d.severity === s).length;
  const errors = count('error');
  const infos = count('info');
  const parts = [];
  if (errors > 0) parts.push(L.errors(errors));
  parts.push(L.warnings(count('warning')));
  if (infos > 0) parts.push(L.infos(infos));
  return [L.rowsSummary(read, scored, rejected), parts.join(' · ')];
}

/**
 * The ranking's header and one row per unit as text cells, for the terminal and Markdown tables. Every
 * row adds up: appraisal (or self-assessment) + survey + bonus − penalty = total, total ÷ maximum × 100 =
 * index, with bonus, penalty and maximum shown whenever they can differ from nothing and 100.
 */
export function rankingCells(
  results: Results,
  units: readonly UnitResult[],
  cols: RankingColumns,
  ctx: RenderContext,
  L: Labels,
): { head: string[]; right: boolean[]; rows: string[][]; bandAt: number } {
  const f = (d: bigint) => formatDec(d, ctx.precision, ctx.lang);
  const head = [L.unit, results.settings.stage === 'self' ? L.self : L.appraisal, L.survey];
  if (cols.bonus) head.push(L.bonus);
  if (cols.penalty) head.push(L.penalty);
  head.push(L.total);
  if (cols.max) head.push(L.maxPoints);
  head.push(L.index, L.rank, L.band);
  const bandAt = head.length - 1;
  if (cols.previous) head.push(L.previousRank, L.rankChange, L.indexChange);
  const rows = units.map((u) => {
    const row = [u.unit, f(u.appraisal), formatDecOrDash(u.survey, ctx.precision, ctx.lang)];
    if (cols.bonus) row.push(f(u.bonus));
    if (cols.penalty) row.push(f(u.penalty));
    row.push(f(u.total));
    if (cols.max) row.push(f(u.max));
    row.push(f(u.index), formatRank(u.rank, u.of), u.band);
    if (cols.previous) row.push(...previousCells(u, ctx));
    return row;
  });
  return { head, right: head.map((_, i) => i !== 0 && i !== bandAt), rows, bandAt };
}

/** The title block as plain lines: title, then period · issuer · date, then the notes. */
export function titleLines(t: TitleBlock): string[] {
  const sub = subtitleLine(t);
  return [t.title, ...(sub ? [sub] : []), ...t.notes];
}
