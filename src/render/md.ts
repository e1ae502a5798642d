import { groupHeading, labels } from '../i18n/labels.js';
import type { GroupResult, Results, UnitResult } from '../model/results.js';
import { escapeControlsDeep } from '../model/terminalText.js';
import type { RenderContext } from './context.js';
import { DASH, formatBandRule, formatDec, formatDecOrDash, formatRank } from './numbers.js';
import { footerLines, goneLine, previousCells } from './summaryLines.js';

/**
 * Text from the inputs inside a GitHub table cell or heading. `|` would end the cell; the other ASCII
 * punctuation Markdown acts on is backslash-escaped too, so a unit called "*A*" or "<b>" shows as written.
 * Line breaks would end the row and become spaces.
 */
export const escapeMd = (text: string): string =>
  text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\r\n|[\r\n]/g, ' ');

type Align = 'left' | 'right';

function mdTable(head: readonly string[], aligns: readonly Align[], rows: readonly string[][]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const rule = aligns.map((a) => (a === 'right' ? '---:' : '---'));
  return [line(head), line(rule), ...rows.map(line)].join('\n');
}

function rankingTable(units: readonly UnitResult[], ctx: RenderContext, previous: boolean): string {
  const L = labels(ctx.lang);
  const f = (d: bigint) => formatDec(d, ctx.precision, ctx.lang);
  const head = [L.unit, L.appraisal, L.survey, L.total, L.index, L.rank, L.band];
  const aligns: Align[] = ['left', 'right', 'right', 'right', 'right', 'right', 'left'];
  if (previous) {
    head.push(L.previousRank, L.rankChange, L.indexChange);
    aligns.push('right', 'right', 'right');
  }
  return mdTable(
    head,
    aligns,
    units.map((u) => [
      escapeMd(u.unit),
      f(u.appraisal),
      formatDecOrDash(u.survey, ctx.precision, ctx.lang),
      f(u.total),
      f(u.index),
      formatRank(u.rank, u.of),
      escapeMd(u.band),
      ...(previous ? previousCells(u, ctx) : []),
    ]),
  );
}

function bandTables(group: GroupResult, ctx: RenderContext): string {
  const L = labels(ctx.lang);
  const f = (d: bigint) => formatDec(d, ctx.precision, ctx.lang);
  const bands = mdTable(
    [L.band, L.threshold, L.units],
    ['left', 'right', 'right'],
    group.bands.map((b) => [escapeMd(b.band), formatBandRule(b, ctx.lang), String(b.count)]),
  );
  const stats = mdTable(
    [L.units, L.mean, L.median, L.min, L.max, L.top],
    ['right', 'right', 'right', 'right', 'right', 'left'],
    [
      [
        String(group.units),
        f(group.mean),
        f(group.median),
        f(group.min),
        f(group.max),
        group.top ? escapeMd(group.top) : DASH,
      ],
    ],
  );
  return `${bands}\n\n${stats}`;
}

/**
 * Ranking and band summary per group as GitHub tables (CI job summaries, docs/outputs.md). A job summary is
 * read on a screen, so control characters from the inputs are escaped as in the terminal table.
 */
export function renderMd(input: Results, ctx: RenderContext): string {
  const results = escapeControlsDeep(input);
  const L = labels(ctx.lang);
  const previous = results.units.some((u) => u.previous !== null) || results.previousOnly.length > 0;
  const sections = results.groups.map((group) => {
    const units = results.units.filter((u) => u.groupKey === group.groupKey);
    return [
      `## ${escapeMd(groupHeading(group.group, ctx.lang))}`,
      rankingTable(units, ctx, previous),
      `### ${L.bandSummary}`,
      bandTables(group, ctx),
    ].join('\n\n');
  });
  const gone = goneLine(results, ctx, L);
  if (gone) sections.push(escapeMd(gone));
  sections.push(footerLines(results, L).join('  \n'));
  return `${sections.join('\n\n')}\n`;
}
