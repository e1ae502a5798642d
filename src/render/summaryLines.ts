import type { Labels } from '../i18n/labels.js';
import type { GroupResult, Results, UnitResult } from '../model/results.js';
import type { RenderContext } from './context.js';
import { DASH, formatChange, formatDec, formatDecChange } from './numbers.js';

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

/** "Số đơn vị: 13 · Trung bình: 85,12 · … · Dẫn đầu: Sở Nội vụ" (index statistics of one group). */
export function statsLine(group: GroupResult, ctx: RenderContext, L: Labels): string {
  const f = (d: bigint) => formatDec(d, ctx.precision, ctx.lang);
  return [
    `${L.units}: ${group.units}`,
    `${L.mean}: ${f(group.mean)}`,
    `${L.median}: ${f(group.median)}`,
    `${L.min}: ${f(group.min)}`,
    `${L.max}: ${f(group.max)}`,
    `${L.top}: ${group.top || DASH}`,
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
