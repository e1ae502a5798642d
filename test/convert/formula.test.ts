// A formula whose workbook stores no value (saved by a program that does not calculate) is never written
// as text: it is an error at its cell, and that input is not converted (issue #10; docs/inputs.md).
import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { run, workspace } from '../cli/helpers.js';
import { xlsxParts, zip } from '../read/helpers.js';

describe('convert: formulas without a stored value', () => {
  it('is E_FORMULA_NO_VALUE at file › sheet › cell; the other inputs are converted; exit 1', async () => {
    const ws = await workspace();
    const bad = await ws.xlsx('tong-hop.xlsx', [
      {
        name: 'Điểm',
        rows: [
          ['Đơn vị', 'Điểm 1', 'Điểm 2', 'Tổng'],
          ['Xã An', 1, 2, { formula: 'B2+C2', result: 3 }],
          ['Xã Bình', 2, 2, { formula: 'B3+C3' }],
        ],
      },
    ]);
    const good = await ws.write('good.csv', 'Đơn vị,Điểm\nXã Cát,1\n');
    const r = await run([
      'convert',
      bad,
      good,
      '--out-dir',
      ws.path('out'),
      '--format',
      'json',
      '--lang',
      'en',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /error E_FORMULA_NO_VALUE .*tong-hop\.xlsx › Điểm › D3: formula without a cached value/,
    );
    expect(r.stderr).not.toMatch(/D2/);
    expect(await readdir(ws.path('out'))).toEqual(['good.json']);
  });

  it('never reaches an output as text, whatever the format', async () => {
    const ws = await workspace();
    const bad = await ws.xlsx('a.xlsx', [
      {
        name: 'S',
        rows: [
          ['Đơn vị', 'Tổng'],
          ['Xã An', { formula: '1+1' }],
        ],
      },
    ]);
    for (const out of ['x.csv', 'x.xlsx', 'x.json']) {
      const r = await run(['convert', bad, '-o', ws.path(out)]);
      expect(r.code, out).toBe(1);
      await expect(readFile(ws.path(out)), out).rejects.toThrow();
    }
    const stdout = await run(['convert', bad]);
    expect(stdout.code).toBe(1);
    expect(stdout.stdout).toBe('');
  });

  it('a corrupt cell (0x3 in a number cell) is E_CELL_CORRUPT at its cell, never a value; the input is left out', async () => {
    const ws = await workspace();
    const sheet =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Điểm</t></is></c></row><row r="2"><c r="A2"><v>0x3</v></c></row>';
    const bad = await ws.write('hong.xlsx', zip(xlsxParts([{ name: 'S', data: sheet }])));
    const good = await ws.write('good.csv', 'Đơn vị,Điểm\nXã Cát,1\n');
    const r = await run(['convert', bad, good, '--out-dir', ws.path('out'), '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error E_CELL_CORRUPT .*hong\.xlsx › S › A2/);
    expect(r.stderr.match(/E_CELL_CORRUPT/g)).toHaveLength(1);
    expect(await readdir(ws.path('out'))).toEqual(['good.csv']);
  });
});
