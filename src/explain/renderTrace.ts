import Table from 'cli-table3';
import { EXPLAIN_LABELS, type ExplainLabels } from '../i18n/explainLabels.js';
import { groupHeading } from '../i18n/labels.js';
import type { Dec } from '../model/decimal.js';
import type { Lang } from '../model/settings.js';
import { escapeControlsDeep } from '../model/terminalText.js';
import { DASH, formatDec, formatDecChange, formatPlain, formatRank } from '../render/numbers.js';
import { type Paint, paint } from '../render/paint.js';
import type { ComponentTotal, Neighbour, Trace, TraceLeaf, TraceNode } from './buildTrace.js';

export interface TraceContext {
  lang: Lang;
  color: boolean;
}

type Align = 'left' | 'right';

/** No rule between body rows: a framework has 40–100 leaves and the trace must stay readable. */
const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

function newTable(
  head: string[],
  ink: Paint,
  colAligns: Align[],
  colWidths?: (number | null)[],
): Table.Table {
  return new Table({
    head: head.map((h) => ink.bold(h)),
    colAligns,
    chars: COMPACT,
    ...(colWidths ? { colWidths, wordWrap: true } : {}),
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
  });
}

/**
 * The cell as the clerk wrote it. A numeric cell reaches us as "1.25"; in Vietnamese it is shown the way
 * Excel shows it there ("1,25"). Text ("14/19", "92,98%", "Chậm", "KPS") is shown unchanged.
 */
const rawText = (raw: string, lang: Lang): string =>
  lang === 'vi' && /^-?\d+\.\d+$/.test(raw) ? raw.replace('.', ',') : raw;

/** Exact points as written ("1,4737", "0,5", "2"); leaf and criterion points are not rounded. */
const plain = (d: Dec | null, lang: Lang): string => (d === null ? DASH : formatPlain(d, lang));
/** A change with its sign, exact: "−0,5", "+0,25"; nothing when there is no change to show. */
function change(d: Dec | null, lang: Lang): string {
  if (d === null || d === 0n) return '';
  const text = formatPlain(d < 0n ? -d : d, lang);
  return d > 0n ? `+${text}` : `−${text}`;
}

function leafRow(l: TraceLeaf, L: ExplainLabels, lang: Lang): string[] {
  const valueOrNa = (d: Dec | null) => (d === null && l.na ? L.na : plain(d, lang));
  const points = l.missing ? DASH : valueOrNa(l.points);
  // The maximum counted, so that the rows add up to the subtotals; a leaf excluded as N/A shows "0 (1)".
  const max =
    l.max === l.frameworkMax ? plain(l.max, lang) : `${plain(l.max, lang)} (${plain(l.frameworkMax, lang)})`;
  return [
    l.code,
    l.name,
    rawText(l.raw, lang),
    l.rule === 'points' || l.rule === 'ratio' || l.rule === 'yesno' ? L.rules[l.rule] : l.ruleText,
    points,
    max,
    valueOrNa(l.self),
    valueOrNa(l.appraised),
    change(l.diff, lang),
  ];
}

function nodeRow(n: TraceNode, lang: Lang, ink: Paint): string[] {
  const b = (s: string) => ink.bold(s);
  return [
    b(n.code),
    b(n.name),
    '',
    '',
    b(plain(n.points, lang)),
    b(plain(n.max, lang)),
    plain(n.self, lang),
    plain(n.appraised, lang),
    change(n.diff, lang),
  ];
}

/** Leaves and criteria interleaved in framework order: each node's subtotal row comes before its children. */
function leavesTable(trace: Trace, ctx: TraceContext, ink: Paint): string {
  const L = EXPLAIN_LABELS[ctx.lang];
  const head = [L.code, L.name, L.raw, L.rule, L.points, L.max, L.self, L.appraised, L.diff];
  const aligns: Align[] = ['left', 'left', 'left', 'left', 'right', 'right', 'right', 'right', 'right'];
  const table = newTable(head, ink, aligns, [null, 42, 12, 22, null, null, null, null, null]);
  const nodes = new Map(trace.nodes.map((n) => [n.code, n]));
  const leaves = new Map(trace.leaves.map((l) => [l.code, l]));
  for (const code of trace.order) {
    const n = nodes.get(code);
    if (n) table.push(nodeRow(n, ctx.lang, ink));
    const l = leaves.get(code);
    if (l) table.push(leafRow(l, L, ctx.lang));
  }
  return table.toString();
}

function componentsTable(trace: Trace, ctx: TraceContext, ink: Paint): string {
  const L = EXPLAIN_LABELS[ctx.lang];
  const p = trace.precision;
  const f = (d: Dec) => formatDec(d, p, ctx.lang);
  const table = newTable([L.component, L.selfTotal, L.points, L.max, L.diff], ink, [
    'left',
    'right',
    'right',
    'right',
    'right',
  ]);
  const { appraisal, survey, bonus, penalty } = trace.components;
  table.push([
    L.appraisal,
    trace.self === null ? DASH : f(trace.self),
    f(appraisal.points),
    formatPlain(appraisal.max, ctx.lang),
    trace.selfDiff === null ? '' : formatDecChange(trace.selfDiff, p, ctx.lang),
  ]);
  const row = (label: string, c: ComponentTotal) =>
    table.push([label, '', f(c.points), formatPlain(c.max, ctx.lang), '']);
  if (survey) row(L.survey, survey);
  else table.push([L.survey, '', L.surveyNotHeld, DASH, '']);
  // Bonus and penalty rows only where the framework has such leaves for the unit's group.
  if (bonus.points !== 0n || bonus.max !== 0n) row(L.bonus, bonus);
  if (penalty.points !== 0n || penalty.max !== 0n) row(L.penalty, penalty);
  table.push([ink.bold(L.total), '', ink.bold(f(trace.total)), formatPlain(trace.max, ctx.lang), '']);
  table.push([ink.bold(L.index), '', ink.bold(f(trace.index)), '', '']);
  table.push([L.rank, '', formatRank(trace.rank, trace.of), '', '']);
  table.push([L.band, '', trace.band, '', '']);
  return table.toString();
}

function neighboursTable(trace: Trace, ctx: TraceContext, ink: Paint): string {
  const L = EXPLAIN_LABELS[ctx.lang];
  const f = (d: Dec) => formatDec(d, trace.precision, ctx.lang);
  const table = newTable([L.neighbours, L.unit, L.index, L.rank, L.indexGap, L.totalGap], ink, [
    'left',
    'left',
    'right',
    'right',
    'right',
    'right',
  ]);
  const gap = (d: Dec) => formatDecChange(d, trace.precision, ctx.lang);
  const row = (label: string, n: Neighbour | null) =>
    table.push(
      n === null
        ? [label, DASH, '', '', '', '']
        : [label, n.unit, f(n.index), formatRank(n.rank, trace.of), gap(n.indexGap), gap(n.totalGap)],
    );
  row(L.above, trace.neighbours.above);
  table.push([
    ink.bold(L.unit),
    ink.bold(trace.unit),
    f(trace.index),
    formatRank(trace.rank, trace.of),
    '',
    '',
  ]);
  row(L.below, trace.neighbours.below);
  const lines = [table.toString()];
  let opposite = false;
  for (const [place, n] of [
    ['above', trace.neighbours.above],
    ['below', trace.neighbours.below],
  ] as const) {
    if (n === null) continue;
    lines.push(L.gapLine(n.unit, place, gap(n.indexGap), gap(n.totalGap)));
    if (n.indexGap * n.totalGap < 0n) opposite = true;
  }
  if (opposite) lines.push(L.maxNote);
  if (trace.neighbours.tied.length > 0) lines.push(L.tied(trace.neighbours.tied.join(', ')));
  return lines.join('\n');
}

/** "1.3.1: 1 → 0,5 (−0,5) — Chưa có báo cáo đúng hạn", one line per leaf the appraisal changed. */
function changeLines(trace: Trace, ctx: TraceContext): string[] {
  const L = EXPLAIN_LABELS[ctx.lang];
  const changed = trace.leaves.filter((l) => l.diff !== null && l.diff !== 0n);
  if (changed.length === 0) return [];
  return [
    `${L.changes(changed.length)}:`,
    ...changed.map(
      (l) =>
        `  ${l.code}: ${plain(l.self, ctx.lang)} → ${plain(l.appraised, ctx.lang)} (${change(l.diff, ctx.lang)})${l.reason ? ` — ${l.reason}` : ''}`,
    ),
  ];
}

/** The terminal trace of one unit: header, leaves with subtotals, component sums, neighbours, changes. */
export function renderTraceTable(input: Trace, ctx: TraceContext): string {
  // Names, cells, reasons and evidence from the inputs, with their control characters escaped.
  const trace = escapeControlsDeep(input);
  const ink = paint(ctx.color);
  const L = EXPLAIN_LABELS[ctx.lang];
  const header = [
    ink.bold(L.title(trace.unit)),
    `${groupHeading(trace.group, ctx.lang)} · ${L.stage(trace.stage)}`,
  ].join('\n');
  const sections = [
    header,
    leavesTable(trace, ctx, ink),
    componentsTable(trace, ctx, ink),
    neighboursTable(trace, ctx, ink),
  ];
  const changes = changeLines(trace, ctx);
  if (changes.length > 0) sections.push(changes.join('\n'));
  return `${sections.join('\n\n')}\n`;
}
