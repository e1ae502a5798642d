import { formatMessage } from '../i18n/format.js';
import { groupHeading, labels } from '../i18n/labels.js';
import { reportLabels, settingsLine } from '../i18n/reportLabels.js';
import { formatLocation } from '../model/diagnostic.js';
import type { Results, UnitResult } from '../model/results.js';
import type { RenderContext } from './context.js';
import { escapeHtml as esc } from './htmlEscape.js';
import { groupSection } from './htmlGroup.js';
import { REPORT_CSS } from './htmlStyle.js';
import { leadersByGroup, rankingColumns, subtitleLine, titleBlock } from './titleBlock.js';

/**
 * The html report (docs/outputs.md): one self-contained page — inline CSS and SVG, no script, no external
 * resource (a Content-Security-Policy forbids loading any) — with per group the ranking, the band
 * distribution, the index chart and the domain heat map; diagnostics; settings and input hashes in the
 * footer. Prints on A4 landscape. Every text from the inputs is escaped.
 */
export async function renderHtml(results: Results, ctx: RenderContext): Promise<string> {
  const R = reportLabels(ctx.lang);
  const show = rankingColumns(results);
  const leaders = leadersByGroup(results);
  const title = titleBlock(results, ctx);
  const sub = subtitleLine({ ...title, issuer: null });
  const byGroup = new Map<string, UnitResult[]>();
  for (const u of results.units) {
    const list = byGroup.get(u.groupKey);
    if (list) list.push(u);
    else byGroup.set(u.groupKey, [u]);
  }
  const ids = results.groups.map((_, i) => `group-${i + 1}`);
  const nav = results.groups
    .map((g, i) => `<a href="#${ids[i]}">${esc(groupHeading(g.group, ctx.lang))}</a>`)
    .join('');
  const sections = results.groups.map((g, i) =>
    groupSection(
      g,
      byGroup.get(g.groupKey) ?? [],
      leaders.get(g.groupKey) ?? [],
      ids[i] ?? '',
      show,
      results,
      ctx,
    ),
  );
  return [
    '<!DOCTYPE html>',
    `<html lang="${ctx.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="cchc">',
    `<title>${esc([title.title, title.period].filter(Boolean).join(' — '))}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    '<header class="report"><div class="inner">',
    `<div class="kicker">${esc(title.issuer ?? R.subtitle)}</div>`,
    `<h1>${esc(title.title)}</h1>`,
    sub ? `<div class="period">${esc(sub)}</div>` : '',
    ...title.notes.map((n) => `<p class="note">${esc(n)}</p>`),
    `<div class="meta">${esc(R.groupsCount(results.groups.length, results.units.length))} · ${esc(settingsLine(results.settings, ctx.lang))}</div>`,
    results.groups.length > 1 ? `<nav class="groups">${nav}</nav>` : '',
    '</div></header>',
    '<main>',
    ...sections,
    diagnosticsPanel(results, ctx),
    footer(results, ctx),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function diagnosticsPanel(results: Results, ctx: RenderContext): string {
  const L = labels(ctx.lang);
  const R = reportLabels(ctx.lang);
  if (results.diagnostics.length === 0) {
    return `<section class="panel diag"><h2>${esc(L.diagnostics)}</h2><p class="muted">${esc(R.noDiagnostics)}</p></section>`;
  }
  const rows = results.diagnostics.map(
    (d) =>
      `<tr><td class="sev sev-${d.severity}">${esc(R.severities[d.severity])}</td><td><code>${esc(d.code)}</code></td>` +
      `<td>${esc(formatMessage(d, ctx.lang))}</td><td>${esc(formatLocation(d.location))}</td></tr>`,
  );
  return [
    `<section class="panel diag"><h2>${esc(L.diagnostics)}</h2>`,
    `<table><thead><tr><th>${esc(R.severity)}</th><th>${esc(R.code)}</th><th>${esc(R.message)}</th><th>${esc(L.file)}</th></tr></thead><tbody>`,
    rows.join('\n'),
    '</tbody></table></section>',
  ].join('\n');
}

function footer(results: Results, ctx: RenderContext): string {
  const L = labels(ctx.lang);
  const R = reportLabels(ctx.lang);
  const s = results.settings;
  const { read, scored, rejected } = results.rows;
  const inputs = results.inputs.map(
    (i) =>
      `<tr><td>${esc(R.roles[i.role])}</td><td>${esc(i.file)}</td><td class="hash">${esc(i.sha256)}</td></tr>`,
  );
  return [
    '<footer class="report panel">',
    `<h2>${esc(R.settings)}</h2>`,
    '<dl>',
    `<dt>${esc(L.stage)}</dt><dd>${esc(L.stages[s.stage])}</dd>`,
    `<dt>${esc(L.na)}</dt><dd>${esc(R.naPolicies[s.na])}</dd>`,
    `<dt>${esc(L.precision)}</dt><dd>${s.precision}</dd>`,
    `<dt>${esc(L.language)}</dt><dd>${ctx.lang}</dd>`,
    '</dl>',
    `<p>${esc(L.rowsSummary(read, scored, rejected))}</p>`,
    `<table><thead><tr><th>${esc(L.role)}</th><th>${esc(L.file)}</th><th>${esc(L.sha256)}</th></tr></thead><tbody>`,
    inputs.join('\n'),
    '</tbody></table>',
    `<p>${esc(R.generatedBy)}</p>`,
    '</footer>',
  ].join('\n');
}
