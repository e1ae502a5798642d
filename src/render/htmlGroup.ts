import { groupHeading, labels } from '../i18n/labels.js';
import { reportLabels } from '../i18n/reportLabels.js';
import { toNumber } from '../model/decimal.js';
import type { GroupResult, Results, UnitResult } from '../model/results.js';
import { bandColumnChart, indexBarCharts } from './charts.js';
import { bandTones, heatColor } from './chartsPalette.js';
import type { RenderContext } from './context.js';
import { escapeHtml as esc } from './htmlEscape.js';
import { DASH, formatBandRule, formatDec, formatDecOrDash, formatRank } from './numbers.js';
import { percentShares } from './shares.js';
import type { RankingColumns } from './titleBlock.js';

/**
 * One group's section: headline statistics and the band distribution, the ranking table, the index bar
 * chart coloured by band and the heat map of domain indices. `id` anchors the navigation links.
 */
export function groupSection(
  group: GroupResult,
  units: readonly UnitResult[],
  leaders: readonly string[],
  id: string,
  show: RankingColumns,
  results: Results,
  ctx: RenderContext,
): string {
  const L = labels(ctx.lang);
  const R = reportLabels(ctx.lang);
  const tone = bandTones(group.bands);
  const f = (d: bigint) => formatDec(d, ctx.precision, ctx.lang);
  const stat = (k: string, v: string, cls = '') =>
    `<div class="stat${cls}"><div class="k">${esc(k)}</div><div class="v">${esc(v)}</div></div>`;
  const stats = [
    stat(L.units, String(group.units)),
    stat(L.mean, f(group.mean)),
    stat(L.median, f(group.median)),
    stat(L.min, f(group.min)),
    stat(L.max, f(group.max)),
    stat(L.top, leaders.length > 0 ? leaders.join(', ') : DASH, ' top'),
  ].join('');
  const legend = group.bands
    .map((b) => {
      const rule = formatBandRule(b, ctx.lang);
      return `<span><i style="background:${tone(b.band).strong}"></i>${esc(b.band)}${rule === DASH ? '' : ` (${esc(rule)})`}</span>`;
    })
    .join('');
  const shares = percentShares(group.bands.map((b) => b.count));
  const columns = bandColumnChart(
    group.bands.map((b, i) => ({
      share: shares[i] ?? 0,
      label: b.band,
      note: formatBandRule(b, ctx.lang) === DASH ? '' : formatBandRule(b, ctx.lang),
      count: b.count,
      color: tone(b.band).strong,
    })),
    `${R.bandChart} — ${groupHeading(group.group, ctx.lang)}`,
  );
  const [firstBars, ...moreBars] = indexBarCharts(
    units.map((u) => ({
      label: u.unit,
      value: toNumber(u.index),
      text: f(u.index),
      color: tone(u.band).strong,
    })),
    group.bands.flatMap((b) =>
      b.min === null
        ? []
        : [{ value: toNumber(b.min), label: formatBandRule(b, ctx.lang), color: tone(b.band).strong }],
    ),
    `${R.indexChart} — ${groupHeading(group.group, ctx.lang)}`,
  );
  return [
    `<section class="group" id="${id}">`,
    `<h2>${esc(groupHeading(group.group, ctx.lang))}</h2>`,
    `<div class="overview"><div><div class="stats">${stats}</div><div class="legend">${legend}</div></div>`,
    `<figure class="band-chart" style="margin:0"><figcaption class="muted">${esc(R.bandChart)}</figcaption>${columns}</figure></div>`,
    `<h3>${esc(L.ranking)}</h3>`,
    rankingTable(units, show, tone, results.settings.stage === 'self', ctx),
    // A chart and its heading print on one page: the heading never stays alone at the foot of one. A long
    // group's chart comes in parts of at most a page each (charts.ts), the first one with the heading.
    `<div class="keep"><h3>${esc(R.indexChart)}</h3>`,
    firstBars,
    '</div>',
    ...moreBars,
    heatMap(units, ctx),
    '</section>',
  ].join('\n');
}

function rankingTable(
  units: readonly UnitResult[],
  show: RankingColumns,
  tone: ReturnType<typeof bandTones>,
  self: boolean,
  ctx: RenderContext,
): string {
  const L = labels(ctx.lang);
  const p = ctx.precision;
  const num = (text: string) => `<th class="num">${esc(text)}</th>`;
  const head = [`<th>${esc(L.unit)}</th>`, num(self ? L.self : L.appraisal), num(L.survey)];
  if (show.bonus) head.push(num(L.bonus));
  if (show.penalty) head.push(num(L.penalty));
  head.push(num(L.total), num(L.maxPoints), num(L.index), `<th class="rank">${esc(L.rank)}</th>`);
  head.push(`<th>${esc(L.band)}</th>`);
  if (show.previous) head.push(num(L.previousRank), num(L.rankChange), num(L.indexChange));
  const rows = units.map((u) => {
    const t = tone(u.band);
    const cells = [
      `<td class="unit"><span class="name">${esc(u.unit)}</span>${u.unitCode ? `<span class="code">${esc(u.unitCode)}</span>` : ''}</td>`,
      `<td class="num">${formatDec(u.appraisal, p, ctx.lang)}</td>`,
      `<td class="num">${formatDecOrDash(u.survey, p, ctx.lang)}</td>`,
    ];
    if (show.bonus) cells.push(`<td class="num">${formatDec(u.bonus, p, ctx.lang)}</td>`);
    if (show.penalty) cells.push(`<td class="num">${formatDec(u.penalty, p, ctx.lang)}</td>`);
    cells.push(
      `<td class="num">${formatDec(u.total, p, ctx.lang)}</td>`,
      `<td class="num muted">${formatDec(u.max, p, ctx.lang)}</td>`,
      `<td class="num idx">${formatDec(u.index, p, ctx.lang)}</td>`,
      `<td class="rank">${formatRank(u.rank, u.of)}</td>`,
      `<td><span class="band" style="background:${t.light};color:${t.ink}">${esc(u.band)}</span></td>`,
    );
    if (show.previous) {
      const change = u.rankChange;
      const cls = change === null ? 'muted' : change > 0 ? 'up' : change < 0 ? 'down' : 'same';
      const text = change === null ? DASH : change > 0 ? `▲ ${change}` : change < 0 ? `▼ ${-change}` : '0';
      cells.push(
        `<td class="num muted">${u.previous ? u.previous.rank : DASH}</td>`,
        `<td class="num ${cls}">${text}</td>`,
        `<td class="num">${u.indexChange === null ? DASH : signed(u.indexChange, ctx)}</td>`,
      );
    }
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<table class="ranking"><thead><tr>${head.join('')}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function signed(d: bigint, ctx: RenderContext): string {
  const text = formatDec(d < 0n ? -d : d, ctx.precision, ctx.lang);
  return d > 0n ? `+${text}` : d < 0n ? `−${text}` : text;
}

/**
 * Units × domains. A domain of the appraisal or survey shows its published index on a red → amber → green
 * background; a bonus or penalty domain shows its points on a neutral background (a zero penalty is good
 * news, not a red cell), shaded only where points were added or taken.
 */
function heatMap(units: readonly UnitResult[], ctx: RenderContext): string {
  const L = labels(ctx.lang);
  const R = reportLabels(ctx.lang);
  const domains = new Map<string, { name: string; points: boolean }>();
  for (const u of units)
    for (const d of u.domains)
      if (!domains.has(d.code))
        domains.set(d.code, { name: d.name, points: d.component === 'bonus' || d.component === 'penalty' });
  if (domains.size === 0) return '';
  const codes = [...domains.keys()];
  const head = codes
    .map((c) => {
      const d = domains.get(c)!;
      const unitWord = d.points ? ` (${L.points.toLowerCase()})` : '';
      return `<th class="dom" title="${esc(d.name)}">${esc(c)}<span>${esc(d.name)}${esc(unitWord)}</span></th>`;
    })
    .join('');
  const rows = units.map((u) => {
    const byCode = new Map(u.domains.map((d) => [d.code, d]));
    const cells = codes.map((c) => {
      const d = byCode.get(c);
      if (!d) return '<td class="cell muted">—</td>';
      if (d.component === 'bonus' || d.component === 'penalty') {
        const cls = d.points === 0n ? 'cell pts' : `cell pts ${d.component}`;
        const sign = d.points === 0n ? '' : d.component === 'bonus' ? '+' : '−';
        return `<td class="${cls}">${sign}${formatDec(d.points, ctx.precision, ctx.lang)}</td>`;
      }
      if (d.index === null) return '<td class="cell muted">—</td>';
      return `<td class="cell" style="background:${heatColor(toNumber(d.index))}">${formatDec(d.index, ctx.precision, ctx.lang)}</td>`;
    });
    return `<tr><td class="unit">${esc(u.unit)}</td>${cells.join('')}<td class="num idx">${formatDec(u.index, ctx.precision, ctx.lang)}</td></tr>`;
  });
  return [
    `<h3>${esc(R.heatMap)}</h3>`,
    `<table class="heat"><thead><tr><th>${esc(L.unit)}</th>${head}<th class="num">${esc(L.index)}</th></tr></thead><tbody>`,
    rows.join('\n'),
    '</tbody></table>',
  ].join('\n');
}
