// The office set legacy-font-mixed (fixtures/office/README.md): TCVN3 (.VnTime, .VnTimeH), VNI-Times and
// Unicode cells in one sheet, converted with the default --legacy-font auto. The font of each cell comes
// from the workbook (the reader's cellFonts); every cell and row is checked against the set's expected.json,
// written from the set's design, not from convert.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, run, workspace } from '../cli/helpers.js';

const SET = join(FIXTURES, 'office', 'legacy-font-mixed');

interface Expected {
  cells: { cell: string; unicode: string }[];
  table: { headerRow: number; header: string[]; rows: (string | number)[][] };
}

describe('convert the legacy-font-mixed office set', () => {
  it('decides each cell by its font: the Unicode header and the TCVN3, .VnTimeH and VNI names all right', async () => {
    const expected = JSON.parse(await readFile(join(SET, 'expected.json'), 'utf8')) as Expected;
    const ws = await workspace();
    const r = await run([
      'convert',
      join(SET, 'legacy-font.xlsx'),
      '-o',
      ws.path('out.json'),
      '--lang',
      'en',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(await readFile(ws.path('out.json'), 'utf8'));
    const rows = new Map<number, unknown[]>(
      doc.sheets[0].rows.map((x: { row: number; cells: unknown[] }) => [x.row, x.cells]),
    );
    const cell = (ref: string) => {
      const m = /^([A-Z])(\d+)$/.exec(ref)!;
      return rows.get(Number(m[2]))?.[m[1]!.charCodeAt(0) - 65] ?? null;
    };
    for (const c of expected.cells) expect(cell(c.cell), c.cell).toBe(c.unicode);
    expect(rows.get(expected.table.headerRow)).toEqual(expected.table.header);
    expected.table.rows.forEach((row, i) => {
      const got = (rows.get(expected.table.headerRow + 1 + i) ?? []).map((v) => v ?? '');
      expect(got.concat(Array(row.length - got.length).fill('')), `row ${i + 1}`).toEqual(row);
    });
    expect(r.stderr).toMatch(/cells re-encoded from (TCVN3\/VNI|VNI\/TCVN3) to Unicode/);
  });
});
