// Property tests through the CLI's main() in-process (fake streams, same code path as bin/cchc.js):
// the order of the rows of a scores file changes nothing; totals are the sum of their parts; ranks are a
// competition ranking of the published indices (STYLE.md principle 10).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FIXTURES,
  type Json,
  type LongRow,
  longScores,
  runInProcess,
  tinyCriteria,
  workspace,
} from './helpers.js';

const P = (f: string) => join(FIXTURES, 'province', f);

/** The results JSON without `inputs` (the sha256 of a reordered file differs, by design). */
const withoutInputs = (stdout: string): Json => {
  const { inputs: _inputs, ...rest } = JSON.parse(stdout);
  return rest;
};

/** A permutation of 0..n-1 from fast-check. */
const permutation = (n: number) =>
  fc.array(fc.nat(), { minLength: n, maxLength: n }).map((keys) =>
    keys
      .map((k, i) => [k, i] as const)
      .sort((a, b) => a[0] - b[0] || a[1] - b[1])
      .map(([, i]) => i),
  );

describe('row order does not matter', () => {
  it('in-process main() gives the same JSON as the binary would for the province sample', async () => {
    const r = await runInProcess([
      'score',
      '--criteria',
      P('criteria.csv'),
      '--scores',
      P('scores.csv'),
      '--survey',
      P('survey.csv'),
      '--format',
      'json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).units.find((u: Json) => u.unit === 'Huyện Mộ Đức')).toMatchObject({
      total: 81.87,
      rank: 8,
      of: 13,
    });
  });

  it('permuting the data rows of the province scores.csv changes nothing in the JSON (but inputs)', async () => {
    const ws = await workspace();
    const lines = readFileSync(P('scores.csv'), 'utf8').split('\r\n');
    const headerAt = lines.findIndex((l) => l.startsWith('STT,'));
    const head = lines.slice(0, headerAt + 1);
    const data = lines.slice(headerAt + 1).filter((l) => l !== '');
    const args = (scores: string) => [
      'score',
      '--criteria',
      P('criteria.csv'),
      '--scores',
      scores,
      '--survey',
      P('survey.csv'),
      '--format',
      'json',
    ];
    const base = await runInProcess(args(P('scores.csv')));
    expect(base.code).toBe(0);
    const expected = withoutInputs(base.stdout);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(permutation(data.length), async (perm) => {
        const file = await ws.write(
          `scores-${n++}.csv`,
          [...head, ...perm.map((i) => data[i]), ''].join('\r\n'),
        );
        const r = await runInProcess(args(file));
        expect(r.code).toBe(0);
        expect(withoutInputs(r.stdout)).toEqual(expected);
      }),
      { numRuns: 12 },
    );
  });

  it('generated units: order-free, total = sum of parts, ranks are competition ranks of the published index', async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', tinyCriteria());
    // Values in quarter points so that ties are common; survey optional for the whole group.
    const unit = fc.record({
      a11: fc.integer({ min: 0, max: 120 }).map((q) => q / 4),
      a12: fc.integer({ min: 0, max: 160 }).map((q) => q / 4),
      s: fc.integer({ min: 0, max: 120 }).map((q) => q / 4),
    });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(unit, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        fc.nat(),
        async (units, withSurvey, seed) => {
          const rows: LongRow[] = units.flatMap((u, i) => {
            const name = `Xã số ${String(i + 1).padStart(2, '0')}`;
            const r: LongRow[] = [
              [name, 'Xã', '1.1', u.a11, String(u.a11).replace('.', ',')],
              [name, 'Xã', '1.2', u.a12, u.a12],
            ];
            if (withSurvey) r.push([name, 'Xã', '2', null, u.s]);
            return r;
          });
          const shuffled = rows
            .map((r, i) => [r, (i * 7919 + seed) % 104729] as const)
            .sort((a, b) => a[1] - b[1])
            .map(([r]) => r);
          const run = async (rs: LongRow[]) => {
            const f = await ws.write(`s-${n++}.csv`, longScores(rs));
            const r = await runInProcess([
              'score',
              '--criteria',
              join(ws.dir, 'criteria.csv'),
              '--scores',
              f,
              '--format',
              'json',
            ]);
            expect(r.code, r.stdout).toBe(0);
            return withoutInputs(r.stdout);
          };
          const a = await run(rows);
          const b = await run(shuffled);
          expect(b).toEqual(a);
          expect(a.rows).toEqual({ read: rows.length, scored: rows.length, rejected: 0 });
          for (const u of a.units) {
            const src = units[Number(u.unit.slice(-2)) - 1]!;
            expect(u.appraisal).toBe(src.a11 + src.a12);
            expect(u.survey).toBe(withSurvey ? src.s : null);
            expect(u.total).toBe(u.appraisal + (u.survey ?? 0) + u.bonus - u.penalty);
            expect(u.max).toBe(withSurvey ? 100 : 70);
            expect(u.of).toBe(units.length);
            expect(u.rank).toBe(1 + a.units.filter((v: Json) => v.index > u.index).length);
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});
