import { groupName, labels } from '../i18n/labels.js';
import { reportLabels } from '../i18n/reportLabels.js';
import type { BandCount, GroupResult, Results, UnitResult } from '../model/results.js';
import type { CellStyle } from '../ooxml/styleSheet.js';
import type { WorkbookWriter } from '../ooxml/workbookWriter.js';
import { bandTones, type Tone } from './chartsPalette.js';
import type { RenderContext } from './context.js';
import { formatBandRule } from './numbers.js';
import { leadersByGroup, rankingColumns } from './titleBlock.js';
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
  type SheetHead,
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
  head: SheetHead,
  S: BodyStyles,
): void {
  const L = labels(ctx.lang);
  const R = reportLabels(ctx.lang);
  const ws = addSheet(wb, R.sheets.ranking, { headerRows: HEADER_ROW, frozenColumns: 1 });
  const withPrevious = results.units.some((u) => u.previous !== null);
  const withCodes = rankingColumns(results).unitCode;
  const self = results.settings.stage === 'self';
  /** One column: header, width, style and the cell of a unit. */
  type Column = { header: string; width: number; style: CellStyle; cell: (u: UnitResult) => CellInput };
  const numeric = (header: string, cell: (u: UnitResult) => CellInput): Column => ({
    header,
    width: 11,
    style: S.number,
    cell,
  });
  const columns: Column[] = [
    {
      header: L.unit,
      width: fitWidth(
        results.units.map((u) => u.unit),
        18,
        48,
      ),
      style: S.text,
      cell: (u) => u.unit,
    },
  ];
  // The unit code column only when some input gave codes: an empty column is noise on paper.
  if (withCodes) {
    columns.push({
      header: L.unitCode,
      width: fitWidth(
        results.units.map((u) => u.unitCode ?? ''),
        10,
        16,
      ),
      style: S.text,
      cell: (u) => u.unitCode,
    });
  }
  columns.push(
    {
      header: L.group,
      width: fitWidth(
        results.groups.map((g) => groupName(g.group, ctx.lang)),
        12,
        30,
      ),
      style: S.text,
      cell: (u) => groupName(u.group, ctx.lang),
    },
    numeric(self ? L.self : L.appraisal, (u) => num(u.appraisal)),
    numeric(L.survey, (u) => numOrNull(u.survey)),
    numeric(L.bonus, (u) => num(u.bonus)),
    numeric(L.penalty, (u) => num(u.penalty)),
    numeric(L.total, (u) => num(u.total)),
    numeric(L.maxPoints, (u) => num(u.max)),
    { header: L.index, width: 11, style: S.bold, cell: (u) => num(u.index) },
    // Rank and group size as numbers, so that sorting and filtering work ("8" of "13", not the text "8/13").
    { header: L.rank, width: 9, style: S.centerInteger, cell: (u) => u.rank },
    { header: L.units, width: 9, style: S.centerInteger, cell: (u) => u.of },
    {
      header: L.band,
      width: fitWidth(
        results.groups.flatMap((g) => g.bands.map((b) => b.band)),
        10,
        20,
      ),
      style: S.text,
      cell: (u) => u.band,
    },
  );
  const bandAt = columns.length - 1;
  if (withPrevious) {
    columns.push(
      { header: L.previousRank, width: 10, style: S.integer, cell: (u) => u.previous?.rank ?? null },
      { header: L.rankChange, width: 10, style: S.change, cell: (u) => u.rankChange },
      {
        header: L.previousIndex,
        width: 11,
        style: S.number,
        cell: (u) => numOrNull(u.previous?.index ?? null),
      },
      { header: L.indexChange, width: 11, style: S.signed, cell: (u) => numOrNull(u.indexChange) },
    );
  }
  setWidths(
    ws,
    columns.map((c) => c.width),
  );
  addTitle(ws, head, R.sheets.ranking);
  addHeader(
    ws,
    columns.map((c) => c.header),
  );

  const tone = tonesByGroup(results);
  const styles = columns.map((c) => c.style);
  let previousGroup: string | null = null;
  for (const u of results.units) {
    const values = columns.map((c) => c.cell(u));
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
  head: SheetHead,
  S: BodyStyles,
): void {
  const L = labels(ctx.lang);
  const R = reportLabels(ctx.lang);
  const ws = addSheet(wb, R.sheets.bands, { headerRows: HEADER_ROW, frozenColumns: 1 });
  const tables = byScheme(results.groups);
  const leaders = leadersByGroup(results);
  const leadersOf = (g: GroupResult) => (leaders.get(g.groupKey) ?? []).join(', ');
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
    fitWidth(results.groups.map(leadersOf), 16, 48),
  ];
  setWidths(ws, widths);
  addTitle(ws, head, R.sheets.bands);

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
          leadersOf(g),
        ],
        styles,
      );
    }
  }
}
