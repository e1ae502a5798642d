import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDec, toFixed } from '../../src/model/decimal.js';
import type { ScoreStore } from '../../src/model/scoreStore.js';
import type { LeafEntry, UnitInput } from '../../src/model/scores.js';
import type { Settings } from '../../src/model/settings.js';
import { parseBands } from '../../src/parse/bands.js';
import { buildFramework } from '../../src/parse/buildFramework.js';
import type { CriteriaRow } from '../../src/parse/criteriaRow.js';
import { ScoreBook } from '../../src/parse/scoreBook.js';
import { computeResults } from '../../src/score/computeResults.js';

const crit = (code: string, max: string, component: CriteriaRow['component'] = null): CriteriaRow => ({
  code,
  name: code,
  max: parseDec(max),
  component,
  rule: null,
  na: undefined,
  groups: null,
  parent: null,
  location: {},
});

// 70 appraisal (two domains), 30 survey, 2 bonus, 3 penalty.
const { framework } = buildFramework(
  [
    crit('1', '40'),
    crit('1.1', '25'),
    crit('1.2', '15'),
    crit('2', '30'),
    crit('2.1', '30'),
    crit('3', '30', 'survey'),
    crit('4', '2', 'bonus'),
    crit('5', '3', 'penalty'),
  ],
  new Map(),
);
const bands = parseBands('Xuất sắc>=90; Tốt>=80; Khá>=70; Trung bình>=50; Yếu');
const settings: Settings = {
  stage: 'appraised',
  na: 'exclude',
  precision: 2,
  lang: 'vi',
  strict: false,
  bands: { default: bands.ok ? bands.bands : [], byGroup: new Map() },
};

type Row = { unit: number; group: number; cents: number[] };

/** The rows read into a book, as the readers would: a unit per row, an appraised value per leaf. */
function unitsFrom(rows: Row[]): { units: UnitInput[]; store: ScoreStore } {
  const book = new ScoreBook(new Map(), { keepRaw: true });
  book.use(framework);
  const units = rows.map((r) => {
    const unit = book.unit(`Đơn vị ${r.unit}`, `Khối ${r.group}`, null, () => ({}), false)!;
    const where = { file: 's.csv', sheet: 's' };
    framework.leaves.forEach((leaf, i) => {
      const entry: LeafEntry = {
        code: leaf.code,
        self: null,
        appraised: (r.cents[i]! / 100).toFixed(2),
        where,
        row: r.unit + 2,
        selfCol: -1,
        appraisedCol: 3,
        reason: '',
        evidence: '',
        note: '',
      };
      book.add(unit, entry, false);
    });
    return unit;
  });
  return { units, store: book.store };
}

const maxCents = [2500, 1500, 3000, 3000, 200, 300];
const unitRows = fc
  .uniqueArray(
    fc.record({
      unit: fc.integer({ min: 1, max: 400 }),
      group: fc.integer({ min: 1, max: 3 }),
      cents: fc.tuple(...maxCents.map((m) => fc.integer({ min: 0, max: m }))),
    }),
    { selector: (r) => r.unit, minLength: 1, maxLength: 25 },
  )
  .map((rows) => rows as Row[]);

const run = (rows: Row[]) =>
  computeResults({
    framework,
    ...unitsFrom(rows),
    settings,
    inputs: [],
    diagnostics: [],
    rows: { read: 0, rejected: new Set() },
  });

describe('computeResults', () => {
  it('scores 61.12 + 20.75 = 81.87', () => {
    const r = run([{ unit: 1, group: 1, cents: [2500, 1500, 2112, 2075, 0, 0] }]);
    // 25 + 15 + 21.12 = 61.12 appraisal; survey 20.75
    expect(toFixed(r.units[0]!.appraisal, 2)).toBe('61.12');
    expect(toFixed(r.units[0]!.total, 2)).toBe('81.87');
    expect(toFixed(r.units[0]!.index, 2)).toBe('81.87');
  });

  it('total = appraisal + survey + bonus − penalty, for every unit (property)', () => {
    fc.assert(
      fc.property(unitRows, (rows) =>
        run(rows).units.every((u) => u.total === u.appraisal + (u.survey ?? 0n) + u.bonus - u.penalty),
      ),
    );
  });

  it('ranks are a competition ranking of the published indices within each group (property)', () => {
    fc.assert(
      fc.property(unitRows, (rows) => {
        const units = run(rows).units;
        return units.every(
          (u) => u.rank === 1 + units.filter((o) => o.groupKey === u.groupKey && o.index > u.index).length,
        );
      }),
    );
  });

  it('permuting the input rows changes no unit result and no order within a group (property)', () => {
    fc.assert(
      fc.property(
        unitRows.chain((rows) =>
          fc.tuple(
            fc.constant(rows),
            fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }),
          ),
        ),
        ([rows, shuffled]) => {
          const a = run(rows);
          const b = run(shuffled);
          const byGroup = (r: typeof a) =>
            new Map(
              r.groups.map((g) => [
                g.groupKey,
                r.units
                  .filter((u) => u.groupKey === g.groupKey)
                  .map((u) => `${u.unit}:${u.index}:${u.rank}:${u.band}`),
              ]),
            );
          expect(byGroup(b)).toEqual(byGroup(a));
          expect(new Map(b.groups.map((g) => [g.groupKey, g]))).toEqual(
            new Map(a.groups.map((g) => [g.groupKey, g])),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('computeResults without leaf-by-leaf results', () => {
  it('gives the same totals, domains, ranks and bands, and no leaves (property)', () => {
    fc.assert(
      fc.property(unitRows, (rows) => {
        const full = run(rows);
        const lean = computeResults({
          framework,
          ...unitsFrom(rows),
          settings,
          inputs: [],
          diagnostics: [],
          rows: { read: 0, rejected: new Set() },
          keepLeaves: false,
        });
        expect(lean.units.every((u) => u.leaves.length === 0)).toBe(true);
        expect(lean.units.map(({ leaves: _, ...u }) => u)).toEqual(
          full.units.map(({ leaves: _, ...u }) => u),
        );
      }),
      { numRuns: 40 },
    );
  });
});
