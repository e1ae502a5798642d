import { formatMessage } from '../i18n/format.js';
import { groupName, labels } from '../i18n/labels.js';
import { reportLabels } from '../i18n/reportLabels.js';
import type { Dec } from '../model/decimal.js';
import type { Severity } from '../model/diagnostic.js';
import type { LeafResult, Results, UnitResult } from '../model/results.js';
import type { CellStyle } from '../ooxml/styleSheet.js';
import type { WorkbookWriter } from '../ooxml/workbookWriter.js';
import type { RenderContext } from './context.js';
import { rankingColumns } from './titleBlock.js';
import {
  addHeader,
  addRow,
  addSheet,
  addTitle,
  type BodyStyles,
  type CellInput,
  fitWidth,
  HEADING,
  num,
  numOrNull,
  type SheetHead,
  setWidths,
} from './xlsxCells.js';

/**
 * Leaf codes of all units in framework order. Groups may use different leaves, so this merges the units'
 * ordered lists: a code first seen after code p is placed right after p (a linked list, O(units × leaves)).
 */
export function leafColumns(units: readonly UnitResult[]): string[] {
  const next = new Map<string, string | null>();
  let head: string | null = null;
  for (const u of units) {
    let prev: string | null = null;
    for (const leaf of u.leaves) {
      if (!next.has(leaf.code)) {
        if (prev === null) {
          next.set(leaf.code, head);
          head = leaf.code;
        } else {
          next.set(leaf.code, next.get(prev) ?? null);
          next.set(prev, leaf.code);
        }
      }
      prev = leaf.code;
    }
  }
  const codes: string[] = [];
  for (let c = head; c !== null; c = next.get(c) ?? null) codes.push(c);
  return codes;
}

/** *Chi tiết*: one row per unit, one column per leaf; an excluded N/A leaf shows "KPS". */
export function addDetailSheet(
  wb: WorkbookWriter,
  results: Results,
  ctx: RenderContext,
  head: SheetHead,
  S: BodyStyles,
): void {
  const L = labels(ctx.lang);
  const R = reportLabels(ctx.lang);
  const ws = addSheet(wb, R.sheets.detail, { headerRows: 4, frozenColumns: 1, printTitlesFrom: 3 });
  const codes = leafColumns(results.units);
  const withCodes = rankingColumns(results).unitCode;
  // Unit, its code when any input gave codes, group: then one column per leaf.
  const fixed: { header: string; width: number; cell: (u: UnitResult) => CellInput }[] = [
    {
      header: L.unit,
      width: fitWidth(
        results.units.map((u) => u.unit),
        18,
        44,
      ),
      cell: (u) => u.unit,
    },
  ];
  if (withCodes)
    fixed.push({
      header: L.unitCode,
      width: fitWidth(
        results.units.map((u) => u.unitCode ?? ''),
        8,
        14,
      ),
      cell: (u) => u.unitCode,
    });
  fixed.push({
    header: L.group,
    width: fitWidth(
      results.groups.map((g) => groupName(g.group, ctx.lang)),
      10,
      24,
    ),
    cell: (u) => groupName(u.group, ctx.lang),
  });
  const column = new Map(codes.map((c, i) => [c, fixed.length + i])); // 0-based position in the row
  const widths = [...fixed.map((f) => f.width), ...codes.map((c) => Math.max(7, c.length + 2)), 11];
  setWidths(ws, widths);
  addTitle(ws, head, R.sheets.detail);
  addHeader(ws, [...fixed.map((f) => f.header), ...codes, L.total]);

  // The leaf's maximum (largest over units: an excluded leaf counts 0 for its unit).
  const maxima = new Map<string, Dec>();
  for (const u of results.units) {
    for (const leaf of u.leaves)
      if (leaf.max > (maxima.get(leaf.code) ?? -1n)) maxima.set(leaf.code, leaf.max);
  }
  const maxStyle = S.filled('#eef1f5', '#555f6d', S.number.numFmt);
  addRow(
    ws,
    [
      R.leafMax,
      ...fixed.slice(1).map(() => null),
      ...codes.map((c) => numOrNull(maxima.get(c) ?? null)),
      null,
    ],
    widths.map(() => maxStyle),
  );

  const base: CellStyle[] = [...fixed.map(() => S.text), ...codes.map(() => S.number), S.bold];
  for (const u of results.units) {
    const values: CellInput[] = new Array(widths.length).fill(null);
    const styles = base.slice();
    fixed.forEach((f, i) => {
      values[i] = f.cell(u);
    });
    for (const leaf of u.leaves) {
      const at = column.get(leaf.code)!;
      if (leaf.points !== null) values[at] = num(leaf.points);
      else if (leaf.na) {
        values[at] = R.notApplicable;
        styles[at] = S.muted;
      }
    }
    values[widths.length - 1] = num(u.total);
    addRow(ws, values, styles);
  }
  ws.autoFilter = {
    firstRow: 3,
    firstColumn: 1,
    lastRow: 4 + results.units.length,
    lastColumn: widths.length,
  };
}

/** A leaf the council changed: both values present and different. */
const changed = (leaf: LeafResult): leaf is LeafResult & { self: Dec; appraised: Dec } =>
  leaf.self !== null && leaf.appraised !== null && leaf.self !== leaf.appraised;

/**
 * *Thẩm định*: every leaf where the appraised value differs from the self-assessed one, with the council's
 * reason and evidence; then per unit the sum of the differences (negative: points lost).
 */
export function addChangesSheet(
  wb: WorkbookWriter,
  results: Results,
  ctx: RenderContext,
  head: SheetHead,
  S: BodyStyles,
): void {
  const L = labels(ctx.lang);
  const R = reportLabels(ctx.lang);
  const ws = addSheet(wb, R.sheets.changes, { headerRows: 3, frozenColumns: 1 });
  const unitWidth = fitWidth(
    results.units.map((u) => u.unit),
    18,
    44,
  );
  setWidths(ws, [unitWidth, 16, 10, 12, 12, 12, 48, 40]);
  addTitle(ws, head, R.changesTitle);
  addHeader(ws, [L.unit, L.group, R.criterion, L.self, L.appraised, R.difference, R.reason, R.evidence]);

  const lost = S.filled('#f9d6d3', '#6d130d', S.signed.numFmt);
  const gained = S.filled('#d7efdc', '#0f4220', S.signed.numFmt);
  const perUnit: { unit: UnitResult; count: number; difference: Dec }[] = [];
  for (const u of results.units) {
    let count = 0;
    let difference = 0n;
    for (const leaf of u.leaves) {
      if (!changed(leaf)) continue;
      count++;
      const delta = leaf.appraised - leaf.self;
      difference += delta;
      addRow(
        ws,
        [
          u.unit,
          groupName(u.group, ctx.lang),
          leaf.code,
          num(leaf.self),
          num(leaf.appraised),
          num(delta),
          leaf.reason,
          leaf.evidence,
        ],
        [S.text, S.text, S.center, S.number, S.number, delta < 0n ? lost : gained, S.wrap, S.wrap],
      );
    }
    if (count > 0) perUnit.push({ unit: u, count, difference });
  }
  if (perUnit.length === 0) addRow(ws, [R.noChanges]);

  addRow(ws, []);
  addRow(ws, [R.changesByUnit], undefined, { style: HEADING });
  addHeader(ws, [L.unit, L.group, R.leavesChanged, L.self, L.appraised, R.difference]);
  for (const { unit: u, count, difference } of perUnit) {
    addRow(
      ws,
      [u.unit, groupName(u.group, ctx.lang), count, numOrNull(u.self), num(u.appraisal), num(difference)],
      [S.text, S.text, S.integer, S.number, S.number, difference < 0n ? lost : gained],
    );
  }
}

const SEVERITY_FILL: Record<Severity, [string, string]> = {
  error: ['#f9d6d3', '#6d130d'],
  warning: ['#fbefc5', '#5c4100'],
  info: ['#d6e6f5', '#0e3a66'],
};

/** *Cảnh báo*: every diagnostic, in the order the run produced them, with where it points. */
export function addDiagnosticsSheet(
  wb: WorkbookWriter,
  results: Results,
  ctx: RenderContext,
  head: SheetHead,
  S: BodyStyles,
): void {
  const R = reportLabels(ctx.lang);
  const ws = addSheet(wb, R.sheets.diagnostics, { headerRows: 3 });
  setWidths(ws, [12, 22, 90, 28, 18, 8]);
  addTitle(ws, head, R.sheets.diagnostics);
  addHeader(ws, [R.severity, R.code, R.message, labels(ctx.lang).file, R.sheet, R.cell]);
  for (const d of results.diagnostics) {
    const loc = d.location;
    const cell = loc.cell ?? (loc.row !== undefined ? `${loc.column ?? ''}${loc.row}` : (loc.column ?? null));
    const [light, ink] = SEVERITY_FILL[d.severity];
    addRow(
      ws,
      [
        R.severities[d.severity],
        d.code,
        formatMessage(d, ctx.lang),
        loc.file ?? null,
        loc.sheet ?? null,
        cell,
      ],
      [S.filled(light, ink), S.text, S.wrap, S.text, S.text, S.center],
    );
  }
  if (results.diagnostics.length === 0) addRow(ws, [R.noDiagnostics]);
}
