// The JSON report written unit by unit into bytes is the text JSON.stringify makes of the whole document
// (two-space indents), whatever the number of units, and whatever a unit's name holds.
import { describe, expect, it } from 'vitest';
import { renderJson, renderJsonBytes } from '../../src/render/json.js';
import { ctx, sampleResults } from './sampleResults.js';

/** The document as JSON.stringify writes it whole. */
const whole = (text: string) => `${JSON.stringify(JSON.parse(text), null, 2)}\n`;

describe('renderJsonBytes', () => {
  it('is JSON.stringify of the whole document, for no, one and many units', () => {
    const base = sampleResults();
    const one = base.units[0]!;
    for (const count of [0, 1, 2, 255, 256, 257, 700]) {
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
});
