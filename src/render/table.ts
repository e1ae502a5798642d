import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { groupHeading, labels } from '../i18n/labels.js';
import type { BandCount, GroupResult, Results, UnitResult } from '../model/results.js';
import { escapeControlsDeep } from '../model/terminalText.js';
import type { RenderContext } from './context.js';
import { formatBandRule, formatDec, formatDecOrDash, formatRank } from './numbers.js';
import { footerLines, goneLine, previousCells, statsLine } from './summaryLines.js';

type Paint = (text: string) => string;

/**
 * Band colours by position in the group's scheme, not by name: schemes are data ("Xuất sắc", "Loại I", …).
 * The first bands go green, cyan, yellow, magenta; the last band (the one without a threshold) is red.
 */
function bandPainter(chalk: ChalkInstance, scheme: readonly BandCount[]): (band: string) => string {
  const palette: Paint[] = [chalk.green, chalk.cyan, chalk.yellow, chalk.magenta];
  return (band) => {
    const at = scheme.findIndex((b) => b.band === band);
    if (at < 0) return band;
    if (at === scheme.length - 1 && scheme.length > 1) return chalk.red(band);
    const paint = palette[Math.min(at, palette.length - 1)] ?? ((t: string) => t);
    return paint(band);
  };
}

/** Plain box-drawing table; cli-table3's own header/border colours are off so only our chalk colours. */
function newTable(head: string[], chalk: ChalkInstance, colAligns: ('left' | 'right')[]): Table.Table {
  return new Table({
    head: head.map((h) => chalk.bold(h)),
    colAligns,
    style: { head: [], border: [], compact: true },
  });
}

function rankingTable(
  units: readonly UnitResult[],
  ctx: RenderContext,
  chalk: ChalkInstance,
  paintBand: (band: string) => string,
  show: { bonus: boolean; penalty: boolean; previous: boolean },
): string {
  const L = labels(ctx.lang);
  const p = ctx.precision;
  const head = [L.unit, L.appraisal, L.survey];
  if (show.bonus) head.push(L.bonus);
  if (show.penalty) head.push(L.penalty);
  head.push(L.total, L.index, L.rank, L.band);
  if (show.previous) head.push(L.previousRank, L.rankChange, L.indexChange);
  const bandAt = head.indexOf(L.band);
  const aligns: ('left' | 'right')[] = head.map((_, i) => (i === 0 || i === bandAt ? 'left' : 'right'));
  const table = newTable(head, chalk, aligns);
  for (const u of units) {
    const row = [u.unit, formatDec(u.appraisal, p, ctx.lang), formatDecOrDash(u.survey, p, ctx.lang)];
    if (show.bonus) row.push(formatDec(u.bonus, p, ctx.lang));
    if (show.penalty) row.push(formatDec(u.penalty, p, ctx.lang));
    row.push(formatDec(u.total, p, ctx.lang), formatDec(u.index, p, ctx.lang), formatRank(u.rank, u.of));
    row.push(paintBand(u.band));
    if (show.previous) row.push(...previousCells(u, ctx));
    table.push(row);
  }
  return table.toString();
}

function bandSummary(
  group: GroupResult,
  ctx: RenderContext,
  chalk: ChalkInstance,
  paintBand: (band: string) => string,
): string {
  const L = labels(ctx.lang);
  const table = newTable([L.band, L.threshold, L.units], chalk, ['left', 'right', 'right']);
  for (const b of group.bands) table.push([paintBand(b.band), formatBandRule(b, ctx.lang), String(b.count)]);
  return `${table.toString()}\n${statsLine(group, ctx, L)}`;
}

/**
 * The terminal report: per group a ranking table and a band summary, then row and diagnostic counts. Text
 * from the inputs is shown with its control characters escaped (model/terminalText.ts).
 */
export function renderTable(input: Results, ctx: RenderContext): string {
  const results = escapeControlsDeep(input);
  // A private instance so that output depends on ctx.color only, never on the terminal chalk detects.
  const chalk = new Chalk({ level: ctx.color ? 1 : 0 });
  const L = labels(ctx.lang);
  const show = {
    bonus: results.units.some((u) => u.bonus !== 0n),
    penalty: results.units.some((u) => u.penalty !== 0n),
    previous: results.units.some((u) => u.previous !== null) || results.previousOnly.length > 0,
  };
  const sections: string[] = [];
  for (const group of results.groups) {
    const units = results.units.filter((u) => u.groupKey === group.groupKey);
    const paintBand = bandPainter(chalk, group.bands);
    sections.push(
      [
        chalk.bold(groupHeading(group.group, ctx.lang)),
        rankingTable(units, ctx, chalk, paintBand, show),
        bandSummary(group, ctx, chalk, paintBand),
      ].join('\n'),
    );
  }
  const gone = goneLine(results, ctx, L);
  if (gone) sections.push(gone);
  sections.push(footerLines(results, L).join('\n'));
  return `${sections.join('\n\n')}\n`;
}
