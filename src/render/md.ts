import { groupHeading, labels } from '../i18n/labels.js';
import type { GroupResult, Results, UnitResult } from '../model/results.js';
import { escapeControlsDeep } from '../model/terminalText.js';
import type { RenderContext } from './context.js';
import { DASH, formatBandRule, formatDec } from './numbers.js';
import { footerLines, goneLine, rankingCells } from './summaryLines.js';
import {
  leadersByGroup,
  type RankingColumns,
  rankingColumns,
  subtitleLine,
  titleBlock,
} from './titleBlock.js';

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

function rankingTable(
  results: Results,
  units: readonly UnitResult[],
  cols: RankingColumns,
  ctx: RenderContext,
): string {
  const { head, right, rows } = rankingCells(results, units, cols, ctx, labels(ctx.lang));
  return mdTable(
    head,
    right.map((r) => (r ? 'right' : 'left')),
    rows.map((row) => row.map(escapeMd)),
  );
}

function bandTables(group: GroupResult, leaders: readonly string[], ctx: RenderContext): string {
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
        leaders.length > 0 ? escapeMd(leaders.join(', ')) : DASH,
      ],
    ],
  );
  return `${bands}\n\n${stats}`;
}

/**
 * Ranking and band summary per group as GitHub tables (CI job summaries, docs/outputs.md). A job summary is
 * read on a screen, so control characters from the inputs are escaped as in the terminal table.
 */
export function renderMd(input: Results, given: RenderContext): string {
  const results = escapeControlsDeep(input);
  const ctx = { ...given, report: escapeControlsDeep(given.report) };
  const L = labels(ctx.lang);
  const cols = rankingColumns(results);
  const leaders = leadersByGroup(results);
  const title = titleBlock(results, ctx);
  const sub = subtitleLine(title);
  const head = [`# ${escapeMd(title.title)}`];
  if (sub) head.push(escapeMd(sub));
  for (const note of title.notes) head.push(`_${escapeMd(note)}_`);
  const sections = [head.join('\n\n')];
  for (const group of results.groups) {
    const units = results.units.filter((u) => u.groupKey === group.groupKey);
    sections.push(
      [
        `## ${escapeMd(groupHeading(group.group, ctx.lang))}`,
        rankingTable(results, units, cols, ctx),
        `### ${L.bandSummary}`,
        bandTables(group, leaders.get(group.groupKey) ?? [], ctx),
      ].join('\n\n'),
    );
  }
  const gone = goneLine(results, ctx, L);
  if (gone) sections.push(escapeMd(gone));
  sections.push(footerLines(results, L).join('  \n'));
  return `${sections.join('\n\n')}\n`;
}
