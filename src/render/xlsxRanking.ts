import { groupName, labels } from '../i18n/labels.js';
import { reportLabels } from '../i18n/reportLabels.js';
import type { BandCount, GroupResult, Results } from '../model/results.js';
import type { CellStyle } from '../ooxml/styleSheet.js';
import type { WorkbookWriter } from '../ooxml/workbookWriter.js';
import { bandTones, type Tone } from './chartsPalette.js';
import type { RenderContext } from './context.js';
import { formatBandRule, formatRank } from './numbers.js';
import {
  addHeader,
  addRow,
  addSheet,
  addTitle,
  type BodyStyles,
  type CellInput,
  fitWidth,
  headerFilled,
  num,
  numOrNull,
  setWidths,
} from './xlsxCells.js';

const HEADER_ROW = 3;

/** Band colour lookups per group, built once: O(units + bands). */
export function tonesByGroup(results: Results): (groupKey: string, band: string) => Tone {
  const byGroup = new Map(results.groups.map((g) => [g.groupKey, bandTones(g.bands)]));
  const none = bandTones([]);
  return (groupKey, band) => (byGroup.get(groupKey) ?? none)(band);
}

/**
 * *Xếp hạng*: one table, ordered as Results are (group, rank, name), with the group as a column so that
 * the clerk can filter; each group starts a new printed page. Previous-period columns only when any unit
 * has a previous result.
 */
export function addRankingSheet(
  wb: WorkbookWriter,
  results: Results,
  ctx: RenderContext,
  subtitle: string,
  S: BodyStyles,
): void {
  const L = labels(ctx.lang);
  const R = reportLabels(ctx.lang);
  const ws = addSheet(wb, R.sheets.ranking, { headerRows: HEADER_ROW, frozenColumns: 1 });
  const withPrevious = results.units.some((u) => u.previous !== null);
  const columns: { header: string; width: number; style: CellStyle }[] = [
    {
      header: L.unit,
      width: fitWidth(
        results.units.map((u) => u.unit),
        18,
        48,
      ),
      style: S.text,
    },
    {
      header: L.unitCode,
      width: fitWidth(
        results.units.map((u) => u.unitCode ?? ''),
        10,
        16,
      ),
      style: S.text,
    },
    {
      header: L.group,
      width: fitWidth(
        results.groups.map((g) => groupName(g.group, ctx.lang)),
        12,
        30,
      ),
      style: S.text,
    },
    ...[L.appraisal, L.survey, L.bonus, L.penalty, L.total, L.maxPoints].map((header) => ({
      header,
      width: 11,
      style: S.number,
    })),
    { header: L.index, width: 11, style: S.bold },
    { header: L.rank, width: 9, style: S.center },
    {
      header: L.band,
      width: fitWidth(
        results.groups.flatMap((g) => g.bands.map((b) => b.band)),
        10,
        20,
      ),
      style: S.text,
    },
  ];
  if (withPrevious) {
    columns.push(
      { header: L.previousRank, width: 10, style: S.integer },
      { header: L.rankChange, width: 10, style: S.change },
      { header: L.previousIndex, width: 11, style: S.number },
      { header: L.indexChange, width: 11, style: S.signed },
    );
  }
  setWidths(
    ws,
    columns.map((c) => c.width),
  );
  addTitle(ws, `${R.title} — ${R.sheets.ranking}`, subtitle);
  addHeader(
    ws,
    columns.map((c) => c.header),
  );

  const tone = tonesByGroup(results);
  const styles = columns.map((c) => c.style);
  const bandAt = 11; // 0-based position of the band column, after the rank
  let previousGroup: string | null = null;
  for (const u of results.units) {
    const values: CellInput[] = [
      u.unit,
      u.unitCode,
      groupName(u.group, ctx.lang),
      num(u.appraisal),
      numOrNull(u.survey),
      num(u.bonus),
      num(u.penalty),
      num(u.total),
      num(u.max),
      num(u.index),
      formatRank(u.rank, u.of),
      u.band,
    ];
    if (withPrevious) {
      values.push(
        u.previous?.rank ?? null,
        u.rankChange,
        numOrNull(u.previous?.index ?? null),
        numOrNull(u.indexChange),
      );
    }
    if (previousGroup !== null && previousGroup !== u.groupKey) ws.addPageBreak();
    previousGroup = u.groupKey;
    const t = tone(u.groupKey, u.band);
    styles[bandAt] = S.filled(t.light, t.ink);
    addRow(ws, values, styles);
  }
  const last = HEADER_ROW + results.units.length;
  ws.autoFilter = { firstRow: HEADER_ROW, firstColumn: 1, lastRow: last, lastColumn: columns.length };
}

/** Groups sharing one band scheme share one table; usually there is one scheme, so one table. */
function byScheme(groups: readonly GroupResult[]): GroupResult[][] {
  const tables = new Map<string, GroupResult[]>();
  for (const g of groups) {
    const key = g.bands.map((b) => `${b.band}\u0000${b.op}\u0000${b.min}`).join('\u0001');
    const list = tables.get(key);
    if (list) list.push(g);
    else tables.set(key, [g]);
  }
  return [...tables.values()];
}

/** *Xếp loại*: per group the count per band, then mean, median, min, max and the top unit. */
export function addBandsSheet(
  wb: WorkbookWriter,
  results: Results,
  ctx: RenderContext,
  subtitle: string,
  S: BodyStyles,
): void {
  const L = labels(ctx.lang);
  const R = reportLabels(ctx.lang);
  const ws = addSheet(wb, R.sheets.bands, { headerRows: HEADER_ROW, frozenColumns: 1 });
  const tables = byScheme(results.groups);
  const widest = Math.max(0, ...tables.map((t) => t[0]?.bands.length ?? 0));
  const widths = [
    fitWidth(
      results.groups.map((g) => groupName(g.group, ctx.lang)),
      14,
      36,
    ),
    10,
    ...new Array<number>(widest).fill(13),
    11,
    11,
    11,
    11,
    fitWidth(
      results.groups.map((g) => g.top),
      16,
      40,
    ),
  ];
  setWidths(ws, widths);
  addTitle(ws, `${R.title} — ${R.sheets.bands}`, subtitle);

  for (const [i, groups] of tables.entries()) {
    if (i > 0) addRow(ws, []);
    const scheme: readonly BandCount[] = groups[0]?.bands ?? [];
    const tones = bandTones(scheme);
    addHeader(
      ws,
      [
        L.group,
        L.units,
        ...scheme.map((b) => (b.min === null ? b.band : `${b.band} (${formatBandRule(b, ctx.lang)})`)),
        L.mean,
        L.median,
        L.min,
        L.max,
        L.top,
      ],
      [
        undefined,
        undefined,
        ...scheme.map((b) => {
          const t = tones(b.band);
          return headerFilled(t.light, t.ink);
        }),
      ],
    );
    const styles = [
      S.text,
      S.integer,
      ...scheme.map(() => S.integer),
      S.number,
      S.number,
      S.number,
      S.number,
      S.text,
    ];
    for (const g of groups) {
      addRow(
        ws,
        [
          groupName(g.group, ctx.lang),
          g.units,
          ...g.bands.map((b) => b.count),
          num(g.mean),
          num(g.median),
          num(g.min),
          num(g.max),
          g.top,
        ],
        styles,
      );
    }
  }
}
