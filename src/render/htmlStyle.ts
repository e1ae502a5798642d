/**
 * The report's only stylesheet, inlined in <style>. Screen: a centred page of cards; print: A4 landscape,
 * each group on its own pages, table headers repeated, rows never split, band colours kept.
 */
export const REPORT_CSS = `
:root { --ink: #1b2430; --muted: #5b6675; --line: #d9dee5; --head: #1f3a5f; --soft: #f4f6f9; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #eef1f5; color: var(--ink);
  font: 14px/1.45 "Segoe UI", "Noto Sans", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif;
  font-variant-numeric: tabular-nums; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
main { max-width: 1180px; margin: 0 auto; padding: 0 20px 32px; }
header.report { background: var(--head); color: #fff; padding: 28px 0 22px; margin-bottom: 22px; }
header.report .inner { max-width: 1180px; margin: 0 auto; padding: 0 20px; }
header.report .kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; opacity: .8; }
header.report h1 { margin: 4px 0 6px; font-size: 28px; font-weight: 650; }
header.report .meta { font-size: 13px; opacity: .9; }
header.report .period { font-size: 15px; margin-bottom: 6px; }
header.report .note { margin: 4px 0 8px; font-size: 13px; font-style: italic; }
nav.groups { margin-top: 14px; display: flex; flex-wrap: wrap; gap: 8px; }
nav.groups a { color: #fff; text-decoration: none; border: 1px solid rgba(255,255,255,.45);
  border-radius: 999px; padding: 3px 12px; font-size: 13px; }
section.group, .panel { background: #fff; border: 1px solid var(--line); border-radius: 10px;
  padding: 20px 22px 24px; margin-bottom: 22px; }
h2 { margin: 0 0 14px; font-size: 21px; color: var(--head); }
h3 { margin: 22px 0 8px; font-size: 15px; color: var(--head); text-transform: uppercase; letter-spacing: .04em; }
.overview { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 460px); gap: 22px; align-items: start; }
.stats { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 10px; }
.stat { background: var(--soft); border-radius: 8px; padding: 10px 12px; }
.stat .k { font-size: 12px; color: var(--muted); }
.stat .v { font-size: 22px; font-weight: 650; }
.stat.top .v { font-size: 15px; line-height: 1.3; padding-top: 4px; }
.legend { margin-top: 10px; display: flex; flex-wrap: wrap; gap: 6px 14px; font-size: 12px; color: var(--muted); }
.legend i { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 5px; vertical-align: -1px; }
table { border-collapse: collapse; width: 100%; }
th, td { padding: 5px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { background: var(--head); color: #fff; font-weight: 600; font-size: .86em; line-height: 1.25; vertical-align: bottom; }
thead th.num { white-space: normal; }
tbody tr:nth-child(even) td { background: #fafbfc; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.unit { font-weight: 500; min-width: 16em; }
td.unit .code { font-weight: 400; font-size: .86em; color: var(--muted); margin-left: .5em; }
td.idx { font-weight: 700; }
td.rank { text-align: center; white-space: nowrap; }
.band { display: inline-block; padding: 0 .7em; border-radius: 999px; font-size: .9em; font-weight: 600; white-space: nowrap; }
.up { color: #1e7b3a; } .down { color: #b42318; } .same { color: var(--muted); }
.muted { color: var(--muted); }
table.heat td.cell { text-align: right; white-space: nowrap; font-size: .9em; }
table.heat th.dom { text-align: center; font-size: 12px; }
table.heat th.dom span { display: block; font-weight: 400; opacity: .85; font-size: .9em; }
table.heat td.pts { background: #f1f3f6; color: var(--muted); }
table.heat td.pts.bonus { background: #e3ebf5; color: var(--ink); }
table.heat td.pts.penalty { background: #ece6f3; color: var(--ink); }
svg.chart { display: block; max-width: 100%; height: auto; }
svg .grid { stroke: #e3e7ec; stroke-width: 1; }
svg .axis { stroke: #9aa4b1; }
svg .threshold { stroke-width: 1.2; stroke-dasharray: 4 3; opacity: .85; }
svg text { font-family: inherit; fill: var(--ink); }
svg .label { font-size: 12px; }
svg .value { font-size: 11.5px; font-weight: 600; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
svg .tick { font-size: 11px; fill: var(--muted); }
svg .threshold-label { font-weight: 600; }
svg .count { font-size: 15px; font-weight: 700; }
.diag .sev { font-weight: 600; white-space: nowrap; }
.diag .sev-error { color: #b42318; } .diag .sev-warning { color: #8a5a00; } .diag .sev-info { color: #2166ac; }
code, .hash { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 12px; }
.hash { word-break: break-all; }
footer.report { color: var(--muted); font-size: 12.5px; }
footer.report table { margin-top: 8px; }
footer.report dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0; }
footer.report dt { font-weight: 600; color: var(--ink); }
footer.report dd { margin: 0; }
@page { size: A4 landscape; margin: 12mm 10mm; }
@media print {
  body { background: #fff; font-size: 11px; }
  main { max-width: none; padding: 0; }
  header.report { padding: 0 0 10px; margin: 0 0 12px; background: #fff; color: var(--ink); border-bottom: 3px solid var(--head); }
  header.report .inner { padding: 0; max-width: none; }
  header.report h1 { color: var(--head); font-size: 22px; }
  header.report .kicker { opacity: 1; color: var(--ink); }
  nav.groups { display: none; }
  section.group, .panel { border: 0; border-radius: 0; padding: 0; margin: 0 0 10px; }
  section.group + section.group, .panel.diag { break-before: page; }
  h2 { font-size: 17px; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .keep, .overview { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  tr, .stat, svg.columns { break-inside: avoid; }
  .overview { grid-template-columns: minmax(0, 1fr) 380px; }
  th, td { padding: 3px 6px; }
  .stat { padding: 6px 10px; }
  .stat .v { font-size: 17px; }
}
`;
