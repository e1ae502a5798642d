import { groupHeading, labels } from '../i18n/labels.js';
import type { BandCount, GroupResult, Results, UnitResult } from '../model/results.js';
import { escapeControlsDeep } from '../model/terminalText.js';
import { type Align, boxTable } from './boxTable.js';
import type { RenderContext } from './context.js';
import { formatBandRule } from './numbers.js';
import { type Paint, paint } from './paint.js';
import { footerLines, goneLine, rankingCells, statsLine, titleLines } from './summaryLines.js';
import { leadersByGroup, type RankingColumns, rankingColumns, titleBlock } from './titleBlock.js';

/**
 * Band colours by position in the group's scheme, not by name: schemes are data ("Xuất sắc", "Loại I", …).
 * The first bands go green, cyan, yellow, magenta; the last band (the one without a threshold) is red.
 */
function bandPainter(ink: Paint, scheme: readonly BandCount[]): (band: string) => string {
  const palette = [ink.green, ink.cyan, ink.yellow, ink.magenta];
  return (band) => {
    const at = scheme.findIndex((b) => b.band === band);
    if (at < 0) return band;
    if (at === scheme.length - 1 && scheme.length > 1) return ink.red(band);
    const colour = palette[Math.min(at, palette.length - 1)] ?? ((t: string) => t);
    return colour(band);
  };
}

/** A box-drawing table with a bold header; only our colours, none of the table's own. */
function newTable(head: string[], ink: Paint, rows: string[][], align: Align[]): string {
  return boxTable(
    head.map((h) => ink.bold(h)),
    rows,
    align,
  );
}

function rankingTable(
  results: Results,
  units: readonly UnitResult[],
  ctx: RenderContext,
  ink: Paint,
  paintBand: (band: string) => string,
  cols: RankingColumns,
): string {
  const { head, right, rows, bandAt } = rankingCells(results, units, cols, ctx, labels(ctx.lang));
  for (const row of rows) row[bandAt] = paintBand(row[bandAt] ?? '');
  return newTable(
    head,
    ink,
    rows,
    right.map((r) => (r ? 'right' : 'left')),
  );
}

function bandSummary(
  group: GroupResult,
  leaders: readonly string[],
  ctx: RenderContext,
  ink: Paint,
  paintBand: (band: string) => string,
): string {
  const L = labels(ctx.lang);
  const rows = group.bands.map((b) => [paintBand(b.band), formatBandRule(b, ctx.lang), String(b.count)]);
  const table = newTable([L.band, L.threshold, L.units], ink, rows, ['left', 'right', 'right']);
  return `${table}\n${statsLine(group, leaders, ctx, L)}`;
}

/**
 * The terminal report: per group a ranking table and a band summary, then row and diagnostic counts. Text
 * from the inputs is shown with its control characters escaped (model/terminalText.ts).
 */
export function renderTable(input: Results, given: RenderContext): string {
  const results = escapeControlsDeep(input);
  // The title block may come from the settings file, an input too.
  const ctx = { ...given, report: escapeControlsDeep(given.report) };
  const ink = paint(ctx.color);
  const L = labels(ctx.lang);
  const cols = rankingColumns(results);
  const leaders = leadersByGroup(results);
  const sections: string[] = [];
  const title = titleBlock(results, ctx);
  // The terminal shows the title block only when the run asked for one, or when the figures need a note.
  if (title.given || title.notes.length > 0) {
    const [first = '', ...rest] = titleLines(title);
    sections.push([ink.bold(first), ...rest].join('\n'));
  }
  for (const group of results.groups) {
    const units = results.units.filter((u) => u.groupKey === group.groupKey);
    const paintBand = bandPainter(ink, group.bands);
    sections.push(
      [
        ink.bold(groupHeading(group.group, ctx.lang)),
        rankingTable(results, units, ctx, ink, paintBand, cols),
        bandSummary(group, leaders.get(group.groupKey) ?? [], ctx, ink, paintBand),
      ].join('\n'),
    );
  }
  const gone = goneLine(results, ctx, L);
  if (gone) sections.push(gone);
  sections.push(footerLines(results, L).join('\n'));
  return `${sections.join('\n\n')}\n`;
}
