// model/terminalText.ts: what a terminal would act on is shown as an escape, everything else is untouched.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeControls, escapeControlsDeep } from '../../src/model/terminalText.js';

/** Any character a terminal acts on or that reorders text: C0, DEL, C1, U+2028/2029, bidi controls. */
const DANGEROUS = /[\p{Cc}\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

describe('escapeControls', () => {
  it('writes ESC, BEL, CR, LF, tab, DEL, a C1 control, U+2028 and the bidi overrides as escapes', () => {
    expect(escapeControls('Xã \x1b[2JA\x07')).toBe('Xã \\x1b[2JA\\x07');
    expect(escapeControls('a\rb\nc\td\x7fe\x9bf')).toBe('a\\rb\\nc\\td\\x7fe\\x9bf');
    expect(escapeControls('x\u2028y\u202ez\u2066w\u200f')).toBe('x\\u2028y\\u202ez\\u2066w\\u200f');
  });

  it('leaves Vietnamese, punctuation, emoji and combining marks as they are', () => {
    const text = 'Phường Hoà Bình — “UBND” 81,87% 😀 e\u0301 Đ';
    expect(escapeControls(text)).toBe(text);
  });

  it('property: the result holds no dangerous character, and text without one comes back unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = escapeControls(s);
        expect(DANGEROUS.test(out)).toBe(false);
        if (!DANGEROUS.test(s)) expect(out).toBe(s);
        // Only dangerous characters change: removing every escape of one gives back the rest of the text.
        expect(out.replace(/\\(x[0-9a-f]{2}|u[0-9a-f]{4}|[nrt])/g, '')).toBe(
          s.replace(new RegExp(DANGEROUS.source, 'gu'), ''),
        );
      }),
    );
  });
});

describe('escapeControlsDeep', () => {
  it('escapes every string of a data tree, keeps numbers, bigints, dates and equal strings equal', () => {
    const date = new Date(0);
    const tree = {
      units: [{ unit: 'A\x1b', groupKey: 'k\u202e', n: 3, d: 5n }],
      groups: [{ groupKey: 'k\u202e' }],
      byGroup: new Map([['k\u202e', ['B\x07']]]),
      date,
      none: null,
    };
    const out = escapeControlsDeep(tree);
    expect(out.units[0]).toEqual({ unit: 'A\\x1b', groupKey: 'k\\u202e', n: 3, d: 5n });
    expect(out.groups[0]!.groupKey).toBe(out.units[0]!.groupKey);
    expect([...out.byGroup]).toEqual([['k\\u202e', ['B\\x07']]]);
    expect(out.date).toBe(date);
    expect(out.none).toBeNull();
    expect(tree.units[0]!.unit).toBe('A\x1b');
  });

  it('property: the tree a full copy would give, and the very same tree where nothing needs escaping', () => {
    // The reference: every object, array and map copied, every string escaped.
    const copy = (v: unknown): unknown => {
      if (typeof v === 'string') return escapeControls(v);
      if (Array.isArray(v)) return v.map(copy);
      if (v instanceof Map) return new Map([...v].map(([k, x]) => [copy(k), copy(x)]));
      if (v !== null && typeof v === 'object')
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copy(x)]));
      return v;
    };
    /** The tree as text, maps and bigints included: equal when no string in it needed an escape. */
    const text = (v: unknown) =>
      JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? `${x}n` : x instanceof Map ? [...x] : x));
    const word = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('Xã A', 'B\x1b[2J', 'c\u202e', 'Hòa'));
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small' },
        word,
        fc.integer(),
        fc.bigInt(),
        fc.constant(null),
        fc.array(tie('tree'), { maxLength: 4 }),
        fc.dictionary(fc.string({ maxLength: 4 }), tie('tree'), { maxKeys: 4, noNullPrototype: true }),
        fc.array(fc.tuple(word, tie('tree')), { maxLength: 3 }).map((pairs) => new Map(pairs)),
      ),
    }));
    fc.assert(
      fc.property(tree, (t) => {
        const before = structuredClone(t);
        const out = escapeControlsDeep(t);
        expect(out).toEqual(copy(t));
        expect(t).toEqual(before); // the input is never changed
        if (text(copy(t)) === text(t)) expect(out).toBe(t);
      }),
      { numRuns: 500 },
    );
  });
});
