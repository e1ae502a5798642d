import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decFromInt, HUNDRED, parseDec } from '../../src/model/decimal.js';
import { parseBands } from '../../src/parse/bands.js';
import { bandOf } from '../../src/score/bands.js';
import { compareUnitNames, competitionRanks } from '../../src/score/rank.js';
import { stats } from '../../src/score/stats.js';

describe('competition ranking', () => {
  it('shares the best rank and skips the shared places (1, 2, 2, 4)', () => {
    const idx = ['90.45', '87.4', '87.4', '81.87'].map((s) => parseDec(s)!);
    expect(competitionRanks(idx)).toEqual([1, 2, 2, 4]);
  });

  it('is a competition ranking of any list of published indices (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 60 }), (xs) => {
        const ranks = competitionRanks(xs.map((x) => BigInt(x)));
        return xs.every((x, i) => ranks[i] === 1 + xs.filter((y) => y > x).length);
      }),
    );
  });
});

describe('unit names in Vietnamese order', () => {
  const icu = new Intl.Collator('vi', { sensitivity: 'variant', numeric: true });
  const sign = (n: number) => Math.sign(n);

  it('orders names as the Vietnamese collator does: Đ after D, Ơ after Ô, tones, numbers by value', () => {
    const names = [
      'Xã Đông',
      'Xã Dương',
      'Phường 10',
      'Phường 9',
      'Huyện Sơn Tịnh',
      'Thị xã Đức Phổ',
      'xã An',
    ];
    names.push('Xã Ơn', 'Xã Ôn', 'Xã Ăn', 'Xã Án', 'Xã Àn', 'Xã An', 'Xã Ấn', 'Xã Ân');
    expect([...names].sort(compareUnitNames)).toEqual([...names].sort(icu.compare));
    expect([...names].sort(compareUnitNames)).toEqual([
      'Huyện Sơn Tịnh',
      'Phường 9',
      'Phường 10',
      'Thị xã Đức Phổ',
      'xã An',
      'Xã An',
      'Xã Àn',
      'Xã Án',
      'Xã Ăn',
      'Xã Ân',
      'Xã Ấn',
      'Xã Dương',
      'Xã Đông',
      'Xã Ôn',
      'Xã Ơn',
    ]);
  });

  it('agrees in sign with Intl.Collator("vi") on any two names (property)', () => {
    // Letters with and without marks (precomposed and combining), đ, digits, spaces and punctuation: the
    // places where a shortcut on the first differing letter could go wrong.
    const pieces = [
      ...'aAbBcCdDeEgGhHiIkKlLmMnNoOpPqQrRsStTuUvVxXyYfFjJwWzZ',
      ...'ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ',
      ...['\u0300', '\u0301', '\u0303', '\u0309', '\u0323', '\u0302', '\u0306', '\u031B', '\u00B7'],
      ...'0123456789  .,-–()/·',
      'ch',
      'ng',
      'nh',
      'gi',
      'qu',
      'tr',
      'th',
    ];
    const name = fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((p) => p.join(''));
    const prefix = fc.constantFrom('', 'Xã ', 'Huyện ', 'Phường 1', 'Thị xã Đ');
    const pair = fc.tuple(prefix, name, name).map(([p, a, b]) => [p + a, p + b] as const);
    fc.assert(
      fc.property(pair, ([a, b]) => sign(compareUnitNames(a, b)) === sign(icu.compare(a, b))),
      { numRuns: 5000 },
    );
  });

  it('agrees with Intl.Collator("vi") where names differ at letters of one family (property)', () => {
    // a, ă, â and u, ư with tones, precomposed or followed by combining marks that make them other letters
    // (a + U+0302 is â): the places where ordering by the letter alone could go wrong.
    const piece = fc.constantFrom(
      ...'aăâáắấAĂÂuưúứUƯoôơóốớdđĐe',
      '\u0302',
      '\u0306',
      '\u031B',
      '\u0301',
      '\u0323',
      ' ',
    );
    const name = fc.array(piece, { maxLength: 5 }).map((p) => p.join(''));
    const pair = fc.tuple(name, name).map(([a, b]) => [`Xã ${a}`, `Xã ${b}`] as const);
    fc.assert(
      fc.property(pair, ([a, b]) => sign(compareUnitNames(a, b)) === sign(icu.compare(a, b))),
      { numRuns: 10000 },
    );
    expect(compareUnitNames('Xã Phú', 'Xã Phước')).toBe(-1);
  });

  it('agrees with Intl.Collator("vi") where names differ inside numbers (property)', () => {
    // Numbered units ("Phường An An 02645"): runs of digits with leading zeros, of equal value, cut by
    // letters, spaces, marks, and next to digits of other scripts (٣, ５) and digit-like signs (², ½).
    const digits = fc
      .array(fc.constantFrom(...'0123456789'), { minLength: 1, maxLength: 7 })
      .map((d) => d.join(''));
    const piece = fc.oneof(
      digits,
      digits,
      fc.constantFrom('0', '00', ' ', 'a', 'B', 'đ', 'Ấp ', '\u0301', '-', '.', '٣', '５', '²', '½', 'x'),
    );
    const tail = fc.array(piece, { maxLength: 5 }).map((p) => p.join(''));
    const prefix = fc.constantFrom('', 'Phường An An ', 'Xã ', 'Tổ 1', 'Khu phố 0');
    const pair = fc.tuple(prefix, tail, tail).map(([p, a, b]) => [p + a, p + b] as const);
    fc.assert(
      fc.property(pair, ([a, b]) => sign(compareUnitNames(a, b)) === sign(icu.compare(a, b))),
      { numRuns: 10000 },
    );
    expect(compareUnitNames('Phường An An 02645', 'Phường An An 02789')).toBe(-1);
    expect(compareUnitNames('Phường 10', 'Phường 9')).toBe(1);
    // ICU reads ٣ and the ASCII digits after it as one number (32 < 301): no shortcut there.
    expect(compareUnitNames('X٣2', 'X٣01')).toBe(-1);
  });
});

describe('bands', () => {
  const scheme = (text: string) => {
    const parsed = parseBands(text);
    if (!parsed.ok) throw new Error(parsed.part);
    return parsed.bands;
  };

  it('classifies top down with >= and > at the exact threshold', () => {
    const s = scheme('Xuất sắc>=90; Tốt>80; Yếu');
    expect(bandOf(s, decFromInt(90))).toBe('Xuất sắc');
    expect(bandOf(s, decFromInt(80))).toBe('Yếu');
    expect(bandOf(s, parseDec('80.01')!)).toBe('Tốt');
  });

  it('rejects thresholds that are not decreasing or a last band with a threshold', () => {
    expect(parseBands('A>=80; B>=90; C').ok).toBe(false);
    expect(parseBands('A>=80; B>=50').ok).toBe(false);
    expect(parseBands('Tốt>=80,5; Khá').ok).toBe(true);
  });
});

describe('group statistics', () => {
  /** A unit whose index is exactly `x` (out of a maximum of 100). */
  const of100 = (x: string) => ({ total: parseDec(x)!, max: HUNDRED });

  it('computes on exact values and rounds once', () => {
    const s = stats(['80', '81', '83.005'].map(of100), 2);
    expect(s.mean).toBe(parseDec('81.34')!); // 244.005 / 3 = 81.335 → 81.34 (half-up)
    expect(s.median).toBe(parseDec('81')!);
    expect(s.max).toBe(parseDec('83.01')!);
  });

  it('takes the middle pair for an even count', () => {
    expect(stats(['1', '2', '3', '4'].map(of100), 2).median).toBe(parseDec('2.5')!);
  });

  it("gives a group of one its unit's published index, never a value rounded twice", () => {
    // 44.125712644148 of 84.33007672078 is 52.32499999999984…: 52.32, where 12 decimals first give 52.33.
    const q = { total: parseDec('44.125712644148')!, max: parseDec('84.33007672078')! };
    const s = stats([q], 2);
    expect([s.mean, s.median, s.min, s.max]).toEqual(Array(4).fill(parseDec('52.32')!));
  });

  it('takes the exact midpoint of two quotients and the mean of unequal maxima', () => {
    // 1/3 and 2/3 of 70 points: 33.333… and 66.666… → midpoint 50, mean 50.
    const s = stats(
      [
        { total: parseDec('70')!, max: parseDec('210')! },
        { total: parseDec('140')!, max: parseDec('210')! },
      ],
      2,
    );
    expect([s.median, s.mean, s.min, s.max]).toEqual(['50', '50', '33.33', '66.67'].map((x) => parseDec(x)!));
  });
});
