// Unit names across files: tone placement and council/level prefixes are one name; anything less certain
// (no diacritics, another word) is another name. Examples, then properties over generated names.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moveTones, nameKey } from '../../src/model/normalize.js';
import { unitKey, unitNameRank } from '../../src/model/unitName.js';

describe('moveTones', () => {
  it('puts the tone of oa, oe, uy on the second vowel, whichever way it was written', () => {
    expect(moveTones('hòa hoà thủy thuỷ khỏa khoả khỏe khoẻ thụy thuỵ úy uý')).toBe(
      'hoà hoà thuỷ thuỷ khoả khoả khoẻ khoẻ thuỵ thuỵ uý uý',
    );
  });

  it('leaves other syllables alone', () => {
    expect(moveTones('hoàng thuyền của mùa quý đông sơn')).toBe('hoàng thuyền của mùa quý đông sơn');
  });

  it('is part of nameKey, with NFC and case', () => {
    expect(nameKey('Xã  HÒA Chính'.normalize('NFD'))).toBe(nameKey('xã Hoà Chính'));
  });
});

describe('unitKey', () => {
  const same = [
    ['UBND xã Thủy Xuân', 'X. Thuỷ Xuân', 'Xã Thủy Xuân', 'X.Thuỷ Xuân', 'xã  THUỶ xuân'],
    ['Uỷ ban nhân dân xã Thuỵ Hương', 'UBND xã Thụy Hương', 'Xã Thụy Hương'],
    ['Ủy ban nhân dân phường Hòa Khánh', 'P. Hoà Khánh', 'Phường Hòa Khánh'],
    ['TT Chúc Sơn', 'TT. Chúc Sơn', 'UBND thị trấn Chúc Sơn', 'Thị trấn Chúc Sơn'],
    ['P.1', 'Phường 1', 'P. 1'],
    ['TP Huế', 'TP. Huế', 'Thành phố Huế'],
    ['TX. Hương Thủy', 'Thị xã Hương Thuỷ'],
  ];
  it.each(same)('%s is the same unit as its variants', (...names) => {
    expect(new Set(names.map(unitKey)).size).toBe(1);
  });

  it('is conservative: no diacritics, TT before a common noun, bare P or X, Tt… words stay apart', () => {
    expect(unitKey('Xa Thuy Xuan')).not.toBe(unitKey('Xã Thủy Xuân'));
    expect(unitKey('TT Y tế huyện')).toBe('tt y tế huyện'); // Trung tâm Y tế, not a town
    expect(unitKey('P Hòa Khánh')).toBe('p hoà khánh');
    expect(unitKey('Ttxyz')).toBe('ttxyz');
    expect(unitKey('TTChúc Sơn')).toBe('ttchúc sơn');
    expect(unitKey('UBND')).toBe('ubnd');
    expect(unitKey('TT')).toBe('tt');
    expect(unitKey('Sở Nội vụ')).toBe('sở nội vụ');
  });

  it('ranks the plain name before an abbreviation before the council prefix', () => {
    expect(
      ['Xã Thủy Xuân', 'X. Thủy Xuân', 'UBND xã Thủy Xuân', 'UBND X. Thủy Xuân'].map(unitNameRank),
    ).toEqual([0, 1, 2, 2]);
  });
});

// ── properties ──

/** Syllables of place names, each with its tone placements (old and new) where they differ. */
const SYLLABLES: readonly (readonly string[])[] = [
  ['Hòa', 'Hoà'],
  ['Thủy', 'Thuỷ'],
  ['Khỏa', 'Khoả'],
  ['Thụy', 'Thuỵ'],
  ['Khỏe', 'Khoẻ'],
  ['Xuân'],
  ['Chính'],
  ['Đông'],
  ['Sơn'],
  ['Tiên'],
  ['Bình'],
  ['Phú'],
  ['An'],
  ['Hương'],
  ['Khánh'],
  ['Nam'],
  ['Bắc'],
  ['Minh'],
];
const LEVELS: readonly { full: string; short: readonly string[] }[] = [
  { full: 'xã', short: ['X.', 'X. ', 'x.'] },
  { full: 'phường', short: ['P.', 'P. '] },
  { full: 'thị trấn', short: ['TT ', 'TT. ', 'tt '] },
  { full: 'thành phố', short: ['TP ', 'TP. '] },
];
const COUNCILS = ['', 'UBND ', 'Ủy ban nhân dân ', 'Uỷ ban nhân dân ', 'ỦY BAN NHÂN DÂN '];

const place = fc.array(fc.integer({ min: 0, max: SYLLABLES.length - 1 }), { minLength: 1, maxLength: 3 });
const level = fc.integer({ min: 0, max: LEVELS.length - 1 });

/** One way of writing a unit: council prefix, level written out or abbreviated, tone placement, spacing. */
const written = (lv: number, syllables: readonly number[]) =>
  fc
    .record({
      council: fc.constantFrom(...COUNCILS),
      short: fc.option(fc.constantFrom(...LEVELS[lv]!.short), { nil: undefined }),
      upperLevel: fc.boolean(),
      tones: fc.array(fc.boolean(), { minLength: syllables.length, maxLength: syllables.length }),
      nfd: fc.boolean(),
      spaces: fc.constantFrom(' ', '  ', ' \u00a0'),
    })
    .map((w) => {
      const full = LEVELS[lv]!.full;
      const lvl = w.short ?? `${w.upperLevel ? full[0]!.toUpperCase() + full.slice(1) : full} `;
      const name = syllables.map((s, i) => SYLLABLES[s]![w.tones[i]! ? SYLLABLES[s]!.length - 1 : 0]!);
      const text = `${w.council}${lvl}${name.join(w.spaces)}`;
      return w.nfd ? text.normalize('NFD') : text;
    });

describe('unitKey properties', () => {
  it('maps every way of writing a name to one key', () => {
    fc.assert(
      fc.property(
        level.chain((lv) => place.chain((p) => fc.tuple(written(lv, p), written(lv, p)))),
        ([a, b]) => unitKey(a) === unitKey(b),
      ),
    );
  });

  it('never maps two different names (or levels) to one key', () => {
    const unit = fc.tuple(level, place);
    fc.assert(
      fc.property(
        unit.chain(([l1, p1]) =>
          unit.chain(([l2, p2]) =>
            fc.tuple(fc.constant([l1, p1, l2, p2] as const), written(l1, p1), written(l2, p2)),
          ),
        ),
        ([[l1, p1, l2, p2], a, b]) => {
          const differ = l1 !== l2 || p1.join() !== p2.join();
          return differ === (unitKey(a) !== unitKey(b));
        },
      ),
    );
  });

  it('never matches a name written without diacritics', () => {
    fc.assert(
      fc.property(
        level.chain((lv) => place.chain((p) => written(lv, p))),
        (name) => {
          const bare = name
            .normalize('NFD')
            .replace(/[\u0300-\u036f]/g, '')
            .replace(/đ/g, 'd')
            .replace(/Đ/g, 'D');
          return bare === name || unitKey(bare) !== unitKey(name);
        },
      ),
    );
  });
});
