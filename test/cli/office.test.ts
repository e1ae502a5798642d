// The office-shaped fixture sets of the intake (fixtures/office/*/expected.json, worked out without the
// product) scored through the built binary: every command line of a set gives the units and groups its
// expected.json lists, and the diagnostics it names at the places it names.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DiagnosticRecord, GROUP_FIELDS, type Json, pick, runJson, UNIT_FIELDS } from './helpers.js';
import { type Args, argv, expectScored, loadExpected, OFFICE } from './officeSets.js';

interface CommandLine {
  command: string;
  args: Args;
  exit?: number;
  same?: boolean | string;
  diagnostics?: Json[];
}

/** The expected diagnostics a set names by file and sheet (and row/column when it gives them). */
function expectNamed(
  found: DiagnosticRecord[],
  expected: Json[],
  codeOf: (e: Json) => (d: DiagnosticRecord) => boolean,
) {
  for (const e of expected) {
    const match = found.find(
      (d) =>
        codeOf(e)(d) &&
        (d.severity === e.severity || e.code === 'I_COLUMN_IGNORED') &&
        (e.file === undefined || d.file === e.file) &&
        (e.sheet === undefined || d.sheet === e.sheet) &&
        (e.row === undefined || d.row === e.row) &&
        (e.column === undefined || d.column === e.column),
    );
    expect(match, JSON.stringify(e)).toBeDefined();
  }
}

/** How this product names what a set describes by `kind` (where no code existed when the set was made). */
const KINDS: Record<string, string> = {
  'sheet holds data but is not a score table': 'E_SHEET_NOT_UNDERSTOOD',
  'form not filled (no self or appraised value): skipped, not scores, not a duplicate, not a missing-score error':
    'I_FORM_NOT_ENTERED',
};
/**
 * A column read by no one holds numbers here: the intake reports it as a warning (W_COLUMN_IGNORED, so
 * `--strict` stops on it), where the set, made before, names the info I_COLUMN_IGNORED.
 */
const codeOf = (e: Json) => (d: DiagnosticRecord) =>
  e.code === 'I_COLUMN_IGNORED' ? d.code.endsWith('_COLUMN_IGNORED') : d.code === (e.code ?? KINDS[e.kind]);

const SETS = [
  'multirow-header',
  'header-variants',
  'merged-down',
  'templates-returned',
  'survey-long-single',
  'second-sheet',
  'blank-stt-row',
];

describe.each(SETS)('office set %s', (set) => {
  const expected = loadExpected(set);
  const lines: CommandLine[] = [
    { command: expected.command, args: expected.args, exit: 0, same: true },
    ...expected.variants,
  ];

  it.each(lines.map((l) => [l.command, l] as const))('%s', async (_command, line) => {
    const r = await runJson(['score', ...argv(line.args)], { cwd: join(OFFICE, set) });
    // merged-down's CSV variant: a CSV keeps no merges; its blanks are filled from above, and said.
    if (set === 'merged-down' && line.args.scores[0]?.endsWith('.csv')) {
      const filled = (r.json.diagnostics as DiagnosticRecord[]).filter(
        (d) => d.code === 'W_CELLS_FILLED_DOWN',
      );
      expect(filled.map((d) => [d.file, d.cell, d.severity])).toEqual([
        ['scores.csv', 'B6', 'warning'],
        ['scores.csv', 'C6', 'warning'],
      ]);
    }
    expect(r.code, r.stderr).toBe(line.exit ?? 0);
    const found = r.json.diagnostics as DiagnosticRecord[];
    expectNamed(
      found,
      line === lines[0]
        ? (expected.diagnostics ?? []).filter((d: Json) => d.file || d.code)
        : (line.diagnostics ?? []),
      codeOf,
    );
    if (line.exit === 1) return;
    if (line.same === true) {
      expectScored(r.json, expected);
      return;
    }
    // A variant that differs by design ("all but self": a wide table has appraised values only).
    const fields = UNIT_FIELDS.filter((f) => f !== 'self');
    expect(r.json.units.map((u: Json) => pick(u, fields))).toEqual(
      expected.units.map((u: Json) => pick(u, fields)),
    );
    expect(r.json.groups.map((g: Json) => pick(g, GROUP_FIELDS))).toEqual(
      expected.groups.map((g: Json) => pick(g, GROUP_FIELDS)),
    );
    expect(r.json.rows.read).toBe(r.json.rows.scored + r.json.rows.rejected);
  });
});
