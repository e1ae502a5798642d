import { escapeHtml as esc } from './htmlEscape.js';

/**
 * The report's two charts as inline SVG strings, drawn by hand: a bar per unit and a column per band need
 * rectangles and text, nothing more. Hand-drawn SVG is deterministic (no generated ids), renders in O(n)
 * and adds no dependency; a charting library cost ~1 s to import and ~0.25 s per 250-bar chart.
 * Every text is escaped; sizes are in a fixed viewBox so the chart scales with the page and in print.
 */

export interface Bar {
  label: string;
  /** 0–100 (the index); drawn clamped to the axis. */
  value: number;
  /** The value as shown ("81,87"). */
  text: string;
  color: string;
}

export interface Threshold {
  value: number;
  label: string;
  color: string;
}

const FONT = 12;
/** Average advance of a character at FONT px in the usual sans-serif faces, for truncating labels. */
const CHAR = FONT * 0.56;
const WIDTH = 1000;
const ROW = 20;
const BAR = 13;

/** "Ủy ban nhân dân phường Nguyễn Trãi, thành…" so that a label fits `px` pixels. */
function truncate(label: string, px: number): string {
  const chars = Math.floor(px / CHAR);
  return label.length <= chars ? label : `${label.slice(0, Math.max(1, chars - 1)).trimEnd()}…`;
}

const n = (x: number): string => (Math.round(x * 10) / 10).toString();

/**
 * Bars per chart at most. An SVG is never split across printed pages, so a chart taller than a page moves
 * whole to the next one and leaves its heading alone at the foot of the page before. 26 bars are 570 units
 * of the 1000-wide viewBox: 158 mm at the 277 mm of an A4 landscape page, which leaves room for the heading
 * in the 186 mm between the margins (htmlStyle.ts @page).
 */
export const BARS_PER_CHART = 26;

/**
 * Horizontal bars of the index, one per unit in ranking order, on a 0–100 axis, coloured by band, with a
 * dashed line at each band threshold, as one chart or, past BARS_PER_CHART units, several of even size
 * (each with its axis and thresholds, the labels equally wide so the bars line up). `title` becomes each
 * SVG's accessible name.
 */
export function indexBarCharts(
  bars: readonly Bar[],
  thresholds: readonly Threshold[],
  title: string,
): string[] {
  const longest = bars.reduce((m, b) => Math.max(m, b.label.length), 0);
  const labelWidth = Math.min(330, Math.max(120, longest * CHAR + 12));
  const parts = Math.max(1, Math.ceil(bars.length / BARS_PER_CHART));
  const size = Math.ceil(bars.length / parts);
  const charts: string[] = [];
  for (let i = 0; i < parts; i++)
    charts.push(indexBarChart(bars.slice(i * size, (i + 1) * size), thresholds, title, labelWidth));
  return charts;
}

function indexBarChart(
  bars: readonly Bar[],
  thresholds: readonly Threshold[],
  title: string,
  labelWidth: number,
): string {
  const left = labelWidth + 8;
  const right = 56;
  const top = 26;
  const plot = WIDTH - left - right;
  const height = top + bars.length * ROW + 24;
  const x = (v: number) => left + (Math.max(0, Math.min(100, v)) / 100) * plot;
  const out: string[] = [
    `<svg class="chart bars" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg">`,
    `<title>${esc(title)}</title>`,
  ];
  // Grid every 10 points, labelled every 20, above and below the bars.
  const bottom = top + bars.length * ROW;
  for (let v = 0; v <= 100; v += 10) {
    const gx = n(x(v));
    out.push(
      `<line x1="${gx}" y1="${top - 4}" x2="${gx}" y2="${bottom}" class="grid${v === 0 ? ' axis' : ''}"/>`,
    );
    if (v % 20 === 0) {
      out.push(`<text x="${gx}" y="${top - 8}" class="tick" text-anchor="middle">${v}</text>`);
      out.push(`<text x="${gx}" y="${bottom + 15}" class="tick" text-anchor="middle">${v}</text>`);
    }
  }
  bars.forEach((b, i) => {
    const y = top + i * ROW;
    const w = x(b.value) - left;
    out.push(
      `<g><title>${esc(b.label)}: ${esc(b.text)}</title>`,
      `<text x="${n(labelWidth)}" y="${n(y + ROW / 2 + 4)}" class="label" text-anchor="end">${esc(truncate(b.label, labelWidth))}</text>`,
      `<rect x="${n(left)}" y="${n(y + (ROW - BAR) / 2)}" width="${n(Math.max(w, 1))}" height="${BAR}" rx="2" fill="${b.color}"/>`,
      `<text x="${n(left + w + 4)}" y="${n(y + ROW / 2 + 4)}" class="value">${esc(b.text)}</text></g>`,
    );
  });
  for (const t of thresholds) {
    const tx = n(x(t.value));
    out.push(
      `<line x1="${tx}" y1="${top - 4}" x2="${tx}" y2="${bottom}" class="threshold" stroke="${t.color}"/>`,
      `<text x="${tx}" y="${top - 8 - 11}" class="tick threshold-label" text-anchor="middle" style="fill:${t.color}">${esc(t.label)}</text>`,
    );
  }
  out.push('</svg>');
  return out.join('');
}

export interface Column {
  label: string;
  /** Threshold text under the label ("≥ 90"); '' for none. */
  note: string;
  count: number;
  /** Whole-number percentage of the units; the shares of one chart add up to 100 (see shares.ts). */
  share: number;
  color: string;
}

/** Columns of the number of units per band, with the count and share above each column. */
export function bandColumnChart(columns: readonly Column[], title: string): string {
  const width = 460;
  const height = 230;
  const top = 46;
  const bottom = height - 44;
  const left = 12;
  const slot = (width - 2 * left) / Math.max(1, columns.length);
  const barWidth = Math.min(64, slot * 0.62);
  const most = columns.reduce((m, c) => Math.max(m, c.count), 0) || 1;
  const out: string[] = [
    `<svg class="chart columns" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg">`,
    `<title>${esc(title)}</title>`,
    `<line x1="${left}" y1="${bottom}" x2="${width - left}" y2="${bottom}" class="grid axis"/>`,
  ];
  columns.forEach((c, i) => {
    const cx = left + slot * i + slot / 2;
    const h = ((bottom - top) * c.count) / most;
    const share = c.share;
    out.push(
      `<g><title>${esc(c.label)}: ${c.count}</title>`,
      `<rect x="${n(cx - barWidth / 2)}" y="${n(bottom - h)}" width="${n(barWidth)}" height="${n(Math.max(h, c.count > 0 ? 1 : 0))}" rx="3" fill="${c.color}"/>`,
      `<text x="${n(cx)}" y="${n(bottom - h - 6)}" class="count" text-anchor="middle">${c.count}</text>`,
      `<text x="${n(cx)}" y="${n(bottom - h - 22)}" class="tick" text-anchor="middle">${share}%</text>`,
      `<text x="${n(cx)}" y="${bottom + 16}" class="label" text-anchor="middle">${esc(truncate(c.label, slot - 4))}</text>`,
      `<text x="${n(cx)}" y="${bottom + 31}" class="tick" text-anchor="middle">${esc(c.note)}</text></g>`,
    );
  });
  out.push('</svg>');
  return out.join('');
}
