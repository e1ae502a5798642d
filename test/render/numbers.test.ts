import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCALE } from '../../src/model/decimal.js';
import {
  formatBandRule,
  formatChange,
  formatDec,
  formatDecChange,
  formatDecOrDash,
  formatPlain,
  formatRank,
} from '../../src/render/numbers.js';
import { d } from './sampleResults.js';

describe('number display', () => {
  it('uses a decimal comma in Vietnamese and a point in English', () => {
    const total = d('61.12') + d('20.75');
    expect(formatDec(total, 2, 'vi')).toBe('81,87');
    expect(formatDec(total, 2, 'en')).toBe('81.87');
    expect(formatDec(d('93.345'), 2, 'vi')).toBe('93,35');
    expect(formatDec(d('90'), 2, 'vi')).toBe('90,00');
    expect(formatDec(d('1234.5'), 1, 'vi')).toBe('1234,5');
    expect(formatDec(d('-1.5'), 2, 'en')).toBe('-1.50');
  });

  it('shows a dash for missing values and exact short text for thresholds', () => {
    expect(formatDecOrDash(null, 2, 'vi')).toBe('—');
    expect(formatPlain(d('31.5'), 'vi')).toBe('31,5');
    expect(formatPlain(d('90'), 'en')).toBe('90');
    expect(formatBandRule({ op: '>=', min: d('90') }, 'vi')).toBe('≥ 90');
    expect(formatBandRule({ op: '>', min: d('82.5') }, 'vi')).toBe('> 82,5');
    expect(formatBandRule({ op: null, min: null }, 'vi')).toBe('—');
  });

  it('formats ranks and signed changes', () => {
    expect(formatRank(8, 13)).toBe('8/13');
    expect(formatChange(2)).toBe('+2');
    expect(formatChange(-1)).toBe('−1');
    expect(formatChange(0)).toBe('0');
    expect(formatChange(null)).toBe('—');
    expect(formatDecChange(d('-1.5'), 2, 'vi')).toBe('−1,50');
    expect(formatDecChange(d('0.25'), 2, 'en')).toBe('+0.25');
    expect(formatDecChange(d('0.001'), 2, 'en')).toBe('0.00');
  });

  it('vi and en differ only in the separator', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 6n) * SCALE, max: 10n ** 6n * SCALE }),
        fc.integer({ min: 0, max: 6 }),
        (v, p) => {
          expect(formatDec(v, p, 'vi')).toBe(formatDec(v, p, 'en').replace('.', ','));
        },
      ),
    );
  });
});
