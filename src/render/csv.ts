import { type Dec, toFixed } from '../model/decimal.js';
import type { Results, UnitResult } from '../model/results.js';
import type { RenderContext } from './context.js';
import { neutralise } from './neutralise.js';

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark, which Excel needs to read Vietnamese from a .csv. Default false. */
  bom?: boolean;
}

/** A cell: text from the inputs, a number we computed, or nothing. Only text is neutralised. */
type CsvCell = { text: string } | { number: string } | null;

const FIXED_COLUMNS = [
  'unit',
  'unit_code',
  'group',
  'appraisal',
  'self',
  'survey',
  'bonus',
  'penalty',
  'total',
  'max',
  'index',
  'rank',
  'of',
  'band',
  'previous_rank',
  'previous_index',
  'rank_change',
  'index_change',
] as const;

/**
 * The units table for machines (docs/outputs.md): one row per unit, flat columns, then `domain.<code>`
 * columns with the domain's points, for every domain code in order of first appearance. Dot decimals and no
 * thousands separator whatever the language; published values with exactly --precision decimals. RFC 4180
 * quoting, LF line ends (every CSV reader accepts them and they diff cleanly), UTF-8. The separator is
 * "," or, for Excel set to Vietnamese (where "," is the decimal mark), ";" (--csv-delimiter).
 */
export function renderCsv(results: Results, ctx: RenderContext, options: CsvOptions = {}): string {
  const domainCodes = [...new Set(results.units.flatMap((u) => u.domains.map((d) => d.code)))];
  const header = [...FIXED_COLUMNS, ...domainCodes.map((c) => `domain.${c}`)].map((h) => ({ text: h }));
  const sep = ctx.csvDelimiter ?? ',';
  const lines = [header, ...results.units.map((u) => unitRow(u, domainCodes, ctx.precision))].map((row) =>
    row.map((c) => csvCell(c, sep)).join(sep),
  );
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\n')}\n`;
}

function unitRow(u: UnitResult, domainCodes: readonly string[], precision: number): CsvCell[] {
  const text = (s: string | null): CsvCell => (s === null ? null : { text: s });
  const int = (n: number | null): CsvCell => (n === null ? null : { number: String(n) });
  const pub = (d: Dec | null): CsvCell => (d === null ? null : { number: toFixed(d, precision) });
  const points = new Map(u.domains.map((d) => [d.code, d.points]));
  return [
    text(u.unit),
    text(u.unitCode),
    text(u.group),
    pub(u.appraisal),
    pub(u.self),
    pub(u.survey),
    pub(u.bonus),
    pub(u.penalty),
    pub(u.total),
    pub(u.max),
    pub(u.index),
    int(u.rank),
    int(u.of),
    text(u.band),
    int(u.previous?.rank ?? null),
    pub(u.previous?.index ?? null),
    int(u.rankChange),
    pub(u.indexChange),
    ...domainCodes.map((c) => pub(points.get(c) ?? null)),
  ];
}

/** RFC 4180: quote a field holding the separator, a quote or a line break; double the quotes inside. */
export const quote = (field: string, sep: ',' | ';' = ','): string =>
  /["\r\n]/.test(field) || field.includes(sep) ? `"${field.replaceAll('"', '""')}"` : field;

function csvCell(cell: CsvCell, sep: ',' | ';'): string {
  if (cell === null) return '';
  if ('number' in cell) return cell.number;
  return quote(neutralise(cell.text), sep);
}
