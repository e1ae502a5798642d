// The JSON report written unit by unit into bytes is the text JSON.stringify makes of the whole document
// (two-space indents), whatever the number of units, and whatever a unit's name holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Dec, round, toNumber } from '../../src/model/decimal.js';
import type { UnitResult } from '../../src/model/results.js';
import { renderJson, renderJsonBytes } from '../../src/render/json.js';
import { ctx, sampleResults } from './sampleResults.js';

/** The document as JSON.stringify writes it whole. */
const whole = (text: string) => `${JSON.stringify(JSON.parse(text), null, 2)}\n`;

describe('renderJsonBytes', () => {
  it('is JSON.stringify of the whole document, for no, one and many units', () => {
    const base = sampleResults();
    const one = base.units[0]!;
    for (const count of [0, 1, 2, 15, 16, 17, 255, 256, 257, 700]) {
      const units = Array.from({ length: count }, (_, i) => ({
        ...one,
        unit: i % 3 === 0 ? `Xã "Hòa" \\ ${i}\n\u0000units` : `Đơn vị ${i}`,
      }));
      const text = Buffer.concat(renderJsonBytes({ ...base, units }, ctx())).toString('utf8');
      expect(text).toBe(whole(text));
      expect(JSON.parse(text).units).toHaveLength(count);
      expect(renderJson({ ...base, units }, ctx())).toBe(text);
    }
  });

  it('keeps a title that looks like the placeholder as it is', () => {
    const text = renderJson(sampleResults(), ctx({ report: { title: '"units": "\u0000units"' } as never }));
    expect(JSON.parse(text).report.title).toBe('"units": "\u0000units"');
    expect(text).toBe(whole(text));
  });

  it('writes any unit as JSON.stringify writes the object of its published values', () => {
    // Scaled decimals (12 places) from -10^15 to 10^15 units: every sign, scale and rounding case.
    const dec = fc.bigInt({ min: -(10n ** 27n), max: 10n ** 27n });
    const decOrNull = fc.option(dec, { nil: null });
    const text = fc.string({ unit: 'binary', maxLength: 12 });
    const domain = fc.record({ code: text, name: text, points: dec, max: dec, index: decOrNull });
    const unit = fc.record({
      unit: text,
      unitCode: fc.option(text, { nil: null }),
      group: text,
      appraisal: dec,
      self: decOrNull,
      survey: decOrNull,
      bonus: dec,
      penalty: dec,
      total: dec,
      max: dec,
      index: dec,
      rank: fc.integer(),
      of: fc.nat(),
      band: text,
      domains: fc.array(domain, { maxLength: 3 }),
      previous: fc.option(fc.record({ rank: fc.integer(), index: dec }), { nil: null }),
      rankChange: fc.option(fc.integer(), { nil: null }),
      indexChange: decOrNull,
    });
    fc.assert(
      fc.property(
        fc.array(unit, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 4 }),
        (us, precision) => {
          const units = us.map((u) => ({ ...u, groupKey: u.group, leaves: [] }) as unknown as UnitResult);
          const out = Buffer.concat(
            renderJsonBytes({ ...sampleResults(), units }, ctx({ precision })),
          ).toString();
          expect(out).toBe(whole(out));
          // The values, worked out here the way the schema says: published values rounded to --precision.
          const pub = (v: Dec) => toNumber(round(v, precision));
          const orNull = (v: Dec | null) => (v === null ? null : pub(v));
          const expected = us.map((u) => ({
            unit: u.unit,
            unitCode: u.unitCode,
            group: u.group,
            appraisal: pub(u.appraisal),
            self: orNull(u.self),
            survey: orNull(u.survey),
            bonus: pub(u.bonus),
            penalty: pub(u.penalty),
            total: pub(u.total),
            max: toNumber(u.max),
            index: pub(u.index),
            rank: u.rank,
            of: u.of,
            band: u.band,
            domains: u.domains.map((d) => ({
              code: d.code,
              name: d.name,
              points: toNumber(d.points),
              max: toNumber(d.max),
              index: orNull(d.index),
            })),
            previous: u.previous === null ? null : { rank: u.previous.rank, index: pub(u.previous.index) },
            rankChange: u.rankChange,
            indexChange: orNull(u.indexChange),
          }));
          expect(JSON.parse(out).units).toStrictEqual(JSON.parse(JSON.stringify(expected)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
