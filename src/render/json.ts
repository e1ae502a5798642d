import { formatMessage } from '../i18n/format.js';
import { type Dec, round, toNumber } from '../model/decimal.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { GroupResult, Results, UnitResult } from '../model/results.js';
import type { RenderContext } from './context.js';
import { leadersByGroup } from './titleBlock.js';

export const JSON_SCHEMA = 'cchc.results/1';

/**
 * The stable, versioned results document of docs/outputs.md (docs/schema/). Objects are built key by key in
 * the documented order,
 * so the output is byte-for-byte the same for the same results; nothing outside the schema is written.
 * Numbers are the published values: exact decimals rounded to --precision, then turned into the JSON
 * number with the same shortest text (81.87, never 81.87000000000001).
 */
export function renderJson(results: Results, ctx: RenderContext): string {
  return Buffer.concat(renderJsonBytes(results, ctx)).toString('utf8');
}

/**
 * Units are written into the document's bytes this many at a time: a piece of 16 units is about 30 KB of
 * text, collected young. Pieces of 256 (460 KB) went to V8's large-object space and, with their UTF-8
 * copies, stayed there until the run ended: 10 MB of a national run's peak.
 */
const UNITS_PER_PIECE = 16;

/**
 * renderJson's document as UTF-8 bytes in pieces, built unit by unit: the same text as JSON.stringify of the whole
 * document with two-space indents, without holding the whole document as objects and then as one string
 * (a national run's 3,321 units made 11 MB of text and as much again of objects, at 4 × national a fifth of
 * the memory the run may take). Each unit is stringified on its own and indented as the array's element it
 * is; the rest of the document is stringified with a placeholder where the units go.
 */
export function renderJsonBytes(results: Results, ctx: RenderContext): Buffer[] {
  const pub = (d: Dec): number => toNumber(round(d, ctx.precision));
  const pubOrNull = (d: Dec | null): number | null => (d === null ? null : pub(d));
  const info = ctx.report;
  const leaders = leadersByGroup(results);
  const doc = {
    schema: JSON_SCHEMA,
    // Only what the run was given: a date defaults to null, not today, so that the same inputs give the
    // same document on any day (SOURCE_DATE_EPOCH, when set, is a date given).
    report: {
      title: info?.title ?? null,
      period: info?.period ?? null,
      issuer: info?.issuer ?? null,
      date: info?.date ?? null,
    },
    settings: {
      stage: results.settings.stage,
      na: results.settings.na,
      precision: ctx.precision,
      lang: ctx.lang,
    },
    inputs: results.inputs.map((i) => ({ role: i.role, file: i.file, sha256: i.sha256 })),
    framework: {
      appraisalMax: toNumber(results.framework.appraisalMax),
      surveyMax: toNumber(results.framework.surveyMax),
      bonusMax: toNumber(results.framework.bonusMax),
      penaltyMax: toNumber(results.framework.penaltyMax),
      leaves: results.framework.leaves,
    },
    units: UNITS_HERE,
    groups: results.groups.map((g) => groupJson(g, leaders.get(g.groupKey) ?? [], pub)),
    rows: { read: results.rows.read, scored: results.rows.scored, rejected: results.rows.rejected },
    diagnostics: results.diagnostics.map((d) => diagnosticJson(d, ctx)),
  };
  const text = `${JSON.stringify(doc, null, 2)}\n`;
  // The key with its placeholder value: no string in the document can hold this text unescaped.
  const mark = `"units": ${JSON.stringify(UNITS_HERE)}`;
  const at = text.indexOf(mark) + '"units": '.length;
  const pieces: Buffer[] = [Buffer.from(text.slice(0, at))];
  const { units } = results;
  const heads: DomainHeads = new Map();
  if (units.length === 0) pieces.push(Buffer.from('[]'));
  else {
    for (let i = 0; i < units.length; i += UNITS_PER_PIECE) {
      const batch = units
        .slice(i, i + UNITS_PER_PIECE)
        .map((u) => unitText(u, pub, pubOrNull, heads))
        .join(',\n');
      pieces.push(Buffer.from(`${i === 0 ? '[\n' : ',\n'}${batch}`));
    }
    pieces.push(Buffer.from('\n  ]'));
  }
  pieces.push(Buffer.from(text.slice(at + mark.length - '"units": '.length)));
  // In pieces: joined, the bytes would be held twice at the end (a 4 × national document is 23 MB).
  return pieces;
}

/** Where the units go in the stringified document. */
const UNITS_HERE = '\u0000units';

const str = (s: string | null): string => JSON.stringify(s);
/** A number as JSON.stringify writes it (NaN and the infinities, which no published value is, as null). */
const num = (n: number | null): string => (n === null || !Number.isFinite(n) ? 'null' : `${n}`);

/**
 * The text of a domain up to its points, by code: every unit has the same few domains, whose code and name
 * would otherwise be stringified again for each (a national run: 53,000 times). The name is checked too.
 */
type DomainHeads = Map<string, { name: string; text: string }>;

function domainHead(heads: DomainHeads, code: string, name: string): string {
  const known = heads.get(code);
  if (known !== undefined && known.name === name) return known.text;
  const text = `{
          "code": ${str(code)},
          "name": ${str(name)},
          "points": `;
  heads.set(code, { name, text });
  return text;
}

/**
 * A unit as the element of the units array it is: the text JSON.stringify(unit, null, 2) makes, indented
 * four spaces, written key by key. Stringifying an object per unit with indents and indenting it again
 * was most of a national run's JSON (test/render/jsonBytes.test.ts holds the two equal on random units).
 */
function unitText(
  u: UnitResult,
  pub: (d: Dec) => number,
  pubOrNull: (d: Dec | null) => number | null,
  heads: DomainHeads,
): string {
  let domains = '[]';
  if (u.domains.length > 0) {
    domains = '[';
    for (let i = 0; i < u.domains.length; i++) {
      const d = u.domains[i]!;
      // Domain points and maxima come rounded to --precision (computeResults); the index is published.
      domains += `${i === 0 ? '\n' : ',\n'}        ${domainHead(heads, d.code, d.name)}${num(toNumber(d.points))},
          "max": ${num(toNumber(d.max))},
          "index": ${num(pubOrNull(d.index))}
        }`;
    }
    domains += '\n      ]';
  }
  const previous =
    u.previous === null
      ? 'null'
      : `{
        "rank": ${num(u.previous.rank)},
        "index": ${num(pub(u.previous.index))}
      }`;
  return `    {
      "unit": ${str(u.unit)},
      "unitCode": ${str(u.unitCode)},
      "group": ${str(u.group)},
      "appraisal": ${num(pub(u.appraisal))},
      "self": ${num(pubOrNull(u.self))},
      "survey": ${num(pubOrNull(u.survey))},
      "bonus": ${num(pub(u.bonus))},
      "penalty": ${num(pub(u.penalty))},
      "total": ${num(pub(u.total))},
      "max": ${num(toNumber(u.max))},
      "index": ${num(pub(u.index))},
      "rank": ${num(u.rank)},
      "of": ${num(u.of)},
      "band": ${str(u.band)},
      "domains": ${domains},
      "previous": ${previous},
      "rankChange": ${num(u.rankChange)},
      "indexChange": ${num(pubOrNull(u.indexChange))}
    }`;
}

function groupJson(g: GroupResult, leaders: string[], pub: (d: Dec) => number) {
  return {
    group: g.group,
    units: g.units,
    mean: pub(g.mean),
    median: pub(g.median),
    min: pub(g.min),
    max: pub(g.max),
    top: g.top,
    leaders,
    bands: g.bands.map((b) => ({
      band: b.band,
      op: b.op,
      min: b.min === null ? null : toNumber(b.min),
      count: b.count,
    })),
  };
}

/** Location fields that are not known are null, never missing, so every diagnostic has the same keys. */
function diagnosticJson(d: Diagnostic, ctx: RenderContext) {
  const loc = d.location;
  return {
    code: d.code,
    severity: d.severity,
    message: formatMessage(d, ctx.lang),
    file: loc.file ?? null,
    sheet: loc.sheet ?? null,
    row: loc.row ?? null,
    column: loc.column ?? null,
    cell: loc.cell ?? null,
  };
}
